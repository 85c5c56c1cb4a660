"""Chinese names against a real list with English names only: the DoD 1260H transcription in
../shared/lists/noncommercial (CC BY-NC: used here in tests only, never shipped)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tenderwatch.screen import Screener
from tenderwatch.screen.entries import ListEntry, ListVersion

FOUND = [
    ("中芯国际集成电路制造有限公司", "Semiconductor Manufacturing International Corporation"),
    ("浪潮集团有限公司", "Inspur Group Co., Ltd."),
    ("长江存储科技有限责任公司", "Yangtze Memory Technologies Co., Ltd."),
    ("中国商用飞机有限责任公司", "Commercial Aircraft Corporation of China Limited"),
    ("杭州海康威視數字技術股份有限公司", "Hangzhou Hikvision Digital Technology Co., Ltd."),
    ("中国移动通信集团有限公司", "China Mobile Communications Group Co., Ltd."),
    ("天翼云科技有限公司", "Tianyi Cloud Technology Co., Ltd."),
]


@pytest.fixture(scope="module")
def milcorps(shared: Path) -> Screener:
    path = shared / "lists" / "noncommercial" / "opensanctions_us_dod_chinese_milcorps_sanctions.csv"
    if not path.exists():
        pytest.skip("noncommercial 1260H file not present")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    entries = [ListEntry("DoD 1260H", str(i), r["Clean Name"] or r["Name"],
                         aliases=[a.strip() for a in (r["Alias"] or "").split(";") if a.strip()],
                         end_date=r["End date"]) for i, r in enumerate(rows)]
    return Screener([(ListVersion("dod_1260h", "DoD 1260H", "test", "2026-06-08", str(path), "-"), entries)])


@pytest.mark.parametrize(("name", "entry"), FOUND)
def test_chinese_names_find_english_entries(milcorps: Screener, name: str, entry: str) -> None:
    assert entry in {h.entry_name for h in milcorps.screen(name)}


@pytest.mark.parametrize("name", ["四川大学", "北京某某科技有限公司", "华为云计算技术有限公司", "杭州市西湖区教育局"])
def test_unlisted_names_do_not_hit(milcorps: Screener, name: str) -> None:
    assert milcorps.screen(name) == []
