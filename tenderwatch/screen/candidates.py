"""Candidate list names for a query: the few the screener scores with :func:`compare_names`.

Latin queries: list names sharing all but (at most) one word. Chinese queries: English list names
holding a rendering of every segment (translation, pinyin, or the pinyin of a run of 2-4
segments), found by set algebra over per-segment postings cached per segment text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from typing import NamedTuple

from tenderwatch.screen.indexcache import unpack
from tenderwatch.screen.normalize import Name
from tenderwatch.screen.translit import Segment, pieces, segment
from tenderwatch.screen.zhcompare import brand

MAX_CANDIDATES = 3000
SEGMENT_CACHE = 100_000


def _seg_words(seg: Segment) -> set[str]:
    """The English words that could stand for a segment alone: the first word of each
    translation, and its pinyin."""
    return {alt[0] for alt in seg.alts if alt} | {seg.pinyin}


def strong_above(strong: list[int], numbers: list[int]) -> dict[int, frozenset[int]]:
    """For each k from 1 to below the most strong words a list name has: the list names (``numbers``,
    the index's shared int objects) with more than k strong words. (k = 0 is never asked: a candidate
    holds at least one word of the query.)"""
    order = sorted(range(len(strong)), key=strong.__getitem__, reverse=True)
    out: dict[int, frozenset[int]] = {}
    end = len(order)
    for k in range(1, max(strong, default=0)):
        while end and strong[order[end - 1]] <= k:
            end -= 1
        out[k] = frozenset(numbers[i] for i in order[:end])
    return out


ZH_KEY_KINDS = ("zh", "zhnp", "zhb", "py")  # the kinds of key (``Screener._keys``) a Chinese query looks up


class ZhKeys(NamedTuple):
    """The keys a Chinese query looks up, without their kind: name key (zh:), key without the leading
    place (zhnp:), brand (zhb:), and the pinyin of a Latin name written as spaced syllables (py:)."""

    key: dict[str, bytes]
    noplace: dict[str, bytes]
    brand: dict[str, bytes]
    pinyin: dict[str, bytes]


class Candidates:
    """Candidate generation over the screener's indexes (a mixin of :class:`Screener`)."""

    by_key: Mapping[str, bytes]
    zh_keys: ZhKeys  # the keys a Chinese query looks up, by kind (small dicts)
    _zh_ignore: frozenset[str]
    _brand_endings: tuple[str, ...]
    by_token: Mapping[str, set[int]]
    ref_strong: list[int]
    strong_above: dict[int, frozenset[int]]  # [k]: the list names of more than k strong words
    _seg_cache: dict[str, tuple[set[int], int, str, bool]]
    _prefix_cache: dict[str, bool]
    _sorted_tokens: list[str]

    def _latin_candidates(self, name: Name, out: set[int]) -> None:
        """List names sharing all but (at most) one word with the query and not much longer."""
        by_key = self.by_key
        for key in ("joined:" + "".join(name.tokens), "acro:" + name.tokens[0] if len(name.tokens) == 1 else ""):
            packed = by_key.get(key)
            if packed:
                out.update(unpack(packed))
        words = set(name.tokens)
        get = self.by_token.get
        # rarest first; equally rare words in word order (set order would depend on PYTHONHASHSEED)
        found = sorted((len(refs), t, refs) for t in words if (refs := get(t)) is not None)
        postings = [refs for _, _, refs in found]
        if not postings:
            return
        need = max(1, len(words) - 1)
        if len(postings) < need:
            return
        slack = 1 if len(words) > 1 else 0  # one word spelt differently (found through the other words)
        # a list name qualifies when its strong words number at most the query words it holds plus
        # the slack: set differences with the names of more strong words (in C, not a loop over refs)
        above = self.strong_above
        top = len(above) + 1  # above[k] for 1 <= k < top
        if need == 1:  # one or two words: list names holding the rarer one (both, when equally rare)
            pool = postings[0]
            if len(postings) > 1 and len(postings[1]) == len(pool) and 2 * len(pool) <= MAX_CANDIDATES:
                pool = pool | postings[1]
            if len(pool) > MAX_CANDIDATES:
                return
            out.update(pool - above[1 + slack] if 1 + slack < top else pool)
            if len(postings) > 1:  # holding the other word too: one strong word more allowed
                both = postings[0] & postings[1]
                out.update(both - above[2 + slack] if 2 + slack < top else both)
            return
        size0, size1 = len(postings[0]), len(postings[1])  # the union's size bounds first (no set built)
        if size1 > MAX_CANDIDATES or (size0 + size1 > MAX_CANDIDATES
                                      and len(postings[0] | postings[1]) > MAX_CANDIDATES):
            return
        # need >= 2 and len(postings) in (need, need + 1): refs in every posting, or in all but one
        every = set.intersection(*postings)
        k = len(postings) + slack
        out.update(every - above[k] if k < top else every)
        if len(postings) > need:
            k = need + slack
            for skip in range(len(postings)):
                rest = set.intersection(*postings[:skip], *postings[skip + 1:]) - every
                out.update(rest - above[k] if k < top else rest)

    def _piece(self, text: str) -> tuple[set[int], int, str, bool]:
        """A segment text's record: the list names holding a word that could stand for it, as one
        set; the sum of the words' posting sizes (the candidate cap counts that sum); its pinyin;
        whether it counts (not an ignored word). Cached per segment text."""
        seg = segment(text)
        get = self.by_token.get
        postings = [refs for w in sorted(_seg_words(seg)) if (refs := get(w)) is not None]
        found = (set().union(*postings), sum(map(len, postings)), seg.pinyin, text not in self._zh_ignore)
        if len(self._seg_cache) >= SEGMENT_CACHE:
            self._seg_cache.clear()
        self._seg_cache[text] = found
        return found

    def _starts_a_word(self, prefix: str) -> bool:
        """Whether some list word starts with ``prefix`` (cached: the pinyin of two segments)."""
        known = self._prefix_cache.get(prefix)
        if known is None:
            words = self._sorted_tokens
            at = bisect_left(words, prefix)
            known = at < len(words) and words[at].startswith(prefix)
            if len(self._prefix_cache) >= SEGMENT_CACHE:
                self._prefix_cache.clear()
            self._prefix_cache[prefix] = known
        return known

    def _zh_candidates(self, n: Name, out: set[int]) -> None:
        """The list names a Chinese name (or one of its parents) can match, in one pass over its
        segments: its keys (``Screener._keys``) and the pinyin key looked up, then the English list
        names that could account for every word of it (scoring needs full coverage, so a list name
        must hold a rendering of every segment): per segment the list names holding one of its
        words, or the pinyin of a run of 2-4 segments (中北 -> zhongbei)."""
        core = n.core_noplace
        keys = self.zh_keys
        posting = keys.key.get(n.key)
        if posting:
            out.update(unpack(posting))
        posting = keys.noplace.get(core)
        if posting:
            out.update(unpack(posting))
        b = brand(core) if core.endswith(self._brand_endings) else core
        if len(b) >= 2:
            posting = keys.brand.get(b)
            if posting:
                out.update(unpack(posting))
        texts = pieces(n.key)
        try:
            records = list(map(self._seg_cache.__getitem__, texts))  # every piece seen before (C, no call each)
        except KeyError:
            records = [self._seg_cache.get(text) or self._piece(text) for text in texts]
        if not records:
            return
        # records are 4-tuples; zip's keyword argument alone costs a third of its time here
        set_list, size_list, pinyin_list, counts = zip(*records)  # noqa: B905
        # the pinyin of its key (a legal form is never part of it), as spacedpinyin.index_keys indexes
        # a Latin list name written as spaced syllables
        posting = keys.pinyin.get("".join(pinyin_list))
        if posting:
            out.update(unpack(posting))
        if all(counts):
            sets, sizes, pinyins = list(set_list), list(size_list), pinyin_list
        else:  # an ignored word (有限, 公司 ...): not looked for
            records = [r for r in records if r[3]]
            sets, sizes, pinyins = [r[0] for r in records], [r[1] for r in records], tuple(r[2] for r in records)
            if not sets:
                return
        by_token = self.by_token
        n_sets = len(sets)
        prefixes = self._prefix_cache
        for start in range(n_sets - 1):
            acc = pinyins[start] + pinyins[start + 1]
            starts = prefixes.get(acc)
            if not (self._starts_a_word(acc) if starts is None else starts):
                continue  # no list word starts with these two: no longer run either
            for end in range(start + 2, min(n_sets, start + 4) + 1):
                if end > start + 2:
                    acc += pinyins[end - 1]
                run = by_token.get(acc)
                if run:
                    for i in range(start, end):
                        sets[i] = sets[i] | run
                        sizes[i] += len(run)
        if not all(sets):
            return  # the fast path: some word of the name is in no list name
        if min(sizes) > MAX_CANDIDATES:
            return
        # the list names in every segment's set (set algebra in C, smallest set first)
        sets.sort(key=len)
        out.update(sets[0].intersection(*sets[1:]))
