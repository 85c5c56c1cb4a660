"""Whole small notices written in styles the dev corpus does not use (fixtures/)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tenderwatch.pipeline import process_bytes
from tenderwatch.store.docrow import doc_row

Runner = Callable[..., Any]
FIXTURES = Path(__file__).parent / "fixtures"

# file, relevant, categories, items, providers
CASES = [
    ("tw_cloud_award.txt", True, ["cloud"], ["H100"], ["AWS"]),
    ("hk_itq_with_ban.txt", True, ["chip"], ["L40S"], []),
    ("intention_list.txt", True, ["rental"], ["H800"], []),
    ("domestic_with_ban.txt", False, [], [], []),
]


@pytest.mark.parametrize(("name", "relevant", "categories", "items", "providers"), CASES)
def test_fixture_notices(detect_text: Runner, name: str, relevant: bool, categories: list[str],
                         items: list[str], providers: list[str]) -> None:
    result = detect_text((FIXTURES / name).read_text(encoding="utf-8"))
    assert (result.relevant, result.categories, result.items, result.providers) == (
        relevant, categories, items, providers)


def test_pipeline_row_carries_findings_with_status() -> None:
    data = (FIXTURES / "tw_cloud_award.txt").read_bytes()
    rows = [doc_row(r) for r in process_bytes(data, "tw_cloud_award.txt")]
    assert rows[0]["relevant"] is True
    finding = next(f for f in rows[0]["findings"] if f["item"] == "H100")
    assert finding["quantity"] == 8 and finding["provider"] == "AWS"
    assert "not an export" in finding["control_status"] and finding["rule"]
    start, end = finding["span"]
    assert data.decode("utf-8")[start:end] == "p5.48xlarge"
