"""The report (HTML / Markdown / JSON) built from a store: numbers, charts, graph, safety."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tenderwatch.cli.web_cmds import report_cmd
from tenderwatch.report.build import render, report_data
from tenderwatch.store.db import Store
from tenderwatch.store.queries import iter_rows


def _data(db: Path) -> dict:
    with Store(db, readonly=True) as store:
        return report_data(store)


def test_report_numbers_match_the_store(fixture_db: Path) -> None:
    data = _data(fixture_db)
    h = data["headline"]
    with sqlite3.connect(fixture_db) as conn:
        assert h["documents_scanned"] == conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 10
        assert h["notices"] == conn.execute("SELECT SUM(relevant) FROM documents").fetchone()[0] == 9
    # the known answers of tests/web/fixtures/leads.yaml: the repost joins its tender
    assert h["leads"] == 8 and h["dismissed_leads"] == 0
    assert (h["restricted_buyers"], h["restricted_later_buyers"], h["not_restricted_buyers"]) == (2, 1, 3)
    assert h["listed_on_date_buyers"] == 1  # the institute on its 2023 notice, not its 2021 one
    assert set(h["intermediaries"]) == {"北京星河示例科技有限公司", "上海云途示例信息技术有限公司", "成都示例运达科技有限公司"}
    assert data["sentences"][0].startswith(
        "10 documents scanned: 2 entities sought items that needed a US export licence on the notice date")
    assert "A further 1 entity sought items restricted only later, and 3 only" in data["sentences"][1]
    # budgets and awards apart; the repost's budget counted once
    assert h["budget_cny"] == 3_200_000 + 1_040_000 + 690_000 + 500_000
    assert h["award_cny"] == 3_150_000 + 980_000 + 200_000
    assert h["by_rule_status"]["restricted"]["budget_cny"] == 3_200_000 + 500_000
    assert h["by_item"] == {"A100": 5, "A800": 1, "H100": 1, "H20": 1}
    months = list(data["leads_per_month"])
    assert months[0] == "2021-10" and months[-1] == "2024-08" and len(months) == 35  # continuous
    assert data["leads_per_month"]["2022-05"] == 0
    assert list(data["budget_cny_per_month"]) == months == list(data["award_cny_per_month"])
    university = next(e for e in data["entities"] if e["buyer"] == "北京示例大学")
    assert university["type"] == "university" and university["intermediaries"] == ["北京星河示例科技有限公司"]
    assert (university["budget_cny"], university["award_cny"]) == (3_200_000, 3_150_000)
    assert any(r.endswith("ECB reference rates of 2024-04-19 (previous publication day for 2024-04-20)")
               for r in university["rates"])
    tender = next(n for n in data["notices"] if n["path"] == "tender_a100.txt")
    assert [c["path"] for c in tender["copies"]] == ["tender_a100_repost.txt"]
    assert data["notices"][0]["path"] == "award_a100.txt"  # highest priority first
    flow = [(e["from"], e["to"], e["layer"], e["projects"]) for e in data["flow"]]
    # the tender named no supplier; its award (same project number) did: one project, one path
    assert ("北京示例大学", "北京星河示例科技有限公司", "buyer-intermediary", 1) in flow
    assert ("北京星河示例科技有限公司", "A100", "intermediary-provider", 1) in flow
    assert not [e for e in flow if e[0] == "北京示例大学" and e[1] != "北京星河示例科技有限公司"]


def test_html_report_is_self_contained_with_charts_and_graph(fixture_db: Path) -> None:
    html = render(_data(fixture_db), "html")
    page = BeautifulSoup(html, "html.parser")
    assert page.find("script") is None and page.find("link") is None and page.find("img") is None
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert len(page.select("svg.chart")) == 5 and len(page.select("svg.graph")) == 1
    assert "spend" not in html.lower()
    labels = [t.get_text() for t in page.select_one("svg.graph").find_all("text")]
    assert labels.count("北京示例大学") == 1 and "北京星河示例科技有限公司" in labels and "AWS" in labels
    assert len(page.select("#entities tbody tr")) == 6
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned" in html
    assert "@media print" in html


def test_markdown_and_json_carry_the_same_content(fixture_db: Path) -> None:
    data = _data(fixture_db)
    md = render(data, "md")
    assert all(sentence in md for sentence in data["sentences"])
    assert "| 北京示例大学 | university | restricted | no | A100 |" in md
    assert "<script>" not in md and "<b onmouseover" not in md
    again = json.loads(render(data, "json"))
    assert again["headline"] == json.loads(json.dumps(data["headline"]))
    with pytest.raises(ValueError):
        render(data, "pdf")


def test_report_command_writes_each_format(fixture_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("r.html", "r.md", "r.json"):
        result = runner.invoke(report_cmd, ["--db", str(fixture_db), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    headline = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["headline"]
    keys = {"documents_scanned", "leads", "restricted_buyers", "restricted_later_buyers", "not_restricted_buyers",
            "dismissed_leads", "listed_on_date_buyers", "budget_cny", "award_cny"}
    assert keys <= set(headline) and headline["documents_scanned"] == 10
    reviewed = runner.invoke(report_cmd, ["--db", str(fixture_db), "-o", str(tmp_path / "v.md"), "--reviewed-only"])
    assert reviewed.exit_code == 0, reviewed.output
    assert "reviewed leads only" in (tmp_path / "v.md").read_text(encoding="utf-8")
    missing = runner.invoke(report_cmd, ["--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "x.html")])
    assert missing.exit_code != 0 and "no scan store" in missing.output


def test_report_on_the_dev_corpus(shared: Path, tmp_path: Path) -> None:
    from tenderwatch.scan import scan

    dev = shared / "corpus" / "dev"
    if not dev.is_dir():
        pytest.skip("no dev corpus")
    db = tmp_path / "dev.db"
    with Store(db) as store:
        scan([dev], store, timeout=60)
        rows = [row for row in iter_rows(store) if row["status"] != "skipped"]
        data = report_data(store)
    h = data["headline"]
    relevant = [row for row in rows if row["relevant"]]
    assert h["documents_scanned"] == len(rows) > 0  # the report agrees with the export rows
    assert h["failed"] == sum(row["status"] == "failed" for row in rows)
    assert h["notices"] == len(relevant)
    assert h["leads"] == len({row["lead_key"] for row in relevant})
    assert sum(data["leads_per_month"].values()) == h["leads"] == len(data["notices"])
    page = BeautifulSoup(render(data, "html"), "html.parser")
    assert len(page.select("svg.chart")) == 5 and len(page.select("svg.graph")) == 1
    assert page.select_one("#headline").get_text(" ", strip=True) == " ".join(data["sentences"])
