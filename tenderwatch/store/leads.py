"""The Leads query: relevant notices with filters, full-text search, sorting and paging.

All SQL is parameterised; sort keys come from a fixed list. Free text goes to the
FTS5 trigram index as one quoted phrase (3+ characters) or to ``LIKE`` with
escaped wildcards (shorter queries, which a trigram index cannot serve).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from tenderwatch.model import RULE_STATUSES as RULE_STATUSES  # re-exported: the rule status filter
from tenderwatch.store.db import Store
from tenderwatch.store.leadset import LISTED_PARTY_SQL
from tenderwatch.store.readlimit import MAX_ROWS, time_limit
from tenderwatch.store.search import agreement_notes, folded_query, fts_phrase, item_named, snippet

REVIEW_STATUSES = ("confirmed", "dismissed", "follow_up")
SORTS = {
    "priority": "d.priority",  # the default: strongest evidence first (store/priority.py)
    "date": "d.notice_date",
    "amount": "d.amount_cny",
    "buyer": "d.buyer",
    "title": "d.title",
    "type": "d.notice_type",
    "region": "d.region",
    "path": "d.path",
}
# The current status of a notice: its newest notice-level review (target_id is the doc id).
NOTICE_STATUS_SQL = (
    "(SELECT r.status FROM reviews r WHERE r.target_type = 'notice' AND r.target_id = d.id"
    " ORDER BY r.id DESC LIMIT 1)"
)
CURRENT_STATUS_IN = (
    "d.id IN (SELECT r.target_id FROM reviews r WHERE r.target_type = 'notice' AND r.status = ?"
    " AND r.id = (SELECT MAX(r2.id) FROM reviews r2 WHERE r2.target_type = 'notice'"
    " AND r2.target_id = r.target_id))"
)
# Reposts of one notice (same documents.lead_key) are one lead: the first stored one stands for
# the others, which the row lists as copies.
LEAD_HEAD = ("(d.lead_key IS NULL OR NOT EXISTS (SELECT 1 FROM documents d2"
             " WHERE d2.lead_key = d.lead_key AND d2.relevant = 1 AND d2.id < d.id))")
COPIES_SQL = ("(SELECT COUNT(*) - 1 FROM documents d2 WHERE d2.lead_key = d.lead_key AND d2.relevant = 1"
              " AND d.lead_key IS NOT NULL)")
EXPORT_CAP = 100_000  # the most rows one Leads export writes
NEVER_REVIEWED = "d.id NOT IN (SELECT target_id FROM reviews WHERE target_type = 'notice')"


@dataclass(slots=True)
class LeadFilter:
    """What the Leads page asks for. Empty strings mean "any"."""

    category: str = ""
    item: str = ""
    provider: str = ""
    listed: str = ""  # "yes" (any list hit) | "no" | "on_date" (listed on the notice date) | ""
    party: int | None = None  # a party id: notices naming it in any role
    buyer_class: str = ""
    region: str = ""
    notice_type: str = ""
    doc_kind: str = ""  # notice, aggregator, disclosure, news ... (notice/dockind.py)
    date_from: str = ""
    date_to: str = ""
    review: str = ""  # one of REVIEW_STATUSES, "none", or ""
    rule_status: str = ""  # restricted | restricted_later | not_restricted | ""
    site: str = ""
    q: str = ""
    all_notices: bool = False  # include notices that are not relevant
    sort: str = "priority"
    desc: bool = True
    page: int = 1
    per_page: int = 50


@dataclass(slots=True)
class LeadPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    per_page: int
    pages: int
    filters: LeadFilter
    notes: list[str] = field(default_factory=list)


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def lead_where(f: LeadFilter) -> tuple[str, list[Any], list[str]]:
    """The SQL condition on ``documents d`` for these filters (paging and sort aside), its
    parameters and notes for the reader; the Leads page and saved searches share it."""
    clauses: list[str] = []
    params: list[Any] = []
    notes: list[str] = []
    # Among leads, scan the (small, covering) relevant index and probe the id sets; the unary
    # "+" keeps SQLite from driving the query through thousands of wide-row lookups instead.
    probe = "d.id" if f.all_notices else "+d.id"
    if not f.all_notices:
        clauses += ["d.relevant = 1", LEAD_HEAD]
    for column, value in (("category", f.category), ("item", f.item), ("provider", f.provider)):
        if value:
            clauses.append(f"{probe} IN (SELECT doc_id FROM findings WHERE {column} = ? AND negated = 0)")
            params.append(value)
    if f.listed == "on_date":
        clauses.append(f"{probe} IN (SELECT doc_id FROM screen_hits WHERE listed_on_date = 1 AND {LISTED_PARTY_SQL})")
    elif f.listed in ("yes", "no"):
        clauses.append("d.listed = ?")
        params.append(1 if f.listed == "yes" else 0)
    if f.party is not None:
        clauses.append(f"{probe} IN (SELECT doc_id FROM doc_parties WHERE party_id = ?)")
        params.append(f.party)
    for column, value in (("buyer_class", f.buyer_class), ("region", f.region), ("notice_type", f.notice_type),
                          ("rule_status", f.rule_status), ("site", f.site),
                          ("doc_kind", f.doc_kind)):
        if value:
            clauses.append(f"d.{column} = ?")
            params.append(value)
    if f.date_from:
        clauses.append("d.notice_date >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("d.notice_date <= ?")
        params.append(f.date_to + "\uffff")  # a "YYYY-MM" bound includes the whole month
    if f.review == "none":
        clauses.append(NEVER_REVIEWED.replace("d.id", probe, 1))
    elif f.review in REVIEW_STATUSES:
        clauses.append(CURRENT_STATUS_IN.replace("d.id", probe, 1))
        params.append(f.review)
    q = f.q.strip()
    folded = folded_query(q)  # the index holds folded text (schema migration 7)
    if q:
        if len(folded) >= 3 and not f.all_notices:
            # every lead is in the trigram index (documents.indexed, schema migration 3)
            clauses.append(f"{probe} IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
            params.append(fts_phrase(folded))
        elif len(folded) >= 3:
            # notices without any finding are not indexed: scan their text
            clauses.append(
                f"(({probe} IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?))"
                " OR (d.indexed = 0 AND (d.title LIKE ? ESCAPE '\\' OR d.text LIKE ? ESCAPE '\\')))"
            )
            params += [fts_phrase(folded), like_pattern(q), like_pattern(q)]
            notes.append("notices without findings are not in the search index; their text is scanned (slower)")
        else:
            clauses.append("(d.title LIKE ? ESCAPE '\\' OR d.text LIKE ? ESCAPE '\\')")
            params += [like_pattern(q)] * 2
            notes.append("queries shorter than 3 characters scan the text (slower)")
    return " AND ".join(clauses) or "1 = 1", params, notes


def _scans_text(f: LeadFilter) -> bool:
    """Text search (FTS or LIKE) is the costly part: run it once for both count and page."""
    return bool(f.q.strip())


def query_leads(store: Store, f: LeadFilter, seconds: float = 5.0) -> LeadPage:
    """One page of leads, with a snippet of each match and, when the search names an item,
    why it and the item filter differ (see ``_page``)."""
    page = _page(store, f, seconds)
    q = f.q.strip()
    if q:
        with time_limit(store.conn, seconds):
            texts = dict(store.conn.execute(
                f"SELECT id, title || char(10) || text FROM documents WHERE id IN ({','.join('?' * len(page.rows))})",
                [r["id"] for r in page.rows]).fetchall()) if page.rows else {}
        for row in page.rows:
            row["snippet"] = snippet(texts.get(row["id"]) or "", q)
        named = item_named(q, facets(store)["item"]) if not f.item else None
        if named is not None and not f.all_notices:
            by_text = set(lead_ids(store, f, seconds))
            by_item = set(lead_ids(store, replace(f, q="", item=named), seconds))
            page.notes += agreement_notes(q, named, by_text, by_item)
    return page


def lead_ids(store: Store, f: LeadFilter, seconds: float = 5.0, cap: int = EXPORT_CAP) -> list[int]:
    """Every lead id the filters select, in the page order (for exports and comparisons)."""
    where, params, _ = lead_where(f)
    with time_limit(store.conn, seconds):
        return [int(r[0]) for r in store.conn.execute(
            f"SELECT d.id FROM documents d WHERE {where} ORDER BY {_order(f)} LIMIT ?", [*params, cap])]


def _order(f: LeadFilter) -> str:
    column = SORTS.get(f.sort, SORTS["priority"])
    # SQLite puts NULL lowest, so descending puts it last; ascending needs "IS NULL" first
    return f"{column} DESC, d.id DESC" if f.desc else f"{column} IS NULL, {column} ASC, d.id ASC"


def _page(store: Store, f: LeadFilter, seconds: float) -> LeadPage:
    """One page of leads. Raises ``QueryTimeout`` when the query runs too long.

    Two steps: the ids of the page (filters, order, offset: served by the covering index
    ``documents_leads`` where it can), then the details of those ids only."""
    per_page = max(1, min(f.per_page, MAX_ROWS))
    where, params, notes = lead_where(f)
    order = _order(f)
    conn = store.conn
    with time_limit(conn, seconds):
        if _scans_text(f):  # one pass over the text serves both the count and the page
            every = [int(r[0]) for r in conn.execute(
                f"SELECT d.id FROM documents d WHERE {where} ORDER BY {order}", params)]
            total = len(every)
            pages = max(1, -(-total // per_page))
            page = max(1, min(f.page, pages))
            ids = every[(page - 1) * per_page : page * per_page]
        else:
            total = int(conn.execute(f"SELECT COUNT(*) FROM documents d WHERE {where}", params).fetchone()[0])
            pages = max(1, -(-total // per_page))
            page = max(1, min(f.page, pages))
            ids = [int(r[0]) for r in conn.execute(
                f"SELECT d.id FROM documents d WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, per_page, (page - 1) * per_page],
            )]
        marks = ",".join("?" * len(ids))
        rows = {int(r["id"]): r for r in conn.execute(
            "SELECT d.id, d.path, d.title, d.notice_date, d.notice_type, d.buyer, d.buyer_class, d.region,"
            f" d.amount_cny, d.listed, d.project_no, d.relevant, d.doc_kind, d.row_json,"
            f" {NOTICE_STATUS_SQL} AS review_status,"
            f" d.priority, d.priority_json, d.site, d.url, d.rule_status, {COPIES_SQL} AS copies"
            f" FROM documents d WHERE d.id IN ({marks})", ids,
        )} if ids else {}
        parties: dict[int, list[dict[str, Any]]] = {}
        for r in conn.execute("SELECT x.doc_id, x.role, p.id, p.name FROM doc_parties x JOIN parties p ON"
                              f" p.id = x.party_id WHERE x.doc_id IN ({marks}) ORDER BY x.rowid", ids):
            parties.setdefault(int(r[0]), []).append({"role": r[1], "id": int(r[2]), "name": r[3]})
        listing: dict[int, set[int | None]] = {}
        for r in conn.execute(f"SELECT doc_id, listed_on_date FROM screen_hits"
                              f" WHERE doc_id IN ({marks}) AND {LISTED_PARTY_SQL}", ids):
            listing.setdefault(int(r[0]), set()).add(r[1])
    out: list[dict[str, Any]] = []
    for doc_id in ids:
        item = dict(rows[doc_id])
        data = json.loads(item.pop("row_json"))
        item["priority_reasons"] = json.loads(item.pop("priority_json") or "[]")
        item["copies"] = max(0, item["copies"] or 0)
        item["categories"] = data.get("categories") or []
        item["items"] = data.get("items") or []
        item["providers"] = data.get("providers") or []
        item["suppliers"] = data.get("suppliers") or []
        mine = parties.get(doc_id, [])
        item["buyer_party"] = next((p for p in mine if p["role"] == "buyer"), None)
        item["supplier_parties"] = [p for p in mine if p["role"] == "supplier"]
        states = listing.get(doc_id, set())
        item["listing"] = ("on the notice date" if 1 in states else "date unknown" if None in states
                           else "only later" if 0 in states else "")
        out.append(item)
    return LeadPage(out, total, page, per_page, pages, f, notes)


_FACETS: dict[tuple[int, str], tuple[tuple[int, int], dict[str, list[str]]]] = {}


def facets(store: Store) -> dict[str, list[str]]:
    """The values each Leads filter can take, for the filter form (cached until the store changes)."""
    conn = store.conn
    stamp = (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)
    cached = _FACETS.get((id(conn), store.path))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    values = _facets(store)
    _FACETS[(id(conn), store.path)] = (stamp, values)
    return values


def _facets(store: Store) -> dict[str, list[str]]:
    conn = store.conn

    def distinct(sql: str) -> list[str]:
        return [str(r[0]) for r in conn.execute(sql).fetchall() if r[0] not in (None, "")]

    with time_limit(conn):
        return {
            "category": distinct("SELECT DISTINCT category FROM findings ORDER BY 1"),
            "item": distinct("SELECT DISTINCT item FROM findings WHERE item IS NOT NULL ORDER BY 1"),
            "provider": distinct("SELECT DISTINCT provider FROM findings WHERE provider IS NOT NULL ORDER BY 1"),
            "buyer_class": distinct("SELECT DISTINCT class FROM parties ORDER BY 1"),
            "region": distinct("SELECT DISTINCT region FROM documents WHERE relevant = 1 ORDER BY 1"),
            "notice_type": distinct("SELECT DISTINCT notice_type FROM documents WHERE relevant = 1 ORDER BY 1"),
            "doc_kind": distinct("SELECT DISTINCT doc_kind FROM documents ORDER BY 1"),
            "site": distinct("SELECT DISTINCT site FROM documents WHERE relevant = 1 ORDER BY 1"),
        }
