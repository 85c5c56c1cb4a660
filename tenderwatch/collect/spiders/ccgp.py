"""ccgp.gov.cn: the search (``/bxsearch``) by keyword and day window, or the channel lists.

sources.md §1: 20 results per page in ``ul.vT-srch-result-list-bid > li``, the page count in a
``Pager({size: N, ...})`` script; channel lists ``ul.c_list_bid li`` newest first, pages
``index.htm``, ``index_1.htm`` ...; notice pages ``/cggg/.../tYYYYMMDD_<id>.htm``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any
from urllib.parse import urlencode

from scrapy import Request
from scrapy.http import Response

from tenderwatch.collect.spiders.base import SourceSpider, pager_size
from tenderwatch.collect.windows import Window

PER_PAGE = 20
_STEM = re.compile(r"t\d{8}_\d+")
_DATE = re.compile(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})")


def _colon_date(day: date) -> str:
    return f"{day.year:04d}:{day.month:02d}:{day.day:02d}"


def item_key(url: str) -> str:
    """The ``t…_<id>`` stem identifies a ccgp notice; other links are their own key."""
    match = _STEM.search(url)
    return match.group(0) if match else url


def _first_date(text: str) -> date | None:
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


class CcgpSpider(SourceSpider):
    name = "ccgp"

    @property
    def channels_mode(self) -> bool:
        return str(self.ctx.settings.get("ccgp_mode", "search")) == "channels"

    def queries(self) -> list[str]:
        if self.channels_mode:
            return [f"channel={c}" for c in self.ctx.settings["ccgp_channels"]]
        return super().queries()

    def plan_windows(self, start: date, until: date) -> list[Window]:
        if self.channels_mode:  # one walk down each channel list covers the whole range
            return [Window(query, start, until) for query in self.queries()]
        return super().plan_windows(start, until)

    def window_requests(self, window: Window) -> Iterable[Request]:
        kind, _, value = window.query.partition("=")
        if kind == "channel":
            yield self._channel_request(window, value, 0)
        else:
            yield self._search_request(window, value, 1)

    # -- search ------------------------------------------------------------------------

    def search_url(self, keyword: str, day_from: date, day_until: date, page: int) -> str:
        params = [
            ("searchtype", "1"), ("page_index", str(page)), ("bidSort", "0"), ("buyerName", ""),
            ("projectId", ""), ("pinMu", "0"), ("bidType", "0"), ("dbselect", "bidx"), ("kw", keyword),
            ("start_time", _colon_date(day_from)), ("end_time", _colon_date(day_until)), ("timeType", "6"),
            ("displayZone", ""), ("zoneId", ""), ("pppStatus", "0"), ("agentName", ""),
        ]
        return f"{self.roots['search']}/bxsearch?{urlencode(params)}"

    def _search_request(self, window: Window, keyword: str, page: int) -> Request:
        url = self.search_url(keyword, window.day_from, window.day_until, page)
        return self.request(url, self.parse_search, meta={"window": window, "keyword": keyword, "page": page})

    def parse_search(self, response: Response) -> Iterable[Request]:
        has_list = bool(response.css("ul.vT-srch-result-list-bid, div.vT-srch-result"))
        if not has_list:
            self.no_list(response, "no result list (ul.vT-srch-result-list-bid) on the search page")
            return
        items = response.css("ul.vT-srch-result-list-bid > li")
        pages = pager_size(response.text)
        self.list_page_read(pages)
        for li in items:
            href = li.css("a::attr(href)").get()
            if not href or href.strip().startswith(("javascript", "#")):
                continue
            url = self.link(response, href)
            request = self.item_request(item_key(url), url, self.parse_notice)
            if request is not None:
                yield request
        yield from self._next_search_page(response, len(items), pages)

    def _next_search_page(self, response: Response, count: int, pages: int | None) -> Iterable[Request]:
        meta = response.meta
        page: int = meta["page"]
        limit = int(self.ctx.settings["max_pages"])
        more = page < pages if pages is not None else count >= PER_PAGE
        if not more:
            return
        if page >= limit:
            self.ctx.window_error(
                f"{pages or 'more than ' + str(limit)} pages of results for {meta['keyword']!r}: only the first "
                f"{limit} are read; use a shorter window or narrower keywords"
            )
            return
        yield self._search_request(meta["window"], meta["keyword"], page + 1)

    # -- channel lists -----------------------------------------------------------------

    def _channel_request(self, window: Window, channel: str, page: int) -> Request:
        name = "index.htm" if page == 0 else f"index_{page}.htm"
        url = f"{self.roots['www']}/cggg/{channel}/{name}"
        return self.request(url, self.parse_channel, meta={"window": window, "channel": channel, "page": page})

    def parse_channel(self, response: Response) -> Iterable[Request]:
        meta = response.meta
        window: Window = meta["window"]
        if not response.css("ul.c_list_bid"):
            self.no_list(response, "no list (ul.c_list_bid) on the channel page")
            return
        pages = pager_size(response.text)
        self.list_page_read(pages)
        older = False
        items = response.css("ul.c_list_bid li")
        for li in items:
            href = li.css("a::attr(href)").get()
            if not href:
                continue
            day = _first_date(" ".join(li.css("em::text").getall()) or " ".join(li.css("::text").getall()))
            if day is not None and day > window.day_until:
                continue
            if day is not None and day < window.day_from:
                older = True
                continue
            url = self.link(response, href)
            request = self.item_request(item_key(url), url, self.parse_notice)
            if request is not None:
                yield request
        page: int = meta["page"]
        if older or not items or (pages is not None and page + 1 >= pages):
            return
        if page + 1 >= int(self.ctx.settings["max_pages"]):
            self.ctx.window_error(f"channel {meta['channel']}: the window reaches past "
                                  f"{self.ctx.settings['max_pages']} list pages")
            return
        yield self._channel_request(window, meta["channel"], page + 1)

    # -- notices -----------------------------------------------------------------------

    def parse_notice(self, response: Response) -> Any:
        if not response.css("div.vF_detail_content, div.vF_detail_header") and self.blocked_page(response):
            return
        self.save(response)
