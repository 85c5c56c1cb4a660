"""Resolve and screen the parties a parsed notice names (buyer, agency, suppliers).

Runs after the per-document stages, inside the same pure function, so it also runs
unchanged on a Dask worker: the screener loads its list version once per process.
"""

from __future__ import annotations

import logging
import re

from tenderwatch.model import DocResult, Fact, PartyRecord

log = logging.getLogger(__name__)


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
    # organisations a news item or other non-buyer page names: context for the parties' pages
    named.extend(("mention", fact) for fact in notice.mentions if fact.value)
    return named


def resolve_parties(result: DocResult) -> None:
    """Fill ``result.parties`` with each named party, its class and its list hits, screened for the
    notice's date: each hit says whether the party was listed on that date (``listed_on_date``)."""
    if result.failure is not None:
        return
    named = _facts(result)
    if not named:
        return
    # the screening stack (transliteration, list index) is loaded when the first party is screened
    from tenderwatch.screen import classify_party, get_screener, party_key

    screener = get_screener()
    on = _notice_date(result)
    seen: set[tuple[str, str]] = set()
    starts = [fact.start for _, fact in named if fact.start >= 0]
    for role, fact in named:
        name = str(fact.value).strip()
        if not name or (role, name) in seen:
            continue
        seen.add((role, name))
        record = PartyRecord(role=role, name=name, key=party_key(name), start=fact.start, end=fact.end)
        record.party_class, record.class_reason = classify_party(name)
        try:
            identifiers = _nearby_identifiers(result.text, fact, starts)
            record.hits = [hit.to_dict() for hit in screener.screen(name, identifiers, on=on)]
        except Exception:  # screening must never stop a scan
            log.exception("screening %r failed", name)
        result.parties.append(record)


_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _notice_date(result: DocResult) -> str | None:
    """The notice's date as YYYY-MM-DD or YYYY-MM, or None when it has none."""
    fact = result.notice.notice_date if result.notice is not None else None
    value = str(fact.value).strip() if fact is not None and fact.value else ""
    return value if _DATE.match(value) else None


_CODE_LINE = re.compile(r"\s*(?:统一社会信用代码|社会信用代码|信用代码|USCC|Unified Social Credit Code)", re.I)


def _nearby_identifiers(text: str, fact: Fact, starts: list[int]) -> list[str]:
    """Valid Unified Social Credit Codes after the party's name on its line (up to the next
    party named there), or on the next line when that is a credit-code line of its own."""
    from tenderwatch.screen.entries import find_usccs

    if fact.start < 0:
        return []
    begin = fact.start
    end = text.find("\n", fact.end)
    end = len(text) if end < 0 else end
    later = [s for s in starts if fact.start < s < end]
    if later:
        return sorted(set(find_usccs(text[begin : min(later)])))
    following = text.find("\n", end + 1)
    following = len(text) if following < 0 else following
    if end < len(text) and _CODE_LINE.match(text, end + 1):
        end = following
    return sorted(set(find_usccs(text[begin:end])))
