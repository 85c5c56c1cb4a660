"""Tab-separated tables: a header row of known column names, then data rows.

Column names are data (``data/notice/columns.yaml``); the bracket text of a
header (``单价（元）``, ``预算金额（万元）``) is kept as the column's unit hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tenderwatch.notice.labels import Vocab, column_role, label_key

_NUM_START = frozenset("一二三四五六七八九十(0123456789 ")
_NUMBERING = re.compile(r"^\s*(?:[(]?[一二三四五六七八九十\d]{1,3}[)]?\s*[、.)]|[(][一二三四五六七八九十\d]{1,3}[)])?\s*")


@dataclass(slots=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Table:
    roles: list[str]
    hints: list[str]
    keys: list[str]
    rows: list[list[Cell]]
    spans: list[tuple[int, int]]  # span of each data row
    section: str
    start: int  # position of the header row


def cells_of(text: str, start: int, end: int) -> list[Cell]:
    out = []
    at = start
    for raw in text[start:end].split("\t"):
        stripped = raw.strip()
        if stripped:
            lead = at + (len(raw) - len(raw.lstrip()) if raw[0].isspace() else 0)
            out.append(Cell(stripped, lead, lead + len(stripped)))
        at += len(raw) + 1
    return out


@lru_cache(maxsize=16384)
def cell_key(text: str) -> tuple[str, str]:
    if text[0] in _NUM_START:
        text = _NUMBERING.sub("", text, count=1)
    return label_key(text.rstrip(":： "))


def is_column(v: Vocab, key: str) -> bool:
    """Whether a cell's key names a table column (a known name, or one glued after a qualifier: 包预算)."""
    return key in v.columns or (key[:1] in v.qualified and bool(column_role(key)))


def is_header(v: Vocab, cells: list[Cell]) -> bool:
    if len(cells) < 2:
        return False
    known = 0
    for cell in cells:
        if len(cell.text) > 24:
            return False
    need = max(2, 0.5 * len(cells))
    left = len(cells)
    for cell in cells:
        if is_column(v, cell_key(cell.text)[0]):
            known += 1
        left -= 1
        if known + left < need:  # too few cells left to make a header
            return False
    return known >= need


def read_table(v: Vocab, text: str, header: list[Cell], tab_lines: list[tuple[int, int]], index: int,
               section: str) -> tuple[Table, int]:
    """Read the data rows that follow ``tab_lines[index]``; returns the table and the rows used."""
    keys, hints, roles = [], [], []
    for cell in header:
        key, hint = cell_key(cell.text)
        keys.append(key)
        hints.append(hint)
        roles.append(column_role(key) or "other")
    table = Table(roles, hints, keys, [], [], section, tab_lines[index][0])
    previous_end = tab_lines[index][1]
    j = index + 1
    while j < len(tab_lines):
        start, end = tab_lines[j]
        if text[previous_end:start].strip():  # a non-table line in between ends the table
            break
        cells = cells_of(text, start, end)
        if is_header(v, cells) or _labelled(v, cells):
            break
        if len(cells) < len(header) and j + 1 < len(tab_lines) and not _labelled(v, cells_of(text, *tab_lines[j + 1])):
            joined = _wrapped_row(text, cells, tab_lines[j + 1], len(header), end)
            if joined is not None:
                cells = joined
                j += 1
                end = tab_lines[j][1]
        table.rows.append(cells)
        table.spans.append((start, end))
        previous_end = end
        j += 1
    return table, j - index - 1


def _labelled(v: Vocab, cells: list[Cell]) -> bool:
    """A line that opens with a known label and its value ("采购单位：某某医院 | | 公开日期：…", the
    signature under a spreadsheet's list): the table has ended; its pairs are read as labels."""
    first = next((cell.text for cell in cells if cell.text.strip()), "")
    label, colon, value = first.partition("：") if "：" in first else first.partition(":")
    return bool(colon and value.strip() and 2 <= len(label.strip()) <= 12 and label_key(label)[0] in v.labels)


def _wrapped_row(text: str, cells: list[Cell], following: tuple[int, int], width: int,
                 end: int) -> list[Cell] | None:
    """A row whose last cell a PDF wrapped onto the next line ("…（经国内合" / "规服务商接入）… | 45 | …"):
    the next line follows at once and its cells, its first one continuing the last cell, make the
    header's count. The joined cell spans both lines."""
    start2, end2 = following
    if text[end:start2].strip():
        return None
    more = cells_of(text, start2, end2)
    if not more or len(cells) + len(more) - 1 != width:
        return None
    last, first = cells[-1], more[0]
    return [*cells[:-1], Cell(last.text + first.text, last.start, first.end), *more[1:]]
