"""classify_party and party_key."""

from __future__ import annotations

import pytest

from tenderwatch.screen import classify_party, party_key

CLASSES = [
    ("北京航空航天大学", "university"),
    ("暨南大学网络空间安全学院", "university"),
    ("中国科学院计算技术研究所", "cas_institute"),
    ("中国人民解放军32801部队", "pla_unit"),
    ("空军军医大学", "pla_unit"),
    ("国防科技大学", "pla_unit"),
    ("中国电子科技集团公司第三十八研究所", "central_soe"),
    ("中国航天科工集团有限公司", "central_soe"),
    ("深圳市投资控股有限公司", "local_soe"),
    ("杭州市西湖区教育局", "government"),
    ("四川省公共资源交易中心", "government"),
    ("北京协和医院", "hospital"),
    ("深圳市腾讯计算机系统有限公司", "other"),
    ("", "other"),
]


@pytest.mark.parametrize(("name", "cls"), CLASSES)
def test_classify_party(name: str, cls: str) -> None:
    got, reason = classify_party(name)
    assert got == cls, reason
    assert reason


def test_same_party_three_ways() -> None:
    keys = {party_key(n) for n in ("華為技術有限公司", "华为技术 有限公司", "华为技术有限公司")}
    assert len(keys) == 1
    assert party_key("北航") == party_key("Beihang University") == party_key("北京航空航天大学")


def test_party_key_keeps_different_parties_apart() -> None:
    assert party_key("摩尔线程智能科技（北京）有限责任公司") != party_key("摩尔线程智能科技（上海）有限责任公司")
    assert party_key("哈尔滨工业大学") != party_key("哈尔滨工程大学")
    assert party_key("") == ""
