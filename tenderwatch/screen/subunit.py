"""Subunits: a school, lab, campus or branch of an organisation (``part_of``), told apart from a
separately incorporated subsidiary and from an independent institute (a CAS institute is not
"part of" the whole CAS for screening purposes). Rules in data/screen/subunits.yaml."""

from __future__ import annotations

import re
from functools import lru_cache

from tenderwatch.screen.normalize import Name, analyse, strip_zh_legal
from tenderwatch.screen.vocab import vocab


@lru_cache(maxsize=1)
def _independent() -> frozenset[str]:
    return frozenset(strip_zh_legal(p) for p in vocab().independent_parents) | frozenset(vocab().independent_parents)


@lru_cache(maxsize=1)
def _sub_suffixes() -> tuple[str, ...]:
    return tuple(vocab().sub_suffixes)


@lru_cache(maxsize=1)
def _sub_suffixes_by_last() -> dict[str, tuple[str, ...]]:
    """The subunit suffixes by their last character (a name can end only with those of its own)."""
    out: dict[str, tuple[str, ...]] = {}
    for suffix in vocab().sub_suffixes:
        if suffix:
            out[suffix[-1]] = (*out.get(suffix[-1], ()), suffix)
    return out


def _is_subunit_remainder(parent: str, remainder: str) -> bool:
    v = vocab()
    if not remainder.endswith(_sub_suffixes()):
        return False
    if any(marker in remainder for marker in v.legal_person_markers):
        return False
    bare = strip_zh_legal(parent)
    if bare in _independent() or parent in v.independent_parents:
        return not any(word in remainder for word in v.sub_independent)
    return True


def zh_parents(q: Name) -> tuple[tuple[Name, str], ...]:
    """Possible parents of a Chinese name: split right after an org head (大学, 研究院, 公司 ...)
    when the rest is a subunit (学院, 实验室, 分公司 ...), longest parent first."""
    full = q.full
    # most names: no parent, and no cache entry either. A subunit remainder ends the name and ends with a
    # subunit suffix, so a name ending with none has no parent (…集团有限公司 ends with 公司, not 分公司)
    suffixes = _sub_suffixes_by_last().get(full[-1:])
    if suffixes is None or not full.endswith(suffixes) or _head_inside().search(full) is None:
        return ()
    return _zh_parents(full)


@lru_cache(maxsize=1)
def _head_inside() -> re.Pattern[str]:
    """Any parent head followed by more text: a name without one has no parent (one C call)."""
    return re.compile("(?:" + "|".join(map(re.escape, vocab().parent_heads)) + ")(?=.)", re.DOTALL)


@lru_cache(maxsize=50_000)
def _zh_parents(text: str) -> tuple[tuple[Name, str], ...]:
    if not text.endswith(_sub_suffixes()) or _head_inside().search(text) is None:
        return ()
    v = vocab()
    out: list[tuple[Name, str]] = []
    seen: set[int] = set()
    for head in v.parent_heads:
        start = text.find(head)
        while start >= 0:
            end = start + len(head)
            if end < len(text) and end not in seen and end >= 3:
                parent, remainder = text[:end], text[end:]
                if _is_subunit_remainder(parent, remainder):
                    seen.add(end)
                    out.append((analyse(parent), remainder))
            start = text.find(head, start + 1)
    out.sort(key=lambda pair: len(pair[0].full), reverse=True)
    return tuple(out)


_PART_BREAK = re.compile(r"[,;，；]")


def latin_parents(q: Name) -> tuple[Name, ...]:
    """Where a Latin name holding a subunit word may name its parent, for candidate generation only
    (:func:`latin_part_of` decides): the words before each subunit word ("Beihang University School of
    Computer Science" -> "Beihang University") and each comma-separated part ("School of Computer Science,
    Harbin Institute of Technology" -> "Harbin Institute of Technology"). Without these, a list name
    three words long is no candidate of a six-word query (candidates share all but one word)."""
    tokens = q.tokens
    if len(tokens) < 3 or vocab().latin_sub_words.isdisjoint(tokens):
        return ()
    return _latin_parents(q.raw, tokens)


@lru_cache(maxsize=10_000)
def _latin_parents(raw: str, tokens: tuple[str, ...]) -> tuple[Name, ...]:
    subs = vocab().latin_sub_words
    # a parent of two words or more followed by a subunit word that is not the name's last (its own head
    # noun: "Shenyang Aircraft Design Institute" is an institute, not a unit of Shenyang Aircraft)
    texts = [" ".join(tokens[:i]) for i in range(2, len(tokens) - 1) if tokens[i] in subs]
    parts = [part for part in _PART_BREAK.split(raw) if part.strip()]
    if len(parts) > 1:  # "School of …, Parent": only after a first part that opens with a subunit word
        first = analyse(parts[0]).tokens  # ("Co., Ltd." splits a company's name, not a unit from its parent)
        if first and first[0] in subs:
            texts.extend(parts[1:])
    out: dict[str, Name] = {}
    for text in texts:
        name = analyse(text)
        if name.script == "latin" and name.tokens and name.tokens != tokens:
            out.setdefault(name.key, name)
    return tuple(out.values())


def latin_part_of(q: Name, c: Name) -> str | None:
    """If the listed name ``c`` (two words or more) is written whole inside ``q`` and what ``q`` adds, right
    before or right after it, opens with a subunit word ("School of Computer Science, Harbin Institute of
    Technology", "Harbin Institute of Technology School of Computer Science"), return the addition. Words of
    ``c`` scattered over ``q``, or an addition that is a name of its own ("Scientific Engineering" inside
    "Scientific Research Institute of Precision Engineering"), are no subunit."""
    size = len(c.tokens)
    if size < 2 or len(q.tokens) <= size:
        return None
    subs = vocab().latin_sub_words
    tokens = q.tokens
    for at in range(len(tokens) - size + 1):
        if tokens[at:at + size] != c.tokens:
            continue
        before, after = tokens[:at], tokens[at + size:]
        if before and not after and before[0] in subs:
            return " ".join(before)
        if after and not before and after[0] in subs:
            return " ".join(after)
    return None
