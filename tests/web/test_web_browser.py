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


def test_overview_numbers_match_the_store(page: Any, server: str, db: Path) -> None:
    page.goto(server + "/")
    with sqlite3.connect(db) as conn:
        documents, relevant = conn.execute("SELECT COUNT(*), SUM(relevant) FROM documents").fetchone()
    assert page.inner_text("#n-documents") == str(documents)
    assert page.inner_text("#n-relevant") == str(relevant)
    assert page.inner_text("#n-entities") == "4"
    assert page.inner_text("#n-aws") == "1"
    assert page.inner_text("#total-cny") == "4,630,000"
    # the stylesheet loaded from the app itself (CSP style-src 'self')
    assert page.evaluate("() => getComputedStyle(document.querySelector('header.top')).display") == "flex"
    shot(page, "overview")


def test_filter_leads_and_open_a_notice_with_highlighted_evidence(page: Any, server: str) -> None:
    page.goto(server + "/leads")
    assert page.locator("#leads tr.lead").count() == 5
    page.select_option("select[name=item]", "A100")
    page.click("#apply")
    page.wait_for_url("**/leads?*item=A100*")
    assert page.locator("#leads tr.lead").count() == 3
    page.fill("input[name=q]", "InfiniBand")
    page.click("#apply")
    page.wait_for_url("**q=InfiniBand*")
    assert page.locator("#leads tr.lead").count() == 1
    shot(page, "leads")
    page.click("#leads tr.lead td:nth-of-type(2) a")
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
        assert pg.locator("svg.chart").count() == 4 and pg.locator("svg.graph").count() == 1
        assert pg.evaluate("() => document.scripts.length") == 0
        assert pg.evaluate("() => typeof window.__pwned") == "undefined"
        assert requests == [out.as_uri()]  # nothing else fetched
        shot(pg, "report")
    finally:
        context.close()
