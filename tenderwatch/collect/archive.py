"""The crawl's archive: every request and response as gzipped WARC/1.1 records (warcio).

One new file per run and per rotation (``SOURCE-YYYYmmddTHHMMSSZ-PID-NNNNN.warc.gz``, opened
with ``x`` so an existing file, perhaps cut short by a killed run, is never appended to), each
starting with a ``warcinfo`` record (tool version, source, arguments, settings). A record is
built in memory, then written with one ``write`` and flushed before the crawl goes on: a notice
is stored only after its response record is on disk, and a kill leaves at most the last record
cut short, which warcio reports while reading the records before it.
"""

from __future__ import annotations

import io
import json
import logging
import os
import signal
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tenderwatch import __version__
from tenderwatch.collect.faults import fault_point
from tenderwatch.store.db import now_iso

log = logging.getLogger(__name__)

# hop-by-hop framing already undone by the HTTP client: the payload we hold is de-chunked
_DROP_HEADERS = {b"transfer-encoding"}


@dataclass(frozen=True, slots=True)
class Archived:
    """Where a response record was written."""

    warc_file: str  # file name relative to the archive folder
    record_id: str
    payload_digest: str | None
    fetched_at: str  # ISO 8601 UTC ...Z


class Archive:
    """Writes WARC records into ``folder``, rotating files past ``max_bytes``."""

    def __init__(self, folder: str | Path, source: str, info: dict[str, Any], max_bytes: int) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.source = source
        self.info = info
        self.max_bytes = max(int(max_bytes), 1 << 16)
        self.stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        self.seq = 0
        self.files: list[str] = []
        self._handle: BinaryIO | None = None
        self._size = 0
        self._builder = WARCWriter(io.BytesIO(), gzip=True, warc_version="1.1")

    # -- files ------------------------------------------------------------------------

    def _open(self) -> BinaryIO:
        if self._handle is not None and self._size < self.max_bytes:
            return self._handle
        self.close()
        self.seq += 1
        name = f"{self.source}-{self.stamp}-{os.getpid()}-{self.seq:05d}.warc.gz"
        handle = (self.folder / name).open("xb")
        self._handle, self._size = handle, 0
        self.files.append(name)
        info = dict(self.info, software=f"tenderwatch/{__version__}", format="WARC File Format 1.1")
        record = self._builder.create_warcinfo_record(name, {k: _flat(v) for k, v in info.items()})
        self._write(record)
        return handle

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    @property
    def current_file(self) -> str | None:
        return self.files[-1] if self.files else None

    def _write(self, record: Any) -> None:
        buffer = io.BytesIO()
        WARCWriter(buffer, gzip=True, warc_version="1.1").write_record(record)
        data = buffer.getvalue()
        handle = self._handle
        assert handle is not None
        if fault_point("warc_record"):  # test hook: die half-way through a record
            handle.write(data[: len(data) // 2])
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        handle.write(data)
        handle.flush()
        self._size += len(data)

    # -- records ----------------------------------------------------------------------

    def write_exchange(
        self, url: str, method: str, request_headers: list[tuple[bytes, bytes]], request_body: bytes,
        status: int | None, reason: str, response_headers: list[tuple[bytes, bytes]], body: bytes,
    ) -> Archived | None:
        """Write one request record and, when there was an answer, its response record."""
        self._open()
        fetched_at = now_iso()
        date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        response = None
        if status is not None:
            statusline = f"{status} {reason or _reason(status)}"
            headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in response_headers
                       if k.lower() not in _DROP_HEADERS]
            headers = [(k, str(len(body))) if k.lower() == "content-length" else (k, v) for k, v in headers]
            http = StatusAndHeaders(statusline, headers, protocol="HTTP/1.1")
            response = self._builder.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
                warc_headers_dict={"WARC-Date": date},
            )
        target = _request_target(url)
        req_headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request_headers]
        req_http = StatusAndHeaders(f"{method} {target}", req_headers, protocol="HTTP/1.1", is_http_request=True)
        request = self._builder.create_warc_record(
            url, "request", payload=io.BytesIO(request_body), length=len(request_body), http_headers=req_http,
            warc_headers_dict={"WARC-Date": date},
        )
        if response is not None:
            request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
            self._write(response)
        self._write(request)
        if response is None:
            return None
        assert self.current_file is not None
        return Archived(
            warc_file=self.current_file,
            record_id=str(response.rec_headers.get_header("WARC-Record-ID")),
            payload_digest=response.rec_headers.get_header("WARC-Payload-Digest"),
            fetched_at=fetched_at,
        )


def _request_target(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _flat(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
