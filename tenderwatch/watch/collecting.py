"""The one seam between the watch and the collect stage.

:func:`collect_source` runs ``tenderwatch.collect.run_collect`` for one source and turns
its report into a :class:`SourceOutcome`. By default collect resumes from its own record
of complete windows (with its overlap), so a watch that was down for a week catches up;
``collect.lookback_days`` asks for an explicit window instead. A round takes any function
of the same shape (tests pass one that scans files into the store). Collect writes what
it fetches into the store itself, through the per-document pipeline.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from tenderwatch.watch.config import WatchConfig

log = logging.getLogger(__name__)
CHINA = timezone(timedelta(hours=8))  # the sites date notices in China time (no DST)


@dataclass(slots=True)
class SourceOutcome:
    source: str
    ok: bool
    new_documents: int = 0
    leads: int = 0
    blocked: str | None = None
    error: str | None = None
    exit_code: int = 0

    def line(self) -> str:
        if self.ok:
            return f"{self.source}: {self.new_documents} new document(s), {self.leads} lead(s)"
        return f"{self.source}: {'blocked: ' + self.blocked if self.blocked else self.error}"


CollectFn = Callable[[WatchConfig, str, "date | None", "date | None"], SourceOutcome]


def window(cfg: WatchConfig, today: date | None = None) -> tuple[date | None, date | None]:
    """The round's date window: from ``lookback_days`` before today (China time) to today;
    (None, None) without ``lookback_days``: collect continues where it stopped."""
    back = cfg.collect.lookback_days if cfg.collect else None
    if back is None:
        return None, None
    today = today or datetime.now(CHINA).date()
    return today - timedelta(days=back), today


def _module() -> Any:
    return importlib.import_module("tenderwatch.collect")


def known_sources() -> list[str] | None:
    """The sources the installed collect stage offers; None when it is not installed."""
    try:
        module = _module()
    except ModuleNotFoundError:
        return None
    sources = getattr(module, "sources", None)
    if not callable(sources):
        return None
    return sorted(str(getattr(info, "name", info)) for info in sources())


def _options(module: Any, values: Mapping[str, Any]) -> Any:
    """Build ``CollectOptions`` from the values it accepts; say which it did not take."""
    options_type = module.CollectOptions
    accepted = {f.name for f in dataclasses.fields(options_type)} if dataclasses.is_dataclass(options_type) \
        else set(getattr(options_type, "model_fields", values))
    ignored = sorted(k for k, v in values.items() if k not in accepted and v not in (None, {}, ""))
    if ignored:
        log.warning("collect does not take %s; ignored", ", ".join(ignored))
    return options_type(**{k: v for k, v in values.items() if k in accepted})


def collect_source(cfg: WatchConfig, source: str, date_from: date | None, date_until: date | None) -> SourceOutcome:
    """Collect one source into the store; any failure becomes an outcome, never an exception."""
    assert cfg.collect is not None
    try:
        module = _module()
    except ModuleNotFoundError:
        return SourceOutcome(source, False, error="the collect stage is not installed in this version", exit_code=2)
    settings = dict(cfg.collect.settings)
    values = {
        "source": source, "db": str(cfg.db), "archive": str(cfg.archive) if cfg.archive else None,
        "date_from": date_from, "date_until": date_until, "base_url": cfg.collect.base_url.get(source),
        "delay": cfg.collect.delay, "contact": cfg.contact(os.environ), "settings": settings,
        "province": cfg.collect.province.get(source), "progress": False,
    }
    try:
        report = module.run_collect(_options(module, values))
    except Exception as exc:  # a crashed collect is this source's failure, not the round's
        log.exception("collect %s failed", source)
        return SourceOutcome(source, False, error=f"{type(exc).__name__}: {exc}", exit_code=1)
    blocked = getattr(report, "blocked", None)
    code = int(getattr(report, "exit_code", 0) or 0)
    message = str(getattr(report, "message", "") or "")
    return SourceOutcome(
        source, ok=code == 0 and not blocked, new_documents=int(getattr(report, "new_documents", 0) or 0),
        leads=int(getattr(report, "leads", 0) or 0), blocked=blocked,
        error=None if code == 0 else f"collect exited with {code}" + (f": {message}" if message else ""),
        exit_code=code,
    )
