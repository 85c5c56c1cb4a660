"""Accuracy gates: the labelled dev corpus, the web corpus (news, adverts, disclosures, aggregator pages),
our six held-out corpora, and the real (negative) corpus.

Each labelled corpus is scanned and exported through the CLI and scored by the shared evaluator.
Floors live beside each corpus (``tests/accuracy_floors.json`` for dev, ``tests/web_floors.json`` for web,
``tests/heldout*/floors.json``).
Raise them as the scanner improves; lowering one is a decision to write down in the commit message,
never a silent edit. The held-out corpora were written without reading the scanner; never tune the
scanner on their files: a regression there is a generalisation signal, not a list of cases to special-case.
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

TESTS = Path(__file__).resolve().parent
# name -> (corpus folder relative to ../shared or to tests/, floors file)
CORPORA: dict[str, tuple[str, Path]] = {
    "dev": ("shared:corpus/dev", TESTS / "accuracy_floors.json"),
    "heldout": ("tests:heldout/corpus", TESTS / "heldout" / "floors.json"),
    "heldout2": ("tests:heldout2/corpus", TESTS / "heldout2" / "floors.json"),
    "heldout3": ("tests:heldout3/corpus", TESTS / "heldout3" / "floors.json"),
    "heldout4": ("tests:heldout4/corpus", TESTS / "heldout4" / "floors.json"),
    "heldout5": ("tests:heldout5/corpus", TESTS / "heldout5" / "floors.json"),
    "heldout6": ("tests:heldout6/corpus", TESTS / "heldout6" / "floors.json"),
    "web": ("shared:corpus/web", TESTS / "web_floors.json"),
}


def _folder(spec: str, shared: Path) -> Path:
    base, rel = spec.split(":", 1)
    return (shared if base == "shared" else TESTS) / rel


def scan_export(folder: Path, tmp: Path) -> tuple[Path, list[dict[str, Any]]]:
    """Scan ``folder`` into a fresh store and export JSONL through the CLI."""
    db = tmp / "gate.db"
    runner = CliRunner()
    result = runner.invoke(main, ["scan", str(folder), "--db", str(db), "-q"])
    assert result.exit_code in (0, 2), result.output
    out = tmp / "export.jsonl"
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out, rows


def evaluate(shared: Path, labels: Path, pred: Path) -> dict[str, Any]:
    evaluator = shared / "tools" / "evaluate"
    completed = subprocess.run(
        [sys.executable, str(evaluator), "--labels", str(labels), "--pred", str(pred), "--json"],
        capture_output=True, text=True, check=False,
    )
    text = completed.stdout
    assert "{" in text, completed.stderr
    return dict(json.loads(text[: text.rindex("}") + 1]))


@pytest.fixture(scope="module", params=list(CORPORA))
def gate(
    request: pytest.FixtureRequest, shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    name = str(request.param)
    spec, floors_file = CORPORA[name]
    folder = _folder(spec, shared)
    pred, rows = scan_export(folder, tmp_path_factory.mktemp(name))
    floors = json.loads(floors_file.read_text(encoding="utf-8"))
    return name, floors, evaluate(shared, folder, pred), rows


def test_every_labelled_document_is_read_and_predicted(
    gate: tuple[str, dict[str, Any], dict[str, Any], list[dict[str, Any]]],
) -> None:
    name, floors, result, rows = gate
    assert result["predicted"] == result["documents"], (name, result["errors"])
    if "documents" in floors:
        assert result["documents"] == floors["documents"]
    assert [row["path"] for row in rows if row["status"] == "failed"] == []


def test_relevance_f1(gate: tuple[str, dict[str, Any], dict[str, Any], list[dict[str, Any]]]) -> None:
    name, floors, result, _ = gate
    assert float(result["doc_f1"]) >= floors["doc_f1"], (name, result["errors"])


def test_field_scores(gate: tuple[str, dict[str, Any], dict[str, Any], list[dict[str, Any]]]) -> None:
    name, floors, result, _ = gate
    assert float(result["fields_mean"]) >= floors["fields_mean"], (name, result["errors"])
    for field, floor in floors["fields"].items():
        assert result["fields"][field] >= floor, (name, field, result["fields"][field], result["errors"])


@pytest.mark.parametrize("name", [n for n in CORPORA if n.startswith("heldout")])
def test_held_out_labels_cover_every_document(name: str) -> None:
    folder = _folder(CORPORA[name][0], TESTS.parent)
    labelled = []
    for labels in folder.glob("labels*.jsonl"):
        labelled += [json.loads(line)["file"] for line in labels.read_text(encoding="utf-8").splitlines() if line]
    assert len(labelled) == len(set(labelled))
    files = {p.name for p in folder.iterdir() if not p.name.startswith("labels")}
    assert {label.split("#")[0] for label in labelled} == files


def test_real_corpus_has_no_relevant_notice(shared: Path, tmp_path: Path) -> None:
    _, rows = scan_export(shared / "corpus" / "real", tmp_path)
    assert len(rows) >= 300
    assert [row["path"] for row in rows if row["relevant"]] == []
    assert [row["path"] for row in rows if row["status"] == "failed"] == []
