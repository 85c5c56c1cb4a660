"""Reading our archives back with warcio in tests."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed


@dataclass
class Record:
    file: str
    type: str
    uri: str | None
    record_id: str
    payload_digest: str | None
    status: int | None
    body: bytes


def read_archive(folder: Path) -> tuple[list[Record], list[str]]:
    """Every record of every file, and the files whose end could not be read (a cut record)."""
    records: list[Record] = []
    damaged: list[str] = []
    for path in sorted(folder.glob("*.warc.gz")):
        with path.open("rb") as handle:
            try:
                for rec in ArchiveIterator(handle, check_digests=True):
                    status = rec.http_headers.get_statuscode() if rec.http_headers and rec.rec_type == "response" else None
                    records.append(Record(
                        path.name, rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI"),
                        rec.rec_headers.get_header("WARC-Record-ID"),
                        rec.rec_headers.get_header("WARC-Payload-Digest"),
                        int(status) if status else None, rec.content_stream().read(),
                    ))
            except (ArchiveLoadFailed, EOFError, OSError, ValueError):
                damaged.append(path.name)
                continue
        if not _whole_gzip(path):  # warcio stops quietly at a member cut short: gzip tells
            damaged.append(path.name)
    return records, damaged


def _whole_gzip(path: Path) -> bool:
    try:
        with gzip.open(path, "rb") as handle:
            while handle.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error):
        return False
    return True
