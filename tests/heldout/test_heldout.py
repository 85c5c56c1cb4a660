"""Generalisation gate on our own held-out corpus (tests/heldout/corpus).

The corpus is written differently from ../shared/corpus/dev (other templates, label words,
amount and date notations, encodings, hard negatives). Floors live in floors.json next to
this file; raise them as the scanner improves, never lower one silently.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tenderwatch.cli.main import main

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
EVALUATOR = HERE.parent.parent.parent / "shared" / "tools" / "evaluate"


def _labels() -> list[dict[str, Any]]:
    lines = (CORPUS / "labels-heldout.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_labels_cover_every_notice() -> None:
    files = {p.name for p in CORPUS.iterdir() if not p.name.startswith("labels")}
    labelled = [str(row["file"]) for row in _labels()]
    assert sorted(labelled) == sorted(files)
    assert len(labelled) == len(set(labelled))


@pytest.fixture(scope="module")
def heldout_result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not EVALUATOR.is_file():
        pytest.skip("../shared/tools/evaluate is not present")
    tmp = tmp_path_factory.mktemp("heldout")
    db = tmp / "heldout.db"
    runner = CliRunner()
    result = runner.invoke(main, ["scan", str(CORPUS), "--db", str(db), "-q"])
    assert result.exit_code in (0, 2), result.output
    pred = tmp / "export.jsonl"
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "jsonl", "-o", str(pred)])
    assert result.exit_code == 0, result.output
    completed = subprocess.run(
        [sys.executable, str(EVALUATOR), "--labels", str(CORPUS), "--pred", str(pred), "--json"],
        capture_output=True, text=True, check=False,
    )
    text = completed.stdout
    return dict(json.loads(text[: text.rindex("}") + 1]))


def test_heldout_every_notice_predicted(heldout_result: dict[str, Any]) -> None:
    assert heldout_result["predicted"] == heldout_result["documents"] == len(_labels())


def test_heldout_relevance_f1(heldout_result: dict[str, Any]) -> None:
    assert float(heldout_result["doc_f1"]) >= FLOORS["doc_f1"], heldout_result["errors"]


def test_heldout_field_scores(heldout_result: dict[str, Any]) -> None:
    assert float(heldout_result["fields_mean"]) >= FLOORS["fields_mean"], heldout_result["errors"]
    fields = heldout_result["fields"]
    assert isinstance(fields, dict)
    for name, floor in FLOORS["fields"].items():
        assert fields[name] >= floor, (name, fields[name], heldout_result["errors"])
