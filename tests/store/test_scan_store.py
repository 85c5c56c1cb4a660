"""Scan into a real SQLite file: idempotent re-scan, resume, failures, raw bytes kept."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tenderwatch.cli.main import main
from tenderwatch.scan import DocumentTimeout, scan, time_limit
from tenderwatch.store.db import Store
from tenderwatch.store.queries import iter_rows

POSITIVE = """示例大学GPU加速卡采购项目成交公告
2024年03月12日 来源：示例政府采购网

一、项目编号：SL-2024-0312
二、项目名称：示例大学GPU加速卡采购项目
三、成交信息
供应商名称：样例智算科技有限公司
成交金额：人民币壹佰贰拾万元整（￥1,200,000.00）
四、主要标的信息
名称\t品牌\t规格型号\t数量\t单价（元）
GPU加速卡\t英伟达\tH800 80GB PCIe\t4块\t300,000.00
五、采购人信息
名称：示例大学
"""

NEGATIVE = """示例中学课桌椅采购项目招标公告
2024年05月06日

一、项目编号：KZY-2024-0506
二、采购人：示例市第一中学
三、预算金额：38.6万元
四、采购需求：学生课桌椅200套。
"""


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "award.txt").write_text(POSITIVE, encoding="utf-8")
    (folder / "desks.txt").write_text(NEGATIVE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _snapshot(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT path, sha256, status, relevant, row_json FROM documents ORDER BY path"
        ).fetchall()
    finally:
        conn.close()


def test_scan_stores_documents_failures_and_raw_bytes(tmp_path: Path) -> None:
    notices = _write(tmp_path / "in")
    db = tmp_path / "s.db"
    with Store(db) as store:
        counts = scan([notices], store)
        assert counts.files == 3
        assert counts.failed == 1
        assert counts.failures == {"empty": 1}
        rows = {row["path"]: row for row in iter_rows(store)}
        assert set(rows) == {"award.txt", "desks.txt", "empty.txt"}
        assert rows["empty.txt"]["status"] == "failed"
        assert rows["empty.txt"]["failure"]["reason"] == "empty"
        sha = rows["award.txt"]["sha256"]
        assert store.blob(sha) == (notices / "award.txt").read_bytes()


def test_rescan_of_same_input_changes_nothing(tmp_path: Path) -> None:
    notices = _write(tmp_path / "in")
    db = tmp_path / "s.db"
    with Store(db) as store:
        scan([notices], store)
    before = _snapshot(db)
    with Store(db) as store:
        counts = scan([notices], store)
    assert counts.skipped == 3
    assert counts.documents == 0
    assert _snapshot(db) == before


def test_changed_file_replaces_its_documents(tmp_path: Path) -> None:
    notices = _write(tmp_path / "in")
    db = tmp_path / "s.db"
    with Store(db) as store:
        scan([notices], store)
    (notices / "desks.txt").write_text(NEGATIVE.replace("200套", "300套"), encoding="utf-8")
    with Store(db) as store:
        counts = scan([notices], store)
    assert counts.documents == 1
    paths = [row[0] for row in _snapshot(db)]
    assert paths.count("desks.txt") == 1


def test_interrupted_scan_resumes(tmp_path: Path) -> None:
    notices = _write(tmp_path / "in")
    db = tmp_path / "s.db"

    def stop_at_second(number: int, display: str) -> None:
        if number == 2:
            raise KeyboardInterrupt

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        scan([notices], store, progress=stop_at_second)
    assert len(_snapshot(db)) == 1
    with Store(db) as store:
        counts = scan([notices], store)
    assert counts.skipped == 1
    assert len(_snapshot(db)) == 3


def test_time_limit_interrupts_a_runaway_stage() -> None:
    with pytest.raises(DocumentTimeout), time_limit(0.05):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pass


def test_cli_scan_export_show(tmp_path: Path) -> None:
    notices = _write(tmp_path / "in")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    result = runner.invoke(main, ["scan", str(notices), "--db", db, "-q"])
    assert result.exit_code == 2, result.output  # one document failed
    assert "failed: 1" in result.output
    assert "not proof" in result.output

    result = runner.invoke(main, ["export", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert {r["path"] for r in rows} == {"award.txt", "desks.txt", "empty.txt"}
    for key in ("relevant", "categories", "items", "providers", "buyer", "suppliers", "amount_cny",
                "notice_date", "notice_type", "findings"):
        assert all(key in r for r in rows), key

    out_csv = tmp_path / "x.csv"
    result = runner.invoke(main, ["export", "--db", db, "--format", "csv", "-o", str(out_csv)])
    assert result.exit_code == 0, result.output
    assert out_csv.read_text(encoding="utf-8").splitlines()[0].startswith("path,status,relevant")

    out_xlsx = tmp_path / "x.xlsx"
    result = runner.invoke(main, ["export", "--db", db, "--format", "xlsx", "-o", str(out_xlsx)])
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    sheet = load_workbook(out_xlsx).active
    assert sheet is not None and sheet.max_row == 4

    result = runner.invoke(main, ["show", "--db", db, "empty.txt"])
    assert result.exit_code == 0
    assert "empty" in result.output
    result = runner.invoke(main, ["show", "--db", db, "nope.txt"])
    assert result.exit_code != 0 and "no document" in result.output


def test_export_of_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "no scan store" in result.output


def test_reviews_stay_attached_when_a_file_is_rescanned(tmp_path: Path) -> None:
    from tenderwatch.store.reviews import add_review

    notices = _write(tmp_path / "in")
    db = tmp_path / "s.db"
    with Store(db) as store:
        scan([notices], store)
        doc_id, finding_id = store.conn.execute(
            "SELECT d.id, f.id FROM documents d JOIN findings f ON f.doc_id = d.id WHERE d.path = 'award.txt'"
        ).fetchone()
        add_review(store, "notice", doc_id, "confirmed", "checked the award", "ana")
        add_review(store, "finding", finding_id, "confirmed", "H800 card", "ana")
    (notices / "award.txt").write_text(POSITIVE + "\n六、其他补充事宜：无\n", encoding="utf-8")
    with Store(db) as store:
        assert scan([notices], store).documents == 1
        new_doc, = store.conn.execute("SELECT id FROM documents WHERE path = 'award.txt'").fetchone()
        assert new_doc == doc_id
        targets = store.conn.execute(
            "SELECT r.target_type, r.target_id, f.doc_id FROM reviews r"
            " LEFT JOIN findings f ON r.target_type = 'finding' AND f.id = r.target_id ORDER BY r.id"
        ).fetchall()
        assert targets[0][:2] == ("notice", doc_id)
        assert targets[1][0] == "finding" and targets[1][2] == doc_id
        rows = {row["path"]: row for row in iter_rows(store)}
        assert rows["award.txt"]["review_status"] == "confirmed"


def test_search_index_covers_leads_and_text_scan_finds_the_rest(tmp_path: Path) -> None:
    from tenderwatch.store.leads import LeadFilter, query_leads

    notices = _write(tmp_path / "in")
    db = tmp_path / "s.db"
    with Store(db) as store:
        scan([notices], store)
        indexed = store.conn.execute("SELECT COUNT(*) FROM search_fts_docsize").fetchone()[0]
        leads = store.conn.execute("SELECT COUNT(*) FROM documents WHERE indexed = 1").fetchone()[0]
        assert indexed == leads == 1  # the H800 award; the desks tender has no finding
        store.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
        hit = query_leads(store, LeadFilter(q="样例智算科技"))
        assert [row["path"] for row in hit.rows] == ["award.txt"]
        assert query_leads(store, LeadFilter(q="学生课桌椅")).total == 0  # not a lead
        everything = query_leads(store, LeadFilter(q="学生课桌椅", all_notices=True))
        assert [row["path"] for row in everything.rows] == ["desks.txt"]
    (notices / "award.txt").write_text(POSITIVE + "\n备注：无\n", encoding="utf-8")
    with Store(db) as store:
        scan([notices], store)
        store.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
        assert query_leads(store, LeadFilter(q="样例智算科技")).total == 1


def test_parallel_scan_stores_the_same_rows(tmp_path: Path) -> None:
    notices = _write(tmp_path / "in")
    for index in range(40):
        (notices / f"extra{index:02d}.txt").write_text(NEGATIVE.replace("200套", f"{index}套"), encoding="utf-8")
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    with Store(serial) as store:
        scan([notices], store)
    with Store(parallel) as store:
        counts = scan([notices], store, workers=2)
    assert counts.files == 43 and counts.failed == 1 and counts.workers == 2

    def rows(db: Path) -> list[tuple[object, ...]]:
        return [(path, sha, status, relevant, json.loads(row)["findings"]) for path, sha, status, relevant, row
                in _snapshot(db)]

    assert rows(serial) == rows(parallel)


def test_scan_on_a_dask_cluster_stores_the_same_rows(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    notices = _write(tmp_path / "in")
    serial, on_dask = tmp_path / "serial.db", tmp_path / "dask.db"
    with Store(serial) as store:
        scan([notices], store)
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2,
                            dashboard_address=None) as client, Store(on_dask) as store:
        counts = scan([notices], store, executor=client.get_executor())
    assert counts.files == 3 and counts.failed == 1
    assert _snapshot(serial) == _snapshot(on_dask)


def test_cli_scan_with_dask_scheduler_address(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    notices = _write(tmp_path / "in")
    with distributed.LocalCluster(processes=False, n_workers=1, dashboard_address=None) as cluster:
        result = CliRunner().invoke(
            main, ["scan", str(notices), "--db", str(tmp_path / "d.db"), "-q", "--dask", cluster.scheduler_address]
        )
    assert result.exit_code == 2, result.output  # the empty file fails, the others are read
    assert "notices read this run: 3, failed: 1" in result.output
