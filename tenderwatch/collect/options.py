"""What a collect run is asked to do (:class:`CollectOptions`) and what it did (:class:`CollectReport`).

Both are plain data that cross a process boundary as JSON: :func:`tenderwatch.collect.run_collect`
runs each crawl in a child process (Twisted's reactor cannot be restarted in one process), so the
CLI, the tests and a scheduler can call it as often as they like.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

CONTACT_ENV = "TENDERWATCH_CONTACT"

# Exit codes of a collect run (the CLI exits with them; README documents them).
EXIT_COMPLETE = 0  # every window came back whole
EXIT_ERROR = 1  # refused options, or the collector process died (see the report's message)
EXIT_INCOMPLETE = 3  # some window is incomplete (layout changed, HTTP errors, budget spent, bad JSON ...)
EXIT_BLOCKED = 4  # the site blocked us (captcha, 频繁访问, 403, cookie challenge): the source was stopped

_CONTACT = re.compile(r"^(?:[^@\s]+@[^@\s]+\.[^@\s]+|https?://\S+\.\S+)$")


class OptionsError(ValueError):
    """Options a collect run refuses (no contact address, delay 0 for a remote host ...)."""


@dataclass(slots=True)
class CollectOptions:
    """One collect run: a source, a store, an archive folder and a date range.

    ``date_from``/``date_until`` given: those day windows are (re)collected. Left out:
    the run continues from the last complete window with a two-day overlap (the first
    run of a source takes the last ``first_run_days`` days). ``until`` defaults to today
    (China time). ``base_url`` replaces the source's root URL (mirrors, loopback tests).
    ``settings`` overrides any key of :mod:`tenderwatch.collect.settings` (politeness,
    budget, window length, keywords ...) or a Scrapy setting (upper-case keys).
    """

    source: str
    db: str
    archive: str | None = None  # default: "<db stem>-archive" beside the store
    date_from: date | None = None
    date_until: date | None = None
    base_url: str | None = None
    delay: float = 5.0
    contact: str | None = None  # default: $TENDERWATCH_CONTACT
    province: str | None = None  # ggzy: DEAL_PROVINCE code; zcy: portal key (zj ...)
    settings: dict[str, Any] = field(default_factory=dict)
    progress: bool = True  # a progress line on stderr when it is a terminal

    def resolved_contact(self) -> str | None:
        return self.contact or os.environ.get(CONTACT_ENV) or None

    def archive_dir(self) -> str:
        if self.archive:
            return self.archive
        base, _, _ = self.db.rpartition(".") if "." in os.path.basename(self.db) else (self.db, "", "")
        return f"{base}-archive"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["date_from"] = self.date_from.isoformat() if self.date_from else None
        data["date_until"] = self.date_until.isoformat() if self.date_until else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CollectOptions:
        data = dict(data)
        for key in ("date_from", "date_until"):
            if data.get(key):
                data[key] = date.fromisoformat(data[key])
        return cls(**data)


def is_loopback(url: str) -> bool:
    """True when the URL's host is this machine (127.0.0.0/8, ::1, localhost)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate(options: CollectOptions, known_sources: list[str]) -> str:
    """Check the options; return the contact address. Raise :class:`OptionsError` with the reason."""
    if options.source not in known_sources:
        raise OptionsError(f"unknown source {options.source!r}; known: {', '.join(known_sources)}")
    contact = options.resolved_contact()
    if not contact:
        raise OptionsError(
            f"collect needs a contact address for the User-Agent: --contact EMAIL|URL or {CONTACT_ENV}"
        )
    if not _CONTACT.match(contact):
        raise OptionsError(f"contact {contact!r} is neither an e-mail address nor an http(s) URL")
    if options.delay < 0:
        raise OptionsError("--delay cannot be negative")
    if options.delay < 1 and not (options.base_url and is_loopback(options.base_url)):
        raise OptionsError(
            "--delay under 1 s is allowed only for a loopback --base-url (127.0.0.1, localhost); "
            "public sites get at least the default 5 s"
        )
    if options.date_from and options.date_until and options.date_from > options.date_until:
        raise OptionsError(f"--from {options.date_from} is after --until {options.date_until}")
    if options.base_url and urlsplit(options.base_url).scheme not in ("http", "https"):
        raise OptionsError(f"--base-url must be an http(s) URL, not {options.base_url!r}")
    from tenderwatch.collect.settings import merged
    from tenderwatch.collect.sourcelist import zcy_portals

    try:
        merged(options.settings, options.delay)
    except ValueError as exc:
        raise OptionsError(str(exc)) from exc
    portals = zcy_portals()
    if options.source == "zcy" and options.province and not options.base_url and options.province not in portals:
        raise OptionsError(f"no 政采云 portal known for --province {options.province!r} (known: "
                           f"{', '.join(portals)}); give its address with --base-url")
    return contact


@dataclass(slots=True)
class WindowReport:
    """One (query, day window) of a run: complete, incomplete with why, or not started."""

    query: str
    day_from: str
    day_until: str
    status: str  # complete | incomplete | not_started
    reason: str | None = None
    pages: int = 0
    notices: int = 0


@dataclass(slots=True)
class CollectReport:
    """What a collect run did. ``exit_code`` is one of the ``EXIT_*`` codes above."""

    source: str
    windows: list[WindowReport] = field(default_factory=list)
    requests: int = 0
    pages: int = 0  # list pages / JSON answers read
    notices: int = 0  # notice pages fetched
    new_documents: int = 0  # documents the store did not have (or had with other bytes)
    leads: int = 0  # new documents that are relevant or carry a finding
    blocked: str | None = None  # why the site stopped us, when it did
    message: str = ""
    exit_code: int = EXIT_COMPLETE
    archive_files: list[str] = field(default_factory=list)
    started_at: str = ""
    finished_at: str = ""

    @property
    def complete(self) -> bool:
        return self.exit_code == EXIT_COMPLETE

    def incomplete_windows(self) -> list[WindowReport]:
        return [w for w in self.windows if w.status != "complete"]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CollectReport:
        data = dict(data)
        data["windows"] = [WindowReport(**w) for w in data.get("windows", [])]
        return cls(**data)
