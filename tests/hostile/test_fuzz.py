"""Fuzz: a few hundred seeded hostile inputs scan without a crash or a hang, every
input accounted for, the store intact (``benchmarks/fuzz.py`` runs it for longer)."""

from __future__ import annotations

import os
from pathlib import Path

from .batch import scan_batch
from .mutate import generate

SEED = int(os.environ.get("TENDERWATCH_FUZZ_SEED", "20261207"))
COUNT = 240
TIMEOUT = 10.0


def test_fuzzed_batch_scans_with_every_input_accounted_for(tmp_path: Path) -> None:
    made = list(generate(SEED, COUNT, tmp_path / "in"))
    assert len(made) == COUNT
    report = scan_batch(tmp_path / "in", tmp_path / "s.db", TIMEOUT)
    assert report.crash is None, report.crash
    assert report.exit_code in (0, 2)
    assert report.inputs == COUNT and report.counts_add_up
    assert report.unaccounted == []
    assert report.over_limit == [], report.slowest
    assert report.integrity == "ok"
    assert "internal_error" not in report.reasons, report.reasons
    assert report.documents >= COUNT
