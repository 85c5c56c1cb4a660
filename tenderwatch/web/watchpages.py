"""The workbench's side of the watch: save the Leads page's filters as a search, the Watch
page (saved searches, channel health, recent rounds) and the Atom feed of alerts.

The watch itself (``tenderwatch watch``) runs apart from ``serve``; both meet in the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from tenderwatch.report.alerts import atom_feed
from tenderwatch.store.outbox import (
    channel_status,
    delivery_counts,
    recent_alerts,
    recent_rounds,
    search_counts,
)
from tenderwatch.store.searches import SearchError, get_search, list_searches, remove_search, save_search
from tenderwatch.web.forms import filter_from_query, filter_query

if TYPE_CHECKING:
    from tenderwatch.web.app import Workbench

FEED_ENTRIES = 200


async def watch_page(bench: Workbench, request: Request) -> Response:
    with bench.lock:
        store = bench.store
        searches = list_searches(store, active_only=False)
        context: dict[str, Any] = {
            "title": "Watch", "searches": [s for s in searches if s.active],
            "stopped": [s for s in searches if not s.active], "counts": search_counts(store),
            "channels": channel_status(store), "deliveries": delivery_counts(store),
            "rounds": recent_rounds(store, 10), "message": request.query_params.get("msg", "")[:200],
        }
    return bench.render(request, "watch.html", context)


async def save(bench: Workbench, request: Request) -> Response:
    fields = await bench.write_form(request)
    if isinstance(fields, Response):
        return fields
    lead_filter = filter_from_query(fields.get("query", ""))
    query = filter_query(lead_filter)  # canonical: filters only, in a fixed order
    try:
        with bench.lock:
            saved, changed = save_search(bench.store, fields.get("name", ""), query, lead_filter, "workbench")
    except SearchError as exc:
        return bench.error(request, 400, str(exc))
    what = "saved" if changed else "was already saved"
    msg = f"search {saved.name!r} {what}: the watch alerts on new leads it matches from its next round"
    return RedirectResponse("/watch?" + urlencode({"msg": msg}), status_code=303)


async def remove(bench: Workbench, request: Request) -> Response:
    fields = await bench.write_form(request)
    if isinstance(fields, Response):
        return fields
    try:
        search_id = int(fields.get("search_id", ""))
    except ValueError:
        return bench.error(request, 400, "search_id must be a number")
    with bench.lock:
        gone = remove_search(bench.store, search_id)
    if gone is None:
        return bench.error(request, 404, f"no saved search {search_id}")
    msg = f"search {gone.name!r} stopped; its unsent alerts are cancelled"
    return RedirectResponse("/watch?" + urlencode({"msg": msg}), status_code=303)


async def feed(bench: Workbench, request: Request) -> Response:
    """``/feed.atom``: the newest alerts of every search, or of ``?search=NAME``."""
    name = request.query_params.get("search", "")[:200] or None
    base = str(request.base_url).rstrip("/")
    with bench.lock:
        if name is not None and get_search(bench.store, name) is None:
            return bench.error(request, 404, f"no saved search {name!r}")
        alerts = recent_alerts(bench.store, name, FEED_ENTRIES)
    self_url = base + "/feed.atom" + ("?" + urlencode({"search": name}) if name else "")
    body = atom_feed(alerts, base, self_url, search=name)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
