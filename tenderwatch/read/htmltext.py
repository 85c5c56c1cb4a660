"""DOM -> plain text with layout: blocks and <br> become newlines, table rows
become one line with cells separated by a tab.

Works by inserting sentinel text nodes around block elements and reading the
text in one C call (selectolax/lexbor), which keeps a typical page well under
a millisecond. Source whitespace is collapsed as a browser would.
"""

from __future__ import annotations

import re
from typing import Any

NL = "\u2029"  # paragraph separator: marks a forced line break
TAB = "\u001f"  # unit separator: marks a table-cell boundary

BLOCK_TAGS = (
    "address,article,aside,blockquote,caption,dd,details,dialog,div,dl,dt,fieldset,figcaption,figure,"
    "footer,form,h1,h2,h3,h4,h5,h6,header,hr,legend,li,main,nav,ol,p,pre,section,summary,table,"
    "tbody,thead,tfoot,ul,title,center,option"
)
BLOCK_SET = frozenset(BLOCK_TAGS.split(","))
DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "select",
    "button",
    "input",
    "head",
]

# HTML whitespace plus no-break space collapse to one space; the ideographic
# space (U+3000) is text, not markup whitespace, and is kept.
_WS = re.compile(r"[\t\n\r\f\v\u00a0][ \t\n\r\f\v\u00a0]*| [ \t\n\r\f\v\u00a0]+")  # a lone " " stays as is
_NL_RUN = re.compile("\u2029{2,}")
# Zero-width characters are dropped (they also hide tokens: "A\u200b100").
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


# Block tags that, inside a cell of a multi-column row, only separate words:
# the row stays on one line. (Rows of nested tables still break lines.)
_IN_CELL = (
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "center",
    "section",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "hr",
)


_MAX_CELL_DEPTH = 32  # how far up a block may sit below its cell and still count as in it
_IN_CELL_SET = frozenset(_IN_CELL)
_CELLS = frozenset(("td", "th"))


def _inline_in_cells(tree: Any) -> set[int]:
    """``mem_id`` of block/br nodes sitting in a cell of a row with 2+ cells.

    Single-cell rows are layout tables wrapping whole notices: their blocks keep
    their line breaks. The upward walk is bounded, so deeply nested markup
    stays linear; only nodes with a cell above them (one C-level query) are walked.
    """
    inline: set[int] = set()
    row_width: dict[int, int] = {}
    for node in tree.css("td *,th *"):
        if node.tag not in _IN_CELL_SET:
            continue
        cell = node.parent
        for _ in range(_MAX_CELL_DEPTH):
            if cell is None or cell.tag in _CELLS:
                break
            cell = cell.parent
        else:
            continue
        row = cell.parent if cell is not None else None
        if row is None:
            continue
        width = row_width.get(row.mem_id)
        if width is None:
            width = sum(1 for c in row.iter() if c.tag in _CELLS)
            row_width[row.mem_id] = width
        if width >= 2:
            inline.add(node.mem_id)
    return inline


def _term_pairs(terms: list[Any], inline: set[int]) -> set[int]:
    """Lay out ``<dt>label</dt><dd>value</dd>`` as one line ``label<TAB>value``.

    Returns the ``mem_id`` of the dt/dd nodes handled here (the generic block
    loop leaves them alone). A dt without a dd right after it stays a block.
    """
    done: set[int] = set()
    for term in terms:
        if term.mem_id in inline:
            continue
        nxt = term.next
        while nxt is not None and not nxt.is_element_node and not (nxt.text_content or "").strip():
            nxt = nxt.next
        if nxt is None or nxt.tag != "dd" or nxt.mem_id in inline:
            continue
        term.insert_before(NL)
        term.insert_after(TAB)
        nxt.insert_after(NL)
        done.add(term.mem_id)
        done.add(nxt.mem_id)
    return done


_DISPLAY_BLOCK = re.compile(r"display\s*:\s*(?:block|flex|grid|list-item|table)\b", re.IGNORECASE)
_PRE_TAGS = "pre,textarea,plaintext,xmp,listing"


_DROP_SET = frozenset(DROP_TAGS)
_PRE_SET = frozenset(_PRE_TAGS.split(","))
_END = -1


def _after_subtree(node: Any) -> int:
    """``mem_id`` of the first element after ``node`` and its descendants (``_END``: none)."""
    current = node
    while current is not None:
        sibling = current.next
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.next
        if sibling is not None:
            return int(sibling.mem_id)
        current = current.parent
    return _END


def mark_layout(tree: Any) -> None:
    """Insert line/cell sentinels into ``tree`` (a LexborHTMLParser) in place.

    The elements are listed once (``css("*")``, document order) and sorted by tag in
    Python: one selector query per tag group costs more than the whole sort. Dropped
    and preformatted elements take their subtree out of the sort. Each sentinel is
    inserted next to its own node, so the order of the insertions does not matter.
    """
    inputs: list[Any] = []
    pres: list[Any] = []
    blocks: list[Any] = []
    breaks: list[Any] = []
    rows: list[Any] = []
    cells: list[Any] = []
    terms: list[Any] = []
    present: set[str] = set()
    skip_to: int | None = None  # inside a dropped / preformatted subtree until this element
    for node in tree.css("*"):
        tag = node.tag
        if tag in _DROP_SET:
            present.add(tag)
            if tag == "input":
                inputs.append(node)
        if skip_to is not None:
            if node.mem_id != skip_to:
                continue
            skip_to = None
        if tag in _DROP_SET or tag in _PRE_SET:
            if tag in _PRE_SET:
                pres.append(node)
            skip_to = _after_subtree(node)
        elif tag in BLOCK_SET:
            blocks.append(node)
            if tag == "dt":
                terms.append(node)
        elif tag in _CELLS:
            cells.append(node)
        elif tag == "tr":
            rows.append(node)
        elif tag == "br":
            breaks.append(node)
    # Read-only form fields carry values on some platforms: keep the value as text.
    for node in inputs:
        attrs = node.attributes
        value = (attrs.get("value") or "").strip()
        if (attrs.get("type") or "text").lower() == "text" and value:
            node.insert_after(" " + value + " ")
    tree.strip_tags([tag for tag in DROP_TAGS if tag in present])
    # Preformatted text keeps its line breaks (whitespace is collapsed below).
    for node in pres:
        raw = node.text(deep=True, separator="", strip=False) or ""
        node.replace_with(NL + raw.replace("\r\n", "\n").replace("\n", NL) + NL)
    inline = _inline_in_cells(tree) if cells else set()
    styled = [
        n
        for n in (tree.css('[style*="display" i]'))
        if n.tag not in BLOCK_SET and _DISPLAY_BLOCK.search(n.attributes.get("style") or "")
    ]
    paired = _term_pairs(terms, inline) if terms else set()
    for node in [*blocks, *styled]:
        if node.mem_id in inline:
            node.insert_before(" ")
            node.insert_after(" ")
        elif node.mem_id in paired:
            continue
        else:
            node.insert_before(NL)
            node.insert_after(NL)
    for node in breaks:
        node.insert_after(" " if node.mem_id in inline else NL)
    for node in rows:
        node.insert_before(NL)
        node.insert_after(NL)
    for node in cells:
        node.insert_after(TAB)


def clean_text(raw: str) -> str:
    """Collapse whitespace and turn sentinels into ``\\n`` / ``\\t``."""
    text = _WS.sub(" ", _ZERO_WIDTH.sub("", raw))
    # After _WS no space is doubled: drop the ones next to a sentinel, then merge line breaks
    # (plain str/C-level passes: a regex with an optional lead char is tried at every position).
    text = text.replace(" " + TAB, TAB).replace(TAB + " ", TAB).replace(" " + NL, NL).replace(NL + " ", NL)
    text = _NL_RUN.sub(NL, text)
    lines = []
    for line in text.split(NL):
        # Empty cells inside a row are kept (columns stay aligned); trailing ones are not.
        line = line.strip(" \u3000").rstrip(TAB)
        if line.strip(TAB):
            lines.append(line)
    return "\n".join(lines).replace(TAB, "\t")


def node_text(node: Any) -> str:
    """Text of a node of a tree prepared with :func:`mark_layout`."""
    if node is None:
        return ""
    return clean_text(node.text(deep=True, separator="", strip=False) or "")


def plain(node: Any) -> str:
    """Single-line text of a node (for meta values: titles, breadcrumbs)."""
    if node is None:
        return ""
    raw = node.text(deep=True, separator="", strip=False) or ""
    raw = raw.replace(NL, " ").replace(TAB, " ")
    return _WS.sub(" ", _ZERO_WIDTH.sub("", raw)).strip(" \u3000")
