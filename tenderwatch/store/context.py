"""Documents by kind, and the context documents (news, comparisons, seller pages ...) counted apart
from leads: a page that reports or offers a purchase of controlled computing is context for the
notices and parties it names, never a lead (issue 10, ``notice/dockind.py``)."""

from __future__ import annotations

import json
from typing import Any

from tenderwatch.store.db import Store
from tenderwatch.store.leadset import date_range
from tenderwatch.store.readlimit import time_limit

LEAD_KINDS = ("notice", "aggregator", "disclosure")


def kind_counts(store: Store, date_from: str = "", date_to: str = "") -> dict[str, dict[str, int]]:
    """Per document kind: documents read, leads, and documents with a finding (live or not)."""
    rng, params = date_range(date_from, date_to)
    with time_limit(store.conn, 30.0):
        rows = store.conn.execute(
            "SELECT COALESCE(d.doc_kind, 'unknown') AS kind, COUNT(*) AS documents,"
            " COALESCE(SUM(d.relevant), 0) AS leads,"
            " COALESCE(SUM(EXISTS (SELECT 1 FROM findings f WHERE f.doc_id = d.id)), 0) AS with_findings"
            f" FROM documents d WHERE d.status = 'ok'{rng} GROUP BY kind ORDER BY documents DESC", params,
        ).fetchall()
    return {str(r["kind"]): {"documents": int(r["documents"]), "leads": int(r["leads"]),
                             "with_findings": int(r["with_findings"])} for r in rows}


def context_docs(store: Store, date_from: str = "", date_to: str = "", limit: int = 200) -> list[dict[str, Any]]:
    """Documents of a non-lead kind that mention controlled computing, with the parties they name."""
    rng, params = date_range(date_from, date_to)
    marks = ",".join("?" * len(LEAD_KINDS))
    with time_limit(store.conn, 30.0):
        docs = [dict(r) for r in store.conn.execute(
            "SELECT d.id, d.path, d.title, d.doc_kind, d.notice_date, d.row_json FROM documents d"
            f" WHERE d.status = 'ok' AND d.doc_kind IS NOT NULL AND d.doc_kind NOT IN ({marks}){rng}"
            " AND EXISTS (SELECT 1 FROM findings f WHERE f.doc_id = d.id AND f.in_scope = 1)"
            " ORDER BY d.notice_date DESC, d.id LIMIT ?", [*LEAD_KINDS, *params, limit])]
    for doc in docs:
        row = json.loads(doc.pop("row_json"))
        doc["mentions"] = [p["name"] for p in row.get("parties") or [] if p.get("role") == "mention"]
        doc["items"] = sorted({f["item"] or f["provider"] or f["category"] for f in row.get("findings") or []})
    return docs

