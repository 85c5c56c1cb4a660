"""The full-text index of leads is written in bulk when the store commits (migration 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tenderwatch.pipeline import process_bytes
from tenderwatch.store.db import Store
from tenderwatch.store.leads import LeadFilter, query_leads

LEAD = """示例大学GPU服务器采购项目中标公告
2024年03月12日
一、项目编号：SL-2024-0312-{n}
二、中标信息 供应商名称：样例{n}科技有限公司 中标金额：120万元
三、主要标的：8卡H800服务器 2台
四、采购人信息 名称：示例大学
"""


def _save(store: Store, path: str, text: str) -> None:
    data = text.encode("utf-8")
    results = process_bytes(data, path)
    assert results[0].findings  # a lead: it goes to the index
    store.save_file(path, data, results[0].sha256, "v", results, commit=False)


def _pending(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM fts_pending").fetchone()[0])


def test_leads_are_indexed_at_commit_and_a_replaced_lead_only_once(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        _save(store, "a.txt", LEAD.format(n="甲"))
        _save(store, "b.txt", LEAD.format(n="乙"))
        assert _pending(store) == 2
        _save(store, "a.txt", LEAD.format(n="丙"))  # replaced before the commit: dequeued, not deleted
        store.commit()
        assert _pending(store) == 0
        store.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
        assert [r["path"] for r in query_leads(store, LeadFilter(q="样例丙科技")).rows] == ["a.txt"]
        assert query_leads(store, LeadFilter(q="样例甲科技")).total == 0
        _save(store, "b.txt", LEAD.format(n="丁"))  # replaced after the commit: deleted from the index
        store.commit()
        store.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
        assert query_leads(store, LeadFilter(q="样例乙科技")).total == 0
        assert query_leads(store, LeadFilter(q="样例丁科技")).total == 1


def test_a_lead_changed_after_it_was_saved_is_indexed_as_stored(tmp_path: Path) -> None:
    """The writer folds a lead for the index when it saves it; a document row changed before the commit
    (another write to the same id) is indexed as the store holds it at the commit."""
    with Store(tmp_path / "s.db") as store:
        _save(store, "a.txt", LEAD.format(n="甲"))
        store.conn.execute("UPDATE documents SET text = replace(text, '样例甲', '样例戊') WHERE path = 'a.txt'")
        store.commit()
        store.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
        assert query_leads(store, LeadFilter(q="样例戊科技")).total == 1
        assert query_leads(store, LeadFilter(q="样例甲科技")).total == 0


def test_a_writer_that_saves_many_documents_keeps_its_temporary_files_in_memory(tmp_path: Path) -> None:
    # each document is saved in a savepoint whose page journal (~70 KB a notice) passed SQLite's in-memory
    # limit and went to a temporary file: ~34 writes a notice, 3/4 of a scan's writes
    with Store(tmp_path / "s.db", bulk=True) as store:
        assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        _save(store, "a.txt", LEAD.format(n="甲"))
        store.commit()
    with Store(tmp_path / "s.db") as store:  # any other writer as SQLite is built (its sorts may be large)
        assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 0
        assert [r["path"] for r in query_leads(store, LeadFilter(q="样例甲科技")).rows] == ["a.txt"]


def test_the_scan_command_writes_as_a_bulk_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from tenderwatch.cli.main import main
    from tenderwatch.store import db

    seen: list[bool] = []
    real = db.Store.__init__

    def init(self: Store, path: str | Path, *, readonly: bool = False, bulk: bool = False) -> None:
        seen.append(bulk)
        real(self, path, readonly=readonly, bulk=bulk)

    monkeypatch.setattr(db.Store, "__init__", init)
    (tmp_path / "n.txt").write_text(LEAD.format(n="乙"), encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "n.txt"), "--db", str(tmp_path / "s.db"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert seen[0] is True
