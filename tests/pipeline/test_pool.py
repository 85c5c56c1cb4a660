"""The scan's worker side: what a worker sends back to the writer, and the warm-up before the first file."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from tenderwatch.model import DocResult
from tenderwatch.read import Limits
from tenderwatch.scan import _ready, _repeated_bytes, scan
from tenderwatch.scaninput import Item
from tenderwatch.store.blobcodec import Packed
from tenderwatch.store.db import Store
from tenderwatch.warm import WARM_UP_NOTICE, warm_up

PAGE = "示例中学课桌椅采购项目招标公告\n采购人：示例市第一中学\n预算金额：38.6万元\n".encode()


def _processed(name: str, data: bytes) -> Item:
    sha = hashlib.sha256(data).hexdigest()
    return Item(name, data, sha, [DocResult(path=name, sha256=sha, fmt="text")])


def test_a_worker_sends_the_same_bytes_once() -> None:
    first, again = _ready(_processed("a.txt", PAGE), "scan-1"), _ready(_processed("b.txt", PAGE), "scan-1")
    assert isinstance(first.packed, Packed) and first.data == b"" and first.repeated is None
    assert again.packed is None and again.data == b"" and again.repeated == len(PAGE)  # only their size
    assert first.rows is not None and again.rows is not None and len(again.rows) == 1
    # another scan (maybe into another store) packs them again
    assert isinstance(_ready(_processed("a.txt", PAGE), "scan-2").packed, Packed)


def test_copies_of_one_page_scanned_in_workers_keep_its_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(40):
        (folder / f"copy{index:02d}.txt").write_bytes(PAGE)
    db = tmp_path / "s.db"
    with Store(db) as store:
        counts = scan([folder], store, workers=2)
        assert counts.read == 40 and counts.workers == 2
        assert store.blob(hashlib.sha256(PAGE).hexdigest()) == PAGE
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1


def test_warm_up_notice_goes_through_the_whole_pipeline() -> None:
    warm_up()  # idempotent: builds what the first notice would
    from tenderwatch.parties import resolve_parties
    from tenderwatch.pipeline import process_bytes

    result = process_bytes(WARM_UP_NOTICE, "warm-up.txt", finish=resolve_parties)[0]
    assert result.failure is None and result.relevant  # detection, notice parsing and screening all ran
    assert {party.role for party in result.parties} >= {"buyer"}


def test_repeated_bytes_the_store_does_not_keep_are_read_again(tmp_path: Path) -> None:
    page = tmp_path / "b.txt"
    page.write_bytes(PAGE)
    item = Item("b.txt", b"", hashlib.sha256(PAGE).hexdigest(), source=str(page), repeated=len(PAGE))
    with Store(tmp_path / "s.db") as store:
        assert _repeated_bytes(item, store, Limits()) == PAGE  # not kept (a save that failed): read again
        store.save_file("a.txt", PAGE, item.sha, "v", [])
        assert _repeated_bytes(item, store, Limits()) is None  # kept: nothing to send
        page.write_bytes(b"changed since")
        store.conn.execute("DELETE FROM blobs")
        assert _repeated_bytes(item, store, Limits()) is None  # other bytes now: none kept for this sha
