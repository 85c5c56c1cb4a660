"""Notice stage: parse the fields of a notice (type, title, dates, parties, amounts, lots, items)
and pick the amount the export reports."""

from __future__ import annotations

from tenderwatch.notice.parse import parse_notice
from tenderwatch.notice.select import select_amount

__all__ = ["parse_notice", "select_amount"]
