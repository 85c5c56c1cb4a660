"""Parse query strings into filters: bad values become "any", never an error.

A saved search is the Leads page's query string in the canonical form of
:func:`filter_query` (filters only: no sort, order or page), read back by
:func:`filter_from_query`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode

from tenderwatch.store.leads import REVIEW_STATUSES, RULE_STATUSES, SORTS, LeadFilter

_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
MAX_TEXT = 200
# the query keys that select leads (the rest only sort and page them), in canonical order
FILTER_KEYS = ("q", "category", "item", "provider", "listed", "party", "buyer_class", "region", "notice_type",
               "doc_kind", "rule_status", "site", "review", "date_from", "date_to", "all")


def valid_date(value: str) -> str:
    value = value.strip()
    return value if _DATE.match(value) else ""


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value or default)))
    except ValueError:
        return default


def lead_filter(params: Mapping[str, str]) -> LeadFilter:
    def text(name: str) -> str:
        return (params.get(name) or "").strip()[:MAX_TEXT]

    def one_of(name: str, allowed: tuple[str, ...]) -> str:
        return text(name) if text(name) in allowed else ""

    party = params.get("party")
    return LeadFilter(
        category=text("category"), item=text("item"), provider=text("provider"),
        listed=one_of("listed", ("yes", "no", "on_date")),
        party=int(party) if party and party.isdigit() and len(party) <= 18 else None,
        buyer_class=text("buyer_class"), region=text("region"), notice_type=text("notice_type"),
        doc_kind=text("doc_kind"),
        date_from=valid_date(text("date_from")), date_to=valid_date(text("date_to")),
        review=one_of("review", (*REVIEW_STATUSES, "none")),
        rule_status=one_of("rule_status", RULE_STATUSES), site=text("site"),
        q=text("q"), all_notices=params.get("all") == "1",
        sort=one_of("sort", tuple(SORTS)) or "priority",
        desc=params.get("order", "desc") != "asc",
        page=_int(params.get("page"), 1, 1, 1_000_000),
        per_page=_int(params.get("per_page"), 50, 1, 200),
    )


def filter_query(f: LeadFilter) -> str:
    """The canonical query string of a filter set: its non-empty filters in a fixed order."""
    values = {
        "q": f.q, "category": f.category, "item": f.item, "provider": f.provider, "listed": f.listed,
        "party": "" if f.party is None else str(f.party), "buyer_class": f.buyer_class, "region": f.region,
        "notice_type": f.notice_type, "doc_kind": f.doc_kind, "rule_status": f.rule_status, "site": f.site,
        "review": f.review,
        "date_from": f.date_from, "date_to": f.date_to, "all": "1" if f.all_notices else "",
    }
    return urlencode([(key, values[key]) for key in FILTER_KEYS if values[key]])


def filter_from_query(query: str) -> LeadFilter:
    """The filter set of a saved query string (the last value of a repeated key wins)."""
    return lead_filter(dict(parse_qsl(query.lstrip("?"), keep_blank_values=False)))
