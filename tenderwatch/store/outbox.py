"""The alert outbox, each channel's health and the watch's rounds.

An outbox row is written with its match (``searches.record_matches``) and moves from
``pending`` to ``sent`` (or ``cancelled`` when its search is removed, or ``rejected`` when the
receiver refused the alert itself: kept with the refusal, not retried until asked). Before each send
the row's ``attempts`` is raised and committed, after it the row is marked sent and
committed: a crash between the two leaves the row pending with attempts > 0, and it is
sent again with the same key (the receiver can tell the resend by its Message-ID or
Idempotency-Key). A channel's failure is kept on the channel's row and shown by the
workbench; its pending alerts wait for the next round. A channel taken out of the watch's
config keeps its pending alerts (nothing is lost; they go if it is put back): the workbench
shows them as held, not waiting, judged by the channels of the latest round that delivered.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from tenderwatch.store.db import Store, now_iso
from tenderwatch.store.searches import write_transaction

MAX_ERROR = 1000


@dataclass(slots=True)
class OutboxItem:
    id: int
    key: str  # the Message-ID / Idempotency-Key of this (alert, channel)
    alert_key: str
    channel: str
    attempts: int  # sends begun before this one (> 0: it may have arrived already)
    alert: dict[str, Any]


def pending(store: Store, channel: str, limit: int = 1000) -> list[OutboxItem]:
    """Unsent alerts of ``channel``: fewest attempts first, so one alert that keeps failing
    does not hold back the others, then in the order they were made."""
    rows = store.conn.execute(
        "SELECT o.id, o.key, o.alert_key, o.channel, o.attempts, m.alert_json FROM alert_outbox o"
        " JOIN search_matches m ON m.alert_key = o.alert_key"
        " WHERE o.channel = ? AND o.status = 'pending' ORDER BY o.attempts, o.id LIMIT ?", (channel, limit))
    return [OutboxItem(int(r[0]), r[1], r[2], r[3], int(r[4]), json.loads(r[5])) for r in rows]


def pending_count(store: Store, channel: str) -> int:
    row = store.conn.execute(
        "SELECT COUNT(*) FROM alert_outbox WHERE channel = ? AND status = 'pending'", (channel,)).fetchone()
    return int(row[0])


def mark_attempt(store: Store, item: OutboxItem) -> None:
    """Count a send as begun (committed before the send)."""
    with store.conn:
        store.conn.execute("UPDATE alert_outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ?",
                           (now_iso(), item.id))


def mark_sent(store: Store, ids: list[int]) -> None:
    with store.conn:
        store.conn.executemany(
            "UPDATE alert_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ? AND status = 'pending'",
            [(now_iso(), i) for i in ids])


def mark_error(store: Store, ids: list[int], error: str) -> None:
    with store.conn:
        store.conn.executemany("UPDATE alert_outbox SET last_error = ? WHERE id = ?",
                               [(error[:MAX_ERROR], i) for i in ids])


def mark_rejected(store: Store, item_id: int, error: str) -> None:
    """The receiver refused this alert as such: set it aside (not retried every round)."""
    with store.conn:
        store.conn.execute(
            "UPDATE alert_outbox SET status = 'rejected', last_error = ? WHERE id = ? AND status = 'pending'",
            (error[:MAX_ERROR], item_id))


def retry_rejected(store: Store, channel: str | None = None) -> int:
    """Put the rejected alerts (of one channel, or all) back in the queue; how many."""
    with store.conn:
        cur = store.conn.execute(
            "UPDATE alert_outbox SET status = 'pending' WHERE status = 'rejected'"
            + (" AND channel = ?" if channel else ""), (channel,) if channel else ())
    return int(cur.rowcount)


def record_channel(store: Store, channel: str, target: str, error: str | None) -> None:
    """The outcome of a channel's last use: ``error`` None for success."""
    stamp = now_iso()
    with write_transaction(store.conn):
        store.conn.execute("INSERT OR IGNORE INTO watch_channels(channel) VALUES (?)", (channel,))
        if error is None:
            store.conn.execute(
                "UPDATE watch_channels SET target = ?, last_ok_at = ?, failing_since = NULL WHERE channel = ?",
                (target, stamp, channel))
        else:
            store.conn.execute(
                "UPDATE watch_channels SET target = ?, last_error_at = ?, last_error = ?,"
                " failing_since = COALESCE(failing_since, ?) WHERE channel = ?",
                (target, stamp, error[:MAX_ERROR], stamp, channel))


def held_channels(store: Store, configured: Collection[str]) -> dict[str, int]:
    """Pending alerts of channels that are not in ``configured`` (taken out of the config), by channel."""
    return {
        str(channel): int(n) for channel, n in store.conn.execute(
            "SELECT channel, COUNT(*) FROM alert_outbox WHERE status = 'pending' GROUP BY channel ORDER BY channel")
        if str(channel) not in configured
    }


def _last_delivery(store: Store) -> tuple[int, set[str]] | None:
    """The latest round that reached delivery (ok or partial), with the channels it had configured."""
    row = store.conn.execute(
        "SELECT id, summary_json FROM watch_rounds WHERE status IN ('ok', 'partial') AND summary_json IS NOT NULL"
        " ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    try:
        channels = json.loads(row[1]).get("channels") or []
        return int(row[0]), {str(c["channel"]) for c in channels if not c.get("held")}
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def channel_status(store: Store) -> list[dict[str, Any]]:
    """Each channel: target, last success, last failure (and since when it fails), alerts waiting;
    ``configured`` False (with ``held_since_round``) for a channel the latest delivering round did
    not have: its pending alerts are held, not waiting; ``rejected`` alerts the receiver refused as
    such, with the latest refusal (``rejection``)."""
    rejected = {
        str(r[0]): (int(r[1]), r[2]) for r in store.conn.execute(
            "SELECT channel, COUNT(*), (SELECT last_error FROM alert_outbox i WHERE i.channel = o.channel"
            " AND i.status = 'rejected' ORDER BY i.last_attempt_at DESC, i.id DESC LIMIT 1)"
            " FROM alert_outbox o WHERE status = 'rejected' GROUP BY channel")
    }
    counts = {
        str(r[0]): (int(r[1]), int(r[2])) for r in store.conn.execute(
            "SELECT channel, COUNT(*), SUM(attempts > 0) FROM alert_outbox WHERE status = 'pending' GROUP BY channel")
    }
    last = _last_delivery(store)
    out = []
    for row in store.conn.execute("SELECT * FROM watch_channels ORDER BY channel"):
        item = dict(row)
        item["pending"], item["retrying"] = counts.pop(item["channel"], (0, 0))
        item["failing"] = item["failing_since"] is not None
        out.append(item)
    for channel, (waiting, retrying) in sorted(counts.items()):
        out.append({"channel": channel, "target": None, "last_ok_at": None, "last_error_at": None,
                    "last_error": None, "failing_since": None, "failing": False,
                    "pending": waiting, "retrying": retrying})
    for item in out:
        item["rejected"], item["rejection"] = rejected.get(item["channel"], (0, None))
        item["configured"] = last is None or item["channel"] in last[1]
        item["held_since_round"] = None if item["configured"] or last is None else last[0]
    return out


def delivery_counts(store: Store) -> dict[str, dict[str, int]]:
    """Outbox rows by channel and status."""
    out: dict[str, dict[str, int]] = {}
    for channel, status, n in store.conn.execute(
            "SELECT channel, status, COUNT(*) FROM alert_outbox GROUP BY channel, status"):
        out.setdefault(str(channel), {})[str(status)] = int(n)
    return out


def search_counts(store: Store) -> dict[int, dict[str, int]]:
    """Per search id: leads alerted (new matches) and the baseline it started from."""
    out: dict[int, dict[str, int]] = {}
    for search_id, baseline, n in store.conn.execute(
            "SELECT search_id, baseline, COUNT(*) FROM search_matches GROUP BY search_id, baseline"):
        out.setdefault(int(search_id), {"alerted": 0, "baseline": 0})["baseline" if baseline else "alerted"] = int(n)
    return out


def recent_alerts(store: Store, search_name: str | None = None, limit: int = 200,
                  include_keys: set[str] | None = None) -> list[dict[str, Any]]:
    """The newest alerts (of one search, or of all), newest first; ``include_keys`` are
    added however old they are (a feed file must carry every alert it has not carried yet)."""
    sql = ("SELECT m.alert_key, m.alert_json FROM search_matches m JOIN saved_searches s ON s.id = m.search_id"
           " WHERE m.baseline = 0" + (" AND s.name = ?" if search_name else "")
           + " ORDER BY m.matched_at DESC, m.rowid DESC LIMIT ?")
    params: list[Any] = [search_name] if search_name else []
    rows = {str(r[0]): str(r[1]) for r in store.conn.execute(sql, [*params, max(1, limit)])}
    missing = sorted((include_keys or set()) - set(rows))
    for start in range(0, len(missing), 500):
        chunk = missing[start:start + 500]
        rows.update({str(r[0]): str(r[1]) for r in store.conn.execute(
            f"SELECT alert_key, alert_json FROM search_matches WHERE alert_key IN ({','.join('?' * len(chunk))})",
            chunk)})
    alerts = [json.loads(text) for text in rows.values()]
    alerts.sort(key=lambda a: (str(a.get("matched_at") or ""), str(a.get("id"))), reverse=True)
    return alerts


def start_round(store: Store) -> int:
    """A new round; a round still 'running' was cut short (only one watch runs per store)."""
    with store.conn:
        store.conn.execute("UPDATE watch_rounds SET status = 'interrupted' WHERE status = 'running'")
        cur = store.conn.execute("INSERT INTO watch_rounds(started_at, status) VALUES (?, 'running')", (now_iso(),))
    return int(cur.lastrowid or 0)


def finish_round(store: Store, round_id: int, status: str, summary: dict[str, Any]) -> None:
    with store.conn:
        store.conn.execute("UPDATE watch_rounds SET finished_at = ?, status = ?, summary_json = ? WHERE id = ?",
                           (now_iso(), status, json.dumps(summary, ensure_ascii=False), round_id))


def recent_rounds(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    rows = []
    for row in store.conn.execute("SELECT * FROM watch_rounds ORDER BY id DESC LIMIT ?", (limit,)):
        item = dict(row)
        item["summary"] = json.loads(item.pop("summary_json") or "{}")
        rows.append(item)
    return rows
