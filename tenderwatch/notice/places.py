"""Where a pattern can match, read from its syntax tree (``re._parser``, as :mod:`.literals` does).

:func:`leading`: strings one of which every match starts with; a pattern tried only where one of them
occurs (``dockind._matches_at``) finds what a scan of the whole text finds, without a class test at every
character. :func:`one_line`: no character a match reads can be a newline, so a line-led pattern needs
trying only on the lines that hold a string every match holds (:func:`.literals.required`). Both prove
what they say or say nothing (``None`` / ``False``): the pattern is then run over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tenderwatch.notice.literals import REPEATS, ZERO_WIDTH, C, P, extended, fold


def leading(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` starts with (``None`` if not proven;
    so too for a ``(?i)`` pattern or a string whose lower-cased and folded forms differ). A pattern run
    only where one of them occurs finds the same matches as a scan of the whole text. A single character
    counts when it is not one that most texts hold many times (a letter, digit, space or common punctuation
    of ASCII): ``元``, ``¥`` and ``$`` are a few places in a page, a scan for them a class test at each."""
    if P is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _leading(P.parse(pattern.pattern, pattern.flags))
    except Exception:  # a parser that changed shape proves nothing
        return None
    if not found or not all(found) or any(len(s) == 1 and _frequent(s) for s in found) \
            or any(fold(s) != s.lower() for s in found):
        return None
    return frozenset(s.lower() for s in found)


def _frequent(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char.isspace() or char in ":,.;()/-_'\"")


def _leading(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    runs: set[str] = {""}
    for op, av in items:
        if op in ZERO_WIDTH:  # takes no text: the match still starts where the next item does
            continue
        longer = extended(runs, op, av, False)
        if longer is not None:
            runs = longer
            continue
        if runs == {""}:  # the first item is not a fixed choice: the strings its own matches start with
            return _leading_item(op, av)
        break
    return runs if all(runs) else None


def _leading_item(op: Any, av: Any) -> set[str] | None:
    if op is C.SUBPATTERN:
        _group, add, _remove, sub = av
        return None if add & re.IGNORECASE else _leading(sub)
    if op is C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _leading(branch)
            if not found or not all(found):
                return None
            union |= found
        return union
    return None


def one_line(pattern: re.Pattern[str]) -> bool:
    """Whether no character a match of ``pattern`` reads can be a newline (proven from its syntax tree;
    False when not proven): each match then lies within one line."""
    if P is None:
        return False
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
        return _no_newline(parsed.data, bool(parsed.state.flags & re.DOTALL))
    except Exception:  # a parser that changed shape proves nothing
        return False


_NEWLINE_CATEGORIES = ("CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK",
                       "CATEGORY_UNI_SPACE", "CATEGORY_UNI_NOT_DIGIT", "CATEGORY_UNI_NOT_WORD",
                       "CATEGORY_UNI_LINEBREAK", "CATEGORY_LOC_NOT_WORD")
_NO_NEWLINE_CATEGORIES = ("CATEGORY_NOT_SPACE", "CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_NOT_LINEBREAK",
                          "CATEGORY_UNI_NOT_SPACE", "CATEGORY_UNI_DIGIT", "CATEGORY_UNI_WORD",
                          "CATEGORY_UNI_NOT_LINEBREAK", "CATEGORY_LOC_WORD")


def _class_has_newline(items: Sequence[tuple[Any, Any]]) -> bool:
    inside = negate = False
    for kind, value in items:
        if kind is C.NEGATE:
            negate = True
        elif kind is C.LITERAL:
            inside = inside or value == 10
        elif kind is C.RANGE:
            inside = inside or value[0] <= 10 <= value[1]
        elif kind is C.CATEGORY and str(value) in _NEWLINE_CATEGORIES:
            inside = True
        elif not (kind is C.CATEGORY and str(value) in _NO_NEWLINE_CATEGORIES):
            return True  # not known: it may
    return inside != negate


def _no_newline(items: Sequence[tuple[Any, Any]], dotall: bool) -> bool:
    for op, av in items:
        if op in ZERO_WIDTH:  # a look-around reads no character of the match
            continue
        if op is C.LITERAL:
            ok = av != 10
        elif op is C.NOT_LITERAL:
            ok = av == 10
        elif op is C.ANY:
            ok = not dotall
        elif op is C.IN:
            ok = not _class_has_newline(av)
        elif op is C.SUBPATTERN:
            ok = _no_newline(av[3], dotall if not (av[1] | av[2]) & re.DOTALL else bool(av[1] & re.DOTALL))
        elif op is C.BRANCH:
            ok = all(_no_newline(branch, dotall) for branch in av[1])
        elif op in REPEATS:
            ok = _no_newline(av[2], dotall)
        elif op is C.ATOMIC_GROUP:
            ok = _no_newline(av, dotall)
        else:  # a back-reference, a conditional ...: not proven
            ok = False
        if not ok:
            return False
    return True
