"""Names written as spaced pinyin syllables ("CHANG SHA TIAN YI KONG JIAN KE JI YAN JIU YUAN YOU XIAN
GONG SI", as OFAC writes some Chinese companies): the letters joined are the pinyin of the Chinese
name, with or without its legal form. Word normalisation would misread such names (LI -> 51), so
the raw letters are used."""

from __future__ import annotations

import re
from functools import lru_cache

from tenderwatch.screen.normalize import Name
from tenderwatch.screen.translit import pinyin_of, segments
from tenderwatch.screen.vocab import vocab

_WORD = re.compile(r"[A-Za-z]+")
MIN_SYLLABLES = 3


@lru_cache(maxsize=100_000)
def joined_syllables(raw: str) -> str:
    """The letters of a name written as spaced syllables, joined and lower-cased ("" otherwise)."""
    words = _WORD.findall(raw)
    if len(words) < MIN_SYLLABLES or any(len(w) > 6 for w in words) or sum(map(len, words)) > 4.2 * len(words):
        return ""
    return "".join(words).lower()


@lru_cache(maxsize=1)
def _legal_pinyin() -> tuple[str, ...]:
    return tuple(sorted({pinyin_of(form) for form in vocab().zh_legal}, key=len, reverse=True))


def without_legal(joined: str) -> str:
    """``joined`` without a trailing legal form in pinyin (youxiangongsi, gufenyouxiangongsi ...)."""
    for legal in _legal_pinyin():
        if legal and joined.endswith(legal) and len(joined) > len(legal):
            return joined[: -len(legal)]
    return joined


def index_keys(name: Name) -> list[str]:
    """Keys under which a Latin list name written as spaced syllables is found by a Chinese query."""
    joined = joined_syllables(name.raw) if name.script == "latin" else ""
    return ["py:" + k for k in dict.fromkeys((joined, without_legal(joined)))] if joined else []


def compare_spaced(zh: Name, latin: Name) -> tuple[float, list[str]] | None:
    """Score when the Latin name is the Chinese name in spaced pinyin; None when it is not."""
    joined = joined_syllables(latin.raw)
    if not joined:
        return None
    core = "".join(seg.pinyin for seg in segments(zh.key))
    if (core and without_legal(joined) == core) or joined == pinyin_of(zh.full or zh.key):
        return vocab().settings.score_cross_script, [f"'{latin.raw}' is the pinyin of '{zh.raw}', syllable by syllable"]
    return None
