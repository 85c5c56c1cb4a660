"""ggzy.gov.cn: the trading platform's JSON list, then each notice's shell and text page.

sources.md §2: ``POST /information/pubTradingInfo/getTradList`` (form), answer
``{code, message, data: {records, total, size, current, pages}}``; ``total`` stops at 1,000, so
a window at the cap is split by province, then by stage; a record's ``url`` is an ``/html/a/`` shell whose
tabs link to ``/html/b/`` pages holding the text (``#mycontent``). Codes 829/800 are blocks,
801 bad parameters, 804 "refine the query" (split by province, else incomplete). A FINDTXT the
site ignores comes back as the unfiltered list: titles are checked against the keyword.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from scrapy import FormRequest, Request
from scrapy.http import Response

from tenderwatch.collect.blocks import ggzy_code_block
from tenderwatch.collect.context import BLOCKED
from tenderwatch.collect.sourcelist import ggzy_provinces, ggzy_stages
from tenderwatch.collect.spiders.base import SourceSpider
from tenderwatch.collect.windows import Window

LIST_PATH = "/information/pubTradingInfo/getTradList"
_B_LINK = re.compile(r"""[^\s"'<>()]*/html/b/[^\s"'<>()]+""")
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text).casefold()


class GgzySpider(SourceSpider):
    name = "ggzy"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._open_shells: dict[str, set[str]] = {}

    def queries(self) -> list[str]:
        terms = self.keywords()
        return [f"FINDTXT={term}" for term in terms] if terms else ["all"]

    def form(self, window: Window, page: int, part: dict[str, str] | None = None) -> dict[str, str]:
        """The list form; ``part`` narrows it (DEAL_PROVINCE, DEAL_STAGE) when a window is split."""
        settings = self.ctx.settings
        data = {
            "DEAL_TIME": "06",
            "TIMEBEGIN": window.day_from.isoformat(),
            "TIMEEND": window.day_until.isoformat(),
            "SOURCE_TYPE": str(settings["ggzy_source_type"]),
            "DEAL_CLASSIFY": "02",
        }
        stages = [str(s) for s in settings.get("ggzy_stages") or []]
        if len(stages) == 1:
            data["DEAL_STAGE"] = stages[0]
        if self.ctx.options.province:
            data["DEAL_PROVINCE"] = self.ctx.options.province
        data.update(part or {})
        keyword = self._keyword(window)
        if keyword:
            data["FINDTXT"] = keyword
        data["PAGENUMBER"] = str(page)
        return data

    @staticmethod
    def _keyword(window: Window) -> str | None:
        kind, _, value = window.query.partition("=")
        return value if kind == "FINDTXT" else None

    def window_requests(self, window: Window) -> Iterable[Request]:
        yield self._list_request(window, 1, {})

    def _list_request(self, window: Window, page: int, part: dict[str, str]) -> Request:
        return FormRequest(
            f"{self.roots['www']}{LIST_PATH}", formdata=self.form(window, page, part),
            callback=self.parse_list, errback=self.on_error, dont_filter=True,
            meta={"expect": "json", "window": window, "page": page, "part": part},
        )

    def _narrower(self, part: dict[str, str]) -> list[dict[str, str]]:
        """The parts a query at the cap is split into: by province, then by stage; [] when it
        cannot be split further."""
        if "DEAL_PROVINCE" not in part and not self.ctx.options.province:
            return [{**part, "DEAL_PROVINCE": code} for code in ggzy_provinces()]
        if "DEAL_STAGE" not in part and len(self.ctx.settings.get("ggzy_stages") or []) != 1:
            return [{**part, "DEAL_STAGE": code} for code in ggzy_stages()]
        return []

    # -- the JSON list -----------------------------------------------------------------

    def parse_list(self, response: Response) -> Iterable[Request]:
        meta = response.meta
        window: Window = meta["window"]
        page: int = meta["page"]
        part: dict[str, str] = meta["part"]
        where = f"page {page}" + "".join(f", {k} {v}" for k, v in part.items())
        try:
            answer = json.loads(response.text)
        except ValueError:
            if not self.blocked_page(response, "json"):
                self.ctx.window_error(f"malformed JSON answer ({where}) at {response.url}; window left incomplete")
            return
        if not isinstance(answer, dict):
            self.layout_changed(response, "the list answer is not a JSON object")
            return
        code = answer.get("code")
        block = ggzy_code_block(code)
        if block:
            self.ctx.stop(BLOCKED, f"{block}: {answer.get('message', '')} ({where})")
            return
        if str(code) == "801":
            self.ctx.window_error(f"ggzy code 801 bad parameters ({where}): {answer.get('message', '')}")
            return
        if str(code) == "804":
            parts = self._narrower(part)
            if parts:
                self.list_page_read()
                yield from self._split(window, parts)
            else:
                self.ctx.window_error(f"ggzy code 804 refine the query ({where}) even split by province and stage")
            return
        data = answer.get("data")
        records = data.get("records") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(records, list):
            self.layout_changed(response, f"no data.records in the list answer (code {code!r})")
            return
        total = _int(data.get("total"))
        pages = _int(data.get("pages"))
        size = _int(data.get("size")) or 20
        if pages is None and total is not None:
            pages = -(-total // size)
        cap = int(self.ctx.settings["ggzy_cap"])
        if page == 1 and total is not None and total >= cap:
            parts = self._narrower(part)
            if parts:
                self.list_page_read(pages)
                yield from self._split(window, parts)
                return
            self.ctx.window_error(f"{total} records at the {cap} cap ({where}): only the first {cap} are listed")
        self.list_page_read(pages)
        keyword = self._keyword(window)
        if keyword and page == 1 and records and not any(
            _squash(keyword) in _squash(str(r.get("title", ""))) for r in records if isinstance(r, dict)
        ):
            self.logger.info("FINDTXT %r matched no title on %s: taken as the unfiltered list, skipped",
                             keyword, where)
            return
        for record in records:
            if not isinstance(record, dict) or not record.get("url"):
                continue
            url = self.link(response, str(record["url"]))
            key = str(record.get("id") or url)
            request = self.item_request(key, url, self.parse_shell)
            if request is not None:
                yield request
        limit = int(self.ctx.settings["max_pages"])
        if pages is not None and page < pages:
            if page >= limit:
                self.ctx.window_error(f"{pages} pages ({where}): only the first {limit} are read")
                return
            yield self._list_request(window, page + 1, part)

    def _split(self, window: Window, parts: list[dict[str, str]]) -> Iterable[Request]:
        self.logger.info("window %s at the cap: split into %d parts", window.label(), len(parts))
        for narrower in parts:
            yield self._list_request(window, 1, narrower)

    # -- shell and text pages ----------------------------------------------------------

    def parse_shell(self, response: Response) -> Iterable[Request]:
        links = self._b_links(response)
        key = response.meta["item_key"]
        if not links:
            if response.css("#mycontent"):
                self.save(response)
            else:
                self.layout_changed(response, "no /html/b/ link and no #mycontent in the notice shell")
            return
        tail = response.url.split("/html/a/", 1)[-1]
        same = [link for link in links if link.split("/html/b/", 1)[-1] == tail]
        if same:
            yield self.request(same[0], self.parse_text, priority=20, meta={"item_key": key})
            return
        # tabs of other stages: each text page is a notice; the shell is done when all are stored
        self._open_shells[key] = set(links)
        for link in links:
            yield self.request(link, self.parse_text, priority=20, meta={"item_key": f"{key} {link}",
                                                                          "shell_key": key, "link": link})

    def _b_links(self, response: Response) -> list[str]:
        found: list[str] = []
        candidates = response.css("a::attr(href)").getall() + _B_LINK.findall(response.text)
        for href in candidates:
            if "/html/b/" not in href:
                continue
            url = self.link(response, href)
            if url not in found:
                found.append(url)
        return found

    def parse_text(self, response: Response) -> Any:
        if not response.css("#mycontent") and self.blocked_page(response):
            return
        self.save(response)
        shell = response.meta.get("shell_key")
        if shell and shell in self._open_shells:
            self._open_shells[shell].discard(response.meta["link"])
            if not self._open_shells[shell]:
                del self._open_shells[shell]
                self.ctx.saver.mark_done(shell, response.url)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
