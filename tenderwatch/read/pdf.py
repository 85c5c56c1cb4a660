"""PDF text layer via pypdfium2 (PDFium, C: fast and robust on broken files).

Pages are joined with ``"\\n\\f\\n"``. Scanned PDFs (no text layer) fail with
``NO_TEXT``; password-protected ones with ``ENCRYPTED``. OCR is not done.
"""

from __future__ import annotations

import logging
import time

import pypdfium2 as pdfium

from ..model import FailReason
from .decode import normalize_newlines
from .errors import CORRUPTION_ERRORS, ReadError
from .limits import Limits

log = logging.getLogger(__name__)

PAGE_SEP = "\n\f\n"
# A space PDFium inserted (not in the file) over a gap wider than this many
# font sizes separates table columns: it becomes a tab.
COLUMN_GAP_EM = 1.0


def page_text(textpage: pdfium.PdfTextPage) -> str:
    """Text of one page; wide generated gaps (table columns) become tabs."""
    text: str = textpage.get_text_range()
    n = textpage.count_chars()
    if len(text) != n or " " not in text:  # surrogate pairs shift indices: keep spaces
        return text
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch != " " or not 0 < i < n - 1 or pdfium.raw.FPDFText_IsGenerated(textpage, i) != 1:
            continue
        left = textpage.get_charbox(i - 1)
        right = textpage.get_charbox(i + 1)
        size = pdfium.raw.FPDFText_GetFontSize(textpage, i - 1) or 10.0
        if right[0] - left[2] > COLUMN_GAP_EM * size:
            chars[i] = "\t"
    return "".join(chars)


def read_pdf(data: bytes, limits: Limits) -> tuple[str, dict[str, str]]:
    """Return ``(text, meta)``; raise :class:`ReadError` on failure."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise ReadError(FailReason.ENCRYPTED, "PDF is password-protected") from exc
        raise ReadError(FailReason.CORRUPT, f"PDF could not be opened: {msg}") from exc
    meta: dict[str, str] = {}
    try:
        n_pages = len(doc)
        if n_pages == 0:
            raise ReadError(FailReason.CORRUPT, "PDF has no pages")
        pages: list[str] = []
        started = time.monotonic()
        total = 0
        damaged = 0
        for i in range(min(n_pages, limits.max_pdf_pages)):
            if time.monotonic() - started > limits.max_seconds:
                meta["truncated"] = f"time limit after {i} of {n_pages} pages"
                break
            try:
                page = doc[i]
            except pdfium.PdfiumError:
                damaged += 1
                continue
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(page_text(textpage))
                finally:
                    textpage.close()
            except (pdfium.PdfiumError, *CORRUPTION_ERRORS):
                damaged += 1
                continue
            finally:
                page.close()
            total += len(pages[-1])
            if total > limits.max_chars:
                break
        else:
            if n_pages > limits.max_pdf_pages:
                meta["truncated"] = f"read {limits.max_pdf_pages} of {n_pages} pages"
    finally:
        doc.close()
    meta["pages"] = str(n_pages)
    if damaged:
        meta["damaged_pages"] = str(damaged)
        if not pages:
            raise ReadError(FailReason.CORRUPT, f"PDF pages could not be loaded ({damaged} of {n_pages})")
    text = PAGE_SEP.join(normalize_newlines(p).strip("\n") for p in pages)
    if not text.strip():
        raise ReadError(FailReason.NO_TEXT, "PDF has no text layer (scanned?); OCR is not done")
    return text, meta
