"""One multi-pattern pass (Aho-Corasick) over the lowercased text to find anchors.

The automaton is built once from the vocabulary files. Each anchor literal maps to
the vocabulary entries that may start there: ``("chip", "A100")``,
``("cloud", "AWS")``, ``("instance", 3)``, ``("service", "Claude")``,
``("system", "NVIDIA HGX")``, ``("spec", "tflops")``. The detectors then run
their precise regex only at those positions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from tenderwatch.detect.vocab import vocab
from tenderwatch.notice.literals import occurrences, searcher

Target = tuple[str, str]


@dataclass(slots=True, frozen=True)
class Anchor:
    start: int
    end: int
    literal: str
    targets: tuple[Target, ...]


@dataclass(slots=True, frozen=True)
class Automaton:
    """The anchor literals, their vocabulary entries (by the literal's number) and their searcher."""

    literals: tuple[str, ...]
    targets: tuple[tuple[Target, ...], ...]
    search: ahocorasick_rs.BytesAhoCorasick


@lru_cache(maxsize=1)
def automaton() -> Automaton:
    v = vocab()
    table: dict[str, list[Target]] = {}

    def add(literal: str, target: Target) -> None:
        literal = literal.lower()
        if not literal:  # an empty string is no anchor (pyahocorasick dropped it; ahocorasick_rs refuses it)
            return
        bucket = table.setdefault(literal, [])
        if target not in bucket:
            bucket.append(target)

    for acc in v.accelerators.values():
        for literal in acc.anchors:
            add(literal, ("chip", acc.canonical))
    for system in v.systems:
        for literal in system.anchors:
            add(literal, ("system", system.name))
    for provider in v.providers:
        for literal in provider.anchors:
            add(literal, ("cloud", provider.provider))
    for service in v.services:
        for literal in service.anchors:
            add(literal, ("service", service.name))
    for index, inst in enumerate(v.instances):
        for literal in inst.anchors:
            add(literal, ("instance", str(index)))
    for name in ("spec_units", "spec_labels"):
        for literal in v.lex(name).words:
            add(literal, ("spec", literal))
    literals = tuple(table)
    return Automaton(literals, tuple(tuple(table[k]) for k in literals), searcher(list(literals)))


def find_anchors(low: str) -> list[Anchor]:
    """All anchor occurrences in ``low`` (lowercased normalised text), by start position."""
    return anchors_at(occurrences(automaton().search, low))


def anchors_at(found: list[tuple[int, int, int]]) -> list[Anchor]:
    """The anchors of the occurrences ``found`` (literal number, start, end in characters), by start."""
    auto = automaton()
    literals, targets = auto.literals, auto.targets
    out = [Anchor(start, end, literals[n], targets[n]) for n, start, end in found]
    out.sort(key=lambda a: (a.start, -a.end))
    return out
