"""The body of an HTTP response as archived: chunked transfer and content encodings (gzip,
deflate, br) removed within the size limit. A body that breaks part way is kept up to the break
and the break reported; one marked compressed but stored decoded is read as it is."""

from __future__ import annotations

import re
import zlib

import brotli

from ..model import FailReason, ReadFailure
from .limits import Limits


def header(headers: list[tuple[str, str]], name: str) -> str:
    return next((value for key, value in headers if key.lower() == name), "")


def decode_body(body: bytes, headers: list[tuple[str, str]], limits: Limits) -> tuple[bytes, str | None] | ReadFailure:
    """Remove chunked transfer and content encodings, within the size limit: the body, and what
    was wrong with it if it could be read only in part."""
    encoding = header(headers, "content-encoding").strip().lower()
    if encoding in ("identity", "none"):
        encoding = ""
    if encoding and encoding not in DECODERS:
        return ReadFailure("", FailReason.UNSUPPORTED_FORMAT, f"content encoding {encoding!r} is not decoded", "")
    cap = limits.max_file_bytes + 1
    problems = []
    try:
        if "chunked" in header(headers, "transfer-encoding").lower():
            body, problem = _unchunk(body, None if encoding else cap)
            problems.append(problem)
        if encoding:
            body, problem = _inflate(body, encoding, cap)
            problems.append(problem)
    except Exception as exc:
        return ReadFailure("", FailReason.CORRUPT, f"{encoding or 'chunked'} body cannot be decoded: {exc}", "")
    if len(body) > limits.max_file_bytes:
        return _too_large(f"over {limits.max_file_bytes} bytes", limits)
    return body, "; ".join(p for p in problems if p) or None


def _unchunk(raw: bytes, cap: int | None) -> tuple[bytes, str | None]:
    """Remove chunked framing (RFC 9112 §7.1; chunk extensions and trailers ignored). A body not
    chunked at all is taken as stored de-chunked (tools keep the header); framing that breaks
    part way, or a body that ends before its last chunk, is read as far as it goes and reported."""
    out = bytearray()
    pos = 0
    while cap is None or len(out) < cap:
        eol = raw.find(b"\n", pos, pos + MAX_CHUNK_LINE)
        size = _CHUNK_SIZE.match(raw, pos, eol + 1) if eol >= 0 else None
        if size is None:
            if pos == 0:
                return raw, None  # not chunked at all
            if pos >= len(raw):
                return bytes(out), f"chunked body cut short after {len(out)} bytes (no last chunk)"
            return bytes(out + raw[pos:]), f"chunked framing broken after {len(out)} bytes; the rest read as sent"
        length = int(size.group(1), 16)
        pos = eol + 1
        if length == 0:
            return bytes(out), None
        chunk = raw[pos:pos + length]
        out += chunk
        pos += length
        if len(chunk) < length:
            return bytes(out), f"chunked body cut short inside a chunk after {len(out)} bytes"
        pos += 2 if raw.startswith(b"\r\n", pos) else 1 if raw.startswith(b"\n", pos) else 0
    return bytes(out), None


MAX_CHUNK_LINE = 4096
_CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]{1,8})[ \t]*(?:;[^\r\n]*)?\r?\n")


DECODERS = {"gzip": (31,), "x-gzip": (31,), "deflate": (15, -15), "br": ()}
STEP = 1 << 14  # compressed bytes fed at a time: a break is found with what came before it


def _inflate(data: bytes, encoding: str, cap: int) -> tuple[bytes, str | None]:
    """Decode a compressed body to at most ``cap`` bytes. A body that is not compressed at all
    is taken as stored already decoded (some tools keep the header; warcio does the same); one
    that breaks is kept up to the break, and the break is reported."""
    if encoding == "br":
        return brotli.Decompressor().process(data, output_buffer_limit=cap), None
    if DECODERS[encoding] == (31,) and not data.startswith(b"\x1f\x8b"):
        return data, None
    for wbits in DECODERS[encoding]:
        decomp = zlib.decompressobj(wbits)
        out = bytearray()
        try:
            for at in range(0, len(data), STEP):
                out += decomp.decompress(data[at:at + STEP], cap - len(out))
                if len(out) >= cap or decomp.eof:
                    break
        except zlib.error as exc:
            if not out and wbits != DECODERS[encoding][-1]:
                continue  # deflate: a zlib header, or raw deflate
            if not out and wbits != 31:
                return data, None
            if not out:
                raise
            return bytes(out), f"{encoding} body damaged after {len(out)} decoded bytes ({exc}); read up to there"
        if not decomp.eof and len(out) < cap:
            return bytes(out), f"{encoding} body cut short after {len(out)} decoded bytes; read up to there"
        return bytes(out), None
    return data, None


def _too_large(size: str, limits: Limits) -> ReadFailure:
    return ReadFailure("", FailReason.TOO_LARGE, f"the body holds {size} (limit {limits.max_file_bytes}); "
                       "not read", "")


