from __future__ import annotations

import pytest

from tenderwatch.normalize import normalize
from tenderwatch.notice.amounts import capital_to_number, find_money, is_rate, tax_flag


def money(text: str, unit: str | None = None) -> list[tuple[float, str]]:
    return [(m.value, m.currency) for m in find_money(normalize(text).text, unit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("预算金额：1,620,000.00元", 1620000.0),
        ("中标金额：261.8万元", 2618000.0),
        ("总中标金额 ￥56.980000 万元（人民币）", 569800.0),
        ("预算金额：11881.0000000 万元（人民币）", 118810000.0),
        ("成交金额：￥187,192.00", 187192.0),
        ("总价形式报价:569800.00(元)", 569800.0),
        ("采购预算55054万元（不含税）", 550540000.0),
        ("预算金额：1.2亿元", 120000000.0),
        ("代理服务费为包干价人民币捌仟贰佰元整", 8200.0),
        ("人民币贰拾万元整", 200000.0),
        ("（大写：壹拾捌万柒仟壹佰玖拾贰元整）", 187192.0),
        ("人民币伍拾陆万元整（￥560,000.00）", 560000.0),
        ("金额 ２６，５００．００元", 26500.0),
    ],
)
def test_first_amount_in_yuan(text: str, expected: float) -> None:
    assert money(text)[0] == (pytest.approx(expected), "CNY")


def test_capital_with_jiao_and_fen() -> None:
    assert capital_to_number("壹佰贰拾元伍角陆分") == pytest.approx(120.56)
    assert capital_to_number("壹拾万圆整") == pytest.approx(100000.0)
    assert capital_to_number("元整") is None


def test_bare_number_needs_a_unit_from_the_label_or_header() -> None:
    assert money("中标（成交）金额 1267500") == []
    assert money("1267500", "元") == [(1267500.0, "CNY")]
    assert money("65.000000", "万元") == [(650000.0, "CNY")]


def test_foreign_currency_has_no_yuan_value() -> None:
    assert money("The estimated contract value is USD 12,000.") == [(12000.0, "USD")]
    assert money("约5万美元") == [(50000.0, "USD")]


def test_rates_and_counts_are_not_money() -> None:
    assert money("下浮率：5%") == []
    assert money("5000万 tokens") == []
    assert money("1838台") == []
    assert is_rate("按计价格〔2002〕1980号收费标准的49%计取")
    assert is_rate("下浮率3.5%")
    assert not is_rate("353.4万元")


def test_tax_flag() -> None:
    assert tax_flag("合同金额（含税）") is True
    assert tax_flag("预算55054万元（不含税）") is False
    assert tax_flag("预算金额") is None


def test_wan_amounts_have_no_float_noise() -> None:
    assert money("中标金额：9826.96万元") == [(98269600.0, "CNY")]
    assert money("9826.96", "万元") == [(98269600.0, "CNY")]


def test_capital_amounts_in_a_long_text_with_and_without_capital_digits() -> None:
    filler = "本项目预算金额为120万元,采购内容详见附件。" * 12  # longer than a value: the long-text path
    with_capital = filler + "中标金额:人民币贰拾万元整(¥200000.00)"
    found = [(m.value, with_capital[m.start:m.end]) for m in find_money(with_capital)]
    assert (200000.0, "贰拾万元整") in found
    assert {m.value for m in find_money(filler)} == {1200000.0}
