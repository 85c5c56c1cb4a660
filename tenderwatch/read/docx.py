"""DOCX via python-docx: headers, then the body (paragraphs and tables in
document order; a table row is one line, cells separated by tabs), then footers.

The body is walked as XML so content controls (w:sdt), text boxes, hyperlinks
and nested tables are not lost. Deleted revisions and field codes are skipped.
"""

from __future__ import annotations

import io
import logging
import zipfile
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError

from ..model import FailReason
from .errors import CORRUPTION_ERRORS, ReadError

log = logging.getLogger(__name__)

# python-docx walks a damaged package without checking it and fails with its own
# TypeError/AttributeError (a part of the wrong type, a missing element): damage, not a bug.
_DOCX_DAMAGE: tuple[type[BaseException], ...] = (*CORRUPTION_ERRORS, PackageNotFoundError, TypeError, AttributeError)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T, _TAB, _BR, _CR = (W + t for t in ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr"))
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {
    _MC_FALLBACK,
    W + "delText",
    W + "instrText",
    W + "rPr",
    W + "pPr",
    W + "tblPr",
    W + "tcPr",
    W + "trPr",
    W + "sectPr",
    W + "del",
}


def _para_text(p: Any) -> str:
    buf: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == _T:
            buf.append(child.text or "")
        elif tag == _TAB:
            buf.append("\t")
        elif tag in (_BR, _CR):
            buf.append("\n")
        elif tag in (_P, _TBL):
            continue  # text boxes inside a run: handled as their own blocks by _blocks
        else:
            stack.append(iter(child))
    return "".join(buf)


def _cell_text(tc: Any, nested: list[str]) -> str:
    parts: list[str] = []
    for child in tc:
        if child.tag == _P:
            t = _para_text(child).strip()
            if t:
                parts.append(t)
        elif child.tag == _TBL:
            nested.extend(_table_lines(child))
        else:
            parts.extend(x for x in _blocks(child) if x)
    return " ".join(parts).replace("\n", " ").replace("\t", " ")


def _table_lines(tbl: Any) -> list[str]:
    lines: list[str] = []
    rows = [c for c in tbl if c.tag == _TR]
    for tr in rows:
        nested: list[str] = []
        cells = [_cell_text(tc, nested) for tc in tr if tc.tag == _TC]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            lines.append("\t".join(cells))
        lines.extend(nested)
    return lines


def _blocks(el: Any) -> list[str]:
    """Lines of a block container (body, header, sdtContent, text box) in order."""
    out: list[str] = []
    for child in el:
        tag = child.tag
        if tag == _P:
            out.append(_para_text(child))
            # text boxes / shapes anchored in the paragraph
            for box in child.iter(W + "txbxContent"):
                if not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
                    out.extend(_blocks(box))
        elif tag == _TBL:
            out.extend(_table_lines(child))
        elif tag in _SKIP:
            continue
        else:
            out.extend(_blocks(child))
    return out


def read_docx(data: bytes) -> tuple[str, dict[str, str]]:
    """Return ``(text, meta)``; raise :class:`ReadError` on failure."""
    try:
        return _read_docx(data)
    except _DOCX_DAMAGE as exc:
        raise ReadError(FailReason.CORRUPT, f"DOCX is damaged: {type(exc).__name__}: {exc}") from exc


def _read_docx(data: bytes) -> tuple[str, dict[str, str]]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise ReadError(FailReason.CORRUPT, f"DOCX could not be opened: {exc}") from exc
    lines: list[str] = []
    seen_parts: set[int] = set()
    for section in document.sections:
        for hdr in (section.header, section.first_page_header):
            try:
                if hdr.is_linked_to_previous:
                    continue
                el = hdr._element
            except Exception:  # a missing header part
                continue
            if id(el) not in seen_parts:
                seen_parts.add(id(el))
                lines.extend(_blocks(el))
    lines.extend(_blocks(document.element.body))
    text = "\n".join(line.rstrip() for line in lines if line.strip())
    meta: dict[str, str] = {}
    title = document.core_properties.title
    if title and title.strip():
        meta["doc_title"] = title.strip()
    return text, meta
