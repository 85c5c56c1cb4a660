"""Resolve and screen the parties a parsed notice names (buyer, agency, suppliers).

Runs after the per-document stages, inside the same pure function, so it also runs
unchanged on a Dask worker: the screener loads its list version once per process.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from tenderwatch.model import DocResult, Fact, PartyRecord

log = logging.getLogger(__name__)
_USCC = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")


def _screen_api() -> Any:
    try:
        from tenderwatch import screen
    except ImportError:  # pragma: no cover - screening package absent
        return None
    return screen if hasattr(screen, "get_screener") else None


def _facts(result: DocResult) -> list[tuple[str, Fact]]:
    notice = result.notice
    if notice is None:
        return []
    named: list[tuple[str, Fact]] = []
    if notice.buyer is not None and notice.buyer.value:
        named.append(("buyer", notice.buyer))
    if notice.agency is not None and notice.agency.value:
        named.append(("agency", notice.agency))
    named.extend(("supplier", fact) for fact in notice.suppliers if fact.value)
    return named


def resolve_parties(result: DocResult) -> None:
    """Fill ``result.parties`` with each named party, its class and its list hits."""
    if result.failure is not None:
        return
    api = _screen_api()
    screener = api.get_screener() if api is not None else None
    seen: set[tuple[str, str]] = set()
    for role, fact in _facts(result):
        name = str(fact.value).strip()
        if not name or (role, name) in seen:
            continue
        seen.add((role, name))
        key = api.party_key(name) if api is not None else name
        record = PartyRecord(role=role, name=name, key=key, start=fact.start, end=fact.end)
        if api is not None:
            record.party_class, record.class_reason = api.classify_party(name)
        if screener is not None:
            try:
                identifiers = _nearby_identifiers(result.text, fact)
                record.hits = [hit.to_dict() for hit in screener.screen(name, identifiers)]
            except Exception:  # screening must never stop a scan
                log.exception("screening %r failed", name)
        result.parties.append(record)


def _nearby_identifiers(text: str, fact: Fact, window: int = 160) -> list[str]:
    """Unified Social Credit Codes written close to where the party is named."""
    if fact.start < 0:
        return []
    chunk = text[max(0, fact.start - window // 4) : fact.end + window]
    return sorted(set(_USCC.findall(chunk)))
