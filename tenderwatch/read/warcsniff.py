"""Is a file a WARC or ARC archive? Decided from its first bytes (gunzipped when gzipped), without
importing warcio: the scan asks this of every input, and most inputs are not archives."""

from __future__ import annotations

import zlib
from pathlib import Path

WARC_MAGIC = (b"WARC/", b"filedesc://")
HEAD_BYTES = 4096


def looks_like_warc(head: bytes) -> bool:
    """First bytes of a file (gzip-decompressed when gzipped) -> is it a WARC or ARC file?"""
    return head.lstrip(b"\r\n").startswith(WARC_MAGIC)


def read_head(file: Path) -> bytes:
    """The first 4 KB of a file as stored (empty when unreadable). Unbuffered: a buffered
    reader costs more to set up than the one read it would save."""
    head = b""
    try:
        with open(file, "rb", buffering=0) as handle:
            while len(head) < HEAD_BYTES:
                chunk = handle.read(HEAD_BYTES - len(head))
                if not chunk:
                    break
                head += chunk
    except OSError:
        return b""
    return head


def unzipped_head(head: bytes) -> bytes:
    """A file's first bytes, gunzipped when they are gzipped (empty when they do not gunzip)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return b""
    return head


def _head(file: Path) -> bytes:
    """The first bytes of a file, gunzipped when it is gzipped (empty when unreadable)."""
    return unzipped_head(read_head(file))
