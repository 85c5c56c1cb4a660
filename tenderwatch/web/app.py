"""The review workbench: a server-rendered Starlette app over a scan store.

Routes: ``/`` Overview, ``/leads`` Leads, ``/notice/{id}`` Notice, ``/party/{id}``
Party, ``/reviews`` the audit trail, ``POST /review`` record a decision, ``/watch``
saved searches and alert channels, ``POST /searches`` save a search (``/remove`` stop
one), ``/feed.atom`` the alerts as Atom (``web/watchpages.py``), ``/static/style.css``. No JavaScript; every page works offline.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from tenderwatch.store.db import Store
from tenderwatch.store.leads import REVIEW_STATUSES, RULE_STATUSES, facets, query_leads
from tenderwatch.store.notices import notice_detail
from tenderwatch.store.overview import cached_overview
from tenderwatch.store.partyq import party_detail
from tenderwatch.store.readlimit import QueryTimeout
from tenderwatch.store.reviews import ReviewError, add_review, recent_reviews
from tenderwatch.web import watchpages
from tenderwatch.web.forms import filter_query, lead_filter, valid_date
from tenderwatch.web.highlight import segments
from tenderwatch.web.security import CSRF_COOKIE, SecurityHeaders, new_csrf, origin_ok, same

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
MAX_BODY = 64 * 1024  # a review form is small
STATUS_LABELS = {"confirmed": "confirmed", "dismissed": "dismissed", "follow_up": "needs follow-up"}


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

        return self.render(request, "leads.html", {
            "title": "Leads", "page": page, "f": filters, "options": options, "link": link,
            "saved_query": filter_query(filters), "rule_statuses": RULE_STATUSES,
        })

    async def notice(self, request: Request) -> Response:
        doc_id = int(request.path_params["doc_id"])
        try:
            with self.lock:
                detail = notice_detail(self.store, doc_id)
        except QueryTimeout as exc:
            return self.error(request, 503, str(exc))
        if detail is None:
            return self.error(request, 404, f"no notice {doc_id}")
        spans = [(f["id"], f["start"], f["end"]) for f in detail["findings"]]
        segs, bad = segments(detail["notice"]["text"], spans)
        title = detail["notice"]["title"] or detail["notice"]["path"]
        return self.render(request, "notice.html", {
            "title": title, "d": detail, "n": detail["notice"], "segments": segs, "bad_spans": bad,
            "message": request.query_params.get("msg", "")[:200],
        })

    async def party(self, request: Request) -> Response:
        party_id = int(request.path_params["party_id"])
        try:
            with self.lock:
                detail = party_detail(self.store, party_id)
        except QueryTimeout as exc:
            return self.error(request, 503, str(exc))
        if detail is None:
            return self.error(request, 404, f"no party {party_id}")
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

    async def review(self, request: Request) -> Response:
        fields = await self.write_form(request)
        if isinstance(fields, Response):
            return fields
        try:
            target_id = int(fields.get("target_id", ""))
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
        Route("/notice/{doc_id:int}", bench.notice),
        Route("/party/{party_id:int}", bench.party),
        Route("/reviews", bench.reviews),
        Route("/review", bench.review, methods=["POST"]),
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
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan, max_body_size=MAX_BODY)
    app.state.bench = bench
    return app
