"""Accuracy gates (issue 3): F1 floors on the labelled pair sets in ../shared/pairs.

No row is special-cased; the thresholds are the documented defaults (data/screen/settings.yaml).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tenderwatch.screen import compare

ORG_SCHEMATA = {"Company", "Organization", "LegalEntity"}
CHINESE_F1_FLOOR = 0.95


def _f1(pairs: list[tuple[bool, bool]]) -> float:
    tp = sum(1 for gold, pred in pairs if gold and pred)
    fp = sum(1 for gold, pred in pairs if pred and not gold)
    fn = sum(1 for gold, pred in pairs if gold and not pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.fixture(scope="module")
def pairs_dir(shared: Path) -> Path:
    path = shared / "pairs"
    if not path.is_dir():
        pytest.skip("../shared/pairs is not present")
    return path


def test_chinese_org_pairs_f1(pairs_dir: Path) -> None:
    rows = list(csv.DictReader((pairs_dir / "chinese-org-pairs.csv").open(encoding="utf-8")))
    assert len(rows) > 50
    results = [(r["is_match"] == "true", compare(r["name1"], r["name2"]).match) for r in rows]
    f1 = _f1(results)
    print(f"chinese-org-pairs: F1 {f1:.3f} on {len(rows)} pairs")
    assert f1 >= CHINESE_F1_FLOOR
    near = [(r, pred) for r, (_, pred) in zip(rows, results, strict=True) if r["category"] == "near_miss"]
    assert near and not any(pred for _, pred in near), "a near miss matched"


def test_nomenklatura_org_rows_beat_logic_v2(pairs_dir: Path) -> None:
    frozen = [r for r in csv.DictReader((pairs_dir / "nomenklatura_name_bench_logicv2_frozen.csv").open(encoding="utf-8"))
              if r["schema"] in ORG_SCHEMATA]
    logic_v2 = _f1([(r["is_match"] == "true", r["predicted_match"] == "true") for r in frozen])
    assert 0.8 < logic_v2 < 0.9  # 0.865 per the issue
    cases = [r for r in csv.DictReader((pairs_dir / "nomenklatura_name_bench_cases.csv").open(encoding="utf-8"))
             if r["schema"] in ORG_SCHEMATA]
    ours = _f1([(r["is_match"] == "true", compare(r["name1"], r["name2"]).match) for r in cases])
    # same rows as far as the frozen run scored them
    scored = {(r["name1"], r["name2"]) for r in frozen}
    ours_same_rows = _f1([(r["is_match"] == "true", compare(r["name1"], r["name2"]).match)
                          for r in cases if (r["name1"], r["name2"]) in scored])
    print(f"nomenklatura org rows: tenderwatch F1 {ours:.3f} ({ours_same_rows:.3f} on the {len(frozen)} rows "
          f"logic-v2 scored) vs frozen logic-v2 {logic_v2:.3f}")
    assert ours_same_rows > logic_v2
    assert ours > logic_v2
    assert ours >= 0.90  # issue 11


def test_issue11_pairs_written_before_tuning(fixtures: Path) -> None:
    """201 pairs written for issue 11 before the matcher was changed (numbered institutes every way,
    civil and former names, spaced pinyin, brand pinyin + city, literal translations, the list's
    misspellings, faculties, city-named subsidiaries). First measurement F1 0.613."""
    rows = list(csv.DictReader((fixtures / "issue11_pairs.csv").open(encoding="utf-8")))
    results = [(r["is_match"] == "true", compare(r["name1"], r["name2"]).match) for r in rows]
    f1 = _f1(results)
    print(f"issue 11 pairs: F1 {f1:.3f} on {len(rows)} pairs")
    assert f1 >= 0.95
    by_category: dict[str, list[tuple[bool, bool]]] = {}
    for row, result in zip(rows, results, strict=True):
        by_category.setdefault(row["category"], []).append(result)
    assert _f1(by_category["numbered_institute"]) >= 0.95 and _f1(by_category["civil_name"]) >= 0.95
    assert not any(pred for _, pred in by_category["city_subsidiary"]), "a city-named subsidiary matched its parent"


def test_extra_org_pairs_written_for_tenderwatch(fixtures: Path) -> None:
    """A second, smaller pair set written for this project (universities, CAS/CETC institutes, chip
    makers; near misses by city, ordinal and field). Brand names that are neither pinyin nor in the
    dictionary (华大九天 = Empyrean, 国科 = Goke) are expected misses, hence a lower floor."""
    rows = list(csv.DictReader((fixtures / "extra_org_pairs.csv").open(encoding="utf-8")))
    results = [(r["is_match"] == "true", compare(r["name1"], r["name2"]).match) for r in rows]
    f1 = _f1(results)
    print(f"extra org pairs: F1 {f1:.3f} on {len(rows)} pairs")
    assert f1 >= 0.90
    assert not any(pred and not gold for gold, pred in results), "a false positive"
