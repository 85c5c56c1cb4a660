"""Collect end to end against the loopback stand-in: the right notices in the store with their
provenance and archived copies, complete windows, and a second run that adds nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tenderwatch.collect import EXIT_COMPLETE

from .conftest import CONTACT, Run, docs, windows
from .site import Answer, Site, small_notice
from .warcs import read_archive

IDS = {"1001", "1002", "1003", "1004", "1005"}


def _ids(paths: list[str]) -> set[str]:
    out = set()
    for path in paths:
        for nid in IDS:
            if nid in path:
                out.add(nid)
    return out


@pytest.mark.parametrize("source", ["ccgp", "ggzy", "zcy"])
def test_collect_stores_every_notice_with_provenance_and_archive(
    source: str, run: Run, site: Site, tmp_path: Path
) -> None:
    report = run(source)
    assert report.exit_code == EXIT_COMPLETE, report.message
    assert report.blocked is None
    assert all(w.status == "complete" for w in report.windows) and report.windows
    stored = docs(tmp_path / "tw.db")
    assert _ids(list(stored)) == IDS
    assert report.new_documents == 5 and report.notices >= 5
    # local detection decides relevance: the real air-conditioner award is found by the query but is no lead
    relevant = {nid for nid in IDS for path, row in stored.items() if nid in path and row[-1]}
    assert {"1001", "1002", "1004", "1005"} <= relevant and "1003" not in relevant
    assert report.leads >= 4

    records, damaged = read_archive(tmp_path / "warc")
    assert not damaged
    by_id = {r.record_id: r for r in records}
    for path, (_sha, url, src, status, warc_file, record_id, digest, _rel) in stored.items():
        assert url == path and src == source and status == 200
        assert url.startswith("http://127.0.0.1:")
        record = by_id[record_id]
        assert record.type == "response" and record.file == warc_file and record.payload_digest == digest
    # each stored notice's fetch is in its document's fetch history, under the same WARC record
    with sqlite3.connect(tmp_path / "tw.db") as conn:
        history = conn.execute("SELECT path, warc_record_id, outcome, sha256 FROM fetches").fetchall()
    assert {(rid, outcome) for _p, rid, outcome, _s in history} == {(row[5], "document") for row in stored.values()}
    assert {path for path, *_ in history} == {row[1] for row in stored.values()}
    # every request and response is archived, robots.txt and POST bodies included
    kinds = {(r.type, (r.uri or "").rsplit("/", 1)[-1]) for r in records}
    assert ("response", "robots.txt") in kinds and ("request", "robots.txt") in kinds
    assert records[0].type == "warcinfo"
    info = json.loads(json.dumps(records[0].body.decode()))
    assert f'"source": "{source}"' in info or f"source: {source}" in info
    assert sum(1 for r in records if r.type == "request") == len(site.log)
    if source != "ccgp":
        posts = [r for r in records if r.type == "request" and r.body]
        assert posts, "POST bodies are archived"
    assert all(r.headers.get("User-Agent", "").endswith(f"(+{CONTACT})") for r in site.log)
    assert all(row[2] == "complete" and row[4] >= 1 for row in windows(tmp_path / "tw.db"))

    # the same command again: nothing new, no notice fetched twice
    before = len(site.log)
    again = run(source)
    assert again.exit_code == EXIT_COMPLETE and again.new_documents == 0 and again.leads == 0
    assert docs(tmp_path / "tw.db") == stored
    notice_kinds = {"notice", "shell", "text", "zcy_detail"}
    from .site import _kind

    refetched = [r for r in site.log[before:] if _kind(r.method, r.path) in notice_kinds]
    assert not refetched


def test_ggzy_window_at_the_cap_is_split_by_province(run: Run, site: Site, tmp_path: Path) -> None:
    site.ggzy_cap_over = 1  # a query with two or more matches says total 1000
    report = run("ggzy", settings={"keywords": ["A100"]}, date_from=date(2024, 3, 1), date_until=date(2024, 3, 1))
    assert report.exit_code == EXIT_COMPLETE, report.message
    lists = site.requests("ggzy_list")
    provinces = {dict(p.split("=") for p in r.body.decode().split("&")).get("DEAL_PROVINCE") for r in lists}
    assert None in provinces and "110000" in provinces and len(provinces) > 30
    assert _ids(list(docs(tmp_path / "tw.db"))) == {"1001", "1002"}


def test_ggzy_province_still_at_the_cap_is_split_by_stage(run: Run, site: Site, tmp_path: Path) -> None:
    site.ggzy_cap_over, site.ggzy_cap_in_province = 1, True
    report = run("ggzy", settings={"keywords": ["A100"]}, date_from=date(2024, 3, 1), date_until=date(2024, 3, 1))
    assert report.exit_code == EXIT_COMPLETE, report.message
    forms = [dict(p.split("=") for p in r.body.decode().split("&")) for r in site.requests("ggzy_list")]
    assert {f.get("DEAL_STAGE") for f in forms if f.get("DEAL_PROVINCE") == "110000"} == {None, "0201", "0202",
                                                                                           "0203", "0204"}
    assert not any("DEAL_STAGE" in f for f in forms if f.get("DEAL_PROVINCE") != "110000")
    assert _ids(list(docs(tmp_path / "tw.db"))) == {"1001", "1002"}


def test_ggzy_keyword_the_site_ignores_is_not_taken_as_matches(run: Run, site: Site, tmp_path: Path) -> None:
    report = run("ggzy", settings={"keywords": ["GB300"]})
    assert report.exit_code == EXIT_COMPLETE
    assert docs(tmp_path / "tw.db") == {}
    assert not site.requests("shell")


def test_a_list_that_shifts_between_runs(run: Run, site: Site, tmp_path: Path) -> None:
    site.notices = [n for n in site.notices if n.id != "1004"]
    # 25 more H100 notices on 2 March push the list to two pages
    site.notices += [small_notice(f"2{i:03d}", date(2024, 3, 2), f"H100服务器采购公告{i}", "采购H100服务器1台。")
                     for i in range(25)]
    first = run("ccgp", settings={"keywords": ["H100"]})
    assert first.exit_code == EXIT_COMPLETE
    assert len(docs(tmp_path / "tw.db")) == 26
    # new notices published since: old ones move down a page; all are found, none fetched twice
    site.notices += [small_notice(f"3{i:03d}", date(2024, 3, 2), f"H100加速卡采购公告{i}", "采购H100加速卡。")
                     for i in range(3)]
    before = len(site.log)
    second = run("ccgp", settings={"keywords": ["H100"]})
    assert second.exit_code == EXIT_COMPLETE
    assert len(docs(tmp_path / "tw.db")) == 29 and second.new_documents == 3
    fetched = [r.path for r in site.log[before:] if r.path.startswith("/cggg/")]
    assert len(fetched) == 3 and all("_3" in p for p in fetched)


def test_ccgp_channel_lists_fallback(run: Run, site: Site, tmp_path: Path) -> None:
    report = run("ccgp", settings={"ccgp_mode": "channels", "ccgp_channels": ["dfgg/zbgg"]},
                 date_from=date(2024, 3, 2), date_until=date(2024, 3, 3))
    assert report.exit_code == EXIT_COMPLETE, report.message
    assert _ids(list(docs(tmp_path / "tw.db"))) == {"1003", "1004", "1005"}
    assert [w.query for w in report.windows] == ["channel=dfgg/zbgg"]


def test_ccgp_links_to_the_live_host_follow_the_base_url(run: Run, site: Site, tmp_path: Path) -> None:
    site.ccgp_links = "foreign"
    report = run("ccgp", settings={"keywords": ["A100"]}, date_until=date(2024, 3, 1))
    assert report.exit_code == EXIT_COMPLETE, report.message
    assert all(url.startswith("http://127.0.0.1:") for url in docs(tmp_path / "tw.db"))


def test_an_empty_result_page_without_a_list_is_an_empty_window(run: Run, site: Site, tmp_path: Path) -> None:
    page = "<html><body><div class='search-none'><p>没有找到 相关数据</p></div></body></html>".encode()
    site.inject("search", Answer(200, page, {"Content-Type": "text/html; charset=utf-8"}), times=2)
    report = run("ccgp", date_until=date(2024, 3, 1))
    assert report.exit_code == EXIT_COMPLETE, report.message
    assert [w.status for w in report.windows] == ["complete", "complete"]
    assert docs(tmp_path / "tw.db") == {}
