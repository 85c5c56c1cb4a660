"""Numbered institutes written every way, their civil and former names, and city-named subsidiaries
(affiliates, not the same party)."""

from __future__ import annotations

import pytest

from tenderwatch.screen import Screener, compare
from tenderwatch.screen.entries import ListEntry, ListVersion
from tenderwatch.screen.institutes import institute_ids
from tenderwatch.screen.normalize import analyse

SAME = [
    ("中国电子科技集团有限公司第二十研究所", "CETC Research Institute 20"),
    ("电科二十所", "20th Research Institute of China Electronics Technology Group Corporation"),
    ("中电科第20研究所", "CETC 20"),
    ("西安导航技术研究所", "China Electronics Technology Group Corporation, 20th Research Institute (CETC-20)"),
    ("中国船舶重工集团公司第七二二研究所", "China State Shipbuilding Corporation, Limited (CSSC) 722nd Research Institute"),
    ("武汉船舶通信研究所", "CSIC 722 Institute"),
    ("中国航天科技集团有限公司第八研究院第八一一研究所", "CASC 811 Research Institute"),
    ("航天科工三院", "China Aerospace Science and Industry Corporation Third Academy"),
    ("北京航空制造工程研究所", "中国航空制造技术研究院"),  # former and present name
    ("中国航空工业集团公司第六〇一研究所", "Shenyang Aircraft Design Institute"),  # named in AVIC's 1260H entry
    ("航空工业601所", "中国航空工业集团有限公司沈阳飞机设计研究所"),
    # a unit written after its group's name, the unit an alias of a listed entry (not a numbered institute)
    ("中国航天科工集团有限公司北京电子工程总体研究所", "Beijing Institute of Electronics Systems Engineering"),
]
DIFFERENT = [
    ("中国电子科技集团公司第二十研究所", "CETC Research Institute 21"),
    ("电科二十所", "中国电子科技集团公司第二十九研究所"),
    ("中国电子科技集团公司第二十研究所", "China Electronics Technology Group Corporation"),  # the group is not its institute
    ("航天科工三院", "CASIC Second Academy"),
    ("CETC 20 Trading Co., Ltd.", "CETC 20"),  # a company of the institute, not the institute
    ("中国航天科工集团有限公司北京电子工程总体研究所", "CASIC"),  # the unit is not the group
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_numbered_institutes_match_every_way(a: str, b: str) -> None:
    assert compare(a, b).match and compare(b, a).match, compare(a, b).reasons


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_other_institutes_and_groups_do_not_match(a: str, b: str) -> None:
    assert not compare(a, b).match, compare(a, b).reasons


def test_ids_name_the_group_kind_and_number() -> None:
    assert institute_ids(analyse("中国航天科技集团有限公司第九研究院第七七二研究所")) == {"inst:casc-institute-772"}
    assert institute_ids(analyse("772 Research Institute")) == {"inst:casc-institute-772"}  # unique in the table
    assert institute_ids(analyse("702 Research Institute")) == set()  # CASC 702 or CSSC 702: not guessed
    assert institute_ids(analyse("航天科工集团第二研究院")) == {"inst:casic-academy-2"}
    assert institute_ids(analyse("华为技术有限公司")) == set()


def test_city_named_subsidiary_is_an_affiliate_not_the_same_party() -> None:
    result = compare("示例信息产业(苏州)有限公司", "示例信息产业股份有限公司")
    assert not result.match and result.relation == "affiliate" and "affiliate" in result.reasons[-1]
    result = compare("示例信息产业股份有限公司", "Shili Information Industry (Beijing) Co., Ltd.")
    assert not result.match and result.relation == "affiliate"
    # a campus of a listed university is part of it
    assert compare("示例工业大学(威海)", "示例工业大学").relation == "part_of"


def test_screener_reports_an_affiliate_hit_and_a_subordinate_institute() -> None:
    version = ListVersion("t", "BIS Entity List", "v1", "2025-01-01", "test", "0" * 64)
    screener = Screener([(version, [
        ListEntry("BIS Entity List", "1", "Shili Information Industry Co., Ltd.", start_date="2023-03-06"),
        ListEntry("BIS Entity List", "2", "China Electronics Technology Group Corporation", aliases=["CETC"],
                  subunits=["15th Research Institute of CETC"], start_date="2022-01-01"),
    ])])
    hits = screener.screen("示例信息产业(苏州)有限公司", on="2024-01-01")
    assert [(h.entry_id, h.relation) for h in hits] == [("1", "affiliate")]
    hits = screener.screen("华北计算技术研究所", on="2021-06-01")
    assert [h.entry_id for h in hits] == ["2"] and hits[0].part_of == "China Electronics Technology Group Corporation"
    assert hits[0].listed_on_date is False and "listed later" in hits[0].reasons[0]


@pytest.mark.parametrize("name", ["中国航天科工集团第二研究院二〇八所", "航天科工二院二〇八所",
                                  "中国航天科工集团有限公司第二研究院第208研究所"])
def test_an_institute_written_under_a_listed_academy_is_part_of_it(name: str) -> None:
    # the Entity List names CASIC's Second Academy "and its subordinate institutions"; an institute the
    # table does not know (208) under that academy was "a different organisation" before (no hit)
    version = ListVersion("t", "BIS Entity List", "v1", "2025-01-01", "test", "0" * 64)
    screener = Screener([(version, [
        ListEntry("BIS Entity List", "1", "China Aerospace Science and Industry Corporation Second Academy",
                  aliases=["CASIC Second Academy"], start_date="2018-08-01"),
        ListEntry("BIS Entity List", "2", "China Aerospace Science and Industry Corporation Third Academy",
                  start_date="2018-08-01"),
    ])])
    hits = screener.screen(name)
    assert [(h.entry_id, h.relation) for h in hits] == [("1", "part_of")], [h.reasons for h in hits]
    # an institute under another academy, or a group's institute without an academy, is not
    assert not compare("中国航天科工集团第三研究院二〇八所", "CASIC Second Academy").match
    assert not compare("中国航天科工集团二〇八所", "CASIC Second Academy").match


def test_the_second_academys_institutes_by_civil_name() -> None:
    # 706所 is the Beijing Institute of Computer Applications and Simulation Technology, one of the
    # subordinate institutions the Second Academy's entry lists by its English name
    assert compare("航天科工二院706所", "Beijing Institute of Computer Applications and Simulation Technology").match
    assert compare("北京计算机应用和仿真技术研究所", "706th Research Institute of CASIC").match
    assert not compare("北京计算机应用和仿真技术研究所", "Beijing Institute of Environmental Features").match
