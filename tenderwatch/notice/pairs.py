"""The records the layout scan builds: label/value pairs, the scan of one notice, and the
builder that collects pairs and resolves their section and contact block at the end."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import itemgetter

from tenderwatch.notice.labels import Vocab, label_key, vocab
from tenderwatch.notice.tables import Table

__all__ = ["Builder", "Pair", "Scan"]

_LEAD_PAREN = re.compile(r"^\s*\([^()]{0,30}\)\s*[:：]?\s*")
_PLACEHOLDER = re.compile(r"^[\s_/\\\-—.。:：*]*$")
_PLACEHOLDER_CHARS = frozenset("_/\\-—.。:：*")  # a placeholder value starts with one of these
_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # one non-blank line, stripped
HEAD_LINES = 25  # lines read at the top of a notice (a date or an organisation heading it)
TAIL_LINES = 15  # lines read at the bottom (the signature and its date)


@dataclass(slots=True)
class Pair:
    field: str
    rank: int
    label: str
    hint: str  # bracket text of the label ("元", "万元", "成交" ...)
    value: str
    start: int  # span of the value in the normalised text
    end: int
    section: str = ""  # "", "bidders", "fee", "award"
    ctx: str = ""  # contact block: "", "buyer", "agency", "supplier", "none"


@dataclass(slots=True)
class Scan:
    text: str
    head_pos: list[int] = field(default_factory=list)  # positions of the section headings
    head_found: list[re.Match[str]] = field(default_factory=list)  # their matches (group 1: the text)
    head_flags: list[str | None] = field(default_factory=list)  # section kind, computed on first use
    pairs: list[Pair] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    _lines: list[tuple[int, int]] | None = None
    _head: list[tuple[int, int]] | None = None
    _tail: list[tuple[int, int]] | None = None

    @property
    def lines(self) -> list[tuple[int, int]]:
        """Spans of the non-blank lines, stripped (computed on first use)."""
        if self._lines is None:
            self._lines = _lines(self.text)
        return self._lines

    def head(self) -> list[tuple[int, int]]:
        """The first ``HEAD_LINES`` of ``lines`` (without reading the rest of the text)."""
        if self._head is None:
            self._head = (self._lines[:HEAD_LINES] if self._lines is not None
                          else list(islice(self.iter_lines(), HEAD_LINES)))
        return self._head

    def tail(self) -> list[tuple[int, int]]:
        """The last ``TAIL_LINES`` of ``lines`` (read backwards from the end of the text)."""
        if self._tail is None:
            self._tail = self._lines[-TAIL_LINES:] if self._lines is not None else _last_lines(self.text)
        return self._tail

    def iter_lines(self) -> Iterator[tuple[int, int]]:
        """The same spans, one at a time (for callers that stop after the first few lines)."""
        if self._lines is not None:
            return iter(self._lines)
        return (m.span() for m in _LINE.finditer(self.text))

    @property
    def headings(self) -> list[tuple[int, str]]:
        """(position, heading text) of the section headings."""
        return [(pos, m.group(1).strip()) for pos, m in zip(self.head_pos, self.head_found, strict=True)]

    def section_at(self, pos: int) -> str:
        """Section flag ("", "bidders", "fee", "award") of a position."""
        return self._flag(bisect_right(self.head_pos, pos) - 1)

    def _flag(self, i: int) -> str:
        if i < 0:
            return ""
        flag = self.head_flags[i]
        if flag is None:
            title = self.head_found[i].group(1).strip()
            cut = title.find(":")
            flag = self.head_flags[i] = _section_flag(title if cut < 0 else title[:cut])
        return flag


@lru_cache(maxsize=8192)
def _section_flag(heading: str) -> str:
    """Section kind of a heading ("bidders", "fee", "award" or ""); cached: headings repeat."""
    m = vocab().section_re.search(heading)
    return m.lastgroup or "" if m else ""


class Builder:
    """Collects pairs; contact-block context and sections are resolved at the end."""

    __slots__ = ("ctx_pos", "ctx_val", "pairs", "scan", "v")

    def __init__(self, v: Vocab, scan: Scan) -> None:
        self.v = v
        self.scan = scan
        self.pairs: list[tuple[int, Pair]] = []
        self.ctx_pos: list[int] = []
        self.ctx_val: list[str] = []

    def context(self, pos: int, value: str) -> None:
        self.ctx_pos.append(pos)
        self.ctx_val.append(value)

    def add(self, label: str, value: str, start: int) -> None:
        key, hint = label_key(label)
        known = self.v.labels.get(key)
        if known is None or known[0] == "stop":
            return
        self.add_known(known, key, hint, value, start)

    def add_known(self, known: tuple[str, int], key: str, hint: str, value: str, start: int) -> None:
        """``add`` for a label already looked up (``known`` is its field and rank)."""
        lead = _LEAD_PAREN.match(value) if "(" in value else None
        if lead:
            hint = f"{hint} {value[: lead.end()]}".strip()
            start += lead.end()
            value = value[lead.end():]
        stripped = value.strip().rstrip(",;，；。")
        if not stripped or (stripped[0] in _PLACEHOLDER_CHARS and _PLACEHOLDER.match(stripped)):
            return
        start += len(value) - len(value.lstrip())
        self.pairs.append((start, Pair(known[0], known[1], key, hint, stripped, start, start + len(stripped))))

    def finish(self) -> None:
        """Give each pair its section and contact block (the last block header before it, unless a
        section heading came after that header)."""
        scan = self.scan
        found = self.pairs
        found.sort(key=_first)
        heads, flags, flag_of = scan.head_pos, scan.head_flags, scan._flag
        pos: list[int] = []
        val: list[str] = []
        if self.ctx_pos:
            order = sorted(range(len(self.ctx_pos)), key=self.ctx_pos.__getitem__)
            pos = [self.ctx_pos[i] for i in order]
            val = [self.ctx_val[i] for i in order]
        for start, pair in found:
            h = bisect_right(heads, start) - 1
            if h >= 0:
                flag = flags[h]
                pair.section = flag if flag is not None else flag_of(h)
            if pos:
                i = bisect_right(pos, start) - 1
                pair.ctx = val[i] if i >= 0 and (h < 0 or pos[i] >= heads[h]) else ""
        scan.pairs.extend(pair for _, pair in found)


def _last_lines(text: str) -> list[tuple[int, int]]:
    """``_lines(text)[-TAIL_LINES:]``, found from the end."""
    out: list[tuple[int, int]] = []
    end = len(text)
    while len(out) < TAIL_LINES:
        start = text.rfind("\n", 0, end) + 1
        raw = text[start:end]
        stripped = raw.strip()
        if stripped:
            lead = start + len(raw) - len(raw.lstrip())
            out.append((lead, lead + len(stripped)))
        if start == 0:
            break
        end = start - 1
    out.reverse()
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = offset + len(raw) - len(raw.lstrip())
            out.append((lead, lead + len(stripped)))
        offset += len(raw) + 1
    return out


_first = itemgetter(0)
