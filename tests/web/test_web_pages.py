"""The workbench pages over a fixture store, through the ASGI app (no browser)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from starlette.testclient import TestClient

from tenderwatch.web.security import CSP


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def lead_paths(client: TestClient, query: str) -> list[str]:
    page = soup(client.get("/leads?" + query).text)
    return [a.get_text() for a in page.select("#leads tr.lead td:nth-of-type(3) > a")]


def test_overview_numbers_match_the_store(client: TestClient, db: Path) -> None:
    page = soup(client.get("/").text)
    with sqlite3.connect(db) as conn:
        documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    # the known answers of tests/web/fixtures/leads.yaml
    assert page.select_one("#n-scanned").get_text() == str(documents) == "10"
    assert page.select_one("#n-leads").get_text() == "8"  # 9 relevant notices, one a repost
    assert page.select_one("#n-dismissed").get_text().startswith("0 dismissed")
    assert page.select_one("#n-restricted").get_text() == "2"
    assert page.select_one("#n-later").get_text() == "1"
    assert page.select_one("#n-not-restricted").get_text() == "3"
    assert page.select_one("#n-listed").get_text() == "1"  # listed on the 2023 notice, not the 2021 one
    # budgets and awards apart, the repost's budget once
    assert page.select_one("#budget-cny").get_text() == "5,430,000"
    assert page.select_one("#award-cny").get_text() == "4,330,000"
    assert "ECB reference rate" in page.select_one("#rate-note").get_text()
    sentences = page.select_one("#headline").get_text()
    assert "2 entities sought items that needed a US export licence on the notice date" in sentences
    assert "A further 1 entity sought items restricted only later" in sentences
    assert "reviewed" not in sentences
    top = page.select("#top tr.lead")
    assert top[0].select_one("td:nth-of-type(3) a").get_text().endswith("中标公告")  # the award: highest priority
    assert "needed a US export licence on the notice date" in top[0].select_one("td.why").get_text()


def test_overview_date_range(client: TestClient) -> None:
    page = soup(client.get("/?date_from=2024-05-01&date_to=2024-06-30").text)
    assert page.select_one("#n-leads").get_text() == "2"


def test_leads_filters_search_sort_and_pages(client: TestClient) -> None:
    assert len(lead_paths(client, "")) == 8  # the domestic-only notice is not a lead; the repost joins its tender
    assert len(lead_paths(client, "all=1")) == 10
    assert len(lead_paths(client, "item=A100")) == 5
    assert len(lead_paths(client, "provider=AWS")) == 2
    assert len(lead_paths(client, "buyer_class=university")) == 3
    assert len(lead_paths(client, "rule_status=restricted")) == 3
    assert len(lead_paths(client, "rule_status=restricted_later")) == 2
    assert sorted(lead_paths(client, "listed=on_date")) == sorted([  # the 2021 notice predates the listing
        "北京示例大学高性能计算平台GPU服务器采购项目中标公告", "中国科学院示例计算技术研究所智能计算加速卡采购项目公开招标公告"])
    assert len(lead_paths(client, "listed=yes")) == 3
    listing = {tr.select_one("td:nth-of-type(3) > a").get_text(): tr.select_one("td.listing").get_text()
               for tr in soup(client.get("/leads?listed=yes").text).select("#leads tr.lead")}
    assert listing["中国科学院示例计算技术研究所GPU加速卡采购项目公开招标公告"] == "only later"
    assert listing["中国科学院示例计算技术研究所智能计算加速卡采购项目公开招标公告"] == "on the notice date"
    assert len(lead_paths(client, "notice_type=award&region=上海")) == 1
    assert len(lead_paths(client, "date_from=2024-04-01&date_to=2024-05")) == 2
    assert len(lead_paths(client, "q=InfiniBand")) == 1  # FTS (trigram)
    assert len(lead_paths(client, "q=H2")) == 1  # short query: LIKE fallback
    amounts = [td.get_text() for td in soup(client.get("/leads?sort=amount&order=asc").text)
               .select("#leads tr.lead td.num:nth-of-type(11)")]
    numbers = [float(a.replace(",", "")) for a in amounts if a]
    assert numbers == sorted(numbers) and len(numbers) == 7
    paged = soup(client.get("/leads?per_page=2&page=2").text)
    assert "page 2 of 4" in paged.select_one("#lead-count").get_text()
    assert len(paged.select("#leads tr.lead")) == 2


def test_leads_sort_by_priority_and_join_reposts(client: TestClient) -> None:
    page = soup(client.get("/leads").text)
    priorities = [float(td.get_text()) for td in page.select("#leads tr.lead td:nth-of-type(13)")]
    assert priorities == sorted(priorities, reverse=True) and priorities[0] > priorities[-1]
    tender = next(tr for tr in page.select("#leads tr.lead") if "公开招标公告" in tr.get_text()
                  and "北京示例大学" in tr.get_text())
    assert "(+1 copy)" in tender.get_text()


def test_search_across_script_and_width_with_snippets(client: TestClient) -> None:
    for q in ("深圳示例大學", "深圳示例大学", "Ａ１００", "ａ１００"):
        paths = lead_paths(client, "q=" + q)
        assert paths, q
    trad = soup(client.get("/leads", params={"q": "深圳示例大学"}).text)
    assert trad.select_one("#leads mark.q").get_text() == "深圳示例大學"  # shown as written
    wide = soup(client.get("/leads", params={"q": "A100"}).text)
    assert {m.get_text() for m in wide.select("#leads mark.q")} >= {"ＮＶＩＤＩＡ　Ａ１００"[-4:]}
    # the search and the A100 filter: the same leads, or the page says why not
    by_text, by_item = set(lead_paths(client, "q=A100")), set(lead_paths(client, "item=A100"))
    notes = wide.select_one("#lead-count").get_text()
    assert by_text == by_item or "item filter" in notes


def test_leads_export_is_the_filtered_list(client: TestClient) -> None:
    import csv
    import io

    response = client.get("/leads.csv", params={"rule_status": "restricted"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["path"] for r in rows) == ["award_a100.txt", "hostile.txt", "tender_a100.txt"]
    assert all(r["rule_status"] == "restricted" for r in rows)
    xlsx = client.get("/leads.xlsx", params={"rule_status": "restricted"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert client.get("/leads.pdf").status_code == 404


def test_hostile_search_input_is_data(client: TestClient) -> None:
    for q in ['" OR 1=1 --', "'; DROP TABLE documents; --", "NEAR(a b)", "%_\\", "*", "NOT x OR y"]:
        response = client.get("/leads", params={"q": q})
        assert response.status_code == 200
        assert soup(response.text).select_one("#lead-count strong").get_text() == "0"
    assert len(lead_paths(client, "")) == 8  # nothing was dropped
    assert lead_paths(client, "q=%22") == ["<script>window.__pwned = 1;</script>恶意示例公司GPU采购公告"]


def test_bad_filter_values_fall_back_to_any(client: TestClient) -> None:
    response = client.get("/leads?page=x&per_page=-5&date_from=yesterday&sort=evil&review=hacked&party=1;2")
    assert response.status_code == 200
    assert len(soup(response.text).select("#leads tr.lead")) == 1  # per_page clamped to 1


def test_notice_highlights_evidence_at_its_span(client: TestClient, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    page = soup(client.get(f"/notice/{doc_id(db, 'tender_a100.txt')}").text)
    marks = page.select("#notice-text mark.ev")
    assert [m.get_text() for m in marks] == ["NVIDIA A100 80GB GPU 8块"]
    text = page.select_one("#notice-text").get_text()
    raw = (Path(__file__).parent / "fixtures/notices/tender_a100.txt").read_text(encoding="utf-8")
    assert text == raw  # the whole text, unchanged, around the highlight
    assert "not proof" in page.select_one("#lead-notice").get_text()
    assert "3A090.a" in page.get_text()
    fields = page.select_one("#fields").get_text()
    assert "BJSL-2024-0315" in fields and "2024年03月15日" in fields
    related = page.select_one("#related").get_text()
    assert "中标公告" in related and "北京星河示例科技有限公司" in related


def test_hostile_notice_is_inert_markup(client: TestClient, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    response = client.get(f"/notice/{doc_id(db, 'hostile.txt')}")
    assert response.headers["content-security-policy"] == CSP
    page = soup(response.text)
    assert page.find("script") is None and page.find("iframe") is None and page.find("svg") is None
    assert page.find("img") is None
    assert not page.select("a[href^='javascript']")
    assert not [t for t in page.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    assert "<script>window.__pwned = 1;" in page.select_one("#notice-text").get_text()
    assert page.select_one("#notice-text mark.ev").get_text().startswith("H100 GPU 16块 <img")
    for url in ("/", "/leads", "/reviews"):
        assert BeautifulSoup(client.get(url).text, "html.parser").find("script") is None


def test_party_page_shows_names_hits_notices_and_counterparties(client: TestClient, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        supplier = conn.execute("SELECT id FROM parties WHERE name = '北京星河示例科技有限公司'").fetchone()[0]
        buyer = conn.execute("SELECT id FROM parties WHERE name = '北京示例大学'").fetchone()[0]
    page = soup(client.get(f"/party/{supplier}").text)
    assert page.select_one("#party-name").get_text() == "北京星河示例科技有限公司"
    assert "Entity List (test)" in page.get_text() and "same city" in page.get_text()
    assert "北京示例大学" in page.select_one("#counterparties").get_text()
    buyer_page = soup(client.get(f"/party/{buyer}").text)
    assert buyer_page.select_one("#party-class").get_text() == "university"
    assert len(buyer_page.select("#party-notices tbody tr")) == 3  # tender, its repost, award
    assert client.get("/party/99999").status_code == 404
    assert client.get("/notice/99999").status_code == 404


def test_huge_ids_are_not_found_not_errors(client: TestClient) -> None:
    for url in ("/notice/99999999999999999999999", "/party/99999999999999999999999",
                "/leads?party=99999999999999999999999"):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["content-security-policy"] == CSP


def _csrf(client: TestClient, url: str) -> str:
    html = client.get(url).text
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match and client.cookies.get("tw_csrf") == match.group(1)
    return match.group(1)


def test_review_is_recorded_in_the_audit_trail(client: TestClient, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    doc = doc_id(db, "award_a100.txt")
    token = _csrf(client, f"/notice/{doc}")
    form = {"csrf": token, "target_type": "notice", "target_id": str(doc), "status": "confirmed",
            "note": "award names the reseller <b>", "who": "analyst"}
    response = client.post("/review", data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith(f"/notice/{doc}")
    client.post("/review", data={**form, "status": "follow_up", "note": "ask the buyer"})
    with sqlite3.connect(db) as conn:
        trail = conn.execute("SELECT status, previous_status, note, who FROM reviews WHERE doc_id = ? ORDER BY id",
                             (doc,)).fetchall()
    assert trail == [("confirmed", None, "award names the reseller <b>", "analyst"),
                     ("follow_up", "confirmed", "ask the buyer", "analyst")]
    page = soup(client.get(f"/notice/{doc}").text)
    audit = page.select_one("#audit").get_text()
    assert "award names the reseller <b>" in audit and "confirmed → needs follow-up" in audit
    assert page.select_one("#notice-status").get_text() == "needs follow-up"
    assert len(lead_paths(client, "review=follow_up")) == 1
    assert len(lead_paths(client, "review=none")) == 7
    with sqlite3.connect(db) as conn:
        finding = conn.execute("SELECT id FROM findings WHERE doc_id = ?", (doc,)).fetchone()[0]
    client.post("/review", data={**form, "target_type": "finding", "target_id": str(finding), "status": "dismissed"})
    assert "dismissed" in soup(client.get("/reviews").text).select_one("#trail").get_text()


def test_bulk_review_says_so_on_the_leads_page(client: TestClient, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    token = _csrf(client, "/leads?rule_status=not_restricted")
    ids = [str(doc_id(db, p)) for p in ("cloud_aws.txt", "h20_rental.txt")]
    form = {"csrf": token, "status": "dismissed", "note": "remote access, not an export",
            "back": "rule_status=not_restricted", "ids": ids}
    response = client.post("/review/bulk", data=form, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/leads?rule_status=not_restricted&msg=")
    page = soup(client.get(response.headers["location"]).text)
    assert page.select_one("#flash").get_text() == "2 leads marked dismissed"
    with sqlite3.connect(db) as conn:
        notes = conn.execute("SELECT note FROM reviews WHERE status = 'dismissed'").fetchall()
    assert notes == [("remote access, not an export",)] * 2
    overview = soup(client.get("/").text)
    assert overview.select_one("#n-leads").get_text() == "6"  # dismissed leads leave the counts
    assert overview.select_one("#n-dismissed").get_text().startswith("2 dismissed")


def test_long_review_note_is_refused_with_a_reason(client: TestClient, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    doc = doc_id(db, "award_a100.txt")
    token = _csrf(client, f"/notice/{doc}")
    form = {"csrf": token, "target_type": "notice", "target_id": str(doc), "status": "confirmed", "note": "x" * 5000}
    response = client.post("/review", data=form)
    assert response.status_code == 400 and "the limit is 4,000" in response.text
    huge = client.post("/review", data={**form, "note": "", "target_id": "9" * 25})
    assert huge.status_code == 400


def test_review_refused_without_csrf_or_with_bad_input(client: TestClient, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    doc = doc_id(db, "award_a100.txt")
    form = {"target_type": "notice", "target_id": str(doc), "status": "confirmed"}
    assert client.post("/review", data=form).status_code == 403
    token = _csrf(client, f"/notice/{doc}")
    assert client.post("/review", data={**form, "csrf": "forged"}).status_code == 403
    assert client.post("/review", data={**form, "csrf": token, "status": "approved"}).status_code == 400
    assert client.post("/review", data={**form, "csrf": token, "target_id": "x"}).status_code == 400
    assert client.post("/review", data={**form, "csrf": token, "target_id": "424242"}).status_code == 400
    evil = client.post("/review", data={**form, "csrf": token}, headers={"origin": "http://evil.example"})
    assert evil.status_code == 403
    assert client.get("/review").status_code == 405
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0


def test_writes_need_the_operator_token_when_required(db: Path, doc_id: Callable[[Path, str], int]) -> None:
    from tenderwatch.web.app import create_app

    with TestClient(create_app(db, token="s3cret", writes_need_token=True)) as c:
        doc = doc_id(db, "cloud_aws.txt")
        token = _csrf(c, f"/notice/{doc}")
        assert 'name="token"' in c.get(f"/notice/{doc}").text
        form = {"csrf": token, "target_type": "notice", "target_id": str(doc), "status": "dismissed"}
        assert c.post("/review", data=form).status_code == 403
        assert c.post("/review", data={**form, "token": "wrong"}).status_code == 403
        assert c.post("/review", data={**form, "token": "s3cret"}, follow_redirects=False).status_code == 303


def test_overview_follows_a_scan_by_another_connection(client: TestClient, db: Path) -> None:
    assert soup(client.get("/").text).select_one("#n-leads").get_text() == "8"
    with sqlite3.connect(db) as conn:  # as a scan running beside the server would
        conn.execute("UPDATE documents SET relevant = 0 WHERE path = 'h20_rental.txt'")
    assert soup(client.get("/").text).select_one("#n-leads").get_text() == "7"


def test_other_host_names_are_refused_when_asked(db: Path) -> None:
    from tenderwatch.web.app import create_app

    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "rebound.example:8765"}).status_code == 400


def test_every_party_name_on_overview_and_leads_links_to_its_page(client: TestClient) -> None:
    overview = soup(client.get("/").text)
    links = {a.get_text(): a["href"] for a in overview.select("#intermediaries a")}
    assert set(links) == {"北京星河示例科技有限公司", "上海云途示例信息技术有限公司", "成都示例运达科技有限公司"}
    assert all(href.startswith("/party/") for href in links.values())
    leads = soup(client.get("/leads").text)
    for row in leads.select("#leads tr.lead"):
        buyer = row.select_one("td:nth-of-type(5) a")
        assert buyer is not None and buyer["href"].startswith("/party/")
    assert client.get(links["北京星河示例科技有限公司"]).status_code == 200
