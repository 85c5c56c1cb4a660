"""Alerts as people read them: a subject line, a plain-text body, and an Atom feed.

An alert (``store/alertdata.py``) holds links relative to the workbench; ``base_url`` is
the workbench's address as the reader reaches it (from the watch config, or the address
a feed was requested on). The Atom feed is written by feedgen: each alert one entry,
its id ``urn:tenderwatch:alert:KEY``, stable across rewrites and resends.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from tenderwatch.store.alertdata import sought_text

FEED_ID = "urn:tenderwatch:alerts"
# characters XML 1.0 cannot carry (a notice's text may hold them)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def absolute(base_url: str, link: str | None) -> str | None:
    """A workbench link (``/notice/ID``) made absolute."""
    return base_url.rstrip("/") + link if link else None


def http_link(link: str | None) -> str | None:
    """An original URL, only when it is http(s) (a feed reader must not get ``javascript:``)."""
    return link if link and link.lower().startswith(("http://", "https://")) else None


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def alert_title(alert: dict[str, Any]) -> str:
    notice = alert.get("notice") or {}
    buyer = notice.get("buyer") or "unknown buyer"
    return f"[{alert['search']['name']}] {buyer}: {sought_text(alert)}"


def _amount(value: Any) -> str:
    return "" if value is None else f"{float(value):,.0f} CNY"


def alert_text(alert: dict[str, Any], base_url: str) -> str:
    """The plain-text body of one alert."""
    notice = alert.get("notice") or {}
    evidence = alert.get("evidence") or {}
    links = alert.get("links") or {}
    lines = [
        f"New lead for the saved search \"{alert['search']['name']}\".",
        "",
        f"Notice:      {notice.get('title') or notice.get('path')}",
        f"Date:        {notice.get('date') or 'not found'}  ({notice.get('type') or 'type not found'})",
        f"Buyer:       {notice.get('buyer') or 'not found'}"
        + (f"  [{notice['buyer_class']}]" if notice.get("buyer_class") else ""),
        f"Sought:      {sought_text(alert)}",
        f"Rule status: {alert.get('rule_status_text') or 'rule status not assessed'}",
    ]
    if evidence.get("control_status"):
        lines.append(f"Rule:        {evidence['control_status']}")
    if notice.get("suppliers"):
        lines.append(f"Suppliers:   {'; '.join(notice['suppliers'])}")
    if notice.get("amount_cny") is not None:
        lines.append(f"Amount:      {_amount(notice['amount_cny'])}")
    for hit in alert.get("listed") or []:
        since = f", listed since {hit['listed_since']}" if hit.get("listed_since") else ""
        lines.append(f"Listed:      {hit.get('role')} {hit.get('name')} ~ {hit.get('entry')} ({hit.get('list')}{since})")
    if evidence.get("sentence"):
        lines += ["", "Evidence:", f"  {evidence['sentence']}"]
    lines += ["", f"Workbench:   {absolute(base_url, links.get('workbench'))}"]
    lines.append(f"Original:    {links.get('original') or '(no URL: read from ' + str(notice.get('path')) + ')'}")
    lines += ["", str(alert.get("lead_notice") or ""), f"Alert id: {alert.get('id')}"]
    return "\n".join(lines) + "\n"


def _when(text: Any) -> datetime:
    try:
        return datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=UTC)


class _EntryLinks(BaseEntryExtension):  # type: ignore[misc]
    """An entry's links with their ``rel``: feedgen 1.0.0 drops the ``rel`` (and type) of entry
    links when it writes Atom, which turns a "via" link into a second "alternate" link, which
    RFC 4287 forbids. This writes them itself."""

    def __init__(self) -> None:
        self.links: list[tuple[str, str]] = []  # (rel, href)

    def extend_atom(self, entry: Any) -> Any:
        for rel, href in self.links:
            xml_elem("link", entry, href=href, rel=rel)
        return entry


def atom_feed(alerts: list[dict[str, Any]], base_url: str, self_url: str, *, search: str | None = None,
              title: str = "tenderwatch alerts") -> bytes:
    """An Atom 1.0 document with one entry per alert (given newest first); ``search``: the
    feed of one saved search (its own feed id)."""
    fg = FeedGenerator()
    fg.register_extension("links", BaseExtension, _EntryLinks, atom=True, rss=False)
    fg.id(FEED_ID + (f":search:{_xml(search)}" if search else ""))
    fg.title(_xml(f"{title}: {search}" if search else title))
    fg.author({"name": "tenderwatch"})
    fg.link(href=self_url, rel="self")
    fg.link(href=base_url.rstrip("/") + "/leads", rel="alternate")
    fg.subtitle("New leads matching saved searches. A lead is not proof of a violation.")
    fg.generator("tenderwatch")
    newest = max((_when(a.get("matched_at")) for a in alerts), default=datetime(1970, 1, 1, tzinfo=UTC))
    fg.updated(newest)
    for alert in alerts:
        links = alert.get("links") or {}
        entry = fg.add_entry(order="append")
        entry.id(f"urn:tenderwatch:alert:{alert['id']}")
        entry.title(_xml(alert_title(alert)))
        entry.updated(_when(alert.get("matched_at")))
        entry.published(_when(alert.get("matched_at")))
        workbench = absolute(base_url, links.get("workbench"))
        if workbench:
            entry.links.links.append(("alternate", _xml(workbench)))
        original = http_link(links.get("original"))
        if original:
            entry.links.links.append(("via", _xml(original)))
        entry.category(term=_xml(str(alert["search"]["name"])))
        entry.content(_xml(alert_text(alert, base_url)), type="text")
    return bytes(fg.atom_str(pretty=True))
