"""Alerts as an Atom feed file, rewritten whole and atomically after each round with alerts.

The file carries the newest ``max_entries`` alerts and every alert not yet published,
however many; entry ids are stable, so rewriting it after a crash publishes nothing twice.
``serve`` publishes the same feed from the store at ``/feed.atom``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tenderwatch.report.alerts import atom_feed
from tenderwatch.store.db import Store
from tenderwatch.store.outbox import OutboxItem, recent_alerts
from tenderwatch.watch.channels.base import ChannelError
from tenderwatch.watch.config import FeedConfig


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (temporary file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class FeedChannel:
    name = "feed"

    def __init__(self, cfg: FeedConfig, base_url: str) -> None:
        self.cfg = cfg
        self.base_url = base_url
        self.target = f"file {cfg.path}"

    def render(self, store: Store, items: list[OutboxItem]) -> bytes:
        alerts = recent_alerts(store, limit=self.cfg.max_entries, include_keys={i.alert_key for i in items})
        return atom_feed(alerts, self.base_url, self.cfg.url or self.cfg.path.resolve().as_uri(), title=self.cfg.title)

    def publish(self, store: Store, items: list[OutboxItem]) -> None:
        data = self.render(store, items)
        try:
            write_atomic(self.cfg.path, data)
        except OSError as exc:
            raise ChannelError(f"feed {self.cfg.path}: {type(exc).__name__}: {exc}") from exc

    def check(self) -> str:
        folder = self.cfg.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".tw-check-"):
                pass
        except OSError as exc:
            raise ChannelError(f"feed {self.cfg.path}: cannot write in {folder}: {exc}") from exc
        if self.cfg.path.exists() and not os.access(self.cfg.path, os.W_OK):
            raise ChannelError(f"feed {self.cfg.path}: the file is not writable")
        return f"{self.target}: writable"
