"""Scan with workers that read their own inputs: names go out, bytes and results come back."""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tenderwatch.model import FailReason
from tenderwatch.read import Limits
from tenderwatch.scan import scan
from tenderwatch.scaninput import Item, read_item
from tenderwatch.store.db import Store

AWARD = """示例大学GPU加速卡采购项目成交公告
2024年03月12日

一、项目编号：SL-2024-0312
二、成交信息
供应商名称：样例智算科技有限公司
成交金额：人民币壹佰贰拾万元整（￥1,200,000.00）
三、主要标的：GPU加速卡 英伟达 H800 80GB PCIe 4块
四、采购人信息 名称：示例大学
"""
TENDER = """示例中学课桌椅采购项目招标公告
2024年05月06日

一、项目编号：KZY-2024-0506
二、采购人：示例市第一中学
三、预算金额：{n}万元
"""


def _corpus(folder: Path, n: int = 40) -> Path:
    folder.mkdir(parents=True)
    (folder / "award.txt").write_text(AWARD, encoding="utf-8")
    for index in range(n):
        (folder / f"t{index:03d}.txt").write_text(TENDER.format(n=index + 1), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _rows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT path, sha256, status, relevant, row_json FROM documents ORDER BY path").fetchall()


class Recording(ThreadPoolExecutor):
    """An executor that keeps what was sent to the workers and what came back."""

    def __init__(self) -> None:
        super().__init__(max_workers=2)
        self.sent: list[Item] = []
        self.back: list[Item] = []

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.sent.extend(args[0])
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(lambda done: self.back.extend(done.result()))
        return future


def test_workers_get_names_not_bytes_and_skip_unchanged_files(tmp_path: Path) -> None:
    notices = _corpus(tmp_path / "in")
    serial, pooled = tmp_path / "serial.db", tmp_path / "pooled.db"
    with Store(serial) as store:
        scan([notices], store)
    executor = Recording()
    with executor, Store(pooled) as store:
        counts = scan([notices], store, executor=executor)
    assert counts.files == 42 and counts.failed == 1 and counts.skipped == 0
    assert len(executor.sent) == 42 and all(item.data == b"" and item.source for item in executor.sent)
    assert _rows(serial) == _rows(pooled)
    (notices / "t000.txt").write_text(TENDER.format(n=999), encoding="utf-8")
    again = Recording()
    with again, Store(pooled) as store:
        counts = scan([notices], store, executor=again)
    # the worker reads and hashes each file; only the changed one is processed and its bytes sent back
    assert counts.skipped == 41 and counts.documents == 1
    assert [item.display for item in again.back if item.results is not None] == ["t000.txt"]
    assert all(item.data == b"" for item in again.back if item.results is None)


def test_parallel_scan_with_a_small_input_stays_in_one_process(tmp_path: Path) -> None:
    notices = _corpus(tmp_path / "in", n=2)
    with Store(tmp_path / "s.db") as store:
        counts = scan([notices], store, workers=4)
    assert counts.workers == 1 and counts.files == 4 and counts.documents == 4


def test_worker_reads_an_fsspec_url(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    page = tmp_path / "award.txt"
    page.write_text(AWARD, encoding="utf-8")
    item = read_item(Item("award.txt", b"", "", source=page.as_uri()), Limits())
    assert item.data == page.read_bytes() and item.results is None and len(item.sha) == 64
    small = read_item(Item("award.txt", b"", "", source=page.as_uri()), Limits(max_file_bytes=100))
    assert small.results is not None and small.results[0].failure is not None
    assert small.results[0].failure.reason is FailReason.TOO_LARGE
    missing = read_item(Item("gone.txt", b"", "", source=(tmp_path / "gone.txt").as_uri()), Limits())
    assert missing.results is not None and missing.results[0].failure is not None
    assert missing.results[0].failure.reason is FailReason.CORRUPT


def test_scan_lists_and_reads_fsspec_urls_in_process_and_on_workers(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    memory.pipe("/tw-notices/award.txt", AWARD.encode("utf-8"))
    memory.pipe("/tw-notices/sub/t1.txt", TENDER.format(n=5).encode("utf-8"))
    memory.pipe("/tw-notices/.hidden/t2.txt", b"skipped")
    try:
        with Store(tmp_path / "one.db") as store:
            counts = scan(["memory://tw-notices"], store)
        assert counts.files == 2 and counts.documents == 2 and counts.relevant == 1
        executor = Recording()
        with executor, Store(tmp_path / "pool.db") as store:
            scan(["memory://tw-notices"], store, executor=executor)
        urls = [memory.unstrip_protocol(f"/tw-notices/{name}") for name in ("award.txt", "sub/t1.txt")]
        assert [item.source for item in executor.sent] == urls
        assert _rows(tmp_path / "one.db") == _rows(tmp_path / "pool.db")
        assert [row[0] for row in _rows(tmp_path / "one.db")] == urls
    finally:
        memory.rm("/tw-notices", recursive=True)


def test_cli_scan_takes_a_url_and_rejects_a_missing_path(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tenderwatch.cli.main import main

    page = tmp_path / "award.txt"
    page.write_text(AWARD, encoding="utf-8")
    done = CliRunner().invoke(main, ["scan", page.as_uri(), "--db", str(tmp_path / "s.db"), "-q"])
    assert done.exit_code == 0, done.output
    assert "notices read this run: 1, failed: 0" in done.output
    missing = CliRunner().invoke(main, ["scan", str(tmp_path / "nope"), "--db", str(tmp_path / "s.db")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_a_url_that_cannot_be_listed_or_read_is_stored_as_failed(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    with Store(tmp_path / "s.db") as store:
        counts = scan(["nosuchprotocol://host/notices"], store)
    assert counts.files == 1 and counts.failed == 1 and counts.failures == {"corrupt": 1}


def test_bytes_come_back_packed_once_and_rows_built_by_the_worker(tmp_path: Path) -> None:
    from tenderwatch.store.blobcodec import unpack
    from tenderwatch.store.docrow import doc_row

    notices = _corpus(tmp_path / "in", n=3)
    executor = Recording()
    with executor, Store(tmp_path / "s.db") as store:
        scan([notices], store, executor=executor)
    back = {item.display: item for item in executor.back}
    award = back["award.txt"]
    assert award.data == b"" and award.packed is not None  # the raw bytes do not travel beside the packed ones
    assert unpack(award.packed.compression, award.packed.data) == (notices / "award.txt").read_bytes()
    assert award.results is not None and award.rows == [doc_row(result) for result in award.results]
