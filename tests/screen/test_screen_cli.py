"""The CLI commands of lists_cmds, on a click group of their own (no network)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
from click.testing import CliRunner

from tenderwatch.cli.lists_cmds import register


def _cli() -> click.Group:
    @click.group()
    def main() -> None:
        pass

    register(main)
    return main


def test_lists_shows_counts_newest_dates_and_age(tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli(), ["lists", "--home", str(tmp_path)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "OFAC" in out and "as of" in out and "Entity List" in out and "1260H" in out and "NS-CMIC" in out
    assert "entries: 3,411" in out  # the eCFR Entity List (3,409) and two removed rows of the partial copy
    assert "newest listing: 2025-10-09" in out  # the Entity List's newest Federal Register citation
    assert "WARNING:" in out and "days old" in out  # bundled lists are months old by now


def test_screen_on_a_date_says_whether_the_party_was_listed() -> None:
    before = CliRunner().invoke(_cli(), ["screen", "-", "--json", "--on", "2024-06-01"], input="北京智谱华章科技有限公司\n")
    after = CliRunner().invoke(_cli(), ["screen", "-", "--json", "--on", "2025-06-01"], input="北京智谱华章科技有限公司\n")
    assert before.exit_code == 0 and after.exit_code == 0, before.output + after.output
    hit_before = next(h for h in json.loads(before.output)["hits"] if h["list"] == "Entity List")
    hit_after = next(h for h in json.loads(after.output)["hits"] if h["list"] == "Entity List")
    assert hit_before["listed_since"] == hit_after["listed_since"] == "2025-01-16"  # 90 FR 4619
    assert hit_before["listed_on_date"] is False and hit_after["listed_on_date"] is True
    assert "listed later" in hit_before["reasons"][0] and hit_before["list_meaning"].startswith("BIS Entity List")
    bad = CliRunner().invoke(_cli(), ["screen", "-", "--on", "2024-02-30"], input="x\n")
    assert bad.exit_code != 0 and "day is out of range" in bad.output


def test_compare_on_a_date_screens_both_names() -> None:
    result = CliRunner().invoke(_cli(), ["compare", "北京智谱华章科技有限公司", "Zhipu Huazhang Technology", "--on", "2024-12"])
    assert result.exit_code == 0, result.output
    assert "match: yes" in result.output and "Entity List since 2025-01-16: listed later (after 2024-12)" in result.output


def test_screen_from_stdin() -> None:
    result = CliRunner().invoke(_cli(), ["screen", "-"], input="四川大学\n\n西北大学\n" + "x" * 10_000 + "\n")
    assert result.exit_code == 0, result.output
    assert "Sichuan University" in result.output and "empty name" in result.output and "cut to" in result.output
    assert "西北大学: 0 hit(s)" in result.output


def test_screen_csv_with_identifiers(tmp_path: Path) -> None:
    src = tmp_path / "parties.csv"
    src.write_text("name,identifiers\n某某公司,9111000071093019X7\n", encoding="utf-8")
    result = CliRunner().invoke(_cli(), ["screen", str(src), "--json"])
    assert result.exit_code == 0 and '"listed": true' in result.output


def test_compare_two_names() -> None:
    result = CliRunner().invoke(_cli(), ["compare", "哈尔滨工业大学", "哈尔滨工程大学"])
    assert result.exit_code == 0 and "match: no" in result.output
    result = CliRunner().invoke(_cli(), ["compare", "北航", "Beihang University"])
    assert "match: yes" in result.output and "alias table" in result.output


def test_compare_pairs_file(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    src.write_text("name1,name2\n四川大学,Sichuan University\n西北大学,西北工业大学\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(_cli(), ["compare", "--pairs", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["match"] for r in rows] == ["true", "false"] and list(rows[0]) == ["name1", "name2", "score", "match"]


def test_bad_input_gives_a_message_not_a_traceback(tmp_path: Path, fixtures: Path) -> None:
    runner = CliRunner()
    cases = [
        ["compare", "only one"],
        ["compare", "--pairs", str(fixtures / "malformed.csv")],
        ["screen", str(tmp_path / "missing.txt")],
        ["lists", "update", "--from", str(fixtures / "malformed.csv"), "--home", str(tmp_path)],
        ["lists", "update", "--from", str(tmp_path / "missing.csv"), "--home", str(tmp_path)],
    ]
    for args in cases:
        result = runner.invoke(_cli(), args)
        assert result.exit_code != 0, args
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output and result.output.strip()
