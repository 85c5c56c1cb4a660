"""Where a pattern can match, read from its syntax tree (``re._parser``, as :mod:`.literals` does).

:func:`leading`: strings one of which every match starts with; a pattern tried only where one of them
occurs (``dockind._matches_at``) finds what a scan of the whole text finds, without a class test at every
character. It proves what it says or says nothing (``None``): the pattern is then run over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tenderwatch.notice.literals import ZERO_WIDTH, C, P, extended, fold


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
