"""The bundled example notices: complete labels, every file readable, encodings as
documented, and the demo scan scored by the shared evaluator."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tenderwatch.cli.main import main
from tenderwatch.model import ReadFailure
from tenderwatch.read import collect, read_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "tenderwatch" / "examples"
NOTICES = EXAMPLES / "notices"
LABEL_KEYS = {"file", "relevant", "categories", "items", "providers", "buyer", "suppliers", "amount_cny",
              "notice_date", "notice_type"}


def _labels() -> list[dict[str, object]]:
    lines = (EXAMPLES / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_labels_cover_exactly_the_documents_read() -> None:
    labels = _labels()
    assert all(set(row) >= LABEL_KEYS for row in labels)
    read = []
    for file, display in collect([NOTICES]):
        for doc in read_bytes(file.read_bytes(), display):
            assert not isinstance(doc, ReadFailure), doc
            read.append(doc.path)
    assert sorted(read) == sorted(str(row["file"]) for row in labels)
    relevant = [row for row in labels if row["relevant"]]
    assert len(relevant) == 8 and len(labels) - len(relevant) == 7


def test_encodings_are_the_documented_ones() -> None:
    gbk = (NOTICES / "provincial-h200-server-tender-gbk.html").read_bytes()
    big5 = (NOTICES / "repost-h100-rental-big5.html").read_bytes()
    bom = (NOTICES / "aws-account-single-source.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        gbk.decode("utf-8")
    assert "H200" in gbk.decode("gbk") and "卡時" in big5.decode("big5")
    assert bom.startswith(b"\xef\xbb\xbf") and b"\r\n" in bom and b"\n\n" not in bom


def test_demo_scan_scores_against_expected(shared: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "demo.db", tmp_path / "demo.jsonl"
    runner = CliRunner()
    result = runner.invoke(main, ["scan", str(NOTICES), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output  # 0: every example was read
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    completed = subprocess.run(
        [sys.executable, str(shared / "tools" / "evaluate"), "--labels", str(EXAMPLES / "expected.jsonl"),
         "--pred", str(out), "--json"],
        capture_output=True, text=True, check=False,
    )
    text = completed.stdout
    scores = json.loads(text[: text.rindex("}") + 1])
    assert scores["predicted"] == scores["documents"] == len(_labels())
    # the demo is the first thing a user runs: every positive found, no hard negative flagged
    assert float(scores["doc_f1"]) == 1.0, scores["errors"]
