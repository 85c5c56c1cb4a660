"""A look-ahead for the first characters of a pattern that ``re`` would try at every position.

``re`` skips, by itself, the positions where no match can start only when a pattern opens with a
literal, a character class or alternatives that each open with a literal. A vocabulary word list with
one look-behind or group among its words (``(?<!卖方)出售``, ``(?:算力|gpu)服务(?!器)``) loses that,
and the whole alternation is then tried at every character: on a clause of Chinese text several times
slower than one class test per position. :func:`led` reads the pattern's syntax tree (``re._parser``,
as :mod:`.literals` does) for the characters any match starts with and puts them first as a
look-ahead: the same matches, spans and groups, found faster.
"""

from __future__ import annotations

import re
from typing import Any

from tenderwatch.notice.literals import REPEATS, ZERO_WIDTH, C, P

_MAX_FIRSTS = 256  # a wider set of first characters is no cheap test


def led(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead for the characters its matches can start with, when ``re`` itself
    would try the whole pattern at every position: a word list with a look-behind or a group among its
    words gets no prefix scan from ``re`` (on a clause of Chinese text several times slower than one
    class test per position). The look-ahead only restates what every match starts with: the same
    matches, spans and groups. ``pattern`` is returned as it is when ``re`` scans it fast already, or
    when its first characters are not proven (an optional first item, a category, ``(?i)`` ...)."""
    source = led_source(pattern.pattern, pattern.flags)
    return pattern if source == pattern.pattern else re.compile(source, pattern.flags)


def led_source(source: str, flags: int = 0) -> str:
    """The source of :func:`led`'s pattern, to compile once: ``source`` itself when no look-ahead is added."""
    if P is None or flags & re.IGNORECASE:
        return source
    try:
        parsed = P.parse(source, flags)
        if _prefix_scanned(parsed):
            return source
        firsts = _firsts(parsed)
    except Exception:  # a parser of another shape, or a bad pattern, proves nothing: it stays as written
        return source
    if not firsts or len(firsts) > _MAX_FIRSTS:
        return source
    lead = "".join(re.escape(ch) for ch in sorted(firsts))
    return f"(?=[{lead}])(?:{source})"


def _prefix_scanned(items: Any) -> bool:
    """Whether ``re`` skips non-starting positions itself: the pattern opens with a literal, a class or
    an anchor, or with alternatives that each open with a literal (as ``re``'s compiler reads a prefix)."""
    while len(items) and items[0][0] is C.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3]  # a group without flags: its content
    if not len(items):
        return False
    op, av = items[0]
    if op in (C.LITERAL, C.IN, C.AT):  # a "^" first: re tries the start only (a look-ahead would end that)
        return True
    return op is C.BRANCH and all(len(alt) and alt[0][0] is C.LITERAL for alt in av[1])


def _firsts(items: Any) -> set[str] | None:
    """The characters a match of the sequence ``items`` can start with; None when not proven."""
    for op, av in items:
        if op in ZERO_WIDTH:  # consumes nothing: the next item reads the first character
            continue
        if op is C.LITERAL:
            return {chr(av)}
        if op is C.IN:
            out: set[str] = set()
            for kind, value in av:
                if kind is C.LITERAL:
                    out.add(chr(value))
                elif kind is C.RANGE and value[1] - value[0] < _MAX_FIRSTS:
                    out.update(map(chr, range(value[0], value[1] + 1)))
                else:  # a negated class, a category (\d, \s): not a short list
                    return None
            return out
        if op is C.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                found = _firsts(branch)
                if found is None:
                    return None
                union |= found
            return union
        if op is C.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            return None if add_flags & re.IGNORECASE else _firsts(sub)
        if op in REPEATS:
            low, _high, sub = av
            return _firsts(sub) if low >= 1 else None  # an optional first item: the next could start
        if op is C.ATOMIC_GROUP:
            return _firsts(av)
        return None
    return None  # nothing consumed: an empty match is possible
