"""The scan summary and the Overview read the leads a chunk at a time (issue 13: memory flat in the
store's size); every number and the top leads must equal those computed from all leads at once
(the report's path), whatever the chunk size, on a store with reposts, dismissed leads (a notice
dismissed, and a lead whose only finding is dismissed), listed parties, budgets and awards."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tenderwatch.store import overview as ov
from tenderwatch.store.db import Store
from tenderwatch.store.headline import headline
from tenderwatch.store.leadset import lead_chunks
from tenderwatch.store.reviews import add_review


@pytest.fixture()
def reviewed_db(fixture_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "reviewed.db"
    shutil.copy(fixture_db, db)
    with Store(db) as store:
        ids = {path: doc_id for path, doc_id in store.conn.execute("SELECT path, id FROM documents")}
        add_review(store, "notice", ids["a100_2021.txt"], "dismissed", "domestic stock", "test")
        add_review(store, "notice", ids["a800_2023.txt"], "confirmed", "", "test")
        add_review(store, "notice", ids["award_a100.txt"], "follow_up", "", "test")
        finding = store.conn.execute("SELECT id FROM findings WHERE doc_id = ?", (ids["cloud_aws.txt"],)).fetchone()
        add_review(store, "finding", int(finding[0]), "dismissed", "cloud access only", "test")
    return db


def _all_at_once(store: Store, date_from: str, date_to: str, reviewed_only: bool) -> dict[str, Any]:
    numbers, leads = ov.numbers_and_leads(store, date_from, date_to, reviewed_only)
    return numbers | {"top": [ov.lead_summary(lead) for lead in leads if lead["counted"]][:10]}


@pytest.mark.parametrize("size", [1, 3, 2000])
def test_the_summary_read_in_chunks_equals_all_leads_at_once(
        reviewed_db: Path, size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ov, "lead_chunks", functools.partial(lead_chunks, size=size))
    with Store(reviewed_db) as store:
        for date_from, date_to, reviewed_only in (("", "", False), ("", "", True), ("2024-01", "2024-12", False)):
            streamed = ov.overview(store, date_from, date_to, reviewed_only=reviewed_only)
            expected = _all_at_once(store, date_from, date_to, reviewed_only)
            assert {k: streamed[k] for k in expected} == expected
            assert list(streamed["intermediaries"]) == list(expected["intermediaries"])  # same order too
        whole = ov.overview(store)
    # what the store holds, as the in-memory computation gave it before the summary was streamed
    assert {k: whole[k] for k in ("leads", "leads_all", "notices", "dismissed_leads", "confirmed_leads",
                                  "follow_up_leads", "restricted_buyers", "listed_on_date_buyers", "budgets",
                                  "awards", "budget_cny", "award_cny")} == {
        "leads": 6, "leads_all": 8, "notices": 7, "dismissed_leads": 2, "confirmed_leads": 1,
        "follow_up_leads": 1, "restricted_buyers": 2, "listed_on_date_buyers": 1, "budgets": 3, "awards": 2,
        "budget_cny": 4740000.0, "award_cny": 3350000.0}
    assert [t["path"] for t in whole["top"]][:5] == ["award_a100.txt", "a800_2023.txt", "tender_a100.txt",
                                                 "hostile.txt", "szu_cloud_trad.txt"]
    assert whole["top"][2]["copies"] == 1  # the repost joined its tender


def test_notices_without_a_lead_key_are_each_a_lead(reviewed_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(reviewed_db) as store:  # a store written before lead keys (migration 7) has none
        store.conn.execute("UPDATE documents SET lead_key = NULL WHERE path IN ('tender_a100.txt', 'hostile.txt')")
        store.conn.commit()
        expected = _all_at_once(store, "", "", False)
        monkeypatch.setattr(ov, "lead_chunks", functools.partial(lead_chunks, size=1))
        streamed = ov.overview(store)
    assert {k: streamed[k] for k in expected} == expected
    assert streamed["leads_all"] == 9  # the repost is no longer joined to its tender


def _lead(names: list[str], items: list[str]) -> dict[str, Any]:
    doc = {"findings": [{"category": "chip", "item": item, "provider": None, "in_scope": True} for item in items],
           "suppliers": [{"name": name, "id": n} for n, name in enumerate(names)], "hits": [], "buyer_key": "p1",
           "buyer_listed_on_date": False, "amount_cny": None, "notice_date": "2024-01-02", "buyer_name": "b",
           "buyer_class": "university"}
    return {"docs": [doc], "head": doc, "priority": 1.0, "id": 1, "counted": True, "dismissed": False,
            "review_status": None, "rule_status": "restricted"}


def test_equal_counts_keep_the_order_written_whatever_the_hash_seed() -> None:
    # names of one lead were counted as a set: equal counts came in an order that changed with
    # PYTHONHASHSEED, so two runs of the scan summary listed the same intermediaries differently
    names, items = ["甲科技有限公司", "乙科技有限公司", "丙科技有限公司", "丁科技有限公司"], ["A100", "H100", "H20", "L40S"]
    for order in (names, names[::-1]):
        for kinds in (items, items[::-1]):
            numbers = headline(1, 0, [_lead(order, kinds)])
            assert list(numbers["intermediaries"]) == order
            assert list(numbers["by_item"]) == kinds


def test_the_scan_summary_has_no_time_limit_the_workbench_overview_has(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: the summary after a scan ran under the workbench's 30 s limit, so on a store big enough a
    successful scan ended in QueryTimeout. Here every time limit is made to run out at once."""
    from contextlib import contextmanager

    from click.testing import CliRunner

    from tenderwatch.cli.scan_cmds import scan_cmd
    from tenderwatch.store.readlimit import QueryTimeout

    @contextmanager
    def expired(*_args: object) -> Iterator[None]:
        raise QueryTimeout("the query took longer than 30 s and was stopped")
        yield

    monkeypatch.setattr(ov, "time_limit", expired)
    examples = Path(__file__).resolve().parents[2] / "tenderwatch" / "examples"
    result = CliRunner().invoke(scan_cmd, [str(examples), "--db", str(tmp_path / "tw.db"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "in store:" in result.output and "leads in" in result.output
    with Store(tmp_path / "tw.db") as store, pytest.raises(QueryTimeout):
        ov.overview(store)  # the workbench's Overview keeps its limit
