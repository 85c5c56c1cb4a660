"""Saved searches: the Leads page's filters under a name, and the new leads each one matches.

A search is stored as the Leads page's query string; the caller parses it into a
:class:`LeadFilter` (``web/forms.py``) and this module filters with the same SQL
condition as the Leads page (:func:`lead_where`). When a search is saved or its filter
changes, every lead it already matches is recorded as *baseline*: the watch alerts only
on leads that match later. :func:`record_matches` writes a round's new matches, their
alerts and one outbox row per channel in one transaction, so a crash leaves either all
of them or none (then the next round finds the same matches again).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from tenderwatch.store.db import Store, now_iso
from tenderwatch.store.leads import LeadFilter, lead_where

ORIGINS = ("workbench", "config")
MAX_NAME = 100


class SearchError(ValueError):
    """A saved search that cannot be stored (empty or over-long name, unknown origin)."""


@dataclass(slots=True)
class SavedSearch:
    id: int
    uid: str
    name: str
    query: str
    origin: str
    active: bool
    created_at: str
    updated_at: str


@dataclass(slots=True)
class NewMatch:
    """A lead a search matches for the first time, with the alert made for it."""

    search: SavedSearch
    doc_id: int
    doc_path: str
    alert: dict[str, Any]

    @property
    def key(self) -> str:
        return alert_key(self.search.uid, self.doc_path)


def alert_key(search_uid: str, doc_path: str) -> str:
    """A stable key per (search, lead): the Atom entry id and the stem of every message id."""
    return hashlib.sha1(f"{search_uid}\x00{doc_path}".encode()).hexdigest()[:24]


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction that takes the write lock first (reads inside it see what it writes on)."""
    with conn:
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
        yield


def _search(row: Any) -> SavedSearch:
    return SavedSearch(int(row["id"]), row["uid"], row["name"], row["query"], row["origin"],
                       bool(row["active"]), row["created_at"], row["updated_at"])


def list_searches(store: Store, *, active_only: bool = True) -> list[SavedSearch]:
    sql = "SELECT * FROM saved_searches" + (" WHERE active = 1" if active_only else "") + " ORDER BY name"
    return [_search(r) for r in store.conn.execute(sql)]


def get_search(store: Store, name: str) -> SavedSearch | None:
    row = store.conn.execute("SELECT * FROM saved_searches WHERE name = ?", (name,)).fetchone()
    return None if row is None else _search(row)


def clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise SearchError("a saved search needs a name")
    if len(name) > MAX_NAME:
        raise SearchError(f"a search name has at most {MAX_NAME} characters")
    return name


def save_search(store: Store, name: str, query: str, lead_filter: LeadFilter, origin: str) -> tuple[SavedSearch, bool]:
    """Save (or change, or re-activate) the search ``name``; return it and whether it changed.

    ``query`` is the canonical query string of ``lead_filter``. Leads the filter matches now
    are recorded as baseline in the same transaction: they were there before the search."""
    name = clean_name(name)
    if origin not in ORIGINS:
        raise SearchError(f"unknown origin {origin!r}")
    conn = store.conn
    stamp = now_iso()
    with write_transaction(conn):
        old = conn.execute("SELECT * FROM saved_searches WHERE name = ?", (name,)).fetchone()
        if old is not None and old["query"] == query and old["active"] and old["origin"] == origin:
            return _search(old), False
        if old is None:
            conn.execute(
                "INSERT INTO saved_searches(uid, name, query, origin, active, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 1, ?, ?)", (uuid.uuid4().hex, name, query, origin, stamp, stamp))
        else:
            conn.execute("UPDATE saved_searches SET query = ?, origin = ?, active = 1, updated_at = ? WHERE id = ?",
                         (query, origin, stamp, old["id"]))
        saved = _search(conn.execute("SELECT * FROM saved_searches WHERE name = ?", (name,)).fetchone())
        where, params, _ = lead_where(lead_filter)
        conn.execute(
            "INSERT OR IGNORE INTO search_matches(search_id, doc_path, doc_id, matched_at, baseline)"
            f" SELECT ?, d.path, d.id, ?, 1 FROM documents d WHERE {where}", [saved.id, stamp, *params])
    return saved, True


def remove_search(store: Store, search_id: int) -> SavedSearch | None:
    """Stop a search (kept, inactive, with its history); its unsent alerts are cancelled."""
    conn = store.conn
    with write_transaction(conn):
        row = conn.execute("SELECT * FROM saved_searches WHERE id = ?", (search_id,)).fetchone()
        if row is None:
            return None
        conn.execute("UPDATE saved_searches SET active = 0, updated_at = ? WHERE id = ?", (now_iso(), search_id))
        conn.execute(
            "UPDATE alert_outbox SET status = 'cancelled' WHERE status = 'pending' AND alert_key IN"
            " (SELECT alert_key FROM search_matches WHERE search_id = ?)", (search_id,))
    return _search(row)


def new_matches(store: Store, search: SavedSearch, lead_filter: LeadFilter) -> list[tuple[int, str]]:
    """(doc id, path) of the leads ``search`` matches and has never matched before, oldest first."""
    where, params, _ = lead_where(lead_filter)
    rows = store.conn.execute(
        f"SELECT d.id, d.path FROM documents d WHERE {where} AND NOT EXISTS (SELECT 1 FROM search_matches m"
        " WHERE m.search_id = ? AND m.doc_path = d.path) ORDER BY d.id", [*params, search.id])
    return [(int(r[0]), str(r[1])) for r in rows]


def record_matches(store: Store, matches: Iterable[NewMatch], channels: Iterable[str]) -> int:
    """Write new matches with their alerts and an outbox row per channel, all in one transaction.

    A match already recorded (another watch process got there first) is left as it is."""
    conn = store.conn
    stamp = now_iso()
    names = list(channels)
    count = 0
    with write_transaction(conn):
        for match in matches:
            key = match.key
            cur = conn.execute(
                "INSERT OR IGNORE INTO search_matches(search_id, doc_path, doc_id, matched_at, baseline,"
                " alert_key, alert_json) VALUES (?, ?, ?, ?, 0, ?, ?)",
                (match.search.id, match.doc_path, match.doc_id, stamp, key,
                 json.dumps(match.alert, ensure_ascii=False)))
            if cur.rowcount != 1:
                continue
            count += 1
            conn.executemany(
                "INSERT INTO alert_outbox(key, alert_key, channel, status, created_at) VALUES (?, ?, ?, 'pending', ?)",
                [(f"{key}.{channel}", key, channel, stamp) for channel in names])
    return count
