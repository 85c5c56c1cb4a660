"""Guess the real format of a file from its bytes (magic numbers), using the
file extension only as a tie-breaker."""

from __future__ import annotations

import io
import re
import zipfile

from .errors import CORRUPTION_ERRORS
from .mhtml import looks_like_mhtml

# Binary formats we recognise but do not read. Value: human description.
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image (OCR is not done)"),
    (b"\xff\xd8\xff", "JPEG image (OCR is not done)"),
    (b"GIF8", "GIF image"),
    (b"II*\x00", "TIFF image (OCR is not done)"),
    (b"MM\x00*", "TIFF image (OCR is not done)"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"{\\rtf", "RTF document"),
    (b"\x7fELF", "executable"),
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|span|h[1-6]|br|section|article|script|style|link|form|header|nav|main|center|font|ul|iframe)\b",
    re.IGNORECASE | re.DOTALL,
)
_ANY_TAG = re.compile(
    rb"</?(?:html|body|div|p|table|tr|td|br|span|meta|h[1-6]|li|font|strong|b)\b[^>]*>", re.IGNORECASE
)


def ext_of(path: str) -> str:
    """Lower-case extension of the last path component (``#`` keys and a
    trailing ``.gz`` removed: ``a.jsonl.gz`` -> ``jsonl``)."""
    name = path.rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.rsplit(".", 1)[-1] if "." in name else ""


def zip_kind(data: bytes) -> str:
    """For zip bytes: ``docx``, ``xlsx``, ``pptx`` or ``zip``; ``badzip`` if unreadable."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except CORRUPTION_ERRORS:
        return "badzip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    return "zip"


def sniff(data: bytes, path: str) -> str:
    """Return one of ``pdf zip docx xlsx pptx badzip ole gzip text`` or ``binary:<what>``.

    ``text`` covers HTML, plain text and JSON; :func:`sniff_text` splits it.
    """
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return zip_kind(data)
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    for magic, what in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            return "binary:" + what
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")) and _looks_binary(head):
        return "binary:unknown binary data"
    return "text"


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(head: bytes) -> bool:
    """NULs or many control bytes; a stray corrupted byte in a text file is not enough."""
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    return head.count(0) >= 4 or controls > 0.05 * len(head)


def sniff_text(data: bytes, path: str) -> str:
    """Split text-like bytes into ``html``, ``mhtml``, ``json``, ``jsonl`` or ``txt``."""
    ext = ext_of(path)
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if looks_like_mhtml(head):
        return "mhtml"
    if _HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped[:1] in (b"{", b"["):
        if ext == "jsonl" or ext == "ndjson":
            return "jsonl"
        return "json"  # the reader falls back to JSONL / text when it does not parse
    if ext in ("html", "htm", "xhtml", "shtml", "asp", "aspx", "jsp", "php") and _ANY_TAG.search(head):
        return "html"
    if len(_ANY_TAG.findall(head)) >= 5:  # markup saved under another name (.txt, no extension)
        return "html"
    return "txt"
