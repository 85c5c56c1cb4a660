"""Saved searches -> new matches -> alerts in the outbox, in one transaction.

The config's ``[[search]]`` entries are saved in the store beside those saved from the
workbench (origin ``config``); one the config no longer names is stopped. Each round
every active search is run with the Leads page's own filter (``store/leads.py``); the
leads it matches for the first time get an alert and one outbox row per channel.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from tenderwatch.store.alertdata import alert_payload
from tenderwatch.store.db import Store, now_iso
from tenderwatch.store.searches import (
    NewMatch,
    list_searches,
    new_matches,
    record_matches,
    remove_search,
    save_search,
)
from tenderwatch.watch.config import SearchConfig
from tenderwatch.web.forms import filter_from_query, filter_query, lead_filter

log = logging.getLogger(__name__)


def sync_config_searches(store: Store, searches: Iterable[SearchConfig]) -> list[str]:
    """Save the config's searches in the store; stop config searches no longer in it.
    Returns a line per change for the log."""
    notes = []
    names = set()
    for spec in searches:
        f = lead_filter(spec.params())
        query = filter_query(f)
        names.add(spec.name)
        before = {s.name: s for s in list_searches(store, active_only=False)}.get(spec.name)
        saved, changed = save_search(store, spec.name, query, f, "config")
        if changed:
            if before is not None and before.origin == "workbench":
                notes.append(f"search {saved.name!r} saved in the workbench is now set by the config: {query or 'all leads'}")
            else:
                notes.append(f"search {saved.name!r} {'changed' if before else 'added'}: {query or 'all leads'}")
    for search in list_searches(store):
        if search.origin == "config" and search.name not in names:
            remove_search(store, search.id)
            notes.append(f"search {search.name!r} is no longer in the config: stopped")
    for note in notes:
        log.info("%s", note)
    return notes


def queue_new_matches(store: Store, channels: list[str]) -> int:
    """Find every active search's new leads and queue their alerts; return how many alerts."""
    stamp = now_iso()
    found: list[NewMatch] = []
    for search in list_searches(store):
        for doc_id, path in new_matches(store, search, filter_from_query(search.query)):
            match = NewMatch(search, doc_id, path, {})
            alert = alert_payload(store, doc_id, search.name, search.query, match.key, stamp)
            if alert is not None:
                match.alert = alert
                found.append(match)
    queued = record_matches(store, found, channels)
    if queued:
        log.info("%d new lead match(es) queued for %s", queued, ", ".join(channels) or "no channel")
    return queued
