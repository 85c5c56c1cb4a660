"""Read the layout of a normalised notice: sections, label/value pairs, tables.

Three layouts carry the fields of a notice and all three are read here:

* ``label: value`` (several per line, or the value on the next line after a
  dangling ``label:``, a bare label line ``采购人`` or a numbered heading
  ``三、拟定供应商`` when that line reads as a value);
* tab rows of alternating label and value cells (``采购单位\\t清华大学\\t预算金额\\t60万元``);
* tables: a header row of known column names followed by data rows.

Bracketed labels (``【采购人】``), bullets and ``|`` / ``/`` text tables are first
rewritten character for character (``layout.prepare``), so spans stay valid.
Each layout is found by one regular-expression pass over the whole text, or by
``str.find`` for the lines holding a tab or a semicolon (no Python loop over every
line or character); Python only handles the matches, and pays only for short
lines (bare labels) and real ``label:`` runs (cached per run).
Every pair, cell and row keeps its span in the *normalised* text; callers map
spans to the source with ``NormText.to_source``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

from tenderwatch.notice import linelabels
from tenderwatch.notice.labels import Vocab, label_key, vocab
from tenderwatch.notice.layout import prepare
from tenderwatch.notice.pairs import Builder, Pair, Scan
from tenderwatch.notice.tables import Cell, Table, cell_key, cells_of, is_column, is_header, read_table

__all__ = ["Cell", "Pair", "Scan", "Table", "scan_text"]

# Line patterns run on "\n" + text: a literal first character makes them fast.
_HEADING_NL = re.compile(
    r"\n[ \t]*(?:[一二三四五六七八九十]{1,3}[ \t]*[、.]|第[一二三四五六七八九十]{1,3}[章节部分])[ \t]*([^\n]{0,60})"
)
_SEGMENT = re.compile(r"[^;；]+")
_REV_LABEL = re.compile(
    r":(?P<lab>[^\t\n,;，；。:：\d]{0,33}[\u4e00-\u9fffA-Za-z(（])(?=[\t\n,;，；。:：\d.、)） ]|$)"
)
_LAB = itemgetter("lab")
_KEY, _COLUMN, _LABEL = itemgetter(0), itemgetter(1), itemgetter(2)  # of a cell's _part_key
_PARTIES = frozenset({"buyer", "agency", "supplier"})
_INLINE_FIELDS = frozenset({"supplier", "award", "budget", "contract", "ceiling"})
_NON_SPACE = re.compile(r"\S")
_KNOWN: list[re.Pattern[str]] = []


def _known(v: Vocab) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a known label glued before a colon, a known label followed by its value without a colon)."""
    if not _KNOWN:
        alt = "|".join(re.escape(k) for k in v.written if len(k) >= 2 and not k.isascii())
        _KNOWN.append(re.compile(rf"(?P<label>(?:{alt})(?:\([^()]{{0,12}}\))?)[ \t]*$"))
        _KNOWN.append(re.compile(rf"(?:^|(?<=[\s:;；,，]))(?:\d{{1,2}}\s*[:：.、]\s*)?"
                                 rf"(?P<label>(?:{alt})(?:\([^()]{{0,12}}\))?)\s*(?![:：\s])"))
    return _KNOWN[0], _KNOWN[1]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _colon_labels(text: str) -> tuple[list[int], list[tuple[int, int, int, str]]]:
    """The start of every ``label:`` and, for those worth reading (a known label or a contact-block
    header), (index, label start, value start, label).

    The colons are found by one regex over the reversed text (a pattern that
    starts with a literal is fast); the label is the run of text before the colon
    up to a separator, narrowed to a known label glued at its end when the run
    itself is not one ("…管理局联系电话:" -> "联系电话").
    """
    n = len(text)
    matches = list(_REV_LABEL.finditer(text[::-1]))
    matches.reverse()  # text order
    starts: list[int] = []
    wanted: list[tuple[int, int, int, str]] = []
    for m, hit in zip(matches, map(linelabels.run_label, map(_LAB, matches)), strict=True):
        if hit is None:
            continue
        colon = n - 1 - m.start()
        lstart = colon - hit[1]
        if hit[2]:
            vstart = colon + 1
            if vstart < n and text[vstart] in " \t":
                chunk = text[vstart:vstart + 16]
                vstart += len(chunk) - len(chunk.lstrip(" \t"))
            wanted.append((len(starts), lstart, vstart, hit[0]))
        starts.append(lstart)
    return starts, wanted


def _colon_pairs(b: Builder, text: str, table_rows: list[tuple[int, int]]) -> None:
    v = b.v
    starts, wanted = _colon_labels(text)
    rows = sorted(table_rows)
    labels, contact = v.labels, v.contact
    count = len(starts)
    outer: dict[int, str] = {}  # "成交供应商:名称:X": the 名称 label reads for the party label before it
    for n, lstart, vstart, label in wanted:
        if n in outer:
            label = outer.pop(n)
        key, hint = label_key(label)
        known = labels.get(key)
        if known is None and key.endswith("名称") and key[:-2] in contact:  # "1.采购人信息名称:X"
            b.context(lstart, contact[key[:-2]])
            label, key, known = "名称", "名称", labels.get("名称")
            hint = label_key(label)[1]
        if (known is None or known[0] == "stop") and key not in contact:
            continue
        if rows:
            i = bisect_right(rows, (lstart, len(text))) - 1
            if i >= 0 and rows[i][0] <= lstart < rows[i][1]:
                continue  # inside a table row: the table reads it
        line_end = text.find("\n", vstart)
        if line_end < 0:
            line_end = len(text)
        stop = starts[n + 1] if n + 1 < count and starts[n + 1] < line_end else line_end
        tab = text.find("\t", vstart, stop)
        if tab >= 0:
            stop = tab
        value = text[vstart:stop]
        if not value.strip():
            if (known is not None and known[0] in _PARTIES and stop < line_end and tab < 0
                    and _names(text, starts[n + 1])):
                outer[n + 1] = label
                continue
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
        if known is not None and known[0] != "stop":
            b.add_known(known, key, hint, value, vstart)


def _names(text: str, lstart: int) -> bool:
    """The label starting at ``lstart`` is a bare 名称 (``成交供应商:名称:X``)."""
    colon = text.find(":", lstart, lstart + 30)
    return colon > lstart and vocab().labels.get(label_key(text[lstart:colon])[0], ("",))[0] == "name"


def _char_lines(text: str, char: str, other: str = "") -> Iterator[tuple[int, int]]:
    """Spans of the lines holding ``char`` (or ``other``), found with str.find: no Python work on
    the other lines."""
    n = len(text)
    pos = 0
    wide = bool(other) and other in text
    while True:
        a = text.find(char, pos)
        b = text.find(other, pos) if wide else -1
        at = a if b < 0 else b if a < 0 else min(a, b)
        if at < 0:
            return
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = n if end < 0 else end
        yield start, end
        pos = end + 1


@lru_cache(maxsize=32768)
def _part_key(part: str) -> tuple[str, int, bool]:
    """Lookup key of a tab-separated cell ("" when empty or longer than 24 characters), 1 when the key
    names a table column (as ``_tabs`` counts them for a header row, else 0), and whether it is a known
    label. Cached with the key: cells repeat, and a row of data cells then costs no Python loop."""
    stripped = part.strip()
    key = cell_key(stripped)[0] if 0 < len(stripped) <= 24 else ""
    v = vocab()
    return key, int(is_column(v, key)), key in v.labels


def _semicolon_pairs(b: Builder, text: str) -> None:
    """``1：供应商名称 X；供应商地址 Y；中标（成交）金额 1267500`` (old Guangdong inline rows)."""
    _, inline = _known(b.v)
    for base, end in _char_lines(text, ";", "；"):
        line = text[base:end]
        if "供应商" not in line and "金额" not in line:
            continue
        for seg in _SEGMENT.finditer(line):
            head = inline.search(seg.group(0))
            if head is None:
                continue
            known = b.v.labels.get(label_key(head.group("label"))[0])
            if known and known[0] in _INLINE_FIELDS:
                rest = seg.group(0)[head.end():]
                cut = rest.find(":", 0, 12)
                if cut >= 0 and label_key(head.group("label") + rest[:cut])[0] in b.v.labels:
                    continue  # "供应商" + "名称:X": a longer label with a colon, read by the colon pass
                b.add(head.group("label"), rest, base + seg.start() + head.end())


def _headings(scan: Scan, nl_text: str) -> None:
    """Section headings (``一、…``, ``第二章``); ``nl_text`` is ``"\n" + text``."""
    found = list(_HEADING_NL.finditer(nl_text))
    if found:
        scan.head_pos = [m.start() for m in found]
        scan.head_found = found
        scan.head_flags = [None] * len(found)


def _bare_labels(b: Builder, text: str, nl_text: str) -> None:
    """Lines that are only a label: a contact-block header (``2.采购代理机构信息``: the 名称 below
    belongs to it), or a known label (``采购人`` / ``三、拟定供应商`` / ``Awarded to``) whose value is on
    the next line when that line reads as one (an organisation, an amount, a date).

    One pass over ``nl_text`` (``"\n" + text``) finds the short lines; only those are looked up."""
    v = b.v
    for m in linelabels.SHORT_LINE_NL.finditer(nl_text):
        hit = linelabels.bare_line(m.group(1))
        if hit is None:
            continue
        lead, size, label, field_name, block = hit
        start = m.start() + lead  # m.start() is the "\n" before the line: the line start in text
        end = start + size
        if block:
            b.context(start, block)
        if not field_name:
            continue
        nxt = _NON_SPACE.search(text, end)
        if nxt is None:
            continue
        nstart = nxt.start()
        value = text[nstart:_line_end(text, nstart)].rstrip()
        cut = value.find("\t")
        if cut >= 0:
            value = value[:cut]
        if not linelabels.labelled(v, value) and linelabels.looks_like(v, field_name, value):
            b.add(label, value, nstart)


def _tabs(b: Builder, scan: Scan, text: str) -> list[tuple[int, int]]:
    """Tables and tab pairs. Returns the spans of table rows (already read)."""
    v = b.v
    labels = v.labels
    tab_lines = list(_char_lines(text, "\t"))
    rows: list[tuple[int, int]] = []
    i = 0
    while i < len(tab_lines):
        start, end = tab_lines[i]
        parts = text[start:end].split("\t")
        found = list(map(_part_key, parts))
        if sum(map(_COLUMN, found)) >= 2:
            cells = cells_of(text, start, end)
            if is_header(v, cells):
                table, used = read_table(v, text, cells, tab_lines, i, scan.section_at(start))
                if table.rows:
                    scan.tables.append(table)
                    rows.extend(table.spans)
                    rows.append((start, end))
                    i += used + 1
                    continue
        if not any(map(_LABEL, found[:-1])):  # no label cell before the last: no tab pair
            i += 1
            continue
        keys = list(map(_KEY, found))
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
    scan = Scan(text)
    b = Builder(v, scan)
    nl_text = "\n" + text
    _headings(scan, nl_text)
    _bare_labels(b, text, nl_text)
    table_rows = _tabs(b, scan, text) if "\t" in text else []
    if ":" in text:
        _colon_pairs(b, text, table_rows)
    if ";" in text or "；" in text:
        _semicolon_pairs(b, text)
    b.finish()
    return scan
