"""One watch round: collect -> scan -> match -> alert, each step on its own.

A source that fails or is blocked, or a channel that fails, is reported and the round
goes on; what did not happen is retried by the next round (collect resumes its windows,
alerts stay in the outbox). A stop request (SIGTERM/SIGINT) ends the round between steps.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tenderwatch.scan import scan
from tenderwatch.store.db import Store
from tenderwatch.store.outbox import finish_round, retry_rejected, start_round
from tenderwatch.watch.channels import build_channels
from tenderwatch.watch.collecting import CollectFn, SourceOutcome, collect_source, window
from tenderwatch.watch.config import WatchConfig
from tenderwatch.watch.deliver import ChannelReport, deliver
from tenderwatch.watch.match import queue_new_matches, sync_config_searches

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RoundReport:
    round_id: int = 0
    sources: list[SourceOutcome] = field(default_factory=list)
    scanned: dict[str, int] = field(default_factory=dict)
    search_notes: list[str] = field(default_factory=list)
    queued: int = 0
    channels: list[ChannelReport] = field(default_factory=list)
    stopped: bool = False

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sources) and not any(c.error or c.rejected for c in self.channels)

    @property
    def exit_code(self) -> int:
        """0: all went well; 1: a source or a channel failed (kept for the next round), or a receiver
        refused an alert (set aside as rejected)."""
        return 0 if self.ok else 1

    def summary(self) -> dict[str, Any]:
        return {
            "sources": [asdict(s) for s in self.sources], "scanned": self.scanned, "queued": self.queued,
            "channels": [asdict(c) for c in self.channels], "stopped": self.stopped, "searches": self.search_notes,
        }

    def lines(self) -> list[str]:
        out = [s.line() for s in self.sources]
        if self.scanned:
            out.append("scan: " + ", ".join(f"{k} {v}" for k, v in self.scanned.items()))
        out.append(f"{self.queued} new lead match(es) queued")
        for c in self.channels:
            if c.held:
                out.append(f"{c.channel}: not in the config, {c.waiting} held (put it back to send them)")
                continue
            state = f"FAILED ({c.error})" if c.error else "ok"
            refused = f", {c.rejected} rejected by the receiver ({c.rejection})" if c.rejected else ""
            out.append(f"{c.channel}: {c.sent} sent, {c.waiting} waiting{refused}, {state}")
        if self.stopped:
            out.append("stopped before the round ended")
        return out


def _collect(cfg: WatchConfig, collect: CollectFn, stop: threading.Event) -> list[SourceOutcome]:
    if cfg.collect is None:
        return []
    date_from, date_until = window(cfg)
    outcomes = []
    for source in cfg.collect.sources:
        if stop.is_set():
            break
        log.info("collect %s %s", source, f"{date_from}..{date_until}" if date_from else "from where it stopped")
        outcome = collect(cfg, source, date_from, date_until)
        (log.info if outcome.ok else log.warning)("collect %s", outcome.line())
        outcomes.append(outcome)
    return outcomes


def _scan(cfg: WatchConfig, store: Store) -> dict[str, int]:
    if cfg.scan is None:
        return {}
    roots = [Path(p) for p in cfg.scan.paths if Path(p).exists()]
    missing = [str(p) for p in cfg.scan.paths if not Path(p).exists()]
    if missing:
        log.warning("scan: not found: %s", ", ".join(missing))
    if not roots:
        return {"files": 0}
    counts = scan(roots, store, timeout=cfg.scan.timeout)
    return {"files": counts.files, "skipped": counts.skipped, "documents": counts.documents,
            "failed": counts.failed, "relevant": counts.relevant}


def requeue_rejected(cfg: WatchConfig) -> int:
    """Put the alerts receivers refused back in the queue (e.g. after the receiver was fixed);
    the next round sends them again with the same key. Returns how many."""
    with Store(cfg.db) as store:
        return retry_rejected(store)


def run_round(cfg: WatchConfig, stop: threading.Event, collect: CollectFn = collect_source,
              env: Mapping[str, str] | None = None) -> RoundReport:
    """One round over the store ``cfg.db``; never raises for a source's or a channel's failure.
    ``env``: where the channels' credentials are read (default: the process environment)."""
    channels = build_channels(cfg, os.environ if env is None else env)
    report = RoundReport()
    with Store(cfg.db, bulk=True) as store:
        report.round_id = start_round(store)
        status = "failed"
        try:
            report.search_notes = sync_config_searches(store, cfg.search)
            report.sources = _collect(cfg, collect, stop)
            if not stop.is_set():
                report.scanned = _scan(cfg, store)
            if not stop.is_set():
                report.queued = queue_new_matches(store, [c.name for c in channels])
            if not stop.is_set():
                report.channels = deliver(store, channels, stop)
            report.stopped = stop.is_set()
            status = "stopped" if report.stopped else ("ok" if report.ok else "partial")
        finally:
            finish_round(store, report.round_id, status, report.summary())
    for line in report.lines():
        log.info("round %d: %s", report.round_id, line)
    return report
