"""Read-side queries over a scan store used by export, show and the summary."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from tenderwatch.store.db import Store


def review_trail(store: Store, doc_id: int) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT target_type, target_id, status, previous_status, note, who, at FROM reviews"
        " WHERE doc_id = ? ORDER BY id",
        (doc_id,),
    ).fetchall()
    return [dict(row) for row in rows]


def _with_reviews(store: Store, doc_id: int, row: dict[str, Any]) -> dict[str, Any]:
    trail = review_trail(store, doc_id)
    notice_reviews = [r for r in trail if r["target_type"] == "notice"]
    row["review_status"] = notice_reviews[-1]["status"] if notice_reviews else None
    row["reviews"] = trail
    return row


def iter_rows(store: Store, relevant_only: bool = False) -> Iterator[dict[str, Any]]:
    """Export rows in path order, with the review status and audit trail merged in."""
    sql = "SELECT id, row_json FROM documents"
    if relevant_only:
        sql += " WHERE relevant = 1"
    sql += " ORDER BY path"
    for doc_id, row_json in store.conn.execute(sql).fetchall():
        yield _with_reviews(store, doc_id, json.loads(row_json))


def rows_by_id(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    """Export rows of ``ids`` in that order (the Leads export of a filtered list)."""
    rows: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for doc_id, row_json in store.conn.execute(
                f"SELECT id, row_json FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            rows[int(doc_id)] = _with_reviews(store, int(doc_id), json.loads(row_json))
    return [rows[i] for i in ids if i in rows]


def find_document(store: Store, path: str) -> tuple[int, dict[str, Any], str] | None:
    """Find a document by its stored path, or by a unique path suffix. Returns (id, row, text)."""
    row = store.conn.execute("SELECT id, row_json, text FROM documents WHERE path = ?", (path,)).fetchone()
    if row is None:
        matches = store.conn.execute(
            "SELECT id, row_json, text FROM documents WHERE path LIKE ? ESCAPE '\\' ORDER BY path",
            ("%" + path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),),
        ).fetchall()
        if len(matches) != 1:
            return None
        row = matches[0]
    return int(row["id"]), _with_reviews(store, int(row["id"]), json.loads(row["row_json"])), row["text"]
