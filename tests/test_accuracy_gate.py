"""Accuracy gate on the labelled dev corpus and the real (negative) corpus.

Floors live in tests/accuracy_floors.json. Raise them as the scanner improves;
lowering one is a decision to write down in the commit message, never a silent edit.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tenderwatch.cli.main import main

FLOORS = json.loads((Path(__file__).parent / "accuracy_floors.json").read_text(encoding="utf-8"))


def _scan_export(folder: Path, tmp: Path) -> Path:
    db = tmp / "gate.db"
    runner = CliRunner()
    result = runner.invoke(main, ["scan", str(folder), "--db", str(db), "-q"])
    assert result.exit_code in (0, 2), result.output
    out = tmp / "export.jsonl"
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def dev_result(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    pred = _scan_export(shared / "corpus" / "dev", tmp_path_factory.mktemp("dev"))
    completed = subprocess.run(
        [sys.executable, str(shared / "tools" / "evaluate"), "--labels", str(shared / "corpus" / "dev"),
         "--pred", str(pred), "--json"],
        capture_output=True, text=True, check=False,
    )
    text = completed.stdout
    return dict(json.loads(text[: text.rindex("}") + 1]))


def test_dev_relevance_f1(dev_result: dict[str, object]) -> None:
    assert dev_result["predicted"] == dev_result["documents"]
    assert float(dev_result["doc_f1"]) >= FLOORS["doc_f1"], dev_result["errors"]


def test_dev_field_scores(dev_result: dict[str, object]) -> None:
    assert float(dev_result["fields_mean"]) >= FLOORS["fields_mean"], dev_result["errors"]
    fields = dev_result["fields"]
    assert isinstance(fields, dict)
    for name, floor in FLOORS["fields"].items():
        assert fields[name] >= floor, (name, fields[name], dev_result["errors"])


def test_real_corpus_has_no_relevant_notice(shared: Path, tmp_path: Path) -> None:
    pred = _scan_export(shared / "corpus" / "real", tmp_path)
    rows = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= FLOORS["real_min_documents"]
    relevant = [row["path"] for row in rows if row["relevant"]]
    assert relevant == []
    failed = [row["path"] for row in rows if row["status"] == "failed"]
    assert failed == []
