"""Blocks, throttling, server errors, damaged answers, robots.txt and the budget: each stops or
marks the window as it should, keeps the page archived and sets the exit code."""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from tenderwatch.collect import EXIT_BLOCKED, EXIT_COMPLETE, EXIT_INCOMPLETE

from .conftest import Run, docs, windows
from .site import Answer, Site
from .warcs import read_archive

HTML = {"Content-Type": "text/html; charset=utf-8"}
JSON = {"Content-Type": "application/json"}
FREQUENT = "<html><head><title>提示</title></head><body><p>您的访问过于频繁，请稍后再试。</p></body></html>".encode()
CHALLENGE = (b'<html><head><script type="text/javascript" src="/_bot_sbu/abc123.js"></script></head>'
             b"<body>loading...</body></html>")

BLOCKS = [
    ("ccgp", "search", Answer(200, FREQUENT, HTML), "访问过于频繁"),
    ("ccgp", "search", Answer(403, b"<html><body>Forbidden</body></html>", HTML), "403"),
    ("ccgp", "search", Answer(302, b"", {"Location": "/captcha/verify.html?from=bxsearch"}), "captcha"),
    ("ccgp", "notice", Answer(200, CHALLENGE, HTML), "_bot_sbu"),
    ("ggzy", "ggzy_list", Answer(200, json.dumps({"code": 829, "message": "请输入验证码"}).encode(), JSON), "829"),
    ("ggzy", "ggzy_list", Answer(200, json.dumps({"code": 800, "message": "访问频繁"}).encode(), JSON), "800"),
    ("ggzy", "ggzy_list", Answer(200, b"<!DOCTYPE html><html><body>waf</body></html>", HTML), "HTML answered"),
    ("zcy", "zcy_list", Answer(200, CHALLENGE, HTML), "_bot_sbu"),
]


@pytest.mark.parametrize(("source", "kind", "answer", "why"), BLOCKS, ids=[f"{b[0]}-{b[3]}" for b in BLOCKS])
def test_a_block_stops_the_source(source: str, kind: str, answer: Answer, why: str, run: Run, site: Site,
                                  tmp_path: Path) -> None:
    site.inject(kind, answer)
    report = run(source)
    assert report.exit_code == EXIT_BLOCKED, report.message
    assert report.blocked and why in report.blocked and "BLOCKED" in report.message
    stored = windows(tmp_path / "tw.db")
    assert any(status == "incomplete" and why in (reason or "") for _, _, status, reason, _ in stored)
    assert any(w.status == "not_started" for w in report.windows), "later windows are not asked for"
    # nothing was asked after the block, and the block page is in the archive
    blocked_at = max(i for i, r in enumerate(site.log) if r.path != "/robots.txt")
    assert blocked_at == len(site.log) - 1
    records, damaged = read_archive(tmp_path / "warc")
    assert not damaged
    assert any(r.type == "response" and r.status == answer.status and r.body == answer.body for r in records)


def test_retry_after_is_honoured(run: Run, site: Site, tmp_path: Path) -> None:
    site.inject("search", Answer(429, b"slow down", {"Retry-After": "2", **HTML}))
    report = run("ccgp", date_until=date(2024, 3, 1), settings={"keywords": ["A100"]})
    assert report.exit_code == EXIT_COMPLETE, report.message
    searches = site.requests("search")
    assert len(searches) == 2 and searches[1].at - searches[0].at >= 1.9
    assert len(docs(tmp_path / "tw.db")) == 2


def test_a_passing_server_error_is_retried(run: Run, site: Site, tmp_path: Path) -> None:
    site.inject("notice", Answer(502, b"bad gateway", HTML))
    report = run("ccgp", date_until=date(2024, 3, 1), settings={"keywords": ["A100"]})
    assert report.exit_code == EXIT_COMPLETE, report.message
    assert len(docs(tmp_path / "tw.db")) == 2


def test_a_lasting_server_error_leaves_the_window_incomplete(run: Run, site: Site, tmp_path: Path) -> None:
    site.inject("/t20240301_1002.htm", Answer(500, b"error", HTML), times=3)  # first try + 2 retries
    report = run("ccgp", date_until=date(2024, 3, 1), settings={"keywords": ["A100"]})
    assert report.exit_code == EXIT_INCOMPLETE and report.blocked is None
    assert "HTTP 500" in (report.windows[0].reason or "")
    assert len(docs(tmp_path / "tw.db")) == 1
    # the next run fetches what is missing and completes the window
    again = run("ccgp", date_until=date(2024, 3, 1), settings={"keywords": ["A100"]})
    assert again.exit_code == EXIT_COMPLETE and again.new_documents == 1
    assert len(docs(tmp_path / "tw.db")) == 2


def test_a_truncated_body_is_not_stored(run: Run, site: Site, tmp_path: Path) -> None:
    site.inject("/t20240301_1002.htm", Answer(200, b"<html><body><p>H100", HTML, truncate=True), times=3)
    report = run("ccgp", date_until=date(2024, 3, 1), settings={"keywords": ["A100"]})
    assert report.exit_code == EXIT_INCOMPLETE, report.message
    assert len(docs(tmp_path / "tw.db")) == 1


def test_malformed_json_marks_the_window_incomplete(run: Run, site: Site, tmp_path: Path) -> None:
    site.inject("ggzy_list", Answer(200, b'{"code": 200, "data": {"records": [{"id": "1', JSON))
    report = run("ggzy", settings={"keywords": ["A100"]})
    assert report.exit_code == EXIT_INCOMPLETE and report.blocked is None
    assert "malformed JSON" in (report.windows[0].reason or "")
    assert [w.status for w in report.windows[1:]] == ["complete", "complete"], "the other windows go on"


def test_ggzy_codes_801_and_804(run: Run, site: Site, tmp_path: Path) -> None:
    site.inject("ggzy_list", Answer(200, json.dumps({"code": 804, "message": "请细化查询"}).encode(), JSON))
    report = run("ggzy", settings={"keywords": ["A100"]}, date_until=date(2024, 3, 1))
    assert report.exit_code == EXIT_COMPLETE, report.message
    assert report.windows[0].status == "complete", "804: the window was split by province and collected"
    assert {"1001", "1002"} <= {p.rsplit("/", 1)[-1].split(".")[0] for p in docs(tmp_path / "tw.db")}
    site.inject("ggzy_list", Answer(200, json.dumps({"code": 801, "message": "参数错误"}).encode(), JSON))
    report = run("ggzy", settings={"keywords": ["A100"]}, date_from=date(2024, 3, 2), date_until=date(2024, 3, 2))
    assert report.exit_code == EXIT_INCOMPLETE and report.blocked is None
    assert report.windows[0].status == "incomplete" and "801" in (report.windows[0].reason or "")


def test_a_changed_layout_stops_with_the_page_archived(run: Run, site: Site, tmp_path: Path) -> None:
    page = "<html><body><div class='search-results-v2'><ul><li>新版页面</li></ul></div></body></html>".encode()
    site.inject("search", Answer(200, page, HTML))
    report = run("ccgp")
    assert report.exit_code == EXIT_INCOMPLETE and report.blocked is None
    assert "layout changed" in report.message and "ul.vT-srch-result-list-bid" in report.message
    records, _ = read_archive(tmp_path / "warc")
    assert any(r.body == page for r in records)


def test_robots_disallow_and_crawl_delay(run: Run, site: Site, tmp_path: Path) -> None:
    site.robots = "User-agent: *\nCrawl-delay: 1\nDisallow: /cggg/dfgg/zbgg/202403/t20240301_1002.htm\n"
    report = run("ccgp", date_until=date(2024, 3, 1), settings={"keywords": ["A100"]})
    assert report.exit_code == EXIT_INCOMPLETE
    assert "robots.txt" in (report.windows[0].reason or "")
    assert not any("1002" in r.path for r in site.log)
    asked = [r.at for r in site.log]
    assert len(asked) == 3 and all(b - a >= 0.95 for a, b in pairwise(asked[1:]))


def test_the_daily_budget_holds_across_runs(run: Run, site: Site, tmp_path: Path) -> None:
    report = run("ccgp", settings={"daily_budget": 3})
    assert report.exit_code == EXIT_INCOMPLETE and "budget" in report.message
    assert len(site.log) == 3
    again = run("ccgp", settings={"daily_budget": 3})
    assert again.exit_code == EXIT_INCOMPLETE and len(site.log) == 3
