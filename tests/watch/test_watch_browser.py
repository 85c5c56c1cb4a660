"""A search saved in the workbench (headless Chromium, as tests/web does) fires on the next
watch round; the Watch page then shows its alert count and the channel's success."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import ARGS, CHROMIUM, serve
from watchkit import LEADS, FakeCollect, Hook, write_config

from tenderwatch.watch.config import load_config
from tenderwatch.watch.round import run_round

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture()
def workbench(tmp_path: Path) -> Iterator[str]:
    """``serve`` over the watch's store (created first by an empty round)."""
    from tenderwatch.web.app import create_app

    with serve(create_app(tmp_path / "tw.db")) as url:
        yield url


@pytest.fixture()
def page() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = chromium.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.set_default_timeout(10_000)
        try:
            yield pg
        finally:
            context.close()
            chromium.close()


@pytest.fixture()
def store_with_leads(tmp_path: Path, hook: Hook, fake_collect: FakeCollect) -> Path:
    config = write_config(tmp_path, hook_url=hook.url, searches="")
    fake_collect.add("ccgp", LEADS[0], LEADS[2])  # one server lead before any search
    run_round(load_config(config, {}), threading.Event(), fake_collect, {})
    return config


def test_a_search_saved_in_the_workbench_fires_on_the_next_round(store_with_leads: Path, workbench: str, page: Any,
                                                                 hook: Hook, fake_collect: FakeCollect) -> None:
    page.goto(workbench + "/leads")
    page.select_option("select[name=category]", "server")
    page.click("#apply")
    page.wait_for_url("**/leads?*category=server*")
    page.fill("#save-search input[name=name]", "GPU servers")
    page.click("#save-search button[type=submit]")
    page.wait_for_url("**/watch?*")
    assert "GPU servers" in page.inner_text("#flash")
    row = page.locator('#searches tr.search[data-name="GPU servers"]')
    assert "category=server" in row.inner_text()
    assert row.locator("td.num").nth(1).inner_text() == "1"  # the server lead already there: baseline

    assert hook.ids() == []
    fake_collect.add("ccgp", LEADS[1], *LEADS[3:])
    run_round(load_config(store_with_leads, {}), threading.Event(), fake_collect, {})
    alerts = [r["body"]["alert"] for r in hook.received if r["body"].get("event") == "tenderwatch.lead"]
    assert alerts and all(a["search"]["name"] == "GPU servers" for a in alerts)
    assert all("server" in {s["category"] for s in a["sought"]} for a in alerts)

    page.reload()
    row = page.locator('#searches tr.search[data-name="GPU servers"]')
    assert row.locator("td.num").nth(0).inner_text() == str(len(alerts))
    webhook = page.locator('#channels tr.channel[data-channel="webhook"]')
    assert "failing" not in (webhook.get_attribute("class") or "") and webhook.locator(".failing").count() == 0
    assert webhook.locator("td.num").nth(1).inner_text() == str(len(alerts))
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "watch.png"), full_page=True)

    # the feed link on the page serves the new alerts
    feed = page.request.get(workbench + "/feed.atom?search=GPU%20servers")
    assert feed.ok and feed.text().count("<entry>") == len(alerts)
