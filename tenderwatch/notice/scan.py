"""Read the layout of a normalised notice: sections, label/value pairs, tables.

Three layouts carry the fields of a notice and all three are read here:

* ``label: value`` (several per line, or the value on the next line after a
  dangling ``label:``, a bare label line ``采购人`` or a numbered heading
  ``三、拟定供应商`` when that line reads as a value);
* tab rows of alternating label and value cells (``采购单位\\t清华大学\\t预算金额\\t60万元``);
* tables: a header row of known column names followed by data rows.

Bracketed labels (``【采购人】``), bullets and ``|`` / ``/`` text tables are first
rewritten character for character (``layout.prepare``), so spans stay valid.
Each layout is found by one regular-expression pass over the whole text (no
Python loop over every line or character); Python only handles the matches.
Every pair, cell and row keeps its span in the *normalised* text; callers map
spans to the source with ``NormText.to_source``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from tenderwatch.notice import linelabels
from tenderwatch.notice.labels import Vocab, column_role, label_key, vocab
from tenderwatch.notice.layout import prepare
from tenderwatch.notice.tables import Cell, Table, cell_key, cells_of, is_header, read_table

__all__ = ["Cell", "Pair", "Scan", "Table", "scan_text"]

# Line patterns run on "\n" + text: a literal first character makes them fast.
_HEADING_NL = re.compile(
    r"\n[ \t]*(?:[一二三四五六七八九十]{1,3}[ \t]*[、.]|第[一二三四五六七八九十]{1,3}[章节部分])[ \t]*([^\n]{0,60})"
)
_TAB_NL = re.compile(r"\n([^\n\t]*\t[^\n]*)")
_SEMI_NL = re.compile(r"\n([^\n;；]*[;；][^\n]*)")
_SEGMENT = re.compile(r"[^;；]+")
_REV_LABEL = re.compile(
    r":(?P<lab>[^\t\n,;，；。:：\d]{0,25}[\u4e00-\u9fffA-Za-z(（])(?=[\t\n,;，；。:：\d.、)） ]|$)"
)
_INLINE_FIELDS = frozenset({"supplier", "award", "budget", "contract", "ceiling"})
_LEAD_PAREN = re.compile(r"^\s*\([^()]{0,30}\)\s*[:：]?\s*")
_PLACEHOLDER = re.compile(r"^[\s_/\\\-—.。:：*]*$")
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
    headings: list[tuple[int, str]]  # (position, heading text)
    head_pos: list[int] = field(default_factory=list)
    head_flags: list[str] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    _lines: list[tuple[int, int]] | None = None

    @property
    def lines(self) -> list[tuple[int, int]]:
        """Spans of the non-blank lines, stripped (computed on first use)."""
        if self._lines is None:
            self._lines = _lines(self.text)
        return self._lines

    def section_at(self, pos: int) -> str:
        """Section flag ("", "bidders", "fee", "award") of a position."""
        i = bisect_right(self.head_pos, pos) - 1
        return self.head_flags[i] if i >= 0 else ""


_KNOWN: list[re.Pattern[str]] = []


def _known(v: Vocab) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a known label glued before a colon, a known label followed by its value without a colon)."""
    if not _KNOWN:
        alt = "|".join(re.escape(k) for k in v.written if len(k) >= 2 and not k.isascii())
        _KNOWN.append(re.compile(rf"(?P<label>(?:{alt})(?:\([^()]{{0,12}}\))?)[ \t]*$"))
        _KNOWN.append(re.compile(rf"(?:^|(?<=[\s:;；,，]))(?:\d{{1,2}}\s*[:：.、]\s*)?"
                                 rf"(?P<label>(?:{alt})(?:\([^()]{{0,12}}\))?)\s*(?![:：\s])"))
    return _KNOWN[0], _KNOWN[1]


@lru_cache(maxsize=8192)
def _section_flag(heading: str) -> str:
    """Section kind of a heading ("bidders", "fee", "award" or ""); cached: headings repeat."""
    m = vocab().section_re.search(heading)
    return m.lastgroup or "" if m else ""


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


class _Builder:
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
        lead = _LEAD_PAREN.match(value)
        if lead:
            hint = f"{hint} {value[: lead.end()]}".strip()
            start += lead.end()
            value = value[lead.end():]
        stripped = value.strip().rstrip(",;，；。")
        if _PLACEHOLDER.match(stripped):
            return
        start += len(value) - len(value.lstrip())
        self.pairs.append((start, Pair(known[0], known[1], key, hint, stripped, start, start + len(stripped))))

    def finish(self) -> None:
        order = sorted(range(len(self.ctx_pos)), key=self.ctx_pos.__getitem__)
        pos = [self.ctx_pos[i] for i in order]
        val = [self.ctx_val[i] for i in order]
        for start, pair in sorted(self.pairs, key=lambda item: item[0]):
            pair.section = self.scan.section_at(start)
            i = bisect_right(pos, start) - 1
            pair.ctx = val[i] if i >= 0 else ""
            self.scan.pairs.append(pair)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _colon_labels(text: str) -> list[tuple[int, int, str]]:
    """(label start, value start, label) for every ``label:``.

    The colons are found by one regex over the reversed text (a pattern that
    starts with a literal is fast); the label is the run of text before the colon
    up to a separator, narrowed to a known label glued at its end when the run
    itself is not one ("…管理局联系电话:" -> "联系电话").
    """
    rev = text[::-1]
    n = len(text)
    out = []
    for m in _REV_LABEL.finditer(rev):
        hit = linelabels.run_label(m.group("lab"))
        if hit is None:
            continue
        colon = n - m.start() - 1
        vstart = colon + 1
        if vstart < n and text[vstart] in " \t":
            chunk = text[vstart:vstart + 16]
            vstart += len(chunk) - len(chunk.lstrip(" \t"))
        out.append((colon - hit[1], vstart, hit[0]))
    out.reverse()
    return out


def _colon_pairs(b: _Builder, text: str, table_rows: list[tuple[int, int]]) -> None:
    v = b.v
    matches = _colon_labels(text)
    rows = sorted(table_rows)
    labels, contact = v.labels, v.contact
    for n, (lstart, vstart, label) in enumerate(matches):
        key = label_key(label)[0]
        known = labels.get(key)
        if known is None and key.endswith("名称") and key[:-2] in contact:  # "1.采购人信息名称:X"
            b.context(lstart, contact[key[:-2]])
            label, key, known = "名称", "名称", labels.get("名称")
        if (known is None or known[0] == "stop") and key not in contact:
            continue
        i = bisect_right(rows, (lstart, len(text))) - 1
        if i >= 0 and rows[i][0] <= lstart < rows[i][1]:
            continue  # inside a table row: the table reads it
        line_end = _line_end(text, vstart)
        stop = matches[n + 1][0] if n + 1 < len(matches) and matches[n + 1][0] < line_end else line_end
        tab = text.find("\t", vstart, stop)
        if tab >= 0:
            stop = tab
        value = text[vstart:stop]
        if not value.strip():
            if key in v.contact:
                b.context(lstart, v.contact[key])
            if stop == line_end and line_end < len(text):
                nstart = line_end + 1
                nend = _line_end(text, nstart)
                nxt = text[nstart:nend]
                if nxt.strip() and not linelabels.labelled(v, nxt):
                    cut = nxt.find("\t")
                    b.add(label, nxt if cut < 0 else nxt[:cut], nstart)
            continue
        b.add(label, value, vstart)


def _semicolon_pairs(b: _Builder, text: str) -> None:
    """``1：供应商名称 X；供应商地址 Y；中标（成交）金额 1267500`` (old Guangdong inline rows)."""
    _, inline = _known(b.v)
    for line in _SEMI_NL.finditer("\n" + text):
        base = line.start()
        if "供应商" not in line.group(1) and "金额" not in line.group(1):
            continue
        for seg in _SEGMENT.finditer(line.group(1)):
            head = inline.search(seg.group(0))
            if head is None:
                continue
            known = b.v.labels.get(label_key(head.group("label"))[0])
            if known and known[0] in _INLINE_FIELDS:
                b.add(head.group("label"), seg.group(0)[head.end():], base + seg.start() + head.end())


def _headings(b: _Builder, scan: Scan, text: str) -> None:
    for m in _HEADING_NL.finditer("\n" + text):
        title = m.group(1).strip()
        scan.headings.append((m.start(), title))
        scan.head_pos.append(m.start())
        cut = title.find(":")
        scan.head_flags.append(_section_flag(title if cut < 0 else title[:cut]))
        b.context(m.start(), "")


def _bare_labels(b: _Builder, scan: Scan, text: str) -> None:
    """Lines that are only a label: a contact-block header (``2.采购代理机构信息``: the 名称 below
    belongs to it), or a known label (``采购人`` / ``三、拟定供应商`` / ``Awarded to``) whose value is on
    the next line when that line reads as one (an organisation, an amount, a date)."""
    v = b.v
    lines = scan.lines
    for n, (start, end) in enumerate(lines):
        if end - start > 30:
            continue
        hit = linelabels.bare_label(text[start:end])
        if hit is None:
            continue
        label, field_name, block = hit
        if block:
            b.context(start, block)
        if not field_name or n + 1 >= len(lines):
            continue
        nstart, nend = lines[n + 1]
        value = text[nstart:nend]
        cut = value.find("\t")
        if cut >= 0:
            value = value[:cut]
        if not linelabels.labelled(v, value) and linelabels.looks_like(v, field_name, value):
            b.add(label, value, nstart)


def _tabs(b: _Builder, scan: Scan, text: str) -> list[tuple[int, int]]:
    """Tables and tab pairs. Returns the spans of table rows (already read)."""
    v = b.v
    labels, columns, qualified = v.labels, v.columns, v.qualified
    tab_lines = [(m.start(), m.end() - 1) for m in _TAB_NL.finditer("\n" + text)]
    rows: list[tuple[int, int]] = []
    i = 0
    while i < len(tab_lines):
        start, end = tab_lines[i]
        parts = text[start:end].split("\t")
        keys = [cell_key(p.strip())[0] if 0 < len(p.strip()) <= 24 else "" for p in parts]
        if sum(1 for k in keys if k in columns or (k[:1] in qualified and column_role(k))) >= 2:
            cells = cells_of(text, start, end)
            if is_header(v, cells):
                table, used = read_table(v, text, cells, tab_lines, i, scan.section_at(start))
                if table.rows:
                    scan.tables.append(table)
                    rows.extend(table.spans)
                    rows.append((start, end))
                    i += used + 1
                    continue
        at = start
        for n, part in enumerate(parts[:-1]):
            key = keys[n]
            if key in labels and ":" not in part:
                after = n + 1
                while after < len(parts) and not parts[after].strip():
                    after += 1
                if after < len(parts) and keys[after] not in labels:
                    vstart = at + sum(len(p) + 1 for p in parts[n:after])
                    b.add(part.strip().rstrip(":："), parts[after], vstart)
            at += len(part) + 1
        i += 1
    return rows


def scan_text(text: str) -> Scan:
    """Read sections, pairs and tables of ``text`` (normalised)."""
    v = vocab()
    text = prepare(text)
    scan = Scan(text, [])
    b = _Builder(v, scan)
    _headings(b, scan, text)
    _bare_labels(b, scan, text)
    table_rows = _tabs(b, scan, text) if "\t" in text else []
    if ":" in text:
        _colon_pairs(b, text, table_rows)
    if ";" in text or "；" in text:
        _semicolon_pairs(b, text)
    b.finish()
    return scan
