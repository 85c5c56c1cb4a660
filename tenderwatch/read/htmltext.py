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
_WS = re.compile(r"[ \t\n\r\f\v\u00a0]+")
# Zero-width characters are dropped (they also hide tokens: "A\u200b100").
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_TAB_RUN = re.compile(r" ?\u001f ?")
_NL_RUN = re.compile(r" ?\u2029[ \u2029]*")


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
IN_CELL_SELECTOR = ",".join(_IN_CELL)


_MAX_CELL_DEPTH = 32  # how far up a block may sit below its cell and still count as in it


def _inline_in_cells(tree: Any) -> set[int]:
    """``mem_id`` of block/br nodes sitting in a cell of a row with 2+ cells.

    Single-cell rows are layout tables wrapping whole notices: their blocks keep
    their line breaks. The upward walk is bounded, so deeply nested markup
    stays linear.
    """
    inline: set[int] = set()
    row_width: dict[int, int] = {}
    for node in tree.css(IN_CELL_SELECTOR):
        cell = node.parent
        for _ in range(_MAX_CELL_DEPTH):
            if cell is None or cell.tag in ("td", "th"):
                break
            cell = cell.parent
        else:
            continue
        row = cell.parent if cell is not None else None
        if row is None:
            continue
        width = row_width.get(row.mem_id)
        if width is None:
            width = sum(1 for c in row.iter() if c.tag in ("td", "th"))
            row_width[row.mem_id] = width
        if width >= 2:
            inline.add(node.mem_id)
    return inline


def _term_pairs(tree: Any, inline: set[int]) -> set[int]:
    """Lay out ``<dt>label</dt><dd>value</dd>`` as one line ``label<TAB>value``.

    Returns the ``mem_id`` of the dt/dd nodes handled here (the generic block
    loop leaves them alone). A dt without a dd right after it stays a block.
    """
    done: set[int] = set()
    for term in tree.css("dt"):
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


def mark_layout(tree: Any) -> None:
    """Insert line/cell sentinels into ``tree`` (a LexborHTMLParser) in place."""
    # Read-only form fields carry values on some platforms: keep the value as text.
    for node in tree.css("input[value]"):
        kind = (node.attributes.get("type") or "text").lower()
        value = (node.attributes.get("value") or "").strip()
        if kind == "text" and value:
            node.insert_after(" " + value + " ")
    tree.strip_tags(DROP_TAGS)
    # Preformatted text keeps its line breaks (whitespace is collapsed below).
    for node in tree.css("pre,textarea,plaintext,xmp,listing"):
        raw = node.text(deep=True, separator="", strip=False) or ""
        node.replace_with(NL + raw.replace("\r\n", "\n").replace("\n", NL) + NL)
    inline = _inline_in_cells(tree)
    styled = [
        n
        for n in tree.css('[style*="display" i]')
        if n.tag not in BLOCK_SET and _DISPLAY_BLOCK.search(n.attributes.get("style") or "")
    ]
    paired = _term_pairs(tree, inline)
    for node in [*tree.css(BLOCK_TAGS), *styled]:
        if node.mem_id in inline:
            node.insert_before(" ")
            node.insert_after(" ")
        elif node.mem_id in paired:
            continue
        else:
            node.insert_before(NL)
            node.insert_after(NL)
    for node in tree.css("br"):
        node.insert_after(" " if node.mem_id in inline else NL)
    for node in tree.css("tr"):
        node.insert_before(NL)
        node.insert_after(NL)
    for node in tree.css("td,th"):
        node.insert_after(TAB)


def clean_text(raw: str) -> str:
    """Collapse whitespace and turn sentinels into ``\\n`` / ``\\t``."""
    text = _WS.sub(" ", _ZERO_WIDTH.sub("", raw))
    text = _NL_RUN.sub(NL, text)
    text = _TAB_RUN.sub(TAB, text)
    lines = []
    for line in text.split(NL):
        # Empty cells inside a row are kept (columns stay aligned); trailing ones are not.
        line = line.strip(" \u3000").rstrip(TAB)
        if line.strip(TAB):
            lines.append(line.replace(TAB, "\t"))
    return "\n".join(lines)


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
