"""One Aho-Corasick pass over a document's lower-cased text for two stages.

Detect's anchors (:mod:`.anchors`) are found in ``text.lower()``; the document-kind gate
(:mod:`tenderwatch.notice.dockind`, a :class:`~tenderwatch.notice.literals.LiteralGate`) looks for its
strings in the case-folded text. Each on its own case-folds or lower-cases, encodes and searches the same
text: here one automaton holds both sets of strings and searches ``text.lower()`` once.

That serves the gate exactly because the two forms are the same text unless ``text`` holds a character
whose case-folded and lower-cased forms differ (ß, ς, ſ, ı, Cherokee, some ligatures ...: about 300 in
the BMP) or an İ (``fold`` makes it i) or a character outside the BMP. Those characters are searched for
in the same pass (the lower-cased form of each is such a character again; a final ς stands for Σ), and a
text that has one is folded and searched by the gate itself, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from tenderwatch.detect.anchors import Anchor, anchors_at, automaton
from tenderwatch.notice.dockind import kind_vocab
from tenderwatch.notice.literals import fold, in_characters, utf8

_CHUNK = 2048


@dataclass(slots=True, frozen=True)
class FirstPass:
    low: str  # text.lower()
    anchors: list[Anchor]  # find_anchors(low)
    kind_possible: set[int]  # kind_vocab().gate.possible(text)


@dataclass(slots=True, frozen=True)
class _Shared:
    search: ahocorasick_rs.BytesAhoCorasick
    anchors: int  # numbers below this are the anchor literals' own numbers
    gate: tuple[int, ...]  # the gate's literal number of each string, -1 for none
    unsure: int  # numbers from this on are characters whose folded and lower-cased forms differ


def _bmp() -> str:
    """Every BMP character in order, surrogates too (as UTF-32: a few bytes operations, not 65,536 ``chr``)."""
    data = bytearray(0x40000)
    data[0::4] = bytes(range(256)) * 256
    data[1::4] = b"".join(bytes([high]) * 256 for high in range(256))
    return data.decode("utf-32-le", "surrogatepass")


def differing() -> list[str]:
    """The BMP characters whose :func:`~tenderwatch.notice.literals.fold` is not their ``lower()``."""
    chars = _bmp()
    out: list[str] = []
    for at in range(0x80, len(chars), _CHUNK):
        chunk = chars[at:at + _CHUNK]
        if fold(chunk) != chunk.lower():
            out += [c for c in chunk if fold(c) != c.lower()]
    return out


@lru_cache(maxsize=1)
def _shared() -> _Shared:
    strings = list(automaton().literals)
    number = {s: n for n, s in enumerate(strings)}
    gate_literals = kind_vocab().gate.literals
    gate_of = [-1] * len(strings)
    for n, literal in enumerate(gate_literals):
        if literal in number:
            gate_of[number[literal]] = n
        else:
            number[literal] = len(strings)
            strings.append(literal)
            gate_of.append(n)
    unsure = len(strings)
    # a character outside the BMP: its UTF-8 lead byte (never a continuation byte, nor part of another
    # character's encoding); the BMP's own differing characters as they are
    patterns = [s.encode() for s in strings] + [c.encode() for c in differing()]
    patterns += [bytes([lead]) for lead in range(0xF0, 0xF5)]
    # a DFA (as literals.searcher): ~14 ms to build for these ~1,000 strings, once per process; the
    # search it saves is ~0.25 M instructions a crawled page
    search = ahocorasick_rs.BytesAhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.DFA)
    return _Shared(search, len(automaton().literals), tuple(gate_of), unsure)


def first_pass(text: str) -> FirstPass:
    """Lower-case ``text`` and find in it detect's anchors and the document-kind gate's strings."""
    shared = _shared()
    low = text.lower()
    data = utf8(low)
    found = shared.search.find_matches_as_indexes(data, overlapping=True)
    gate, limit, unsure = shared.gate, shared.anchors, shared.unsure
    anchors = [m for m in found if m[0] < limit]
    if "\u0130" in text or any(m[0] >= unsure for m in found):
        possible = kind_vocab().gate.possible(text)
    else:
        possible = kind_vocab().gate.possible_from({gate[m[0]] for m in found if gate[m[0]] >= 0})
    return FirstPass(low, anchors_at(in_characters(anchors, data, low)), possible)
