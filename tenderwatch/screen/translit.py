"""Chinese -> English bridge: segment a Chinese core into dictionary words (longest match) and
give each segment its English renderings (zh_en_words.yaml, places.yaml) plus its pinyin."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from pypinyin import lazy_pinyin

from tenderwatch.screen.vocab import vocab


class Segment(NamedTuple):
    """One dictionary word (or unknown character) of a Chinese name. A NamedTuple: built by the
    thousand on the screening hot path."""

    text: str
    alts: tuple[tuple[str, ...], ...]  # English renderings, each a token tuple
    pinyin: str  # syllables joined without spaces
    is_place: bool


@lru_cache(maxsize=50_000)
def pinyin_of(text: str) -> str:
    return "".join(lazy_pinyin(text, errors=_keep))


def _keep(chars: str) -> str:
    return chars.lower()


def _trie_pattern(words: list[str], places: dict[str, list[str]], suffix_alt: str) -> str:
    """A regex alternation shaped as a trie, longer words tried first: at each position the regex
    engine (in C) finds the longest dictionary word, as a longest-match loop would; a place word
    also takes a following division suffix (深圳 + 市)."""
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any], prefix: str) -> str:
        branches = [re.escape(ch) + emit(child, prefix + ch) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append(f"(?:{suffix_alt})?" if prefix in places and suffix_alt else "")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie, "")


@lru_cache(maxsize=1)
def _segmenter() -> re.Pattern[str]:
    v = vocab()
    words = [w for w in v.words if w and not w[0].isascii()]
    suffix_alt = "|".join(map(re.escape, v.place_suffixes))  # longest first, as the list is sorted
    return re.compile(r"[\x00-\x7f]+|" + _trie_pattern(words, v.places_zh, suffix_alt) + "|.", re.DOTALL)


_SEGMENTS: dict[str, Segment] = {}  # matched text -> Segment (a few thousand distinct pieces)


def _segment(piece: str) -> Segment:
    seg = _SEGMENTS.get(piece)
    if seg is None:
        seg = _make_segment(piece)
        if len(_SEGMENTS) >= 200_000:
            _SEGMENTS.clear()
        _SEGMENTS[piece] = seg
    return seg


def _make_segment(piece: str) -> Segment:
    if piece[0].isascii():  # a Latin / digit run inside a Chinese name (智谱AI, 奇虎360)
        return Segment(piece, ((piece,),), piece, False)
    v = vocab()
    for end in range(len(piece), 0, -1):  # the dictionary word, then (for a place) its suffix
        word = piece[:end]
        alts = v.words.get(word)
        if alts is not None:
            return Segment(piece, tuple(alts), pinyin_of(word), word in v.places_zh)
    return Segment(piece, (), pinyin_of(piece), False)


@lru_cache(maxsize=100_000)
def segments(core: str) -> tuple[Segment, ...]:
    """Longest-match segmentation; characters outside the dictionary become one-char segments."""
    pieces = _segmenter().findall(core)
    try:
        return tuple(map(_SEGMENTS.__getitem__, pieces))  # every piece seen before: no Python call each
    except KeyError:
        return tuple(map(_segment, pieces))
