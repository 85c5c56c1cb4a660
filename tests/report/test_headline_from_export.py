"""The headline numbers recomputed from the JSONL export alone, by a second, independent
reading of the definition (tenderwatch/store/leadset.py), and compared with the scan summary,
the Overview, and the HTML, Markdown and JSON reports (issue 9)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from starlette.testclient import TestClient

from tenderwatch.cli.scan_cmds import export_cmd, scan_cmd
from tenderwatch.cli.web_cmds import report_cmd
from tenderwatch.store.db import Store
from tenderwatch.store.reviews import add_review
from tenderwatch.web.app import create_app

ORDER = ("restricted", "restricted_later", "not_restricted")


def _strongest(statuses: list[str]) -> str:
    return next((s for s in ORDER if s in statuses), "not_restricted")


def _live(row: dict[str, Any]) -> list[dict[str, Any]]:
    # (finding-level dismissals are not used here: the export's findings carry no store id)
    return [f for f in row["findings"] if not f["negated"]]


def headline_from_export(rows: list[dict[str, Any]]) -> dict[str, Any]:
    scanned = [r for r in rows if r["status"] != "skipped"]
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in scanned:
        if row["relevant"] and row["status"] == "ok":
            groups.setdefault(row["lead_key"], []).append(row)
    leads = []
    for members in groups.values():
        members.sort(key=lambda r: r["path"])
        decided = [(rv["at"], rv["status"]) for r in members for rv in r["reviews"] if rv["target_type"] == "notice"]
        status = max(decided)[1] if decided else None
        in_scope_left = [f for r in members for f in _live(r) if f["in_scope"]]
        dismissed = status == "dismissed" or not in_scope_left
        leads.append({"docs": members, "dismissed": dismissed,
                      "rule_status": _strongest([f["rule_status"] for r in members for f in _live(r)])})
    counted = [lead for lead in leads if not lead["dismissed"]]
    buyers: dict[str, list[str]] = {}
    for lead in counted:
        for row in lead["docs"]:
            party = next((p for p in row["parties"] if p["role"] == "buyer"), None)
            key = party["key"] if party else row["buyer"]
            if key:
                buyers.setdefault(key, []).append(lead["rule_status"])
    group = {key: _strongest(s) for key, s in buyers.items()}
    amounts: dict[tuple[str, str], dict[str, Any]] = {}
    loose: list[dict[str, Any]] = []
    for lead in counted:
        row = next((r for r in lead["docs"] if r["amount_cny"] is not None), None)
        if row is None:
            continue
        if not row["project_no"]:
            loose.append(row)
            continue
        slot = (row["project_no"], row["amount_kind"] or "budget")
        held = amounts.get(slot)
        if held is None or (row["notice_date"] or "", row["path"]) > (held["notice_date"] or "", held["path"]):
            amounts[slot] = row
    money = loose + list(amounts.values())
    return {
        "documents_scanned": len(scanned),
        "leads": len(counted),
        "dismissed_leads": len(leads) - len(counted),
        "restricted_buyers": sum(1 for g in group.values() if g == "restricted"),
        "restricted_later_buyers": sum(1 for g in group.values() if g == "restricted_later"),
        "not_restricted_buyers": sum(1 for g in group.values() if g == "not_restricted"),
        "budget_cny": sum(r["amount_cny"] for r in money if (r["amount_kind"] or "budget") == "budget"),
        "award_cny": sum(r["amount_cny"] for r in money if r["amount_kind"] == "award"),
    }


def _export(db: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(export_cmd, ["--db", str(db), "--format", "jsonl", "-o", "-"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in io.StringIO(result.stdout) if line.strip()]


def _money(value: float) -> str:
    return f"{value:,.0f}"


@pytest.fixture(scope="module")
def scanned_db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    dev = shared / "corpus" / "dev"
    if not dev.is_dir():
        pytest.skip("no dev corpus")
    db = tmp_path_factory.mktemp("headline") / "dev.db"
    result = CliRunner().invoke(scan_cmd, [str(dev), "--db", str(db)])
    assert result.exit_code in (0, 2), result.output
    return db, result.output


def test_headline_agrees_everywhere_with_the_export(scanned_db: tuple[Path, str], tmp_path: Path) -> None:
    db, summary = scanned_db
    expected = headline_from_export(_export(db))
    assert expected["leads"] > 0 and expected["restricted_buyers"] > 0
    # the scan summary
    assert f"{expected['documents_scanned']} documents scanned" in summary
    assert f"{expected['leads']} leads in" in summary
    assert f"budgets {_money(expected['budget_cny'])} CNY, awards {_money(expected['award_cny'])} CNY" in summary
    _compare_everywhere(db, expected, tmp_path)


def test_a_dismissed_lead_leaves_every_number(scanned_db: tuple[Path, str], tmp_path: Path) -> None:
    db, _ = scanned_db
    with Store(db) as store:  # dismiss the lead with the largest amount, as the reader did
        doc_id = store.conn.execute("SELECT id FROM documents WHERE relevant = 1 AND amount_cny IS NOT NULL"
                                    " ORDER BY amount_cny DESC LIMIT 1").fetchone()[0]
        add_review(store, "notice", doc_id, "dismissed", "a budget for domestic servers", "test")
    rows = _export(db)
    before = headline_from_export([{**r, "reviews": []} for r in rows])
    expected = headline_from_export(rows)
    assert expected["dismissed_leads"] == 1 and expected["leads"] == before["leads"] - 1
    assert expected["budget_cny"] + expected["award_cny"] < before["budget_cny"] + before["award_cny"]
    _compare_everywhere(db, expected, tmp_path)


def _compare_everywhere(db: Path, expected: dict[str, Any], tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("r.json", "r.html", "r.md"):
        result = runner.invoke(report_cmd, ["--db", str(db), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    headline = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["headline"]
    assert {k: headline[k] for k in expected} == pytest.approx(expected)
    report = BeautifulSoup((tmp_path / "r.html").read_text(encoding="utf-8"), "html.parser")
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    with TestClient(create_app(db)) as client:
        overview = BeautifulSoup(client.get("/").text, "html.parser")
    pairs = (("documents_scanned", "#n-scanned", "#r-scanned", "Documents scanned"),
             ("leads", "#n-leads", "#r-leads", "Leads (reposts are one lead)"),
             ("restricted_buyers", "#n-restricted", "#r-restricted", "Entities that sought items restricted on the notice date"),
             ("restricted_later_buyers", "#n-later", "#r-later", "… items restricted only later"),
             ("not_restricted_buyers", "#n-not-restricted", "#r-not", "… only items not restricted on the notice date"))
    for key, page_id, report_id, md_label in pairs:
        assert overview.select_one(page_id).get_text() == str(expected[key]), key
        assert report.select_one(report_id).get_text() == str(expected[key]), key
        assert f"| {md_label} | {expected[key]} |" in md, key
    for key, page_id, report_id in (("budget_cny", "#budget-cny", "#r-budget"), ("award_cny", "#award-cny", "#r-award")):
        assert overview.select_one(page_id).get_text() == _money(expected[key])
        assert report.select_one(report_id).get_text() == _money(expected[key])
    assert overview.select_one("#n-dismissed").get_text().startswith(f"{expected['dismissed_leads']} dismissed")
    assert report.select_one("#r-dismissed").get_text() == f"{expected['dismissed_leads']} dismissed"
