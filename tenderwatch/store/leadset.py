"""The leads of a store as the headline counts them: one definition for the scan summary, the
Overview, the report and the JSON report.

- A **lead** is a relevant notice together with its reposts (same project number and notice
  type, else the same text: ``documents.lead_key``).
- A lead's review status is the newest notice-level decision on any of its notices. A
  **dismissed** lead leaves every count, total and chart; so does a finding dismissed on its
  own, and a notice whose in-scope findings are all dismissed.
- A lead's **rule status** is the strongest rule status (on its notice date) of the findings
  left; a buyer's is the strongest of its leads.
- Amounts: the amount the export reports (the lots or rows that buy the in-scope items), kept
  apart as budgets and awards, one of each per project number (the newest), once per lead.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from tenderwatch.fx import to_usd
from tenderwatch.model import strongest_rule_status
from tenderwatch.store.db import Store

REVIEWED = ("confirmed", "follow_up")


# A screening hit that says a party is listed: an affiliate of a listed party (a city-named
# subsidiary, screen/compare.py) is a hit to review, not a listed party, so listing counts,
# filters and marks leave it out.
LISTED_PARTY_SQL = "relation != 'affiliate'"


def date_range(date_from: str, date_to: str, alias: str = "d") -> tuple[str, list[Any]]:
    """SQL (``AND ...``) and parameters for notices dated in [date_from, date_to]."""
    sql, params = "", []
    if date_from:
        sql += f" AND {alias}.notice_date >= ?"
        params.append(date_from)
    if date_to:
        sql += f" AND {alias}.notice_date <= ?"
        params.append(date_to + "\uffff")  # a "YYYY-MM" bound includes the whole month
    return sql, params


def _current(rows: Iterable[Any]) -> dict[tuple[str, int], tuple[int, str]]:
    """(target_type, target_id) -> (review id, status) of the newest decision."""
    out: dict[tuple[str, int], tuple[int, str]] = {}
    for r in rows:
        out[(r["target_type"], int(r["target_id"]))] = (int(r["id"]), str(r["status"]))
    return out


def load_docs(store: Store, date_from: str = "", date_to: str = "",
              among: tuple[str, list[Any]] = ("", [])) -> list[dict[str, Any]]:
    """Every relevant notice in the range with its buyer, suppliers, list hits, findings (not
    negated) and current review decisions; ``among``: SQL (``AND ...`` on ``d``) and parameters
    that narrow it further (one chunk of :func:`lead_chunks`)."""
    rng, params = date_range(date_from, date_to)
    rng, params = rng + among[0], params + among[1]
    # a chunk's ids drive its queries (rowid lookups), not the index of all relevant notices
    relevant = "+d.relevant" if among[0] else "d.relevant"
    conn = store.conn
    docs: dict[int, dict[str, Any]] = {}
    for r in conn.execute(
        "SELECT d.id, d.path, d.title, d.notice_date, d.notice_type, d.buyer, d.buyer_class, d.amount_cny,"
        " json_extract(d.row_json, '$.amount_kind') AS amount_kind, d.region, d.project_no, d.lead_key,"
        " d.priority, d.priority_json, d.site, d.url, d.rule_status AS scan_rule_status"
        f" FROM documents d WHERE {relevant} = 1 AND d.status = 'ok'{rng} ORDER BY d.notice_date, d.id", params):
        doc = dict(r)
        doc["priority_reasons"] = json.loads(doc.pop("priority_json") or "[]")
        doc.update(buyer_party=None, suppliers=[], findings=[], hits=[])
        docs[doc["id"]] = doc
    if not docs:
        return []
    join = f" JOIN documents d ON d.id = x.doc_id WHERE {relevant} = 1 AND d.status = 'ok'{rng}"
    for r in conn.execute("SELECT x.doc_id, x.role, x.party_id, p.name, p.class FROM doc_parties x"
                          f" JOIN parties p ON p.id = x.party_id{join} ORDER BY x.rowid", params):
        doc = docs[r["doc_id"]]
        if r["role"] == "buyer" and doc["buyer_party"] is None:
            doc["buyer_party"] = {"id": r["party_id"], "name": r["name"], "class": r["class"]}
        elif r["role"] == "supplier":
            doc["suppliers"].append({"id": r["party_id"], "name": r["name"]})
    for r in conn.execute("SELECT x.doc_id, x.party_id, x.role, x.name, x.list_name, x.entry_name, x.listed_since,"
                          f" x.listed_on_date, x.list_meaning FROM screen_hits x{join}"
                          f" AND x.{LISTED_PARTY_SQL} ORDER BY x.rowid", params):
        hit = dict(r)
        hit["listed_on_date"] = None if hit["listed_on_date"] is None else bool(hit["listed_on_date"])
        docs[hit.pop("doc_id")]["hits"].append(hit)
    for r in conn.execute("SELECT x.id, x.doc_id, x.category, x.item, x.provider, x.rule_status, x.in_scope,"
                          f" x.quantity, x.quantity_note FROM findings x{join} AND x.negated = 0 ORDER BY x.id",
                          params):
        finding = dict(r)
        finding["in_scope"] = bool(finding["in_scope"])
        docs[finding.pop("doc_id")]["findings"].append(finding)
    reviews = _current(conn.execute(
        f"SELECT x.target_type, x.target_id, x.status, x.id FROM reviews x{join} ORDER BY x.id", params))
    for doc in docs.values():
        _settle(doc, reviews)
    return list(docs.values())


def _settle(doc: dict[str, Any], reviews: dict[tuple[str, int], tuple[int, str]]) -> None:
    """Drop dismissed findings; the notice's rule status, review and buyer from what is left."""
    kept = [f for f in doc["findings"] if reviews.get(("finding", f["id"]), (0, ""))[1] != "dismissed"]
    doc["findings_dismissed"] = len(doc["findings"]) - len(kept)
    doc["findings"] = kept
    doc["all_findings_dismissed"] = not any(f["in_scope"] for f in kept)
    doc["rule_status"] = strongest_rule_status([f["rule_status"] for f in kept if f["rule_status"]])
    doc["review"] = reviews.get(("notice", doc["id"]))
    party = doc["buyer_party"]
    doc["buyer_key"] = f"p{party['id']}" if party else (f"n:{doc['buyer']}" if doc["buyer"] else None)
    doc["buyer_name"] = party["name"] if party else doc["buyer"]
    doc["buyer_listed_on_date"] = any(h["role"] == "buyer" and h["listed_on_date"] is True for h in doc["hits"])
    usd, rate = to_usd(doc["amount_cny"], doc["notice_date"])
    doc["amount_usd"] = usd
    doc["rate"] = rate.describe() if rate else (None if doc["amount_cny"] is None else "no date, no rate")


def group_leads(docs: list[dict[str, Any]], reviewed_only: bool = False) -> list[dict[str, Any]]:
    """Reposts joined into leads, each with its review status; ``counted`` is False for a
    dismissed lead (and, with ``reviewed_only``, for one nobody has confirmed or followed up)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        groups[doc["lead_key"] or f"doc:{doc['id']}"].append(doc)
    leads: list[dict[str, Any]] = []
    for key, members in groups.items():
        members.sort(key=lambda d: d["path"])  # by path, so anyone can redo it from the export
        head = members[0]
        decided = [d["review"] for d in members if d["review"]]
        status = max(decided)[1] if decided else None
        dismissed = status == "dismissed" or all(d["all_findings_dismissed"] for d in members)
        lead = {
            "key": key, "id": head["id"], "head": head, "copies": members[1:], "docs": members,
            "review_status": status, "dismissed": dismissed,
            "rule_status": strongest_rule_status([d["rule_status"] for d in members if d["rule_status"]]),
            "priority": max(d["priority"] for d in members),
        }
        lead["counted"] = not dismissed and (not reviewed_only or status in REVIEWED)
        leads.append(lead)
    leads.sort(key=lambda lead: (-lead["priority"], lead["head"]["notice_date"] or "", lead["id"]))
    return leads


def lead_chunks(store: Store, date_from: str = "", date_to: str = "",
                size: int = 500) -> Iterator[list[dict[str, Any]]]:
    """:func:`load_docs` a chunk at a time (about ``size`` notices, whole leads: a chunk ends where
    a lead key does), so what a caller keeps per lead, not the store's notices, sets its memory."""
    rng, params = date_range(date_from, date_to)
    ids: list[int] = []
    last: Any = None
    for doc_id, key in store.conn.execute(  # read lazily: one small row per notice
            f"SELECT d.id, d.lead_key FROM documents d WHERE d.relevant = 1 AND d.status = 'ok'{rng}"
            " ORDER BY d.lead_key, d.id", params):
        if len(ids) >= size and (key is None or key != last):
            yield _chunk(store, date_from, date_to, ids)
            ids = []
        ids.append(int(doc_id))
        last = key
    if ids:
        yield _chunk(store, date_from, date_to, ids)


def _chunk(store: Store, date_from: str, date_to: str, ids: list[int]) -> list[dict[str, Any]]:
    return load_docs(store, date_from, date_to, (" AND d.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]))


def amount_doc(lead: dict[str, Any]) -> dict[str, Any] | None:
    """The notice whose amount a lead counts: its first (by path) with an amount."""
    return next((d for d in lead["docs"] if d["amount_cny"] is not None), None)


def counted_amounts(leads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The notices whose amount is counted (:func:`pick_amounts` of the counted leads)."""
    return pick_amounts([doc for lead in leads if lead["counted"] and (doc := amount_doc(lead)) is not None])


def pick_amounts(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The notices whose amount is counted, from each counted lead's :func:`amount_doc` (in lead
    order): once per lead (reposts share one), and per project number the newest budget and the
    newest award (a tender and its award are one purchase, but a budget and an award are never
    added together)."""
    best: dict[tuple[str, str], dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for doc in docs:
        if not doc["project_no"]:
            out.append(doc)
            continue
        slot = (str(doc["project_no"]), doc["amount_kind"] or "budget")
        held = best.get(slot)
        if held is None or (doc["notice_date"] or "", doc["path"]) > (held["notice_date"] or "", held["path"]):
            best[slot] = doc
    return out + list(best.values())
