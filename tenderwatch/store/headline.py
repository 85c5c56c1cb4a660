"""The headline numbers, defined once (see :mod:`tenderwatch.store.leadset` for what a lead,
a dismissal and a counted amount are), and the two sentences a reporter can print.

Entities are buyers (resolved party, else the buyer name as written). A buyer belongs to one
group: the strongest rule status on the notice date of what its counted leads sought.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from tenderwatch.model import (
    NOT_RESTRICTED,
    RESTRICTED,
    RESTRICTED_LATER,
    RULE_STATUSES,
    strongest_rule_status,
)
from tenderwatch.store.leadset import counted_amounts

CLOUD_LEADER = "AWS"
AMOUNT_NOTE = ("amounts are those of the lots or rows that buy the items (as the export reports them); "
               "budgets and awards are kept apart, one of each per project number (the newest), once per lead")


def _money(docs: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    mine = [d for d in docs if (d["amount_kind"] or "budget") == kind]
    dated = [d for d in mine if d["amount_usd"] is not None]
    return {"cny": sum(d["amount_cny"] for d in mine), "usd": sum(d["amount_usd"] for d in dated),
            "amounts": len(mine), "no_rate": len(mine) - len(dated)}


def buyer_groups(leads: list[dict[str, Any]]) -> dict[str, str]:
    """buyer key -> the strongest rule status of its counted leads."""
    found: dict[str, list[str]] = {}
    for lead in leads:
        if lead["counted"]:
            for doc in lead["docs"]:
                if doc["buyer_key"]:
                    found.setdefault(doc["buyer_key"], []).append(lead["rule_status"] or NOT_RESTRICTED)
    return {key: strongest_rule_status(statuses) or NOT_RESTRICTED for key, statuses in found.items()}


def _count(leads: list[dict[str, Any]], key: str, in_scope_only: bool) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for lead in leads:
        counts.update({str(f[key]) for d in lead["docs"] for f in d["findings"]
                       if f.get(key) and (f["in_scope"] or not in_scope_only)})
    return dict(counts.most_common())


def headline(scanned: int, failed: int, leads: list[dict[str, Any]], reviewed_only: bool = False) -> dict[str, Any]:
    """Every number of the headline, from the leads of one range (``group_leads``)."""
    counted = [lead for lead in leads if lead["counted"]]
    groups = buyer_groups(leads)
    docs = [d for lead in counted for d in lead["docs"]]
    money_docs = counted_amounts(leads)
    by_status: dict[str, dict[str, Any]] = {}
    for status in RULE_STATUSES:
        mine = [lead for lead in counted if (lead["rule_status"] or NOT_RESTRICTED) == status]
        ids = {d["id"] for lead in mine for d in lead["docs"]}
        money = [d for d in money_docs if d["id"] in ids]
        budget, award = _money(money, "budget"), _money(money, "award")
        by_status[status] = {
            "leads": len(mine), "buyers": sum(1 for g in groups.values() if g == status),
            "budget_cny": budget["cny"], "award_cny": award["cny"], "budget_usd": budget["usd"],
            "award_usd": award["usd"],
            "intermediaries": sorted({s["name"] for lead in mine for d in lead["docs"] for s in d["suppliers"]}),
        }
    budget, award = _money(money_docs, "budget"), _money(money_docs, "award")
    intermediaries: Counter[str] = Counter()
    for lead in counted:
        intermediaries.update({s["name"] for d in lead["docs"] for s in d["suppliers"]})
    aws = {d["buyer_key"] for d in docs if d["buyer_key"] and any(f["provider"] == CLOUD_LEADER for f in d["findings"])}
    listed_buyers = {d["buyer_key"] for d in docs if d["buyer_key"] and d["buyer_listed_on_date"]}
    statuses = Counter(lead["review_status"] for lead in leads if not lead["dismissed"])
    return {
        "documents_scanned": scanned, "failed": failed,
        "notices": sum(len(lead["docs"]) for lead in counted),
        "leads": len(counted), "leads_all": len(leads),
        "dismissed_leads": sum(1 for lead in leads if lead["dismissed"]),
        "confirmed_leads": statuses.get("confirmed", 0), "follow_up_leads": statuses.get("follow_up", 0),
        "unreviewed_leads": statuses.get(None, 0), "reviewed_only": reviewed_only,
        "restricted_buyers": by_status[RESTRICTED]["buyers"],
        "restricted_later_buyers": by_status[RESTRICTED_LATER]["buyers"],
        "not_restricted_buyers": by_status[NOT_RESTRICTED]["buyers"],
        "entities": len(groups), "entities_aws": len(aws), "leader": CLOUD_LEADER,
        "listed_on_date_buyers": len(listed_buyers),
        "listed_on_date_leads": sum(1 for lead in counted if any(
            h["listed_on_date"] is True for d in lead["docs"] for h in d["hits"])),
        "listed_date_unknown_leads": sum(1 for lead in counted if any(
            h["listed_on_date"] is None for d in lead["docs"] for h in d["hits"])),
        "undated_leads": sum(1 for lead in counted if not lead["head"]["notice_date"]),
        "budget_cny": budget["cny"], "award_cny": award["cny"],
        "budget_usd": budget["usd"], "award_usd": award["usd"],
        "budgets": budget["amounts"], "awards": award["amounts"],
        "amounts_no_rate": budget["no_rate"] + award["no_rate"],
        "amount_note": AMOUNT_NOTE,
        "by_rule_status": by_status,
        "intermediaries": dict(intermediaries.most_common()),
        "party_ids": {s["name"]: s["id"] for lead in counted for d in lead["docs"] for s in d["suppliers"]},
        "buyers": dict(Counter(d["buyer_name"] for lead in counted for d in lead["docs"][:1]
                               if d["buyer_name"]).most_common()),
        "by_category": _count(counted, "category", True), "by_item": _count(counted, "item", False),
        "by_provider": _count(counted, "provider", True),
        "by_buyer_class": dict(Counter(lead["head"]["buyer_class"] or "unknown" for lead in counted).most_common()),
    }


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _names(names: list[str], shown: int = 5) -> str:
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


def sentences(h: dict[str, Any]) -> list[str]:
    """The seed-style sentence (restricted on the notice date only) and the one for the others."""
    restricted = h["by_rule_status"][RESTRICTED]
    first = (f"{_n(h['documents_scanned'], 'document', 'documents')} scanned: "
             f"{_n(h['restricted_buyers'], 'entity', 'entities')} sought items that needed a US export licence "
             "on the notice date")
    middle = restricted["intermediaries"]
    if middle:
        first += f", through {_n(len(middle), 'intermediary', 'intermediaries')} ({_names(middle)})"
    money = [f"budgets of {restricted['budget_cny']:,.0f} CNY" if restricted["budget_cny"] else "",
             f"awards of {restricted['award_cny']:,.0f} CNY" if restricted["award_cny"] else ""]
    if any(money):
        first += "; " + " and ".join(m for m in money if m)
    second = (f"A further {_n(h['restricted_later_buyers'], 'entity', 'entities')} sought items restricted only "
              f"later, and {h['not_restricted_buyers']} only items not restricted on the notice date (cloud or "
              f"AI-model access, which is not an export, or uncontrolled parts); {h['entities_aws']} named "
              f"{h['leader']}.")
    return [first + ".", second]
