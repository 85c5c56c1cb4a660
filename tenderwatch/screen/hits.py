"""A screening hit: the list entry a name matched, with the list, the date the party was first
listed, what the list means, and (for a given date) whether the party was listed on that date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tenderwatch.screen.listinfo import listed_on, listing_line, meaning_of


@dataclass(slots=True)
class ScreenHit:
    """One list entry a screened name matched: enough to re-check the finding later."""

    list_name: str
    list_version: str
    list_date: str
    entry_id: str
    entry_name: str
    score: float
    relation: str  # "match" | "part_of" | "affiliate"
    reasons: list[str] = field(default_factory=list)
    matched_name: str = ""  # which of the entry's names (or identifier) matched
    list_short: str = ""  # "Entity List", "SDN", "1260H" ...
    listed_since: str = ""  # date first listed, "" when unknown
    removed: str = ""  # date removed, "" while listed
    part_of: str = ""  # the listed party the matched name is a subordinate institution / subsidiary of
    citations: tuple[str, ...] = ()
    listed_on_date: bool | None = None  # on the date screened for (None: no date, or no listing date)

    def to_dict(self) -> dict[str, Any]:
        meaning = meaning_of(self.list_short)
        return {
            "list_name": self.list_name, "list_version": self.list_version, "list_date": self.list_date,
            "entry_id": self.entry_id, "entry_name": self.entry_name, "score": round(self.score, 4),
            "relation": self.relation, "reasons": list(self.reasons), "matched_name": self.matched_name,
            "list": self.list_short or self.list_name, "listed_since": self.listed_since or None,
            "listed_on_date": self.listed_on_date, "list_meaning": meaning.meaning if meaning else None,
            "list_effect": meaning.effect if meaning else None, "removed": self.removed or None,
            "part_of": self.part_of or None, "citations": list(self.citations),
        }


def dated(hits: list[ScreenHit], on: str | None) -> list[ScreenHit]:
    """Copies of ``hits`` for the date ``on`` (YYYY-MM-DD, YYYY-MM; None: today, no date known):
    entries removed by then are left out; each hit says whether the party was listed on ``on``
    and, first among its reasons, the listing in one line."""
    today = date.today().isoformat()
    out: list[ScreenHit] = []
    for hit in hits:
        if hit.removed and (on or today) >= hit.removed[: len(on or today)]:
            continue
        status = listed_on(hit.listed_since, hit.removed, on)
        line = listing_line(hit.list_short or hit.list_name, hit.listed_since, status, on, hit.removed)
        out.append(_dated_copy(hit, [line, *hit.reasons], status))
    return out


def _dated_copy(hit: ScreenHit, reasons: list[str], status: bool | None) -> ScreenHit:
    """``dataclasses.replace(hit, reasons=reasons, listed_on_date=status)`` without its per-call
    field introspection (a few microseconds a hit on the screening path; a test holds the two equal)."""
    return ScreenHit(hit.list_name, hit.list_version, hit.list_date, hit.entry_id, hit.entry_name, hit.score,
                     hit.relation, reasons, hit.matched_name, hit.list_short, hit.listed_since, hit.removed,
                     hit.part_of, hit.citations, status)
