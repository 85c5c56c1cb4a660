"""The headline numbers, defined once (see :mod:`tenderwatch.store.leadset` for what a lead,
a dismissal and a counted amount are), and the two sentences a reporter can print.

Entities are buyers (resolved party, else the buyer name as written). A buyer belongs to one
group: the strongest rule status on the notice date of what its counted leads sought.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from tenderwatch.model import (
    NOT_RESTRICTED,
    RESTRICTED,
    RESTRICTED_LATER,
    RULE_STATUSES,
    strongest_rule_status,
)
from tenderwatch.store.leadset import amount_doc, pick_amounts

CLOUD_LEADER = "AWS"
AMOUNT_NOTE = ("amounts are those of the lots or rows that buy the items (as the export reports them); "
               "budgets and awards are kept apart, one of each per project number (the newest), once per lead")


def _money(docs: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    mine = [d for d in docs if (d["amount_kind"] or "budget") == kind]
    dated = [d for d in mine if d["amount_usd"] is not None]
    return {"cny": sum(d["amount_cny"] for d in mine), "usd": sum(d["amount_usd"] for d in dated),
            "amounts": len(mine), "no_rate": len(mine) - len(dated)}


def _once(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def lead_facts(lead: dict[str, Any]) -> dict[str, Any]:
    """What the headline counts of one lead (``group_leads``), without its notices: a lead of many
    reposts costs no more to keep than one notice. Lists keep first-seen order."""
    docs, head = lead["docs"], lead["head"]
    findings = [f for d in docs for f in d["findings"]]
    suppliers: dict[str, Any] = {}
    for s in (s for d in docs for s in d["suppliers"]):
        suppliers[s["name"]] = s["id"]  # the last id seen of a name, at its first place
    money = amount_doc(lead)
    on_date = [h["listed_on_date"] for d in docs for h in d["hits"]]
    return {
        "order": (-lead["priority"], head["notice_date"] or "", lead["id"]),  # as ``group_leads`` sorts
        "counted": lead["counted"], "dismissed": lead["dismissed"], "review_status": lead["review_status"],
        "rule_status": lead["rule_status"], "notices": len(docs), "notice_date": head["notice_date"],
        "buyer_name": head["buyer_name"], "buyer_class": head["buyer_class"],
        "buyer_keys": _once(d["buyer_key"] for d in docs if d["buyer_key"]),
        "aws_buyers": _once(d["buyer_key"] for d in docs
                            if d["buyer_key"] and any(f["provider"] == CLOUD_LEADER for f in d["findings"])),
        "listed_buyers": _once(d["buyer_key"] for d in docs if d["buyer_key"] and d["buyer_listed_on_date"]),
        "suppliers": suppliers, "listed_on_date": any(v is True for v in on_date),
        "listed_date_unknown": any(v is None for v in on_date),
        "category": _once(str(f["category"]) for f in findings if f.get("category") and f["in_scope"]),
        "item": _once(str(f["item"]) for f in findings if f.get("item")),
        "provider": _once(str(f["provider"]) for f in findings if f.get("provider") and f["in_scope"]),
        "money": None if money is None else {
            **{k: money[k] for k in ("id", "path", "project_no", "notice_date", "amount_kind", "amount_cny",
                                     "amount_usd")}, "lead_rule_status": lead["rule_status"] or NOT_RESTRICTED},
    }


def buyer_groups(leads: list[dict[str, Any]]) -> dict[str, str]:
    """buyer key -> the strongest rule status of its counted leads (``lead_facts``)."""
    found: dict[str, list[str]] = {}
    for lead in leads:
        if lead["counted"]:
            for key in lead["buyer_keys"]:
                found.setdefault(key, []).append(lead["rule_status"] or NOT_RESTRICTED)
    return {key: strongest_rule_status(statuses) or NOT_RESTRICTED for key, statuses in found.items()}


def _count(leads: list[dict[str, Any]], key: str) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for lead in leads:
        counts.update(lead[key])  # each value once per lead, in first-seen order (ties keep it)
    return dict(counts.most_common())


def headline(scanned: int, failed: int, leads: list[dict[str, Any]], reviewed_only: bool = False) -> dict[str, Any]:
    """Every number of the headline, from the leads of one range (``group_leads``)."""
    return headline_of(scanned, failed, [lead_facts(lead) for lead in leads], reviewed_only)


def headline_of(scanned: int, failed: int, facts: list[dict[str, Any]], reviewed_only: bool = False) -> dict[str, Any]:
    """Every number of the headline, from the ``lead_facts`` of the leads of one range in
    ``group_leads`` order (the order sets which of equal counts is listed first)."""
    counted = [lead for lead in facts if lead["counted"]]
    groups = buyer_groups(facts)
    money_docs = pick_amounts([lead["money"] for lead in counted if lead["money"] is not None])
    by_status: dict[str, dict[str, Any]] = {}
    for status in RULE_STATUSES:
        mine = [lead for lead in counted if (lead["rule_status"] or NOT_RESTRICTED) == status]
        money = [d for d in money_docs if d["lead_rule_status"] == status]
        budget, award = _money(money, "budget"), _money(money, "award")
        by_status[status] = {
            "leads": len(mine), "buyers": sum(1 for g in groups.values() if g == status),
            "budget_cny": budget["cny"], "award_cny": award["cny"], "budget_usd": budget["usd"],
            "award_usd": award["usd"],
            "intermediaries": sorted({name for lead in mine for name in lead["suppliers"]}),
        }
    budget, award = _money(money_docs, "budget"), _money(money_docs, "award")
    intermediaries: Counter[str] = Counter()
    for lead in counted:
        intermediaries.update(list(lead["suppliers"]))
    aws = {key for lead in counted for key in lead["aws_buyers"]}
    listed_buyers = {key for lead in counted for key in lead["listed_buyers"]}
    statuses = Counter(lead["review_status"] for lead in facts if not lead["dismissed"])
    return {
        "documents_scanned": scanned, "failed": failed,
        "notices": sum(lead["notices"] for lead in counted),
        "leads": len(counted), "leads_all": len(facts),
        "dismissed_leads": sum(1 for lead in facts if lead["dismissed"]),
        "confirmed_leads": statuses.get("confirmed", 0), "follow_up_leads": statuses.get("follow_up", 0),
        "unreviewed_leads": statuses.get(None, 0), "reviewed_only": reviewed_only,
        "restricted_buyers": by_status[RESTRICTED]["buyers"],
        "restricted_later_buyers": by_status[RESTRICTED_LATER]["buyers"],
        "not_restricted_buyers": by_status[NOT_RESTRICTED]["buyers"],
        "entities": len(groups), "entities_aws": len(aws), "leader": CLOUD_LEADER,
        "listed_on_date_buyers": len(listed_buyers),
        "listed_on_date_leads": sum(1 for lead in counted if lead["listed_on_date"]),
        "listed_date_unknown_leads": sum(1 for lead in counted if lead["listed_date_unknown"]),
        "undated_leads": sum(1 for lead in counted if not lead["notice_date"]),
        "budget_cny": budget["cny"], "award_cny": award["cny"],
        "budget_usd": budget["usd"], "award_usd": award["usd"],
        "budgets": budget["amounts"], "awards": award["amounts"],
        "amounts_no_rate": budget["no_rate"] + award["no_rate"],
        "amount_note": AMOUNT_NOTE,
        "by_rule_status": by_status,
        "intermediaries": dict(intermediaries.most_common()),
        "party_ids": {name: party_id for lead in counted for name, party_id in lead["suppliers"].items()},
        "buyers": dict(Counter(lead["buyer_name"] for lead in counted if lead["buyer_name"]).most_common()),
        "by_category": _count(counted, "category"), "by_item": _count(counted, "item"),
        "by_provider": _count(counted, "provider"),
        "by_buyer_class": dict(Counter(lead["buyer_class"] or "unknown" for lead in counted).most_common()),
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
