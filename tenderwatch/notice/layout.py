"""Rewrite label and table markup the scanner does not read into forms it does.

Every rewrite is character for character (the text keeps its length), so spans
found in the rewritten text are spans of the normalised text:

* bracketed labels at a line start: ``【采购人】X`` / ``[采购人] X`` -> `` 采购人:X``;
* list bullets (``■采购人：``, ``● 预算金额：``) -> spaces;
* text tables whose cells are separated by ``|`` or ``/`` (a header row of known
  column names, then rows with as many separators) -> tab-separated rows;
  Markdown rule lines (``|---|---|``) -> blanks;
* space-aligned tables (a header row of known column names whose cells are separated by runs of
  two or more spaces, then rows with as many such runs, as a PDF or a copied table gives them)
  -> tab-separated rows, the first space of each run becoming the tab;
* space-aligned key-value blocks (``合同金额（元）      1,560,000.00``, two or more such lines with
  known labels) -> ``合同金额（元）:     1,560,000.00``.
"""

from __future__ import annotations

import re

from tenderwatch.notice.labels import column_role, label_key, vocab

_BRACKET_NL = re.compile(r"\n[ \t]*[【\[〔]([^\]】〕\n\[【]{1,20})[】\]〕]([ \t]*[:：]?)")
_BULLETS = "■□●○◆◇▲△►▶▪▫★☆◎•※❖"
_BULLET_RE = re.compile(f"[{_BULLETS}]")
# looked for with ``in``, one memchr-like scan per mark: cheaper than a class test at every character,
# and most notices have none of them
_MARKS = _BULLETS + "【[〔|"
# a slash between Chinese words ("[\u4e00-\u9fff)]/[\u4e00-\u9fff]"), written to start with the slash: re skips to
# the slashes instead of trying every Chinese character
_CJK_SLASH = re.compile(r"/(?<=[\u4e00-\u9fff)]/)(?=[\u4e00-\u9fff])")
_RULE = re.compile(r"^[\s|:\-—=+]*$")
_SPACED_NL = re.compile(r"\n[ \t]*([^\s:：]{2,24}?)(?:[ ]{2,}|\u3000+)(?=\S)")
_MIN_SPACED = 2  # a block: one aligned line alone may be prose
# A gap between words: two or more spaces, or ideographic spaces, with a non-blank on each side. Written to
# start with the space itself (the non-blank before it read by a look-behind from there), so re skips to the
# spaces instead of trying the pattern at every position: "(?<=\S)(?: {2,}|\u3000+)(?=\S)", found faster.
_GAP = re.compile(r"(?: (?<=\S ) +|\u3000(?<=\S\u3000)\u3000*)(?=\S)")


def _brackets(text: str) -> str:
    """``【采购人】X`` -> `` 采购人:X`` (``【采购人】：X`` -> `` 采购人 ：X``) at line starts, for known labels."""
    chars: list[str] | None = None
    v = vocab()
    for m in _BRACKET_NL.finditer("\n" + text):
        key = label_key(m.group(1).strip())[0]
        if key not in v.labels and key not in v.contact:  # "【重要提示】", "【某某大学】…采购公告": not a label
            continue
        if chars is None:
            chars = list(text)
        opening = m.start(1) - 2  # "\n" + text: group 1 starts one past the bracket
        closing = m.end(1) - 1
        chars[opening] = " "
        tail = m.group(2)
        chars[closing] = " " if ":" in tail or "：" in tail else ":"
    return text if chars is None else "".join(chars)


def _header(cells: list[str]) -> bool:
    known = 0
    for cell in cells:
        cell = cell.strip()
        if len(cell) > 24:
            return False
        if cell and column_role(label_key(cell.rstrip(":："))[0]) is not None:
            known += 1
    filled = sum(1 for c in cells if c.strip())
    return known >= 2 and known >= 0.5 * filled


def _wrapped(text: str, lines: list[tuple[int, int]], j: int, sep: str, want: int) -> bool:
    """Line ``j`` and the line right after it are one row wrapped inside a cell: between them they
    hold the header's separators."""
    if j + 1 >= len(lines):
        return False
    (start, end), (nstart, nend) = lines[j], lines[j + 1]
    return not text[end:nstart].strip() and text[start:end].count(sep) + text[nstart:nend].count(sep) == want


def _sep_lines(text: str, sep: str, least: int) -> list[tuple[int, int]]:
    """Spans of the lines holding ``sep`` at least ``least`` times, found with str.find (only the lines
    holding ``sep`` are looked at)."""
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while True:
        at = text.find(sep, pos)
        if at < 0:
            return out
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = n if end < 0 else end
        if text.count(sep, start, end) >= least:
            out.append((start, end))
        pos = end + 1


def _tables(text: str, sep: str, least: int) -> str:
    """Turn ``sep``-separated header+rows blocks (lines with ``least`` separators or more) into tab rows."""
    lines = _sep_lines(text, sep, least)
    if not lines:
        return text
    chars: list[str] | None = None
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        if not _header(line.split(sep)):
            i += 1
            continue
        want = line.count(sep)
        block = [(start, end)]
        j = i + 1
        while j < len(lines):
            nstart, nend = lines[j]
            gap = text[block[-1][1]:nstart]
            row = text[nstart:nend]
            if gap.strip():
                break
            if row.count(sep) != want and not _RULE.match(row):
                if not _wrapped(text, lines, j, sep, want):
                    break
                block.append((nstart, nend))  # a row a PDF wrapped inside a cell: both its lines
                j += 1
                nstart, nend = lines[j]
            block.append((nstart, nend))
            j += 1
        if len(block) > 1:
            if chars is None:
                chars = list(text)
            for bstart, bend in block:
                rule = _RULE.match(text, bstart, bend) is not None
                for k in range(bstart, bend):
                    if rule:
                        chars[k] = " "
                    elif chars[k] == sep:
                        chars[k] = "\t"
        i = j
    return text if chars is None else "".join(chars)


def _spaced(text: str) -> str:
    """``label<spaces>value`` lines of a key-value block -> ``label:<spaces>value`` (known labels)."""
    v = vocab()
    colons: list[int] = []
    for m in _SPACED_NL.finditer("\n" + text):
        key = label_key(m.group(1))[0]
        if key in v.labels:
            colons.append(m.end(1) - 1)  # "\n" + text: the first space after the label
    if len(colons) < _MIN_SPACED:
        return text
    chars = list(text)
    for at in colons:
        chars[at] = ":"
    return "".join(chars)


def _gap_lines(text: str) -> list[tuple[int, int, list[int]]]:
    """Each tab-free line holding gaps between words: (start, end, where each gap starts). Linear:
    one pass over the gaps, each line's ends found once."""
    out: list[tuple[int, int, list[int]]] = []
    end = -1
    for gap in _GAP.finditer(text):
        at = gap.start()
        if at > end:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            out.append((start, end, []))
        out[-1][2].append(at)
    return [line for line in out if "\t" not in text[line[0]:line[1]]]


def _aligned(text: str) -> str:
    """Space-aligned header+rows blocks -> tab rows (the first character of each gap)."""
    lines = _gap_lines(text)
    chars: list[str] | None = None
    i = 0
    while i < len(lines):
        start, end, gaps = lines[i]
        if len(gaps) < 2 or not _header(_GAP.split(text[start:end])):
            i += 1
            continue
        block = [gaps]
        j = i + 1
        while j < len(lines) and len(lines[j][2]) == len(gaps) and not text[lines[j - 1][1]:lines[j][0]].strip():
            block.append(lines[j][2])
            j += 1
        if len(block) > 1:
            if chars is None:
                chars = list(text)
            for row in block:
                for at in row:
                    chars[at] = "\t"
        i = j
    return text if chars is None else "".join(chars)


def prepare(text: str) -> str:
    """The text with bracketed labels, bullets, ``|`` / ``/`` tables and space-aligned key-value
    blocks rewritten (same length)."""
    if any(mark in text for mark in _MARKS):
        if "【" in text or "[" in text or "〔" in text:
            text = _brackets(text)
        if any(bullet in text for bullet in _BULLETS):
            text = _BULLET_RE.sub(" ", text)
        if "|" in text:
            text = _tables(text, "|", 2)
    if text.count("/") >= 6 and _CJK_SLASH.search(text):  # "项目名称/预算金额", not dates or links
        text = _tables(text, "/", 3)
    if "  " in text or "\u3000" in text:
        text = _spaced(_aligned(text))
    return text
