"""``read_bytes``: sniff the real format and dispatch to a reader.

Never raises for bad input: every problem becomes a ``ReadFailure`` with a
reason; an unexpected exception inside a reader becomes ``INTERNAL_ERROR``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ..model import FailReason, ReadFailure, TextDoc
from .cdx import looks_like_warc_index
from .decode import UndecodableError, decode_bytes, normalize_newlines
from .errors import ReadError
from .html import read_html_bytes
from .limits import DEFAULT_LIMITS, Limits
from .mhtml import read_mhtml
from .sniff import OLE_MAGIC, ext_of, sniff, sniff_text
from .valid import valid_result

log = logging.getLogger(__name__)

Result = TextDoc | ReadFailure

_OFFICE_EXT = {"docx": "DOCX", "xlsx": "XLSX", "pptx": "PPTX", "docm": "DOCX", "xlsm": "XLSX"}
_BINARY_EXT = {"pdf", "zip", *_OFFICE_EXT}


def read_bytes(
    data: bytes, path: str, limits: Limits | None = None, charset: str | None = None
) -> list[TextDoc | ReadFailure]:
    """Read one file's bytes into documents.

    ``path`` is the display path; records and archive members get ``PATH#KEY``.
    ``charset`` is one declared outside the bytes (an HTTP ``Content-Type`` header): like a
    page's own declaration it is used only if it decodes the text cleanly.
    Returns one ``TextDoc`` per notice found, and a ``ReadFailure`` for every
    part that could not be read (a file can yield both).
    """
    return list(_read(data, path, limits or DEFAULT_LIMITS, 0, charset))


def _read(data: bytes, path: str, limits: Limits, depth: int, charset: str | None = None) -> Iterator[Result]:
    fmt = ""
    try:
        for item in _dispatch(data, path, limits, depth, charset):
            fmt = item.fmt
            yield valid_result(_finish(item, limits) if isinstance(item, TextDoc) else item)
    except ReadError as exc:
        yield valid_result(ReadFailure(path, exc.reason, exc.detail, fmt))
    except RecursionError:
        yield ReadFailure(path, FailReason.CORRUPT, "structure nested too deeply", fmt)
    except MemoryError:
        yield ReadFailure(path, FailReason.TOO_LARGE, "out of memory while reading", fmt)
    except Exception as exc:
        log.exception("reader failed on %s", path)
        yield valid_result(ReadFailure(path, FailReason.INTERNAL_ERROR, f"{type(exc).__name__}: {exc}", fmt))


def _finish(doc: TextDoc, limits: Limits) -> TextDoc:
    if len(doc.text) > limits.max_chars:
        doc.meta["truncated"] = f"text of {len(doc.text)} chars cut to {limits.max_chars}"
        doc.text = doc.text[: limits.max_chars]
    return doc


def _text_doc(text: str, path: str, fmt: str, encoding: str | None, meta: dict[str, str]) -> Result:
    if not text.strip():
        return ReadFailure(path, FailReason.NO_TEXT, f"{fmt.upper()} holds no text", fmt)
    return TextDoc(path=path, text=text, fmt=fmt, encoding=encoding, meta=meta)


def _dispatch(data: bytes, path: str, limits: Limits, depth: int, charset: str | None) -> Iterator[Result]:
    if not data.strip():
        yield ReadFailure(
            path, FailReason.EMPTY, "file is empty" if not data else "file holds only whitespace"
        )
        return
    if len(data) > limits.max_file_bytes:
        yield ReadFailure(path, FailReason.TOO_LARGE, f"{len(data)} bytes (limit {limits.max_file_bytes})")
        return
    ext = ext_of(path)
    kind = sniff(data, path)
    if kind in ("docx", "xlsx"):
        # the package (and JSON) readers load when such a file comes: most scans are pages
        from .archive import package_problem

        problem = package_problem(data, limits)
        if problem:
            yield ReadFailure(path, FailReason.UNSAFE_ARCHIVE, f"{kind.upper()}: {problem}", kind)
            return
    # PDF, DOCX and XLSX readers import their libraries (pypdfium2, python-docx, openpyxl: ~0.4 s
    # together) only when such a file comes: most scans are HTML and text
    if kind == "pdf":
        from .pdf import read_pdf

        text, meta = read_pdf(data, limits)
        yield _text_doc(text, path, "pdf", None, meta)
    elif kind == "docx":
        from .docx import read_docx

        text, meta = read_docx(data)
        yield _text_doc(text, path, "docx", None, meta)
    elif kind == "xlsx":
        from .xlsx import read_xlsx

        text, meta = read_xlsx(data, limits)
        yield _text_doc(text, path, "xlsx", None, meta)
    elif kind == "zip":
        from .archive import read_zip

        yield from read_zip(data, path, limits, depth, lambda d, p, n: _read(d, p, limits, n))
    elif kind == "gzip":
        yield from _read_gzip(data, path, limits, depth)
    elif kind == "pptx":
        yield ReadFailure(path, FailReason.UNSUPPORTED_FORMAT, "PowerPoint (PPTX) is not read", "pptx")
    elif kind == "badzip":
        what = _OFFICE_EXT.get(ext, "zip")
        yield ReadFailure(path, FailReason.CORRUPT, f"{what} file is a damaged zip package (truncated?)", ext)
    elif kind == "ole":
        yield _ole_failure(data, path, ext)
    elif kind.startswith("binary:"):
        if ext in _BINARY_EXT:
            yield ReadFailure(
                path,
                FailReason.CORRUPT,
                f"named .{ext} but the content is not {ext.upper()} ({kind[7:]})",
                ext,
            )
        else:
            yield ReadFailure(path, FailReason.UNSUPPORTED_FORMAT, kind[7:], ext)
    else:
        yield from _read_text(data, path, limits, ext, charset)


def _read_gzip(data: bytes, path: str, limits: Limits, depth: int) -> Iterator[Result]:
    """A gzip file holds one file: read it under the same display path."""
    if depth >= limits.max_zip_depth:
        yield ReadFailure(path, FailReason.UNSAFE_ARCHIVE, "compressed files nested too deeply", "gzip")
        return
    from .archive import gunzip

    inner = gunzip(data, limits)
    if inner is None:
        yield ReadFailure(path, FailReason.CORRUPT, "gzip data is damaged", "gzip")
    elif isinstance(inner, ReadFailure):
        yield ReadFailure(path, inner.reason, inner.detail, "gzip")
    else:
        yield from _read(inner, path, limits, depth + 1)


def _ole_failure(data: bytes, path: str, ext: str) -> ReadFailure:
    assert data.startswith(OLE_MAGIC)
    if ext in _OFFICE_EXT or b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data:
        return ReadFailure(
            path, FailReason.ENCRYPTED, "password-protected Office file (encrypted OLE package)", ext
        )
    return ReadFailure(
        path,
        FailReason.UNSUPPORTED_FORMAT,
        "legacy Office file (.doc/.xls, OLE2) is not read; convert to DOCX/XLSX",
        ext or "ole",
    )


def _read_text(data: bytes, path: str, limits: Limits, ext: str, charset: str | None) -> Iterator[Result]:
    sub = sniff_text(data, path)
    note = {"mislabelled": f"named .{ext}, content is {sub}"} if ext in _BINARY_EXT else {}
    try:
        if sub == "html":
            text, encoding, meta = read_html_bytes(data, charset)
            yield _text_doc(text, path, "html", encoding, {**meta, **note})
            return
        if sub == "mhtml":
            got = read_mhtml(data)
            if got is not None:
                yield _text_doc(got[0], path, "mhtml", got[1], {**got[2], **note})
                return
        decoded, encoding = decode_bytes(data, charset)
    except UndecodableError as exc:
        yield ReadFailure(path, FailReason.UNDECODABLE, str(exc), sub)
        return
    decoded = normalize_newlines(decoded)
    if sub in ("json", "jsonl"):
        from .records import NotJsonError, read_records

        try:
            yield from read_records(decoded, path, encoding, limits.max_records)
            return
        except NotJsonError as exc:
            if ext in ("json", "jsonl", "ndjson"):
                yield ReadFailure(path, FailReason.CORRUPT, f"invalid JSON: {exc}", ext)
                return
    if looks_like_warc_index(decoded):
        yield ReadFailure(path, FailReason.NOT_A_NOTICE, "a WARC index (CDX/CDXJ), not a notice", "cdx")
        return
    yield _text_doc(decoded.lstrip("\ufeff"), path, "txt", encoding, note)
