"""Scanning WARC files into a real store: documents with provenance, the newest fetch wins,
re-scans add nothing, damage is a failed document naming the offset."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from warcbuild import Rec, build_arc, build_wacz, build_warc, notice_html

from tenderwatch.cli.main import main
from tenderwatch.scan import scan
from tenderwatch.store.db import Store
from tenderwatch.store.fetches import fetch_history

URL = "http://www.ccgp.gov.cn/cggg/dfgg/gkzb/202403/t20240301_1.htm"
OLD_TITLE = "北京示例大学GPU服务器采购项目公开招标公告"
NEW_TITLE = "北京示例大学GPU服务器采购项目更正公告"


def _warc(folder: Path, name: str, records: list[Rec], compress: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(build_warc(records, compress=compress))
    return path


def _rows(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def _page(title: str, date: str) -> Rec:
    return Rec(URL, notice_html(title=title).encode("gbk"), headers=[("Content-Type", "text/html; charset=GBK")],
               date=date)


def test_a_warc_becomes_documents_with_provenance(tmp_path: Path) -> None:
    warc = _warc(tmp_path / "in", "crawl.warc.gz", [
        Rec(URL, kind="request"),
        _page(OLD_TITLE, "2024-03-01T08:00:00Z"),
        Rec("http://www.ccgp.gov.cn/gone.htm", b"<html>404</html>", status="404 Not Found"),
        Rec("http://a.cn/api/list", json.dumps({"data": [
            {"id": "n1", "title": "办公家具采购公告", "url": "http://a.cn/n1.html"}]}, ensure_ascii=False).encode(),
            headers=[("Content-Type", "application/json")]),
    ])
    db = tmp_path / "tw.db"
    with Store(db) as store:
        counts = scan([warc], store)
    assert counts.documents == 2 and counts.failed == 0 and counts.relevant == 1
    assert counts.warc == {"document": 2, "not a document: HTTP 404": 1, "not a document: request record": 1,
                           "not a document: warcinfo record": 1}
    (doc,) = _rows(db, "SELECT url, fetched_at, source, http_status, warc_file, warc_record_id, payload_digest,"
                       " file_path, sha256, row_json FROM documents WHERE path = ?", URL)
    assert doc[:5] == (URL, "2024-03-01T08:00:00Z", "tenderwatch-tests/1.0", 200, "crawl.warc.gz")
    assert doc[5].startswith("<urn:uuid:") and doc[6].startswith("sha1:") and doc[7] == URL
    row = json.loads(doc[9])
    assert row["url"] == URL and row["fetched_at"] == "2024-03-01T08:00:00Z" and row["relevant"] is True
    with Store(db, readonly=True) as store:
        body = store.blob(doc[8])
        history = fetch_history(store, URL)
    assert body is not None and OLD_TITLE in body.decode("gbk")  # the archived payload, as served
    assert [(h["outcome"], h["http_status"]) for h in history] == [("document", 200)]
    (record,) = _rows(db, "SELECT path, url, warc_file FROM documents WHERE path LIKE 'http://a.cn/api/list#%'")
    assert record == ("http://a.cn/api/list#n1", "http://a.cn/n1.html", "crawl.warc.gz")  # the record's own URL
    assert _rows(db, "SELECT outcome FROM fetches WHERE url LIKE '%gone.htm'") == [("skipped: HTTP 404",)]
    shown = CliRunner().invoke(main, ["show", "--db", str(db), URL])
    assert shown.exit_code == 0 and f"published at {URL}, fetched on 2024-03-01T08:00:00Z" in shown.output


def test_rescanning_the_same_warc_adds_nothing(tmp_path: Path) -> None:
    warc = _warc(tmp_path / "in", "crawl.warc.gz", [_page(OLD_TITLE, "2024-03-01T08:00:00Z")])
    db = tmp_path / "tw.db"
    with Store(db) as store:
        scan([warc], store)
    tables = ("documents", "fetches", "blobs", "findings", "files")
    before = {t: _rows(db, f"SELECT COUNT(*) FROM {t}") for t in tables}
    with Store(db) as store:
        again = scan([warc], store)
    assert again.skipped == 1 and again.documents == 0
    copy = tmp_path / "copy"  # the same records in a file of another name: read, but nothing new
    copy.mkdir()
    (copy / "renamed.warc.gz").write_bytes(warc.read_bytes())
    with Store(db) as store:
        third = scan([copy], store)
    assert third.documents == 0 and third.warc == {"already stored": 1, "not a document: warcinfo record": 1}
    assert {t: _rows(db, f"SELECT COUNT(*) FROM {t}") for t in tables} == {
        **before, "files": [(before["files"][0][0] + 1,)]}


def test_the_newest_fetch_is_the_document_whatever_the_scan_order(tmp_path: Path) -> None:
    old = _warc(tmp_path / "a", "march.warc.gz", [_page(OLD_TITLE, "2024-03-01T08:00:00Z")])
    new = _warc(tmp_path / "b", "april.warc.gz", [_page(NEW_TITLE, "2024-04-01T08:00:00Z")])
    for order in ((old, new), (new, old)):
        db = tmp_path / f"tw-{order[0].name}.db"
        with Store(db) as store:
            counts = [scan([warc], store) for warc in order]
        assert _rows(db, "SELECT title, fetched_at, warc_file FROM documents") == [
            (NEW_TITLE, "2024-04-01T08:00:00Z", "april.warc.gz")]
        history = _rows(db, "SELECT fetched_at, outcome, sha256 IS NOT NULL FROM fetches ORDER BY fetched_at")
        assert [h[0] for h in history] == ["2024-03-01T08:00:00Z", "2024-04-01T08:00:00Z"]
        assert all(h[2] for h in history)  # both versions' payloads are kept
        if order[0] is new:
            assert history[0][1] == "older" and counts[1].warc.get("older") == 1


def test_the_same_page_fetched_later_moves_the_provenance(tmp_path: Path) -> None:
    first = _warc(tmp_path / "a", "one.warc.gz", [_page(OLD_TITLE, "2024-03-01T08:00:00Z")])
    later = _warc(tmp_path / "b", "two.warc.gz", [_page(OLD_TITLE, "2024-03-05T08:00:00Z")])
    db = tmp_path / "tw.db"
    with Store(db) as store:
        scan([first], store)
        (doc_id,) = _rows(db, "SELECT id FROM documents")[0]
        counts = scan([later], store)
    assert counts.warc.get("same") == 1 and counts.documents == 0
    assert _rows(db, "SELECT id, fetched_at, warc_file FROM documents") == [
        (doc_id, "2024-03-05T08:00:00Z", "two.warc.gz")]
    (row_json,) = _rows(db, "SELECT row_json FROM documents")[0]
    assert json.loads(row_json)["fetched_at"] == "2024-03-05T08:00:00Z"


def test_damage_is_a_failed_document_naming_the_offset_and_good_records_are_kept(tmp_path: Path) -> None:
    data = build_warc([Rec(f"http://a.cn/{i}", notice_html(i).encode()) for i in range(3)], compress=True)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cut.warc.gz").write_bytes(data[: len(data) - 400])
    db = tmp_path / "tw.db"
    result = CliRunner().invoke(main, ["scan", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 2, result.output  # a document failed: the damage
    docs = _rows(db, "SELECT path, status, fail_reason, fail_detail FROM documents ORDER BY id")
    assert [d[:3] for d in docs[:2]] == [("http://a.cn/0", "ok", None), ("http://a.cn/1", "ok", None)]
    path, status, reason, detail = docs[2]
    assert path.startswith("cut.warc.gz#offset=") and (status, reason) == ("failed", "corrupt")
    assert "WARC damaged at offset" in detail
    assert "WARC records:" in result.output


def test_a_record_cut_short_is_read_and_marked(tmp_path: Path) -> None:
    data = build_warc([Rec(f"http://a.cn/{i}", notice_html(i).encode()) for i in range(2)], compress=False)
    warc = tmp_path / "cut.warc"
    warc.write_bytes(data[:-100])
    db = tmp_path / "tw.db"
    with Store(db) as store:
        scan([warc], store)
    rows = _rows(db, "SELECT path, status, truncated FROM documents ORDER BY id")
    assert rows[0] == ("http://a.cn/0", "ok", None)
    assert rows[1][:2] == ("http://a.cn/1", "ok") and "cut short" in rows[1][2] and "offset" in rows[1][2]


def test_every_shared_warc_scans(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "tw.db"
    result = CliRunner().invoke(main, ["scan", str(shared / "warc"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    docs = _rows(db, "SELECT path, url, warc_file FROM documents WHERE url IS NOT NULL ORDER BY path")
    assert docs[0][0] == "http://example.com/"
    assert sum(d[0].startswith("http://httpbin.org/post") for d in docs) == 3
    assert _rows(db, "SELECT COUNT(*) FROM documents WHERE path LIKE '%<%'") == [(0,)]  # wget's <URI> unwrapped


def test_worker_processes_store_the_same(tmp_path: Path) -> None:
    warc = _warc(tmp_path / "in", "crawl.warc.gz", [
        _page(OLD_TITLE, "2024-03-01T08:00:00Z"),
        Rec("http://a.cn/x", notice_html(2).encode(), encode="gzip+chunked"),
    ])
    got = []
    for workers in (1, 2):
        db = tmp_path / f"tw{workers}.db"
        with Store(db) as store:
            scan([warc], store, workers=workers)
        got.append(_rows(db, "SELECT path, url, fetched_at, title, relevant FROM documents ORDER BY path"))
    assert got[0] == got[1] and len(got[0]) == 2


def test_a_crawl_record_with_a_url_field_carries_it_as_the_document_url(tmp_path: Path) -> None:
    records = [
        {"id": "a1", "title": "北京示例大学GPU服务器采购公告", "content": notice_html(1), "detailUrl": "https://a.cn/n/1.html"},
        {"id": "a2", "title": "办公家具采购公告", "content": "采购办公桌10张。", "url": "javascript:alert(1)"},
    ]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    db = tmp_path / "tw.db"
    with Store(db) as store:
        scan([crawl], store)
    rows = _rows(db, "SELECT path, url, fetched_at, warc_file, row_json FROM documents ORDER BY path")
    assert [(r[0].rsplit("#", 1)[1], r[1], r[2], r[3]) for r in rows] == [
        ("a1", "https://a.cn/n/1.html", None, None), ("a2", None, None, None)]  # only a web address is a URL
    assert json.loads(rows[0][4])["url"] == "https://a.cn/n/1.html"


def test_the_time_limit_applies_per_record_not_to_the_whole_warc(tmp_path: Path, monkeypatch: Any) -> None:
    import time

    import tenderwatch.scan as scan_module

    warm = _warc(tmp_path / "warm", "warm.warc.gz", [Rec("http://a.cn/warm", notice_html(9).encode())])
    with Store(tmp_path / "warm.db") as store:
        scan([warm], store)  # the screening index loaded once, outside the timed records
    real = scan_module.resolve_parties

    def slow_parties(result: Any) -> None:  # each record takes 0.2 s; the one at /slow never ends
        time.sleep(30 if result.path.endswith("/slow") else 0.2)
        real(result)

    monkeypatch.setattr(scan_module, "resolve_parties", slow_parties)
    urls = [f"http://a.cn/{name}" for name in ("a", "b", "slow", "c", "d")]
    warc = _warc(tmp_path / "in", "crawl.warc.gz", [Rec(u, notice_html(i).encode()) for i, u in enumerate(urls)])
    db = tmp_path / "tw.db"
    with Store(db) as store:
        counts = scan([warc], store, timeout=0.5)  # the WARC as a whole takes longer than 0.5 s
    rows = dict((r[0], r[1:]) for r in _rows(db, "SELECT path, status, fail_reason FROM documents"))
    assert rows.pop("http://a.cn/slow") == ("failed", "timeout")
    assert set(rows.values()) == {("ok", None)} and len(rows) == 4 and counts.failed == 1


def test_a_wacz_package_is_scanned_record_by_record(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    first = build_warc([_page(OLD_TITLE, "2024-03-01T08:00:00Z")])
    second = build_warc([Rec("http://a.cn/x", notice_html(2).encode(), encode="br"),
                         Rec("http://a.cn/gone", b"", status="404 Not Found")])
    (folder / "crawl.wacz").write_bytes(build_wacz({"data-1.warc.gz": first, "data-2.warc.gz": second}))
    db = tmp_path / "tw.db"
    with Store(db) as store:
        counts = scan([folder], store)
        again = scan([folder], store)
    assert counts.documents == 2 and counts.failed == 0 and again.documents == 0 and again.skipped == 1
    assert _rows(db, "SELECT path, warc_file FROM documents WHERE url IS NOT NULL ORDER BY path") == [
        ("http://a.cn/x", "crawl.wacz#archive/data-2.warc.gz"), (URL, "crawl.wacz#archive/data-1.warc.gz")]
    assert counts.warc["not a document: HTTP 404"] == 1


def test_a_wacz_with_a_damaged_member_keeps_the_good_records(tmp_path: Path) -> None:
    good = build_warc([_page(OLD_TITLE, "2024-03-01T08:00:00Z")])
    cut = build_warc([Rec(f"http://a.cn/{i}", notice_html(i).encode()) for i in range(3)])
    package = tmp_path / "crawl.wacz"
    package.write_bytes(build_wacz({"a.warc.gz": good, "b.warc.gz": cut[: len(cut) - 400]}))
    db = tmp_path / "tw.db"
    with Store(db) as store:
        counts = scan([package], store)
    assert counts.failed == 1
    docs = _rows(db, "SELECT path, status, fail_detail FROM documents ORDER BY id")
    assert [d[:2] for d in docs[:3]] == [(URL, "ok"), ("http://a.cn/0", "ok"), ("http://a.cn/1", "ok")]
    assert docs[3][0].startswith("crawl.wacz#archive/b.warc.gz#offset=") and docs[3][1] == "failed"


def test_progress_is_reported_inside_a_large_warc(tmp_path: Path, monkeypatch: Any) -> None:
    import tenderwatch.scan as scan_module

    monkeypatch.setattr(scan_module, "WARC_PROGRESS_EVERY", 2)
    warc = _warc(tmp_path / "in", "crawl.warc.gz", [Rec(f"http://a.cn/{i}", notice_html(i).encode()) for i in range(5)])
    seen: list[tuple[int, str]] = []
    with Store(tmp_path / "tw.db") as store:
        scan([warc], store, progress=lambda number, shown: seen.append((number, shown)))
    assert seen[0] == (1, "crawl.warc.gz") and (1, "crawl.warc.gz: 4 records") in seen


def test_a_record_id_repeated_by_a_careless_tool_keeps_both_fetches(tmp_path: Path) -> None:
    data = build_warc([Rec(f"http://a.cn/{i}", notice_html(i).encode()) for i in range(2)], compress=False)
    ids = re.findall(rb"WARC-Record-ID: (<urn:uuid:[^>]+>)", data)
    warc = tmp_path / "same-ids.warc"
    warc.write_bytes(data.replace(ids[2], ids[1]))  # both responses now carry one id (ids[0]: warcinfo)
    db = tmp_path / "tw.db"
    with Store(db) as store:
        scan([warc], store)
        again = scan([warc], store)
    assert _rows(db, "SELECT url, outcome FROM fetches ORDER BY url") == [
        ("http://a.cn/0", "document"), ("http://a.cn/1", "document")]
    assert again.skipped == 1


def test_an_arc_file_is_scanned_and_a_rescan_adds_no_fetch(tmp_path: Path) -> None:
    arc = tmp_path / "crawl.arc"
    arc.write_bytes(build_arc([("http://a.cn/x.htm", notice_html().encode())]))
    db = tmp_path / "tw.db"
    with Store(db) as store:
        scan([arc], store)
        store.conn.execute("DELETE FROM files WHERE path LIKE '%crawl.arc'")  # read its records again
        store.commit()
        again = scan([arc], store)
    assert again.warc == {"already stored": 1, "not a document: warcinfo record": 1}
    assert _rows(db, "SELECT url, fetched_at, warc_file, warc_record_id, relevant FROM documents") == [
        ("http://a.cn/x.htm", "2024-03-01T08:00:00Z", "crawl.arc", None, 1)]
    assert _rows(db, "SELECT COUNT(*) FROM fetches") == [(1,)]  # before: warcio's made-up id each time


def test_warc_index_files_beside_the_warcs_are_not_notices(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    _warc(folder, "crawl.warc.gz", [_page(OLD_TITLE, "2024-03-01T08:00:00Z")])
    (folder / "crawl.cdx").write_text(  # as wget --warc-cdx writes it
        " CDX a b a m s k r M V g u\n"
        f"{URL} 20240301080000 {URL} text/html 200 5P33CPEU6KTNJUN74QLVUJML64FJRBLY - - 268 0 crawl.warc.gz "
        "<urn:uuid:36d6553b-a6b2-4792-a827-dbf10e49a642>\n", encoding="utf-8")
    (folder / "index.cdxj").write_text(  # as pywb and Browsertrix write it
        'cn,gov,ccgp)/cggg/dfgg/gkzb/202403/t20240301_1.htm 20240301080000 {"url": "' + URL
        + '", "mime": "text/html", "status": "200", "offset": "268", "filename": "crawl.warc.gz"}\n',
        encoding="utf-8")
    (folder / "note.txt").write_text("北京示例大学办公家具采购公告\n采购内容：办公桌10张。\n", encoding="utf-8")
    db = tmp_path / "tw.db"
    with Store(db) as store:
        counts = scan([folder], store)
    assert counts.not_notices == 2 and counts.failed == 0
    reasons = dict(_rows(db, "SELECT file_path, fail_reason FROM documents WHERE file_path NOT LIKE 'http%'"))
    assert reasons == {"crawl.cdx": "not_a_notice", "index.cdxj": "not_a_notice", "note.txt": None}


def test_an_interrupted_warc_scan_resumes_with_nothing_lost_or_doubled(tmp_path: Path, monkeypatch: Any) -> None:
    import pytest

    import tenderwatch.scan as scan_module

    warc = _warc(tmp_path / "in", "crawl.warc.gz", [Rec(f"http://a.cn/{i}", notice_html(i).encode()) for i in range(6)])
    clean = tmp_path / "clean.db"
    with Store(clean) as store:
        scan([warc], store)
    real, calls = scan_module._save_record, []

    def interrupted(*args: Any, **kwargs: Any) -> str:
        calls.append(1)
        if len(calls) == 4:
            raise KeyboardInterrupt  # Ctrl-C (or a kill) in the middle of the WARC
        return str(real(*args, **kwargs))

    db = tmp_path / "tw.db"
    monkeypatch.setattr(scan_module, "_save_record", interrupted)
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        scan([warc], store)
    monkeypatch.setattr(scan_module, "_save_record", real)
    with Store(db) as store:
        resumed = scan([warc], store)
    assert resumed.warc.get("already stored", 0) == 3 and resumed.documents == 3
    query = "SELECT path, url, fetched_at, warc_record_id, relevant FROM documents ORDER BY path"
    assert _rows(db, query) == _rows(clean, query)
    fetches = "SELECT fetch_key, outcome FROM fetches ORDER BY fetch_key"
    assert _rows(db, fetches) == _rows(clean, fetches)


@pytest.mark.slow
def test_kill_9_during_a_warc_scan_then_the_same_command(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    warc = _warc(tmp_path / "in", "crawl.warc.gz",
                 [Rec(f"http://a.cn/{i}", notice_html(i).encode()) for i in range(400)])
    db = tmp_path / "tw.db"
    # commits every 50 ms instead of 2 s, so the kill lands with part of the WARC stored
    start = "import tenderwatch.scan as s; s.COMMIT_SECONDS = 0.05; from tenderwatch.cli.main import main; main()"
    command = [sys.executable, "-c", start, "scan", str(warc), "-q", "--db"]
    proc = subprocess.Popen([*command, str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            if db.exists() and _rows(db, "SELECT COUNT(*) FROM fetches")[0][0] > 0:
                break
        except sqlite3.Error:
            continue
    if proc.poll() is not None:
        pytest.skip("the scan finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if _rows(db, "SELECT COUNT(*) FROM files WHERE path LIKE '%crawl.warc.gz'") != [(0,)]:
        pytest.skip("the scan had stored the whole WARC before it was killed")
    assert _rows(db, "SELECT COUNT(*) FROM documents")[0][0] > 0  # killed part way
    subprocess.run([*command, str(db)], check=False, capture_output=True, timeout=600)
    docs = _rows(db, "SELECT url, status, warc_record_id FROM documents WHERE url IS NOT NULL")
    assert sorted(d[0] for d in docs) == sorted(f"http://a.cn/{i}" for i in range(400))  # none lost, none twice
    assert {d[1] for d in docs} == {"ok"} and len({d[2] for d in docs}) == 400
    assert _rows(db, "SELECT outcome, COUNT(*) FROM fetches GROUP BY outcome") == [("document", 400)]
