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
    return [a.get_text() for a in page.select("#leads tr.lead td:nth-of-type(2) a")]


def test_overview_numbers_match_the_store(client: TestClient, db: Path) -> None:
    page = soup(client.get("/").text)
    with sqlite3.connect(db) as conn:
        documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        relevant = conn.execute("SELECT COUNT(*) FROM documents WHERE relevant = 1").fetchone()[0]
        buyers = conn.execute(
            "SELECT COUNT(DISTINCT dp.party_id) FROM doc_parties dp JOIN documents d ON d.id = dp.doc_id"
            " WHERE d.relevant = 1 AND dp.role = 'buyer'").fetchone()[0]
        aws = conn.execute(
            "SELECT COUNT(DISTINCT dp.party_id) FROM doc_parties dp JOIN findings f ON f.doc_id = dp.doc_id"
            " JOIN documents d ON d.id = dp.doc_id WHERE d.relevant = 1 AND dp.role = 'buyer'"
            " AND f.provider = 'AWS' AND f.negated = 0").fetchone()[0]
    assert page.select_one("#n-documents").get_text() == str(documents) == "6"
    assert page.select_one("#n-relevant").get_text() == str(relevant) == "5"
    assert page.select_one("#n-entities").get_text() == str(buyers) == "4"
    assert page.select_one("#n-aws").get_text() == str(aws) == "1"
    # tender and award of one project count once (the award): 3,150,000 + 980,000 + 500,000
    assert page.select_one("#total-cny").get_text() == "4,630,000"
    usd = float(page.select_one("#total-usd").get_text().replace(",", ""))
    assert 4_630_000 * 0.12 < usd < 4_630_000 * 0.16
    assert "ECB reference rate" in page.select_one("#rate-note").get_text()


def test_overview_date_range(client: TestClient) -> None:
    page = soup(client.get("/?date_from=2024-05-01&date_to=2024-06-30").text)
    assert page.select_one("#n-relevant").get_text() == "2"


def test_leads_filters_search_sort_and_pages(client: TestClient) -> None:
    assert len(lead_paths(client, "")) == 5  # the domestic-only notice is not a lead
    assert len(lead_paths(client, "all=1")) == 6
    assert len(lead_paths(client, "item=A100")) == 3
    assert lead_paths(client, "provider=AWS") == ["示例研究所大模型训练云服务采购项目成交公告"]
    assert len(lead_paths(client, "buyer_class=university")) == 2
    assert len(lead_paths(client, "listed=yes")) == 1
    assert len(lead_paths(client, "notice_type=award&region=上海")) == 1
    assert len(lead_paths(client, "date_from=2024-04-01&date_to=2024-05")) == 2
    assert len(lead_paths(client, "q=InfiniBand")) == 1  # FTS (trigram)
    assert len(lead_paths(client, "q=H2")) == 1  # short query: LIKE fallback
    assert len(lead_paths(client, "q=算力")) == 1
    amounts = [td.get_text() for td in soup(client.get("/leads?sort=amount&order=asc").text)
               .select("#leads tr.lead td.num")]
    numbers = [float(a.replace(",", "")) for a in amounts if a]
    assert numbers == sorted(numbers) and len(numbers) == 4
    paged = soup(client.get("/leads?per_page=2&page=2").text)
    assert "page 2 of 3" in paged.select_one("#lead-count").get_text()
    assert len(paged.select("#leads tr.lead")) == 2


def test_hostile_search_input_is_data(client: TestClient) -> None:
    for q in ['" OR 1=1 --', "'; DROP TABLE documents; --", "NEAR(a b)", "%_\\", "*", "NOT x OR y"]:
        response = client.get("/leads", params={"q": q})
        assert response.status_code == 200
        assert soup(response.text).select_one("#lead-count strong").get_text() == "0"
    assert len(lead_paths(client, "")) == 5  # nothing was dropped
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
    assert len(buyer_page.select("#party-notices tbody tr")) == 2
    assert client.get("/party/99999").status_code == 404
    assert client.get("/notice/99999").status_code == 404


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
    assert len(lead_paths(client, "review=none")) == 4
    with sqlite3.connect(db) as conn:
        finding = conn.execute("SELECT id FROM findings WHERE doc_id = ?", (doc,)).fetchone()[0]
    client.post("/review", data={**form, "target_type": "finding", "target_id": str(finding), "status": "dismissed"})
    assert "dismissed" in soup(client.get("/reviews").text).select_one("#trail").get_text()


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
    assert soup(client.get("/").text).select_one("#n-relevant").get_text() == "5"
    with sqlite3.connect(db) as conn:  # as a scan running beside the server would
        conn.execute("UPDATE documents SET relevant = 0 WHERE path = 'h20_rental.txt'")
    assert soup(client.get("/").text).select_one("#n-relevant").get_text() == "4"


def test_other_host_names_are_refused_when_asked(db: Path) -> None:
    from tenderwatch.web.app import create_app

    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "rebound.example:8765"}).status_code == 400
