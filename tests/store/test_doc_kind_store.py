"""Document kind end to end: scan into a real SQLite store, then the Leads filter and badge, the Notice
page's kind and context list, the party page, the report's context counts and the flat export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner
from starlette.testclient import TestClient

from tenderwatch.cli.main import main
from tenderwatch.report.build import report_data
from tenderwatch.scan import scan
from tenderwatch.store.db import Store
from tenderwatch.store.leads import LeadFilter, query_leads
from tenderwatch.web.app import create_app
from tenderwatch.web.forms import filter_from_query, filter_query, lead_filter

NOTICE = """青禾学院智能计算平台采购项目公开招标公告
一、项目基本情况
项目编号：QHXY-2024-033
采购人：青禾学院
预算金额：2,300,000.00元
采购需求：GPU服务器3台，每台配置8块NVIDIA H800 80GB
发布日期：2024年8月12日
"""

NEWS = """晨光日报讯（记者 乔思远）据了解，青禾学院近日发布招标公告，采购人：青禾学院。拟采购搭载H800芯片的
GPU服务器3台，预算金额230万元。业内人士告诉记者，高校此类采购今年明显增多。
责任编辑：欧阳青
"""


def _store(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "news.txt").write_text(NEWS, encoding="utf-8")
    db = tmp_path / "kinds.db"
    with Store(db) as store:
        scan([folder], store)
    return db


def test_kinds_reach_the_leads_filter_notice_page_party_page_report_and_export(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with Store(db) as store:
        leads = query_leads(store, LeadFilter())
        assert [r["path"].rsplit("/", 1)[-1] for r in leads.rows] == ["notice.txt"]
        every = query_leads(store, LeadFilter(all_notices=True, doc_kind="news"))
        assert [(r["path"].rsplit("/", 1)[-1], r["doc_kind"]) for r in every.rows] == [("news.txt", "news")]
        data = report_data(store)
    assert data["kinds"]["news"] == {"documents": 1, "leads": 0, "with_findings": 1}
    assert data["kinds"]["notice"]["leads"] == 1
    assert [c["doc_kind"] for c in data["context"]] == ["news"]
    assert data["context"][0]["mentions"] == ["青禾学院"]
    assert len(data["notices"]) == 1

    client = TestClient(create_app(db))
    page = BeautifulSoup(client.get("/leads?all=1&doc_kind=news").text, "html.parser")
    assert [s.get_text() for s in page.select("#leads tr.lead span.kind")] == ["news"]
    assert "news" in [o.get_text() for o in page.select("select[name=doc_kind] option")]
    notice_id = leads.rows[0]["id"]
    page = BeautifulSoup(client.get(f"/notice/{notice_id}").text, "html.parser")
    assert page.select_one("#doc-kind").get_text() == "notice"
    context = page.select("#context li")
    assert len(context) == 1 and "news" in context[0].get_text() and "青禾学院" in context[0].get_text()
    news_id = every.rows[0]["id"]
    page = BeautifulSoup(client.get(f"/notice/{news_id}").text, "html.parser")
    assert page.select_one("#doc-kind").get_text() == "news"
    assert "byline" in page.select_one("#kind-reasons").get_text()
    party = page.select_one("a[href^='/party/']")
    assert party is not None
    page = BeautifulSoup(client.get(party["href"]).text, "html.parser")
    roles = {tuple(td.get_text() for td in tr.select("td")[1:3]) for tr in page.select("#party-notices tbody tr")}
    assert any(role == "mention" and "news" in title for title, role in roles)

    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = {r["path"].rsplit("/", 1)[-1]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
    assert rows["news.txt"]["doc_kind"] == "news" and rows["notice.txt"]["doc_kind"] == "notice"


def test_show_prints_the_kind_and_its_reasons(tmp_path: Path) -> None:
    db = _store(tmp_path)
    result = CliRunner().invoke(main, ["show", "--db", str(db), "news.txt"])
    assert result.exit_code == 0, result.output
    assert "kind: news" in result.output and "byline" in result.output


def test_a_saved_search_keeps_the_document_kind_filter() -> None:
    query = filter_query(lead_filter({"doc_kind": "news", "all": "1", "page": "3"}))
    assert "doc_kind=news" in query and "page" not in query
    assert filter_from_query(query).doc_kind == "news"
