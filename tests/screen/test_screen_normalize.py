"""Normalisation: each variant of a name reduces to the same key."""

from __future__ import annotations

import pytest

from tenderwatch.screen.normalize import analyse, input_problems

SAME_KEY = [
    ("華為技術有限公司", "华为技术有限公司"),  # traditional -> simplified
    ("長光衞星技術股份有限公司", "长光卫星技术股份有限公司"),  # Hong Kong variant 衞
    ("华为技术 有限公司", "华为技术有限公司"),  # space before the legal form
    ("摩尔线程智能科技(北京)有限责任公司", "摩尔线程智能科技（北京）有限责任公司"),  # bracket width
    ("中国电子科技集团公司第三十八研究所", "中国电子科技集团公司第38研究所"),  # numerals
    ("浪潮集团", "浪潮集团有限公司"),  # legal form omitted
    ("中国商用飞机有限公司", "中国商用飞机有限责任公司"),
    ("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "Hangzhou Hikvision Digital Technology Co.,Ltd."),
    ("Brigade Forty-Four", "Brigade 44"),
    ("A.B.C. Company", "ABC Co."),
    ("Société Générale S.A.", "Societe Generale SA"),
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_variants_share_a_key(a: str, b: str) -> None:
    assert analyse(a).key == analyse(b).key


def test_place_qualifier_is_taken_out_and_kept() -> None:
    name = analyse("摩尔线程智能科技（上海）有限责任公司")
    assert name.key == "摩尔线程智能科技"
    assert name.qualifiers == ("上海",)


def test_leading_place_is_noted() -> None:
    name = analyse("深圳市大疆创新科技有限公司")
    assert (name.lead_place, name.core_noplace) == ("深圳", "大疆创新科技")


def test_branch_suffix_is_not_a_legal_form() -> None:
    assert analyse("华为技术有限公司深圳分公司").key.endswith("分公司")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [("", "empty name"), ("   ", "empty name"), ("a\x00b", "control characters removed"),
     ("x" * 10_000, "cut to"), ("!!!", "no letters")],
)
def test_bad_input_is_named(raw: str, problem: str) -> None:
    assert any(problem in p for p in input_problems(raw))
    analyse(raw)  # and never raises


def test_good_input_has_no_problem() -> None:
    assert input_problems("四川大学") == []
