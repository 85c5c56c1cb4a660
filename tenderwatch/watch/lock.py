"""One watch per store: an exclusive lock on ``STORE.watch-lock``, freed by the kernel when
the process ends however it ends (kill -9 included), so a crash never leaves it stale."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType


class LockHeld(Exception):
    """Another watch process is running on this store."""


class WatchLock:
    def __init__(self, db: Path) -> None:
        self.path = Path(str(db) + ".watch-lock")
        self._fd: int | None = None

    def __enter__(self) -> WatchLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(fd)
            holder = self.path.read_text(encoding="utf-8", errors="replace").strip() or "?"
            raise LockHeld(f"another watch (pid {holder}) is running on this store ({self.path})") from exc
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor frees the lock
            self._fd = None
