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

The same search finds, for the document-kind patterns that cannot match but where one of a few strings
starts (``KindVocab.starts``: word lists such as ``(据悉|据了解|业内人士…)``), every place those strings
occur: such a pattern is tried only there (``dockind._matches_at``) instead of being scanned over the
whole text, a class test at every character. Same matches: lower-casing keeps every character in its
place once there is no İ, and a string found in ``text.lower()`` but written in other case in ``text``
is only one more place to try.
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
    # for each pattern of kind_vocab().starts: where in ``text`` one of its strings starts, sorted (None:
    # not known, the patterns scan the text)
    kind_starts: dict[int, list[int]] | None


@dataclass(slots=True, frozen=True)
class _Shared:
    search: ahocorasick_rs.BytesAhoCorasick
    anchors: int  # numbers below this are the anchor literals' own numbers
    gate: tuple[int, ...]  # the gate's literal number of each string, -1 for none
    starts: tuple[tuple[int, ...], ...]  # the kind patterns each string starts (KindVocab.starts)
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

    def numbered(literal: str) -> int:
        if literal not in number:
            number[literal] = len(strings)
            strings.append(literal)
        return number[literal]

    vocab = kind_vocab()
    gate_of = {numbered(literal): n for n, literal in enumerate(vocab.gate.literals)}
    starts: dict[int, list[int]] = {}
    for index, found in sorted(vocab.starts.items()):
        for literal in sorted(found):
            starts.setdefault(numbered(literal), []).append(index)
    unsure = len(strings)
    # a character outside the BMP: its UTF-8 lead byte (never a continuation byte, nor part of another
    # character's encoding); the BMP's own differing characters as they are
    patterns = [s.encode() for s in strings] + [c.encode() for c in differing()]
    patterns += [bytes([lead]) for lead in range(0xF0, 0xF5)]
    # a DFA (as literals.searcher): ~14 ms to build for these ~1,000 strings, once per process; the
    # search it saves is ~0.25 M instructions a crawled page
    search = ahocorasick_rs.BytesAhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.DFA)
    return _Shared(search, len(automaton().literals), tuple(gate_of.get(n, -1) for n in range(unsure)),
                   tuple(tuple(starts.get(n, ())) for n in range(unsure)), unsure)


def first_pass(text: str) -> FirstPass:
    """Lower-case ``text`` and find in it detect's anchors and the document-kind gate's strings."""
    shared = _shared()
    low = text.lower()
    data = utf8(low)
    found = shared.search.find_matches_as_indexes(data, overlapping=True)
    gate, limit, unsure, led = shared.gate, shared.anchors, shared.unsure, shared.starts
    anchors = [m for m in found if m[0] < limit]
    if "\u0130" in text or any(m[0] >= unsure for m in found):
        return FirstPass(low, anchors_at(in_characters(anchors, data, low)), kind_vocab().gate.possible(text), None)
    possible = kind_vocab().gate.possible_from({gate[m[0]] for m in found if gate[m[0]] >= 0})
    # lower() kept every character in its place (no İ): a place in ``low`` is the same place in ``text``
    where = in_characters([m for m in found if led[m[0]]], data, low)
    places: dict[int, set[int]] = {}
    for number, start, _end in where:
        for index in led[number]:
            places.setdefault(index, set()).add(start)
    starts = {index: sorted(at) for index, at in places.items()}
    return FirstPass(low, anchors_at(in_characters(anchors, data, low)), possible, starts)
