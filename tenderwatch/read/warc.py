"""WARC/ARC files from any tool (wget, Browsertrix, Heritrix, our collector): records -> payloads.

Each ``response`` (and ``resource``) record whose URI is a web address becomes a
:class:`WarcPayload`: the HTTP body with chunked transfer and content encodings (gzip,
deflate, br) removed, its media type and charset from the HTTP header, and the record's
provenance (``WARC-Target-URI``, ``WARC-Date``, HTTP status, the WARC file, ``WARC-Record-ID``,
``WARC-Payload-Digest``). The payload is read by the ordinary readers with
:class:`PayloadReader`; its documents get the URL as path (``URL#KEY`` inside a JSON answer).

Every other record is a :class:`WarcSkip` with the reason (request, revisit, warcinfo and
metadata records; non-2xx answers; robots.txt; images, styles, scripts), so a scan can count
them. Records are streamed one at a time and the per-file size limit applies per record.
A record cut short or whose digests do not match is read and marked (``damage``); damage
after which no record can be found ends the walk with a ``ReadFailure`` naming the offset.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeadersParser

from tenderwatch.yamlfile import load_yaml

from ..model import FailReason, Provenance, ReadFailure, TextDoc
from .core import read_bytes
from .httpbody import decode_body, header
from .limits import DEFAULT_LIMITS, Limits
from .sniff import sniff
from .warcsniff import _head
from .warcwalk import MAX_HTTP_HEAD, WalkedRecord, WalkNote, WalkStop, walk

log = logging.getLogger(__name__)

_HTTP_PARSER = StatusAndHeadersParser(["HTTP/"], verify=False)
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
HINT = "#warc-payload."  # appended to the URL while reading, so a reader sees the media type


@dataclass(slots=True, frozen=True)
class WarcVocab:
    document_records: frozenset[str]
    document_schemes: frozenset[str]
    skip_paths: frozenset[str]
    skip_media_types: tuple[str, ...]
    extensions: dict[str, str]


@lru_cache(maxsize=1)
def warc_vocab() -> WarcVocab:
    raw = resources.files("tenderwatch").joinpath("data/read/warc.yaml").read_text("utf-8")
    doc = load_yaml(raw)
    return WarcVocab(
        document_records=frozenset(doc["document_records"]),
        document_schemes=frozenset(doc["document_schemes"]),
        skip_paths=frozenset(doc["skip_paths"]),
        skip_media_types=tuple(doc["skip_media_types"]),
        extensions={str(k): str(v) for k, v in doc["extensions"].items()},
    )


@dataclass(slots=True)
class WarcPayload:
    """A record to read as a document (``failure`` set when it cannot be: too large, encoding)."""

    url: str
    offset: int
    provenance: Provenance
    path: str = ""  # the document's path: the URL, or URL#POST:DIGEST for the answer to a query
    data: bytes = b""
    media_type: str = ""
    charset: str | None = None
    http_headers: list[tuple[str, str]] = field(default_factory=list)
    damage: str | None = None  # read, but the record is cut short or its digests do not match
    failure: ReadFailure | None = None
    concurrent: list[str] = field(default_factory=list)  # WARC-Concurrent-To record ids


@dataclass(slots=True)
class WarcSkip:
    """A record that is not a document, and why (``provenance`` for fetches worth remembering)."""

    offset: int
    rec_type: str
    reason: str
    provenance: Provenance | None = None


def is_arc(file: Path) -> bool:
    """An ARC file: its records have no ids of their own (warcio makes up a new one at each read)."""
    return _head(file).lstrip(b"\r\n").startswith(b"filedesc://")


def iso_utc(value: str) -> str | None:
    """``WARC-Date`` (ISO 8601, maybe with fractions or an offset; ARC: 14 digits) -> ``...Z``."""
    value = value.strip()
    try:
        if re.fullmatch(r"\d{14}", value):
            stamp = datetime.strptime(value, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        else:
            stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
            stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    except ValueError:
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def _skipped_media(media_type: str) -> bool:
    return any(media_type.startswith(p) if p.endswith("/") else media_type == p
               for p in warc_vocab().skip_media_types)


def iter_warc(
    fh: IO[bytes], warc_file: str, limits: Limits | None = None, size: int | None = None, *, arc: bool = False
) -> Iterator[WarcPayload | WarcSkip | ReadFailure]:
    """The records of one WARC file, in order. Never raises for bad input: damage that ends the
    walk is a ``ReadFailure`` (path ``WARC#offset=N``, reason ``CORRUPT``).

    An answer to a POST (or other non-GET) request is a query defined by the request's body:
    its document path is ``URL#POST:DIGEST`` (the request body's SHA-1), so two searches at one
    address stay two documents. The request is found by ``WARC-Concurrent-To`` or as the record
    just before or after the response with the same URI (tools write them in either order).
    ``arc``: an ARC file, whose record ids warcio makes up (not kept as ``warc_record_id``)."""
    limits = limits or DEFAULT_LIMITS
    keep = limits.max_file_bytes + MAX_HTTP_HEAD
    tool = "warc"
    requests = _Requests()
    pending: WarcPayload | None = None
    for item in walk(fh, keep=keep, size=size):
        if isinstance(item, WalkNote):
            log.warning("%s: %s", warc_file, item.detail)
            continue
        if isinstance(item, WalkStop):
            if pending is not None:
                yield requests.resolve(pending)
            yield ReadFailure(f"{warc_file}#offset={item.offset}", FailReason.CORRUPT,
                              f"WARC damaged at offset {item.offset}: {item.detail}", "warc")
            return
        if item.rec_type == "warcinfo":
            tool = _software(item.block) or tool
        elif item.rec_type == "request":
            requests.add(item)
        if pending is not None:
            yield requests.resolve(pending)
            pending = None
        entry = _entry(item, warc_file, tool, limits)
        if arc and entry.provenance is not None:
            entry.provenance.warc_record_id = None
        if isinstance(entry, WarcPayload):
            pending = entry
        else:
            yield entry
    if pending is not None:
        yield requests.resolve(pending)


def query_key(request_body: bytes) -> str:
    """The short digest of a request body that tells two queries at one address apart."""
    return hashlib.sha1(request_body).hexdigest()[:12]


def document_path(url: str, method: str = "GET", request_body: bytes = b"") -> str:
    """The store path of a fetched document: its URL, or ``URL#POST:KEY`` for the answer to a
    query sent in a request body. A collector that stores what it fetches uses the same path, so
    its fetch and a later scan of its WARC are one document."""
    method = method.upper()
    return url if method in ("GET", "HEAD") else f"{url}#{method}:{query_key(request_body)}"


class _Requests:
    """Recent request records: method and body digest, by record id and by the records they
    name as concurrent (a bounded window: requests and responses are written close together)."""

    WINDOW = 64

    def __init__(self) -> None:
        self.by_id: dict[str, tuple[str, str]] = {}
        self.last_uri = ""
        self.last: tuple[str, str] | None = None

    def add(self, rec: WalkedRecord) -> None:
        head, _, body = rec.block.partition(b"\r\n\r\n")
        method = head.split(b" ", 1)[0].decode("ascii", "replace").upper()
        found = (method, query_key(body))
        for key in (rec.record_id, *_concurrent(rec)):
            if key:
                self.by_id[key] = found
        while len(self.by_id) > self.WINDOW:
            self.by_id.pop(next(iter(self.by_id)))
        self.last_uri, self.last = rec.uri, found

    def resolve(self, payload: WarcPayload) -> WarcPayload:
        found = None
        for key in (payload.provenance.warc_record_id, *payload.concurrent):
            if key and key in self.by_id:
                found = self.by_id[key]
                break
        if found is None and self.last is not None and self.last_uri.split("#", 1)[0] == payload.url:
            found = self.last
        if found is not None and found[0] not in ("GET", "HEAD"):
            payload.path = f"{payload.url}#{found[0]}:{found[1]}"  # as document_path() makes it
            if payload.failure is not None:
                payload.failure.path = payload.path
        return payload


def _concurrent(rec: WalkedRecord) -> list[str]:
    value = rec.headers.get("warc-concurrent-to", "")
    return re.findall(r"<[^>]+>", value) or ([value.strip()] if value.strip() else [])


def _software(block: bytes) -> str | None:
    match = re.search(rb"^software:\s*(.+?)\s*$", block[:4096], re.MULTILINE | re.IGNORECASE)
    return match.group(1).decode("utf-8", "replace")[:80] if match else None


def _entry(rec: WalkedRecord, warc_file: str, tool: str, limits: Limits) -> WarcPayload | WarcSkip:
    vocab = warc_vocab()
    url = rec.uri.split("#", 1)[0]
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed "[" taken for an IPv6 host: read under the URI as written
        parts = urlsplit(url.replace("[", "%5B").replace("]", "%5D"))
    if rec.rec_type not in vocab.document_records and rec.rec_type != "revisit":
        return WarcSkip(rec.offset, rec.rec_type, f"{rec.rec_type or 'untyped'} record")
    if parts.scheme.lower() not in vocab.document_schemes:
        return WarcSkip(rec.offset, rec.rec_type, f"not a web address ({parts.scheme or 'no'} URI)")
    prov = Provenance(
        url=url, fetched_at=iso_utc(rec.headers.get("warc-date", "")), source=tool, warc_file=warc_file,
        warc_record_id=rec.record_id or None,
        payload_digest=rec.headers.get("warc-payload-digest") or rec.headers.get("warc-block-digest"),
    )
    damage = f"WARC record at offset {rec.offset}: {'; '.join(rec.problems)}" if rec.problems else None
    try:
        status, http_headers, body = _split_http(rec) if rec.http else (None, [], rec.block)
    except Exception as exc:  # a malformed HTTP head
        failure = ReadFailure(url, FailReason.CORRUPT, f"HTTP message in the WARC record at offset "
                                                       f"{rec.offset} cannot be parsed: {exc}", "warc")
        return WarcPayload(url, rec.offset, prov, url, damage=damage, failure=failure)
    prov.http_status = status
    if rec.rec_type == "revisit":
        return WarcSkip(rec.offset, rec.rec_type, "revisit record (the payload is not repeated)", prov)
    if status is not None and not 200 <= status < 300:
        return WarcSkip(rec.offset, rec.rec_type, f"HTTP {status}", prov)
    if parts.path in vocab.skip_paths:
        return WarcSkip(rec.offset, rec.rec_type, parts.path.lstrip("/"), prov)
    content_type = header(http_headers, "content-type") if rec.http else rec.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if _skipped_media(media_type):
        return WarcSkip(rec.offset, rec.rec_type, f"media type {media_type}", prov)
    found = _CHARSET.search(content_type)
    payload = WarcPayload(url, rec.offset, prov, url, media_type=media_type,
                          charset=found.group(1) if found else None, http_headers=http_headers, damage=damage,
                          concurrent=_concurrent(rec))
    if rec.block_size > len(rec.block):  # the walk kept only the first keep + 1 bytes
        payload.failure = ReadFailure(url, FailReason.TOO_LARGE, f"WARC record at offset {rec.offset} holds "
                                      f"{rec.block_size} bytes (limit {limits.max_file_bytes}); not read", "")
        return payload
    decoded = decode_body(body, http_headers, limits)
    if isinstance(decoded, ReadFailure):
        decoded.path = url
        decoded.detail = f"WARC record at offset {rec.offset}: {decoded.detail}"
        payload.failure = decoded
        return payload
    payload.data, problem = decoded
    if problem:
        payload.damage = f"{damage}; {problem}" if damage else f"WARC record at offset {rec.offset}: {problem}"
    return payload


def _split_http(rec: WalkedRecord) -> tuple[int | None, list[tuple[str, str]], bytes]:
    """Status code, headers and the (still encoded) body of the HTTP response in the block."""
    stream = io.BytesIO(rec.block)
    parsed = _HTTP_PARSER.parse(stream)
    code = parsed.get_statuscode()
    status = int(code) if code and code.isdigit() else None
    headers = [(str(k), str(v or "")) for k, v in parsed.headers]
    return status, headers, rec.block[stream.tell():]


Reader = Callable[[bytes, str, Limits | None], list[TextDoc | ReadFailure]]


class PayloadReader:
    """Read a payload as the documents at its URL: the media type's extension and the HTTP
    charset guide the ordinary readers (the bytes are still sniffed first). Picklable, so a
    worker process can run it; ``inner`` (e.g. a guarded reader) reads the binary formats."""

    __slots__ = ("charset", "ext", "inner")

    def __init__(self, media_type: str, charset: str | None, inner: Reader | None = None) -> None:
        self.ext = warc_vocab().extensions.get(media_type, "")
        self.charset = charset
        self.inner = inner

    def over(self, inner: Reader) -> PayloadReader:
        """The same reader, with ``inner`` reading the binary formats."""
        other = PayloadReader("", self.charset, inner)
        other.ext = self.ext
        return other

    def __call__(self, data: bytes, path: str, limits: Limits | None) -> list[TextDoc | ReadFailure]:
        read_as = f"{path}{HINT}{self.ext}" if self.ext else path
        if self.inner is None or sniff(data, read_as) == "text":
            docs = read_bytes(data, read_as, limits, self.charset)
        else:
            docs = self.inner(data, read_as, limits)
        if read_as != path:
            for doc in docs:
                if doc.path.startswith(read_as):
                    doc.path = path + doc.path[len(read_as):]
        return docs

    def __getstate__(self) -> tuple[str, str | None]:
        return self.ext, self.charset

    def __setstate__(self, state: tuple[str, str | None]) -> None:
        self.ext, self.charset = state
        self.inner = None
