"""Normalise an organisation name into the parts the matcher compares.

Chinese names: NFKC, traditional -> simplified (OpenCC ``hk2s``, which also folds Hong Kong
variants such as 衞), spaces and punctuation dropped, brackets unified, ``第二十八`` -> ``第28``,
bracketed place qualifiers ``(上海)`` taken out, legal forms stripped from the END only
(anchored, not word-bounded: 华为技术有限公司 -> 华为技术), a leading place (深圳市) noted.

Latin names: NFKC, accents folded, casefold, ``&`` -> and, ``A.B.C.`` -> abc, abbreviations
expanded, number words and Roman numerals -> digits, legal forms and stop words dropped.
"""

from __future__ import annotations

import itertools
import logging
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from tenderwatch.screen.latin_tokens import BRACKETS, PAREN, latin_tokens, translate_if_any
from tenderwatch.screen.simplify import T2S, to_simplified
from tenderwatch.screen.vocab import vocab

log = logging.getLogger(__name__)

MAX_NAME_CHARS = 300  # longer input is cut (names are short; a 10 kB "name" is bad input)

_T2S = T2S
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f\u0400-\u04ff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_ZH_DROP_CHARS = "\"'“”‘’`·•・、，,。.;；:：!！?？/\\|_~^*#@+=-–—‐" + "".join(
    c for c in map(chr, range(0x3001)) if c.isspace())  # punctuation and whitespace (\\s) dropped
_ZH_TABLE = {**BRACKETS, **dict.fromkeys(map(ord, _ZH_DROP_CHARS))}  # brackets unified, the rest dropped
_zh_table = translate_if_any(_ZH_TABLE)
_DIGITS = re.compile(r"\d+")
_ZH_ORDINAL = re.compile(r"第([〇零一二三四五六七八九十百两]+)")


EMPTY: frozenset[str] = frozenset()  # one shared empty set: tens of thousands of list names hold it


def _fs(items: Iterable[str]) -> frozenset[str]:
    return frozenset(items) or EMPTY


@dataclass(slots=True)
class Name:
    """A normalised name. ``key`` is what two names must share to be the same after normalisation."""

    raw: str
    script: str  # "zh", "latin" or "empty"
    key: str  # zh: core with leading place; latin: content tokens joined by spaces
    full: str = ""  # zh: normalised text before legal forms were stripped (for subunit splits)
    core_noplace: str = ""  # zh: key without the leading place
    lead_place: str = ""  # zh: 深圳 for 深圳市...
    qualifiers: tuple[str, ...] = ()  # place qualifiers, canonical (zh place or latin words)
    tokens: tuple[str, ...] = ()  # latin content tokens (zh: empty)
    numbers: frozenset[str] = EMPTY
    places: frozenset[str] = EMPTY  # latin tokens that are place words
    acronyms: frozenset[str] = EMPTY  # latin: initials of the words (with / without legal form)
    notes: tuple[str, ...] = ()  # what normalisation did (for reasons)

    def fields(self) -> tuple[Any, ...]:
        """Its fields in order, builtins only (the index cache stores a list name so; read back by
        :func:`name_from_fields`)."""
        return (self.raw, self.script, self.key, self.full, self.core_noplace, self.lead_place, self.qualifiers,
                self.tokens, self.numbers, self.places, self.acronyms, self.notes)


def name_from_fields(raw: str, script: str, key: str, full: str, core_noplace: str, lead_place: str,
                     qualifiers: tuple[str, ...], tokens: tuple[str, ...], numbers: frozenset[str],
                     places: frozenset[str], acronyms: frozenset[str], notes: tuple[str, ...]) -> Name:
    """A :class:`Name` read back from the index cache: empty sets shared, words interned (a list
    name read back on its own, when first used, costs the cyclic GC one object, as one built here)."""
    return Name(raw, script, key, full, core_noplace, sys.intern(lead_place), tuple(map(sys.intern, qualifiers)),
                tuple(map(sys.intern, tokens)), numbers or EMPTY, places or EMPTY, acronyms or EMPTY, notes)


def clean_input(text: str) -> str:
    """NFKC, control characters removed, whitespace collapsed, length capped."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    text = " ".join(text.split())
    return text[:MAX_NAME_CHARS]


def input_problems(raw: str) -> list[str]:
    """Why a party name is doubtful input (empty, too long, control characters); [] when fine."""
    problems: list[str] = []
    if _CONTROL.search(raw):
        problems.append("control characters removed")
    cleaned = " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFKC", raw)).split())
    if not cleaned:
        problems.append("empty name")
    elif len(cleaned) > MAX_NAME_CHARS:
        problems.append(f"name of {len(cleaned)} characters cut to {MAX_NAME_CHARS}")
    elif not has_han(cleaned) and _LATIN.search(cleaned) is None:
        problems.append("no letters or Chinese characters in the name")
    return problems


_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff（）()]+")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9 .,&'()-]{2,}")


def mixed_script_parts(text: str) -> list[str]:
    """For a name written in both scripts ("华为 Huawei"), its Chinese and its Latin part."""
    han = re.sub(r"[（(][）)]", "", "".join(_HAN_RUN.findall(text)))
    latin = " ".join(m.strip() for m in _LATIN_RUN.findall(text) if sum(c.isalpha() for c in m) >= 3)
    if han and latin:
        return [han, latin]
    return []


_TAIL_ACRONYM = re.compile(r"^(.{6,}?)\s*[(（]([A-Z][A-Za-z0-9&\-]{1,11})[)）]\s*$")


def without_tail_acronym(text: str) -> list[str]:
    """"National Supercomputing Center Changsha (NSCC-CS)" -> ["National Supercomputing Center
    Changsha"]: a trailing bracketed acronym is another name of the same party ([] when none)."""
    m = _TAIL_ACRONYM.match(text.strip())
    if m is None or (not any(c.isupper() for c in m.group(2)[1:]) and len(m.group(2)) > 3):
        return []
    return [m.group(1).rstrip(" ,")]


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def _place_of(text: str) -> str | None:
    """The canonical place if ``text`` is a (Chinese) place name, with or without 市/省/区."""
    v = vocab()
    if text in v.places_zh:
        return text
    for suffix in v.place_suffixes:
        if text.endswith(suffix) and text[: -len(suffix)] in v.places_zh:
            return text[: -len(suffix)]
    return None


def _lead_place(core: str) -> tuple[str, str]:
    """Split a leading place (深圳市 / 北京 / 广东省) off a Chinese core."""
    heads = _places_by_start().get(core[:2])
    if heads is None:  # no place starts with the name's first two characters
        return "", core
    for head in heads:  # longest first, as a longest-match over core[:4], core[:3], core[:2]
        if len(head) < len(core) and core.startswith(head):
            rest = core[len(head):]
            if rest.startswith(_suffixes()):
                for suffix in vocab().place_suffixes:
                    if rest.startswith(suffix) and len(rest) > len(suffix):
                        return head, rest[len(suffix):]
            return head, rest
    return "", core


@lru_cache(maxsize=1)
def _places_by_start() -> dict[str, tuple[str, ...]]:
    """The Chinese places of 2-4 characters by their first two, longest first (the leading place a
    name can start with: 深圳市... is looked for only among the places starting 深圳)."""
    out: dict[str, list[str]] = {}
    for place in sorted(vocab().places_zh, key=len, reverse=True):
        if 2 <= len(place) <= 4:
            out.setdefault(place[:2], []).append(place)
    return {start: tuple(heads) for start, heads in out.items()}


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(vocab().place_suffixes)


@lru_cache(maxsize=1)
def _legal_suffix() -> tuple[re.Pattern[str], int]:
    forms = vocab().zh_legal  # longest first, so the alternation prefers 股份有限公司 over 有限公司
    return re.compile("(?<!分)(?:" + "|".join(map(re.escape, forms)) + ")$"), max(map(len, forms)) + 1


@lru_cache(maxsize=1)
def _legal_endings() -> tuple[str, ...]:
    return tuple(vocab().zh_legal)


def strip_zh_legal(text: str) -> str:
    """Strip legal forms anchored at the end, repeatedly; never 分公司, never to empty."""
    pattern, window = _legal_suffix()
    endings = _legal_endings()
    while True:
        if not text.endswith(endings):  # the common case, without the regex
            return text
        m = pattern.search(text, max(0, len(text) - window))
        if m is None or m.start() == 0:
            return text
        text = text[: m.start()]


@lru_cache(maxsize=1)
def _internal_legal() -> re.Pattern[str]:
    """Legal forms (…公司) inside a name, followed by more text; never the 公司 of 分公司."""
    forms = [f for f in vocab().zh_legal if f.endswith("公司")]
    return re.compile("(?<!分)(?:" + "|".join(map(re.escape, forms)) + ")(?=.)")


_DIGIT_VALUE = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def small_numeral(text: str) -> int | None:
    """一 .. 九十九 written with 一-九 and 十 (十五, 二十八, 九十): its value, as cn2an gives it; None
    for any other numeral (cn2an reads those; importing it costs 0.1 s)."""
    digit = _DIGIT_VALUE.get
    if len(text) == 1:
        return 10 if text == "十" else digit(text)
    ten = text.find("十")
    if ten < 0 or ten > 1 or len(text) > ten + 2:
        return None
    tens = digit(text[0], 0) if ten == 1 else 1
    units = digit(text[ten + 1], 0) if len(text) > ten + 1 else 0
    if not tens or (len(text) > ten + 1 and not units):
        return None
    return tens * 10 + units


def _zh_ordinal(match: re.Match[str]) -> str:
    small = small_numeral(match.group(1))
    if small is not None:
        return "第" + str(small)
    try:
        return "第" + str(cn2an_converter()(match.group(1), "smart"))
    except (ValueError, KeyError):
        return match.group(0)


def _analyse_zh(raw: str, text: str) -> Name:
    notes: list[str] = []
    simp = to_simplified(text)
    if simp != text:
        notes.append("traditional -> simplified")
    text = _zh_table(simp.lower())
    if "第" in text:
        text2 = _ZH_ORDINAL.sub(_zh_ordinal, text)
        if text2 != text:
            notes.append("Chinese numerals -> digits")
            text = text2
    qualifiers: list[str] = []
    if "(" in text or ")" in text:

        def _paren(m: re.Match[str]) -> str:
            inner = m.group(1)
            place = _place_of(inner)
            if place is not None:
                qualifiers.append(place)
                return ""
            if inner in vocab().zh_legal:
                return ""
            return inner

        text = PAREN.sub(_paren, text).replace("(", "").replace(")", "")
    if qualifiers:
        notes.append(sys.intern("place qualifier (" + ",".join(qualifiers) + ")"))
    full = text
    core = strip_zh_legal(text)
    if core != text:
        notes.append(sys.intern("legal form " + text[len(core):] + " stripped"))
    inner = _internal_legal().sub("", core) if "公司" in core else core  # 中国电子科技集团有限公司第14研究所
    if inner and inner != core:  # = ...集团公司第14研究所
        notes.append("legal form inside the name dropped")
        core = inner
    lead, rest = _lead_place(core)
    numbers = _fs(_DIGITS.findall(core)) if not core.isalpha() else EMPTY
    # positional: a Chinese name is analysed for nearly every party screened
    return Name(raw, "zh", core, full, rest, sys.intern(lead), tuple(map(sys.intern, qualifiers)) if qualifiers
                else (), (), numbers, EMPTY, EMPTY, tuple(notes))


@lru_cache(maxsize=1)
def _two_word_place_starts() -> frozenset[str]:
    """The first words of the Latin place names of more than one word ("hong" of "hong kong")."""
    return frozenset(place.split(" ", 1)[0] for place in vocab().latin_places if " " in place)


def _analyse_latin(raw: str, text: str) -> Name:
    v = vocab()
    tokens, qualifiers, acronyms = latin_tokens(text)
    places = v.latin_places.intersection(tokens)
    firsts = _two_word_place_starts()
    if not firsts.isdisjoint(tokens):  # "hong kong": both words are place words
        found = set(places)
        for a, b in itertools.pairwise(tokens):
            if a in firsts and f"{a} {b}" in v.latin_places:
                found.update((a, b))
        places = frozenset(found)
    numbers = [t for t in tokens if t.isdigit()]
    return Name(raw, "latin", " ".join(tokens), "", "", "", tuple(map(sys.intern, qualifiers)) if qualifiers else (),
                tuple(map(sys.intern, tokens)), frozenset(numbers) if numbers else EMPTY, places or EMPTY,
                acronyms or EMPTY)


@lru_cache(maxsize=200_000)
def analyse(raw: str) -> Name:
    """Normalise one name (cached: the scan screens the same parties again and again)."""
    text = clean_input(raw)
    if not text:
        return Name(raw=raw, script="empty", key="")
    if has_han(text):
        return _analyse_zh(raw, text)
    if _LATIN.search(text) is None and not any(c.isdigit() for c in text):
        return Name(raw=raw, script="empty", key="")
    return _analyse_latin(raw, text)


@cache
def cn2an_converter() -> Callable[[str, str], Any]:
    """cn2an's converter, imported on first use (0.1 s to import; most names hold no Chinese numeral)."""
    import cn2an  # imported on first use

    return cn2an.cn2an  # type: ignore[no-any-return]
