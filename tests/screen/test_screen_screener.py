"""get_screener().screen(): hits against the bundled snapshot, with provenance."""

from __future__ import annotations

import json

import pytest

from tenderwatch.screen import Screener, ScreenHit, get_screener
from tenderwatch.screen.entries import ListEntry, ListVersion

LISTED = [
    ("北京航空航天大学", "Beijing University of Aeronautics and Astronautics", "match"),
    ("北京航空航天大学网络空间安全学院", "Beijing University of Aeronautics and Astronautics", "part_of"),
    ("国防科技大学", "National University of Defense Technology", "match"),
    ("哈尔滨工业大学", "Harbin Institute of Technology", "match"),
    ("西北工业大学", "Northwestern Polytechnical University", "match"),
    ("四川大学", "Sichuan University", "match"),
    ("电子科技大学", "University of Electronic Science and Technology of China", "match"),
    ("中国科学技术大学苏州高等研究院", "University of Science and Technology of China", "part_of"),
    ("杭州海康威視數字技術股份有限公司", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "match"),
    ("中国工程物理研究院", "Chinese Academy of Engineering Physics", "match"),
    ("Huawei Technologies Co Ltd", "Huawei Technologies Co., Ltd.", "match"),
]


@pytest.mark.parametrize(("name", "entry", "relation"), LISTED)
def test_listed_parties_are_found(bundled: Screener, name: str, entry: str, relation: str) -> None:
    hits = bundled.screen(name)
    assert any(h.entry_name == entry and h.relation == relation for h in hits), [h.to_dict() for h in hits]
    hit = next(h for h in hits if h.entry_name == entry)
    assert hit.list_name and hit.list_version and hit.list_date and hit.entry_id and hit.reasons
    assert 0.8 <= hit.score <= 1.0


@pytest.mark.parametrize("name", ["西北大学", "哈尔滨理工大学", "北京工业大学", "深圳技术大学", "清华大学",
                                  "杭州市西湖区教育局", "上海某某信息技术有限公司", "长沙市第一中学"])
def test_unlisted_parties_have_no_hit(bundled: Screener, name: str) -> None:
    assert bundled.screen(name) == []


def test_identifier_matches_whatever_the_name_says(bundled: Screener) -> None:
    hits = bundled.screen("某某有限公司", identifiers=["9111000071093019x7"])
    assert hits and hits[0].entry_name == "CHINA TELECOM CORPORATION LIMITED" and hits[0].score == 1.0
    assert any("identifier" in reason for reason in hits[0].reasons)


def test_hit_serialises(bundled: Screener) -> None:
    hit = bundled.screen("四川大学")[0]
    assert isinstance(hit, ScreenHit)
    d = json.loads(json.dumps(hit.to_dict(), ensure_ascii=False))
    assert {"list_name", "list_version", "list_date", "entry_id", "entry_name", "score", "relation", "reasons"} <= set(d)


@pytest.mark.parametrize("bad", ["", " ", "\x00\x07", "哈" * 10_000, "中国 Huawei 华为", "12345", "!!!"])
def test_bad_input_never_crashes(bundled: Screener, bad: str) -> None:
    assert isinstance(bundled.screen(bad), list)


def test_mixed_script_name_is_screened_by_parts(bundled: Screener) -> None:
    hits = bundled.screen("Sichuan University 四川大学")
    assert hits and hits[0].entry_name == "Sichuan University"


def test_vessels_and_removed_entries_are_not_screened() -> None:
    version = ListVersion("t", "test", "v1", "2025-01-01", "test", "0" * 64)
    screener = Screener([(version, [
        ListEntry("T", "1", "Ocean Carrier", kind="vessel"),
        ListEntry("T", "2", "Gone Trading Company", end_date="2020-01-01"),
        ListEntry("T", "3", "示例计算技术研究所", aliases=["Example Computing Institute"]),
    ])])
    assert screener.screen("Ocean Carrier") == [] and screener.screen("Gone Trading Company") == []
    hits = screener.screen("示例计算技术研究所计算机体系结构实验室")
    assert hits and hits[0].relation == "part_of" and hits[0].list_version == "v1"


def test_get_screener_is_cached_per_process() -> None:
    assert get_screener() is get_screener()


def test_dated_copy_is_dataclasses_replace() -> None:
    """The hit copy on the screening path keeps every field (a field added to ScreenHit must be added there)."""
    import dataclasses

    from tenderwatch.screen.hits import ScreenHit, _dated_copy

    values: dict[str, object] = {}
    for i, f in enumerate(dataclasses.fields(ScreenHit)):
        values[f.name] = {"score": 0.9, "reasons": ["r"], "citations": ("87 FR 1",),
                          "listed_on_date": None}.get(f.name, f"v{i}")
    hit = ScreenHit(**values)  # type: ignore[arg-type]
    copy = _dated_copy(hit, ["line", "r"], True)
    assert copy == dataclasses.replace(hit, reasons=["line", "r"], listed_on_date=True)
    assert copy is not hit
