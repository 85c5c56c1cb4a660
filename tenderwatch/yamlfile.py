"""Read the vocabulary YAML files with libyaml's C loader when PyYAML has it (several times faster than the
pure-Python loader, which matters for short scans), and keep what was parsed on disk for the next process.

A process parses some twenty vocabulary files (~0.03 s of CPU even with the C loader, most of it building
the Python objects); reading back the same data pickled takes a tenth of that. The parsed data of a text is
kept in ``<home>/cache/yaml-<key>.pickle`` (home: :func:`tenderwatch.home.home_dir`, as for the
list store), the key a SHA-256 of the text, PyYAML's version and the loader, so an edited file is simply
another key. Written atomically (temporary file, then ``os.replace``); read back accepting only the types
safe YAML makes (containers, scalars, dates); a file that cannot be read is parsed again, one that cannot be
written is not kept. Files not written for a day are removed when another is written.
Set ``TENDERWATCH_VOCAB_CACHE=0`` to neither read nor write them.

Records validated from such files (:func:`load_checked`: the vocabulary's dataclasses, checked by pydantic)
are kept the same way, in ``<home>/cache/checked-<key>.pickle``, the key a SHA-256 of the texts and of the
code that defines and checks the records: a process whose files and code were checked before reads the records
back without importing pydantic (~0.07 s CPU) or building its validators.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, dataclass_transform

import yaml

from tenderwatch.cacheswitch import enabled
from tenderwatch.home import home_dir
from tenderwatch.safepickle import RestrictedUnpickler, write_atomic

log = logging.getLogger(__name__)
T = TypeVar("T")
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PREFIX = "yaml-"
CHECKED = "checked-"
STALE_SECONDS = 86_400
_SAFE = {("builtins", "set"), ("builtins", "frozenset"), ("datetime", "date"), ("datetime", "datetime"),
         ("datetime", "timedelta"), ("datetime", "timezone")}


def _cache_file(text: str) -> Path:
    key = hashlib.sha256(f"{yaml.__version__}|{_LOADER.__name__}\0{text}".encode()).hexdigest()
    return home_dir() / "cache" / f"{PREFIX}{key[:32]}.pickle"


def _read(path: Path) -> tuple[bool, Any]:
    try:
        with path.open("rb") as handle:
            return True, RestrictedUnpickler(handle, _SAFE, "a vocabulary cache file").load()
    except FileNotFoundError:
        return False, None
    except Exception as exc:  # damaged or foreign: parse the text again (and write it anew)
        log.debug("ignoring vocabulary cache file %s (%s: %s)", path, type(exc).__name__, exc)
        return False, None


def _write(path: Path, data: Any) -> None:
    try:
        write_atomic(path, data, PREFIX + "*.pickle", STALE_SECONDS)  # other texts' files, unwritten for a day
    except (OSError, pickle.PicklingError) as exc:
        log.debug("could not keep the parsed vocabulary in %s: %s", path, exc)


def load_yaml(text: str) -> Any:
    """Parse YAML safely (no arbitrary objects), like ``yaml.safe_load``; the result is a fresh object
    each call (callers may change it)."""
    if not enabled():
        return yaml.load(text, Loader=_LOADER)
    path = _cache_file(text)  # with no home directory, a path nothing can be read from or written to
    found, data = _read(path)
    if found:
        return data
    data = yaml.load(text, Loader=_LOADER)  # raises yaml.YAMLError for a malformed file: nothing is kept
    _write(path, data)
    return data


@dataclass_transform(kw_only_default=True, frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """A record checked by pydantic (:func:`load_checked`): a frozen, slotted, keyword-only dataclass whose
    unknown fields pydantic refuses."""
    cls.__pydantic_config__ = {"extra": "forbid"}  # type: ignore[attr-defined]
    return dataclass(slots=True, frozen=True, kw_only=True)(cls)


class Check:
    """A constraint that pydantic checks when it validates a record's field, written without importing
    pydantic where the record is defined: ``Annotated[str, Check(min_length=5)]``. The keywords are
    pydantic-core's for the field's type (``min_length``, ``pattern``, ``gt`` ...)."""

    __slots__ = ("constraints",)

    def __init__(self, **constraints: Any) -> None:
        self.constraints = constraints

    def __repr__(self) -> str:
        return f"Check({', '.join(f'{k}={v!r}' for k, v in self.constraints.items())})"

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        return {**handler(source), **self.constraints}


def load_checked(texts: Sequence[str], check: Callable[[Sequence[str]], T], kind: type[T], code: Path,
                 types: Set[tuple[str, str]]) -> T:
    """``check(texts)`` (parse and validate, raising for a bad file), kept on disk for the next process with
    the same texts and the same ``code`` (the module that defines and checks the records): read back then,
    accepting only ``types`` (the records' classes, as ``(module, name)``) besides what safe YAML makes."""
    if not enabled():
        return check(texts)
    digest = hashlib.sha256(code.read_bytes())
    for text in texts:
        digest.update(b"\0" + text.encode("utf-8", "surrogatepass"))
    path = home_dir() / "cache" / f"{CHECKED}{digest.hexdigest()[:32]}.pickle"
    try:
        with path.open("rb") as handle:
            kept = RestrictedUnpickler(handle, _SAFE | types, "a checked-records cache file").load()
        if isinstance(kept, kind):
            return kept
    except FileNotFoundError:
        pass
    except Exception as exc:  # damaged or foreign: check the files again (and keep them anew)
        log.debug("ignoring checked-records cache file %s (%s: %s)", path, type(exc).__name__, exc)
    records = check(texts)  # raises for a bad file: nothing is kept
    try:
        write_atomic(path, records, CHECKED + "*.pickle", STALE_SECONDS)
    except (OSError, pickle.PicklingError) as exc:
        log.debug("could not keep the checked records in %s: %s", path, exc)
    return records
