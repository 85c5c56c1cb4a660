"""Send the outbox: each channel on its own, a failing one never holding back the others.

For a message channel each alert is counted as begun (committed), sent, then marked sent
(committed). The first failure stops that channel for this round (its alerts wait for the
next round, fewest attempts first); the failure is logged and kept for the workbench. An alert
the receiver refuses as such (``AlertRejected``) is set aside as rejected, with the refusal, and
the channel goes on: it is not retried every round (``watch --retry-rejected`` queues it again).
A file channel publishes all its pending alerts at once, then marks them sent.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from tenderwatch.store.db import Store
from tenderwatch.store.outbox import (
    held_channels,
    mark_attempt,
    mark_error,
    mark_rejected,
    mark_sent,
    pending,
    pending_count,
    record_channel,
)
from tenderwatch.watch.channels import AlertRejected, Channel, ChannelError, FileChannel, MessageChannel

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ChannelReport:
    channel: str
    target: str
    sent: int = 0
    waiting: int = 0  # still pending after this round
    error: str | None = None
    held: bool = False  # not in the config any more: its pending alerts are kept, not sent
    rejected: int = 0  # alerts the receiver refused as such this round (set aside, not retried)
    rejection: str | None = None  # the last refusal


def _send_messages(store: Store, channel: MessageChannel, report: ChannelReport, stop: threading.Event) -> None:
    items = pending(store, channel.name)
    if not items:
        return
    with channel.session() as send:
        for item in items:
            if stop.is_set():
                break
            mark_attempt(store, item)
            try:
                send(item)
            except AlertRejected as exc:
                mark_rejected(store, item.id, str(exc))
                report.rejected += 1
                report.rejection = str(exc)
                continue
            except ChannelError as exc:
                mark_error(store, [item.id], str(exc))
                raise
            mark_sent(store, [item.id])
            report.sent += 1


def _publish(store: Store, channel: FileChannel, report: ChannelReport) -> None:
    items = pending(store, channel.name, limit=1_000_000)
    if not items:
        return
    for item in items:
        mark_attempt(store, item)
    channel.publish(store, items)
    mark_sent(store, [item.id for item in items])
    report.sent += len(items)


def deliver(store: Store, channels: list[Channel], stop: threading.Event) -> list[ChannelReport]:
    """Send what each channel has pending; return what happened per channel."""
    reports = []
    for channel in channels:
        report = ChannelReport(channel.name, channel.target)
        tried = pending_count(store, channel.name) > 0
        try:
            if isinstance(channel, FileChannel):
                _publish(store, channel, report)
            else:
                _send_messages(store, channel, report, stop)
        except ChannelError as exc:
            report.error = str(exc)
        except Exception as exc:  # a bug in one channel must not stop the others
            log.exception("channel %s failed unexpectedly", channel.name)
            report.error = f"{type(exc).__name__}: {exc}"
        report.waiting = pending_count(store, channel.name)
        if report.error:
            log.warning("alerts: %s failed (%s); %d alert(s) wait for the next round",
                        channel.name, report.error, report.waiting)
        elif report.sent:
            log.info("alerts: %s sent %d (%s)", channel.name, report.sent, channel.target)
        if report.rejected:
            log.warning("alerts: %s refused %d alert(s) as such (last: %s); they are set aside as rejected,"
                        " not retried (watch --retry-rejected queues them again)",
                        channel.name, report.rejected, report.rejection)
        if tried or report.error:
            record_channel(store, channel.name, channel.target, report.error)
        reports.append(report)
    for name, count in held_channels(store, {c.name for c in channels}).items():
        log.warning("alerts: channel %s is no longer in the watch config; %d alert(s) held, not sent"
                    " (put the channel back to send them)", name, count)
        reports.append(ChannelReport(name, "", waiting=count, held=True))
    return reports
