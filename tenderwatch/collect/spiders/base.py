"""The shared spider: date windows one after another, paged lists, notice pages.

A source says which queries it asks (:meth:`SourceSpider.queries`), the first request(s) of a
window (:meth:`window_requests`) and how to read its pages. The base runs the windows in order:
when Scrapy has nothing left to do (``spider_idle``) the current window ends (complete when no
page of it failed or was blocked) and the next one starts, so progress is exact per window and
a kill loses at most the window in hand. Pages that no longer look as expected stop the source
("layout changed") with the page archived; blocks stop it as blocked.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable
from datetime import date
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

from tenderwatch.collect.blocks import body_block
from tenderwatch.collect.context import BLOCKED, STOPPED, CrawlContext
from tenderwatch.collect.faults import fault_point
from tenderwatch.collect.keywords import search_terms
from tenderwatch.collect.sourcelist import no_results_phrases, source_info
from tenderwatch.collect.windows import Window, plan, resume_start, today_in_china
from tenderwatch.store.collectq import item_done

log = logging.getLogger(__name__)


class SourceSpider(scrapy.Spider):
    name = ""

    def __init__(self, ctx: CrawlContext, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self._next_window = 0
        info = source_info(self.name)
        self.default_roots = dict(info.roots)
        base = ctx.options.base_url.rstrip("/") if ctx.options.base_url else None
        self.roots = {key: base or url for key, url in self.default_roots.items()}
        start, until = self.date_range()
        ctx.windows = self.plan_windows(start, until)
        ctx.progress.windows = len(ctx.windows)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SourceSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        spider.ctx.closer = spider.close_now
        return spider

    # -- what a source defines ------------------------------------------------------------

    def queries(self) -> list[str]:
        """The queries of each window (e.g. ``kw=H100``)."""
        return [f"kw={term}" for term in self.keywords()]

    def window_requests(self, window: Window) -> Iterable[Request]:
        raise NotImplementedError

    def plan_windows(self, start: date, until: date) -> list[Window]:
        return plan(self.queries(), start, until, int(self.ctx.settings["window_days"]))

    def date_range(self) -> tuple[date, date]:
        """--from/--until, or from where the last run left off (two-day overlap) until today."""
        options, settings = self.ctx.options, self.ctx.settings
        until = options.date_until or today_in_china()
        start = options.date_from or resume_start(
            self.ctx.store.conn, self.name, self.queries(), today=until,
            overlap_days=int(settings["overlap_days"]), first_run_days=int(settings["first_run_days"]),
        )
        return start, until

    def keywords(self) -> list[str]:
        configured = self.ctx.settings.get("keywords")
        if configured is None:
            return list(search_terms())
        return [str(k) for k in configured]

    # -- windows, one after another ----------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        # nothing here: the first window starts when the engine is idle (on_idle)
        return
        yield  # pragma: no cover

    def first_requests(self) -> list[Request]:
        """The requests that open the first window (for the contract test; no network)."""
        return list(self.window_requests(self.ctx.windows[0])) if self.ctx.windows else []

    def on_idle(self) -> None:
        if self.ctx.current is not None:
            self.ctx.end_window()
        if self.ctx.stopped:
            return
        while self._next_window < len(self.ctx.windows):
            window = self.ctx.windows[self._next_window]
            self._next_window += 1
            self.ctx.begin_window(window, self._next_window)
            requests = list(self.window_requests(window))
            if not requests:
                self.ctx.end_window()
                continue
            for request in requests:
                self.crawler.engine.crawl(request)
            raise DontCloseSpider
        return

    def on_closed(self, reason: str) -> None:
        if self.ctx.current is not None:
            self.ctx.end_window()

    def close_now(self, kind: str) -> None:
        engine = self.crawler.engine
        if engine is not None and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason=kind))

    def windows_left(self) -> list[Window]:
        return self.ctx.windows[self._next_window:]

    # -- requests ----------------------------------------------------------------------

    def request(self, url: str, callback: Any, *, expect: str = "html", priority: int = 0,
                meta: dict[str, Any] | None = None, **kwargs: Any) -> Request:
        """A request whose failure is counted against the current window."""
        return Request(url, callback=callback, errback=self.on_error, priority=priority,
                       meta={"expect": expect, **(meta or {})}, dont_filter=True, **kwargs)

    def on_error(self, failure: Failure) -> None:
        error = failure.value
        if self.ctx.stopped and isinstance(error, IgnoreRequest):
            return
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        if isinstance(error, HttpError):
            self.ctx.window_error(f"HTTP {error.response.status} at {url}")
        elif isinstance(error, IgnoreRequest):
            self.ctx.window_error(f"not fetched ({failure.getErrorMessage()}): {url}")
        else:
            self.ctx.window_error(f"{failure.type.__name__ if failure.type else 'error'} "
                                  f"({failure.getErrorMessage()[:200]}) at {url}")

    def rebase(self, url: str) -> str:
        """With ``--base-url``, a link to one of the source's own hosts goes to the base instead."""
        base = self.ctx.options.base_url
        if not base:
            return url
        parts = urlsplit(url)
        host = parts.hostname or ""
        if any(host == domain or host.endswith("." + domain) for domain in self.own_domains()):
            b = urlsplit(base.rstrip("/"))
            return urlunsplit((b.scheme, b.netloc, b.path + parts.path, parts.query, parts.fragment))
        return url

    def own_domains(self) -> set[str]:
        """The source's site domains: its root hosts, less a first label such as ``www`` or
        ``search`` when the host has four or more (``www.ccgp.gov.cn`` -> ``ccgp.gov.cn``)."""
        out: set[str] = set()
        for root in self.default_roots.values():
            labels = (urlsplit(root).hostname or "").split(".")
            out.add(".".join(labels[1:] if len(labels) >= 4 else labels))
        return out

    def link(self, response: Response, href: str) -> str:
        return self.rebase(response.urljoin(href.strip()))

    # -- pages -------------------------------------------------------------------------

    def blocked_page(self, response: Response, expect: str = "html") -> bool:
        """True (and the source stopped) when a page that lacks its content is a block page."""
        reason = body_block(response.body, expect=expect)
        if reason:
            self.ctx.stop(BLOCKED, f"{reason} at {response.url}")
            return True
        return False

    def layout_changed(self, response: Response, what: str) -> None:
        """A page does not look as expected: stop the source, the page stays archived."""
        if not self.blocked_page(response, response.meta.get("expect", "html")):
            self.ctx.stop(STOPPED, f"layout changed: {what} at {response.url} (page archived; "
                                   "the source module needs updating)")

    def no_list(self, response: Response, what: str) -> None:
        """A list page without its list: a block, an empty result (it says it found nothing, or
        its pager counts 0 pages: the window is read), or else a changed layout."""
        if self.blocked_page(response):
            return
        text = "".join(" ".join(response.css("body ::text").getall()).split())
        if any(phrase in text for phrase in no_results_phrases()) or pager_size(response.text) == 0:
            self.list_page_read(0)
            return
        self.layout_changed(response, what)

    def list_page_read(self, pages_total: int | None = None) -> None:
        self.ctx.page_done(pages_total)
        fault_point("list_page")

    def item_request(self, key: str, url: str, callback: Any, **kwargs: Any) -> Request | None:
        """The request for a list item's notice, or None when the store already has it."""
        if not self.ctx.settings.get("refetch") and item_done(self.ctx.store.conn, self.name, key):
            return None
        meta = dict(kwargs.pop("meta", None) or {}, item_key=key)
        return self.request(url, callback, priority=10, meta=meta, **kwargs)

    def save(self, response: Response, *, url: str | None = None, data: bytes | None = None) -> None:
        """Store a notice (after its response record is archived)."""
        archived = response.meta.get("archived")
        fault_point("archived")
        saved = self.ctx.saver.save(
            url or response.url, response.body if data is None else data, archived, response.status,
            str(response.meta.get("item_key") or url or response.url),
        )
        self.ctx.notice_done(saved.new, saved.leads)


_PAGER = re.compile(r"Pager\(\s*\{(?P<body>[^}]*)\}")
_SIZE = re.compile(r"size\s*:\s*['\"]?(\d+)")


def pager_size(text: str) -> int | None:
    """The page count written in a ``Pager({size: N, ...})`` script, or None."""
    match = _PAGER.search(text)
    if match is None:
        return None
    size = _SIZE.search(match.group("body"))
    return int(size.group(1)) if size else None
