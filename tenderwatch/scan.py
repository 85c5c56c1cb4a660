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
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path

from tenderwatch import __version__
from tenderwatch.model import SKIP_REASONS, DocResult, FailReason, ReadFailure, TextDoc
from tenderwatch.parties import resolve_parties
from tenderwatch.pipeline import Reader, process_bytes
from tenderwatch.read import GuardedReader, Input, Limits, read_bytes, walk
from tenderwatch.read.deadline import DocumentTimeout, time_limit
from tenderwatch.read.wacz import is_warc_input
from tenderwatch.read.warc import PayloadReader
from tenderwatch.store.db import Store
from tenderwatch.warcscan import RecordWork, save_record, warc_work

__all__ = ["DocumentTimeout", "ScanCounts", "available_cores", "pipeline_version", "process_file", "scan",
           "time_limit"]

log = logging.getLogger(__name__)
DATA_DIR = Path(__file__).parent / "data"
COMMIT_FILES = 500  # files per store transaction during a scan
COMMIT_SECONDS = 2.0  # ... or at most this long between commits
BATCH_FILES = 16  # files per task sent to a worker


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
    data: bytes, display: str, limits: Limits, timeout: float, reader: Reader = read_bytes,
    sha256: str | None = None,
) -> list[DocResult]:
    """The per-file work of a scan: pipeline plus party screening, under time limits.

    Reading the file, then each document, get ``timeout`` seconds each (a SIGALRM in
    the main thread, re-armed per document): it stops Python code, not a call stuck
    inside a C library; ``reader`` may be a ``GuardedReader.read`` for that (see ``scan``).
    """
    return process_bytes(data, display, limits, reader, sha256, timeout=timeout, finish=resolve_parties)


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


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
    work elsewhere instead, e.g. on a Dask cluster with ``distributed.Client(...).get_executor()``;
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
            _save_all(_in_pool(executor, named, limits, timeout, max(workers, 2), counts), store, version, counts,
                      limits, timeout)
        else:
            named = _names(roots, store, limits, version, counts, progress, follow_symlinks)
            head = list(islice(named, workers * BATCH_FILES)) if workers > 1 else []
            if workers > 1 and len(head) == workers * BATCH_FILES:
                counts.workers = workers
                with _process_pool(workers) as pool:
                    queue = _in_pool(pool, chain(head, named), limits, timeout, workers, counts)
                    _save_all(queue, store, version, counts, limits, timeout)
            else:
                _in_process((_read(item, limits) if _unread(item) else item for item in chain(head, named)),
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
    items: Iterator[_Item], store: Store, version: str, limits: Limits, timeout: float, counts: ScanCounts
) -> None:
    """Process and store every item in this process."""
    counts.workers = 1
    # PDF/Office/zip readers run in a killable worker process, stopped a little before
    # the per-file alarm so a reader stuck in C code becomes a TIMEOUT failure.
    with GuardedReader(limits, timeout * 0.9) as guard:

        def guarded(data: bytes, path: str, _limits: Limits | None) -> list[TextDoc | ReadFailure]:
            return guard.read(data, path)

        processed = ((item, item.results if item.results is not None else process_file(
            item.data, item.display, limits, timeout, item.reader.over(guarded) if item.reader else guarded, item.sha,
        )) for item in items if not _unchanged(item, store, version, counts))
        _save_all(processed, store, version, counts, limits, timeout)


def _process_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes for the pipeline. Forked workers share the restricted-list index loaded
    here once (copy-on-write) instead of each building its own."""
    if mp.get_start_method(allow_none=False) == "fork":
        from tenderwatch.screen import get_screener

        get_screener()
        gc.freeze()  # the collector in a worker then leaves the inherited objects' pages unwritten (shared)
    return ProcessPoolExecutor(max_workers=workers)


@dataclass(slots=True)
class _Item:
    """One input file to store: its bytes, or the failure decided without reading it. An item
    for a worker carries only its name (``source``, a path or an fsspec URL) and the sha256
    stored for it (``known``); the worker reads it and sends it back with ``data`` and ``sha``.
    Or one record of a WARC file, read here (``work``: its fetch; ``reader``: how to read it)."""

    display: str
    data: bytes
    sha: str
    results: list[DocResult] | None = None
    source: str = ""
    known: str | None = None
    reader: PayloadReader | None = None
    work: RecordWork | None = None


def _unread(item: _Item) -> bool:
    """The item is a name still to be read (not a WARC record, not a failure decided already)."""
    return bool(item.source) and not item.data and item.results is None and item.work is None


def _names(
    roots: Sequence[Path | str],
    store: Store,
    limits: Limits,
    version: str,
    counts: ScanCounts,
    progress: Callable[[int, str], None] | None,
    follow_symlinks: bool = False,
) -> Iterator[_Item]:
    """Inputs in order, by name only: a worker reads each (see :func:`_read`). A local WARC file
    is streamed here, record by record (the size limit applies per record), each record an item
    with its payload. An input that is not read comes as an item already decided: skipped."""
    for number, entry in enumerate(_inputs(roots, follow_symlinks), 1):
        counts.files += 1
        source, display = entry.source, entry.display
        if progress is not None:
            progress(number, display)
        if entry.skip is not None:
            yield _failed_item(display, _EMPTY_SHA, entry.skip, entry.detail)
            continue
        if not _is_url(source) and is_warc_input(Path(source)):
            yield from _warc_items(Path(source), display, number, store, limits, version, counts, progress)
            continue
        yield _Item(display, b"", "", source=source, known=store.stored_sha(display, version))


def _warc_items(
    file: Path, display: str, number: int, store: Store, limits: Limits, version: str, counts: ScanCounts,
    progress: Callable[[int, str], None] | None,
) -> Iterator[_Item]:
    """The records of one WARC file (none when the file is stored already, unchanged)."""
    try:
        sha = _hash_file(file)
    except OSError as exc:
        yield _read(_Item(display, b"", "", source=str(file)), limits)  # stored as failed with the reason
        log.debug("cannot hash %s: %s", display, exc)
        return
    if store.file_done(display, sha, version):
        counts.skipped += 1
        return
    for record, work in enumerate(warc_work(file, display, sha, store, limits, version, counts.warc), 1):
        if progress is not None and record % WARC_PROGRESS_EVERY == 0:
            progress(number, f"{display}: {record:,} records")
        yield _Item(work.display, work.data or b"", work.sha, work.results, reader=work.reader, work=work)


@dataclass(slots=True)
class _Source:
    """One input: a local path or an fsspec URL (``source``), its display path, and why it is
    not read (``skip``, from the walker) if it is not."""

    source: str
    display: str
    skip: FailReason | None = None
    detail: str = ""


def _is_url(source: Path | str) -> bool:
    """An fsspec URL (``s3://``, ``http://``, ``file://`` ...), not a local path."""
    return isinstance(source, str) and "://" in source


def _local(entry: Input) -> _Source:
    return _Source(str(entry.file), entry.display, entry.skip, entry.detail)


def _inputs(roots: Sequence[Path | str], follow_symlinks: bool = False) -> Iterator[_Source]:
    """Every input, root by root: local ones as :func:`walk` finds them (with the reason one is
    not read), fsspec URLs as fsspec lists them (shown by their full URL)."""
    if not any(_is_url(root) for root in roots):
        yield from (_local(entry) for entry in walk([Path(root) for root in roots], follow_symlinks))
        return
    for root in roots:
        if _is_url(root):
            yield from (_Source(url, url) for url in _list_url(str(root)))
        else:
            yield from (_local(entry) for entry in walk([Path(root)], follow_symlinks))


def _failed_item(
    display: str, sha: str, reason: FailReason, detail: str, source: str = "", known: str | None = None
) -> _Item:
    """An input whose outcome is decided without reading it: its one failed (or skipped) document."""
    failure = ReadFailure(display, reason, detail)
    return _Item(display, b"", sha, [DocResult(path=display, sha256=sha, fmt="", failure=failure)], source, known)


_EMPTY_SHA = hashlib.sha256(b"").hexdigest()


def _list_url(url: str) -> list[str]:
    """The files at an fsspec URL (the URL itself when it is a file), hidden names skipped, sorted.
    A URL that cannot be listed is returned as it is: reading it then fails and is stored as failed."""
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
        if fs.isfile(path):
            return [url]
        files = sorted(str(f) for f in fs.find(path))
    except Exception as exc:  # any fsspec backend's error: the URL is then read, and fails, as a file
        log.warning("cannot list %s: %s", url, exc)
        return [url]
    below = [(f, f[len(str(path).rstrip("/")):]) for f in files]
    return [str(fs.unstrip_protocol(f)) for f, rel in below if not any(p.startswith(".") for p in rel.split("/"))]


def _read(item: _Item, limits: Limits) -> _Item:
    """Read an item's input (a local path, or an fsspec URL such as ``s3://`` or ``http://``) and
    hash it; a file over the size limit or that cannot be read becomes its failure result."""
    display, source = item.display, item.source

    def failed(sha: str, reason: FailReason, detail: str) -> _Item:
        return _failed_item(display, sha, reason, detail, source, item.known)

    over = f"over the {limits.max_file_bytes}-byte limit; not read"
    try:
        if _is_url(source):
            data = _read_url(source, limits.max_file_bytes + 1)
            if len(data) > limits.max_file_bytes:
                return failed(hashlib.sha256(display.encode()).hexdigest(), FailReason.TOO_LARGE, over)
        else:
            file = Path(source)
            size = file.stat().st_size
            if size > limits.max_file_bytes:
                return failed(_hash_file(file), FailReason.TOO_LARGE, f"{size} bytes is {over}")
            data = file.read_bytes()
    except FileNotFoundError as exc:
        if _is_url(source):  # a URL that does not answer is a failed input, not a local file that vanished
            return failed(hashlib.sha256(display.encode()).hexdigest(), FailReason.CORRUPT, f"cannot read file: {exc}")
        return failed(_EMPTY_SHA, FailReason.VANISHED, "file disappeared before it was read")
    except PermissionError as exc:
        return failed(_EMPTY_SHA, FailReason.UNREADABLE, f"no permission: {exc.strerror}")
    except Exception as exc:  # OSError, or any error of an fsspec backend (s3, http ...): stored as failed
        return failed(hashlib.sha256(display.encode()).hexdigest(), FailReason.CORRUPT, f"cannot read file: {exc}")
    return _Item(display, data, hashlib.sha256(data).hexdigest(), None, source, item.known)


def _read_url(url: str, most: int) -> bytes:
    """Up to ``most`` bytes of an fsspec URL (fsspec comes with the dask extra)."""
    import fsspec

    with fsspec.open(url, "rb") as handle:
        data: bytes = handle.read(most)
    return data


def _unchanged(item: _Item, store: Store, version: str, counts: ScanCounts) -> bool:
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
    if threading.current_thread() is not threading.main_thread() or mp.current_process().daemon:
        return read_bytes
    if not _GUARD:
        _GUARD.append(GuardedReader(limits, timeout * 0.9))
    guard = _GUARD[0]

    def guarded(data: bytes, path: str, _limits: Limits | None) -> list[TextDoc | ReadFailure]:
        return guard.read(data, path)

    return guarded


def _work_batch(batch: list[_Item], limits: Limits, timeout: float) -> list[_Item]:
    """Worker entry point: read, hash and process a batch of files. A file whose bytes hash to
    the sha stored for it comes back with ``results=None`` and no bytes (unchanged)."""
    done = []
    reader = _worker_reader(limits, timeout)
    for named in batch:
        item = _read(named, limits) if _unread(named) else named
        if item.results is None and item.sha == item.known:
            done.append(_Item(item.display, b"", item.sha, None, item.source, item.known))
            continue
        if item.results is None:
            item.results = process_file(item.data, item.display, limits, timeout,
                                        item.reader.over(reader) if item.reader else reader, item.sha)
        done.append(item)
    return done


def _in_pool(
    pool: Executor, items: Iterator[_Item], limits: Limits, timeout: float, workers: int, counts: ScanCounts,
    batch_size: int = 0,
) -> Iterator[tuple[_Item, list[DocResult]]]:
    """Process items in worker processes, a bounded number of batches in flight, in order."""
    batch_size = batch_size or BATCH_FILES
    window: deque[Future[list[_Item]]] = deque()
    batch: list[_Item] = []

    def drain(limit: int) -> Iterator[tuple[_Item, list[DocResult]]]:
        while len(window) > limit:
            for item in window.popleft().result():
                if item.results is None:
                    counts.skipped += 1
                else:
                    yield item, item.results

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            window.append(pool.submit(_work_batch, batch, limits, timeout))
            batch = []
            yield from drain(2 * workers)
    if batch:
        window.append(pool.submit(_work_batch, batch, limits, timeout))
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
            _count(store.save_file(item.display, item.data, item.sha, version, results, commit=False), counts)
        pending += 1
        if pending >= COMMIT_FILES or time.monotonic() - last_commit >= COMMIT_SECONDS:
            store.commit()
            pending, last_commit = 0, time.monotonic()


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
