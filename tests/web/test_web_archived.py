"""Provenance on the Notice page and the archived copy: a real store built by scanning WARC files
written with warcio, served by the real app (TestClient and headless Chromium)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from warcbuild import Rec, build_warc, notice_html

from tenderwatch.scan import scan
from tenderwatch.store.db import Store
from tenderwatch.web.app import create_app

URL = "http://www.ccgp.gov.cn/cggg/dfgg/gkzb/202403/t20240301_7.htm"
RECORD_URL = "https://www.example.cn/notice/r1.html"
HOSTILE = "<script>window.__pwned = 1; alert('archived')</script><img src=x onerror=alert(2)>"
OLD_TITLE = "北京示例大学GPU服务器采购项目公开招标公告"
NEW_TITLE = "北京示例大学GPU服务器采购项目更正公告"


def _page(title: str, date: str) -> Rec:
    html = notice_html(title=title).replace("</body>", f"<div>{HOSTILE}</div></body>")
    return Rec(URL, html.encode("gbk"), headers=[("Content-Type", "text/html; charset=GBK"),
                                                 ("Server", "ccgp-test")], date=date)


def _build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "march.warc.gz").write_bytes(build_warc([_page(OLD_TITLE, "2024-03-01T08:00:00Z")]))
    (folder / "april.warc.gz").write_bytes(build_warc([_page(NEW_TITLE, "2024-04-02T09:30:00Z")]))
    (folder / "plain.txt").write_text("北京示例大学办公家具采购公告\n采购内容：办公桌10张。\n", encoding="utf-8")
    record = {"id": "r1", "title": "示例学院办公家具采购公告", "content": "采购办公桌10张。", "detailUrl": RECORD_URL}
    (folder / "crawl.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db = folder / "tw.db"
    with Store(db) as store:
        scan([folder / "march.warc.gz", folder / "april.warc.gz", folder / "plain.txt", folder / "crawl.jsonl"],
             store)
    return db


def _doc(db: Path, path_like: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT id FROM documents WHERE path LIKE ?", (path_like,)).fetchone()[0])


@pytest.fixture(scope="module")
def warc_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("archived"))


@pytest.fixture()
def warc_client(warc_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(warc_db), base_url="http://127.0.0.1:8765") as c:
        yield c


def test_notice_page_says_where_and_when_it_was_fetched(warc_client: TestClient, warc_db: Path) -> None:
    html = warc_client.get(f"/notice/{_doc(warc_db, URL)}").text
    assert "Published at" in html and f'href="{URL}"' in html
    assert "fetched on <time datetime=\"2024-04-02T09:30:00Z\">" in html
    assert f'href="/notice/{_doc(warc_db, URL)}/archived"' in html and "april.warc.gz" in html
    plain = warc_client.get(f"/notice/{_doc(warc_db, '%plain.txt')}").text
    assert 'id="provenance"' not in plain and "archived copy" not in plain  # read from a file: no fetch
    record = warc_client.get(f"/notice/{_doc(warc_db, '%crawl.jsonl%')}").text  # the input gave a URL only
    assert "Published at" in record and f'href="{RECORD_URL}"' in record
    assert "fetched on" not in record and "archived copy" not in record


def test_archived_copy_is_the_newest_body_as_escaped_text(warc_client: TestClient, warc_db: Path) -> None:
    doc_id = _doc(warc_db, URL)
    response = warc_client.get(f"/notice/{doc_id}/archived")
    assert response.status_code == 200
    assert "script-src" not in response.headers["content-security-policy"] or \
        "'none'" in response.headers["content-security-policy"]
    html = response.text
    assert NEW_TITLE in html  # decoded from GBK
    assert "&lt;script&gt;window.__pwned" in html and "<script>" not in html and "<img" not in html
    assert "april.warc.gz" in html and "&lt;urn:uuid:" in html and "sha1:" in html
    assert "ccgp-test" in html  # the HTTP headers as archived
    with sqlite3.connect(warc_db) as conn:
        (old_id,) = conn.execute("SELECT id FROM fetches WHERE fetched_at LIKE '2024-03%'").fetchone()
    assert f'href="/fetch/{old_id}"' in html  # the history links to the older version
    older = warc_client.get(f"/fetch/{old_id}").text
    assert OLD_TITLE in older and "march.warc.gz" in older and NEW_TITLE not in older.split("<h2>Every")[0]


def test_archived_copy_of_unknown_or_unfetched_notice(warc_client: TestClient, warc_db: Path) -> None:
    assert warc_client.get("/notice/999999/archived").status_code == 404
    assert warc_client.get("/fetch/999999").status_code == 404
    plain = warc_client.get(f"/notice/{_doc(warc_db, '%plain.txt')}/archived")
    assert plain.status_code == 200 and "none (not archived in a WARC file)" in plain.text


# -- in Chromium ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def warc_server(warc_db: Path) -> Iterator[str]:
    from browserkit import serve

    with serve(create_app(warc_db)) as url:
        yield url


@pytest.mark.browser
def test_provenance_line_and_archived_copy_in_chromium(warc_server: str, warc_db: Path) -> None:
    browser_test = pytest.importorskip("test_web_browser")
    if not browser_test.CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    sync_api = browser_test.sync_api
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(browser_test.CHROMIUM), args=browser_test.ARGS)
        try:
            page: Any = chromium.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.set_default_timeout(10_000)
            page.goto(f"{warc_server}/notice/{_doc(warc_db, URL)}")
            line = page.inner_text("#provenance")
            assert URL in line and "fetched on 2024-04-02T09:30:00Z" in line and "archived copy" in line
            browser_test.shot(page, "notice-provenance")
            page.click("#archived-link")
            page.wait_for_load_state("load")
            body = page.inner_text("#archived-body")
            assert NEW_TITLE in body and "<script>window.__pwned" in body  # shown, not run
            assert page.evaluate("() => typeof window.__pwned") == "undefined"
            assert page.evaluate("() => document.scripts.length") == 0
            assert page.locator("#archived-body img").count() == 0 and dialogs == []
            assert page.inner_text("#warc-file").startswith("april.warc.gz")
            assert page.inner_text("#warc-record-id").startswith("<urn:uuid:")
            assert page.inner_text("#payload-digest").startswith("sha1:")
            browser_test.shot(page, "archived-copy")
        finally:
            chromium.close()


def test_archived_copy_of_a_record_in_a_json_answer_names_both_urls(tmp_path: Path) -> None:
    answer = {"data": [{"id": "n1", "title": "示例学院GPU服务器采购公告", "content": notice_html(3),
                        "url": "http://a.cn/n1.html"}]}
    warc = tmp_path / "api.warc.gz"
    warc.write_bytes(build_warc([Rec("http://a.cn/api/list", json.dumps(answer, ensure_ascii=False).encode(),
                                     headers=[("Content-Type", "application/json")])]))
    db = tmp_path / "tw.db"
    with Store(db) as store:
        scan([warc], store)
    with TestClient(create_app(db), base_url="http://127.0.0.1:8765") as client:
        doc_id = _doc(db, "http://a.cn/api/list#%")
        assert 'href="http://a.cn/n1.html"' in client.get(f"/notice/{doc_id}").text
        html = client.get(f"/notice/{doc_id}/archived").text
    assert 'id="fetched-url">http://a.cn/api/list<' in html and "Notice URL" in html
    assert "示例学院GPU服务器采购公告" in html  # the answer's body


def test_archived_bytes_download_as_an_attachment(warc_client: TestClient, warc_db: Path) -> None:
    html = warc_client.get(f"/notice/{_doc(warc_db, URL)}/archived").text
    (fetch_id,) = re.findall(r'href="/fetch/(\d+)/body"', html)
    response = warc_client.get(f"/fetch/{fetch_id}/body")
    assert response.status_code == 200 and response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"] == 'attachment; filename="t20240301_7.htm"'
    assert response.headers["x-content-type-options"] == "nosniff"
    assert NEW_TITLE in response.content.decode("gbk")  # the bytes as served
    assert warc_client.get("/fetch/999999/body").status_code == 404
