"""Screen a party name (and identifiers) against the loaded lists.

Every list name is normalised once when the screener is built and indexed by key, by alias-table
id, by word and by identifier. A query looks up candidates in those indexes and scores only
them with :func:`tenderwatch.screen.compare.compare_names` (candidate generation:
:mod:`tenderwatch.screen.candidates`); a name that shares nothing with any list name costs a few
dictionary look-ups (the fast path). The built index is cached on disk
(:mod:`tenderwatch.screen.indexcache`).
"""

from __future__ import annotations

import gc
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tenderwatch.screen import indexcache
from tenderwatch.screen.aliases import alias_table
from tenderwatch.screen.candidates import Candidates
from tenderwatch.screen.compare import Comparison, compare_names
from tenderwatch.screen.entries import ListEntry, ListVersion, normalise_identifier
from tenderwatch.screen.normalize import Name, analyse, mixed_script_parts
from tenderwatch.screen.subunit import zh_parents
from tenderwatch.screen.vocab import vocab
from tenderwatch.screen.zhcompare import brand

log = logging.getLogger(__name__)

SKIPPED_KINDS = ("vessel", "aircraft")  # a buyer or supplier is never a ship or a plane
RESULT_CACHE = 100_000
_LATIN3 = re.compile(r"[A-Za-z]{3}")


@dataclass(slots=True)
class ScreenHit:
    """One list entry a screened name matched: enough to re-check the finding later."""

    list_name: str
    list_version: str
    list_date: str
    entry_id: str
    entry_name: str
    score: float
    relation: str  # "match" | "part_of"
    reasons: list[str] = field(default_factory=list)
    matched_name: str = ""  # which of the entry's names (or identifier) matched

    def to_dict(self) -> dict[str, Any]:
        return {
            "list_name": self.list_name, "list_version": self.list_version, "list_date": self.list_date,
            "entry_id": self.entry_id, "entry_name": self.entry_name, "score": round(self.score, 4),
            "relation": self.relation, "reasons": list(self.reasons), "matched_name": self.matched_name,
        }


_STATE = ("versions", "entries", "entry_version", "ref_entry", "ref_name", "ref_strong", "by_key", "by_alias",
          "by_token", "by_ident", "expires")


class Screener(Candidates):
    def __init__(self, loaded: Sequence[tuple[ListVersion, Sequence[ListEntry]]]) -> None:
        self.versions: list[ListVersion] = []
        self.entries: list[ListEntry] = []
        self.entry_version: list[int] = []
        self.ref_entry: list[int] = []
        self.ref_name: list[Name] = []
        self.ref_strong: list[int] = []  # words of the name that are not legal-form / "group" words
        self._key_lists: dict[str, list[int]] = {}  # while building
        self.by_alias: dict[str, list[int]] = {}
        self.by_token: dict[str, set[int]] = {}
        self.by_ident: dict[str, list[int]] = {}
        self._results: dict[tuple[str, tuple[str, ...]], list[ScreenHit]] = {}
        self._seg_cache: dict[str, tuple[set[int], ...]] = {}
        self._sorted_tokens: list[str] = []
        self.loaded_from = "lists"  # or "cache": the index was read back from the on-disk cache
        today = date.today().isoformat()
        self.expires = "9999-12-31"  # the first end date still to come: the index is valid until then
        for vi, (version, entries) in enumerate(loaded):
            self.versions.append(version)
            for entry in entries:
                if entry.kind in SKIPPED_KINDS or (entry.end_date and entry.end_date[:10] <= today):
                    continue
                if entry.end_date:
                    self.expires = min(self.expires, entry.end_date[:10])
                self._add(entry, vi)
        # tuples: smaller than lists, and the cyclic GC stops tracking them (a full pass is cheaper)
        self.by_key: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in self._key_lists.items()}
        self._key_lists = {}
        self._sorted_tokens = sorted(self.by_token)
        log.info("screener: %d entries, %d names, %d words indexed", len(self.entries), len(self.ref_name),
                 len(self.by_token))

    def state(self) -> dict[str, Any]:
        """The index as plain containers and records (for the on-disk cache); postings as packed
        integers, so that reading them back shares one int object per name, as a fresh build does."""
        state = {name: getattr(self, name) for name in _STATE}
        state["by_token"] = {tok: indexcache.pack(refs) for tok, refs in self.by_token.items()}
        state["by_key"] = {key: indexcache.pack(refs) for key, refs in self.by_key.items()}
        state["ref_entry"] = indexcache.pack(self.ref_entry)
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Screener:
        screener = cls([])
        for name in _STATE:
            setattr(screener, name, state[name])
        number = list(range(len(screener.ref_name))).__getitem__
        screener.by_token = {tok: set(map(number, indexcache.unpack(refs))) for tok, refs in state["by_token"].items()}
        screener.by_key = {key: tuple(map(number, indexcache.unpack(refs))) for key, refs in state["by_key"].items()}
        screener.ref_entry = list(map(number, indexcache.unpack(state["ref_entry"])))
        screener._sorted_tokens = sorted(screener.by_token)
        screener.loaded_from = "cache"
        return screener

    def _add(self, entry: ListEntry, version_index: int) -> None:
        ei = len(self.entries)
        self.entries.append(entry)
        self.entry_version.append(version_index)
        for ident in entry.identifiers:
            self.by_ident.setdefault(normalise_identifier(ident), []).append(ei)
        table = alias_table()
        weak = vocab().latin_legal_words
        for raw in dict.fromkeys(entry.names()):
            name = analyse(raw)
            if name.script == "empty":
                continue
            ref = len(self.ref_name)
            self.ref_entry.append(ei)
            self.ref_name.append(name)
            self.ref_strong.append(sum(1 for t in name.tokens if t not in weak))
            for key in self._keys(name):
                self._key_lists.setdefault(key, []).append(ref)
            for ident in table.ids(name):
                self.by_alias.setdefault(ident, []).append(ref)
            for tok in set(name.tokens):
                self.by_token.setdefault(tok, set()).add(ref)
            for acro in name.acronyms:
                self._key_lists.setdefault("acro:" + acro, []).append(ref)

    @staticmethod
    def _keys(name: Name) -> list[str]:
        if name.script == "zh":
            keys = ["zh:" + name.key, "zhnp:" + name.core_noplace]
            b = brand(name.core_noplace)
            if len(b) >= 2:
                keys.append("zhb:" + b)
            return keys
        return ["latin:" + name.key, "joined:" + "".join(name.tokens)]

    # -- candidates ---------------------------------------------------------------------------
    def _candidates(self, name: Name) -> set[int]:
        out: set[int] = set()
        table = alias_table()
        names = [name]
        if name.script == "zh":
            names.extend(parent for parent, _ in zh_parents(name))
        for n in names:
            for ident in table.ids(n):
                out.update(self.by_alias.get(ident, ()))
            if n.script == "zh":
                for key in self._keys(n):
                    out.update(self.by_key.get(key, ()))
                self._cross_candidates(n, out)
            else:
                self._latin_candidates(n, out)
        return out

    # -- screening ----------------------------------------------------------------------------
    def _hit(self, ei: int, score: float, relation: str, reasons: list[str], matched: str) -> ScreenHit:
        entry = self.entries[ei]
        version = self.versions[self.entry_version[ei]]
        return ScreenHit(entry.list_name, version.version, version.date, entry.entry_id, entry.name, score,
                         relation, reasons, matched)

    def screen(self, name: str, identifiers: Sequence[str] = ()) -> list[ScreenHit]:
        """Hits for one party, best first (empty when nothing on the lists matches).

        Results are cached per screener (lists never change under a screener): a scan sees the
        same buyers and suppliers again and again."""
        key = (name if isinstance(name, str) else "", tuple(map(str, identifiers)) if identifiers else ())
        cached = self._results.get(key)
        if cached is None:
            cached = self._screen(*key)
            if len(self._results) >= RESULT_CACHE:
                self._results.clear()
            self._results[key] = cached
        return [_copy(hit) for hit in cached] if cached else []

    def _screen(self, name: str, identifiers: Sequence[str]) -> list[ScreenHit]:
        best: dict[int, ScreenHit] = {}
        for raw in identifiers:
            ident = normalise_identifier(str(raw))
            for ei in self.by_ident.get(ident, ()):
                best[ei] = self._hit(ei, 1.0, "match", [f"identifier {ident} equals the list entry's identifier"],
                                     ident)
        text = name
        queries = [(analyse(text), "")]
        parts = mixed_script_parts(text) if queries[0][0].script == "zh" and _LATIN3.search(text) else []
        queries.extend((analyse(part), f"mixed-script name: matched on its part '{part}'") for part in parts)
        for query, note in queries:
            if query.script == "empty":
                continue
            for ref in sorted(self._candidates(query)):
                ei = self.ref_entry[ref]
                if ei in best and best[ei].score >= 1.0:
                    continue
                result: Comparison = compare_names(query, self.ref_name[ref])
                if result.match and (ei not in best or result.score > best[ei].score):
                    reasons = [note, *result.reasons] if note else result.reasons
                    best[ei] = self._hit(ei, result.score, result.relation, reasons, self.ref_name[ref].raw)
        return sorted(best.values(), key=lambda h: (-h.score, h.list_name, h.entry_id))


def _copy(hit: ScreenHit) -> ScreenHit:
    """A copy the caller may change (the cached hit stays as it was)."""
    return ScreenHit(hit.list_name, hit.list_version, hit.list_date, hit.entry_id, hit.entry_name, hit.score,
                     hit.relation, list(hit.reasons), hit.matched_name)


_SCREENERS: dict[str, Screener] = {}  # by list-store directory
_BY_KEY: dict[str, Screener] = {}  # by what it was built from (indexcache.index_key)


def get_screener(home: str | os.PathLike[str] | None = None) -> Screener:
    """The screener over the current list versions (bundled snapshot unless updated), cached per
    process and on disk (:mod:`tenderwatch.screen.indexcache`)."""
    from tenderwatch.screen.store import home_dir

    folder = home_dir(home)
    key = str(folder)
    if key not in _SCREENERS:
        cache_key = indexcache.index_key(folder)
        if cache_key not in _BY_KEY:
            _BY_KEY[cache_key] = _build(folder, cache_key)
        _SCREENERS[key] = _BY_KEY[cache_key]
    return _SCREENERS[key]


def _build(folder: Path, cache_key: str) -> Screener:
    from tenderwatch.screen.store import load_active

    state = indexcache.load(folder, cache_key) if indexcache.enabled() else None
    screener: Screener | None = None
    if state is not None:
        try:
            screener = Screener.from_state(state)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.warning("ignoring a screening index cache of another shape (%s: %s)", type(exc).__name__, exc)
    if screener is not None:
        log.info("screener: %d entries, %d names from the index cache", len(screener.entries), len(screener.ref_name))
    else:
        loaded = load_active(folder)
        screener = Screener([(item.version, item.entries) for item in loaded])
        if indexcache.enabled():
            indexcache.save(folder, cache_key, screener.state())
    screener.screen("北京测试有限公司")  # load pypinyin's dictionaries now, not on the first real name
    # The index and pypinyin's dictionaries are ~400,000 long-lived objects a full cyclic-GC pass would
    # walk each time (~120 ms). Collect the garbage of the build first (so none is frozen), then
    # move what is alive out of the collector's reach: measured +9% (100,000 names) to +30%
    # (20,000 names) screening throughput. Frozen objects are still freed by reference counting.
    gc.collect()
    gc.freeze()
    return screener


def reset_screener_cache() -> None:
    """Forget loaded screeners (after ``lists update``)."""
    _SCREENERS.clear()
    _BY_KEY.clear()
