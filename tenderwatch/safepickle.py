"""Reading back this program's own on-disk caches (pickles in ``<home>/cache``) with only the types each
cache holds accepted: a file someone else put there cannot make the reader build arbitrary objects."""

from __future__ import annotations

import pickle
from collections.abc import Set
from typing import IO, Any


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
