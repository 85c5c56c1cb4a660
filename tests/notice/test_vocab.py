from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest
import yaml

from tenderwatch.model import TextDoc
from tenderwatch.normalize import normalize
from tenderwatch.notice import parse_notice, select_amount
from tenderwatch.notice.labels import label_key, vocab

DATA = resources.files("tenderwatch").joinpath("data", "notice")


def test_every_vocabulary_entry_has_a_source() -> None:
    labels = yaml.safe_load(DATA.joinpath("labels.yaml").read_text(encoding="utf-8"))
    for name, spec in labels["fields"].items():
        assert spec.get("source"), name
        assert spec["labels"], name
    for name, spec in labels["sections"].items():
        assert spec.get("source"), name
    assert labels["contact_blocks"]["source"]
    for name in ("kinds.yaml", "units.yaml", "columns.yaml"):
        assert yaml.safe_load(DATA.joinpath(name).read_text(encoding="utf-8"))["source"], name
    kinds = yaml.safe_load(DATA.joinpath("kinds.yaml").read_text(encoding="utf-8"))
    assert all(rule.get("source") for rule in kinds["rules"])
    units = yaml.safe_load(DATA.joinpath("units.yaml").read_text(encoding="utf-8"))
    assert all(entry.get("source") for entry in units["units"] + units["currencies"])
    with DATA.joinpath("org_forms.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["source"] for row in rows)


def test_label_key_drops_brackets_and_keeps_them_as_hint() -> None:
    assert label_key("中标(成交)金额") == ("中标金额", "成交")
    assert label_key("预算金额(万元)") == ("预算金额", "万元")
    assert vocab().labels["中标金额"][0] == "award"
    assert vocab().labels["最高限价"][0] == "ceiling"
    assert vocab().columns["单价"] == "unit_price"


def test_real_notices_parse_without_errors(shared: Path) -> None:
    from tenderwatch.read import read_bytes

    seen = 0
    for path in sorted((shared / "corpus" / "real").rglob("*")):
        if not path.is_file() or path.suffix not in {".html", ".json", ".xlsx"}:
            continue
        for doc in read_bytes(path.read_bytes(), path.name):
            if not isinstance(doc, TextDoc):
                continue
            notice = parse_notice(doc, normalize(doc.text))
            select_amount(notice, [], False)
            for fact in (notice.buyer, notice.notice_date, notice.title):
                if fact is not None and fact.start >= 0:
                    assert doc.text[fact.start:fact.end] == fact.raw
            seen += 1
    if not seen:
        pytest.skip("no real notices found")
    assert seen > 50
