"""Normalise notice text while keeping a map back to the source characters.

Three steps, each of which may change the text:

1. NFKC, character for character (full-width ``Ａ１００`` -> ``A100``, ``（`` -> ``(``,
   ``：`` -> ``:``; characters NFKC would expand into several are kept);
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
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import opencc

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Starts with the space class (not a lookbehind) so the engine can skip to candidate spaces.
_INNER_SPACE = re.compile(f"[ \u3000\u00a0](?<=[{_CJK}][ \u3000\u00a0])[ \u3000\u00a0]?(?=[{_CJK}])")
# The same for a text whose only space is " " (NFKC makes U+3000 and U+00A0 one): led by a literal,
# which re finds several times faster than a class of three.
_INNER_PLAIN = re.compile(f" (?<=[{_CJK}] ) ?(?=[{_CJK}])")
_HAS_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Characters that are also correct simplified Chinese and that OpenCC's t2s would
# still change, breaking names: 昇腾 (Huawei Ascend) must not become 升腾.
_KEEP = frozenset("昇")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@dataclass(slots=True)
class NormText:
    """Normalised text plus the map back to its source characters.

    Steps 1 and 2 keep every character in its place; step 3 only takes characters out. So the map is
    the list of places where characters were taken out: ``cut_at[k]``, a position in the normalised
    text (non-decreasing), from which on ``cut_total[k]`` characters in all are missing before it.
    ``None`` for both means the identity map (most texts). Two short lists instead of one source
    index per character: building those cost more than the rest of the normalisation.
    """

    text: str
    cut_at: list[int] | None = None
    cut_total: list[int] | None = None

    @property
    def identity(self) -> bool:
        """Whether every normalised offset is its source offset."""
        return self.cut_at is None or self.cut_total is None

    def _source(self, at: int) -> int:
        assert self.cut_at is not None and self.cut_total is not None
        k = bisect_right(self.cut_at, at)
        return at + self.cut_total[k - 1] if k else at

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span [start, end) to a source span."""
        if self.identity:
            return start, end
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        last = min(max(end - 1, start), len(self.text) - 1)
        return self._source(start), self._source(last) + 1


@lru_cache(maxsize=1)
def _nfkc_table() -> dict[int, str]:
    """Every BMP character that NFKC maps to one other character.

    Characters that NFKC expands into several (``…`` -> ``...``, ``㎡`` -> ``m2``) are
    left as they are: no detection depends on them, and keeping lengths equal keeps
    the source map the identity on the fast path.
    """
    table: dict[int, str] = {}
    for code in range(0x80, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        mapped = unicodedata.normalize("NFKC", char)
        if mapped != char and len(mapped) == 1:
            table[code] = mapped
    return table


@lru_cache(maxsize=1)
def _nfkc_pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_nfkc_table())) + "]")


def _nfkc_replace(match: re.Match[str]) -> str:
    return _nfkc_table()[ord(match.group())]


# Full-width punctuation (and the yuan sign, the full-width hyphen and circled numbers) that many
# Chinese notices use: replaced by plain str.replace (a C scan each) before the regex passes, which
# then meet few matches, and most texts none at all.
_COMMON = tuple((ch, unicodedata.normalize("NFKC", ch)) for ch in "：，（）；！？　％￥－①②③④⑤")


def _nfkc(text: str) -> str:
    """NFKC, one character to one character (see ``_nfkc_table``), of a text whose common full-width
    characters were replaced already (``_COMMON``).

    One regex pass maps the rest (a compiled character class is several times faster than
    ``unicodedata.normalize`` or ``str.translate`` on mostly-CJK text).
    """
    return _nfkc_pattern().sub(_nfkc_replace, text)


@lru_cache(maxsize=1)
def _traditional_chars() -> str | None:
    """Characters that t2s changes on their own, as the body of a character class (None when OpenCC's
    tables are not as expected: then every non-ASCII character counts)."""
    chars = "".join(chr(code) for code in range(0x3400, 0xA000)) + "".join(
        chr(code) for code in range(0xF900, 0xFB00)
    )
    converted = _converter().convert(chars)
    if len(converted) != len(chars):  # pragma: no cover - OpenCC changed its tables
        return None
    changed = sorted({a for a, b in zip(chars, converted, strict=True) if a != b})
    return "".join(re.escape(ch) for ch in changed)


@lru_cache(maxsize=1)
def _traditional_pattern() -> re.Pattern[str]:
    """Characters that t2s changes on their own: a text without any is left alone."""
    chars = _traditional_chars()
    return _HAS_NON_ASCII if chars is None else re.compile(f"[{chars}]")


@lru_cache(maxsize=1)
def _changing_pattern() -> re.Pattern[str]:
    """A character that step 1 or step 2 may change: one class scan tells most texts apart, which
    then skip both the NFKC pass and the traditional-character scan."""
    chars = _traditional_chars()
    if chars is None:  # pragma: no cover - OpenCC changed its tables
        return _HAS_NON_ASCII
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_nfkc_table())) + chars + "]")


def _simplify(text: str) -> str:
    """Steps 1 and 2: NFKC (one for one) and traditional -> simplified."""
    for wide, narrow in _COMMON:
        if wide in text:
            text = text.replace(wide, narrow)
    first = _changing_pattern().search(text)
    if first is None:
        return text
    # no character before ``first`` is changed by NFKC, nor is a traditional one: t2s looks from there
    return _t2s(_nfkc(text), first.start())


def _t2s(text: str, start: int = 0) -> str:
    """Traditional -> simplified, keeping the length (char-wise when phrases change it); ``text`` holds
    no character that t2s changes before ``start``."""
    if not _traditional_pattern().search(text, start):
        return text
    converted: str = _converter().convert(text)
    if len(converted) == len(text):
        if any(ch in text for ch in _KEEP):
            converted = "".join(o if o in _KEEP else c for o, c in zip(text, converted, strict=True))
        return converted
    conv = _converter()
    return "".join(c if len(c := conv.convert(ch)) == 1 and ch not in _KEEP else ch for ch in text)


# The last long text normalised (a document's) and its NFKC + simplified form (steps 1-2): ``fold``
# of the same text object (the document's export key, its search index) starts from there instead
# of redoing both. Short texts (titles, meta values) are cheap to redo and do not replace it.
_last: tuple[str, str] = ("", "")
_KEPT = 512


def fold(text: str) -> str:
    """The search form of ``text``: NFKC and traditional -> simplified, lower-cased, one
    character for one character (``Ａ１００`` -> ``a100``, ``深圳大學`` -> ``深圳大学``), so an
    offset in the folded text is the same offset in ``text``. Spaces are kept."""
    last = _last
    folded = last[1] if last[0] is text else _simplify(text)
    lower = folded.lower()
    if len(lower) == len(folded):
        return lower
    return "".join(c if len(c := ch.lower()) == 1 else ch for ch in folded)


def normalize(text: str) -> NormText:
    """Normalise ``text``; see the module docstring for the steps."""
    global _last
    simplified = _simplify(text)
    if len(text) >= _KEPT:
        _last = (text, simplified)
    inner = _INNER_SPACE if "\u3000" in simplified or "\u00a0" in simplified else _INNER_PLAIN
    deletions = [m.span() for m in inner.finditer(simplified)]
    if not deletions:
        return NormText(simplified)
    out_text: list[str] = []
    cut_at: list[int] = []
    cut_total: list[int] = []
    position = removed = 0
    for begin, finish in deletions:
        out_text.append(simplified[position:begin])
        removed += finish - begin
        cut_at.append(finish - removed)  # the first character after the cut, in the normalised text
        cut_total.append(removed)
        position = finish
    out_text.append(simplified[position:])
    return NormText("".join(out_text), cut_at, cut_total)
