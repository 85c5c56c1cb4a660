"""The Atom feed (the file a round writes and ``serve``'s /feed.atom) parses back as valid
Atom 1.0; a search saved on the workbench fires on the next round; a failing channel shows
on the Watch page."""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from starlette.testclient import TestClient
from watchkit import LEADS, NOT_A_LEAD, FakeCollect, Hook, write_config

from tenderwatch.watch.config import load_config
from tenderwatch.watch.round import RoundReport, run_round
from tenderwatch.web.app import create_app

A = "{http://www.w3.org/2005/Atom}"


def _round(config: Path, collect: FakeCollect) -> RoundReport:
    return run_round(load_config(config, {}), threading.Event(), collect, {})


def _rfc3339(text: str | None) -> datetime:
    assert text, "missing date"
    return datetime.fromisoformat(text)


def check_atom(data: bytes) -> list[ET.Element]:
    """The elements RFC 4287 requires: feed id/title/updated, an author for the feed (so
    for every entry), each entry's id/title/updated, a link or content; ids unique."""
    root = ET.fromstring(data)
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{A}{name}") or "").strip(), name
    _rfc3339(root.findtext(f"{A}updated"))
    assert root.find(f"{A}author/{A}name") is not None
    assert any(link.get("rel") == "self" and link.get("href") for link in root.findall(f"{A}link"))
    entries = root.findall(f"{A}entry")
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{A}{name}") or "").strip(), name
        _rfc3339(entry.findtext(f"{A}updated"))
        alternate = [link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
        assert len(alternate) == 1  # at most one alternate per type and language
        assert entry.find(f"{A}content") is not None
    return entries


def test_the_feed_file_is_valid_atom_with_stable_ids(tmp_path: Path, fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path)
    fake_collect.add("ccgp", LEADS[0], NOT_A_LEAD)
    _round(config, fake_collect)
    first = check_atom((tmp_path / "leads.atom").read_bytes())
    fake_collect.add("ccgp", LEADS[1])
    _round(config, fake_collect)
    second = check_atom((tmp_path / "leads.atom").read_bytes())
    assert len(first) == 1 and len(second) == 2
    assert first[0].findtext(f"{A}id") in [e.findtext(f"{A}id") for e in second]
    entry = next(e for e in second if e.findtext(f"{A}id") == first[0].findtext(f"{A}id"))
    links = {link.get("rel"): link.get("href") for link in entry.findall(f"{A}link")}
    assert re.fullmatch(r"http://127\.0\.0\.1:8765/notice/\d+", links["alternate"] or "")
    assert links["via"] == f"http://ccgp.example.test/notices/{LEADS[0]}"
    content = entry.findtext(f"{A}content") or ""
    assert "Evidence:" in content and "Buyer:" in content and "Rule status:" in content


def test_serve_publishes_the_feed_and_a_search_saved_there_fires_next_round(tmp_path: Path, hook: Hook,
                                                                            fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path, hook_url=hook.url, searches="")
    fake_collect.add("ccgp", LEADS[0], LEADS[2])
    _round(config, fake_collect)  # no search yet: nothing alerted
    assert hook.ids() == []
    with TestClient(create_app(tmp_path / "tw.db"), base_url="http://127.0.0.1:8765") as client:
        html = client.get("/leads?category=server").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', html)
        query = re.search(r'name="query" value="([^"]*)"', html)
        assert csrf and query and query.group(1) == "category=server"
        saved = client.post("/searches", data={"csrf": csrf.group(1), "query": query.group(1), "name": "servers"},
                            follow_redirects=False)
        assert saved.status_code == 303
        page = client.get(saved.headers["location"]).text
        assert "search &#39;servers&#39; saved" in page and 'data-name="servers"' in page
        assert client.post("/searches", data={"csrf": "forged", "query": "", "name": "x"}).status_code == 403

        fake_collect.add("ccgp", LEADS[1], *LEADS[3:])
        _round(config, fake_collect)
        alerted = hook.ids()
        assert alerted, "the saved search fired"
        bodies = [r["body"]["alert"] for r in hook.received]
        assert all(a["search"]["name"] == "servers" for a in bodies)
        assert all("server" in {s["category"] for s in a["sought"]} for a in bodies)
        # the server lead there before the search was saved is not alerted
        assert LEADS[2] not in {a["links"]["original"].rsplit("/", 1)[1] for a in bodies}

        feed = client.get("/feed.atom")
        assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
        entries = check_atom(feed.content)
        assert sorted(str(e.findtext(f"{A}id")).rsplit(":", 1)[1] for e in entries) == sorted(
            k.rsplit(".", 1)[0] for k in alerted)
        assert len(check_atom(client.get("/feed.atom?search=servers").content)) == len(entries)
        assert client.get("/feed.atom?search=nothing").status_code == 404


def test_a_failing_channel_shows_on_the_watch_page(tmp_path: Path, hook: Hook, fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path, hook_url=hook.url)
    hook.status = 500
    fake_collect.add("ccgp", LEADS[0])
    report = _round(config, fake_collect)
    assert report.exit_code == 1
    with TestClient(create_app(tmp_path / "tw.db")) as client:
        page = client.get("/watch").text
    row = page[page.index('data-channel="webhook"'):]
    row = row[:row.index("</tr>")]
    assert "failing since" in row and "HTTP 500" in row
    assert '<td class="num">1 (1 retrying)</td>' in row, "one alert waiting"
    feed_row = page[page.index('data-channel="feed"'):]
    assert 'class="failing"' not in feed_row[:feed_row.index("</tr>")]


def test_an_alert_the_webhook_refused_shows_as_rejected_on_the_watch_page(
        tmp_path: Path, hook: Hook, fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path, hook_url=hook.url)
    hook.status = 422
    fake_collect.add("ccgp", LEADS[0])
    assert _round(config, fake_collect).exit_code == 1
    with TestClient(create_app(tmp_path / "tw.db")) as client:
        page = client.get("/watch").text
    row = page[page.index('data-channel="webhook"'):]
    row = row[:row.index("</tr>")]
    assert "failing since" not in row and '<td class="num">0</td>' in row, "nothing waits, the channel works"
    assert re.search(r'class="num rejected">1 <span class="error"[^>]*>\(webhook [^)]*HTTP 422', row)


def test_a_channel_taken_out_of_the_config_shows_its_alerts_held_not_waiting(
        tmp_path: Path, hook: Hook, fake_collect: FakeCollect) -> None:
    """Before: the webhook's unsent alert stayed 'waiting' for ever once the channel left the config."""
    with_hook = write_config(tmp_path, hook_url=hook.url)
    hook.status = 500
    fake_collect.add("ccgp", LEADS[0])
    assert _round(with_hook, fake_collect).exit_code == 1  # the alert waits in the webhook's outbox

    without = write_config(tmp_path)  # the same store and file, the webhook removed from the config
    report = _round(without, fake_collect)
    held = [c for c in report.channels if c.held]
    assert [(c.channel, c.waiting) for c in held] == [("webhook", 1)]
    assert "webhook: not in the config, 1 held (put it back to send them)" in report.lines()
    assert report.exit_code == 0  # a held channel is not a failure
    with TestClient(create_app(tmp_path / "tw.db")) as client:
        page = client.get("/watch").text
    row = page[page.index('data-channel="webhook"'):]
    row = row[:row.index("</tr>")]
    assert "its alerts are held, not sent" in row and '<td class="num">1 held</td>' in row
    feed_row = page[page.index('data-channel="feed"'):]
    assert "held" not in feed_row[:feed_row.index("</tr>")]

    hook.status = 200  # put back: the held alert goes, once, and the channel is configured again
    back = _round(write_config(tmp_path, hook_url=hook.url), fake_collect)
    assert [(c.channel, c.sent, c.held) for c in back.channels if c.channel == "webhook"] == [("webhook", 1, False)]
    assert len(hook.ids()) == 1
    with TestClient(create_app(tmp_path / "tw.db")) as client:
        page = client.get("/watch").text
    row = page[page.index('data-channel="webhook"'):]
    assert "held" not in row[:row.index("</tr>")]
