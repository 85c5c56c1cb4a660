"""政采云 (zcy) provincial portals: the announcement list and each notice's detail JSON.

sources.md §3: ``POST /portal/category`` with a JSON body (``pageNo``, ``pageSize`` 15,
``categoryCode``, ``isGov``, ``excludeDistrictPrefix``, ``publishDateBegin``/``End``, ``_t``);
answer ``{success, result: {data: {total, data: [{articleId, title, publishDate, ...}]}}}``.
Detail ``GET /portal/detail?articleId=ID&timestamp=...``: ``result.data.content`` is the notice
HTML, stored as the document (path ``/portal/detail?articleId=ID``, the timestamp left out).
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from scrapy import Request
from scrapy.http import Response

from tenderwatch.collect.sourcelist import zcy_portals
from tenderwatch.collect.spiders.base import SourceSpider
from tenderwatch.collect.windows import Window

PAGE_SIZE = 15


class ZcySpider(SourceSpider):
    name = "zcy"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        province = self.ctx.options.province
        if province and not self.ctx.options.base_url:  # validate() checked the key
            self.roots = {key: zcy_portals()[province] for key in self.roots}

    def queries(self) -> list[str]:
        return [f"category={self.ctx.settings['zcy_category']}"]

    def window_requests(self, window: Window) -> Iterable[Request]:
        yield self._list_request(window, 1)

    def _list_request(self, window: Window, page: int) -> Request:
        body = {
            "pageNo": page,
            "pageSize": PAGE_SIZE,
            "categoryCode": window.query.partition("=")[2],
            "isGov": True,
            "excludeDistrictPrefix": "90",
            "publishDateBegin": window.day_from.isoformat(),
            "publishDateEnd": window.day_until.isoformat(),
            "_t": int(time.time() * 1000),
        }
        return self.request(
            f"{self.roots['www']}/portal/category", self.parse_list, expect="json", method="POST",
            body=json.dumps(body), headers={"Content-Type": "application/json;charset=UTF-8"},
            meta={"window": window, "page": page},
        )

    def _answer(self, response: Response, what: str) -> dict[str, Any] | None:
        """The ``result.data`` object of an answer, or None (window error, block or layout stop)."""
        try:
            answer = json.loads(response.text)
        except ValueError:
            if not self.blocked_page(response, "json"):
                self.ctx.window_error(f"malformed JSON answer ({what}) at {response.url}; window left incomplete")
            return None
        if not isinstance(answer, dict):
            self.layout_changed(response, f"the {what} answer is not a JSON object")
            return None
        if answer.get("success") is False:
            message = str(answer.get("error") or answer.get("message") or "")
            self.ctx.window_error(f"{what}: the portal answered success=false {message[:200]!r} at {response.url}")
            return None
        result = answer.get("result")
        data = result.get("data") if isinstance(result, dict) else None
        if not isinstance(data, dict):
            self.layout_changed(response, f"no result.data in the {what} answer")
            return None
        return data

    def parse_list(self, response: Response) -> Iterable[Request]:
        meta = response.meta
        window: Window = meta["window"]
        page: int = meta["page"]
        data = self._answer(response, f"list page {page}")
        if data is None:
            return
        items = data.get("data")
        if not isinstance(items, list):
            self.layout_changed(response, "no result.data.data list in the list answer")
            return
        try:
            total = int(data.get("total") or 0)
        except (TypeError, ValueError):
            total = 0
        pages = -(-total // PAGE_SIZE) if total else page
        self.list_page_read(pages)
        for item in items:
            if not isinstance(item, dict) or not item.get("articleId"):
                continue
            article = str(item["articleId"])
            url = self.detail_url(article, stamp=True)
            request = self.item_request(article, url, self.parse_detail,
                                        meta={"expect": "json", "article": article,
                                              "title": str(item.get("title") or "")})
            if request is not None:
                yield request
        if page < pages and items:
            if page >= int(self.ctx.settings["max_pages"]):
                self.ctx.window_error(f"{pages} list pages: only the first {self.ctx.settings['max_pages']} are read")
                return
            yield self._list_request(window, page + 1)

    def detail_url(self, article: str, stamp: bool = False) -> str:
        params = [("articleId", article)] + ([("timestamp", str(int(time.time())))] if stamp else [])
        return f"{self.roots['www']}/portal/detail?{urlencode(params)}"

    def parse_detail(self, response: Response) -> None:
        data = self._answer(response, f"detail {response.meta['article']}")
        if data is None:
            return
        content = data.get("content")
        if not isinstance(content, str):
            self.layout_changed(response, "no result.data.content in the detail answer")
            return
        title = str(data.get("title") or response.meta.get("title") or "")
        page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
                f"<body>{content}</body></html>")
        self.save(response, url=self.detail_url(response.meta["article"]), data=page.encode("utf-8"))
