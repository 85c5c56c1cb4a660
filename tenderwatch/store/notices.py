"""Read one notice with everything the Notice page shows."""

from __future__ import annotations

import json
from typing import Any

from tenderwatch.store.db import Store
from tenderwatch.store.docrow import LEAD_NOTICE
from tenderwatch.store.queries import review_trail
from tenderwatch.store.readlimit import time_limit


def _latest(trail: list[dict[str, Any]], target_type: str, target_id: int) -> str | None:
    status = None
    for entry in trail:
        if entry["target_type"] == target_type and entry["target_id"] == target_id:
            status = entry["status"]
    return status


def notice_detail(store: Store, doc_id: int) -> dict[str, Any] | None:
    """The notice ``doc_id`` with facts, findings, parties, screening hits, related notices
    and the review trail; ``None`` when there is no such notice."""
    conn = store.conn
    with time_limit(conn):
        doc = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if doc is None:
            return None
        notice = dict(doc)
        row = json.loads(notice.pop("row_json"))
        notice["doc_kind_reasons"] = json.loads(notice.get("doc_kind_reasons") or "[]")
        facts = [dict(r) for r in conn.execute(
            'SELECT name, raw, value, start, "end" FROM facts WHERE doc_id = ? ORDER BY rowid', (doc_id,))]
        findings = [dict(r) for r in conn.execute(
            'SELECT id, category, item, provider, quantity, controlled, negated, confidence, control_status,'
            ' rule, evidence, start, "end", reason, rule_status, quantity_note, mentions_json'
            ' FROM findings WHERE doc_id = ? ORDER BY start, id', (doc_id,))]
        for finding in findings:
            finding["mentions"] = json.loads(finding.pop("mentions_json") or "[]")
        parties = [dict(r) for r in conn.execute(
            'SELECT dp.party_id, dp.role, dp.name, dp.start, dp."end", p.class, p.class_reason, p.name AS canonical'
            " FROM doc_parties dp JOIN parties p ON p.id = dp.party_id WHERE dp.doc_id = ? ORDER BY dp.rowid",
            (doc_id,))]
        hits = []
        for r in conn.execute(
            "SELECT party_id, role, name, list_name, list_version, list_date, entry_id, entry_name, score,"
            " relation, reasons_json, listed_since, listed_on_date, list_meaning FROM screen_hits WHERE doc_id = ? ORDER BY score DESC", (doc_id,)):
            hit = dict(r)
            hit["reasons"] = json.loads(hit.pop("reasons_json") or "[]")
            hits.append(hit)
        related: list[dict[str, Any]] = []
        copies = [dict(r) for r in conn.execute(
            "SELECT id, path, title, site, url, notice_date FROM documents WHERE lead_key = ? AND id != ?"
            " AND relevant = 1 ORDER BY id LIMIT 50", (notice.get("lead_key"), doc_id))] if notice.get("lead_key") else []
        if notice.get("project_no"):
            related = [dict(r) for r in conn.execute(
                "SELECT id, path, title, notice_type, notice_date, buyer, relevant, row_json FROM documents"
                " WHERE project_no = ? AND id != ? ORDER BY notice_date, id LIMIT 50",
                (notice["project_no"], doc_id))]
            for rel in related:
                rel["suppliers"] = json.loads(rel.pop("row_json")).get("suppliers") or []
        # news and other non-buyer pages naming this notice's parties (their role "mention")
        context = [dict(r) for r in conn.execute(
            "SELECT DISTINCT d.id, d.path, d.title, d.doc_kind, d.notice_date, mine.name AS party"
            " FROM doc_parties mine JOIN doc_parties other ON other.party_id = mine.party_id"
            " AND other.doc_id != mine.doc_id AND other.role = 'mention'"
            " JOIN documents d ON d.id = other.doc_id WHERE mine.doc_id = ?"
            " ORDER BY d.notice_date DESC, d.id LIMIT 50", (doc_id,))]
        trail = review_trail(store, doc_id)
    for finding in findings:
        finding["review_status"] = _latest(trail, "finding", finding["id"])
    return {
        "notice": notice,
        "row": row,
        "facts": facts,
        "findings": findings,
        "parties": parties,
        "hits": hits,
        "related": related,
        "context": context,
        "copies": copies,
        "trail": trail,
        "review_status": _latest(trail, "notice", doc_id),
        "lead_notice": LEAD_NOTICE,
    }
