"""Cheap first pass for many regexes over one text: which of them can match at all.

Python's ``re`` walks the whole text for each pattern, and patterns that start with a character class
or carry ``(?i)`` get no literal prefix scan, so forty patterns over a page cost about forty passes.
Most patterns cannot match a given page because a string they need is not in it. ``required``
reads a compiled pattern's syntax tree (``re._parser``) for a set of strings one of which every
match must contain (the longest such set it can prove; ``None`` when it cannot prove one), and a
``LiteralGate`` finds all those strings in one Aho-Corasick pass (``ahocorasick_rs``, a DFA: about
four times faster than pyahocorasick on CJK text, whose root node has hundreds of first characters
to choose from): a pattern none of whose strings occur is skipped. Skipping is exact: the skipped patterns have no match, so results are unchanged.

Case: the gate looks for case-folded strings in the case-folded text, which also covers ``(?i)``
patterns (``fold`` maps the dotted and dotless i, which ``re`` matches to ``i``, first; a cased
non-ASCII literal under ``(?i)`` is not used, since ``re``'s case rules differ from ``casefold``).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick_rs

# re's own parser and opcodes (private, no type stubs; the names as re itself uses them). Should a
# Python release change them, no string is proven for any pattern and every pattern simply runs.
REPEATS: tuple[Any, ...]
ZERO_WIDTH: tuple[Any, ...]
try:
    P: Any = importlib.import_module("re._parser")
    C: Any = importlib.import_module("re._constants")
    REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
    ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
except (ImportError, AttributeError):  # pragma: no cover - depends on the Python release
    P = C = None
    REPEATS = ZERO_WIDTH = ()

_FIX = str.maketrans({"\u0130": "i", "\u0131": "i"})  # İ and ı: re's (?i) matches them to i
# a pattern whose strings include a single character (":", "本") is simply run: such a character is in
# nearly every text, and reporting each of its places would cost more than the pattern
_MIN_LENGTH = 2


def fold(text: str) -> str:
    """The form the gate searches: case-folded, with İ/ı as i."""
    if "\u0130" in text or "\u0131" in text:  # rare; translate() is slow on long text
        text = text.translate(_FIX)
    return text.casefold()


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded strings one of which every match of ``pattern`` contains; ``None`` if none is proven
    (then the pattern is always run; so too if re's private parser is not as this module knows it)."""
    if P is None:
        return None
    try:
        found = _sequence(P.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.IGNORECASE))
    except Exception:  # a parser that changed shape proves nothing: the pattern runs
        return None
    if found is None or not all(found):
        return None
    return frozenset(found)


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two candidate sets: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


_MAX_CHOICES = 16  # strings in a set built from adjacent choices ("共(?:找到|有)" -> 共找到, 共有)


def _sequence(items: Sequence[tuple[Any, Any]], ignore: bool) -> set[str] | None:
    best: set[str] | None = None
    runs: set[str] = {""}  # the strings the adjacent fixed items read so far can spell
    for op, av in items:
        if op in ZERO_WIDTH:  # takes no text: the literals on both sides stay adjacent
            continue
        longer = extended(runs, op, av, ignore)
        if longer is not None:
            runs = longer
            continue
        best = _better(best, _flushed(runs))
        runs = {""}
        best = _better(best, _item(op, av, ignore))
    return _better(best, _flushed(runs))


def _flushed(runs: set[str]) -> set[str] | None:
    return {fold(run) for run in runs} if all(runs) else None


def _choices(op: Any, av: Any, ignore: bool) -> set[str] | None:
    """The strings an item can read when it is a choice among fixed strings (a group or an
    alternation of literals, a class of a few characters); ``None`` otherwise."""
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _fixed(sub, (ignore or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
    if op is C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _fixed(branch, ignore)
            if found is None or len(union | found) > _MAX_CHOICES:
                return None
            union |= found
        return union if all(union) else None  # an empty branch: the item may read nothing
    if op is C.IN and 1 < len(av) <= _MAX_CHOICES and all(kind is C.LITERAL for kind, _ in av):
        chars = {chr(code) for _, code in av}
        return chars if not ignore or all(map(_caseless, chars)) else None
    return None


def _fixed(items: Sequence[tuple[Any, Any]], ignore: bool) -> set[str] | None:
    """The strings a sequence of fixed items can read (``None`` if one item is not fixed)."""
    runs: set[str] = {""}
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        longer = extended(runs, op, av, ignore)
        if longer is None:
            return None
        runs = longer
    return runs


def extended(runs: set[str], op: Any, av: Any, ignore: bool) -> set[str] | None:
    """``runs``, each followed by what the item can read when it is a fixed choice (and the strings stay
    few); ``None`` otherwise."""
    char = _literal(op, av, ignore)
    choice = {char} if char is not None else _choices(op, av, ignore)
    if choice is None or len(runs) * len(choice) > _MAX_CHOICES:
        return None
    return {run + one for run in runs for one in choice}


def _literal(op: Any, av: Any, ignore: bool) -> str | None:
    if op is not C.LITERAL:
        return None
    char = chr(av)
    return None if ignore and not _caseless(char) else char


def _caseless(char: str) -> bool:
    """A character re's (?i) matches just as ``fold`` does (ASCII, or without case)."""
    return char.isascii() or char.lower() == char.upper()


def _item(op: Any, av: Any, ignore: bool) -> set[str] | None:
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        inner = (ignore or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _sequence(sub, inner)
    if op is C.ATOMIC_GROUP:
        return _sequence(av, ignore)
    if op is C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(branch, ignore)
            if found is None:
                return None
            union |= found
        return union
    if op is C.IN and 1 < len(av) <= 16 and all(kind is C.LITERAL for kind, _ in av):
        chars = {chr(code) for _, code in av}  # a class of a few characters: one of them
        return {fold(c) for c in chars} if not ignore or all(map(_caseless, chars)) else None
    if op in REPEATS:
        low, _high, sub = av
        return _sequence(sub, ignore) if low >= 1 else None
    return None


class LiteralGate:
    """Which of ``patterns`` can match a text, in one pass over it."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.size = len(patterns)
        self.always: frozenset[int] = frozenset()
        owners: dict[str, list[int]] = {}
        always = set()
        for index, pattern in enumerate(patterns):
            found = required(pattern)
            if found is None or min(map(len, found)) < _MIN_LENGTH:
                always.add(index)
                continue
            for literal in found:
                owners.setdefault(literal, []).append(index)
        self.always = frozenset(always)
        self.literals = tuple(owners)  # the folded strings searched, by number
        self._owners = tuple(tuple(indexes) for indexes in owners.values())
        # built when first searched: a caller that searches for the literals itself never needs it
        self._auto: ahocorasick_rs.BytesAhoCorasick | None = None

    def possible(self, text: str) -> set[int]:
        """Indexes of the patterns that may match ``text`` (every other one cannot)."""
        if not self.literals or len(self.always) == self.size:
            return set(self.always)
        if self._auto is None:
            self._auto = searcher(list(self.literals))
        return self.possible_from(present(self._auto, fold(text)))

    def possible_from(self, found: Iterable[int]) -> set[int]:
        """:meth:`possible` from the numbers of the ``literals`` found in the folded text (by a
        search of the caller's that covers them)."""
        out = set(self.always)
        owners = self._owners
        for number in found:
            out.update(owners[number])
        return out


def searcher(strings: list[str]) -> ahocorasick_rs.BytesAhoCorasick:
    """An Aho-Corasick automaton over ``strings`` (as a DFA: the fastest search, built in milliseconds).

    It searches UTF-8 bytes: given a ``str``, ahocorasick_rs maps every match back to character
    offsets itself, which on Chinese text costs about as much as the search; :func:`present` needs no
    offsets at all and :func:`occurrences` converts only the offsets of the matches found."""
    return ahocorasick_rs.BytesAhoCorasick([s.encode() for s in strings],
                                           implementation=ahocorasick_rs.Implementation.DFA)


_SURROGATE = re.compile("[\ud800-\udfff]")
# UTF-8 continuation bytes: a character is one byte that is not one of these (and its continuations)
_CONTINUATION = bytes(range(0x80, 0xC0))


def utf8(text: str) -> bytes:
    """``text`` as UTF-8; a lone surrogate (not UTF-8) as U+FFFD, also one character, matching no string."""
    try:
        return text.encode()
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode()


def present(auto: ahocorasick_rs.BytesAhoCorasick, text: str) -> set[int]:
    """The numbers of the strings of ``auto`` that occur in ``text``."""
    return {number for number, _start, _end in auto.find_matches_as_indexes(utf8(text), overlapping=True)}


def occurrences(auto: ahocorasick_rs.BytesAhoCorasick, text: str) -> list[tuple[int, int, int]]:
    """Every occurrence of every string of ``auto`` in ``text``, overlapping ones too: (the string's
    number, start, end), in characters."""
    data = utf8(text)
    return in_characters(auto.find_matches_as_indexes(data, overlapping=True), data, text)


def in_characters(found: list[tuple[int, int, int]], data: bytes, text: str) -> list[tuple[int, int, int]]:
    """Matches ``found`` in ``data`` (``text`` as UTF-8, see :func:`utf8`) with their byte offsets made
    character offsets."""
    if not found or len(data) == len(text):  # ASCII: byte offsets are character offsets
        return found
    chars: dict[int, int] = {}
    pos = count = 0
    for at in sorted({at for _number, start, end in found for at in (start, end)}):
        count += len(data[pos:at].translate(None, _CONTINUATION))  # the characters in between
        chars[at] = count
        pos = at
    return [(number, chars[start], chars[end]) for number, start, end in found]
