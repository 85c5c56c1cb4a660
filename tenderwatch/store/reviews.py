"""Review decisions on a notice or a finding, kept as an append-only audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from tenderwatch.store.db import Store, now_iso
from tenderwatch.store.leads import REVIEW_STATUSES

MAX_NOTE = 4000
MAX_WHO = 100


class ReviewError(ValueError):
    """A review request that cannot be recorded (bad status, unknown target ...)."""


@dataclass(slots=True)
class Review:
    id: int
    target_type: str
    target_id: int
    doc_id: int
    status: str
    previous_status: str | None
    note: str
    who: str
    at: str


def current_status(store: Store, target_type: str, target_id: int) -> str | None:
    row = store.conn.execute(
        "SELECT status FROM reviews WHERE target_type = ? AND target_id = ? ORDER BY id DESC LIMIT 1",
        (target_type, target_id),
    ).fetchone()
    return None if row is None else str(row[0])


def add_reviews(store: Store, doc_ids: list[int], status: str, note: str = "", who: str = "reviewer") -> list[Review]:
    """One decision and note for several notices (bulk review). Every id is checked first, so
    a bad one changes nothing."""
    if not doc_ids:
        raise ReviewError("no notice chosen")
    marks = ",".join("?" * len(doc_ids))
    known = {int(r[0]) for r in store.conn.execute(f"SELECT id FROM documents WHERE id IN ({marks})", doc_ids)}
    missing = [i for i in doc_ids if i not in known]
    if missing:
        raise ReviewError(f"no notice with id {missing[0]}")
    return [add_review(store, "notice", doc_id, status, note, who) for doc_id in dict.fromkeys(doc_ids)]


def add_review(
    store: Store, target_type: str, target_id: int, status: str, note: str = "", who: str = "reviewer"
) -> Review:
    """Record one decision; the previous status is kept beside it. Raises ``ReviewError``."""
    if target_type not in ("notice", "finding"):
        raise ReviewError(f"unknown review target {target_type!r}: use notice or finding")
    if status not in REVIEW_STATUSES:
        raise ReviewError(f"unknown review status {status!r}: use one of {', '.join(REVIEW_STATUSES)}")
    note = note.strip()
    if len(note) > MAX_NOTE:  # said, not cut without a word
        raise ReviewError(f"the note is {len(note):,} characters; the limit is {MAX_NOTE:,}: shorten it")
    who = (who.strip() or "reviewer")[:MAX_WHO]
    if target_type == "notice":
        row = store.conn.execute("SELECT id FROM documents WHERE id = ?", (target_id,)).fetchone()
    else:
        row = store.conn.execute("SELECT doc_id FROM findings WHERE id = ?", (target_id,)).fetchone()
    if row is None:
        raise ReviewError(f"no {target_type} with id {target_id}")
    doc_id = int(row[0])
    with store.conn:
        previous = current_status(store, target_type, target_id)
        at = now_iso()
        cur = store.conn.execute(
            "INSERT INTO reviews(target_type, target_id, doc_id, status, previous_status, note, who, at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (target_type, target_id, doc_id, status, previous, note, who, at),
        )
    return Review(int(cur.lastrowid or 0), target_type, target_id, doc_id, status, previous, note, who, at)


def recent_reviews(store: Store, limit: int = 100) -> list[dict[str, object]]:
    """The newest decisions across the store, with the notice they belong to."""
    rows = store.conn.execute(
        "SELECT r.*, d.path, d.title FROM reviews r LEFT JOIN documents d ON d.id = r.doc_id"
        " ORDER BY r.id DESC LIMIT ?", (limit,),
    ).fetchall()
    return [dict(r) for r in rows]
