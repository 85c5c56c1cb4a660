"""Exactly once across crashes: the real ``tenderwatch watch`` command in a child process,
killed with SIGKILL between sending an alert and recording it, and between rounds, then
restarted; the loopback receivers count what arrived.

The kill comes from inside the receiver, after it has kept the message and before it
answers: the worst moment (delivered, never recorded). Such an alert is sent again on
restart with the same Message-ID / Idempotency-Key and ``X-Tenderwatch-Attempt`` > 1, so the
receiver can drop it; no alert is lost, and no alert is sent twice under two keys.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from watchkit import EXAMPLES, LEADS, NOT_A_LEAD, Hook, Mailbox

ATOM = "{http://www.w3.org/2005/Atom}"
CLI = "from tenderwatch.cli.main import main; main()"


class Watcher:
    """Starts ``tenderwatch watch`` as a child process; ``kill_at`` maps (channel, nth
    delivery) to a kill: the receiver kills the watch when that delivery arrives."""

    def __init__(self, config: Path) -> None:
        self.config = config
        self.proc: subprocess.Popen[bytes] | None = None
        self.kill_at: set[tuple[str, int]] = set()
        self.arrived: Counter[str] = Counter()
        self.kills: list[str] = []

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-c", CLI, "watch", "--config", str(self.config), *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        return self.proc

    def delivered(self, channel: str) -> None:
        self.arrived[channel] += 1
        if (channel, self.arrived[channel]) in self.kill_at and self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.kills.append(f"{channel} #{self.arrived[channel]} (between sending and recording)")

    def until_done(self, tries: int = 12) -> int:
        """Run ``--once`` until a round ends cleanly; return how many runs it took."""
        for run in range(1, tries + 1):
            proc = self.start("--once")
            out, _ = proc.communicate(timeout=240)
            if proc.returncode == 0:
                return run
            assert proc.returncode == -signal.SIGKILL, out.decode(errors="replace")
        pytest.fail("the watch never finished a clean round")


def _config(folder: Path, inbox: Path, smtp: Mailbox, hook: Hook, every_hours: float = 6) -> Path:
    path = folder / "watch.toml"
    path.write_text(
        f'db = "tw.db"\nevery_hours = {every_hours}\nworkbench_url = "http://127.0.0.1:8765"\n'
        f'[scan]\npaths = ["{inbox}"]\n[[search]]\nname = "all"\n'
        f'[[search]]\nname = "chips"\ncategory = "chip"\n'
        f'[alerts.email]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "none"\n'
        'from = "tenderwatch@example.org"\nto = ["desk@example.org"]\ntimeout = 5\n'
        f'[alerts.webhook]\nurl = "{hook.url}"\ntimeout = 5\n[alerts.feed]\npath = "leads.atom"\n',
        encoding="utf-8")
    return path


def _expected(db: Path) -> set[str]:
    """Every alert the store made (its outbox keys are KEY.channel)."""
    with sqlite3.connect(db) as conn:
        return {str(r[0]) for r in conn.execute("SELECT alert_key FROM search_matches WHERE baseline = 0")}


def _tally(name: str, keys: list[str], expected: set[str]) -> dict[str, Any]:
    stems = [k.rsplit(".", 1)[0] for k in keys]
    counts = Counter(stems)
    return {"channel": name, "delivered": len(keys), "distinct": len(counts),
            "lost": len(expected - set(counts)), "unknown": len(set(counts) - expected),
            "doubled": sum(n - 1 for n in counts.values())}


def _last_round(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM watch_rounds").fetchone()[0])


def _round_done(db: Path, after: int) -> bool:
    """A round after round ``after`` has ended."""
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT status FROM watch_rounds WHERE id > ? ORDER BY id DESC LIMIT 1", (after,)).fetchone()
    return row is not None and row[0] != "running"


def _feed_ids(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [str(e.findtext(f"{ATOM}id")).rsplit(":", 1)[1] for e in root.iter(f"{ATOM}entry")]


@pytest.mark.slow
def test_kill_9_between_sending_and_recording_and_between_rounds(tmp_path: Path, smtp: Mailbox, hook: Hook) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in [*LEADS[:4], NOT_A_LEAD]:
        shutil.copy(EXAMPLES / name, inbox / name)
    watcher = Watcher(_config(tmp_path, inbox, smtp, hook))
    smtp.on_message = lambda msg: watcher.delivered("email")
    hook.on_post = lambda item: watcher.delivered("webhook")
    # kill at the 1st and 3rd e-mail and the 2nd and 4th webhook POST (counting resends)
    watcher.kill_at = {("email", 1), ("email", 3), ("webhook", 2), ("webhook", 4)}
    runs = watcher.until_done()
    assert runs == len(watcher.kills) + 1 == 5

    # between rounds: the loop is killed while it waits; new notices arrive; a restart sends only those
    for name in LEADS[4:]:
        shutil.copy(EXAMPLES / name, inbox / name)
    before = dict(watcher.arrived)
    db = tmp_path / "tw.db"
    last = _last_round(db)
    proc = watcher.start()  # loop mode, every 6 hours: the first round runs, then it waits
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not _round_done(db, last):
        time.sleep(0.2)
    assert proc.poll() is None, "the loop ended on its own"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    watcher.kills.append("between rounds (waiting)")
    assert watcher.arrived["email"] > before["email"], "the notices added later were alerted"
    assert watcher.until_done() == 1

    expected = _expected(db)
    with sqlite3.connect(db) as conn:
        per_search = dict(conn.execute("SELECT s.name, COUNT(*) FROM search_matches m JOIN saved_searches s"
                                       " ON s.id = m.search_id WHERE m.baseline = 0 GROUP BY s.name").fetchall())
    assert per_search["all"] == len(LEADS) and per_search["chips"] > 0
    email = _tally("email", [i.strip("<>").split("@")[0] for i in smtp.ids()], expected)
    webhook = _tally("webhook", hook.ids(), expected)
    feed = _tally("feed", _feed_ids(tmp_path / "leads.atom"), expected)
    print(f"\nexactly once: {len(watcher.kills)} kills ({'; '.join(watcher.kills)}), {len(expected)} alerts")
    for row in (email, webhook, feed):
        print(f"  {row}")
    for row in (email, webhook, feed):
        assert row["lost"] == 0 and row["unknown"] == 0, row
    assert feed["doubled"] == 0
    # a delivery made twice is a resend after a kill at that very delivery, under the same key
    assert email["doubled"] == 2 and webhook["doubled"] == 2
    # each resend carries the key of a delivery made before it
    for name, deliveries in (("email", [(i.strip("<>").split("@")[0], int(m["X-Tenderwatch-Attempt"]))
                                        for i, m in zip(smtp.ids(), smtp.messages, strict=True)]),
                             ("webhook", [(r["headers"]["idempotency-key"], int(r["body"]["attempt"]))
                                          for r in hook.received if r["body"].get("event") == "tenderwatch.lead"])):
        seen: set[str] = set()
        resends = 0
        for key, attempt in deliveries:
            if key in seen:
                assert attempt > 1, (name, key)
                resends += 1
            seen.add(key)
        assert resends == 2, name


@pytest.mark.slow
def test_kill_9_at_any_moment_loses_nothing(tmp_path: Path, smtp: Mailbox, hook: Hook) -> None:
    """Kills at seeded random moments (start-up, scan, matching, sending, recording): whatever
    phase each lands in, nothing is lost, and each doubled delivery is a resend of one alert,
    at most one per kill."""
    import random

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in [*LEADS, NOT_A_LEAD]:
        shutil.copy(EXAMPLES / name, inbox / name)
    watcher = Watcher(_config(tmp_path, inbox, smtp, hook))
    rng = random.Random(8)
    kills = 0
    for _ in range(6):
        proc = watcher.start("--once")
        try:
            proc.communicate(timeout=rng.uniform(1.0, 6.0))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate(timeout=30)
            kills += 1
        else:
            break  # the round finished before its kill
    watcher.until_done()
    expected = _expected(tmp_path / "tw.db")
    email = _tally("email", [i.strip("<>").split("@")[0] for i in smtp.ids()], expected)
    webhook = _tally("webhook", hook.ids(), expected)
    feed = _tally("feed", _feed_ids(tmp_path / "leads.atom"), expected)
    print(f"\nrandom kills: {kills} kills, {len(expected)} alerts; {email}; {webhook}; {feed}")
    for row in (email, webhook, feed):
        assert row["lost"] == 0 and row["unknown"] == 0, row
    assert feed["doubled"] == 0 and email["doubled"] + webhook["doubled"] <= kills
