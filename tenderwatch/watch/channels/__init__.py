"""Alert channels: e-mail (SMTP), webhook (JSON POST), Atom feed file."""

from __future__ import annotations

from collections.abc import Mapping

from tenderwatch.watch.channels.base import AlertRejected, Channel, ChannelError, FileChannel, MessageChannel
from tenderwatch.watch.channels.email import EmailChannel
from tenderwatch.watch.channels.feed import FeedChannel
from tenderwatch.watch.channels.webhook import WebhookChannel
from tenderwatch.watch.config import WatchConfig

__all__ = ["AlertRejected", "Channel", "ChannelError", "FileChannel", "MessageChannel", "build_channels"]


def build_channels(cfg: WatchConfig, env: Mapping[str, str]) -> list[Channel]:
    """The channels the config sets up, in a fixed order."""
    channels: list[Channel] = []
    alerts = cfg.alerts
    if alerts.email is not None:
        channels.append(EmailChannel(alerts.email, cfg.workbench_url, env))
    if alerts.webhook is not None:
        channels.append(WebhookChannel(alerts.webhook, cfg.workbench_url, env))
    if alerts.feed is not None:
        channels.append(FeedChannel(alerts.feed, cfg.workbench_url))
    return channels
