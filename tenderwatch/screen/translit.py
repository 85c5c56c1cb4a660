"""Chinese -> English bridge: segment a Chinese core into dictionary words (longest match) and
give each segment its English renderings (zh_en_words.yaml, places.yaml) plus its pinyin.

pypinyin (0.2-0.3 s to import: its phrase dictionary) is imported only when a text's pinyin is not
in the table the screener's index carries (:func:`pinyin_table`: every dictionary word and every
character of the CJK blocks, computed with pypinyin when the index is built)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, NamedTuple

from tenderwatch.screen.vocab import vocab

_CJK_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))  # the characters the pinyin table covers


class Segment(NamedTuple):
    """One dictionary word (or unknown character) of a Chinese name. A NamedTuple: built by the
    thousand on the screening hot path."""

    text: str
    alts: tuple[tuple[str, ...], ...]  # English renderings, each a token tuple
    pinyin: str  # syllables joined without spaces
    is_place: bool


_PINYIN: dict[str, str] = {}  # text -> pinyin, from the screener's index (use_pinyin_table)


def pinyin_of(text: str) -> str:
    """The pinyin of ``text``, syllables joined without tones (pypinyin ``lazy_pinyin``)."""
    found = _PINYIN.get(text)
    return found if found is not None else _pypinyin_of(text)


@lru_cache(maxsize=50_000)
def _pypinyin_of(text: str) -> str:
    from pypinyin import lazy_pinyin  # heavy: only for a text the table lacks

    return "".join(lazy_pinyin(text, errors=_keep))


def _keep(chars: str) -> str:
    return chars.lower()


@lru_cache(maxsize=1)
def pinyin_table() -> tuple[str, str]:
    """The pinyin of every dictionary word, legal form and CJK character (pypinyin, as
    :func:`pinyin_of` gives it), packed for the index cache: keys and values, each joined by NUL."""
    v = vocab()
    texts = dict.fromkeys([w for w in v.words if w and not w[0].isascii()] + list(v.zh_legal))
    for low, high in _CJK_BLOCKS:
        texts.update(dict.fromkeys(map(chr, range(low, high + 1))))
    keys = list(texts)
    return "\0".join(keys), "\0".join(map(_pypinyin_of.__wrapped__, keys))


def use_pinyin_table(table: tuple[str, str]) -> None:
    """Take the pinyin from ``table`` (:func:`pinyin_table`, as stored in the index) instead of pypinyin."""
    keys, values = table[0].split("\0"), table[1].split("\0")
    if len(keys) != len(values):
        raise ValueError("pinyin table: keys and values differ in number")
    _PINYIN.update(zip(keys, values, strict=True))


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

    # sre tries the alternatives of the first character one after the other (each begins with another
    # character, so their order changes no match): those that begin the most words other than places
    # first, as a name holds one place and several such words (findall -15% on Chinese names)
    common = Counter(word[0] for word in words if word not in places)

    def emit(node: dict[str, Any], prefix: str) -> str:
        children = sorted(node.items())
        if not prefix:
            children.sort(key=lambda item: -common[item[0]])  # stable: equal counts in character order
        branches = [re.escape(ch) + emit(child, prefix + ch) for ch, child in children if ch]
        if "" in node:
            branches.append(f"(?:{suffix_alt})?" if prefix in places and suffix_alt else "")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie, "")


@lru_cache(maxsize=1)
def _segmenter() -> re.Pattern[str]:
    v = vocab()
    words = [w for w in v.words if w and not w[0].isascii()]
    suffix_alt = "|".join(map(re.escape, v.place_suffixes))  # longest first, as the list is sorted
    # a character no word starts with skips the trie's first alternation (one set test, not ~250)
    starts = "[" + re.escape("".join(sorted({w[0] for w in words}))) + "]" if words else "(?!)"
    return re.compile(r"[\x00-\x7f]+|(?=" + starts + ")" + _trie_pattern(words, v.places_zh, suffix_alt) + "|.",
                      re.DOTALL)


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


def segment(piece: str) -> Segment:
    """The segment of one piece of :func:`pieces` (as :func:`segments` gives it)."""
    return _segment(piece)


def pieces(core: str) -> list[str]:
    """The texts of :func:`segments` of ``core``, without making (or caching) the segments: the
    screener's candidate search keeps what it needs per piece text."""
    return _segmenter().findall(core)


@lru_cache(maxsize=100_000)
def segments(core: str) -> tuple[Segment, ...]:
    """Longest-match segmentation; characters outside the dictionary become one-char segments."""
    pieces = _segmenter().findall(core)
    try:
        return tuple(map(_SEGMENTS.__getitem__, pieces))  # every piece seen before: no Python call each
    except KeyError:
        return tuple(map(_segment, pieces))
