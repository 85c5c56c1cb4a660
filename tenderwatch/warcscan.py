"""Scan WARC files (and the WARCs in a WACZ): every record streamed, each payload through the per-document pipeline.

:func:`warc_work` turns one WARC file into units of work for the scan loop
(:mod:`tenderwatch.scan`): one per response/resource record (the payload, a reader that knows
its media type and charset, and the fetch with its provenance), one per record kept only in the
fetch history (a 404, robots.txt, a revisit), and a closing one for the WARC file itself (its
damage, and the mark that lets a re-scan of the unchanged file skip it). Records are read one at
a time: memory stays flat and the per-file limits apply per record. :func:`save_record` stores
one record's documents as the newest fetch of their URL (:mod:`tenderwatch.store.fetches`).
"""

from __future__ import annotations

import hashlib
import logging
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tenderwatch.model import DocResult, FailReason, ReadFailure
from tenderwatch.read import Limits
from tenderwatch.read.wacz import warc_streams
from tenderwatch.read.warc import PayloadReader, WarcPayload, WarcSkip, is_arc, iter_warc
from tenderwatch.store.db import Store
from tenderwatch.store.fetches import Fetch, attach, record_fetch, save_fetched, seen

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RecordWork:
    """One unit of a WARC scan. ``results`` is set when decided without reading (a failure, the
    file's own damage); ``known`` means the same bytes are stored already for this path and
    pipeline, so they are read again only if that is no longer so when saving."""

    display: str
    data: bytes | None
    sha: str
    results: list[DocResult] | None = None
    reader: PayloadReader | None = None
    fetch: Fetch | None = None
    damage: str | None = None
    skip: str | None = None
    known: bool = False
    size: int = 0


def warc_work(
    file: Path, display: str, sha: str, store: Store, limits: Limits, version: str, counts: dict[str, int]
) -> Iterator[RecordWork]:
    """The units of work of one WARC file, in record order, then the closing unit.
    ``counts`` gathers what became of the records (by outcome or skip reason)."""
    size = file.stat().st_size
    damage: list[DocResult] = []
    arc = is_arc(file)
    try:
        for name, handle, part_size in warc_streams(file, display):  # a WACZ holds several
            for entry in iter_warc(handle, name, limits, part_size, arc=arc):
                if isinstance(entry, ReadFailure):
                    damage.append(DocResult(path=entry.path, sha256=sha, fmt="warc", failure=entry))
                    continue
                if isinstance(entry, WarcSkip):
                    if entry.provenance is None:  # nothing to remember but the count
                        _count(counts, f"not a document: {entry.reason}")
                        continue
                    fetch = Fetch(entry.provenance.url, entry.provenance, entry.offset)
                    yield RecordWork(fetch.path, None, "", [], fetch=fetch, skip=entry.reason)
                    continue
                work = _payload_work(entry, store, version)
                if work is None:
                    _count(counts, "already stored")
                    continue
                yield work
    except (OSError, zipfile.BadZipFile, EOFError) as exc:  # a WACZ whose zip is damaged
        failure = ReadFailure(display, FailReason.CORRUPT, f"cannot read on: {type(exc).__name__}: {exc}", "warc")
        damage.append(DocResult(path=display, sha256=sha, fmt="warc", failure=failure))
    yield RecordWork(display, None, sha, damage, size=size)


def _payload_work(entry: WarcPayload, store: Store, version: str) -> RecordWork | None:
    fetch = Fetch(entry.path, entry.provenance, entry.offset, entry.media_type, entry.http_headers)
    data = entry.data
    sha = hashlib.sha256(data).hexdigest()
    if entry.failure is not None:
        result = DocResult(path=entry.path, sha256=sha, fmt=entry.failure.fmt, failure=entry.failure)
        return RecordWork(entry.path, data or None, sha, [result], fetch=fetch, damage=entry.damage)
    known = store.file_done(entry.path, sha, version)
    if known and seen(store, fetch):
        return None  # this very record was scanned before with the same pipeline
    return RecordWork(entry.path, data, sha, [] if known else None, PayloadReader(entry.media_type, entry.charset),
                      fetch, entry.damage, known=known)


def _count(counts: dict[str, int], key: str) -> None:
    counts[key] = counts.get(key, 0) + 1


def save_record(
    store: Store, work: RecordWork, results: list[DocResult], version: str,
    process: Callable[[], list[DocResult]],
) -> str:
    """Store one record as a fetch (see :func:`tenderwatch.store.fetches.save_fetched`); return
    the outcome: ``document``, ``same``, ``older`` or ``skipped``. ``process`` reads the payload
    when it was not read (``known``) but must be after all."""
    assert work.fetch is not None
    if work.skip is not None:
        record_fetch(store, work.fetch, f"skipped: {work.skip}", None)
        return "skipped"

    def documents() -> list[DocResult]:
        docs = process() if work.known else results
        attach(docs, work.fetch, work.damage)  # type: ignore[arg-type]
        return docs

    failed = any(r.failure is not None for r in results) and not work.known
    return save_fetched(store, work.fetch, work.data, work.sha, version, documents,
                        outcome="failed" if failed else "document")
