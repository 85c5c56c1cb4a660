"""Chinese <-> Chinese comparison. Deliberately strict: Chinese near misses differ by one or two
characters (哈尔滨工业大学 / 哈尔滨工程大学, 第28 / 第38研究所), so after normalisation names must be
equal, or equal up to a leading place or brand filler words; anything else stays below 0.6."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Indel

from tenderwatch.screen.normalize import Name
from tenderwatch.screen.vocab import vocab

_INSTITUTION_ENDINGS = ("大学", "学院", "学校", "中学", "小学", "研究所", "研究院", "医院", "中心")


@lru_cache(maxsize=1)
def _filler_endings() -> tuple[str, ...]:
    return tuple(vocab().brand_fillers)


@lru_cache(maxsize=1)
def _fillers() -> tuple[frozenset[str], tuple[int, ...]]:
    """The brand fillers, and their lengths, longest first."""
    fillers = vocab().brand_fillers
    return frozenset(fillers), tuple(sorted({len(word) for word in fillers}, reverse=True))


def brand(core: str) -> str:
    """The core without trailing brand fillers, the longest first, as long as something is left:
    海康威视数字技术 -> 海康威视. (A slice looked up per filler length, not a test per filler: the
    candidate search asks this for most Chinese names screened.)"""
    if not core.endswith(_filler_endings()):
        return core
    words, lengths = _fillers()
    while True:
        for n in lengths:
            if len(core) > n and core[-n:] in words:
                core = core[:-n]
                break
        else:
            return core


def compare_zh(q: Name, c: Name) -> tuple[float, list[str]]:
    s = vocab().settings
    institution = q.key.endswith(_INSTITUTION_ENDINGS) or c.key.endswith(_INSTITUTION_ENDINGS)
    if q.core_noplace == c.core_noplace and q.core_noplace:
        if q.lead_place and c.lead_place:
            return 0.3, [f"same name in another place ({q.lead_place} vs {c.lead_place})"]
        if institution:
            return 0.5, ["a place word is part of an institution's name (桂林电子科技大学 is not 电子科技大学)"]
        return s.score_one_sided_place, ["equal apart from the leading place " + (q.lead_place or c.lead_place)]
    if not institution:
        bq, bc = brand(q.core_noplace), brand(c.core_noplace)
        if len(bq) >= 2 and bq == bc:
            if q.lead_place and c.lead_place and q.lead_place != c.lead_place:
                return 0.3, [f"same brand {bq} in another place ({q.lead_place} vs {c.lead_place})"]
            return s.score_one_sided_place, [f"same brand {bq} (business-scope words differ)"]
    sim = float(Indel.normalized_similarity(q.key, c.key))
    return 0.6 * sim, [f"different Chinese names (character similarity {sim:.2f})"]
