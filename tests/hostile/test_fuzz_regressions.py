"""Each input in ../shared/fuzz/ (mutations that crashed, hung or lost records) scans to
read or failed documents, exit code 0 or 2, within the per-file limit, every record kept."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tenderwatch.cli.main import main

LIMIT = 20.0  # seconds per file given to the scan; every input must finish well inside it


def _scan(tmp_path: Path, *inputs: Path) -> tuple[int, dict[str, dict[str, Any]], float]:
    db = tmp_path / "s.db"
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["scan", "-q", "--db", str(db), "--timeout", str(LIMIT), *map(str, inputs)], catch_exceptions=False
    )
    took = time.monotonic() - started
    out = CliRunner().invoke(main, ["export", "--db", str(db)], catch_exceptions=False).output
    rows = {row["path"]: row for row in map(json.loads, out.splitlines())}
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert result.exit_code in (0, 2), result.output
    return result.exit_code, rows, took


def _fuzz(shared: Path, name: str) -> Path:
    path = shared / "fuzz" / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared/fuzz")
    return path


def _statuses(rows: dict[str, dict[str, Any]]) -> dict[str, str | None]:
    return {p: (r["failure"] or {}).get("reason") for p, r in rows.items()}


@pytest.mark.parametrize("name", ["lone-surrogate-record.json", "lone-surrogate-key.txt"])
def test_lone_surrogates_become_replacement_characters(shared: Path, tmp_path: Path, name: str) -> None:
    code, rows, _ = _scan(tmp_path, _fuzz(shared, name))
    assert code == 0
    (row,) = rows.values()
    assert row["status"] == "ok"
    assert "replaced by U+FFFD" in row["read_warning"]


def test_gbk_json_without_extension_keeps_every_record(shared: Path, tmp_path: Path) -> None:
    _, rows, _ = _scan(tmp_path, _fuzz(shared, "gbk-json-rtl-no-extension"))
    assert len(rows) == 3
    assert all(row["status"] == "ok" for row in rows.values())


@pytest.mark.parametrize("name", ["nested-tables-50k.txt", "nested-lists-200k.html"])
def test_deeply_nested_html_is_too_complex_within_the_limit(shared: Path, tmp_path: Path, name: str) -> None:
    code, rows, took = _scan(tmp_path, _fuzz(shared, name))
    assert code == 2
    assert _statuses(rows) == {name: "too_complex"}
    assert "limit 2000" in rows[name]["failure"]["detail"]
    assert took < LIMIT


def test_nested_html_inside_a_json_record_fails_that_record_only(shared: Path, tmp_path: Path) -> None:
    nested = _fuzz(shared, "nested-tables-50k.txt").read_text("utf-8", "replace")
    records = [{"id": "a", "title": "示例大学采购公告", "content": "<p>采购人：示例大学</p>"},
               {"id": "b", "title": "嵌套", "content": nested},
               {"id": "c", "title": "示例中学采购公告", "content": "<p>采购人：示例中学</p>"}]
    path = tmp_path / "crawl.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    _, rows, took = _scan(tmp_path, path)
    assert _statuses(rows) == {"crawl.json#a": None, "crawl.json#b": "too_complex", "crawl.json#c": None}
    assert took < LIMIT


def test_zip_of_junk_members_only_is_accounted_for(shared: Path, tmp_path: Path) -> None:
    code, rows, _ = _scan(tmp_path, _fuzz(shared, "junk-members-only.zip"))
    assert code == 2
    assert _statuses(rows) == {"junk-members-only.zip": "empty"}
    assert "junk" in rows["junk-members-only.zip"]["failure"]["detail"]


def test_huge_integer_date_loses_no_record(shared: Path, tmp_path: Path) -> None:
    _, rows, _ = _scan(tmp_path, _fuzz(shared, "huge-int-date.json"))
    records = json.loads(_fuzz(shared, "huge-int-date.json").read_text("utf-8"))
    assert len(rows) == len(records) == 10
    assert all(row["status"] == "ok" for row in rows.values())
    for row in rows.values():  # no 400-digit "date"
        assert row["notice_date"] is None or len(row["notice_date"]) == 10


def test_400_digit_amount_is_not_a_value_and_keeps_the_finding(shared: Path, tmp_path: Path) -> None:
    code, rows, _ = _scan(tmp_path, _fuzz(shared, "400-digit-amount.txt"))
    assert code == 0
    (row,) = rows.values()
    assert row["status"] == "ok" and row["relevant"]
    assert row["amount_cny"] is None or row["amount_cny"] < 1e15


@pytest.mark.parametrize(("name", "paths"), [
    ("duplicate-member-names.zip", {"duplicate-member-names.zip#a/same.html", "duplicate-member-names.zip#b/same.html"}),
    ("same-path-twice.zip", {"same-path-twice.zip#same.html", "same-path-twice.zip#same.html#\\2"}),
])
def test_every_zip_member_is_stored_under_its_own_key(
    shared: Path, tmp_path: Path, name: str, paths: set[str]
) -> None:
    _, rows, _ = _scan(tmp_path, _fuzz(shared, name))
    assert set(rows) == paths
    assert all(row["status"] == "ok" for row in rows.values())
    # the same keys on a re-scan of a changed archive: nothing doubled, nothing lost
    _, again, _ = _scan(tmp_path, _fuzz(shared, name))
    assert set(again) == paths
