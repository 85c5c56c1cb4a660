"""Screen a party name (and identifiers) against the loaded lists.

Every list name is normalised once when the screener is built and indexed by key, by alias-table
id, by word and by identifier. A query looks up candidates in those indexes and scores only
them with :func:`tenderwatch.screen.compare.compare_names`; a name that shares nothing with any
list name costs a few dictionary look-ups (the fast path).
"""

from __future__ import annotations

import gc
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from tenderwatch.screen.aliases import alias_table
from tenderwatch.screen.compare import Comparison, compare_names
from tenderwatch.screen.entries import ListEntry, ListVersion, normalise_identifier
from tenderwatch.screen.normalize import Name, analyse, mixed_script_parts
from tenderwatch.screen.subunit import zh_parents
from tenderwatch.screen.translit import Segment, segments
from tenderwatch.screen.vocab import vocab
from tenderwatch.screen.zhcompare import brand

log = logging.getLogger(__name__)

SKIPPED_KINDS = ("vessel", "aircraft")  # a buyer or supplier is never a ship or a plane
MAX_CANDIDATES = 3000
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


@lru_cache(maxsize=20_000)
def _seg_words(seg: Segment) -> tuple[str, ...]:
    return tuple({alt[0] for alt in seg.alts if alt} | {seg.pinyin})


@lru_cache(maxsize=100_000)
def segment_plan(core: str) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[int, int, str], ...]]:
    """For a Chinese core: per segment, the English words that could stand for it alone (first word
    of each translation, its pinyin); and the pinyin of each run of 2-4 segments (中北 -> zhongbei)."""
    ignore = vocab().zh_ignore
    segs = [s for s in segments(core) if s.text not in ignore]
    single = tuple(_seg_words(seg) for seg in segs)
    runs: list[tuple[int, int, str]] = []
    pinyins = [seg.pinyin for seg in segs]
    for start in range(len(segs)):
        acc = pinyins[start]
        for end in range(start + 2, min(len(segs), start + 4) + 1):
            acc += pinyins[end - 1]
            runs.append((start, end, acc))
    return single, tuple(runs)


class Screener:
    def __init__(self, loaded: Sequence[tuple[ListVersion, Sequence[ListEntry]]]) -> None:
        self.versions: list[ListVersion] = []
        self.entries: list[ListEntry] = []
        self.entry_version: list[int] = []
        self.ref_entry: list[int] = []
        self.ref_name: list[Name] = []
        self.ref_strong: list[int] = []  # words of the name that are not legal-form / "group" words
        self.by_key: dict[str, list[int]] = {}
        self.by_alias: dict[str, list[int]] = {}
        self.by_token: dict[str, set[int]] = {}
        self.by_ident: dict[str, list[int]] = {}
        self._results: dict[tuple[str, tuple[str, ...]], list[ScreenHit]] = {}
        today = date.today().isoformat()
        for vi, (version, entries) in enumerate(loaded):
            self.versions.append(version)
            for entry in entries:
                if entry.kind in SKIPPED_KINDS or (entry.end_date and entry.end_date[:10] <= today):
                    continue
                self._add(entry, vi)
        log.info("screener: %d entries, %d names, %d words indexed", len(self.entries), len(self.ref_name),
                 len(self.by_token))

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
                self.by_key.setdefault(key, []).append(ref)
            for ident in table.ids(name):
                self.by_alias.setdefault(ident, []).append(ref)
            for tok in set(name.tokens):
                self.by_token.setdefault(tok, set()).add(ref)
            for acro in name.acronyms:
                self.by_key.setdefault("acro:" + acro, []).append(ref)

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
    def _latin_candidates(self, name: Name, out: set[int]) -> None:
        """List names sharing all but (at most) one word with the query and not much longer."""
        out.update(self.by_key.get("latin:" + name.key, ()))
        out.update(self.by_key.get("joined:" + "".join(name.tokens), ()))
        if len(name.tokens) == 1:
            out.update(self.by_key.get("acro:" + name.tokens[0], ()))
        words = set(name.tokens)
        postings = sorted((self.by_token[t] for t in words if t in self.by_token), key=len)
        if not postings:
            return
        need = max(1, len(words) - 1)
        if len(postings) < need:
            return
        pool = postings[0] | postings[1] if len(postings) > 1 and need > 1 else postings[0]
        if len(pool) > MAX_CANDIDATES:
            return
        slack = 1 if len(words) > 1 else 0  # one word spelt differently (found through the other words)
        strong = self.ref_strong
        for ref in pool:
            count = sum(1 for p in postings if ref in p)
            if count >= need and strong[ref] <= count + slack:
                out.add(ref)

    def _cross_candidates(self, name: Name, out: set[int]) -> None:
        """English list names that could account for every word of a Chinese name (scoring needs
        full coverage, so a list name must hold a rendering of every segment)."""
        single, runs = segment_plan(name.key)
        if not single:
            return
        by_token = self.by_token
        postings: list[list[set[int]]] = [[by_token[w] for w in words if w in by_token] for words in single]
        for start, end, word in runs:
            posting = by_token.get(word)
            if posting:
                for i in range(start, end):
                    postings[i].append(posting)
        if not all(postings):
            return  # the fast path: some word of the name is in no list name
        sized = sorted((sum(map(len, found)), k) for k, found in enumerate(postings))
        if sized[0][0] > MAX_CANDIDATES:
            return
        postings = [postings[k] for _, k in sized]
        pool: set[int] = set().union(*postings[0])
        for found in postings[1:]:  # set algebra in C: keep refs that render this segment too
            kept: set[int] = set()
            for posting in found:
                kept |= pool & posting
            pool = kept
            if not pool:
                return
        out.update(pool)

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
        key = (name if isinstance(name, str) else "", tuple(str(i) for i in identifiers))
        cached = self._results.get(key)
        if cached is None:
            cached = self._screen(*key)
            if len(self._results) >= RESULT_CACHE:
                self._results.clear()
            self._results[key] = cached
        return [replace(hit, reasons=list(hit.reasons)) for hit in cached]

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
            for ref in self._candidates(query):
                ei = self.ref_entry[ref]
                if ei in best and best[ei].score >= 1.0:
                    continue
                result: Comparison = compare_names(query, self.ref_name[ref])
                if result.match and (ei not in best or result.score > best[ei].score):
                    reasons = [note, *result.reasons] if note else result.reasons
                    best[ei] = self._hit(ei, result.score, result.relation, reasons, self.ref_name[ref].raw)
        return sorted(best.values(), key=lambda h: (-h.score, h.list_name, h.entry_id))


_SCREENERS: dict[str, Screener] = {}  # by list-store directory
_BY_VERSIONS: dict[tuple[str, ...], Screener] = {}  # by the list versions it was built from


def get_screener(home: str | os.PathLike[str] | None = None) -> Screener:
    """The screener over the current list versions (bundled snapshot unless updated), cached per process."""
    from tenderwatch.screen.store import home_dir, load_active

    key = str(home_dir(home))
    if key not in _SCREENERS:
        loaded = load_active(home)
        versions = tuple(f"{item.version.source}@{item.version.version}" for item in loaded)
        if versions not in _BY_VERSIONS:
            screener = Screener([(item.version, item.entries) for item in loaded])
            screener.screen("北京测试有限公司")  # load pypinyin's dictionaries now, not on the first real name
            gc.freeze()  # the index is long-lived: keep the cyclic GC from rescanning it (p99 latency)
            _BY_VERSIONS[versions] = screener
        _SCREENERS[key] = _BY_VERSIONS[versions]
    return _SCREENERS[key]


def reset_screener_cache() -> None:
    """Forget loaded screeners (after ``lists update``)."""
    _SCREENERS.clear()
    _BY_VERSIONS.clear()
