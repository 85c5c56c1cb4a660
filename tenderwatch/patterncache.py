"""Compiled regular expressions kept on disk for the next process of the command line (and of a Dask worker).

A scan compiles some 650 patterns (vocabularies, notice layouts, amounts, screening), ~0.12 s of CPU in
every process that starts: Python's ``re`` parses each pattern and generates its program in Python code;
only the last step, ``_sre.compile(pattern, flags, program, ...)``, is C and takes microseconds. This module
keeps the inputs of that last step (the program, 32-bit integers, with the pattern's flags and groups) in
``<home>/cache/re-<key>.pickle`` (home: :func:`tenderwatch.home.home_dir`) and, once :func:`install`\\ ed,
builds a pattern compiled before from them: the same ``re.Pattern`` (equal to a fresh compile: same
pattern, flags and program). The key names the Python build and ``_sre``'s program format (``MAGIC``), so
another Python uses another file. The program is checked by ``_sre`` itself (it refuses an invalid one);
anything unexpected in the file, or in the ``re`` internals this relies on (checked once at
:func:`install`), means patterns are compiled as usual. Patterns compiled by no process before (a new
vocabulary entry) are compiled as usual and added to the file when the process ends (:func:`save`), if
compiling them took long enough to pay for rewriting the file (:data:`MIN_SAVE_SECONDS`): a library that
builds a small pattern from a set (its order changes with the hash seed) does not rewrite it in every
process. The file keeps at most :data:`MAX_BYTES` of programs, those used most recently last: patterns
that other programs compiled in a process with the cache installed (a test session, a notebook) are
dropped when the scan's own need the room, and a file grown past that is cut down by the next process.

Installed by the command line and by ``tenderwatch.warm`` on Dask workers, in processes that run the scan,
not on import (a program that imports tenderwatch keeps its ``re`` as it is). ``TENDERWATCH_VOCAB_CACHE=0``
switches it off, like the vocabulary cache (:mod:`tenderwatch.yamlfile`).
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import logging
import pickle
import re
import sys
import time
from array import array
from pathlib import Path
from typing import Any

from tenderwatch.cacheswitch import enabled  # not yamlfile's: PyYAML is imported after install
from tenderwatch.home import home_dir
from tenderwatch.safepickle import RestrictedUnpickler, write_atomic

log = logging.getLogger(__name__)
PREFIX = "re-"
STALE_SECONDS = 86_400
MAX_PATTERNS = 5000  # patterns kept at most (a scan compiles ~770; patterns built from a text are not kept past this)
MAX_BYTES = 3_000_000  # programs and sources kept at most (a scan's take ~1.5 MB)
MIN_SAVE_SECONDS = 0.05  # compile time of new patterns that pays for rewriting the file (~1.5 MB: a few ms)

Key = tuple[str | bytes, int]
Parts = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]  # the program as 32-bit words (array "I")

# once installed: re's own compile, the file, the patterns, the keys this process used, the seconds spent
# compiling patterns the file did not have, and the size the file had when read
_state: dict[str, Any] = {}
_sre: Any = None  # the re internals used (checked by _works before anything is installed)
_compiler: Any = None
_parser: Any = None


def _load_internals() -> None:
    global _sre, _compiler, _parser
    _sre, _compiler, _parser = (importlib.import_module(name) for name in ("_sre", "re._compiler", "re._parser"))


def _parts(pattern: str | bytes, flags: int) -> Parts:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern`` (its own steps, Python 3.11-3.13),
    the program packed as bytes (read back in a few ms, where lists of integers take ~20)."""
    parsed = _parser.parse(pattern, flags)
    code = array("I", _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for the words of an alternation: longest first (a longer word wins where both match), then in
    code-point order, so that a pattern built from a set is the same in every process (its program is then
    read back from this cache; words of one length cannot both match at one place)."""
    return -len(word), word


def cache_file() -> Path:
    """This Python's file: its build and ``_sre``'s program format in the name."""
    _load_internals()
    key = hashlib.sha256(f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}".encode())
    return home_dir() / "cache" / f"{PREFIX}{key.hexdigest()[:24]}.pickle"


def _size(key: Key, parts: Parts) -> int:
    """About what an entry takes in the file: its program, its source and the rest."""
    return len(parts[1]) + len(key[0]) * 3 + 100


def _read(path: Path) -> dict[Key, Parts]:
    try:
        with path.open("rb") as handle:
            data = RestrictedUnpickler(handle, frozenset(), "a compiled-pattern cache file").load()
    except FileNotFoundError:
        return {}
    except Exception as exc:  # damaged or foreign: compile as usual (and write it anew)
        log.debug("ignoring compiled-pattern cache file %s (%s: %s)", path, type(exc).__name__, exc)
        return {}
    return data if isinstance(data, dict) else {}


def _build(pattern: str | bytes, parts: Parts) -> Any:
    flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile`` with the programs of patterns compiled before read back from the file."""
    original = _state["original"]
    entries: dict[Key, Parts] = _state["entries"]
    if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
        return original(pattern, flags)
    key = (pattern, int(flags))
    parts = entries.get(key)
    if parts is not None:
        try:
            compiled = _build(pattern, parts)
            _state["used"][key] = None
            return compiled
        except Exception:  # not a program this _sre accepts: compile it as usual
            entries.pop(key, None)
    started = time.perf_counter()
    try:
        parts = _parts(pattern, int(flags))
    except Exception:  # an error in the pattern: re raises it, with its own message
        return original(pattern, flags)
    compiled = _build(pattern, parts)
    if len(entries) < MAX_PATTERNS:
        entries[key] = parts
        _state["used"][key] = None
        _state["new"] += time.perf_counter() - started
    return compiled


def _works() -> bool:
    """The ``re`` internals this relies on are there and build the pattern ``re`` builds."""
    try:
        _load_internals()
        sample = r"(?P<label>采购人|buyer)\s*[:：]\s*(?P<name>[^\n，,]{2,40}?)(?:$|\n)|\b\d+(?:\.\d+)?\b"
        if array("I").itemsize != _sre.CODESIZE:
            return False
        return bool(_build(sample, _parts(sample, re.I)) == _compiler.compile(sample, re.I))
    except Exception as exc:
        log.debug("compiled-pattern cache not used: %s: %s", type(exc).__name__, exc)
        return False


def install() -> None:
    """From now on, in this process, compile patterns through the cache (idempotent); saved at exit."""
    if _state or not enabled() or not _works():
        return
    path = cache_file()
    entries = _read(path)
    _state.update(original=_compiler.compile, file=path, entries=entries, used={}, new=0.0,
                  size=sum(_size(k, v) for k, v in entries.items()))
    _compiler.compile = _compile
    atexit.register(save)


def uninstall() -> None:
    """Compile patterns as ``re`` does again (tests)."""
    if _state:
        _compiler.compile = _state["original"]
        _state.clear()
        atexit.unregister(save)


def save() -> None:
    """Add the patterns this process compiled first to the file (with those other processes added), when
    compiling them took long enough to pay for the write, or the file has grown past :data:`MAX_BYTES`."""
    if not _state or (_state["new"] < MIN_SAVE_SECONDS and _state["size"] <= MAX_BYTES):
        return
    path: Path = _state["file"]
    entries: dict[Key, Parts] = _state["entries"]
    used = [key for key in _state["used"] if key in entries]
    mine = set(used)
    # oldest first: those on file this process did not use, then this process's in the order it used them
    merged = {key: parts for key, parts in _read(path).items() if key not in mine}
    merged.update((key, entries[key]) for key in used)
    size = sum(_size(k, v) for k, v in merged.items())
    for key in list(merged):
        if size <= MAX_BYTES and len(merged) <= MAX_PATTERNS:
            break
        size -= _size(key, merged.pop(key))
    try:
        write_atomic(path, merged, PREFIX + "*.pickle", STALE_SECONDS)
        _state.update(new=0.0, size=size)
    except (OSError, pickle.PicklingError) as exc:
        log.debug("could not keep the compiled patterns in %s: %s", path, exc)
