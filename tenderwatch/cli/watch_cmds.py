"""``watch``: collect on a schedule and alert on new leads that match saved searches."""

from __future__ import annotations

import logging
import sys
import threading

import click

from tenderwatch.watch.check import check
from tenderwatch.watch.config import ConfigError, load_config
from tenderwatch.watch.lock import LockHeld, WatchLock
from tenderwatch.watch.loop import run_watch, stop_on_signals
from tenderwatch.watch.round import requeue_rejected


@click.command("watch")
@click.option("--config", "config_path", required=True, type=click.Path(dir_okay=False),
              help="The watch.toml file (see README).")
@click.option("--once", is_flag=True, help="One round, then exit (for cron or a systemd timer).")
@click.option("--check", "check_only", is_flag=True,
              help="Validate the config and try each channel once; send no alert.")
@click.option("--retry-rejected", is_flag=True,
              help="Queue again the alerts a receiver refused as such (e.g. a webhook's 422), then run.")
def watch_cmd(config_path: str, once: bool, check_only: bool, retry_rejected: bool) -> None:
    """Collect, scan and alert on new leads matching saved searches, every N hours until stopped.

    Exit codes: 0 done; 1 a source or channel failed (retried next round) or a receiver refused an
    alert (set aside as rejected; --retry-rejected sends it again); 2 bad config;
    3 another watch is running on this store."""
    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        click.echo(f"{exc.path}: the config has {len(exc.problems)} problem(s):", err=True)
        for problem in exc.problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(2)
    if check_only:
        lines = check(cfg)
        for line in lines:
            click.echo(str(line))
        sys.exit(0 if all(line.ok for line in lines) else 1)
    watch_log = logging.getLogger("tenderwatch.watch")
    if watch_log.getEffectiveLevel() > logging.INFO:  # the watch log is the point of a daemon
        watch_log.setLevel(logging.INFO)
    stop = threading.Event()
    try:
        with WatchLock(cfg.db), stop_on_signals(stop):
            if retry_rejected:
                click.echo(f"{requeue_rejected(cfg)} rejected alert(s) queued again", err=True)
            code = run_watch(cfg, stop, once=once)
    except LockHeld as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(3)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
        sys.exit(130)
    sys.exit(code)


def register(group: click.Group) -> None:
    group.add_command(watch_cmd)
