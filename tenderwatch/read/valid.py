"""Text made valid at the read boundary, and names made into identities.

Python strings can hold what UTF-8 (and so SQLite, JSON and the browser) cannot:
lone surrogates from JSON ``\\ud800`` escapes or HTML ``&#xD800;`` references, and
the ``surrogateescape`` stand-ins for bytes of a file name that is not UTF-8. Every
document leaves the read stage valid: bad code points become U+FFFD and the
document's ``meta["read_warning"]`` says how many were replaced.

File and member names keep their bytes: :func:`escape_name` shows a byte that is
not UTF-8 as ``\\xNN``, and writes ``#`` (the container separator: ``a.zip#doc.html``,
``x.json#1``) and ``\\`` the same way, so a name can never look like another
document's key.
"""

from __future__ import annotations

import os
import re

from ..model import ReadFailure, TextDoc

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED = re.compile("[\ud800-\udfff#\\\\]")


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many were replaced."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.subn("\ufffd", text)
    return text, 0


def valid_result(item: TextDoc | ReadFailure) -> TextDoc | ReadFailure:
    """Make a reader's output valid UTF-8 throughout (path, text, meta, failure detail)."""
    if isinstance(item, ReadFailure):
        item.path = valid_text(item.path)[0]
        item.detail = valid_text(item.detail)[0]
        return item
    item.path, bad = valid_text(item.path)
    item.text, n = valid_text(item.text)
    bad += n
    meta: dict[str, str] = {}
    for key, value in item.meta.items():
        key, n1 = valid_text(key)
        meta[key], n2 = valid_text(value)
        bad += n1 + n2
    if bad:
        meta["read_warning"] = f"{bad} invalid code point(s) (lone UTF-16 surrogates) replaced by U+FFFD"
    item.meta = meta
    return item


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return f"\\x{code - 0xDC00 if 0xDC80 <= code <= 0xDCFF else code:02x}"


def escape_name(name: str) -> str:
    """A file name (as ``os`` returns it, undecodable bytes as surrogates) shown escaped.

    ``#``, ``\\`` and bytes that are not UTF-8 become ``\\xNN``; anything else is kept.
    Distinct names stay distinct, and the result is valid UTF-8.
    """
    if not _ESCAPED.search(name):
        return name
    if _SURROGATE.search(name):
        raw = os.fsencode(name)  # the bytes on disk
        name = raw.decode("utf-8", "surrogateescape")
    return _ESCAPED.sub(_escape, name)
