"""Chinese -> English bridge: segment a Chinese core into dictionary words (longest match) and
give each segment its English renderings (zh_en_words.yaml, places.yaml) plus its pinyin."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

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


@lru_cache(maxsize=1)
def _max_len_by_first() -> dict[str, int]:
    out: dict[str, int] = {}
    for word in vocab().words:
        out[word[0]] = max(out.get(word[0], 0), len(word))
    return out


@lru_cache(maxsize=100_000)
def segments(core: str) -> tuple[Segment, ...]:
    """Longest-match segmentation; characters outside the dictionary become one-char segments."""
    v = vocab()
    words, places, suffixes = v.words, v.places_zh, v.place_suffixes
    max_len = _max_len_by_first()
    out: list[Segment] = []
    i = 0
    n = len(core)
    while i < n:
        ch = core[i]
        if ch.isascii():  # a Latin / digit run inside a Chinese name (智谱AI, 奇虎360)
            j = i
            while j < n and core[j].isascii():
                j += 1
            run = core[i:j]
            out.append(Segment(run, ((run,),), run, False))
            i = j
            continue
        for length in range(min(max_len.get(ch, 0), n - i), 0, -1):
            word = core[i: i + length]
            alts = words.get(word)
            if alts is not None:
                is_place = word in places
                end = i + length
                if is_place:  # 深圳市 / 广东省: the division suffix belongs to the place
                    for suffix in suffixes:
                        if core.startswith(suffix, end):
                            end += len(suffix)
                            break
                out.append(Segment(core[i:end], tuple(alts), pinyin_of(word), is_place))
                i = end
                break
        else:
            out.append(Segment(ch, (), pinyin_of(ch), False))
            i += 1
    return tuple(out)
