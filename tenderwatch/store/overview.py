"""Headline numbers and breakdowns over relevant notices, for the Overview page and the report.

"Entities" are buyers resolved to a party (``doc_parties`` role ``buyer``), falling
back to the buyer name as written when a notice has no resolved party.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from tenderwatch.fx import Rate, to_usd
from tenderwatch.store.db import Store
from tenderwatch.store.readlimit import time_limit

CLOUD_LEADER = "AWS"


def _range(date_from: str, date_to: str, alias: str = "d") -> tuple[str, list[Any]]:
    sql, params = "", []
    if date_from:
        sql += f" AND {alias}.notice_date >= ?"
        params.append(date_from)
    if date_to:
        sql += f" AND {alias}.notice_date <= ?"
        params.append(date_to + "\uffff")
    return sql, params


def relevant_docs(store: Store, date_from: str = "", date_to: str = "") -> list[dict[str, Any]]:
    """Every relevant notice in the range with its buyer party, suppliers and live findings."""
    rng, params = _range(date_from, date_to)
    conn = store.conn
    docs: dict[int, dict[str, Any]] = {}
    doc: dict[str, Any] | None
    for r in conn.execute(
        "SELECT d.id, d.path, d.title, d.notice_date, d.notice_type, d.buyer, d.buyer_class, d.amount_cny,"
        f" d.listed, d.region, d.project_no FROM documents d WHERE d.relevant = 1 AND d.status = 'ok'{rng}"
        " ORDER BY d.notice_date, d.id", params):
        doc = dict(r)
        doc.update(buyer_party=None, suppliers=[], findings=[], buyer_listed=False)
        docs[doc["id"]] = doc
    if not docs:
        return []
    for r in conn.execute(
        "SELECT dp.doc_id, dp.role, dp.party_id, p.name, p.class,"
        " EXISTS(SELECT 1 FROM screen_hits h WHERE h.doc_id = dp.doc_id AND h.party_id = dp.party_id) AS hit"
        " FROM doc_parties dp JOIN parties p ON p.id = dp.party_id JOIN documents d ON d.id = dp.doc_id"
        f" WHERE d.relevant = 1{rng} ORDER BY dp.rowid", params):
        doc = docs.get(r["doc_id"])
        if doc is None:
            continue
        if r["role"] == "buyer" and doc["buyer_party"] is None:
            doc["buyer_party"] = {"id": r["party_id"], "name": r["name"], "class": r["class"]}
            doc["buyer_listed"] = bool(r["hit"])
        elif r["role"] == "supplier":
            doc["suppliers"].append({"id": r["party_id"], "name": r["name"], "listed": bool(r["hit"])})
    for r in conn.execute(
        "SELECT f.doc_id, f.category, f.item, f.provider, f.controlled, f.control_status FROM findings f"
        f" JOIN documents d ON d.id = f.doc_id WHERE d.relevant = 1 AND f.negated = 0{rng}", params):
        doc = docs.get(r["doc_id"])
        if doc is not None:
            doc["findings"].append(dict(r))
    _mark_counted_amounts(list(docs.values()))
    for doc in docs.values():
        usd, rate = to_usd(doc["amount_cny"], doc["notice_date"])
        doc["amount_usd"] = usd
        doc["rate"] = rate.describe() if rate else None
        doc["_rate"] = rate
        doc.pop("_rank", None)
        party = doc["buyer_party"]
        doc["buyer_key"] = f"p{party['id']}" if party else (f"n:{doc['buyer']}" if doc["buyer"] else None)
        doc["buyer_name"] = party["name"] if party else doc["buyer"]
    return list(docs.values())


AWARD_TYPES = ("award", "contract")


def _mark_counted_amounts(docs: list[dict[str, Any]]) -> None:
    """Count one amount per project: a tender's budget and its award's amount are the same
    purchase. Per project number, the newest award/contract notice with an amount wins, else
    the newest notice with an amount; notices without a project number always count."""
    best: dict[str, dict[str, Any]] = {}
    for doc in docs:
        doc["counted"] = doc["amount_cny"] is not None and not doc["project_no"]
        if doc["amount_cny"] is None or not doc["project_no"]:
            continue
        rank = (doc["notice_type"] in AWARD_TYPES, doc["notice_date"] or "", doc["id"])
        held = best.get(doc["project_no"])
        if held is None or rank > held["_rank"]:
            doc["_rank"] = rank
            best[doc["project_no"]] = doc
    for doc in best.values():
        doc["counted"] = True


def _count(docs: list[dict[str, Any]], key: str, controlled_only: bool) -> dict[str, int]:
    """Notices per value, as the export row counts them (``detect.summarize``): categories and
    providers of controlled findings, items of every live finding."""
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update({str(f[key]) for f in doc["findings"] if f.get(key) and (f["controlled"] or not controlled_only)})
    return dict(counts.most_common())


def overview(store: Store, date_from: str = "", date_to: str = "", newest: int = 10) -> dict[str, Any]:
    """The headline numbers ("N documents reviewed, M entities sought ..., K named AWS ...")."""
    rng, params = _range(date_from, date_to)
    with time_limit(store.conn, 30.0):
        total, failed = store.conn.execute(
            f"SELECT COUNT(*), COALESCE(SUM(d.status = 'failed'), 0) FROM documents d WHERE d.status != 'skipped'{rng}", params
        ).fetchone()
        docs = relevant_docs(store, date_from, date_to)
    buyers = {d["buyer_key"] for d in docs if d["buyer_key"]}
    aws_buyers = {
        d["buyer_key"] for d in docs if d["buyer_key"] and any(f["provider"] == CLOUD_LEADER for f in d["findings"])
    }
    intermediaries: Counter[str] = Counter()
    for doc in docs:
        intermediaries.update({s["name"] for s in doc["suppliers"]})
    by_class: Counter[str] = Counter(d["buyer_class"] or "unknown" for d in docs)
    buyer_names: Counter[str] = Counter(d["buyer_name"] for d in docs if d["buyer_name"])
    with_amount = [d for d in docs if d["counted"]]
    converted = [d for d in with_amount if d["amount_usd"] is not None]
    rates: list[Rate] = [d["_rate"] for d in converted]
    rate_dates = sorted({r.rate_date for r in rates})
    newest_docs = sorted(docs, key=lambda d: (d["notice_date"] or "", d["id"]), reverse=True)[:newest]
    return {
        "date_from": date_from, "date_to": date_to,
        "documents": int(total or 0), "failed": int(failed or 0), "relevant": len(docs),
        "entities_sought": len(buyers), "entities_aws": len(aws_buyers), "leader": CLOUD_LEADER,
        "intermediaries": dict(intermediaries.most_common()),
        "buyers": dict(buyer_names.most_common()),
        "listed_notices": sum(1 for d in docs if d["listed"]),
        "by_category": _count(docs, "category", True), "by_item": _count(docs, "item", False),
        "by_provider": _count(docs, "provider", True), "by_buyer_class": dict(by_class.most_common()),
        "total_cny": sum(d["amount_cny"] for d in with_amount),
        "total_usd": sum(d["amount_usd"] for d in converted),
        "amounts": len(with_amount), "amounts_unconverted": len(with_amount) - len(converted),
        "amount_note": "one amount per project number (the award if there is one, else the newest notice)",
        "rate_note": (
            f"each amount converted at the ECB reference rate of its notice date "
            f"({len(rate_dates)} rate dates, {rate_dates[0].isoformat()} to {rate_dates[-1].isoformat()})"
            if rate_dates else "no amount could be converted"
        ),
        "newest": [
            {k: d[k] for k in ("id", "path", "title", "notice_date", "buyer_name", "amount_cny", "amount_usd")}
            | {"items": sorted({f["item"] or f["provider"] or f["category"] for f in d["findings"]})}
            for d in newest_docs
        ],
    }


_CACHE: dict[tuple[int, str, str, str], tuple[int, dict[str, Any]]] = {}


def cached_overview(store: Store, date_from: str = "", date_to: str = "") -> dict[str, Any]:
    """``overview`` remembered until another connection commits (a scan); the workbench's own
    writes are reviews, which the overview does not count."""
    key = (id(store.conn), store.path, date_from, date_to)
    version = int(store.conn.execute("PRAGMA data_version").fetchone()[0])
    held = _CACHE.get(key)
    if held is not None and held[0] == version:
        return held[1]
    if len(_CACHE) > 64:
        _CACHE.clear()
    data = overview(store, date_from, date_to)
    _CACHE[key] = (version, data)
    return data


def entity_rows(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per buyer: type, listed?, what was sought, amounts, dates, intermediaries, providers."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        groups[doc["buyer_key"] or f"doc:{doc['id']}"].append(doc)
    rows: list[dict[str, Any]] = []
    for group in groups.values():
        first = group[0]
        dates = sorted(d["notice_date"] for d in group if d["notice_date"])
        amounts = [d for d in group if d["counted"]]
        rows.append({
            "buyer": first["buyer_name"] or "(buyer not named)",
            "party_id": first["buyer_party"]["id"] if first["buyer_party"] else None,
            "type": first["buyer_class"] or (first["buyer_party"] or {}).get("class") or "unknown",
            "listed": any(d["buyer_listed"] for d in group),
            "sought": sorted({f["item"] or f["category"] for d in group for f in d["findings"] if f["controlled"]}),
            "providers": sorted({f["provider"] for d in group for f in d["findings"] if f["provider"]}),
            "intermediaries": sorted({s["name"] for d in group for s in d["suppliers"]}),
            "amount_cny": sum(d["amount_cny"] for d in amounts) if amounts else None,
            "amount_usd": sum(d["amount_usd"] or 0.0 for d in amounts) if amounts else None,
            "rates": sorted({d["rate"] for d in amounts if d["rate"]}),
            "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None,
            "notices": [{"id": d["id"], "path": d["path"], "date": d["notice_date"], "type": d["notice_type"]}
                        for d in group],
        })
    rows.sort(key=lambda r: (-len(r["notices"]), r["buyer"]))
    return rows


def monthly(docs: list[dict[str, Any]]) -> tuple[dict[str, int], dict[str, float]]:
    """Leads per month and spend (CNY) per month, by notice date."""
    leads: Counter[str] = Counter()
    spend: defaultdict[str, float] = defaultdict(float)
    for doc in docs:
        month = (doc["notice_date"] or "")[:7] or "undated"
        leads[month] += 1
        if doc["counted"]:
            spend[month] += doc["amount_cny"]
    return dict(sorted(leads.items())), dict(sorted(spend.items()))


def flow_edges(docs: list[dict[str, Any]]) -> list[tuple[str, str, str, int]]:
    """Edges buyer -> intermediary -> provider/item: (from, to, layer, projects).

    Notices of one project number count once, and pool what they name: an award often
    names the intermediary its tender did not."""
    projects: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        projects[doc["project_no"] or f"doc:{doc['id']}"].append(doc)
    edges: Counter[tuple[str, str, str]] = Counter()
    for group in projects.values():
        buyers = sorted({d["buyer_name"] or "(buyer not named)" for d in group})
        ends = sorted({f["provider"] or f["item"] or f["category"] for d in group for f in d["findings"]
                       if f["controlled"]})
        middles = sorted({s["name"] for d in group for s in d["suppliers"]}) or ["(no intermediary named)"]
        for middle in middles:
            for buyer in buyers:
                edges[(buyer, middle, "buyer-intermediary")] += 1
            for end in ends:
                edges[(middle, end, "intermediary-provider")] += 1
    return [(a, b, layer, n) for (a, b, layer), n in sorted(edges.items())]


def row_json(store: Store, doc_id: int) -> dict[str, Any]:
    row = store.conn.execute("SELECT row_json FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return {} if row is None else dict(json.loads(row[0]))
