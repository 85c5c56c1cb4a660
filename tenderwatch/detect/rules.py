"""Control status of an item on the notice date, from ``rules.yaml``.

Two outputs per finding: ``control_status``, the words of the rule period in force on the
notice date with its citation, and ``rule_status``, what a count can use: ``restricted``
(a licence was required on the notice date), ``restricted_later`` (only a later period
required one) or ``not_restricted``. ``controlled`` agrees with ``rule_status``.
"""

from __future__ import annotations

import re

from tenderwatch.detect.vocab import Period, Thresholds, vocab
from tenderwatch.model import NOT_RESTRICTED, RESTRICTED, RESTRICTED_LATER, Finding

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
    current = periods[_period_index(periods, date)]
    return f"{current.status} (on {date})", current.citation


def _period_index(periods: list[Period], date: str | None) -> int:
    if date is None:
        return len(periods) - 1
    current = 0
    for index, period in enumerate(periods):
        if period.from_ <= date:
            current = index
    return current


def rule_status_on(group: str, date: str | None) -> str:
    """``restricted``, ``restricted_later`` or ``not_restricted`` for rule group ``group`` on
    ``date`` (None: as of the latest rule, as ``status_on`` says)."""
    periods = vocab().rules.get(group)
    if not periods:
        return NOT_RESTRICTED
    index = _period_index(periods, date)
    if periods[index].restricted:
        return RESTRICTED
    if any(p.restricted for p in periods[index + 1:]):
        return RESTRICTED_LATER
    return NOT_RESTRICTED


def settle_rule_status(findings: list[Finding], date: str | None) -> None:
    """The last step of detection: access from a distance (cloud, AI models, rental) takes the
    remote-access status whatever chip is behind it; an item out of scope (domestic,
    uncontrolled) is not restricted; ``controlled`` says whether it was restricted on the date."""
    v = vocab()
    remote = rule_status_on("remote_access", date)
    for finding in findings:
        if finding.category in v.remote_categories:
            finding.rule_status = remote
        elif not finding.in_scope or not finding.rule_status:
            finding.rule_status = NOT_RESTRICTED
        finding.controlled = finding.rule_status == RESTRICTED


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
