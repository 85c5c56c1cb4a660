"""Scan inputs into a store: collect -> per-document pipeline -> screen -> store.

Resumable and idempotent: each input file is stored with its documents atomically
(files are committed in batches of up to COMMIT_FILES files / COMMIT_SECONDS
seconds), and a file whose bytes and pipeline version are already stored is
skipped, so an interrupted scan resumes where its last commit left off and a
re-scan adds nothing.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from tenderwatch import __version__
from tenderwatch.model import SKIP_REASONS, DocResult, FailReason, ReadFailure, TextDoc
from tenderwatch.parties import resolve_parties  # light: it loads the screening stack when first used
from tenderwatch.read import Limits  # the readers (read_bytes, GuardedReader) load where files are read
from tenderwatch.read.deadline import DocumentTimeout, time_limit
from tenderwatch.read.wacz import is_warc_input
from tenderwatch.scaninput import EMPTY_SHA, Item, failed_item, hash_file, inputs, is_url, read_item, unread
from tenderwatch.store.blobcodec import Packed, pack
from tenderwatch.store.db import Store
from tenderwatch.warm import warm_up, warm_up_worker

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future, ProcessPoolExecutor

    from tenderwatch.pipeline import Reader
    from tenderwatch.read.guard import GuardedReader

# The pipeline (normalising, notice parsing, detecting, screening) and the export rows are imported where
# they run: in this process for a scan without workers, in the worker processes otherwise. A writer whose
# workers are elsewhere (a Dask cluster) does not load them (a quarter of a second of CPU).

__all__ = ["DocumentTimeout", "ScanCounts", "available_cores", "pipeline_version", "process_file", "scan",
           "time_limit"]

log = logging.getLogger(__name__)
DATA_DIR = Path(__file__).parent / "data"
COMMIT_FILES = 500  # files per store transaction during a scan
COMMIT_SECONDS = 2.0  # ... or at most this long between commits
BATCH_FILES = 16  # files per task sent to a worker
# ... to an executor's (Dask) worker: each task costs the client, the scheduler and the worker a few ms of CPU
# (measured on the crawl benchmark: 32 a task takes ~0.1 s CPU less per 1,000 files than 16)
REMOTE_BATCH_FILES = 32


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
    """What a scan did. Inputs add up: ``files == skipped + not_read + read``."""

    files: int = 0  # inputs given (every file the walker found; a WARC file is one)
    skipped: int = 0  # unchanged since the last scan
    not_read: int = 0  # inputs not read, stored as skipped with the reason (symlink outside, FIFO...)
    read: int = 0  # inputs read this run (each gave documents and/or failures)
    documents: int = 0
    failed: int = 0
    relevant: int = 0
    not_notices: int = 0  # files/records recognised as labels or exports, stored as skipped
    workers: int = 1  # worker processes (or Dask slots) that ran the pipeline
    failures: dict[str, int] = field(default_factory=dict)
    not_read_reasons: dict[str, int] = field(default_factory=dict)
    # WARC records by what became of them: document, same (unchanged, newer fetch), older (a newer
    # fetch is the document), already stored, or the reason they are not documents
    warc: dict[str, int] = field(default_factory=dict)


WARC_PROGRESS_EVERY = 200  # records of a WARC file between two progress calls


def process_file(
    data: bytes, display: str, limits: Limits, timeout: float, reader: Reader | None = None,
    sha256: str | None = None,
) -> list[DocResult]:
    """The per-file work of a scan: pipeline plus party screening, under time limits.

    Reading the file, then each document, get ``timeout`` seconds each (a SIGALRM in
    the main thread, re-armed per document): it stops Python code, not a call stuck
    inside a C library; ``reader`` may be a ``GuardedReader.read`` for that (see ``scan``).
    """
    from tenderwatch.pipeline import process_bytes
    from tenderwatch.read import read_bytes

    return process_bytes(data, display, limits, reader or read_bytes, sha256, timeout=timeout, finish=resolve_parties)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS says, else the CPU count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def scan(
    roots: Sequence[Path | str],
    store: Store,
    limits: Limits | None = None,
    timeout: float = 60.0,
    progress: Callable[[int, str], None] | None = None,
    workers: int = 1,
    executor: Executor | None = None,
    follow_symlinks: bool = False,
) -> ScanCounts:
    """Scan every notice under ``roots`` (local files and folders, or fsspec URLs such as
    ``s3://bucket/prefix`` or ``http://host/file``, listed and read through fsspec) into ``store``;
    return what happened.

    With ``workers > 1`` the per-file work (:func:`process_file`, a pure function)
    runs in that many worker processes, which read their input files themselves: this
    process sends names and gets back each file's bytes (stored once, content-addressed)
    and results; skipping unchanged files and writing the store stay here, in input order,
    so the store is the same. An input smaller than a few batches per worker is scanned in
    this process (starting workers would cost more than it saves). ``executor`` runs that
    work elsewhere instead, e.g. on a Dask cluster with ``distributed.Client(...).get_executor(pure=False)``;
    the workers must see the same paths (a shared filesystem) or fsspec URLs; ``workers``
    then sets how many batches are kept in flight per worker slot.
    ``counts.workers`` says how many worker processes (or Dask slots) ran the pipeline.
    Symlinks to files outside ``roots`` are not read (stored as skipped) unless ``follow_symlinks``.
    """
    limits = limits or Limits()
    version = pipeline_version()
    counts = ScanCounts()
    run_id = store.start_run([str(root) for root in roots])
    try:
        if executor is not None:
            counts.workers = max(workers, 1)
            named = _names(roots, store, limits, version, counts, progress, follow_symlinks)
            _save_all(_in_pool(executor, named, limits, timeout, max(workers, 2), counts, REMOTE_BATCH_FILES), store,
                      version, counts, limits, timeout)
        else:
            named = _names(roots, store, limits, version, counts, progress, follow_symlinks)
            head = list(islice(named, workers * BATCH_FILES)) if workers > 1 else []
            if workers > 1 and len(head) == workers * BATCH_FILES:
                counts.workers = workers
                with _process_pool(workers) as pool:
                    queue = _in_pool(pool, chain(head, named), limits, timeout, workers, counts)
                    _save_all(queue, store, version, counts, limits, timeout)
            else:
                _in_process((read_item(item, limits) if unread(item) else item for item in chain(head, named)),
                            store, version, limits, timeout, counts)
    finally:
        store.commit()  # files fully saved so far (a failed save already rolled its batch back)
    store.finish_run(run_id, {
        "files": counts.files, "skipped": counts.skipped, "documents": counts.documents,
        "failed": counts.failed, "relevant": counts.relevant, "not_read": counts.not_read, "read": counts.read,
        **({"warc_records": counts.warc} if counts.warc else {}),
    })
    return counts


def _in_process(
    items: Iterator[Item], store: Store, version: str, limits: Limits, timeout: float, counts: ScanCounts
) -> None:
    """Process and store every item in this process."""
    from tenderwatch.read import GuardedReader

    counts.workers = 1
    # PDF/Office/zip readers run in a killable worker process, stopped a little before
    # the per-file alarm so a reader stuck in C code becomes a TIMEOUT failure.
    with GuardedReader(limits, timeout * 0.9) as guard:

        def guarded(data: bytes, path: str, _limits: Limits | None) -> list[TextDoc | ReadFailure]:
            return guard.read(data, path)

        def processed() -> Iterator[tuple[Item, list[DocResult]]]:
            for item in items:
                if _unchanged(item, store, version, counts):
                    continue
                if item.results is None:  # the writer packs the bytes (only if not kept already) and builds rows
                    item.results = process_file(item.data, item.display, limits, timeout,
                                                item.reader.over(guarded) if item.reader else guarded, item.sha)
                yield item, item.results

        _save_all(processed(), store, version, counts, limits, timeout)


_PACKED: dict[str, set[str]] = {}  # scan -> shas this worker process packed for it (one scan, PACKED_KEPT)
PACKED_KEPT = 100_000


def _packed_before(scan_id: str, sha: str) -> bool:
    """Whether this worker packed these bytes for this scan already (noted now if not). A scan's items
    reach the writer in input order, a worker's in the order it ran them: bytes it packed before are kept
    by the time these arrive (a save that fails stops the scan); if not, the writer reads them again."""
    if not scan_id:
        return False
    seen = _PACKED.get(scan_id)
    if seen is None or len(seen) >= PACKED_KEPT:
        _PACKED.clear()
        seen = _PACKED[scan_id] = set()
    if sha in seen:
        return True
    seen.add(sha)
    return False


def _ready(item: Item, scan_id: str = "") -> Item:
    """Make a processed input ready for the writer in the worker process that ran the pipeline: its
    bytes packed for ``blobs`` (sent instead of the raw bytes, which then travel once and smaller) and its
    documents' export rows built, so the single writer only inserts. A WARC record is saved by its own
    rules. (In one process nothing is gained: the writer packs the bytes only if they are not kept yet.)
    Bytes this worker packed before (the same page under another name) are neither packed nor sent again:
    only their size goes (``repeated``); the writer keeps them already (:func:`_repeated_bytes`)."""
    if item.work is None and item.results is not None:
        from tenderwatch.store.docrow import doc_row

        if item.data and _packed_before(scan_id, item.sha):
            item.repeated, item.data = len(item.data), b""
        elif item.data:
            item.packed, item.data = pack(item.data), b""
        item.rows = [doc_row(result) for result in item.results]
    return item


def _process_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes for the pipeline. Forked workers share what the pipeline builds on first use
    (vocabularies, patterns, the restricted-list index), built here once (:func:`~tenderwatch.warm.warm_up`;
    copy-on-write) instead of each building its own; workers started otherwise build it when they start."""
    # imported here: a scan in one process (most scans of a few thousand files) never loads them
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    forked = mp.get_start_method(allow_none=False) == "fork"
    if forked:
        warm_up()
        gc.freeze()  # the collector in a worker then leaves the inherited objects' pages unwritten (shared)
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(not forked,))


def _start_worker(warm: bool) -> None:
    """Pool worker start-up: end with the writer (:func:`_exit_with_parent`); warm up unless forked warm."""
    _exit_with_parent()
    if warm:
        warm_up_worker()


PARENT_CHECK_SECONDS = 0.5


def _exit_with_parent() -> None:
    """Pool worker start-up: end this worker once the process that started it is gone. A writer killed
    with -9 runs no clean-up, and its workers, blocked on a queue whose other end they hold themselves,
    would otherwise wait for ever, each holding the scan stack's memory. The parent is whatever process
    this worker has now (the writer when forked or spawned, a fork server under the 'forkserver' start
    method, which ends with the writer), so any start method works."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _names(
    roots: Sequence[Path | str],
    store: Store,
    limits: Limits,
    version: str,
    counts: ScanCounts,
    progress: Callable[[int, str], None] | None,
    follow_symlinks: bool = False,
) -> Iterator[Item]:
    """Inputs in order, by name only: a worker reads each (see :func:`read_item`). A local WARC file
    is streamed here, record by record (the size limit applies per record), each record an item
    with its payload. An input that is not read comes as an item already decided: skipped."""
    for number, entry in enumerate(inputs(roots, follow_symlinks), 1):
        counts.files += 1
        source, display = entry.source, entry.display
        if progress is not None:
            progress(number, display)
        if entry.skip is not None:
            yield failed_item(display, EMPTY_SHA, entry.skip, entry.detail)
            continue
        if not is_url(source) and is_warc_input(Path(source)):
            yield from _warc_items(Path(source), display, number, store, limits, version, counts, progress)
            continue
        yield Item(display, b"", "", source=source, known=store.stored_sha(display, version))


def _warc_items(
    file: Path, display: str, number: int, store: Store, limits: Limits, version: str, counts: ScanCounts,
    progress: Callable[[int, str], None] | None,
) -> Iterator[Item]:
    """The records of one WARC file (none when the file is stored already, unchanged)."""
    try:
        sha = hash_file(file)
    except OSError as exc:
        yield read_item(Item(display, b"", "", source=str(file)), limits)  # stored as failed with the reason
        log.debug("cannot hash %s: %s", display, exc)
        return
    if store.file_done(display, sha, version):
        counts.skipped += 1
        return
    from tenderwatch.warcscan import warc_work  # warcio loads only when an archive is scanned

    for record, work in enumerate(warc_work(file, display, sha, store, limits, version, counts.warc), 1):
        if progress is not None and record % WARC_PROGRESS_EVERY == 0:
            progress(number, f"{display}: {record:,} records")
        yield Item(work.display, work.data or b"", work.sha, work.results, reader=work.reader, work=work)


def _unchanged(item: Item, store: Store, version: str, counts: ScanCounts) -> bool:
    """The item's bytes and pipeline version are stored already: count it as skipped."""
    if item.results is not None or item.work is not None:  # WARC records: decided by warc_work
        return False
    done = item.sha == item.known if item.known is not None else store.file_done(item.display, item.sha, version)
    if done:
        counts.skipped += 1
    return done


_GUARD: list[GuardedReader] = []  # this worker process's guarded reader, started on first use


def _worker_reader(limits: Limits, timeout: float) -> Reader:
    """In a worker process's main thread, a ``GuardedReader`` (kept for the process's life) so a
    reader stuck in C code is killed; elsewhere (Dask worker threads, daemonic processes, which
    may not start one) the plain reader under the per-file alarm where it applies."""
    import multiprocessing as mp

    from tenderwatch.read import GuardedReader, read_bytes

    if threading.current_thread() is not threading.main_thread() or mp.current_process().daemon:
        return read_bytes
    if not _GUARD:
        _GUARD.append(GuardedReader(limits, timeout * 0.9))
    guard = _GUARD[0]

    def guarded(data: bytes, path: str, _limits: Limits | None) -> list[TextDoc | ReadFailure]:
        return guard.read(data, path)

    return guarded


def _work_batch(batch: list[Item], limits: Limits, timeout: float, scan_id: str = "") -> list[Item]:
    """Worker entry point: read, hash and process a batch of files. A file whose bytes hash to
    the sha stored for it comes back with ``results=None`` and no bytes (unchanged)."""
    done = []
    reader = _worker_reader(limits, timeout)
    for named in batch:
        item = read_item(named, limits) if unread(named) else named
        if item.results is None and item.sha == item.known:
            done.append(Item(item.display, b"", item.sha, None, item.source, item.known))
            continue
        if item.results is None:
            item.results = process_file(item.data, item.display, limits, timeout,
                                        item.reader.over(reader) if item.reader else reader, item.sha)
        done.append(_ready(item, scan_id))
    return done


def _in_pool(
    pool: Executor, items: Iterator[Item], limits: Limits, timeout: float, workers: int, counts: ScanCounts,
    batch_size: int = 0,
) -> Iterator[tuple[Item, list[DocResult]]]:
    """Process items in worker processes, a bounded number of batches in flight, in order."""
    batch_size = batch_size or BATCH_FILES
    scan_id = os.urandom(8).hex()  # what a worker packed is remembered for this scan only (_packed_before)
    window: deque[Future[list[Item]]] = deque()
    batch: list[Item] = []

    def drain(limit: int) -> Iterator[tuple[Item, list[DocResult]]]:
        while len(window) > limit:
            for item in window.popleft().result():
                if item.results is None:
                    counts.skipped += 1
                else:
                    yield item, item.results

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            window.append(pool.submit(_work_batch, batch, limits, timeout, scan_id))
            batch = []
            yield from drain(2 * workers)
    if batch:
        window.append(pool.submit(_work_batch, batch, limits, timeout, scan_id))
    yield from drain(0)


def _save_record(
    item: Item, results: list[DocResult], store: Store, version: str, limits: Limits, timeout: float
) -> str:
    """Store one WARC record; a payload not read because it was stored already is read here
    if, when saving, it turns out it is needed after all."""
    from tenderwatch.warcscan import save_record

    assert item.work is not None

    def process() -> list[DocResult]:
        return process_file(item.data, item.display, limits, timeout, item.reader)

    outcome = save_record(store, item.work, results, version, process)
    if outcome == "skipped":
        outcome = f"not a document: {item.work.skip}"
    return outcome


def _save_all(
    processed: Iterable[tuple[Item, list[DocResult]]], store: Store, version: str, counts: ScanCounts,
    limits: Limits | None = None, timeout: float = 60.0,
) -> None:
    """Store each processed file. Saves are committed in batches (COMMIT_FILES files or
    COMMIT_SECONDS seconds, whichever first): an interrupted scan loses at most one
    batch, whose files are simply scanned again on resume."""
    pending, last_commit = 0, time.monotonic()
    for item, results in processed:
        if item.work is not None and item.work.fetch is not None:  # one record of a WARC file
            outcome = _save_record(item, results, store, version, limits or Limits(), timeout)
            counts.warc[outcome] = counts.warc.get(outcome, 0) + 1
            if outcome != "document":
                continue
            _count_documents(results, counts)
        elif item.work is not None:  # the WARC file itself: its damage; its records' bytes are kept one by one
            saved = store.save_file(item.display, None, item.sha, version, results, commit=False, size=item.work.size)
            _count(saved, counts)
        else:
            data: Packed | bytes | None = item.packed if item.packed is not None else item.data
            if item.repeated is not None:
                data = _repeated_bytes(item, store, limits or Limits())
            _count(store.save_file(item.display, data, item.sha, version, results, commit=False, rows=item.rows,
                                   size=item.repeated), counts)
        pending += 1
        if pending >= COMMIT_FILES or time.monotonic() - last_commit >= COMMIT_SECONDS:
            store.commit()
            pending, last_commit = 0, time.monotonic()


def _repeated_bytes(item: Item, store: Store, limits: Limits) -> bytes | None:
    """The bytes of an item whose worker sent them before in this scan: None when the store keeps them
    (always, as they are saved in input order), else read again from the input (None if they changed)."""
    if store.has_blob(item.sha):
        return None
    again = read_item(Item(item.display, b"", "", source=item.source), limits)
    return again.data if again.data and again.sha == item.sha else None


def _count(saved: list[DocResult], counts: ScanCounts) -> None:
    """Add one stored input to the counts: not read (skipped with a reason) or read."""
    first = saved[0].failure if len(saved) == 1 else None
    if first is not None and first.reason in SKIP_REASONS and first.reason is not FailReason.NOT_A_NOTICE:
        counts.not_read += 1
        counts.not_read_reasons[first.reason.value] = counts.not_read_reasons.get(first.reason.value, 0) + 1
        return
    counts.read += 1
    _count_documents(saved, counts)


def _count_documents(saved: list[DocResult], counts: ScanCounts) -> None:
    for result in saved:
        if result.failure is not None and result.failure.reason in SKIP_REASONS:
            counts.not_notices += 1
            continue
        counts.documents += 1
        if result.failure is not None:
            counts.failed += 1
            reason = result.failure.reason.value
            counts.failures[reason] = counts.failures.get(reason, 0) + 1
        elif result.relevant:
            counts.relevant += 1
