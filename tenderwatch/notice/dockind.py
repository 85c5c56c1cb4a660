"""What a document is: a buyer's own notice or disclosure, or a page that only uses its words.

A crawler brings back news, wire stories, features, comparison tables, shops, rental adverts, a
supplier's 中标喜报 and job posts that write 招标, 中标, 预算 and H100 exactly as a notice does. Only
kinds where the publisher's side buys give leads (``lead``): ``notice``, ``aggregator`` (a repost of a
notice inside an aggregator's furniture) and ``disclosure`` (a listed company's own purchase or lease
contract). The others are ``news``, ``comparison``, ``seller``, ``job``, ``listing`` (a list of notices
that are pages of their own) and ``other``.

The signals are data (``data/notice/dockind.yaml``): each counts the distinct texts its patterns
match (up to a cap) times a weight toward one kind. The rules:

1. a listed company's announcement (two or more disclosure marks, one of them the company's own:
   证券代码 / 证券简称 or the board's guarantee; then 公告编号, 特此公告, the board's signature) is read for who acts (:mod:`.disclosure`): its side buys -> ``disclosure``;
   its side sells or provides -> ``seller``; neither -> ``other``;
2. otherwise the strongest third-party kind (news, seller, job, comparison, listing, policy) wins when it scores at
   least 2 and more than the notice's own headings and voice (at least 4 when the notice's score is
   not zero);
3. otherwise a document with a procurement frame (headings, the buyer's voice, a notice type) is a
   ``notice``, or an ``aggregator`` page when the aggregator's furniture is there too;
4. anything else is ``other``.

Each decision comes with the reasons a reader would give ("byline: '本报讯', '记者 曾立群'").
Every pattern runs once over the text and stops at its signal's cap: linear in the text. A first
pass (:class:`.literals.LiteralGate`, one Aho-Corasick scan) finds which patterns can match at all;
the others, most of them on a real notice, are not run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from tenderwatch.notice.disclosure import Side, disclosure_side
from tenderwatch.notice.labels import VocabularyError
from tenderwatch.notice.literals import C, LiteralGate, P
from tenderwatch.notice.places import leading
from tenderwatch.yamlfile import load_yaml

_THIRD_PARTY = ("job", "seller", "news", "comparison", "listing", "policy")  # tie order: the more specific kind first
_MIN_THIRD = 2
_MIN_AGAINST_NOTICE = 4
_MIN_DISCLOSURE = 2
_MIN_AGGREGATOR = 2
_SHOWN = 3  # matched texts quoted per reason


@dataclass(slots=True, frozen=True)
class Signal:
    name: str
    kind: str
    weight: int
    cap: int
    patterns: tuple[re.Pattern[str], ...]
    first: int = 0  # index of its first pattern among all signals' patterns (the gate's numbering)
    # each pattern that starts with a multi-line "^", as one that starts with "\n" (see ``_line_led``)
    lined: tuple[re.Pattern[str] | None, ...] = ()
    numbers: frozenset[int] = frozenset()  # the gate's numbers of its patterns (first, first + 1 ...)


@dataclass(slots=True, frozen=True)
class KindVocab:
    leads: frozenset[str]
    meanings: dict[str, str]
    signals: tuple[Signal, ...]
    gate: LiteralGate
    # by the gate's numbering: the strings every match of the pattern starts with (places.leading),
    # for the patterns not run line-led; a caller that knows where they occur runs the pattern only there
    starts: dict[int, frozenset[str]] = field(default_factory=dict)


@dataclass(slots=True)
class DocKind:
    """The kind of one document, whether it can give leads, and why."""

    kind: str
    lead: bool
    reasons: list[str] = field(default_factory=list)
    side: Side | None = None  # for a listed company's announcement: who acts in it
    # source spans whose mentions were not bought (a disclosure's terminated-contract sections)
    excluded: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=1)
def kind_vocab() -> KindVocab:
    raw = resources.files("tenderwatch").joinpath("data/notice/dockind.yaml").read_text(encoding="utf-8")
    doc = load_yaml(raw)
    if not isinstance(doc, dict) or not isinstance(doc.get("kinds"), dict) or not isinstance(doc.get("signals"), dict):
        raise VocabularyError("dockind.yaml: expected 'kinds' and 'signals' mappings")
    kinds: dict[str, dict[str, object]] = doc["kinds"]
    signals = []
    first = 0
    for name, spec in doc["signals"].items():
        if spec.get("kind") not in kinds or not spec.get("source"):
            raise VocabularyError(f"dockind.yaml: signal {name} needs a known kind and a source")
        try:
            patterns = tuple(re.compile(p) for p in spec["patterns"])
        except re.error as exc:
            raise VocabularyError(f"dockind.yaml: signal {name}: {exc}") from exc
        signals.append(Signal(name, str(spec["kind"]), int(spec.get("weight", 1)), int(spec.get("cap", 3)), patterns,
                              first, tuple(map(_line_led, patterns)), frozenset(range(first, first + len(patterns)))))
        first += len(patterns)
    starts = {}
    for signal in signals:
        for index, (pattern, lined) in enumerate(zip(signal.patterns, signal.lined, strict=True), signal.first):
            found = leading(pattern) if lined is None else None
            if found:
                starts[index] = found
    return KindVocab(
        leads=frozenset(k for k, v in kinds.items() if v.get("lead")),
        meanings={k: str(v.get("meaning", "")) for k, v in kinds.items()},
        signals=tuple(signals),
        gate=LiteralGate([p for signal in signals for p in signal.patterns]),
        starts=starts,
    )


_LINE_START = "(?m)^"


def _line_led(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``(?m)^X`` as ``(?m)\nX``, to run on ``"\n" + text``: a multi-line ``^`` is tried at every
    position, a literal first character is found fast. It finds the same matches, each with a
    "\n" before it (the texts read from them are stripped), unless a match ends with a "\n" or
    is empty (the next line's match would then need that "\n" too): ``_distinct`` then runs
    the pattern itself."""
    if not pattern.pattern.startswith(_LINE_START) or not _led_whole(pattern):
        return None
    try:
        return re.compile("(?m)\n(?:" + pattern.pattern[len(_LINE_START):] + ")", pattern.flags)
    except re.error:  # e.g. a global flag after the "^": the pattern runs as written
        return None


def _led_whole(pattern: re.Pattern[str]) -> bool:
    """Whether the leading "^" holds for the whole pattern, and nothing right after it looks behind:
    in ``(?m)^a|b`` it is the first alternative's only (``b`` matches anywhere), and a look-behind
    would see the added "\n". False when re's private parser is not as this package knows it."""
    if P is None:
        return False
    try:
        items = P.parse(pattern.pattern, pattern.flags).data
        behind = len(items) > 1 and items[1][0] in (C.ASSERT, C.ASSERT_NOT) and items[1][1][0] < 0
        return bool(items[0] == (C.AT, C.AT_BEGINNING) and not behind)
    except Exception:  # a parser of another shape proves nothing: the pattern runs as written
        return False


class _Unsure(Exception):
    """A line-led match that the pattern itself might not give in the same place."""


def _distinct(signal: Signal, text: str, possible: set[int], nl_text: str = "",
              starts: dict[int, list[int]] | None = None) -> list[str]:
    """The distinct texts the signal's patterns match, at most ``cap`` of them (``possible``: the
    gate's numbers of the patterns that can match ``text``; the others are not run; ``nl_text``:
    ``"\n" + text``, for the line-led patterns; ``starts``: for a pattern of ``KindVocab.starts``,
    the places in ``text`` where one of its strings occurs, sorted, when the caller knows them)."""
    seen: list[str] = []
    v = kind_vocab()
    for index, pattern in enumerate(signal.patterns, signal.first):
        if index not in possible:
            continue
        if starts is not None and index in v.starts:
            if _add(seen, signal.cap, _matches_at(pattern, text, starts.get(index, ()))):
                return seen
            continue
        lined = signal.lined[index - signal.first] if nl_text else None
        if lined is not None:
            size = len(seen)
            try:
                if _add(seen, signal.cap, lined.finditer(nl_text), lined=True):
                    return seen
                continue
            except _Unsure:
                del seen[size:]
        if _add(seen, signal.cap, pattern.finditer(text)):
            return seen
    return seen


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at one of ``starts`` (sorted):
    tried there only, a match's end the next place to try from, as finditer does."""
    end = 0
    for at in starts:
        if at < end:
            continue
        match = pattern.match(text, at)
        if match is not None:
            yield match
            end = max(match.end(), at + 1)


def _add(seen: list[str], cap: int, matches: Iterator[re.Match[str]], lined: bool = False) -> bool:
    """Add the distinct texts of ``matches`` to ``seen``; True when it holds ``cap`` of them."""
    for match in matches:
        whole = match.group(0)
        if lined and (len(whole) == 1 or whole.endswith("\n")):
            raise _Unsure
        found = (match.group(1) if match.re.groups else whole) or whole
        found = found.strip()
        if found and found not in seen:
            seen.append(found)
            if len(seen) >= cap:
                return True
    return False


def _reason(signal: Signal, found: list[str]) -> str:
    shown = "', '".join(found[:_SHOWN])
    return f"{signal.name}: '{shown}'"


def classify(text: str, title: str, notice_type: str, possible: set[int] | None = None,
             starts: dict[int, list[int]] | None = None) -> DocKind:
    """The kind of a document from its normalised ``text``, its ``title`` and the parsed notice type
    (``possible``: ``kind_vocab().gate.possible(text)`` when the caller has it already; ``starts``: as
    for ``_distinct``, with ``possible``)."""
    v = kind_vocab()
    scores: dict[str, int] = {}
    reasons: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    if possible is None:
        possible = v.gate.possible(text)
    nl_text = "\n" + text
    for signal in v.signals:
        if possible.isdisjoint(signal.numbers):  # none of its patterns can match (most signals of a notice)
            counts[signal.name] = 0
            continue
        found = _distinct(signal, text, possible, nl_text, starts)
        counts[signal.name] = len(found)
        if not found:
            continue
        scores[signal.kind] = scores.get(signal.kind, 0) + signal.weight * len(found)
        reasons.setdefault(signal.kind, []).append(_reason(signal, found))
    notice_score = scores.get("notice", 0)
    listed = counts.get("listed_mark", 0) >= 1 and \
        counts.get("listed_mark", 0) + counts.get("disclosure_form", 0) >= _MIN_DISCLOSURE
    if listed and not counts.get("third_party_report"):
        return _disclosure(text, reasons.get("disclosure", []))
    third = max(_THIRD_PARTY, key=lambda k: (scores.get(k, 0), -_THIRD_PARTY.index(k)))
    if _third_wins(scores.get(third, 0), notice_score):
        why = reasons[third] + [f"stronger than the notice's own headings and voice ({notice_score})"]
        return DocKind(third, third in v.leads, why)
    framed = notice_score > 0 or notice_type != "other"
    if framed:
        why = reasons.get("notice", []) or [f"notice type '{notice_type}' from the title or body"]
        if scores.get("aggregator", 0) >= _MIN_AGGREGATOR:
            return DocKind("aggregator", True, reasons["aggregator"] + why)
        return DocKind("notice", True, why)
    if listed:
        return _disclosure(text, reasons.get("disclosure", []))
    return DocKind("other", "other" in v.leads, ["no procurement frame and no sign of who publishes"])


def _third_wins(third: int, notice: int) -> bool:
    """A third party's page when its signals outweigh the notice's own; against any notice heading or
    voice it needs two signals' worth (one stray "包年" or "来源:" in a real notice is not enough)."""
    if third < _MIN_THIRD or third <= notice:
        return False
    return notice == 0 or third >= _MIN_AGAINST_NOTICE


def _disclosure(text: str, why: list[str]) -> DocKind:
    side = disclosure_side(text)
    if side.buys:
        return DocKind("disclosure", True, [*why, f"the publisher's side buys: '{side.evidence}'"], side)
    if side.builds:  # a project filing: the fields are the notice parse's (no contract to read)
        return DocKind("disclosure", True, [*why, f"the publisher's side builds or deploys: '{side.evidence}'"])
    if side.sells:
        return DocKind("seller", False, [*why, f"the publisher's side sells or provides: '{side.evidence}'"], side)
    return DocKind("other", False, [*why, "a listed company's announcement with no purchase by its side"], side)
