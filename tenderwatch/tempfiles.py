"""Temporary files of the caches and the list store: named after the process writing them
(``.tmp-<pid>@<host>-``), and removed on the next start when that process is gone (an interrupted
build or update) or when they are older than any write takes. A home on a filesystem shared by
several machines: a file another machine is writing is judged by its age only (its process id
means nothing here), so a write under way there is never removed from under it."""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import time
from pathlib import Path

log = logging.getLogger(__name__)

MAX_AGE_SECONDS = 3600  # no index build or list update writes for this long
_NAME = re.compile(r"^\.(?:tmp|incoming)-(\d+)(?:@([A-Za-z0-9_.]*))?-")


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9_.]", "_", socket.gethostname())[:64]


def prefix(kind: str) -> str:
    """``.tmp-<pid>@<host>-`` / ``.incoming-<pid>@<host>-``: the writer's process and machine in the name
    (``<pid>-`` alone, without the machine, is an older name: judged as this machine's)."""
    return f".{kind}-{os.getpid()}@{_host()}-"


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
    here = _host()
    for path in candidates:
        m = _NAME.match(path.name)
        try:
            young = now - path.stat().st_mtime < MAX_AGE_SECONDS
            local = m is not None and m.group(2) in (None, here)
            if young and not local:
                continue  # another machine's (or an unnamed) write: only by age
            if m and young and _alive(int(m.group(1))):
                continue  # still being written
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
