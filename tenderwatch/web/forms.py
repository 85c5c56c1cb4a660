"""Parse query strings into filters: bad values become "any", never an error."""

from __future__ import annotations

import re
from collections.abc import Mapping

from tenderwatch.model import RULE_STATUSES
from tenderwatch.store.leads import REVIEW_STATUSES, SORTS, LeadFilter

_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
MAX_TEXT = 200


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

    party = params.get("party")
    review = text("review")
    return LeadFilter(
        category=text("category"), item=text("item"), provider=text("provider"),
        listed=text("listed") if text("listed") in ("yes", "no", "on_date") else "",
        party=int(party) if party and party.isdigit() and len(party) <= 18 else None,
        buyer_class=text("buyer_class"), region=text("region"), notice_type=text("notice_type"),
        date_from=valid_date(text("date_from")), date_to=valid_date(text("date_to")),
        review=review if review in (*REVIEW_STATUSES, "none") else "",
        rule_status=text("rule_status") if text("rule_status") in RULE_STATUSES else "", site=text("site"),
        q=text("q"), all_notices=params.get("all") == "1",
        sort=text("sort") if text("sort") in SORTS else "priority",
        desc=params.get("order", "desc") != "asc",
        page=_int(params.get("page"), 1, 1, 1_000_000),
        per_page=_int(params.get("per_page"), 50, 1, 200),
    )
