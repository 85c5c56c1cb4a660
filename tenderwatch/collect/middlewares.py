"""Scrapy downloader middlewares of the collect stage (order in ``settings.scrapy_settings``).

- ``ArchiveMiddleware`` (closest to the wire): every request and response into the WARC archive,
  redirects, errors, block pages and robots.txt included; a request without an answer is kept too.
- ``BlockMiddleware``: HTTP 403 and redirects to a captcha stop the source (after archiving).
- ``PacingMiddleware``: the pause between requests per host (delay with jitter, robots.txt
  Crawl-delay, Retry-After of 429/503); Scrapy's RetryMiddleware then retries, bounded.
- ``BudgetMiddleware``: the per-source daily request budget, counted in the store.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from protego import Protego
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from tenderwatch.collect.blocks import status_block
from tenderwatch.collect.context import BLOCKED, STOPPED, CrawlContext
from tenderwatch.collect.windows import today_in_china
from tenderwatch.store import collectq

log = logging.getLogger(__name__)


class StoppedRequest(IgnoreRequest):
    """A request dropped because the source was stopped (blocked, budget, Retry-After)."""


class _Base:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    @property
    def ctx(self) -> CrawlContext:
        ctx: CrawlContext = self.crawler.spider.ctx  # type: ignore[union-attr]
        return ctx


def _is_robots(request: Request) -> bool:
    return urlsplit(request.url).path == "/robots.txt"


def _headers(headers: Any) -> list[tuple[bytes, bytes]]:
    out: list[tuple[bytes, bytes]] = []
    for name, values in headers.items():
        for value in values:
            out.append((bytes(name), bytes(value)))
    return out


class ArchiveMiddleware(_Base):
    def _request_headers(self, request: Request) -> list[tuple[bytes, bytes]]:
        headers = _headers(request.headers)
        if not any(k.lower() == b"host" for k, _ in headers):
            host = urlsplit(request.url).netloc.encode("latin-1", "replace")
            headers.insert(0, (b"Host", host))
        return headers

    def process_response(self, request: Request, response: Response) -> Response:
        archived = self.ctx.archive.write_exchange(
            request.url, request.method, self._request_headers(request), request.body or b"",
            response.status, "", _headers(response.headers), response.body,
        )
        request.meta["archived"] = archived
        self.ctx.report.requests += 1
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        if isinstance(exception, IgnoreRequest):
            return None
        self.ctx.archive.write_exchange(
            request.url, request.method, self._request_headers(request), request.body or b"",
            None, "", [], b"",
        )
        self.ctx.report.requests += 1
        return None


class BlockMiddleware(_Base):
    def process_response(self, request: Request, response: Response) -> Response:
        if _is_robots(request):
            return response
        location = response.headers.get(b"Location")
        reason = status_block(response.status, location.decode("latin-1") if location else None)
        if reason:
            self.ctx.stop(BLOCKED, f"{reason} at {request.url}")
            raise StoppedRequest(reason)
        return response


class PacingMiddleware(_Base):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.next_at: dict[str, float] = {}
        self.crawl_delay: dict[str, float] = {}

    def _interval(self, host: str) -> float:
        settings = self.ctx.settings
        base = max(float(settings["delay"]), self.crawl_delay.get(host, 0.0))
        return base * (1.0 + random.random() * float(settings["jitter"])) if base > 0 else 0.0

    async def process_request(self, request: Request) -> None:
        if self.ctx.stopped:
            raise StoppedRequest("source stopped")
        host = urlsplit(request.url).netloc
        wait = self.next_at.get(host, 0.0) - time.time()
        if wait > 0:
            self.ctx.progress.next_request = time.time() + wait
            self.ctx.progress.show(force=True)
            await asyncio.sleep(wait)
            if self.ctx.stopped:
                raise StoppedRequest("source stopped")
        self.next_at[host] = time.time() + self._interval(host)
        self.ctx.progress.next_request = self.next_at[host]
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        host = urlsplit(request.url).netloc
        if _is_robots(request) and response.status == 200:
            self._read_crawl_delay(host, response.body)
        if response.status in (429, 503):
            wait = _retry_after(response.headers.get(b"Retry-After"))
            settings = self.ctx.settings
            if wait is None:
                wait = float(settings["retry_after_default"]) if response.status == 429 else 0.0
            if wait > float(settings["retry_after_max"]):
                self.ctx.stop(STOPPED, f"HTTP {response.status} asked to wait {wait:.0f} s (Retry-After) "
                                       f"at {request.url}; more than retry_after_max")
                raise StoppedRequest("Retry-After too long")
            if wait > 0:
                log.info("%s: HTTP %s, waiting %.0f s (Retry-After)", host, response.status, wait)
                self.next_at[host] = max(self.next_at.get(host, 0.0), time.time() + wait)
        return response

    def _read_crawl_delay(self, host: str, body: bytes) -> None:
        try:
            parser = Protego.parse(body.decode("utf-8", "replace"))
            delay = parser.crawl_delay("tenderwatch")
        except Exception:  # an unreadable robots.txt adds no delay; Scrapy's parser decides access
            log.warning("robots.txt of %s could not be read for Crawl-delay", host)
            return
        if delay:
            self.crawl_delay[host] = float(delay)
            log.info("%s: robots.txt Crawl-delay %.1f s", host, float(delay))


def _retry_after(value: bytes | None) -> float | None:
    if not value:
        return None
    text = value.decode("latin-1").strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(text).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class BudgetMiddleware(_Base):
    def process_request(self, request: Request) -> None:
        ctx = self.ctx
        if ctx.stopped:
            raise StoppedRequest("source stopped")
        budget = int(ctx.settings["daily_budget"])
        spent = collectq.spend_request(ctx.store.conn, ctx.source, today_in_china().isoformat())
        if spent > budget:
            ctx.stop(STOPPED, f"daily request budget of {budget} requests for {ctx.source} spent; "
                              "the rest is collected on a later day")
            raise StoppedRequest("budget spent")
        return None
