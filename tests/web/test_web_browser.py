"""Drive the real workbench pages in headless Chromium (Debian's chromium, Playwright's Python API).

Skipped when /usr/bin/chromium or Playwright is missing. Screenshots of each page go
to test-output/screenshots/.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import ARGS, CHROMIUM, serve

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def db(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the fixture store for this module's server."""
    import shutil

    copy = tmp_path_factory.mktemp("browser") / "store.db"
    shutil.copy(built_db, copy)
    return copy


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    from tenderwatch.web.app import create_app

    with serve(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        pg = context.new_page()
        pg.dialogs = []  # type: ignore[attr-defined]

        def on_dialog(dialog: Any) -> None:
            pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
            dialog.dismiss()

        pg.on("dialog", on_dialog)
        pg.set_default_timeout(10_000)
        yield pg
    finally:
        context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_overview_headline_split_by_rule_status(page: Any, server: str, db: Path) -> None:
    page.goto(server + "/")
    with sqlite3.connect(db) as conn:
        documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    # the known answers of tests/web/fixtures/leads.yaml
    assert page.inner_text("#n-scanned") == str(documents) == "10"
    assert page.inner_text("#n-leads") == "8"
    assert (page.inner_text("#n-restricted"), page.inner_text("#n-later"), page.inner_text("#n-not-restricted")) \
        == ("2", "1", "3")
    assert page.inner_text("#n-listed") == "1"
    assert page.inner_text("#budget-cny") == "5,430,000" and page.inner_text("#award-cny") == "4,330,000"
    headline = page.inner_text("#headline")
    assert "2 entities sought items that needed a US export licence on the notice date" in headline
    assert "A further 1 entity sought items restricted only later" in headline
    assert page.locator("#top tr.lead").count() == 8
    # the stylesheet loaded from the app itself (CSP style-src 'self')
    assert page.evaluate("() => getComputedStyle(document.querySelector('header.top')).display") == "flex"
    shot(page, "overview")


def test_filter_leads_and_open_a_notice_with_highlighted_evidence(page: Any, server: str) -> None:
    page.goto(server + "/leads")
    assert page.locator("#leads tr.lead").count() == 8
    page.select_option("select[name=item]", "A100")
    page.click("#apply")
    page.wait_for_url("**/leads?*item=A100*")
    assert page.locator("#leads tr.lead").count() == 5
    page.fill("input[name=q]", "InfiniBand")
    page.click("#apply")
    page.wait_for_url("**q=InfiniBand*")
    assert page.locator("#leads tr.lead").count() == 1
    shot(page, "leads")
    page.click("#leads tr.lead td:nth-of-type(3) > a")
    page.wait_for_url("**/notice/*")
    mark = page.locator("#notice-text mark.ev").first
    assert mark.inner_text() == "NVIDIA A100 80GB GPU 8块"
    background = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "not proof" in page.inner_text("#lead-notice")
    shot(page, "notice")


def test_confirm_a_lead_and_see_it_in_the_audit_trail(page: Any, server: str, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    page.goto(f"{server}/notice/{doc_id(db, 'award_a100.txt')}")
    form = page.locator("#reviews form.review")
    form.locator("select[name=status]").select_option("confirmed")
    form.locator("input[name=note]").fill("award names the reseller")
    form.locator("input[name=who]").fill("browser-test")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/notice/*msg=*")
    assert "marked confirmed" in page.inner_text("#flash")
    audit = page.inner_text("#audit")
    assert "browser-test" in audit and "award names the reseller" in audit and "confirmed" in audit
    assert page.inner_text("#notice-status") == "confirmed"
    shot(page, "review")
    page.goto(server + "/reviews")
    assert "award names the reseller" in page.inner_text("#trail")
    shot(page, "audit-trail")


def test_party_page(page: Any, server: str, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        party = conn.execute("SELECT id FROM parties WHERE name = '北京星河示例科技有限公司'").fetchone()[0]
    page.goto(f"{server}/party/{party}")
    assert page.inner_text("#party-name") == "北京星河示例科技有限公司"
    assert "北京示例大学" in page.inner_text("#counterparties")
    shot(page, "party")


def test_hostile_notice_runs_no_script(page: Any, server: str, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    page.goto(f"{server}/notice/{doc_id(db, 'hostile.txt')}")
    page.wait_for_load_state("load")
    page.hover("#notice-title")
    page.locator("#notice-text").hover()
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.evaluate("() => document.scripts.length") == 0
    assert page.locator("#notice-text img, #notice-text iframe, a[href^='javascript']").count() == 0
    assert "<script>" in page.inner_text("#notice-text")  # shown as text
    assert page.is_visible("#notice-text")  # the notice's <style> did not hide the page
    page.goto(f"{server}/leads?q=%E6%81%B6%E6%84%8F")  # search for it: listed, still inert
    assert page.locator("#leads tr.lead").count() == 1
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    shot(page, "hostile-notice")


def test_report_opens_offline_with_charts(browser: Any, db: Path, tmp_path: Path) -> None:
    from tenderwatch.report.build import write_report
    from tenderwatch.store.db import Store

    out = tmp_path / "report.html"
    with Store(db, readonly=True) as store:
        write_report(store, out, "html")
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    try:
        pg = context.new_page()
        requests: list[str] = []
        pg.on("request", lambda request: requests.append(request.url))
        pg.goto(out.as_uri())
        assert pg.locator("svg.chart").count() == 5 and pg.locator("svg.graph").count() == 1
        assert pg.evaluate("() => document.scripts.length") == 0
        assert pg.evaluate("() => typeof window.__pwned") == "undefined"
        assert requests == [out.as_uri()]  # nothing else fetched
        shot(pg, "report")
    finally:
        context.close()


def _lead_titles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#leads tr.lead td:nth-of-type(3) > a").all_inner_texts()]


def test_priority_order_with_reasons(page: Any, server: str) -> None:
    page.goto(server + "/leads")
    priorities = [float(t) for t in page.locator("#leads tr.lead td:nth-of-type(13)").all_inner_texts()]
    assert priorities == sorted(priorities, reverse=True) and len(priorities) == 8
    assert _lead_titles(page)[0] == "北京示例大学高性能计算平台GPU服务器采购项目中标公告"
    why = page.locator("#leads tr.why-row td.why").first.inner_text()
    assert "needed a US export licence on the notice date" in why and "was on the Entity List" in why
    shot(page, "leads-priority")


def test_reposts_are_one_lead_with_copies(page: Any, server: str, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    page.goto(server + "/leads?q=BJSL-2024-0315")
    rows = page.locator("#leads tr.lead")
    titles = _lead_titles(page)
    assert titles.count("北京示例大学高性能计算平台GPU服务器采购项目公开招标公告") == 1  # not twice
    tender = rows.filter(has_text="公开招标公告")
    assert "(+1 copy)" in tender.inner_text()
    page.goto(f"{server}/notice/{doc_id(db, 'tender_a100.txt')}")
    assert "示例省政府采购网" in page.inner_text("#copies")
    shot(page, "repost-copies")


def test_listed_before_and_after_the_notice(page: Any, server: str, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    page.goto(f"{server}/notice/{doc_id(db, 'a800_2023.txt')}")
    hit = page.inner_text(".hit")
    assert "added 2022-12-16" in hit and "listed on the notice date" in hit and "US Entity List" in hit
    shot(page, "listed-after")
    page.goto(f"{server}/notice/{doc_id(db, 'a100_2021.txt')}")
    hit = page.inner_text(".hit")
    assert "added 2022-12-16" in hit and "not yet listed on the notice date" in hit
    assert "restricted later on the notice date" in page.inner_text("#notice-rule")
    shot(page, "listed-before")


def test_search_across_scripts_with_snippets(page: Any, server: str) -> None:
    for typed in ("深圳示例大學", "深圳示例大学"):
        page.goto(server + "/leads")
        page.fill("input[name=q]", typed)
        page.click("#apply")
        page.wait_for_url("**q=*")
        assert _lead_titles(page) == ["深圳示例大學雲計算服務採購項目成交公告"]
        assert page.locator("#leads mark.q").first.inner_text() == "深圳示例大學"  # as written
    page.goto(server + "/leads")
    page.fill("input[name=q]", "Ａ１００")
    page.click("#apply")
    page.wait_for_url("**q=*")
    by_text = set(_lead_titles(page))
    assert "深圳示例大學雲計算服務採購項目成交公告" in by_text
    notes = page.inner_text("#lead-count")
    page.goto(server + "/leads?item=A100")
    assert by_text == set(_lead_titles(page)) or "item filter" in notes
    page.goto(server + "/leads?q=A100")
    shot(page, "search-snippets")


def test_export_of_the_filtered_list(page: Any, server: str) -> None:
    import csv

    page.goto(server + "/leads?rule_status=restricted_later")
    assert page.locator("#leads tr.lead").count() == 2
    with page.expect_download() as info:
        page.click("#export-csv")
    path = info.value.path()
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["path"] for r in rows) == ["a100_2021.txt", "a800_2023.txt"]
    shot(page, "leads-export")


def test_bulk_review_then_dismissed_leads_leave_overview_and_report(page: Any, server: str, db: Path,
                                                                    tmp_path: Path) -> None:
    from tenderwatch.report.build import write_report
    from tenderwatch.store.db import Store

    page.goto(server + "/leads?rule_status=not_restricted")
    assert page.locator("#leads tr.lead").count() == 3
    page.locator("#leads tr.lead input[name=ids]").nth(0).check()
    page.locator("#leads tr.lead input[name=ids]").nth(1).check()
    page.select_option("#bulk select[name=status]", "dismissed")
    page.fill("#bulk input[name=note]", "remote access is not an export")
    page.click("#bulk-apply")
    page.wait_for_url("**/leads?*msg=*")
    assert page.inner_text("#flash") == "2 leads marked dismissed"  # where the user is
    assert "rule_status=not_restricted" in page.url  # the same list
    shot(page, "bulk-review")
    page.goto(server + "/")
    assert page.inner_text("#n-leads") == "6"
    assert page.inner_text("#n-dismissed").startswith("2 dismissed")
    shot(page, "overview-after-dismissal")
    out = tmp_path / "report.html"
    with Store(db, readonly=True) as store:
        write_report(store, out, "html")
    page.goto(out.as_uri())
    assert page.inner_text("#r-leads") == "6" and page.inner_text("#r-dismissed") == "2 dismissed"
    shot(page, "report-after-dismissal")


def test_notice_prints_whole(page: Any, server: str, db: Path, doc_id: Callable[[Path, str], int]) -> None:
    page.goto(f"{server}/notice/{doc_id(db, 'tender_a100.txt')}")
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.querySelector('header.top')).display") == "none"
    text = page.locator("#notice-text")
    assert text.evaluate("el => el.scrollHeight <= el.clientHeight + 1")  # nothing clipped
    assert page.locator("form.review").first.is_hidden()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SHOTS / "notice-print.pdf"))  # what the printer gets
