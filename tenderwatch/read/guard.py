"""Hard time limit for the heavy readers (PDF, Office, zip).

PDFium and lxml are C code: a pathological file could spin inside one call,
where no cooperative time check can stop it. ``GuardedReader`` runs those
formats in a worker process and kills it when the deadline passes (the file
then gets ``ReadFailure(TIMEOUT)``). Small text files (HTML, TXT, JSON) stay
in-process: their readers are bounded (HTML depth) and fast; large ones go to the
worker too.

    with GuardedReader(timeout=60) as reader:
        for disk, shown in collect(roots):
            results = reader.read(disk.read_bytes(), shown)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from ..model import FailReason, ReadFailure, TextDoc
from .core import read_bytes
from .limits import DEFAULT_LIMITS, Limits
from .sniff import sniff

if TYPE_CHECKING:  # multiprocessing loads when the first heavy file comes: a scan of pages never starts the worker
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnContext
    from multiprocessing.process import BaseProcess

log = logging.getLogger(__name__)

# Text files up to this size are read in-process (fast, and HTML is bounded before
# parsing); larger ones go through the killable worker like PDF/Office/zip.
INLINE_TEXT_BYTES = 512 * 1024

Results = list[TextDoc | ReadFailure]
Reader = Callable[[bytes, str, Limits | None], Results]


def _worker(conn: Connection, reader: Reader) -> None:
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        data, path, limits = job
        conn.send(reader(data, path, limits))


class GuardedReader:
    """``read_bytes`` with a hard per-file timeout for PDF/Office/zip input."""

    def __init__(
        self, limits: Limits | None = None, timeout: float = 60.0, reader: Reader = read_bytes
    ) -> None:
        self.limits = limits or DEFAULT_LIMITS
        self.timeout = timeout
        self.inline_bytes = INLINE_TEXT_BYTES
        self._reader = reader
        self._ctx: SpawnContext | None = None
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        if self._conn is None or self._proc is None or not self._proc.is_alive():
            if self._ctx is None:
                import multiprocessing

                self._ctx = multiprocessing.get_context("spawn")
            parent, child = self._ctx.Pipe()
            proc = self._ctx.Process(target=_worker, args=(child, self._reader), daemon=True)
            proc.start()
            child.close()
            self._proc, self._conn = proc, parent
        return self._conn

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def read(self, data: bytes, path: str) -> Results:
        """Like :func:`read_bytes`; heavy formats run in the worker under the timeout."""
        if sniff(data, path) == "text" and len(data) <= self.inline_bytes:
            return self._reader(data, path, self.limits)
        conn = self._start()
        try:
            conn.send((data, path, self.limits))
            if conn.poll(self.timeout):
                results: Results = conn.recv()
                return results
        except (EOFError, OSError, BrokenPipeError) as exc:
            log.warning("reader worker died on %s: %s", path, exc)
            self._kill()
            return [ReadFailure(path, FailReason.INTERNAL_ERROR, f"reader process died: {exc}")]
        except BaseException:  # interrupted while waiting (a caller's time limit, Ctrl-C): a busy
            self._kill()  # worker would answer the next file with this one's result
            raise
        log.warning("reading %s took longer than %ss; worker killed", path, self.timeout)
        self._kill()
        return [ReadFailure(path, FailReason.TIMEOUT, f"reading took longer than {self.timeout:g} s")]

    def close(self) -> None:
        if self._conn is not None and self._proc is not None and self._proc.is_alive():
            try:
                self._conn.send(None)
                self._proc.join(2)
            except (OSError, BrokenPipeError):
                pass
        self._kill()

    def __enter__(self) -> GuardedReader:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
