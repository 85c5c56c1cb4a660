"""Collect progress in the store (migration 5): windows, items already stored, daily budget.

Each write commits at once (a kill -9 keeps everything written before it), except
:func:`mark_item`, which joins the transaction of the notice it belongs to, so a notice and
its "done" mark are stored together or not at all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from tenderwatch.store.db import now_iso

COMPLETE = "complete"
INCOMPLETE = "incomplete"


@dataclass(slots=True)
class WindowRow:
    source: str
    query: str
    day_from: str
    day_until: str
    status: str
    reason: str | None
    pages_done: int
    pages_total: int | None
    notices: int


def start_window(conn: sqlite3.Connection, source: str, query: str, day_from: str, day_until: str) -> None:
    """Record a window as started: incomplete until it finishes whole."""
    with conn:
        conn.execute(
            "INSERT INTO collect_windows(source, query, day_from, day_until, status, reason, pages_done,"
            " pages_total, notices, updated_at) VALUES (?,?,?,?,?,?,0,NULL,0,?)"
            " ON CONFLICT(source, query, day_from, day_until) DO UPDATE SET status = excluded.status,"
            " reason = excluded.reason, pages_done = 0, pages_total = NULL, notices = 0,"
            " updated_at = excluded.updated_at",
            (source, query, day_from, day_until, INCOMPLETE, "started; not finished (interrupted?)", now_iso()),
        )


def update_window(
    conn: sqlite3.Connection, source: str, query: str, day_from: str, day_until: str, *,
    pages_done: int, pages_total: int | None, notices: int,
) -> None:
    with conn:
        conn.execute(
            "UPDATE collect_windows SET pages_done = ?, pages_total = ?, notices = ?, updated_at = ?"
            " WHERE source = ? AND query = ? AND day_from = ? AND day_until = ?",
            (pages_done, pages_total, notices, now_iso(), source, query, day_from, day_until),
        )


def finish_window(
    conn: sqlite3.Connection, source: str, query: str, day_from: str, day_until: str, *,
    complete: bool, reason: str | None,
) -> None:
    with conn:
        conn.execute(
            "UPDATE collect_windows SET status = ?, reason = ?, updated_at = ?"
            " WHERE source = ? AND query = ? AND day_from = ? AND day_until = ?",
            (COMPLETE if complete else INCOMPLETE, None if complete else reason, now_iso(),
             source, query, day_from, day_until),
        )


def windows(conn: sqlite3.Connection, source: str | None = None) -> list[WindowRow]:
    sql = ("SELECT source, query, day_from, day_until, status, reason, pages_done, pages_total, notices"
           " FROM collect_windows")
    rows = conn.execute(sql + (" WHERE source = ?" if source else "") + " ORDER BY source, day_from, query",
                        (source,) if source else ()).fetchall()
    return [WindowRow(*tuple(row)) for row in rows]


def complete_windows(conn: sqlite3.Connection, source: str) -> set[tuple[str, str, str]]:
    """(query, day_from, day_until) of every complete window of a source."""
    rows = conn.execute(
        "SELECT query, day_from, day_until FROM collect_windows WHERE source = ? AND status = ?",
        (source, COMPLETE),
    ).fetchall()
    return {(str(r[0]), str(r[1]), str(r[2])) for r in rows}


def first_day(conn: sqlite3.Connection, source: str) -> str | None:
    row = conn.execute("SELECT MIN(day_from) FROM collect_windows WHERE source = ?", (source,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def item_done(conn: sqlite3.Connection, source: str, key: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM collect_items WHERE source = ? AND item_key = ?", (source, key)
    ).fetchone()
    return row is not None


def mark_item(conn: sqlite3.Connection, source: str, key: str, doc_url: str | None) -> None:
    """Mark a list item's notices as stored, in the caller's open transaction."""
    conn.execute(
        "INSERT OR REPLACE INTO collect_items(source, item_key, doc_url, done_at) VALUES (?,?,?,?)",
        (source, key, doc_url, now_iso()),
    )


def spend_request(conn: sqlite3.Connection, source: str, day: str) -> int:
    """Count one request against a source's budget for ``day``; return the day's count."""
    with conn:
        conn.execute(
            "INSERT INTO collect_budget(source, day, requests) VALUES (?, ?, 1)"
            " ON CONFLICT(source, day) DO UPDATE SET requests = requests + 1",
            (source, day),
        )
        row = conn.execute(
            "SELECT requests FROM collect_budget WHERE source = ? AND day = ?", (source, day)
        ).fetchone()
    return int(row[0])


def requests_on(conn: sqlite3.Connection, source: str, day: str) -> int:
    row = conn.execute(
        "SELECT requests FROM collect_budget WHERE source = ? AND day = ?", (source, day)
    ).fetchone()
    return 0 if row is None else int(row[0])
