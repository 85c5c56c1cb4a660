"""Control status of an item on the notice date, from ``rules.yaml``."""

from __future__ import annotations

import re

from tenderwatch.detect.vocab import Thresholds, vocab

_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def clean_date(value: object) -> str | None:
    """``YYYY-MM-DD`` (a ``YYYY-MM`` date is read as the first of the month), else None."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value.strip())
    if match is None:
        return None
    return f"{match.group(1)}-{match.group(2)}-{match.group(3) or '01'}"


def status_on(group: str, date: str | None) -> tuple[str, str]:
    """(status text, citation) for rule group ``group`` on ``date`` (None: latest rule)."""
    v = vocab()
    periods = v.rules.get(group)
    if not periods:
        return "no rule on file", ""
    if date is None:
        latest = periods[-1]
        return f"{latest.status} ({v.unknown_date_note})", latest.citation
    current = periods[0]
    for period in periods:
        if period.from_ <= date:
            current = period
    return f"{current.status} (on {date})", current.citation


def thresholds_on(date: str | None) -> Thresholds:
    """The 3A090 thresholds in force on ``date`` (None: the latest)."""
    table = vocab().thresholds
    if date is None:
        return table[-1]
    current = table[0]
    for row in table:
        if row.from_ <= date:
            current = row
    return current


def latest_thresholds() -> Thresholds:
    return vocab().thresholds[-1]
