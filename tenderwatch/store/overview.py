"""The Overview and the report's tables and series, built on the one headline definition
(:mod:`tenderwatch.store.headline`, :mod:`tenderwatch.store.leadset`)."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from contextlib import nullcontext
from typing import Any

from tenderwatch.model import NOT_RESTRICTED, strongest_rule_status
from tenderwatch.store.db import Store
from tenderwatch.store.headline import headline, headline_of, lead_facts, sentences
from tenderwatch.store.leadset import counted_amounts, date_range, group_leads, lead_chunks, load_docs
from tenderwatch.store.readlimit import time_limit

WEB_SECONDS = 30.0  # the workbench's limit on gathering the leads of a range (Overview, report pages)


def leads_in(store: Store, date_from: str = "", date_to: str = "", reviewed_only: bool = False) -> list[dict[str, Any]]:
    with time_limit(store.conn, WEB_SECONDS):
        return group_leads(load_docs(store, date_from, date_to), reviewed_only)


def scanned(store: Store, date_from: str = "", date_to: str = "") -> tuple[int, int]:
    """(documents scanned, of them failed) in the range; skipped files (labels, exports) are not documents."""
    rng, params = date_range(date_from, date_to)
    total, failed = store.conn.execute(
        f"SELECT COUNT(*), COALESCE(SUM(d.status = 'failed'), 0) FROM documents d WHERE d.status != 'skipped'{rng}",
        params).fetchone()
    return int(total or 0), int(failed or 0)


def lead_summary(lead: dict[str, Any]) -> dict[str, Any]:
    """What a list of leads shows of one lead."""
    head = lead["head"]
    return {
        "id": head["id"], "path": head["path"], "title": head["title"], "notice_date": head["notice_date"],
        "buyer_name": head["buyer_name"], "buyer_party": head["buyer_party"], "amount_cny": head["amount_cny"],
        "amount_kind": head["amount_kind"], "amount_usd": head["amount_usd"], "rate": head["rate"],
        "priority": lead["priority"], "priority_reasons": head["priority_reasons"],
        "rule_status": lead["rule_status"], "review_status": lead["review_status"], "copies": len(lead["copies"]),
        "items": sorted({f["item"] or f["provider"] or f["category"] for d in lead["docs"] for f in d["findings"]}),
    }


def numbers_and_leads(store: Store, date_from: str = "", date_to: str = "",
                      reviewed_only: bool = False) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The headline numbers of a range and the leads they count (by priority, highest first)."""
    leads = leads_in(store, date_from, date_to, reviewed_only)
    total, failed = scanned(store, date_from, date_to)
    return headline(total, failed, leads, reviewed_only), leads


def overview(store: Store, date_from: str = "", date_to: str = "", top: int = 10,
             reviewed_only: bool = False, seconds: float | None = WEB_SECONDS) -> dict[str, Any]:
    """The headline numbers and sentences, and the ``top`` leads by priority. The notices are read
    a chunk of leads at a time and each lead is kept as its ``lead_facts``, so the memory this
    takes grows with the leads' distinct values, not with their notices. ``seconds``: the time
    limit (QueryTimeout past it); None for none (the scan summary: it follows a whole scan)."""
    facts: list[dict[str, Any]] = []
    best: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    with time_limit(store.conn, seconds) if seconds is not None else nullcontext():
        for docs in lead_chunks(store, date_from, date_to):
            for lead in group_leads(docs, reviewed_only):
                facts.append(lead_facts(lead))
                if lead["counted"]:
                    best.append((facts[-1]["order"], lead_summary(lead)))
            best = heapq.nsmallest(top, best, key=lambda pair: pair[0])
    facts.sort(key=lambda lead: lead["order"])
    total, failed = scanned(store, date_from, date_to)
    numbers = headline_of(total, failed, facts, reviewed_only)
    return numbers | {
        "date_from": date_from, "date_to": date_to, "sentences": sentences(numbers),
        "top": [summary for _, summary in best],
    }


_CACHE: dict[tuple[int, str, str, str], tuple[tuple[int, int], dict[str, Any]]] = {}


def cached_overview(store: Store, date_from: str = "", date_to: str = "") -> dict[str, Any]:
    """``overview`` remembered until the store changes (a scan, or a review on this connection)."""
    key = (id(store.conn), store.path, date_from, date_to)
    stamp = (int(store.conn.execute("PRAGMA data_version").fetchone()[0]), store.conn.total_changes)
    held = _CACHE.get(key)
    if held is not None and held[0] == stamp:
        return held[1]
    if len(_CACHE) > 64:
        _CACHE.clear()
    data = overview(store, date_from, date_to)
    _CACHE[key] = (stamp, data)
    return data


def entity_rows(leads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per buyer of the counted leads: type, rule status, listed on the date, what was
    sought, budgets and awards apart, dates, intermediaries, providers, confirmed leads."""
    counted = [lead for lead in leads if lead["counted"]]
    money = {d["id"] for d in counted_amounts(leads)}
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for lead in counted:
        groups[lead["head"]["buyer_key"] or f"doc:{lead['id']}"].append(lead)
    rows: list[dict[str, Any]] = []
    for group in groups.values():
        first = group[0]["head"]
        docs = [d for lead in group for d in lead["docs"]]
        dates = sorted(d["notice_date"] for d in docs if d["notice_date"])
        amounts = [d for d in docs if d["id"] in money]
        budgets = [d for d in amounts if (d["amount_kind"] or "budget") == "budget"]
        awards = [d for d in amounts if d["amount_kind"] == "award"]
        rows.append({
            "buyer": first["buyer_name"] or "(buyer not named)",
            "party_id": first["buyer_party"]["id"] if first["buyer_party"] else None,
            "type": first["buyer_class"] or (first["buyer_party"] or {}).get("class") or "unknown",
            "rule_status": strongest_rule_status([lead["rule_status"] or NOT_RESTRICTED for lead in group]),
            "listed_on_date": any(d["buyer_listed_on_date"] for d in docs),
            "lists": sorted({h["list_name"] for d in docs for h in d["hits"] if h["role"] == "buyer"}),
            "sought": sorted({f["item"] or f["category"] for d in docs for f in d["findings"] if f["in_scope"]}),
            "providers": sorted({f["provider"] for d in docs for f in d["findings"] if f["provider"]}),
            "intermediaries": sorted({s["name"] for d in docs for s in d["suppliers"]}),
            "budget_cny": sum(d["amount_cny"] for d in budgets) if budgets else None,
            "award_cny": sum(d["amount_cny"] for d in awards) if awards else None,
            "budget_usd": sum(d["amount_usd"] or 0.0 for d in budgets) if budgets else None,
            "award_usd": sum(d["amount_usd"] or 0.0 for d in awards) if awards else None,
            "rates": sorted({d["rate"] for d in amounts if d["rate"]}),
            "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None,
            "confirmed": sum(1 for lead in group if lead["review_status"] == "confirmed"),
            "priority": max(lead["priority"] for lead in group),
            "notices": [{"id": d["id"], "path": d["path"], "date": d["notice_date"], "type": d["notice_type"]}
                        for d in docs],
        })
    rows.sort(key=lambda r: (-r["priority"], -len(r["notices"]), r["buyer"]))
    return rows


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``), so empty months show as zero."""
    year, month = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while (year, month) <= (int(last[:4]), int(last[5:7])):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def monthly(leads: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per month (continuous, empty months zero; undated apart): counted leads, budgets and
    awards (CNY) by notice date. All three series share the same months."""
    counted = [lead for lead in leads if lead["counted"]]
    money = counted_amounts(leads)
    series: dict[str, Counter[str]] = {"leads": Counter(), "budget_cny": Counter(), "award_cny": Counter()}
    for lead in counted:
        series["leads"][(lead["head"]["notice_date"] or "")[:7] or "undated"] += 1
    for doc in money:
        month = (doc["notice_date"] or "")[:7] or "undated"
        series["award_cny" if doc["amount_kind"] == "award" else "budget_cny"][month] += doc["amount_cny"]
    seen = sorted({m for s in series.values() for m in s if m != "undated"})
    months = months_between(seen[0], seen[-1]) if seen else []
    if any("undated" in s for s in series.values()):
        months.append("undated")
    return {name: {m: (float if name != "leads" else int)(s.get(m, 0)) for m in months} for name, s in series.items()}


def flow_edges(leads: list[dict[str, Any]]) -> list[tuple[str, str, str, int]]:
    """Edges buyer -> intermediary -> provider/item: (from, to, layer, projects). The last
    column holds only items and providers. Notices of one project number count once and pool
    what they name: an award often names the intermediary its tender did not."""
    projects: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for lead in leads:
        if lead["counted"]:
            for doc in lead["docs"]:
                projects[doc["project_no"] or lead["key"]].append(doc)
    edges: Counter[tuple[str, str, str]] = Counter()
    for group in projects.values():
        buyers = sorted({d["buyer_name"] or "(buyer not named)" for d in group})
        ends = sorted({f["provider"] or f["item"] for d in group for f in d["findings"]
                       if f["in_scope"] and (f["provider"] or f["item"])})
        middles = sorted({s["name"] for d in group for s in d["suppliers"]}) or ["(no intermediary named)"]
        for middle in middles:
            for buyer in buyers:
                edges[(buyer, middle, "buyer-intermediary")] += 1
            for end in ends:
                edges[(middle, end, "intermediary-provider")] += 1
    return [(a, b, layer, n) for (a, b, layer), n in sorted(edges.items())]
