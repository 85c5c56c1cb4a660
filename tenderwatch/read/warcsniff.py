"""Is a file a WARC or ARC archive? Decided from its first bytes (gunzipped when gzipped), without
importing warcio: the scan asks this of every input, and most inputs are not archives."""

from __future__ import annotations

import zlib
from pathlib import Path

WARC_MAGIC = (b"WARC/", b"filedesc://")


def looks_like_warc(head: bytes) -> bool:
    """First bytes of a file (gzip-decompressed when gzipped) -> is it a WARC or ARC file?"""
    return head.lstrip(b"\r\n").startswith(WARC_MAGIC)


def _head(file: Path) -> bytes:
    """The first bytes of a file, gunzipped when it is gzipped (empty when unreadable)."""
    try:
        with file.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return b""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return b""
    return head


def is_warc(file: Path) -> bool:
    """A WARC or ARC file, plain or gzipped, by its first bytes (whatever its name)."""
    return looks_like_warc(_head(file))
