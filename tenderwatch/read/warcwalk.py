"""Walk the records of a WARC (or ARC) file, one at a time, checking each as it streams by.

Shared by the WARC reader (:mod:`tenderwatch.read.warc`) and ``archive verify``
(:mod:`tenderwatch.read.warcverify`). warcio's ``ArchiveIterator`` finds the records (plain or
gzipped per record, WARC 0.17-1.1 and ARC); this module reads each record's block itself so
that it can

- compute the block and payload digests (sha1, sha256, md5 ... written in base32, hex or
  base64) and compare them with ``WARC-Block-Digest`` / ``WARC-Payload-Digest``;
- keep at most ``keep`` bytes of the block (memory stays flat whatever the record's size);
- see a record cut short (fewer bytes than its ``Content-Length``), a record not followed by
  its blank-line separator (a wrong ``Content-Length``), a header that is not a WARC header,
  and bytes after the last readable record (a truncated gzip member).

Damage that stops the walk (the next record cannot be found) is yielded as a
:class:`WalkStop` naming the offset; every good record before it has been yielded already.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import gzip
import hashlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

log = logging.getLogger(__name__)

CHUNK = 1 << 16
MAX_HTTP_HEAD = 1 << 20  # HTTP headers longer than this are not split from the payload
_ALGORITHMS = {"sha1": "sha1", "sha-1": "sha1", "sha256": "sha256", "sha-256": "sha256", "md5": "md5",
               "sha512": "sha512", "sha-512": "sha512", "sha384": "sha384", "sha-384": "sha384"}
_HTTP_TYPES = frozenset({"response", "request", "revisit"})
MANDATORY = ("WARC-Record-ID", "WARC-Date", "WARC-Type", "Content-Length")


@dataclass(slots=True)
class WalkedRecord:
    """One record as read: its WARC headers, the first ``keep`` bytes of its block, and what is wrong."""

    offset: int
    rec_type: str
    headers: dict[str, str]  # WARC (or ARC) header fields by lower-case name, first value of each
    uri: str
    block: bytes  # at most ``keep + 1`` bytes of the block
    block_size: int  # bytes of the block actually in the file
    declared: int  # Content-Length
    http: bool  # the block is an HTTP message (status line, headers, then the payload)
    length: int = 0  # bytes the record takes in the file (gzip member or record + separator)
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # digests that were checked and matched

    @property
    def truncated(self) -> bool:
        return self.block_size < self.declared

    @property
    def record_id(self) -> str:
        return self.headers.get("warc-record-id", "")


@dataclass(slots=True, frozen=True)
class WalkStop:
    """The walk could not go on at ``offset``: ``detail`` says why."""

    offset: int
    detail: str


@dataclass(slots=True, frozen=True)
class WalkNote:
    """Something wrong with the file that the walk got round (e.g. one gzip stream for all records)."""

    offset: int
    detail: str


SINGLE_GZIP = ("the file is one gzip stream, not one gzip member per record (warcio recompress fixes it); "
               "read through as one stream, so record offsets are in the uncompressed data")


def _decode_written(value: str, size: int) -> list[bytes]:
    """The byte values a written digest may stand for: base32 (the WARC habit), hex or base64."""
    value = value.strip()
    found: list[bytes] = []
    if len(value) == 2 * size:
        with contextlib.suppress(ValueError):
            found.append(bytes.fromhex(value))
    with contextlib.suppress(binascii.Error, ValueError):
        padded = value.upper() + "=" * (-len(value) % 8)
        found.append(base64.b32decode(padded))
    with contextlib.suppress(binascii.Error, ValueError):
        alt = b"-_" if ("-" in value or "_" in value) else None
        found.append(base64.b64decode(value + "=" * (-len(value) % 4), altchars=alt, validate=True))
    return [f for f in found if len(f) == size]


class _Digest:
    """A ``algo:value`` header and the hash computed over the bytes it covers."""

    __slots__ = ("hasher", "name", "written")

    def __init__(self, name: str, written: str) -> None:
        self.name = name
        self.written = written
        algo, _, _ = written.partition(":")
        known = _ALGORITHMS.get(algo.strip().lower())
        self.hasher: Any = hashlib.new(known) if known else None

    def verdict(self) -> str | None:
        """``None`` when it matches, else the problem."""
        if self.hasher is None:
            return f"{self.name} uses an unknown algorithm: {self.written[:60]}"
        if ":" not in self.written:
            return f"{self.name} is malformed: {self.written[:60]}"
        digest = self.hasher.digest()
        if digest in _decode_written(self.written.partition(":")[2], len(digest)):
            return None
        return f"{self.name} does not match the content ({self.written[:80]})"


def _http_block(rec_type: str, uri: str, head: bytes) -> bool:
    """Does this block hold an HTTP message (as warcio decides: record type and URI scheme)?"""
    return rec_type in _HTTP_TYPES and uri.lower().startswith(("http:", "https:")) and bool(head.strip())


def _read_block(record: Any, walked: WalkedRecord, keep: int) -> None:
    """Stream the block once: keep its start, feed the digests, find where the HTTP payload starts."""
    headers = walked.headers
    block_digest = _Digest("WARC-Block-Digest", headers["warc-block-digest"]) \
        if headers.get("warc-block-digest") else None
    payload_digest = _Digest("WARC-Payload-Digest", headers["warc-payload-digest"]) \
        if headers.get("warc-payload-digest") and walked.rec_type != "revisit" else None
    kept = bytearray()
    head = bytearray()  # the HTTP header bytes while their end is not seen yet
    in_payload = False
    first = True
    while True:
        chunk = record.raw_stream.read(CHUNK)
        if not chunk:
            break
        if first:
            walked.http = _http_block(walked.rec_type, walked.uri, chunk[:16])
            in_payload = not walked.http
            first = False
        walked.block_size += len(chunk)
        if len(kept) <= keep:
            kept += chunk[: keep + 1 - len(kept)]
        if block_digest is not None and block_digest.hasher is not None:
            block_digest.hasher.update(chunk)
        if not in_payload:
            head += chunk
            end = head.find(b"\r\n\r\n")
            if end < 0 and len(head) <= MAX_HTTP_HEAD:
                continue
            in_payload = True
            chunk = bytes(head[end + 4:]) if end >= 0 else b""
            head = bytearray()
        if payload_digest is not None and payload_digest.hasher is not None:
            payload_digest.hasher.update(chunk)
    walked.block = bytes(kept)
    if walked.truncated:
        walked.problems.append(
            f"record cut short: its Content-Length is {walked.declared} bytes, the file holds {walked.block_size}"
        )
        return  # the digests cannot match a part
    for digest in (block_digest, payload_digest):
        if digest is None:
            continue
        problem = digest.verdict()
        if problem is None:
            walked.checked.append(digest.name)
        else:
            walked.problems.append(problem)


def _header_problems(record: Any) -> list[str]:
    if record.format != "warc":
        return []
    headers = record.rec_headers
    return [f"malformed header: no {name}" for name in MANDATORY if not headers.get_header(name)]


def _declared_length(record: Any) -> int | None:
    raw = record.rec_headers.get_header("Content-Length") if record.format == "warc" else record.length
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    if isinstance(record.length, int) and 0 <= record.length < value:
        value = record.length  # an ARC file's header record: warcio read part of its block as headers
    return value if value >= 0 else None


def walk(
    fh: IO[bytes], keep: int = 0, size: int | None = None, *, recover: bool = True
) -> Iterator[WalkedRecord | WalkStop | WalkNote]:
    """Yield every record of the WARC/ARC stream ``fh`` in order, then a :class:`WalkStop` if the
    walk ended before the end of the data (``size``: the file's length, to see a cut-off tail).

    A gzipped WARC written as one gzip stream (not one member per record) is read through as one
    stream when ``fh`` can seek (``recover``), after a :class:`WalkNote` saying so."""
    done = 0
    for item in _walk(fh, keep, size):
        if isinstance(item, WalkStop) and recover and item.detail.startswith("single-gzip") and fh.seekable():
            yield WalkNote(item.offset, SINGLE_GZIP)
            fh.seek(0)
            with gzip.GzipFile(fileobj=fh, mode="rb") as stream:
                for number, again in enumerate(_walk(stream, keep, None)):  # type: ignore[arg-type]
                    if number >= done or not isinstance(again, WalkedRecord):
                        yield again
            return
        if isinstance(item, WalkStop) and item.detail.startswith("single-gzip"):
            item = WalkStop(item.offset, SINGLE_GZIP.split(";")[0])
        if isinstance(item, WalkedRecord):
            done += 1
        yield item


def _walk(fh: IO[bytes], keep: int, size: int | None) -> Iterator[WalkedRecord | WalkStop]:
    it = ArchiveIterator(fh, no_record_parse=True, arc2warc=True)
    last = 0
    while True:
        offset = it.offset if it.offset >= 0 else last  # warcio's offsets break in a single gzip stream
        warnings = io.StringIO()
        try:
            with contextlib.redirect_stderr(warnings):  # warcio writes its warnings to stderr
                record = next(it)
        except StopIteration:
            break
        except Exception as exc:  # warcio raises several kinds on damaged input
            yield WalkStop(offset, _why(exc))
            return
        declared = _declared_length(record)
        uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()
        if declared is None:
            yield WalkStop(offset, f"record of type {record.rec_type or '?'} ({uri[:80] or 'no URI'}) has no valid "
                                   "Content-Length: where it ends cannot be known, the rest is not read")
            return
        headers = {name.lower(): value for name, value in reversed(record.rec_headers.headers)}
        walked = WalkedRecord(offset, record.rec_type or "", headers, uri, b"", 0, declared, False,
                              problems=_header_problems(record))
        try:
            _read_block(record, walked, keep)
            with contextlib.redirect_stderr(warnings):
                it.read_to_end()
        except Exception as exc:
            walked.problems.append(f"record could not be read to its end: {_why(exc)}")
            yield walked
            yield WalkStop(offset, f"stopped inside the record at offset {offset}: {_why(exc)}")
            return
        walked.length = max(it.get_record_length(), 0)
        last = offset
        if "not followed by newline" in warnings.getvalue() and not walked.truncated:
            walked.problems.append("record not followed by its blank-line separator (wrong Content-Length?)")
        yield walked
    end = it.offset
    if size is not None and 0 <= end < size:
        yield WalkStop(end, f"{size - end} bytes at the end of the file could not be read as records "
                            "(a truncated or damaged gzip member?)")


def _why(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if "non-chunked gzip" in text:
        return "single-gzip"
    return f"{type(exc).__name__}: {text[:160]}" if text else type(exc).__name__
