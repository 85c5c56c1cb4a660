"""What ``tenderwatch lists`` shows for each list version in force: how many entries, the newest
listing date in it, its age, and whether it is older than the threshold of ``meanings.yaml``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from tenderwatch.screen.entries import ListEntry, ListVersion
from tenderwatch.yamlfile import load_yaml


@dataclass(frozen=True, slots=True)
class ListSummary:
    version: ListVersion
    entries: int
    newest_listing: str  # the newest "date first listed" of its entries, "" when it carries none
    age_days: int | None  # days since the version's date (None: no readable date)
    stale: bool


@cache
def stale_after_days() -> int:
    text = resources.files("tenderwatch").joinpath("data", "lists", "meanings.yaml").read_text(encoding="utf-8")
    return int((load_yaml(text) or {}).get("stale_after_days", 45))


def _age(version_date: str, today: date) -> int | None:
    try:
        return (today - date.fromisoformat(version_date[:10])).days
    except ValueError:
        return None


def summarise(versions: Sequence[ListVersion], entries: Sequence[ListEntry], entry_version: Sequence[int],
              today: date | None = None) -> list[ListSummary]:
    """One summary per version, from the screener's entries (``entry_version[i]`` is the index of
    the version entry ``i`` came from)."""
    today = today or date.today()
    counts = [0] * len(versions)
    newest = [""] * len(versions)
    for entry, vi in zip(entries, entry_version, strict=True):
        counts[vi] += 1
        if entry.start_date > newest[vi]:
            newest[vi] = entry.start_date
    limit = stale_after_days()
    out: list[ListSummary] = []
    for vi, version in enumerate(versions):
        age = _age(version.date, today)
        out.append(ListSummary(version, counts[vi], newest[vi], age, age is not None and age > limit))
    return out
