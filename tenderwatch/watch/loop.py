"""Rounds until stopped: SIGTERM or SIGINT ends the watch between steps.

The first signal asks the current round to stop after its current step (a send, a
source) and ends the wait between rounds at once; a second signal stops at once
(KeyboardInterrupt), which the outbox survives like any crash.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from types import FrameType

from tenderwatch.watch.check import startup_check
from tenderwatch.watch.collecting import CollectFn, collect_source
from tenderwatch.watch.config import WatchConfig
from tenderwatch.watch.round import run_round

log = logging.getLogger(__name__)


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Set ``stop`` on the first SIGTERM/SIGINT; raise KeyboardInterrupt on the second."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        log.warning("%s: stopping after the current step (send it again to stop now)", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run_watch(cfg: WatchConfig, stop: threading.Event, *, once: bool = False,
              collect: CollectFn = collect_source) -> int:
    """Run one round (``once``) or rounds every ``cfg.every_hours`` until ``stop`` is set.
    Returns the exit code: the last round's with ``once``, else 0. A looping watch first
    tries each channel and reports the failing ones by name (it starts anyway)."""
    interval = cfg.every_hours * 3600
    if not once:
        startup_check(cfg)
    while True:
        started = time.monotonic()
        if once:
            return run_round(cfg, stop, collect).exit_code
        try:
            run_round(cfg, stop, collect)
        except Exception:  # e.g. the disk is full: the next round tries again
            log.exception("the round failed; the next round tries again")
        if stop.is_set():
            return 0
        wait = max(0.0, interval - (time.monotonic() - started))
        at = datetime.now(UTC) + timedelta(seconds=wait)
        log.info("next round at %s", at.strftime("%Y-%m-%d %H:%M:%S UTC"))
        if stop.wait(wait):
            return 0
