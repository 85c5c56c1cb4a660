"""DOM -> plain text with layout: blocks and <br> become newlines, table rows
become one line with cells separated by a tab.

Works by inserting sentinel text nodes around block elements and reading the
text in one C call (selectolax/lexbor), which keeps a typical page well under
a millisecond. Source whitespace is collapsed as a browser would.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .pagesource import PageSource

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
_WS_CHARS = "\t\n\r\f\v\u00a0"  # plus " "
_SPACES = re.compile("  +")
# Zero-width characters are dropped (they also hide tokens: "A\u200b100").
_ZW_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZW_CHARS}]")
# Sentinels as UTF-8 bytes: selectolax encodes a str argument on every insertion.
_NL_B = NL.encode()
_TAB_B = TAB.encode()
_SP_B = b" "


def _bytes_method(name: str) -> Any:
    """``LexborNode.<name>`` specialised for a ``bytes`` argument, called as ``f(node, value)``.

    The insert methods take a Cython fused type (str, bytes or node): a call through the generic
    method first dispatches on the argument's type, which costs about as much as the insertion
    itself. Cython lists the specialisations in ``__signatures__``; without it, the generic method.
    """
    method = getattr(LexborNode, name)
    special = getattr(method, "__signatures__", {}).get("bytes")
    return special if callable(special) else method


_insert_before = _bytes_method("insert_before")
_insert_after = _bytes_method("insert_after")


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
_CELLS = frozenset(("td", "th"))


def _inline_in_cells(candidates: list[Any]) -> set[int]:
    """``mem_id`` of block/br nodes sitting in a cell of a row with 2+ cells.

    ``candidates``: the block/br nodes that may sit in a cell (all those inside a table,
    or inside a cell outside any table), in document order. Single-cell rows are layout
    tables wrapping whole notices: their blocks keep their line breaks. The upward walk is
    bounded, so deeply nested markup stays linear.
    """
    inline: set[int] = set()
    row_width: dict[int, int] = {}
    for node in candidates:
        if node.tag_id not in _IN_CELL_IDS:
            continue
        cell = node.parent
        for _ in range(_MAX_CELL_DEPTH):
            if cell is None or cell.tag_id in _CELL_IDS:
                break
            cell = cell.parent
        else:
            continue
        row = cell.parent if cell is not None else None
        if row is None:
            continue
        width = row_width.get(row.mem_id)
        if width is None:
            width = sum(1 for c in row.iter() if c.tag_id in _CELL_IDS)
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
        _insert_before(term, _NL_B)
        _insert_after(term, _TAB_B)
        _insert_after(nxt, _NL_B)
        done.add(term.mem_id)
        done.add(nxt.mem_id)
    return done


_DISPLAY_BLOCK = re.compile(r"display\s*:\s*(?:block|flex|grid|list-item|table)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _displays_block(style: str) -> bool:
    """A style attribute that lays its element out as a block. Remembered: a page repeats a few
    styles on many elements (and a site on many pages), and the case-blind search tries every
    position of the attribute."""
    return _DISPLAY_BLOCK.search(style) is not None
_PRE_TAGS = "pre,textarea,plaintext,xmp,listing"


_PRE_SET = frozenset(_PRE_TAGS.split(","))
_END = -1


def _after_subtree(node: Any) -> tuple[int, int]:
    """``mem_id`` and tag id of the first element after ``node`` and its descendants (``_END``, ``_END``:
    none). The walk that waits for that element reads a node's ``mem_id`` only when its tag id is that
    one: an attribute read costs more than the rest of the test."""
    current = node
    while current is not None:
        sibling = current.next
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.next
        if sibling is not None:
            return int(sibling.mem_id), int(sibling.tag_id)
        current = current.parent
    return _END, _END


_BLOCK, _CELL, _ROW, _BREAK, _DROP, _PRE, _NOTE = range(1, 8)
NOTED = ("u",)  # inline tags mark_layout reports as present (the cells are reported too)
_KIND: dict[str, int] = {
    **dict.fromkeys(NOTED, _NOTE),
    **dict.fromkeys(BLOCK_SET, _BLOCK),
    "td": _CELL,
    "th": _CELL,
    "tr": _ROW,
    "br": _BREAK,
    **dict.fromkeys(DROP_TAGS, _DROP),
    **dict.fromkeys(_PRE_SET, _PRE),  # <pre> is preformatted first, a block second
}
_NOT_CELL_CHILD = frozenset(("td", "th", "tr"))  # the parser never nests these directly in a cell


def _ids_of(names: list[str]) -> dict[int, str]:
    """Lexbor tag ids of standard tag names (fixed numbers; comparing an int is
    cheaper than reading ``node.tag``). Custom elements get ids outside this set."""
    doc = LexborHTMLParser("")
    return {int(doc.create_node(name).tag_id): name for name in names}


def _comment_id() -> int:
    """Lexbor's tag id of a comment node (``traverse()`` yields comments among the elements)."""
    body = LexborHTMLParser("<body><!----></body>").body
    comment = body.child if body is not None else None
    if comment is None or not comment.is_comment_node:
        raise RuntimeError("selectolax: no comment node under <body>")
    return int(comment.tag_id)


_NAME_OF_ID = _ids_of(list(_KIND))
_KIND_OF_ID = {tag_id: _KIND[name] for tag_id, name in _NAME_OF_ID.items()}
_IN_CELL_IDS = frozenset(_ids_of(list(_IN_CELL)))  # tag ids: cheaper than reading ``node.tag``
_CELL_IDS = frozenset(_ids_of(list(_CELLS)))
_COMMENT_ID = _comment_id()
_BLOCK_IDS = frozenset(_ids_of(list(BLOCK_SET)))
_DT_ID = next(i for i, name in _NAME_OF_ID.items() if name == "dt")
_TABLE_ID = next(i for i, name in _NAME_OF_ID.items() if name == "table")
_NOT_CELL_CHILD_IDS = frozenset(i for i, name in _NAME_OF_ID.items() if name in _NOT_CELL_CHILD)


def mark_layout(tree: Any, source: PageSource | None = None) -> set[str]:
    """Insert line/cell sentinels into ``tree`` (a LexborHTMLParser) in place.
    Returns the names of the cell tags (td, th) and :data:`NOTED` tags the page has
    outside dropped and preformatted elements (with none, a query for them finds nothing).

    The elements are walked once (``traverse()``, document order; comments skipped) and
    sorted by tag in Python: one selector query per tag group costs more than the whole sort. Dropped
    and preformatted elements take their subtree out of the sort. Each sentinel is
    inserted next to its own node, so the order of the insertions does not matter.
    ``source``: ``PageSource.of(tree)`` if the caller has it.
    """
    inputs: list[Any] = []
    pres: list[Any] = []
    blocks: list[Any] = []
    breaks: list[Any] = []
    rows: list[Any] = []
    cells: list[Any] = []
    terms: list[Any] = []
    present: set[str] = set()
    seen: set[str] = set()
    kinds = _KIND_OF_ID
    skip_to: int | None = None  # inside a dropped / preformatted subtree until this element
    skip_tag = _END  # ... whose tag id is this
    last_cell: Any = None  # the cell just listed: is the next element its child?
    cell_children = False
    # Inside a table (or a cell outside any table) until this element: the blocks met there are
    # the ones that may sit in a cell (listing them here costs less than a "td *" query).
    table_end: int | None = None
    table_end_tag = _END  # its tag id (_END: not in a table)
    in_tables: list[Any] = []
    for node in tree.root.traverse():  # elements and comments in document order (cheaper than css("*"))
        tag_id = node.tag_id
        if tag_id == table_end_tag and node.mem_id == table_end:
            table_end, table_end_tag = None, _END
        if last_cell is not None:
            if tag_id == _COMMENT_ID:
                continue  # the cell's next element is still to come
            if tag_id not in _NOT_CELL_CHILD_IDS and node.parent.mem_id == last_cell.mem_id:
                cell_children = True
            last_cell = None
        kind = kinds.get(tag_id)
        if skip_to is None:
            if kind is None:
                continue  # inline element, or a comment
            if kind == _BLOCK:  # the common case first
                blocks.append(node)
                if tag_id == _DT_ID:
                    terms.append(node)
                if table_end is not None:
                    in_tables.append(node)
                elif tag_id == _TABLE_ID:
                    table_end, table_end_tag = _after_subtree(node)
                continue
        tag = _NAME_OF_ID.get(tag_id, "")
        if kind == _DROP:
            present.add(tag)
            if tag == "input":
                inputs.append(node)
        if skip_to is not None:
            if tag_id != skip_tag or node.mem_id != skip_to:
                continue
            skip_to = None
        if kind in (_DROP, _PRE):
            if kind == _PRE:
                pres.append(node)
            skip_to, skip_tag = _after_subtree(node)
        elif kind == _BLOCK:
            blocks.append(node)
            if tag == "dt":
                terms.append(node)
            if table_end is not None:
                in_tables.append(node)
            elif tag == "table":
                table_end, table_end_tag = _after_subtree(node)
        elif kind == _CELL:
            cells.append(node)
            last_cell = node
            seen.add(tag)
            if table_end is None:
                table_end, table_end_tag = _after_subtree(node)
        elif kind == _ROW:
            rows.append(node)
        elif kind == _BREAK:
            breaks.append(node)
            if table_end is not None:
                in_tables.append(node)
        elif kind == _NOTE:
            seen.add(tag)
    # Read-only form fields carry values on some platforms: keep the value as text.
    for node in inputs:
        attrs = node.attributes
        value = (attrs.get("value") or "").strip()
        if (attrs.get("type") or "text").lower() == "text" and value:
            node.insert_after(" " + value + " ")
    if present:
        tree.strip_tags([tag for tag in DROP_TAGS if tag in present])
    # Preformatted text keeps its line breaks (whitespace is collapsed below).
    for node in pres:
        raw = node.text(deep=True, separator="", strip=False) or ""
        node.replace_with(NL + raw.replace("\r\n", "\n").replace("\n", NL) + NL)
    # Only elements inside a cell can be laid out inline: none when no cell has a child element.
    inline = _inline_in_cells(in_tables) if cell_children else set()
    styled = (
        [
            n
            for n in (tree.css('[style*="display" i]'))
            if n.tag_id not in _BLOCK_IDS and _displays_block(n.attrs.get("style") or "")
        ]
        if (source or PageSource.of(tree)).may_hold("display")
        else []
    )
    paired = _term_pairs(terms, inline) if terms else set()
    if inline or paired:
        for node in [*blocks, *styled]:
            if node.mem_id in inline:
                _insert_before(node, _SP_B)
                _insert_after(node, _SP_B)
            elif node.mem_id in paired:
                continue
            else:
                _insert_before(node, _NL_B)
                _insert_after(node, _NL_B)
        for node in breaks:
            _insert_after(node, _SP_B if node.mem_id in inline else _NL_B)
    else:
        for node in blocks:
            _insert_before(node, _NL_B)
            _insert_after(node, _NL_B)
        for node in styled:
            _insert_before(node, _NL_B)
            _insert_after(node, _NL_B)
        for node in breaks:
            _insert_after(node, _NL_B)
    for node in rows:
        _insert_before(node, _NL_B)
        _insert_after(node, _NL_B)
    for node in cells:
        _insert_after(node, _TAB_B)
    return seen


def _drop_zero_width(raw: str) -> str:
    for ch in _ZW_CHARS:
        if ch in raw:
            return _ZERO_WIDTH.sub("", raw)
    return raw


def _collapse_ws(text: str) -> str:
    """Every run of HTML whitespace / no-break space -> one " " (C-level str passes:
    a regex with a character class is tried at every position)."""
    for ch in _WS_CHARS:
        if ch in text:
            text = text.replace(ch, " ")
    return _SPACES.sub(" ", text) if "  " in text else text


# What clean_text turns into nothing at either end of a line: HTML whitespace, no-break and
# ideographic space, zero-width characters (not the cell sentinel).
_BLANK = " " + _WS_CHARS + "\u3000" + _ZW_CHARS


def clean_text(raw: str) -> str:
    """Collapse whitespace and turn sentinels into ``\\n`` / ``\\t``."""
    # Each line's blank ends go first, and the lines left empty (most of them: the source's indentation
    # between blocks): the passes below then read only the text (every one of them works within a line,
    # and a line's blank ends come out of them stripped whatever they hold).
    text = NL.join(filter(None, map(str.strip, raw.split(NL), repeat(_BLANK))))
    text = _collapse_ws(_drop_zero_width(text))
    # Now no space is doubled: drop the ones next to a cell sentinel (plain str passes).
    # Spaces next to a line sentinel and empty lines go with the per-line strip below.
    text = text.replace(" " + TAB, TAB).replace(TAB + " ", TAB)
    # Empty cells inside a row are kept (columns stay aligned); trailing ones are not.
    # (Each line stripped, then its trailing cell sentinels, empty ones dropped: map/filter run the
    # str methods without a Python step per line, and most lines are empty.)
    lines = filter(None, map(str.rstrip, map(str.strip, text.split(NL), repeat(" \u3000")), repeat(TAB)))
    return "\n".join(lines).replace(TAB, "\t")


def node_text(node: Any) -> str:
    """Text of a node of a tree prepared with :func:`mark_layout`."""
    if node is None:
        return ""
    return clean_text(node.text(deep=True, separator="", strip=False) or "")


# Any character that plain() would change (sentinels, zero-width, HTML whitespace) or a doubled space.
_PLAIN_WORK = re.compile(f"[{NL}{TAB}{_WS_CHARS}{_ZW_CHARS}]|  ")


def plain(node: Any) -> str:
    """Single-line text of a node (for meta values: titles, breadcrumbs)."""
    if node is None:
        return ""
    raw = node.text(deep=True, separator="", strip=False) or ""
    if _PLAIN_WORK.search(raw) is None:
        return raw.strip(" \u3000")  # nothing to replace, drop or collapse (most labels and cells)
    raw = raw.replace(NL, " ").replace(TAB, " ")
    return _collapse_ws(_drop_zero_width(raw)).strip(" \u3000")
