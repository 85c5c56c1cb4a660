"""A per-document time limit for Python code (SIGALRM in the main thread).

``DocumentTimeout`` derives from ``BaseException`` on purpose: the broad
``except Exception`` that keeps one reader or pipeline bug from stopping a scan
must not swallow it (it did: timeouts were stored as ``internal_error`` and the
alarm was never re-armed for the next record). The caller that set the limit
catches it and stores a ``TIMEOUT`` failure naming the limit. C code that never
returns to Python is out of its reach: those readers run in ``GuardedReader``'s
killable worker, and HTML is bounded before parsing (``complexity``).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DocumentTimeout(BaseException):
    """Raised inside a document's processing when it runs past its time limit."""


@contextmanager
def time_limit(seconds: float, what: str = "processing") -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread on POSIX only; else no limit).
    Each use arms a fresh alarm and always disarms it, so the next document gets its own."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _raise(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"{what} took longer than the {seconds:g} s limit")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
