"""Document-level frames that change what the local mentions mean.

- Corrections (更正公告): mentions in the struck-out part ("更正前", "原为", the before column
  of a correction table, "将X更正为Y") are superseded by the corrected part.
- Articles: a document with no procurement frame (buyer, 采购/招标/成交/询价 structure,
  budget, item table) written as news, commentary or regulation text buys nothing.

Both run only when a detector found something: a few regex passes per document, never one per keyword.
"""

from __future__ import annotations

import re

from tenderwatch.detect.context import line_bounds
from tenderwatch.detect.scan import Scan
from tenderwatch.detect.vocab import vocab
from tenderwatch.model import Finding, NoticeFields

_REACH = 600  # a "before" part ends at the next "after" marker within this many characters
_CELL_SPLIT = re.compile(r"\t|\s*\|\s*")
_HEADER_CELL = 12  # a table header cell is short ("更正前", "原公告内容")
_NEWS_MIN = 2  # distinct news / regulation words needed (plus one per procurement word)
_FRAME_MAX = 2  # more distinct procurement words than this: a procurement, whatever else it says


def superseded_spans(low: str, is_correction: bool = False) -> list[tuple[int, int]]:
    """Spans of ``low`` replaced by a correction (empty when the text corrects nothing).

    Only a correction notice (``is_correction``, or correction wording in the text) is read this way."""
    lists = vocab().lists
    after_rx = lists["correction_after"].regex
    before_rx = lists["correction_before"].regex
    if after_rx is None or before_rx is None:
        return []
    if not is_correction and not lists["correction_notice"].contains(low):
        return []
    if after_rx.search(low) is None:
        return []
    spans: list[tuple[int, int]] = []
    for match in before_rx.finditer(low):
        nxt = after_rx.search(low, match.end(), match.end() + _REACH)
        if nxt is not None:
            spans.append((match.end(), nxt.start()))
    move = lists["correction_move"].regex
    for match in move.finditer(low) if move is not None else ():
        spans.append(match.span(1))
    spans += _table_spans(low, before_rx, after_rx)
    return spans


def _table_spans(low: str, before_rx: re.Pattern[str], after_rx: re.Pattern[str]) -> list[tuple[int, int]]:
    """The before column of a correction table (header cells "更正前 | 更正后")."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        hit = before_rx.search(low, pos)
        if hit is None:
            return spans
        pos = hit.end()
        line_start = low.rfind("\n", 0, hit.start()) + 1
        line_end = low.find("\n", hit.end())
        line_end = len(low) if line_end < 0 else line_end
        cells = _CELL_SPLIT.split(low[line_start:line_end])
        column = next((i for i, c in enumerate(cells) if len(c.strip()) <= _HEADER_CELL and before_rx.search(c)), None)
        if column is None or len(cells) < 2 or not any(after_rx.search(c) for c in cells[column + 1:]):
            continue
        row_start = line_end + 1
        while row_start < len(low):
            row_end = low.find("\n", row_start)
            row_end = len(low) if row_end < 0 else row_end
            cells_here = _cells(low, row_start, row_end)
            if len(cells_here) <= column or len(cells_here) < 2:
                break
            spans.append(cells_here[column])
            row_start = row_end + 1
        pos = max(pos, row_start)


def _cells(low: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) spans of the cells of one table row (tab- or pipe-separated)."""
    out: list[tuple[int, int]] = []
    left = start
    for sep in _CELL_SPLIT.finditer(low, start, end):
        out.append((left, sep.start()))
        left = sep.end()
    out.append((left, end))
    return out


def article_reason(scan: Scan) -> str | None:
    """Why the document is an article (news, commentary, regulation) rather than a procurement.

    Judged from the text only: the notice fields of an article are unreliable (a "buyer" can be
    read out of a news sentence)."""
    lists = vocab().lists
    frame = _distinct(lists["procurement_frame"].regex, scan.low, _FRAME_MAX + 1)
    if len(frame) > _FRAME_MAX:
        return None
    words = _distinct(lists["news_frame"].regex, scan.low)
    if len(words) < _NEWS_MIN + len(frame):
        return None
    shown = "', '".join(sorted(words)[:3])
    return f"news / commentary / regulation text with no procurement frame ('{shown}')"


def _distinct(regex: re.Pattern[str] | None, low: str, enough: int = 0) -> set[str]:
    """The distinct texts ``regex`` matches in ``low``; with ``enough``, the search stops once it has that
    many (a notice names its buyer, budget and supplier over and over: the rest of the text is not read)."""
    found: set[str] = set()
    for match in regex.finditer(low) if regex is not None else ():
        found.add(match.group(0))
        if len(found) == enough:
            break
    return found


def apply_frames(scan: Scan, findings: list[Finding], notice: NoticeFields | None) -> None:
    """Negate superseded mentions and, in articles, every mention (reasons say why)."""
    live = [f for f in findings if not f.negated]
    if not live:
        return
    spans = superseded_spans(scan.low, notice is not None and notice.notice_type == "correction")
    if spans:
        for finding in live:
            start = scan.norm_span(finding)[0]
            if any(s <= start < e for s, e in spans):
                _negate(finding, "superseded by the correction (struck-out '更正前' / '原为' part)")
    if notice is not None and notice.notice_type == "award":
        _failed_lots(scan, findings)
    if not any(f.in_scope and not f.negated for f in findings):
        return
    why = article_reason(scan)
    if why is not None:
        for finding in findings:
            if not finding.negated:
                _negate(finding, why)


def _failed_lots(scan: Scan, findings: list[Finding]) -> None:
    """In an award, the items on a lot row (a table row) marked failed (废标 / 流标) were not bought,
    when another mention of the award is live: an award whose every lot failed keeps what it sought."""
    failed = vocab().lists["failed_lot"].regex
    if failed is None or failed.search(scan.low) is None:
        return
    live = [f for f in findings if not f.negated]
    on_failed = []
    for finding in live:
        start = scan.norm_span(finding)[0]
        left, right = line_bounds(scan.low, start)
        line = scan.low[left:right]
        if ("\t" in line or "|" in line) and failed.search(line):
            on_failed.append(finding)
    if on_failed and len(on_failed) < len(live):
        for finding in on_failed:
            _negate(finding, "a failed lot of the award (废标 / 流标): not bought")


def _negate(finding: Finding, why: str) -> None:
    finding.negated = True
    finding.confidence = min(finding.confidence, 0.3)
    finding.reason += f"; {why}"


def not_bought_in(findings: list[Finding], spans: list[tuple[int, int]], why: str) -> None:
    """Negate the findings inside ``spans`` (source positions), e.g. a terminated contract's section."""
    for finding in findings:
        if not finding.negated and any(start <= finding.start < end for start, end in spans):
            _negate(finding, why)


def not_leads(findings: list[Finding], kind: str, why: str) -> None:
    """A document whose publisher does not buy (news, seller page, job post ...) gives no lead: its
    findings are kept for the reviewer, negated with the reason."""
    for finding in findings:
        if not finding.negated:
            _negate(finding, f"document kind '{kind}' ({why}): not a purchase by the publisher")
