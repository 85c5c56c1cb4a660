"""Date windows: which days a run collects, and where a run without ``--from`` continues."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tenderwatch.store.collectq import complete_windows, first_day

CHINA = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True, slots=True)
class Window:
    """One query over one stretch of days (inclusive): the unit of progress."""

    query: str
    day_from: date
    day_until: date

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.query, self.day_from.isoformat(), self.day_until.isoformat())

    def label(self) -> str:
        days = self.day_from.isoformat()
        if self.day_until != self.day_from:
            days += f"..{self.day_until.isoformat()}"
        return f"{days} {self.query}"


def today_in_china() -> date:
    """The sites publish by China's date."""
    return datetime.now(CHINA).date()


def day_spans(start: date, until: date, window_days: int) -> list[tuple[date, date]]:
    """Consecutive stretches of ``window_days`` days from ``start`` to ``until`` inclusive."""
    step = max(1, int(window_days))
    spans: list[tuple[date, date]] = []
    day = start
    while day <= until:
        end = min(until, day + timedelta(days=step - 1))
        spans.append((day, end))
        day = end + timedelta(days=1)
    return spans


def plan(queries: list[str], start: date, until: date, window_days: int) -> list[Window]:
    """Windows day by day (oldest first), each day's queries together."""
    return [Window(q, a, b) for a, b in day_spans(start, until, window_days) for q in queries]


def resume_start(
    conn: sqlite3.Connection, source: str, queries: list[str], *, today: date, overlap_days: int,
    first_run_days: int,
) -> date:
    """Where a run without ``--from`` starts: ``overlap_days`` before the first day that is not
    complete for every query (counted from the source's first collected day); a source never
    collected starts ``first_run_days`` ago."""
    first = first_day(conn, source)
    if first is None:
        return today - timedelta(days=max(1, first_run_days) - 1)
    covered: dict[str, set[date]] = {q: set() for q in queries}
    for query, day_from, day_until in complete_windows(conn, source):
        if query not in covered:
            continue
        day, end = date.fromisoformat(day_from), date.fromisoformat(day_until)
        while day <= end:
            covered[query].add(day)
            day += timedelta(days=1)
    start = date.fromisoformat(first)
    day = start
    while day <= today and all(day in days for days in covered.values()):
        day += timedelta(days=1)
    return max(start, min(day, today) - timedelta(days=overlap_days))
