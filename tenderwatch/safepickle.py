"""This program's own on-disk caches (pickles in ``<home>/cache``): written atomically, read back with only
the types each cache holds accepted (a file someone else put there cannot make the reader build arbitrary
objects)."""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
import time
from collections.abc import Set
from pathlib import Path
from typing import IO, Any

from tenderwatch import tempfiles


class RestrictedUnpickler(pickle.Unpickler):
    """An unpickler that builds only the classes named in ``allowed`` (``(module, name)`` pairs)."""

    def __init__(self, handle: IO[bytes], allowed: Set[tuple[str, str]], what: str) -> None:
        super().__init__(handle)
        self._allowed = allowed
        self._what = what

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self._allowed:
            raise pickle.UnpicklingError(f"unexpected type {module}.{name} in {self._what}")
        return super().find_class(module, name)


def write_atomic(path: Path, data: Any, stale_glob: str, stale_seconds: float) -> None:
    """Pickle ``data`` to ``path`` by way of a temporary file (``tempfiles.prefix``, the name
    ``tempfiles.remove_stale`` clears after an interrupted write) and ``os.replace``; then remove the other
    files matching ``stale_glob`` not written for ``stale_seconds``. Raises OSError (and pickling
    errors) for the caller to log: a cache that cannot be written only costs the next process."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=tempfiles.prefix("tmp"), suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for old in path.parent.glob(stale_glob):
        with contextlib.suppress(OSError):
            if old != path and old.stat().st_mtime < time.time() - stale_seconds:
                old.unlink()
