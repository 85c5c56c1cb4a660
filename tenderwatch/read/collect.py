"""Walk the folders and files given on the command line."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

_JUNK = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def _skip(name: str) -> bool:
    return name.startswith(".") or name in _JUNK or name.startswith("~$")


def collect(roots: list[Path]) -> Iterator[tuple[Path, str]]:
    """Yield ``(file on disk, display path)`` for every file under ``roots``.

    The display path is relative to the folder given (a file given directly:
    its file name), with ``/`` separators. Hidden files and folders and OS junk
    are skipped; files come in sorted order. Symlinked folders are not followed.
    """
    for root in roots:
        if root.is_file():
            yield root, root.name
            continue
        if not root.is_dir():
            log.warning("not a file or folder: %s", root)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not _skip(d))
            for name in sorted(filenames):
                if _skip(name):
                    continue
                full = Path(dirpath) / name
                if not full.is_file():
                    continue
                yield full, full.relative_to(root).as_posix()
