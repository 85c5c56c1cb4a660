"""Normalise notice text while keeping a map back to the source characters.

Three steps, each of which may change the text:

1. NFKC (full-width ``Ａ１００`` -> ``A100``, ``（`` -> ``(``, ``：`` -> ``:``);
2. traditional -> simplified Chinese (OpenCC ``t2s``);
3. spacing inside words: a run of at most two spaces between two CJK characters
   is removed (``算 力 服务`` -> ``算力服务``, ``名 称`` -> ``名称``). Tabs and newlines,
   which carry table and line structure, are kept.

``NormText.to_source(start, end)`` maps a span of the normalised text back to
the source text, so every fact can point at what was really written.
Most notices need no change at all; that path costs one ``str.translate``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_INNER_SPACE = re.compile(f"(?<=[{_CJK}])[ \u3000\u00a0]{{1,2}}(?=[{_CJK}])")
# Characters that NFKC maps to a different text; computed lazily per character.
_NFKC_CACHE: dict[str, str] = {}
_HAS_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Characters that are also correct simplified Chinese and that OpenCC's t2s would
# still change, breaking names: 昇腾 (Huawei Ascend) must not become 升腾.
_KEEP = frozenset("昇")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@dataclass(slots=True)
class NormText:
    """Normalised text plus, per normalised character, its source span.

    ``starts[i]``/``ends[i]`` give the half-open source range that produced
    normalised character ``i``. ``None`` for both means the identity map.
    """

    text: str
    source_len: int
    starts: list[int] | None = None
    ends: list[int] | None = None

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span [start, end) to a source span."""
        if self.starts is None or self.ends is None:
            return start, end
        if not self.starts:
            return 0, 0
        start = min(max(start, 0), len(self.starts) - 1)
        last = min(max(end - 1, start), len(self.ends) - 1)
        return self.starts[start], self.ends[last]


def _nfkc_char(ch: str) -> str:
    mapped = _NFKC_CACHE.get(ch)
    if mapped is None:
        mapped = unicodedata.normalize("NFKC", ch)
        _NFKC_CACHE[ch] = mapped
    return mapped


def _nfkc(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFKC per character. Returns identity maps (None) when lengths are kept."""
    table: dict[int, str] = {}
    expands = False
    for ch in set(text):
        if ch < "\x80":
            continue
        mapped = _nfkc_char(ch)
        if mapped != ch:
            table[ord(ch)] = mapped
            if len(mapped) != 1:
                expands = True
    if not table:
        return text, None, None
    if not expands:
        return text.translate(table), None, None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, ch in enumerate(text):
        mapped = table.get(ord(ch), ch)
        parts.append(mapped)
        starts.extend([index] * len(mapped))
        ends.extend([index + 1] * len(mapped))
    return "".join(parts), starts, ends


def _t2s(text: str) -> str:
    """Traditional -> simplified, keeping the length (char-wise when phrases change it)."""
    if not _HAS_NON_ASCII.search(text):
        return text
    converted: str = _converter().convert(text)
    if len(converted) == len(text):
        if any(ch in text for ch in _KEEP):
            converted = "".join(o if o in _KEEP else c for o, c in zip(text, converted, strict=True))
        return converted
    conv = _converter()
    return "".join(c if len(c := conv.convert(ch)) == 1 and ch not in _KEEP else ch for ch in text)


def normalize(text: str) -> NormText:
    """Normalise ``text``; see the module docstring for the steps."""
    nfkc, starts, ends = _nfkc(text)
    simplified = _t2s(nfkc)
    deletions = [m.span() for m in _INNER_SPACE.finditer(simplified)]
    if not deletions:
        return NormText(simplified, len(text), starts, ends)
    if starts is None or ends is None:
        starts = list(range(len(simplified)))
        ends = list(range(1, len(simplified) + 1))
    out_text: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    position = 0
    for begin, finish in deletions:
        out_text.append(simplified[position:begin])
        out_starts.extend(starts[position:begin])
        out_ends.extend(ends[position:begin])
        position = finish
    out_text.append(simplified[position:])
    out_starts.extend(starts[position:])
    out_ends.extend(ends[position:])
    return NormText("".join(out_text), len(text), out_starts, out_ends)
