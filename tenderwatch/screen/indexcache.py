"""The screener's index cached on disk, so a new process does not parse the lists and normalise
every list name again (seconds) but reads plain dicts, lists and records back (a fraction of it).

The file is ``<home>/cache/screen-index-<key>.pickle``; the key is a SHA-256 over the list
versions in force (bundled manifest checksums, ``lists/current.json`` and the ``meta.json`` of each
stored version, which carries the data file's checksum), the vocabulary files, the screening code,
pypinyin's version (the index carries its readings) and the Python version. It is written
atomically (temporary file, then ``os.replace``); a file that cannot be read or was written for
another key is ignored and rebuilt. Only the index's own record types are accepted when reading it back
(its entries and list names are marshalled one by one: builtin values only).
Removed entries stay in the index (screening for a date before the removal needs them), so the
index does not expire when an entry's removal date passes.
Set ``TENDERWATCH_SCREEN_CACHE=0`` to neither read nor write it.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import json
import logging
import marshal
import os
import sys
from array import array
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from tenderwatch import tempfiles
from tenderwatch.safepickle import RestrictedUnpickler, write_atomic

log = logging.getLogger(__name__)

INDEX_FORMAT = 6  # 2: entries and list names pickled one by one (records.LazyRecords); 3: as field tuples;
# 4: the sorted words kept (the postings are made sets when looked up: records.LazyPostings);
# 5: the keys only Latin queries look up read back on the first (records.SplitKeys);
# 6: records (field tuples, the Latin keys) marshalled: read back without an unpickler per record
PREFIX = "screen-index-"
STALE_SECONDS = 86_400
_ALLOWED = {  # entries and list names are stored as tuples of builtins (screener.Screener.state)
    ("builtins", "set"), ("builtins", "frozenset"), ("tenderwatch.screen.entries", "ListVersion"),
}


def enabled() -> bool:
    return os.environ.get("TENDERWATCH_SCREEN_CACHE", "1").strip().lower() not in ("0", "false", "no", "off")


def _code_digest() -> bytes:
    """The screening code, vocabulary and bundled manifest as this process loaded them (hashed once,
    at import: a process started before the code changed keeps its own key)."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}|{sys.version_info[:2]}".encode())
    package = resources.files("tenderwatch")
    sources = [package.joinpath("data", "lists", "manifest.yaml")]
    for folder in (("screen",), ("screen", "loaders"), ("data", "screen")):
        node = package.joinpath(*folder)
        sources.extend(sorted((f for f in node.iterdir() if f.name.endswith((".py", ".yaml"))), key=lambda f: f.name))
    for item in sources:
        digest.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    # the index carries pypinyin's readings (translit.pinyin_table): its version, without importing it
    spec = importlib.util.find_spec("pypinyin")
    if spec is not None and spec.origin:
        digest.update(Path(spec.origin).read_bytes())
    # list names are simplified with OpenCC's dictionaries: an upgrade that changes them makes a new key
    spec = importlib.util.find_spec("opencc")
    if spec is not None and spec.origin:
        digest.update(dictionary_stamp(Path(spec.origin).parent / "clib" / "share" / "opencc"))
    return digest.digest()


def dictionary_stamp(folder: Path) -> bytes:
    """The names, sizes and modification times of the files in ``folder`` (no file is read)."""
    stamp = []
    with contextlib.suppress(OSError):
        for item in sorted(folder.iterdir()):
            info = item.stat()
            stamp.append(f"{item.name}|{info.st_size}|{info.st_mtime_ns}")
    return "\n".join(stamp).encode()


_CODE = _code_digest()


def index_key(home: Path) -> str:
    """What the index depends on, hashed: cheap to compute (no list is parsed)."""
    digest = hashlib.sha256(_CODE)
    lists_dir = home / "lists"
    current_file = lists_dir / "current.json"
    current: Any
    try:
        current = json.loads(current_file.read_text(encoding="utf-8")) if current_file.is_file() else {}
    except (OSError, ValueError):
        current = "unreadable"
    digest.update(json.dumps(current, sort_keys=True).encode())
    if isinstance(current, dict):
        for source, version in sorted(current.items()):
            meta = lists_dir / str(source) / str(version) / "meta.json"
            with contextlib.suppress(OSError):
                digest.update(f"{source}/{version}".encode() + b"\0" + meta.read_bytes())
    return digest.hexdigest()


def pack(numbers: Iterable[int]) -> bytes:
    """List-name numbers packed as 32-bit integers (read back sharing one int object per number)."""
    return array("i", sorted(numbers) if isinstance(numbers, set) else numbers).tobytes()


def unpack(data: bytes) -> array[int]:
    numbers = array("i")
    numbers.frombytes(data)
    return numbers


def dumps(record: tuple[Any, ...] | dict[str, bytes]) -> bytes:
    """One record of the index, its fields as builtins (str, int, bytes, lists, tuples and frozensets of
    them), or the dict of Latin keys, marshalled on its own (read back by :func:`loads` /
    :func:`loads_keys` when used). Marshal makes builtin values only: no class is looked up and no code
    runs when a record is read."""
    return marshal.dumps(record)


def loads(data: bytes, size: int) -> tuple[Any, ...]:
    """A record written by :func:`dumps`: a tuple of ``size`` fields (ValueError for anything else)."""
    record = marshal.loads(data)
    if type(record) is not tuple or len(record) != size:
        raise ValueError(f"index cache record of another shape ({type(record).__name__})")
    return record


def loads_keys(data: bytes) -> dict[str, bytes]:
    """The Latin keys written by :func:`dumps`: a dict of str -> bytes (ValueError for anything else)."""
    keys = marshal.loads(data)
    if type(keys) is not dict or set(map(type, keys)) - {str} or set(map(type, keys.values())) - {bytes}:
        raise ValueError(f"index cache keys of another shape ({type(keys).__name__})")
    return keys


def _path(home: Path, key: str) -> Path:
    return home / "cache" / f"{PREFIX}{key[:32]}.pickle"


def load(home: Path, key: str) -> dict[str, Any] | None:
    """The cached index state for ``key``, or None (missing, unreadable, other key). Temporary
    files of an index write that was interrupted are removed first."""
    path = _path(home, key)
    tempfiles.remove_stale(path.parent)
    gc_was_on = gc.isenabled()
    gc.disable()  # millions of new objects: no collection passes while they arrive (5x faster)
    try:
        with path.open("rb") as fh:
            state = RestrictedUnpickler(fh, _ALLOWED, "the index cache").load()
    except FileNotFoundError:
        return None
    except Exception as exc:
        log.warning("ignoring unreadable screening index cache %s (%s: %s)", path, type(exc).__name__, exc)
        return None
    finally:
        if gc_was_on:
            gc.enable()
    if not isinstance(state, dict) or state.get("key") != key or state.get("format") != INDEX_FORMAT:
        log.warning("ignoring screening index cache %s: written for other lists", path)
        return None
    return state


def save(home: Path, key: str, state: dict[str, Any]) -> None:
    """Write the index atomically; remove index files of other versions not written for a day.
    Failure only costs the next start a rebuild."""
    path = _path(home, key)
    try:  # other versions' files, unused for a day, go
        write_atomic(path, {**state, "key": key, "format": INDEX_FORMAT}, PREFIX + "*.pickle", STALE_SECONDS)
    except OSError as exc:
        log.warning("could not write the screening index cache %s: %s", path, exc)
