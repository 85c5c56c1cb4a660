"""Read one party (buyer, agency or supplier) with its notices and counterparties."""

from __future__ import annotations

import json
from typing import Any

from tenderwatch.store.db import Store
from tenderwatch.store.readlimit import time_limit


def party_detail(store: Store, party_id: int, limit: int = 200) -> dict[str, Any] | None:
    """Names as written, list hits, class, notices and counterparties of one party."""
    conn = store.conn
    with time_limit(conn):
        party = conn.execute("SELECT * FROM parties WHERE id = ?", (party_id,)).fetchone()
        if party is None:
            return None
        names = [dict(r) for r in conn.execute(
            "SELECT name, role, COUNT(*) AS n FROM doc_parties WHERE party_id = ? GROUP BY name, role"
            " ORDER BY n DESC", (party_id,))]
        hits = []
        for r in conn.execute(
            "SELECT name, list_name, list_version, list_date, entry_id, entry_name, MAX(score) AS score,"
            " relation, reasons_json, COUNT(*) AS n FROM screen_hits WHERE party_id = ?"
            " GROUP BY list_name, entry_id, entry_name ORDER BY score DESC", (party_id,)):
            hit = dict(r)
            hit["reasons"] = json.loads(hit.pop("reasons_json") or "[]")
            hits.append(hit)
        notices = [dict(r) for r in conn.execute(
            "SELECT DISTINCT d.id, d.path, d.title, d.notice_type, d.doc_kind, d.notice_date, d.relevant, d.amount_cny,"
            " dp.role FROM doc_parties dp JOIN documents d ON d.id = dp.doc_id WHERE dp.party_id = ?"
            " ORDER BY d.notice_date DESC, d.id LIMIT ?", (party_id, limit))]
        counterparties = [dict(r) for r in conn.execute(
            "SELECT p.id, p.name, p.class, other.role, COUNT(DISTINCT other.doc_id) AS notices,"
            " SUM(d.relevant) AS relevant FROM doc_parties me"
            " JOIN doc_parties other ON other.doc_id = me.doc_id AND other.party_id != me.party_id"
            " JOIN parties p ON p.id = other.party_id JOIN documents d ON d.id = other.doc_id"
            " WHERE me.party_id = ? GROUP BY p.id, other.role ORDER BY notices DESC LIMIT ?",
            (party_id, limit))]
    return {"party": dict(party), "names": names, "hits": hits, "notices": notices,
            "counterparties": counterparties}
