"""Temporary files of the index cache and the list store: named after the process writing them,
and removed on the next start when that process is gone (an interrupted build or update) or when
they are older than any write takes."""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from pathlib import Path

log = logging.getLogger(__name__)

MAX_AGE_SECONDS = 3600  # no index build or list update writes for this long
_NAME = re.compile(r"^\.(?:tmp|incoming)-(\d+)-")


def prefix(kind: str) -> str:
    """``.tmp-<pid>-`` / ``.incoming-<pid>-``: the writer's process id in the name."""
    return f".{kind}-{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(folder: Path) -> int:
    """Remove temporary files and folders in ``folder`` left by a process that has ended (or that
    are older than MAX_AGE_SECONDS); returns how many were removed. Never raises."""
    removed = 0
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith((".tmp-", ".incoming-"))]
    except OSError:
        return 0
    now = time.time()
    for path in candidates:
        m = _NAME.match(path.name)
        try:
            young = now - path.stat().st_mtime < MAX_AGE_SECONDS
            if m and young and _alive(int(m.group(1))):
                continue  # still being written
            if not m and young:
                continue  # an older naming scheme: only by age
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed += 1
        except OSError as exc:
            log.warning("could not remove the temporary file %s: %s", path, exc)
    if removed:
        log.info("removed %d temporary file(s) of an interrupted write in %s", removed, folder)
    return removed
