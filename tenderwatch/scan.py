"""Scan inputs into a store: collect -> per-document pipeline -> screen -> store.

Resumable and idempotent: each input file is stored with its documents atomically
(files are committed in batches of up to COMMIT_FILES files / COMMIT_SECONDS
seconds), and a file whose bytes and pipeline version are already stored is
skipped, so an interrupted scan resumes where its last commit left off and a
re-scan adds nothing.
"""

from __future__ import annotations

import hashlib
import logging
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import FrameType

from tenderwatch import __version__
from tenderwatch.model import DocResult, FailReason, ReadFailure, TextDoc
from tenderwatch.parties import resolve_parties
from tenderwatch.pipeline import Reader, process_bytes
from tenderwatch.read import GuardedReader, Limits, collect, read_bytes
from tenderwatch.read.wacz import is_warc_input
from tenderwatch.read.warc import PayloadReader
from tenderwatch.store.db import Store
from tenderwatch.warcscan import RecordWork, save_record, warc_work

log = logging.getLogger(__name__)
DATA_DIR = Path(__file__).parent / "data"
COMMIT_FILES = 500  # files per store transaction during a scan
COMMIT_SECONDS = 2.0  # ... or at most this long between commits


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Package version plus a digest of the bundled vocabulary: a change re-scans."""
    digest = hashlib.sha1()
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file() and "lists" not in path.relative_to(DATA_DIR).parts:
            digest.update(path.relative_to(DATA_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


@dataclass(slots=True)
class ScanCounts:
    files: int = 0
    skipped: int = 0
    documents: int = 0
    failed: int = 0
    relevant: int = 0
    not_notices: int = 0  # files/records recognised as labels or exports, stored as skipped
    failures: dict[str, int] = field(default_factory=dict)
    # WARC records by what became of them: document, same (unchanged, newer fetch), older (a newer
    # fetch is the document), already stored, or the reason they are not documents
    warc: dict[str, int] = field(default_factory=dict)


WARC_PROGRESS_EVERY = 200  # records of a WARC file between two progress calls


class DocumentTimeout(Exception):
    """Raised inside a document's processing when it runs past its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread on POSIX only; else no limit)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _raise(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"processing took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_file(
    data: bytes, display: str, limits: Limits, timeout: float, reader: Reader = read_bytes
) -> list[DocResult]:
    """The per-file work of a scan: pipeline plus party screening, under a time limit.

    The limit is a SIGALRM in the main thread: it stops Python code, not a call stuck
    inside a C library; ``reader`` may be a ``GuardedReader.read`` for that (see ``scan``).
    """
    try:
        with time_limit(timeout):
            results = process_bytes(data, display, limits, reader)
            for result in results:
                resolve_parties(result)
    except DocumentTimeout as exc:
        sha = hashlib.sha256(data).hexdigest()
        failure = ReadFailure(display, FailReason.TIMEOUT, str(exc))
        results = [DocResult(path=display, sha256=sha, fmt="", failure=failure)]
    return results


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def scan(
    roots: list[Path],
    store: Store,
    limits: Limits | None = None,
    timeout: float = 60.0,
    progress: Callable[[int, str], None] | None = None,
    workers: int = 1,
    executor: Executor | None = None,
) -> ScanCounts:
    """Scan every notice under ``roots`` into ``store``; return what happened.

    With ``workers > 1`` the per-file work (:func:`process_file`, a pure function)
    runs in that many worker processes; reading inputs, skipping unchanged files and
    writing the store stay in this process, in input order, so the store is the same.
    ``executor`` runs that work elsewhere instead, e.g. on a Dask cluster with
    ``distributed.Client(...).get_executor()``; ``workers`` then sets how many batches
    are kept in flight per worker slot.
    """
    limits = limits or Limits()
    version = pipeline_version()
    counts = ScanCounts()
    run_id = store.start_run([str(root) for root in roots])
    items = _items(roots, store, limits, version, counts, progress)
    try:
        if executor is not None:
            _save_all(_in_pool(executor, items, limits, timeout, max(workers, 2)), store, version, counts,
                      limits, timeout)
        elif workers > 1:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                _save_all(_in_pool(pool, items, limits, timeout, workers), store, version, counts, limits, timeout)
        else:
            # PDF/Office/zip readers run in a killable worker process, stopped a little before
            # the per-file alarm so a reader stuck in C code becomes a TIMEOUT failure.
            with GuardedReader(limits, timeout * 0.9) as guard:

                def guarded(data: bytes, path: str, _limits: Limits | None) -> list[TextDoc | ReadFailure]:
                    return guard.read(data, path)

                processed = ((item, item.results if item.results is not None else process_file(
                    item.data, item.display, limits, timeout, item.reader.over(guarded) if item.reader else guarded,
                )) for item in items)
                _save_all(processed, store, version, counts, limits, timeout)
    finally:
        store.commit()  # files fully saved so far (a failed save already rolled its batch back)
    store.finish_run(run_id, {
        "files": counts.files, "skipped": counts.skipped, "documents": counts.documents,
        "failed": counts.failed, "relevant": counts.relevant, **({"warc_records": counts.warc} if counts.warc else {}),
    })
    return counts


@dataclass(slots=True)
class _Item:
    """One input file to store: its bytes, or the failure decided without reading it; or one
    record of a WARC file (``work``: its fetch, and how to read it)."""

    display: str
    data: bytes
    sha: str
    results: list[DocResult] | None = None
    reader: PayloadReader | None = None
    work: RecordWork | None = None


def _items(
    roots: list[Path],
    store: Store,
    limits: Limits,
    version: str,
    counts: ScanCounts,
    progress: Callable[[int, str], None] | None,
) -> Iterator[_Item]:
    """Inputs in order, minus the files already stored with the same bytes and pipeline."""
    for number, (file, display) in enumerate(collect(roots), 1):
        counts.files += 1
        if progress is not None:
            progress(number, display)
        try:
            if is_warc_input(file):  # streamed record by record: the size limit applies per record
                sha = _hash_file(file)
                if store.file_done(display, sha, version):
                    counts.skipped += 1
                    continue
                for record, work in enumerate(warc_work(file, display, sha, store, limits, version, counts.warc), 1):
                    if progress is not None and record % WARC_PROGRESS_EVERY == 0:
                        progress(number, f"{display}: {record:,} records")
                    yield _Item(work.display, work.data or b"", work.sha, work.results, work.reader, work)
                continue
            size = file.stat().st_size
            if size > limits.max_file_bytes:
                sha = _hash_file(file)
                failure = ReadFailure(
                    display, FailReason.TOO_LARGE,
                    f"{size} bytes is over the {limits.max_file_bytes}-byte limit; not read",
                )
                yield _Item(display, b"", sha, [DocResult(path=display, sha256=sha, fmt="", failure=failure)])
                continue
            data = file.read_bytes()
        except OSError as exc:
            sha = hashlib.sha256(display.encode()).hexdigest()
            failure = ReadFailure(display, FailReason.CORRUPT, f"cannot read file: {exc}")
            yield _Item(display, b"", sha, [DocResult(path=display, sha256=sha, fmt="", failure=failure)])
            continue
        sha = hashlib.sha256(data).hexdigest()
        if store.file_done(display, sha, version):
            counts.skipped += 1
            continue
        yield _Item(display, data, sha)


def _work_batch(batch: list[_Item], limits: Limits, timeout: float) -> list[list[DocResult]]:
    """Worker-process entry point: process a batch of files."""
    return [item.results if item.results is not None
            else process_file(item.data, item.display, limits, timeout, item.reader or read_bytes) for item in batch]


def _in_pool(
    pool: Executor, items: Iterator[_Item], limits: Limits, timeout: float, workers: int,
    batch_size: int = 16,
) -> Iterator[tuple[_Item, list[DocResult]]]:
    """Process items in worker processes, a bounded number of batches in flight, in order."""
    window: deque[tuple[list[_Item], Future[list[list[DocResult]]]]] = deque()
    batch: list[_Item] = []

    def drain(limit: int) -> Iterator[tuple[_Item, list[DocResult]]]:
        while len(window) > limit:
            done_batch, future = window.popleft()
            yield from zip(done_batch, future.result(), strict=True)

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            window.append((batch, pool.submit(_work_batch, batch, limits, timeout)))
            batch = []
            yield from drain(2 * workers)
    if batch:
        window.append((batch, pool.submit(_work_batch, batch, limits, timeout)))
    yield from drain(0)


def _save_record(
    item: _Item, results: list[DocResult], store: Store, version: str, limits: Limits, timeout: float
) -> str:
    """Store one WARC record; a payload not read because it was stored already is read here
    if, when saving, it turns out it is needed after all."""
    assert item.work is not None

    def process() -> list[DocResult]:
        return process_file(item.data, item.display, limits, timeout, item.reader or read_bytes)

    outcome = save_record(store, item.work, results, version, process)
    if outcome == "skipped":
        outcome = f"not a document: {item.work.skip}"
    return outcome


def _save_all(
    processed: Iterable[tuple[_Item, list[DocResult]]], store: Store, version: str, counts: ScanCounts,
    limits: Limits | None = None, timeout: float = 60.0,
) -> None:
    """Store each processed file. Saves are committed in batches (COMMIT_FILES files or
    COMMIT_SECONDS seconds, whichever first): an interrupted scan loses at most one
    batch, whose files are simply scanned again on resume."""
    pending, last_commit = 0, time.monotonic()
    for item, results in processed:
        if item.work is not None and item.work.fetch is not None:
            outcome = _save_record(item, results, store, version, limits or Limits(), timeout)
            counts.warc[outcome] = counts.warc.get(outcome, 0) + 1
            if outcome != "document":
                continue
        elif item.work is not None:  # the WARC file itself: its damage; its records' bytes are kept one by one
            store.save_file(item.display, None, item.sha, version, results, commit=False, size=item.work.size)
        else:
            store.save_file(item.display, item.data, item.sha, version, results, commit=False)
        pending += 1
        if pending >= COMMIT_FILES or time.monotonic() - last_commit >= COMMIT_SECONDS:
            store.commit()
            pending, last_commit = 0, time.monotonic()
        for result in results:
            if result.failure is not None and result.failure.reason is FailReason.NOT_A_NOTICE:
                counts.not_notices += 1
                continue
            counts.documents += 1
            if result.failure is not None:
                counts.failed += 1
                reason = result.failure.reason.value
                counts.failures[reason] = counts.failures.get(reason, 0) + 1
            elif result.relevant:
                counts.relevant += 1
