"""Candidate list names for a query: the few the screener scores with :func:`compare_names`.

Latin queries: list names sharing all but (at most) one word. Chinese queries: English list names
holding a rendering of every segment (translation, pinyin, or the pinyin of a run of 2-4
segments), found by set algebra over per-segment postings cached per segment text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from tenderwatch.screen.indexcache import unpack
from tenderwatch.screen.normalize import Name
from tenderwatch.screen.translit import Segment
from tenderwatch.screen.vocab import vocab

MAX_CANDIDATES = 3000
SEGMENT_CACHE = 100_000


def _seg_words(seg: Segment) -> set[str]:
    """The English words that could stand for a segment alone: the first word of each
    translation, and its pinyin."""
    return {alt[0] for alt in seg.alts if alt} | {seg.pinyin}


class Candidates:
    """Candidate generation over the screener's indexes (a mixin of :class:`Screener`)."""

    by_key: Mapping[str, bytes]
    by_token: Mapping[str, set[int]]
    ref_strong: list[int]
    _seg_cache: dict[str, tuple[set[int], int]]
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
        by_token = self.by_token
        postings = sorted((by_token[t] for t in words if t in by_token), key=len)
        if not postings:
            return
        need = max(1, len(words) - 1)
        if len(postings) < need:
            return
        slack = 1 if len(words) > 1 else 0  # one word spelt differently (found through the other words)
        strong = self.ref_strong
        if need == 1:  # one or two words: list names holding the rarer one
            pool = postings[0]
            if len(pool) > MAX_CANDIDATES:
                return
            other = postings[1] if len(postings) > 1 else set()
            for ref in pool:
                if strong[ref] <= 1 + (ref in other) + slack:
                    out.add(ref)
            return
        size0, size1 = len(postings[0]), len(postings[1])  # the union's size bounds first (no set built)
        if size1 > MAX_CANDIDATES or (size0 + size1 > MAX_CANDIDATES
                                      and len(postings[0] | postings[1]) > MAX_CANDIDATES):
            return
        # need >= 2 and len(postings) in (need, need + 1): refs in every posting, or in all but one
        # (set algebra in C instead of counting each ref of the pool in Python)
        counts: dict[int, int] = {}
        every = set.intersection(*postings)
        if len(postings) > need:
            for skip in range(len(postings)):
                for ref in set.intersection(*postings[:skip], *postings[skip + 1:]) - every:
                    counts[ref] = need
        for ref in every:
            counts[ref] = len(postings)
        for ref, count in counts.items():
            if strong[ref] <= count + slack:
                out.add(ref)

    def _seg_postings(self, seg: Segment) -> tuple[set[int], int]:
        """The list names holding a word that could stand for a segment, as one set, and the sum
        of the words' posting sizes (the candidate cap counts that sum); cached per segment text."""
        found = self._seg_cache.get(seg.text)
        if found is None:
            by_token = self.by_token
            postings = [by_token[w] for w in sorted(_seg_words(seg)) if w in by_token]
            found = (set().union(*postings), sum(map(len, postings)))
            if len(self._seg_cache) >= SEGMENT_CACHE:
                self._seg_cache.clear()
            self._seg_cache[seg.text] = found
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

    def _cross_candidates(self, segments_of_key: tuple[Segment, ...], out: set[int]) -> None:
        """English list names that could account for every word of a Chinese name (scoring needs
        full coverage, so a list name must hold a rendering of every segment): per segment the
        list names holding one of its words, or the pinyin of a run of 2-4 segments (中北 -> zhongbei).
        ``segments_of_key``: :func:`tenderwatch.screen.translit.segments` of the name's key."""
        ignore = vocab().zh_ignore
        cache = self._seg_cache
        sets: list[set[int]] = []
        sizes: list[int] = []
        pinyins: list[str] = []
        for seg in segments_of_key:  # one pass (a name has a handful of segments)
            if seg.text in ignore:
                continue
            found = cache.get(seg.text)
            if found is None:
                found = self._seg_postings(seg)
            sets.append(found[0])
            sizes.append(found[1])
            pinyins.append(seg.pinyin)
        if not sets:
            return
        by_token = self.by_token
        n = len(sets)
        prefixes = self._prefix_cache
        for start in range(n - 1):
            acc = pinyins[start] + pinyins[start + 1]
            starts = prefixes.get(acc)
            if not (self._starts_a_word(acc) if starts is None else starts):
                continue  # no list word starts with these two: no longer run either
            for end in range(start + 2, min(n, start + 4) + 1):
                if end > start + 2:
                    acc += pinyins[end - 1]
                posting = by_token.get(acc)
                if posting:
                    for i in range(start, end):
                        sets[i] = sets[i] | posting
                        sizes[i] += len(posting)
        if not all(sets):
            return  # the fast path: some word of the name is in no list name
        if min(sizes) > MAX_CANDIDATES:
            return
        # the list names in every segment's set (set algebra in C, smallest set first)
        sets.sort(key=len)
        out.update(sets[0].intersection(*sets[1:]))
