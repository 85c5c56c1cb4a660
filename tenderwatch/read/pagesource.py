"""Cheap "can this selector match at all" checks on a page's source bytes.

A selector query costs microseconds even when nothing matches; a substring test on
the (ASCII-lowered) source bytes rules most of those queries out first. A word can
reach the DOM without appearing literally only through a character reference, so
those are checked too: the answer is never "absent" for a word the page holds.
:class:`PageClasses` answers the same question for class selectors from the parsed tree.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.entities import html5
from typing import Any

# ASCII characters that a named character reference (&lowbar; ...) can produce.
_NAMED_ASCII = frozenset(v for v in html5.values() if len(v) == 1 and v.isascii())
# The regex engine finds this two-byte literal ~3x faster than ``in`` on a 50 KB page.
_NUMERIC_REF = re.compile(rb"&#")


class PageSource:
    """The parsed bytes of a page, for cheap "can a selector match at all" checks.

    A word found as written costs one substring search of the raw bytes; only a word that is
    not costs the passes over the whole page (ASCII-lowering it, looking for references),
    each made once, when first needed.
    """

    __slots__ = ("_lowered", "_numeric_refs", "raw")

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self._lowered: bytes | None = None
        self._numeric_refs: bool | None = None

    @classmethod
    def of(cls, tree: Any) -> PageSource:
        return cls(tree.raw_html)

    @property
    def lowered(self) -> bytes:
        """The source, ASCII-lowered."""
        if self._lowered is None:
            self._lowered = self.raw.lower()
        return self._lowered

    @property
    def any_refs(self) -> bool:
        """"&": a named reference could spell punctuation."""
        return b"&" in self.raw

    @property
    def numeric_refs(self) -> bool:
        """"&#": a character reference could spell any word."""
        if self._numeric_refs is None:
            self._numeric_refs = self.any_refs and _NUMERIC_REF.search(self.raw) is not None
        return self._numeric_refs

    def may_hold(self, word: str) -> bool:
        """False only when no tag or attribute value can contain ``word`` (ASCII
        case-insensitively): the source lacks it and holds no reference that could
        spell it. Lets a selector query be skipped."""
        needle = word.lower().encode()
        if needle in self.raw:
            return True  # as written (then also in the lowered source)
        if self.numeric_refs or (self.any_refs and not _NAMED_ASCII.isdisjoint(word)):
            return True
        return needle in self.lowered


# A selector built only of tag names, .classes, #ids and descendant/child combinators: it can match
# only if every class it names is on some element.
_SIMPLE_SELECTOR = re.compile(r"[\w\s.#>-]+")
_CLASS_IN_SELECTOR = re.compile(r"\.([\w-]+)")


@lru_cache(maxsize=256)
def selector_classes(selector: str) -> tuple[str, ...] | None:
    """The classes (lowered) ``selector`` requires, or ``None`` if it is not of the simple form
    (attribute tests, pseudo-classes, lists, escapes: nothing is ruled out)."""
    if _SIMPLE_SELECTOR.fullmatch(selector) is None:
        return None
    return tuple(name.lower() for name in _CLASS_IN_SELECTOR.findall(selector))


class PageClasses:
    """The class names on a page's elements, read from the parsed tree in one query: a class
    selector query walks every element, so one listing lets a page without a template's or a
    vocabulary's classes skip those queries.

    Names are ASCII-lowered (a page in quirks mode matches classes case-blind) and split on any
    whitespace, so the set holds every name the selector engine could match: taken before
    elements are removed, it stays a superset for the whole read."""

    __slots__ = ("names",)

    def __init__(self, tree: Any) -> None:
        joined = " ".join([node.attrs.get("class") or "" for node in tree.css("[class]")])
        self.names = frozenset(joined.lower().split())

    def has(self, name: str) -> bool:
        """False only when no element can carry class ``name``."""
        return name.lower() in self.names

    def may_match(self, selector: str) -> bool:
        """False only when ``selector`` cannot match: it names a class no element has."""
        needed = selector_classes(selector)
        return needed is None or all(name in self.names for name in needed)
