"""A store written by a newer tenderwatch is refused, not misread (its raw bytes may be packed with a codec
this version does not know): the writable and the read-only open both say so, and the CLI prints a message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tenderwatch.cli.main import main
from tenderwatch.store.db import Store
from tenderwatch.store.schema import SCHEMA_VERSION, NewerStoreError


def _newer_store(path: Path) -> Path:
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _migrations(version, applied_at) VALUES (?, datetime('now'))",
                     (SCHEMA_VERSION + 1,))
    return path


def test_newer_store_refused_both_ways(tmp_path: Path) -> None:
    db = _newer_store(tmp_path / "newer.db")
    with pytest.raises(NewerStoreError, match=f"schema {SCHEMA_VERSION + 1}"):
        Store(db)
    with pytest.raises(NewerStoreError, match="upgrade tenderwatch"):
        Store(db, readonly=True)
    with sqlite3.connect(db) as conn:  # nothing was changed by the refused open
        assert max(row[0] for row in conn.execute("SELECT version FROM _migrations")) == SCHEMA_VERSION + 1


def test_current_store_opens(tmp_path: Path) -> None:
    db = tmp_path / "ok.db"
    Store(db).close()
    with Store(db, readonly=True) as store:
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_cli_says_upgrade(tmp_path: Path) -> None:
    db = _newer_store(tmp_path / "newer.db")
    result = CliRunner().invoke(main, ["export", "--db", str(db)])
    assert result.exit_code == 1
    assert "written by a newer tenderwatch" in result.output
    assert "Traceback" not in result.output
