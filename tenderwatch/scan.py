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
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tenderwatch import __version__
from tenderwatch.model import SKIP_REASONS, DocResult, FailReason, ReadFailure, TextDoc
from tenderwatch.parties import resolve_parties
from tenderwatch.pipeline import Reader, process_bytes
from tenderwatch.read import GuardedReader, Input, Limits, read_bytes, walk
from tenderwatch.read.deadline import DocumentTimeout, time_limit
from tenderwatch.store.db import Store

__all__ = ["DocumentTimeout", "ScanCounts", "pipeline_version", "process_file", "scan", "time_limit"]

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
    """What a scan did. Inputs add up: ``files == skipped + not_read + read``."""

    files: int = 0  # inputs given (every file the walker found)
    skipped: int = 0  # unchanged since the last scan
    not_read: int = 0  # inputs not read, stored as skipped with the reason (symlink outside, FIFO...)
    read: int = 0  # inputs read this run (each gave documents and/or failures)
    documents: int = 0
    failed: int = 0
    relevant: int = 0
    not_notices: int = 0  # files/records recognised as labels or exports, stored as skipped
    failures: dict[str, int] = field(default_factory=dict)
    not_read_reasons: dict[str, int] = field(default_factory=dict)


def process_file(
    data: bytes, display: str, limits: Limits, timeout: float, reader: Reader = read_bytes
) -> list[DocResult]:
    """The per-file work of a scan: pipeline plus party screening, under time limits.

    Reading the file, then each document, get ``timeout`` seconds each (a SIGALRM in
    the main thread, re-armed per document): it stops Python code, not a call stuck
    inside a C library; ``reader`` may be a ``GuardedReader.read`` for that (see ``scan``).
    """
    return process_bytes(data, display, limits, reader, timeout=timeout, finish=resolve_parties)


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
    follow_symlinks: bool = False,
) -> ScanCounts:
    """Scan every notice under ``roots`` into ``store``; return what happened.

    With ``workers > 1`` the per-file work (:func:`process_file`, a pure function)
    runs in that many worker processes; reading inputs, skipping unchanged files and
    writing the store stay in this process, in input order, so the store is the same.
    ``executor`` runs that work elsewhere instead, e.g. on a Dask cluster with
    ``distributed.Client(...).get_executor()``; ``workers`` then sets how many batches
    are kept in flight per worker slot. Symlinks to files outside ``roots`` are not
    read (stored as skipped) unless ``follow_symlinks``.
    """
    limits = limits or Limits()
    version = pipeline_version()
    counts = ScanCounts()
    run_id = store.start_run([str(root) for root in roots])
    items = _items(walk(roots, follow_symlinks), store, limits, version, counts, progress)
    try:
        if executor is not None:
            _save_all(_in_pool(executor, items, limits, timeout, max(workers, 2)), store, version, counts)
        elif workers > 1:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                _save_all(_in_pool(pool, items, limits, timeout, workers), store, version, counts)
        else:
            # PDF/Office/zip readers run in a killable worker process, stopped a little before
            # the per-file alarm so a reader stuck in C code becomes a TIMEOUT failure.
            with GuardedReader(limits, timeout * 0.9) as guard:

                def guarded(data: bytes, path: str, _limits: Limits | None) -> list[TextDoc | ReadFailure]:
                    return guard.read(data, path)

                processed = ((item, item.results or process_file(item.data, item.display, limits, timeout, guarded))
                             for item in items)
                _save_all(processed, store, version, counts)
    finally:
        store.commit()  # files fully saved so far (a failed save already rolled its batch back)
    store.finish_run(run_id, {
        "files": counts.files, "skipped": counts.skipped, "documents": counts.documents,
        "failed": counts.failed, "relevant": counts.relevant, "not_read": counts.not_read, "read": counts.read,
    })
    return counts


@dataclass(slots=True)
class _Item:
    """One input file to store: its bytes, or the failure decided without reading it."""

    display: str
    data: bytes
    sha: str
    results: list[DocResult] | None = None


def _failed_item(display: str, sha: str, reason: FailReason, detail: str) -> _Item:
    failure = ReadFailure(display, reason, detail)
    return _Item(display, b"", sha, [DocResult(path=display, sha256=sha, fmt="", failure=failure)])


def _items(
    inputs: Iterable[Input],
    store: Store,
    limits: Limits,
    version: str,
    counts: ScanCounts,
    progress: Callable[[int, str], None] | None,
) -> Iterator[_Item]:
    """Inputs in order, minus the files already stored with the same bytes and pipeline.
    An input that is not read (or vanishes) comes as an item already decided: skipped."""
    for number, entry in enumerate(inputs, 1):
        counts.files += 1
        display, file = entry.display, entry.file
        if progress is not None:
            progress(number, display)
        if entry.skip is not None:
            yield _failed_item(display, _EMPTY_SHA, entry.skip, entry.detail)
            continue
        try:
            size = file.stat().st_size
            if size > limits.max_file_bytes:
                sha = _hash_file(file)
                yield _failed_item(display, sha, FailReason.TOO_LARGE,
                                   f"{size} bytes is over the {limits.max_file_bytes}-byte limit; not read")
                continue
            data = file.read_bytes()
        except FileNotFoundError:
            yield _failed_item(display, _EMPTY_SHA, FailReason.VANISHED, "file disappeared before it was read")
            continue
        except PermissionError as exc:
            yield _failed_item(display, _EMPTY_SHA, FailReason.UNREADABLE, f"no permission: {exc.strerror}")
            continue
        except OSError as exc:
            sha = hashlib.sha256(display.encode()).hexdigest()
            yield _failed_item(display, sha, FailReason.CORRUPT, f"cannot read file: {exc}")
            continue
        sha = hashlib.sha256(data).hexdigest()
        if store.file_done(display, sha, version):
            counts.skipped += 1
            continue
        yield _Item(display, data, sha)


_EMPTY_SHA = hashlib.sha256(b"").hexdigest()


def _work_batch(batch: list[_Item], limits: Limits, timeout: float) -> list[list[DocResult]]:
    """Worker-process entry point: process a batch of files."""
    return [item.results or process_file(item.data, item.display, limits, timeout) for item in batch]


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


def _save_all(
    processed: Iterable[tuple[_Item, list[DocResult]]], store: Store, version: str, counts: ScanCounts
) -> None:
    """Store each processed file. Saves are committed in batches (COMMIT_FILES files or
    COMMIT_SECONDS seconds, whichever first): an interrupted scan loses at most one
    batch, whose files are simply scanned again on resume."""
    pending, last_commit = 0, time.monotonic()
    for item, results in processed:
        saved = store.save_file(item.display, item.data, item.sha, version, results, commit=False)
        pending += 1
        if pending >= COMMIT_FILES or time.monotonic() - last_commit >= COMMIT_SECONDS:
            store.commit()
            pending, last_commit = 0, time.monotonic()
        _count(saved, counts)


def _count(saved: list[DocResult], counts: ScanCounts) -> None:
    """Add one stored input to the counts: not read (skipped with a reason) or read."""
    first = saved[0].failure if len(saved) == 1 else None
    if first is not None and first.reason in SKIP_REASONS and first.reason is not FailReason.NOT_A_NOTICE:
        counts.not_read += 1
        counts.not_read_reasons[first.reason.value] = counts.not_read_reasons.get(first.reason.value, 0) + 1
        return
    counts.read += 1
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
