"""What one crawl shares between its spider and its middlewares: options, settings, the store,
the archive, the saver, the report being built, the current window and why the source stopped."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from tenderwatch.collect.archive import Archive
from tenderwatch.collect.options import CollectOptions, CollectReport, WindowReport
from tenderwatch.collect.saver import NoticeSaver
from tenderwatch.collect.terminal import Progress
from tenderwatch.collect.windows import Window
from tenderwatch.store import collectq
from tenderwatch.store.db import Store

log = logging.getLogger(__name__)

BLOCKED = "blocked"
STOPPED = "stopped"  # layout changed, budget spent, a Retry-After too long: incomplete, not blocked


@dataclass(slots=True)
class WindowState:
    window: Window
    pages_done: int = 0
    pages_total: int | None = None
    notices: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CrawlContext:
    options: CollectOptions
    settings: dict[str, Any]
    store: Store
    archive: Archive
    saver: NoticeSaver
    report: CollectReport
    progress: Progress
    windows: list[Window] = field(default_factory=list)
    current: WindowState | None = None
    stop_kind: str | None = None
    stop_reason: str | None = None
    closer: Any = None  # called with the stop kind to close the spider (set by the spider)

    @property
    def source(self) -> str:
        return self.options.source

    @property
    def stopped(self) -> bool:
        return self.stop_kind is not None

    # -- windows ----------------------------------------------------------------------

    def begin_window(self, window: Window, number: int) -> WindowState:
        self.current = WindowState(window)
        collectq.start_window(self.store.conn, self.source, *window.key)
        self.progress.window, self.progress.window_no = window.label(), number
        self.progress.show(force=True)
        return self.current

    def window_error(self, reason: str) -> None:
        if self.current is not None and reason not in self.current.errors:
            self.current.errors.append(reason)
        log.warning("%s: %s", self.source, reason)

    def page_done(self, pages_total: int | None = None) -> None:
        state = self.current
        if state is None:
            return
        state.pages_done += 1
        if pages_total is not None:
            state.pages_total = pages_total
        self.report.pages += 1
        self.progress.pages += 1
        collectq.update_window(self.store.conn, self.source, *state.window.key, pages_done=state.pages_done,
                               pages_total=state.pages_total, notices=state.notices)
        self.progress.show()

    def notice_done(self, new: bool, leads: int) -> None:
        self.report.notices += 1
        self.progress.notices += 1
        if self.current is not None:
            self.current.notices += 1
        if new:
            self.report.new_documents += 1
            self.report.leads += leads
            self.progress.leads += leads
        self.progress.show()

    def end_window(self) -> None:
        state, self.current = self.current, None
        if state is None:
            return
        reasons = list(state.errors)
        if self.stop_reason and not reasons:
            reasons.append(self.stop_reason)
        complete = not reasons
        reason = "; ".join(reasons)[:2000] if reasons else None
        collectq.update_window(self.store.conn, self.source, *state.window.key, pages_done=state.pages_done,
                               pages_total=state.pages_total, notices=state.notices)
        collectq.finish_window(self.store.conn, self.source, *state.window.key, complete=complete, reason=reason)
        query, day_from, day_until = state.window.key
        self.report.windows.append(WindowReport(
            query, day_from, day_until, "complete" if complete else "incomplete", reason,
            state.pages_done, state.notices,
        ))

    # -- stopping ---------------------------------------------------------------------

    def stop(self, kind: str, reason: str) -> None:
        """Stop the source: ``BLOCKED`` (the site refused us) or ``STOPPED`` (anything else)."""
        if self.stopped:
            return
        self.stop_kind, self.stop_reason = kind, reason
        self.window_error(reason)
        if kind == BLOCKED:
            self.report.blocked = reason
        log.error("%s stopped: %s", self.source, reason)
        if self.closer is not None:
            self.closer(kind)
