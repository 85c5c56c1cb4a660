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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import FrameType

from tenderwatch import __version__
from tenderwatch.model import DocResult, FailReason, ReadFailure
from tenderwatch.parties import resolve_parties
from tenderwatch.pipeline import process_bytes
from tenderwatch.read import Limits, collect
from tenderwatch.store.db import Store

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


def process_file(data: bytes, display: str, limits: Limits, timeout: float) -> list[DocResult]:
    """The per-file work of a scan: pipeline plus party screening, under a time limit."""
    try:
        with time_limit(timeout):
            results = process_bytes(data, display, limits)
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
) -> ScanCounts:
    """Scan every notice under ``roots`` into ``store``; return what happened."""
    limits = limits or Limits()
    version = pipeline_version()
    counts = ScanCounts()
    run_id = store.start_run([str(root) for root in roots])
    try:
        _scan_files(roots, store, limits, timeout, progress, version, counts)
    finally:
        store.commit()  # files fully saved so far (a failed save already rolled its batch back)
    store.finish_run(run_id, {
        "files": counts.files, "skipped": counts.skipped, "documents": counts.documents,
        "failed": counts.failed, "relevant": counts.relevant,
    })
    return counts


def _scan_files(
    roots: list[Path],
    store: Store,
    limits: Limits,
    timeout: float,
    progress: Callable[[int, str], None] | None,
    version: str,
    counts: ScanCounts,
) -> None:
    """The scan loop. Saves are committed in batches (COMMIT_FILES files or
    COMMIT_SECONDS seconds, whichever first): an interrupted scan loses at most one
    batch, whose files are simply scanned again on resume."""
    pending, last_commit = 0, time.monotonic()
    for number, (file, display) in enumerate(collect(roots), 1):
        counts.files += 1
        if progress is not None:
            progress(number, display)
        try:
            size = file.stat().st_size
            if size > limits.max_file_bytes:
                sha = _hash_file(file)
                failure = ReadFailure(
                    display, FailReason.TOO_LARGE,
                    f"{size} bytes is over the {limits.max_file_bytes}-byte limit; not read",
                )
                results = [DocResult(path=display, sha256=sha, fmt="", failure=failure)]
                data = b""
            else:
                data = file.read_bytes()
                sha = hashlib.sha256(data).hexdigest()
                if store.file_done(display, sha, version):
                    counts.skipped += 1
                    continue
                results = process_file(data, display, limits, timeout)
        except OSError as exc:
            sha = hashlib.sha256(display.encode()).hexdigest()
            data = b""
            failure = ReadFailure(display, FailReason.CORRUPT, f"cannot read file: {exc}")
            results = [DocResult(path=display, sha256=sha, fmt="", failure=failure)]
        store.save_file(display, data, sha, version, results, commit=False)
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
