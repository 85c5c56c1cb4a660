"""Notice stage: parse the fields of a notice (type, title, dates, parties, amounts, lots, items)
and pick the amount the export reports; tell what the document is (a buyer's notice or disclosure, or
news, a seller's page ...) and make its fields follow from that."""

from __future__ import annotations

from tenderwatch.notice.dockind import DocKind
from tenderwatch.notice.kindfields import read_kind
from tenderwatch.notice.parse import parse_notice
from tenderwatch.notice.select import select_amount

__all__ = ["DocKind", "parse_notice", "read_kind", "select_amount"]
