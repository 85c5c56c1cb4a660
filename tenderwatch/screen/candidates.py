"""Candidate list names for a query: the few the screener scores with :func:`compare_names`.

Latin queries: list names sharing all but (at most) one word. Chinese queries: English list names
holding a rendering of every segment (translation, pinyin, or the pinyin of a run of 2-4
segments), found by set algebra over per-segment postings cached per segment text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from tenderwatch.screen.indexcache import unpack
from tenderwatch.screen.normalize import Name
from tenderwatch.screen.spacedpinyin import query_key
from tenderwatch.screen.translit import Segment, pieces, segment
from tenderwatch.screen.zhcompare import brand

MAX_CANDIDATES = 3000
SEGMENT_CACHE = 100_000
_NONE: frozenset[int] = frozenset()
_Record = tuple[set[int], int, str, bool]  # a segment text's record (Candidates._piece)


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


class Candidates:
    """Candidate generation over the screener's indexes (a mixin of :class:`Screener`)."""

    by_key: Mapping[str, bytes]
    zh_keys: dict[str, bytes]  # the keys a Chinese query looks up (zh:, zhnp:, zhb:, py:): a small dict
    _zh_ignore: frozenset[str]
    _brand_endings: tuple[str, ...]
    by_token: Mapping[str, set[int]]
    ref_strong: list[int]
    strong_above: dict[int, frozenset[int]]  # [k]: the list names of more than k strong words
    _seg_cache: dict[str, _Record]
    _cover_cache: dict[tuple[str, ...], tuple[bool, int, AbstractSet[int]]]
    _prefix_cache: dict[str, bool]
    _sorted_tokens: list[str]

    def _latin_candidates(self, name: Name, out: set[int]) -> None:
        """List names sharing all but (at most) one word with the query and not much longer."""
        by_key = self.by_key
        for key in ("latin:" + name.key, "joined:" + "".join(name.tokens),
                    "acro:" + name.tokens[0] if len(name.tokens) == 1 else ""):
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
        by_key = self.zh_keys
        posting = by_key.get("zh:" + n.key)
        if posting:
            out.update(unpack(posting))
        posting = by_key.get("zhnp:" + core)
        if posting:
            out.update(unpack(posting))
        b = brand(core) if core.endswith(self._brand_endings) else core
        if len(b) >= 2:
            posting = by_key.get("zhb:" + b)
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
        _, _, pinyin_list, counts = zip(*records)  # noqa: B905
        posting = by_key.get(query_key(pinyin_list))
        if posting:
            out.update(unpack(posting))
        if not all(counts):  # an ignored word (有限, 公司 ...): not looked for
            kept = [i for i, c in enumerate(counts) if c]
            if not kept:
                return
            texts, records = tuple(texts[i] for i in kept), [records[i] for i in kept]
        every, least, common = self._covering(texts, records)
        # no candidate when some word of the name is in no list name (the fast path) or every word is common
        if every and least <= MAX_CANDIDATES:
            out.update(common)

    def _covering(self, texts: tuple[str, ...], records: list[_Record]) -> tuple[bool, int, AbstractSet[int]]:
        """For the counted segments ``texts`` (their ``records``): whether every segment's set is
        non-empty, the least of their sizes, and the list names in every set. Cached per tail of
        segments: when no list word starts with the pinyin of the first two, no run of pinyin covers
        the first segment and the rest, so the answer is the first set with the rest's (cached; the
        rest of 深圳市|华信|科技 is that of 北京|华信|科技)."""
        found = self._cover_cache.get(texts)
        if found is None:
            if len(texts) > 1 and not self._run_starts(records[0][2] + records[1][2]):
                head, size = records[0][0], records[0][1]
                every, least, common = self._covering(texts[1:], records[1:])
                found = (True, min(size, least), head & common or _NONE) if head and every else (False, 0, _NONE)
            else:
                found = self._covering_runs(records)
            if len(self._cover_cache) >= SEGMENT_CACHE:
                self._cover_cache.clear()
            self._cover_cache[texts] = found
        return found

    def _run_starts(self, acc: str) -> bool:
        starts = self._prefix_cache.get(acc)
        return self._starts_a_word(acc) if starts is None else starts

    def _covering_runs(self, records: list[_Record]) -> tuple[bool, int, AbstractSet[int]]:
        """:meth:`_covering` of segments where a run of pinyin may start at the first: per segment
        the list names holding one of its words, or the pinyin of a run of 2-4 segments."""
        n_sets = len(records)
        if n_sets == 1:  # the segment's own set (not a copy)
            head, size = records[0][0], records[0][1]
            return (True, size, head) if head else (False, 0, _NONE)
        sets, sizes, pinyins = [r[0] for r in records], [r[1] for r in records], [r[2] for r in records]
        by_token = self.by_token
        for start in range(n_sets - 1):
            acc = pinyins[start] + pinyins[start + 1]
            if not self._run_starts(acc):
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
            return False, 0, _NONE
        # the list names in every segment's set (set algebra in C, smallest set first)
        sets.sort(key=len)
        return True, min(sizes), sets[0].intersection(*sets[1:]) or _NONE
