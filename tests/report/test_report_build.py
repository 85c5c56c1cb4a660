"""The report (HTML / Markdown / JSON) built from a store: numbers, charts, graph, safety."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
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
    numbers = data["numbers"]
    with sqlite3.connect(fixture_db) as conn:
        assert numbers["documents"] == conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        assert numbers["relevant"] == conn.execute("SELECT SUM(relevant) FROM documents").fetchone()[0]
    assert (numbers["entities_sought"], numbers["entities_aws"]) == (4, 1)
    assert set(numbers["intermediaries"]) == {"北京星河示例科技有限公司", "上海云途示例信息技术有限公司"}
    assert data["headline"].startswith("6 documents reviewed, 4 entities sought restricted chips or US cloud, 1 named AWS")
    assert numbers["total_cny"] == 3_150_000 + 980_000 + 500_000  # the tender's budget is not counted twice
    assert numbers["by_item"] == {"A100": 3, "H20": 1, "H100": 1}
    assert data["leads_per_month"] == {"2024-03": 1, "2024-04": 1, "2024-05": 1, "2024-06": 1, "2024-08": 1}
    university = next(e for e in data["entities"] if e["buyer"] == "北京示例大学")
    assert university["type"] == "university" and university["intermediaries"] == ["北京星河示例科技有限公司"]
    assert university["amount_cny"] == 3_150_000 and len(university["notices"]) == 2
    (rate,) = university["rates"]
    assert rate.startswith("1 CNY = 0.13")
    assert rate.endswith("ECB reference rates of 2024-04-19 (previous publication day for 2024-04-20)")
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
    assert len(page.select("svg.chart")) == 4 and len(page.select("svg.graph")) == 1
    labels = [t.get_text() for t in page.select_one("svg.graph").find_all("text")]
    assert labels.count("北京示例大学") == 1 and "北京星河示例科技有限公司" in labels and "AWS" in labels
    assert len(page.select("#entities tbody tr")) == 4
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned" in html


def test_markdown_and_json_carry_the_same_content(fixture_db: Path) -> None:
    data = _data(fixture_db)
    md = render(data, "md")
    assert data["headline"] in md
    assert "| 北京示例大学 | university | no | A100 |" in md
    assert "<script>" not in md and "<b onmouseover" not in md
    again = json.loads(render(data, "json"))
    assert again["numbers"] == json.loads(json.dumps(data["numbers"]))
    with pytest.raises(ValueError):
        render(data, "pdf")


def test_report_command_writes_each_format(fixture_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("r.html", "r.md", "r.json"):
        result = runner.invoke(report_cmd, ["--db", str(fixture_db), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["numbers"]["documents"] == 6
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
    numbers = data["numbers"]
    relevant = [row for row in rows if row["relevant"]]
    by_category = Counter(c for row in relevant for c in row["categories"])
    assert numbers["documents"] == len(rows) > 0  # the report agrees with the export rows
    assert numbers["failed"] == sum(row["status"] == "failed" for row in rows)
    assert numbers["relevant"] == len(relevant)
    assert numbers["by_category"] == dict(by_category)
    assert sum(data["leads_per_month"].values()) == numbers["relevant"]
    assert len(data["notices"]) == numbers["relevant"]
    page = BeautifulSoup(render(data, "html"), "html.parser")
    assert len(page.select("svg.chart")) == 4 and len(page.select("svg.graph")) == 1
    assert page.select_one("#headline").get_text() == data["headline"]
