"""What every alert channel offers the delivery loop."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol, runtime_checkable

from tenderwatch.store.db import Store
from tenderwatch.store.outbox import OutboxItem

Send = Callable[[OutboxItem], None]


class ChannelError(Exception):
    """The channel could not deliver (refused, unreachable, HTTP error, unwritable file)."""


class AlertRejected(ChannelError):
    """The receiver answered and refused this one alert as such (a webhook's 400, 413, 415 or 422):
    sending it again unchanged would be refused again, and the channel itself works."""


@runtime_checkable
class MessageChannel(Protocol):
    """A channel that sends one message per alert (email, webhook)."""

    name: str
    target: str  # where it delivers, for the log and the workbench

    def session(self) -> AbstractContextManager[Send]:
        """Connect; the context gives a function that sends one alert or raises ChannelError."""
        ...

    def check(self) -> str:
        """Try the channel once without sending an alert; say what worked or raise ChannelError."""
        ...


@runtime_checkable
class FileChannel(Protocol):
    """A channel that publishes every alert at once (the Atom feed file)."""

    name: str
    target: str

    def publish(self, store: Store, items: list[OutboxItem]) -> None:
        """Publish the pending ``items`` (with the recent alerts) or raise ChannelError."""
        ...

    def check(self) -> str:
        ...


Channel = MessageChannel | FileChannel
