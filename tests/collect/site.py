"""A loopback stand-in of the publishing sites, written from ../shared/reference/sources.md.

``Site`` holds notices (bodies from ../shared/corpus or written here) and answers the requests a
collector makes: the ccgp search (``/bxsearch``, Pager script), ccgp channel lists and notice
pages, the ggzy JSON list (form POST, the 1,000 cap, codes), ``/html/a/`` shells and
``/html/b/`` pages, the 政采云 category and detail JSON, and robots.txt. ``inject`` queues
answers for the next matching requests (blocks, 429 with Retry-After, 5xx, a truncated body,
malformed JSON, a changed layout). ``ReplayServer`` serves a ``Site`` on 127.0.0.1 and logs
every request it gets.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SHARED = Path(__file__).resolve().parents[3] / "shared"


@dataclass
class Notice:
    id: str
    day: date
    title: str
    body: bytes  # the notice page (HTML)
    province: str = "110000"
    channel: str = "dfgg/zbgg"
    encoding: str = "utf-8"

    def text(self) -> str:
        for enc in (self.encoding, "utf-8", "gb18030"):
            try:
                return self.body.decode(enc)
            except UnicodeDecodeError:
                continue
        return self.body.decode("utf-8", "replace")

    @property
    def ccgp_path(self) -> str:
        return f"/cggg/{self.channel}/{self.day:%Y%m}/t{self.day:%Y%m%d}_{self.id}.htm"

    @property
    def ggzy_tail(self) -> str:
        return f"{self.province}/0201/{self.day:%Y%m%d}/{self.id}.html"


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    truncate: bool = False  # promise more bytes than sent, then close


@dataclass
class Logged:
    method: str
    path: str
    query: dict[str, list[str]]
    body: bytes
    headers: dict[str, str]
    at: float


def small_notice(nid: str, day: date, title: str, text: str, **kw: str) -> Notice:
    body = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>"
            f"<div class=\"vF_detail_header\"><h2>{title}</h2><span id=\"pubTime\">{day:%Y年%m月%d日} 09:00</span></div>"
            f"<div class=\"vF_detail_content_container\"><div class=\"vF_detail_content\">{text}</div></div>"
            "</body></html>").encode()
    return Notice(nid, day, title, body, **kw)


def corpus_notice(nid: str, day: date, title: str, name: str, **kw: str) -> Notice:
    """A notice whose page is a file of ../shared/corpus (dev/ or real/)."""
    return Notice(nid, day, title, (SHARED / "corpus" / name).read_bytes(), **kw)


class Site:
    def __init__(self, notices: list[Notice] | None = None) -> None:
        self.notices: list[Notice] = list(notices or [])
        self.robots = "User-agent: *\nDisallow: /private/\n"
        self.queued: list[tuple[str, Answer]] = []  # (kind, answer) served to the next request of that kind
        self.log: list[Logged] = []
        self.ggzy_cap_over = 10**9  # more matches than this in an unsplit ggzy query: total says 1000
        self.ggzy_cap_in_province = False  # a province query without DEAL_STAGE is capped too
        self.ccgp_links = "mixed"  # absolute | relative | mixed | foreign (absolute to www.ccgp.gov.cn)
        self.port = 0
        self.lock = threading.Lock()

    def inject(self, kind: str, answer: Answer, times: int = 1) -> None:
        """Serve ``answer`` to the next ``times`` requests of ``kind`` (search, channel, notice,
        ggzy_list, shell, text, zcy_list, zcy_detail, robots) or, when it starts with "/", to
        requests whose path contains it."""
        with self.lock:
            self.queued += [(kind, answer)] * times

    def _take(self, kind: str, path: str) -> Answer | None:
        with self.lock:
            for i, (k, answer) in enumerate(self.queued):
                if k == kind or (k.startswith("/") and k in path):
                    del self.queued[i]
                    return answer
        return None

    def requests(self, kind: str | None = None) -> list[Logged]:
        return [r for r in self.log if kind is None or _kind(r.method, r.path) == kind]

    # -- dispatch --------------------------------------------------------------------------

    def answer(self, method: str, target: str, body: bytes, headers: dict[str, str]) -> Answer:
        parts = urlsplit(target)
        query = parse_qs(parts.query, keep_blank_values=True)
        self.log.append(Logged(method, parts.path, query, body, headers, time.time()))
        kind = _kind(method, parts.path)
        injected = self._take(kind, parts.path)
        if injected is not None:
            return injected
        handler: Callable[[dict[str, list[str]], bytes, str], Answer] | None = getattr(self, f"_{kind}", None)
        if handler is None:
            return Answer(404, b"<html><body>not found</body></html>", {"Content-Type": "text/html"})
        return handler(query, body, parts.path)

    def _robots(self, query: dict[str, list[str]], body: bytes, path: str) -> Answer:
        return Answer(200, self.robots.encode(), {"Content-Type": "text/plain"})

    def _find(self, path: str) -> Notice | None:
        for notice in self.notices:
            if path.endswith((notice.ccgp_path, notice.ggzy_tail, f"_{notice.id}.htm")):
                return notice
        return None

    # -- ccgp ------------------------------------------------------------------------------

    def _link(self, notice: Notice, n: int) -> str:
        style = self.ccgp_links if self.ccgp_links != "mixed" else ("absolute", "relative")[n % 2]
        if style == "relative":
            return notice.ccgp_path
        if style == "foreign":
            return "http://www.ccgp.gov.cn" + notice.ccgp_path
        return f"http://127.0.0.1:{self.port}{notice.ccgp_path}"

    def _search(self, query: dict[str, list[str]], body: bytes, path: str) -> Answer:
        kw = query.get("kw", [""])[0].casefold()
        start = _colon(query["start_time"][0])
        end = _colon(query["end_time"][0])
        page = int(query.get("page_index", ["1"])[0])
        hits = [n for n in self.notices
                if start <= n.day <= end and (kw in n.title.casefold() or kw in n.text().casefold())]
        hits.sort(key=lambda n: (n.day, n.id), reverse=True)
        pages = -(-len(hits) // 20)
        items = []
        for i, n in enumerate(hits[(page - 1) * 20: page * 20]):
            items.append(
                f'<li>\n  <a href="{self._link(n, i)}" style="line-height:18px" target="_blank">\n    {n.title}  </a>\n'
                f"  <p>{n.title} 摘要</p>\n  <span>{n.day:%Y.%m.%d} 09:30:00 | 采购人：某单位 | 代理机构：某代理"
                f"<br/><strong>中标公告</strong>|北京|<strong>货物</strong></span>\n</li>"
            )
        html = (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>搜索</title></head>'
            '<body><div class="vT-srch-result"><div class="vT-srch-result-list-con2"><div class="vT-srch-result-list">'
            f'<p>共找到 {len(hits)} 条内容</p><ul class="vT-srch-result-list-bid">{"".join(items)}</ul></div></div></div>'
            f"<p class=\"pager\"><script>Pager({{size: {pages}, current: {page - 1}, prefix: 'data2', suffix: 'htm'}});"
            "</script></p></body></html>"
        )
        return Answer(200, html.encode(), {"Content-Type": "text/html; charset=utf-8"})

    def _channel(self, query: dict[str, list[str]], body: bytes, path: str) -> Answer:
        match = re.match(r"/cggg/(\w+/\w+)/index(?:_(\d+))?\.htm$", path)
        assert match
        channel, page = match.group(1), int(match.group(2) or 0)
        items = sorted((n for n in self.notices if n.channel == channel), key=lambda n: (n.day, n.id), reverse=True)
        pages = max(1, -(-len(items) // 20))
        rows = "".join(
            f'<li><a href="{n.ccgp_path}" title="{n.title}">{n.title}</a><em rel="bxlx">中标公告</em>'
            f"<em>{n.day:%Y-%m-%d} 10:00</em><em>北京</em><em>某单位</em></li>"
            for n in items[page * 20: (page + 1) * 20]
        )
        html = (f'<html><head><meta charset="gbk"></head><body><ul class="c_list_bid">{rows}</ul>'
                f"<script>Pager({{size: {pages}, current: {page}, prefix: 'index', suffix: 'htm'}});</script>"
                "</body></html>")
        return Answer(200, html.encode("gbk"), {"Content-Type": "text/html"})

    def _notice(self, query: dict[str, list[str]], body: bytes, path: str) -> Answer:
        notice = self._find(path)
        if notice is None:
            return Answer(404, b"<html><body>404</body></html>", {"Content-Type": "text/html"})
        return Answer(200, notice.body, {"Content-Type": "text/html"})

    # -- ggzy ------------------------------------------------------------------------------

    def _ggzy_list(self, query: dict[str, list[str]], body: bytes, path: str) -> Answer:
        form = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
        if form.get("DEAL_TIME") != "06" or "TIMEBEGIN" not in form:
            return _json({"code": 801, "message": "参数错误", "data": None})
        start, end = date.fromisoformat(form["TIMEBEGIN"]), date.fromisoformat(form["TIMEEND"])
        text = form.get("FINDTXT", "").casefold()
        province = form.get("DEAL_PROVINCE")
        hits = [n for n in self.notices if start <= n.day <= end and (not province or n.province == province)]
        if text:
            filtered = [n for n in hits if text in n.title.casefold()]
            hits = filtered or hits  # the live site returns the unfiltered list when nothing matches
        hits.sort(key=lambda n: (n.day, n.id), reverse=True)
        stage = form.get("DEAL_STAGE")
        if stage and stage != "0201":  # every notice here is a 0201 notice
            hits = []
        unsplit = not province or (self.ggzy_cap_in_province and not stage)
        total = 1000 if (unsplit and len(hits) > self.ggzy_cap_over) else len(hits)
        page = int(form.get("PAGENUMBER", "1"))
        records = [
            {"id": n.id, "title": n.title, "publishTime": f"{n.day} 10:00:00", "provinceText": "北京",
             "transactionSourcesPlatformText": "平台", "businessTypeText": "政府采购",
             "informationType": "0201", "informationTypeText": "采购公告",
             "url": (f"/information/deal/html/a/{n.ggzy_tail}" if i % 2 else
                     f"http://127.0.0.1:{self.port}/information/deal/html/a/{n.ggzy_tail}")}
            for i, n in enumerate(hits[(page - 1) * 20: page * 20])
        ]
        pages = -(-total // 20)
        return _json({"code": 200, "message": "成功",
                      "data": {"records": records, "total": total, "size": 20, "current": page, "pages": pages}})

    def _shell(self, query: dict[str, list[str]], body: bytes, path: str) -> Answer:
        tail = path.split("/html/a/", 1)[1]
        html = ('<html><head><meta charset="utf-8"></head><body><ul class="tabs">'
                f'<li class="li_hover"><a href="javascript:void(0)" onclick="showDetail(this, \'0201\', '
                f"'/information/deal/html/b/{tail}')\">交易公告</a></li>"
                "</ul><iframe id=\"iframe\"></iframe></body></html>")
        return Answer(200, html.encode(), {"Content-Type": "text/html"})

    def _text(self, query: dict[str, list[str]], body: bytes, path: str) -> Answer:
        notice = self._find(path)
        if notice is None:
            return Answer(404, b"<html><body>404</body></html>", {"Content-Type": "text/html"})
        page = re.sub(rb"(<body[^>]*>)", rb'\1<div id="mycontent">', notice.body, count=1)
        return Answer(200, page, {"Content-Type": "text/html"})

    # -- zcy -------------------------------------------------------------------------------

    def _zcy_list(self, query: dict[str, list[str]], body: bytes, path: str) -> Answer:
        ask = json.loads(body)
        start = date.fromisoformat(ask["publishDateBegin"])
        end = date.fromisoformat(ask["publishDateEnd"])
        size, page = int(ask["pageSize"]), int(ask["pageNo"])
        hits = sorted((n for n in self.notices if start <= n.day <= end), key=lambda n: (n.day, n.id), reverse=True)
        data = [{"articleId": n.id, "title": n.title, "districtName": "浙江省本级",
                 "publishDate": int(datetime(n.day.year, n.day.month, n.day.day, 10).timestamp() * 1000)}
                for n in hits[(page - 1) * size: page * size]]
        return _json({"success": True, "result": {"data": {"total": len(hits), "data": data}}})

    def _zcy_detail(self, query: dict[str, list[str]], body: bytes, path: str) -> Answer:
        article = query.get("articleId", [""])[0]
        notice = next((n for n in self.notices if n.id == article), None)
        if notice is None:
            return _json({"success": False, "error": "not found"})
        return _json({"success": True, "result": {"data": {"title": notice.title, "content": notice.text()}}})


def _kind(method: str, path: str) -> str:
    if path == "/robots.txt":
        return "robots"
    if path.endswith("/bxsearch"):
        return "search"
    if re.search(r"/cggg/\w+/\w+/index(_\d+)?\.htm$", path):
        return "channel"
    if path.endswith("/getTradList"):
        return "ggzy_list"
    if "/html/a/" in path:
        return "shell"
    if "/html/b/" in path:
        return "text"
    if path.endswith("/portal/category"):
        return "zcy_list"
    if path.endswith("/portal/detail"):
        return "zcy_detail"
    if path.startswith("/cggg/"):
        return "notice"
    return "other"


def _colon(value: str) -> date:
    y, m, d = (int(x) for x in value.split(":"))
    return date(y, m, d)


def _json(data: object) -> Answer:
    return Answer(200, json.dumps(data, ensure_ascii=False).encode(), {"Content-Type": "application/json;charset=UTF-8"})


class ReplayServer:
    """Serve a :class:`Site` on 127.0.0.1 in a thread (``with ReplayServer(site) as url: ...``)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        handler = _handler(site)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        site.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{site.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            answer = site.answer(self.command, self.path, body, dict(self.headers.items()))
            self.send_response(answer.status)
            headers = {"Content-Type": "text/html"} | answer.headers
            for name, value in headers.items():
                self.send_header(name, value)
            declared = len(answer.body) + (5000 if answer.truncate else 0)
            self.send_header("Content-Length", str(declared))
            if answer.truncate:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(answer.body)
            self.wfile.flush()
            if answer.truncate:
                self.close_connection = True

        do_GET = _serve
        do_POST = _serve

    return Handler
