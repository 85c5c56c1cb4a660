"""The content of one alert: what a reader needs to judge a new lead without opening the store.

Built once, when the watch first sees a search match a lead, and stored with the match
(``search_matches.alert_json``), so every channel and every resend carries the same
content. Links are relative to the workbench (``/notice/ID``); a channel prefixes the
workbench URL it was configured with.
"""

from __future__ import annotations

import json
from typing import Any

from tenderwatch.store.db import Store
from tenderwatch.store.docrow import LEAD_NOTICE
from tenderwatch.store.leads import RULE_STATUSES

RULE_STATUS_TEXT = {
    "restricted": "restricted on the notice date",
    "restricted_later": "not yet restricted on the notice date (restricted later)",
    "not_restricted": "not restricted on the notice date",
}
# alert["notice"] key -> documents column
NOTICE_COLUMNS = {
    "id": "id", "path": "path", "title": "title", "date": "notice_date", "type": "notice_type", "buyer": "buyer",
    "buyer_class": "buyer_class", "agency": "agency", "region": "region", "amount_cny": "amount_cny",
    "source": "source", "fetched_at": "fetched_at",
}


def _strongest(statuses: list[str]) -> str | None:
    for status in RULE_STATUSES:  # strongest first
        if status in statuses:
            return status
    return None


def _sought(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each item, provider or category sought (not in a ban clause), once, largest quantity kept."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for f in findings:
        if f.get("negated"):
            continue
        key = (f.get("category"), f.get("item"), f.get("provider"))
        have = out.get(key)
        if have is None:
            out[key] = {
                "category": f.get("category"), "item": f.get("item"), "provider": f.get("provider"),
                "quantity": f.get("quantity"), "controlled": bool(f.get("controlled")),
                "control_status": f.get("control_status") or None, "rule_status": f.get("rule_status") or None,
            }
        elif (f.get("quantity") or 0) > (have["quantity"] or 0):
            have["quantity"] = f.get("quantity")
    return sorted(out.values(), key=lambda s: (not s["controlled"], str(s["category"]), str(s["item"] or "")))


def _evidence(findings: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The sentence of the strongest finding: controlled, not negated, most confident, first."""
    usable = [f for f in findings if not f.get("negated") and f.get("evidence")]
    if not usable:
        return None
    best = min(usable, key=lambda f: (not f.get("controlled"), -float(f.get("confidence") or 0),
                                      (f.get("span") or [0])[0] or 0))
    return {"sentence": best["evidence"], "span": best.get("span"), "item": best.get("item") or best.get("provider"),
            "control_status": best.get("control_status") or None}


def sought_text(alert: dict[str, Any]) -> str:
    """"8 x A100 (chip), AWS (cloud)": what the notice seeks, in one line."""
    parts = []
    for s in alert.get("sought") or []:
        name = s.get("item") or s.get("provider")
        qty = f"{s['quantity']} x " if s.get("quantity") else ""
        parts.append(f"{qty}{name} ({s.get('category')})" if name else f"{qty}{s.get('category') or '?'}")
    return ", ".join(parts) or "(no item named)"


def alert_payload(store: Store, doc_id: int, search_name: str, search_query: str, key: str,
                  matched_at: str) -> dict[str, Any] | None:
    """The alert for the lead ``doc_id`` matched by a saved search (None: the notice is gone)."""
    doc = store.conn.execute(
        "SELECT id, path, title, notice_date, notice_type, buyer, buyer_class, agency, region, amount_cny,"
        " url, source, fetched_at, rule_status, row_json FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if doc is None:
        return None
    row = json.loads(doc["row_json"])
    findings = row.get("findings") or []
    rule_status = doc["rule_status"] or _strongest(
        [str(f.get("rule_status")) for f in findings if f.get("rule_status") and not f.get("negated")])
    listed = [
        {"role": h.get("role"), "name": h.get("name"), "list": h.get("list_name") or h.get("list"),
         "entry": h.get("entry_name"), "listed_since": h.get("listed_since"),
         "listed_on_date": h.get("listed_on_date")}
        for h in row.get("screening") or []
    ]
    notice = {name: doc[column] for name, column in NOTICE_COLUMNS.items()}
    notice["suppliers"] = row.get("suppliers") or []
    return {
        "id": key,
        "search": {"name": search_name, "query": search_query},
        "matched_at": matched_at,
        "notice": notice,
        "sought": _sought(findings),
        "rule_status": rule_status,
        "rule_status_text": RULE_STATUS_TEXT.get(rule_status or "", "rule status not assessed"),
        "evidence": _evidence(findings),
        "listed": listed,
        "links": {"workbench": f"/notice/{doc_id}", "original": doc["url"]},
        "lead_notice": LEAD_NOTICE,
    }
