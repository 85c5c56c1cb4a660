"""Latin-script name tokens: accents folded, casefold, ``&`` -> and, ``A.B.C.`` -> abc, abbreviations
expanded, number words and Roman numerals -> digits, legal forms and stop words dropped."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from tenderwatch.screen.vocab import vocab

BRACKETS = str.maketrans({"（": "(", "）": ")", "[": "(", "]": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
                           "{": "(", "}": ")", "<": "(", ">": ")", "《": "", "》": "", "〈": "", "〉": ""})


def translate_if_any(table: dict[int, Any]) -> Callable[[str], str]:
    """``str.translate`` by ``table``, skipped when the text holds none of its characters (translate looks
    every character up in a dict; one regex search over the text costs far less)."""
    keys = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]")

    def translate(text: str) -> str:
        return text.translate(table) if keys.search(text) is not None else text

    return translate


_brackets = translate_if_any(BRACKETS)
PAREN = re.compile(r"\(([^()]*)\)")
_INITIALS = re.compile(r"\b((?:[a-z]\.){2,}[a-z]?)")
_LATIN_SPLIT = re.compile(r"[^0-9a-z\u00df-\u024f\u0400-\u04ff]+")
_ORD_SUFFIX = re.compile(r"^(\d+)(st|nd|rd|th)$")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_FIRST = frozenset("ivxlc")
_NUM_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "first": 1, "second": 2, "third": 3,
    "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def _fold_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _latin_number(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        m = _ORD_SUFFIX.match(tok) if tok[:1].isdigit() else None
        if m:
            out.append(m.group(1))
        elif tok in _TENS:
            value = _TENS[tok]
            if i + 1 < len(tokens) and (tokens[i + 1] in _NUM_WORDS or tokens[i + 1].isdigit()):
                nxt = tokens[i + 1]
                value += _NUM_WORDS[nxt] if nxt in _NUM_WORDS else int(nxt)
                i += 1
            out.append(str(value))
        elif tok in _NUM_WORDS:
            out.append(str(_NUM_WORDS[tok]))
        elif out and tok[:1] in _ROMAN_FIRST and _ROMAN.match(tok) and tok not in ("c", "l", "cl", "cc", "ccc", "lx", "xl"):
            out.append(str(_roman_value(tok)))
        else:
            out.append(tok)
        i += 1
    return out


def _roman_value(tok: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(tok, [*tok[1:], ""], strict=True):
        va = values[a]
        total += -va if b and values[b] > va else va
    return total


@lru_cache(maxsize=1)
def _phrases_by_first() -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in vocab().latin_legal:  # already longest first
        out.setdefault(phrase[0], []).append(phrase)
    return out


def _strip_phrases(tokens: list[str]) -> list[str]:
    """Drop legal forms: long ones (limited, joint stock company) anywhere, short ones (sa, ab, co)
    only at either end, where a legal form sits (JSC X, X AB) - not "SA Power Networks" inside."""
    by_first = _phrases_by_first()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase in by_first.get(tokens[i], ()):
            n = len(phrase)
            short = n == 1 and len(phrase[0]) <= 3
            if tuple(tokens[i: i + n]) == phrase and (not short or i == 0 or i + n == len(tokens)):
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    while out and len(out) > 1 and len(out[-1]) <= 3 and (out[-1],) in by_first.get(out[-1], ()):
        out.pop()  # "Co., Ltd." leaves "co" at the end once "ltd" is gone
    return out


def latin_tokens(text: str) -> tuple[list[str], list[str], frozenset[str]]:
    """(content tokens, qualifier words, acronyms) of a Latin name."""
    v = vocab()
    text = _brackets(_fold_accents(text).casefold())
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    if "." in text:
        text = _INITIALS.sub(lambda m: m.group(1).replace(".", ""), text)
    qualifiers: list[str] = []

    def _paren(m: re.Match[str]) -> str:
        inner = " ".join(t for t in _LATIN_SPLIT.split(m.group(1)) if t)
        if inner in v.latin_places:
            qualifiers.append(inner)
            return " "
        return " " + inner + " "

    if "(" in text:
        text = PAREN.sub(_paren, text)
    head, sep, tail = text.rpartition(",")  # "Harbin Institute of Technology, Shenzhen"
    if sep and head.strip():
        tail_words = " ".join(t for t in _LATIN_SPLIT.split(tail) if t)
        if tail_words in v.latin_places:
            qualifiers.append(tail_words)
            text = head
    raw_tokens = [t for t in _LATIN_SPLIT.split(text) if t]
    if v.latin_abbrev.keys().isdisjoint(raw_tokens):  # the common case: no abbreviation to expand
        expanded = raw_tokens
    else:
        expanded = []
        for tok in raw_tokens:
            expanded.extend(v.latin_abbrev.get(tok, tok).split())
    tokens = _latin_number(expanded)
    stripped = _strip_phrases(tokens)
    if stripped:
        tokens = stripped
    content = [t for t in tokens if t not in v.latin_stop]
    acronyms = frozenset(["".join(t[0] for t in content)] if len(content) >= 3 else [])
    return (content or tokens), qualifiers, acronyms
