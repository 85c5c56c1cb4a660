"""One crawl in this process (the child of :func:`tenderwatch.collect.run_collect`): open the
store and the archive, run the source's spider with Scrapy's ``AsyncCrawlerProcess``, and
build the :class:`CollectReport`. Call once per process (Twisted's reactor does not restart)."""

from __future__ import annotations

import logging
import sys
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess

from tenderwatch import __version__
from tenderwatch.collect.archive import Archive
from tenderwatch.collect.context import BLOCKED, CrawlContext
from tenderwatch.collect.options import (
    EXIT_BLOCKED,
    EXIT_COMPLETE,
    EXIT_INCOMPLETE,
    CollectOptions,
    CollectReport,
    WindowReport,
    validate,
)
from tenderwatch.collect.saver import NoticeSaver
from tenderwatch.collect.settings import merged, scrapy_settings
from tenderwatch.collect.sourcelist import source_names
from tenderwatch.collect.spiders import SPIDERS
from tenderwatch.collect.terminal import Progress
from tenderwatch.store.db import Store, now_iso

log = logging.getLogger(__name__)


def make_context(options: CollectOptions, store: Store, report: CollectReport) -> CrawlContext:
    """The shared state of a crawl (also used by the spider contract test, without a crawl)."""
    contact = validate(options, source_names())
    ours = merged(options.settings, options.delay)
    info: dict[str, Any] = {
        "source": options.source,
        "arguments": options.to_json(),
        "settings": ours,
        "user-agent-contact": contact,
        "python": sys.version.split()[0],
    }
    archive = Archive(options.archive_dir(), options.source, info, int(ours["archive_max_bytes"]))
    saver = NoticeSaver(store, options.source, float(ours["notice_timeout"]))
    return CrawlContext(options, ours, store, archive, saver, report, Progress(options.progress))


def crawl(options: CollectOptions) -> CollectReport:
    report = CollectReport(source=options.source, started_at=now_iso())
    with Store(options.db, bulk=True) as store:
        ctx = make_context(options, store, report)
        contact = options.resolved_contact() or ""
        process = AsyncCrawlerProcess(scrapy_settings(ctx.settings, contact, options.settings))
        # after the process: Scrapy's logging setup resets its loggers to DEBUG
        quiet = max(logging.getLogger().getEffectiveLevel(), logging.WARNING)
        for name in ("scrapy", "twisted", "asyncio", "protego", "py.warnings"):
            logging.getLogger(name).setLevel(quiet)  # Scrapy's own INFO lines (versions, stats) are noise here
        spider_class = SPIDERS[options.source]
        process.crawl(spider_class, ctx=ctx)
        try:
            process.start()
        finally:
            ctx.progress.done()
            ctx.archive.close()
        left = [w for w in ctx.windows if w.key not in {(r.query, r.day_from, r.day_until) for r in report.windows}]
        report.windows += [WindowReport(*w.key, status="not_started") for w in left]
    report.archive_files = list(ctx.archive.files)
    report.finished_at = now_iso()
    return finish(report, ctx)


def finish(report: CollectReport, ctx: CrawlContext) -> CollectReport:
    """Exit code and the one-paragraph message of a finished crawl."""
    incomplete = report.incomplete_windows()
    done = len(report.windows) - len(incomplete)
    summary = (f"{options_label(ctx.options)}: {done} of {len(report.windows)} windows complete, "
               f"{report.pages} list pages, {report.notices} notices fetched, {report.new_documents} new "
               f"documents, {report.leads} leads; {report.requests} requests")
    if ctx.stop_kind == BLOCKED:
        report.exit_code = EXIT_BLOCKED
        report.message = (f"{summary}. BLOCKED: {ctx.stop_reason}. The source was stopped and the page "
                          "archived; try again later (tenderwatch never solves captchas or evades blocks).")
    elif incomplete:
        report.exit_code = EXIT_INCOMPLETE
        first = next((w for w in incomplete if w.reason), incomplete[0])
        report.message = (f"{summary}. INCOMPLETE: {len(incomplete)} windows"
                          + (f"; first reason: {first.reason}" if first.reason else "")
                          + ". Run the same command again to continue.")
    else:
        report.exit_code = EXIT_COMPLETE
        report.message = summary + "."
    return report


def options_label(options: CollectOptions) -> str:
    return f"{options.source} (tenderwatch {__version__})"
