"""The review workbench: a server-rendered Starlette app over a scan store.

Routes: ``/`` Overview, ``/leads`` Leads (``/leads.csv``, ``/leads.xlsx``: exactly the filtered
list), ``/notice/{id}`` Notice, ``/party/{id}`` Party, ``/reviews`` the audit trail, ``POST /review``
record a decision, ``POST /review/bulk`` one decision for several leads, ``/watch`` saved searches
and alert channels, ``POST /searches`` save a search (``/remove`` stop one), ``/feed.atom`` the
alerts as Atom (``web/watchpages.py``), ``/notice/{id}/archived`` the archived response
of a fetched notice and ``/fetch/{id}`` an older fetch of it, both as escaped text, ``/fetch/{id}/body``
its bytes as a download, ``/static/style.css``. No JavaScript; every page works offline.
"""

from __future__ import annotations

import io
import logging
import tempfile
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from tenderwatch.report.export import write_csv, write_xlsx
from tenderwatch.store.archived import archived_bytes, archived_copy, archived_fetch
from tenderwatch.store.db import Store
from tenderwatch.store.leads import REVIEW_STATUSES, RULE_STATUSES, facets, lead_ids, query_leads
from tenderwatch.store.notices import notice_detail
from tenderwatch.store.overview import cached_overview
from tenderwatch.store.partyq import party_detail
from tenderwatch.store.queries import rows_by_id
from tenderwatch.store.readlimit import QueryTimeout
from tenderwatch.store.reviews import ReviewError, add_review, add_reviews, recent_reviews
from tenderwatch.web import watchpages
from tenderwatch.web.forms import filter_query, lead_filter, valid_date
from tenderwatch.web.highlight import segments
from tenderwatch.web.security import CSRF_COOKIE, SECURITY_HEADERS, SecurityHeaders, new_csrf, origin_ok, same

log = logging.getLogger(__name__)
T = TypeVar("T")
HERE = Path(__file__).parent
MAX_BODY = 64 * 1024  # a review form is small
STATUS_LABELS = {"confirmed": "confirmed", "dismissed": "dismissed", "follow_up": "needs follow-up"}
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id names nothing
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _id(request: Request, name: str) -> int | None:
    value = int(request.path_params[name])
    return value if 0 <= value <= MAX_ID else None


def _money(value: Any, digits: int = 0) -> str:
    if value is None:
        return ""
    return f"{float(value):,.{digits}f}"


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )
    env.filters["money"] = _money
    env.globals["STATUS_LABELS"] = STATUS_LABELS
    env.globals["REVIEW_STATUSES"] = REVIEW_STATUSES
    return env


class Workbench:
    """Holds the store connection and the settings; one instance per app."""

    def __init__(self, db_path: str, token: str | None, writes_need_token: bool) -> None:
        self.db_path = db_path
        self.token = token
        self.writes_need_token = writes_need_token
        self.templates = Jinja2Templates(env=_env())
        self.lock = threading.Lock()
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store

    def render(self, request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
        csrf = request.cookies.get(CSRF_COOKIE) or new_csrf()
        context = {"csrf": csrf, "need_token": self.writes_need_token, "path": request.url.path, **context}
        response = self.templates.TemplateResponse(request, name, context, status_code=status)
        if request.cookies.get(CSRF_COOKIE) != csrf:
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/")
        return response

    def error(self, request: Request, status: int, message: str) -> Response:
        return self.render(request, "error.html", {"title": "Error", "message": message}, status)

    def lookup(self, request: Request, find: Callable[[Store, int], T | None], param: str, what: str) -> T | Response:
        """``find(store, id)`` for the id in path parameter ``param``, under the lock; an error
        page when the id is out of range, the query times out or nothing is found."""
        number = _id(request, param)
        if number is None:
            return self.error(request, 404, f"no such {what}")
        try:
            with self.lock:
                found = find(self.store, number)
        except QueryTimeout as exc:
            return self.error(request, 503, str(exc))
        return self.error(request, 404, f"no {what} {number}") if found is None else found

    # -- pages ------------------------------------------------------------------------

    async def overview(self, request: Request) -> Response:
        date_from = valid_date(request.query_params.get("date_from", ""))
        date_to = valid_date(request.query_params.get("date_to", ""))
        try:
            with self.lock:
                data = cached_overview(self.store, date_from, date_to)
        except QueryTimeout as exc:
            return self.error(request, 503, str(exc))
        return self.render(request, "overview.html", {"title": "Overview", "o": data})

    async def leads(self, request: Request) -> Response:
        filters = lead_filter(request.query_params)
        try:
            with self.lock:
                page = query_leads(self.store, filters)
                options = facets(self.store)
        except QueryTimeout as exc:
            return self.error(request, 503, f"{exc}; narrow the filters or the search")

        def link(**changes: Any) -> str:
            params = {k: v for k, v in request.query_params.items() if k not in changes and k != "page"}
            params.update({k: str(v) for k, v in changes.items() if v not in (None, "")})
            return "/leads?" + urlencode(params)

        query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "msg"])
        return self.render(request, "leads.html", {
            "title": "Leads", "page": page, "f": filters, "options": options, "link": link, "query": query,
            "message": request.query_params.get("msg", "")[:300],
            "saved_query": filter_query(filters), "rule_statuses": RULE_STATUSES,
        })

    async def leads_export(self, request: Request) -> Response:
        """The filtered Leads list (every page, in its order) as CSV or XLSX export rows."""
        fmt = request.path_params["fmt"]
        if fmt not in ("csv", "xlsx"):
            return self.error(request, 404, f"no export format {fmt!r}: use leads.csv or leads.xlsx")
        filters = lead_filter(request.query_params)
        try:
            with self.lock:
                rows = rows_by_id(self.store, lead_ids(self.store, filters, seconds=30.0))
        except QueryTimeout as exc:
            return self.error(request, 503, f"{exc}; narrow the filters or the search")
        disposition = {"content-disposition": f'attachment; filename="leads.{fmt}"'}
        if fmt == "csv":
            out = io.StringIO()
            write_csv(rows, out)
            return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=disposition)
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as tmp:
            write_xlsx(rows, tmp.name)
            data = Path(tmp.name).read_bytes()
        return Response(data, media_type=XLSX, headers=disposition)

    async def notice(self, request: Request) -> Response:
        detail = self.lookup(request, notice_detail, "doc_id", "notice")
        if isinstance(detail, Response):
            return detail
        spans = [(f["id"], m["span"][0], m["span"][1]) for f in detail["findings"]
                 for m in (f["mentions"] or [{"span": [f["start"], f["end"]]}])]
        segs, bad = segments(detail["notice"]["text"], spans)
        title = detail["notice"]["title"] or detail["notice"]["path"]
        return self.render(request, "notice.html", {
            "title": title, "d": detail, "n": detail["notice"], "segments": segs, "bad_spans": bad,
            "message": request.query_params.get("msg", "")[:200],
        })

    async def archived(self, request: Request) -> Response:
        """What the server sent for a fetched notice (or one older fetch of it), as inert text."""
        if "fetch_id" in request.path_params:
            copy = self.lookup(request, archived_fetch, "fetch_id", "fetch")
        else:
            copy = self.lookup(request, archived_copy, "doc_id", "notice")
        if isinstance(copy, Response):
            return copy
        title = f"Archived copy · {copy['doc']['title'] or copy['doc']['path']}"
        return self.render(request, "archived.html", {"title": title, "a": copy})

    async def archived_body(self, request: Request) -> Response:
        """The archived bytes of one fetch, as a download (never shown as a page)."""
        found = self.lookup(request, archived_bytes, "fetch_id", "archived body of fetch")
        if isinstance(found, Response):
            return found
        data, name = found
        return Response(data, media_type="application/octet-stream",
                        headers={"content-disposition": f'attachment; filename="{name}"'})

    async def party(self, request: Request) -> Response:
        detail = self.lookup(request, party_detail, "party_id", "party")
        if isinstance(detail, Response):
            return detail
        return self.render(request, "party.html", {"title": detail["party"]["name"], "p": detail})

    async def reviews(self, request: Request) -> Response:
        with self.lock:
            trail = recent_reviews(self.store, 200)
        return self.render(request, "reviews.html", {"title": "Review", "trail": trail})

    async def write_form(self, request: Request) -> dict[str, str] | Response:
        """The fields of a POSTed form that may change the store, or the error page when the
        request comes from another site, lacks the CSRF token or the operator token."""
        if not origin_ok(request.headers):
            return self.error(request, 403, "request from another site refused")
        form = await request.form()
        fields = {k: str(v) for k, v in form.items() if isinstance(v, str)}
        if not same(fields.get("csrf"), request.cookies.get(CSRF_COOKIE)):
            return self.error(request, 403, "missing or stale form token: reload the page and try again")
        if self.writes_need_token:
            offered = fields.get("token") or request.headers.get("x-tenderwatch-token")
            if not same(offered, self.token):
                return self.error(request, 403, "this server needs the operator token for changes")
        return fields

    async def review_bulk(self, request: Request) -> Response:
        """One decision and note for the leads ticked on the Leads page; back to the same list."""
        fields = await self.write_form(request)
        if isinstance(fields, Response):
            return fields
        ids = [str(v) for v in (await request.form()).getlist("ids") if isinstance(v, str)]  # the parsed form, again
        back = fields.get("back", "")[:2000]
        if not ids:
            return RedirectResponse("/leads?" + urlencode([*_pairs(back), ("msg", "no lead ticked: nothing changed")]),
                                    status_code=303)
        try:
            targets = [int(i) for i in ids if len(i) <= 18]
            with self.lock:
                done = add_reviews(self.store, targets, fields.get("status", ""), fields.get("note", ""),
                                   fields.get("who", "") or "reviewer")
        except ValueError as exc:  # ReviewError, or an id that is not a number
            return self.error(request, 400, str(exc))
        label = STATUS_LABELS.get(done[0].status, done[0].status)
        message = f"{len(done)} {'lead' if len(done) == 1 else 'leads'} marked {label}"
        return RedirectResponse("/leads?" + urlencode([*_pairs(back), ("msg", message)]) + "#flash", status_code=303)

    async def review(self, request: Request) -> Response:
        fields = await self.write_form(request)
        if isinstance(fields, Response):
            return fields
        try:
            target_id = int(fields.get("target_id", ""))
            if not 0 <= target_id <= MAX_ID:
                raise ValueError(target_id)
        except ValueError:
            return self.error(request, 400, "target_id must be a number")
        try:
            with self.lock:
                done = add_review(
                    self.store, fields.get("target_type", ""), target_id, fields.get("status", ""),
                    fields.get("note", ""), fields.get("who", "") or "reviewer",
                )
        except ReviewError as exc:
            return self.error(request, 400, str(exc))
        label = STATUS_LABELS.get(done.status, done.status)
        query = urlencode({"msg": f"{done.target_type} {done.target_id} marked {label}"})
        return RedirectResponse(f"/notice/{done.doc_id}?{query}#reviews", status_code=303)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _pairs(query: str) -> list[tuple[str, str]]:
    return [(k, v) for k, v in parse_qsl(query) if k != "msg"]


def create_app(
    db_path: str | Path,
    token: str | None = None,
    writes_need_token: bool = False,
    allowed_hosts: list[str] | None = None,
) -> Starlette:
    """The workbench ASGI app over the store at ``db_path``.

    ``writes_need_token``: every POST must carry ``token`` (set it when not bound to loopback).
    ``allowed_hosts``: refuse other ``Host`` headers (DNS rebinding); None accepts any."""
    if writes_need_token and not token:
        raise ValueError("writes need a token but none was given")
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no scan store at {db_path}")
    bench = Workbench(str(db_path), token, writes_need_token)
    routes = [
        Route("/", bench.overview),
        Route("/leads", bench.leads),
        Route("/leads.{fmt:str}", bench.leads_export),
        Route("/notice/{doc_id:int}", bench.notice),
        Route("/notice/{doc_id:int}/archived", bench.archived),
        Route("/fetch/{fetch_id:int}", bench.archived),
        Route("/fetch/{fetch_id:int}/body", bench.archived_body),
        Route("/party/{party_id:int}", bench.party),
        Route("/reviews", bench.reviews),
        Route("/review", bench.review, methods=["POST"]),
        Route("/review/bulk", bench.review_bulk, methods=["POST"]),
        Route("/watch", partial(watchpages.watch_page, bench)),
        Route("/searches", partial(watchpages.save, bench), methods=["POST"]),
        Route("/searches/remove", partial(watchpages.remove, bench), methods=["POST"]),
        Route("/feed.atom", partial(watchpages.feed, bench)),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        bench.close()

    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path, exc_info=exc)
        # outside the middleware stack: the security headers are added here
        return HTMLResponse("<!doctype html><title>Error</title><p>internal error; see the server log</p>",
                            status_code=500, headers=SECURITY_HEADERS)

    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan, max_body_size=MAX_BODY,
                    exception_handlers={Exception: crashed})
    app.state.bench = bench
    return app
