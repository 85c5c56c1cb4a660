"""Day windows and where a run without --from continues (real SQLite store, no crawl)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tenderwatch.collect.windows import day_spans, plan, resume_start
from tenderwatch.store import collectq
from tenderwatch.store.db import Store


def _complete(store: Store, query: str, day: str) -> None:
    collectq.start_window(store.conn, "ccgp", query, day, day)
    collectq.finish_window(store.conn, "ccgp", query, day, day, complete=True, reason=None)


def test_windows_cover_the_range_day_by_day() -> None:
    assert day_spans(date(2024, 2, 27), date(2024, 3, 2), 1)[-1] == (date(2024, 3, 2), date(2024, 3, 2))
    assert len(day_spans(date(2024, 2, 27), date(2024, 3, 2), 1)) == 5  # 2024 is a leap year
    assert day_spans(date(2024, 3, 1), date(2024, 3, 5), 2)[-1] == (date(2024, 3, 5), date(2024, 3, 5))
    windows = plan(["kw=A100", "kw=H100"], date(2024, 3, 1), date(2024, 3, 2), 1)
    assert [w.label() for w in windows] == ["2024-03-01 kw=A100", "2024-03-01 kw=H100",
                                            "2024-03-02 kw=A100", "2024-03-02 kw=H100"]


def test_a_run_continues_two_days_before_the_first_day_not_complete(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as store:
        queries = ["kw=A100", "kw=H100"]
        first = resume_start(store.conn, "ccgp", queries, today=date(2024, 3, 10), overlap_days=2, first_run_days=7)
        assert first == date(2024, 3, 4), "a source never collected starts first_run_days ago"
        for day in ("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05"):
            _complete(store, "kw=A100", day)
            if day != "2024-03-04":
                _complete(store, "kw=H100", day)
        # 4 March is incomplete for H100: restart two days before it
        start = resume_start(store.conn, "ccgp", queries, today=date(2024, 3, 10), overlap_days=2, first_run_days=7)
        assert start == date(2024, 3, 2)
        _complete(store, "kw=H100", "2024-03-04")
        start = resume_start(store.conn, "ccgp", queries, today=date(2024, 3, 10), overlap_days=2, first_run_days=7)
        assert start == date(2024, 3, 4), "all complete up to 5 March: restart on the 4th (6th minus two days)"
        # an interrupted window stays incomplete ("started; not finished")
        collectq.start_window(store.conn, "ccgp", "kw=A100", "2024-03-06", "2024-03-06")
        (row,) = [w for w in collectq.windows(store.conn, "ccgp") if w.day_from == "2024-03-06"]
        assert row.status == "incomplete" and "not finished" in (row.reason or "")
