"""``watch --check``: the config is valid (checked when loaded), the store and folders are
usable, the sources exist, and each channel works (tried once, no alert sent). A looping
watch tries its channels the same way when it starts (:func:`startup_check`)."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tenderwatch.store.db import Store
from tenderwatch.store.outbox import record_channel
from tenderwatch.watch.channels import ChannelError, build_channels
from tenderwatch.watch.collecting import known_sources
from tenderwatch.watch.config import WatchConfig

log = logging.getLogger(__name__)


@dataclass(slots=True)
class CheckLine:
    name: str
    ok: bool
    detail: str

    def __str__(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name}: {self.detail}"


def _writable_folder(path: Path) -> bool:
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def check(cfg: WatchConfig, env: Mapping[str, str] | None = None) -> list[CheckLine]:
    env = os.environ if env is None else env
    lines = []
    if cfg.db.exists():
        lines.append(CheckLine("store", os.access(cfg.db, os.W_OK), f"{cfg.db} exists"
                               + ("" if os.access(cfg.db, os.W_OK) else " but is not writable")))
    else:
        ok = _writable_folder(cfg.db)
        lines.append(CheckLine("store", ok, f"{cfg.db} will be created" if ok else f"cannot create {cfg.db}"))
    if cfg.collect is not None and cfg.collect.sources:
        known = known_sources()
        if known is None:
            lines.append(CheckLine("collect", False, "the collect stage is not installed in this version"))
        else:
            unknown = sorted(set(cfg.collect.sources) - set(known))
            lines.append(CheckLine("collect", not unknown, f"unknown source(s) {', '.join(unknown)}; known: "
                                   f"{', '.join(known)}" if unknown else f"sources {', '.join(cfg.collect.sources)}"))
        if cfg.archive is not None:
            ok = _writable_folder(cfg.archive)
            lines.append(CheckLine("archive", ok, f"{cfg.archive}" + ("" if ok else " is not writable")))
    if cfg.scan is not None:
        missing = [str(p) for p in cfg.scan.paths if not p.exists()]
        lines.append(CheckLine("scan", not missing, f"not found: {', '.join(missing)}" if missing
                               else f"{len(cfg.scan.paths)} path(s)"))
    lines.append(CheckLine("searches", True, f"{len(cfg.search)} in the config"
                           + "".join(f"; {s.name!r}" for s in cfg.search)))
    if not cfg.alerts.email and not cfg.alerts.webhook and not cfg.alerts.feed:
        lines.append(CheckLine("alerts", True, "no channel configured: alerts are kept in the store and "
                               "published by `serve` at /feed.atom"))
    return lines + check_channels(cfg, env)


def check_channels(cfg: WatchConfig, env: Mapping[str, str]) -> list[CheckLine]:
    """Try each configured channel once (no alert is sent)."""
    lines = []
    for channel in build_channels(cfg, env):
        try:
            lines.append(CheckLine(channel.name, True, channel.check()))
        except ChannelError as exc:
            lines.append(CheckLine(channel.name, False, str(exc)))
    return lines


def startup_check(cfg: WatchConfig, env: Mapping[str, str] | None = None) -> list[CheckLine]:
    """At the start of a looping watch: try each channel, log and record (for the workbench)
    the ones that fail; the watch starts anyway and retries them every round."""
    env = os.environ if env is None else env
    lines = check_channels(cfg, env)
    targets = {c.name: c.target for c in build_channels(cfg, env)}
    with Store(cfg.db) as store:
        for line in lines:
            if line.ok:
                log.info("channel %s", line.detail)
            else:
                log.warning("channel %s fails at start-up: %s (alerts wait for it)", line.name, line.detail)
            record_channel(store, line.name, targets[line.name], None if line.ok else line.detail)
    return lines
