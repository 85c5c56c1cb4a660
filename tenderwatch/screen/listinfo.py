"""Which list an entry is on (short name), what that list means, and whether a party was listed
on a given date. The meanings are data: ``tenderwatch/data/lists/meanings.yaml``, one line and a
source per list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from tenderwatch.yamlfile import load_yaml


class ListInfoError(ValueError):
    """meanings.yaml is malformed."""


@dataclass(frozen=True, slots=True)
class ListMeaning:
    list: str  # short name: "Entity List", "SDN", ...
    names: tuple[str, ...]  # lower-case fragments of list / programme names that mean this list
    effect: str  # export | blocking | securities | designation | other
    meaning: str
    source: str


@cache
def meanings() -> tuple[ListMeaning, ...]:
    text = resources.files("tenderwatch").joinpath("data", "lists", "meanings.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    out: list[ListMeaning] = []
    for raw in (data or {}).get("lists") or []:
        try:
            out.append(ListMeaning(str(raw["list"]), tuple(str(n).lower() for n in raw["names"]), str(raw["effect"]),
                                   str(raw["meaning"]), str(raw["source"])))
        except (KeyError, TypeError) as exc:
            raise ListInfoError(f"meanings.yaml: entry without list/names/effect/meaning/source: {raw!r}") from exc
    if not out:
        raise ListInfoError("meanings.yaml holds no lists")
    return tuple(out)


@cache
def short_name(list_name: str, programs: str = "") -> str:
    """The short list name for an entry's list name and programme ("Entity List", "SDN" ...);
    the list name itself when no known list matches (a user list)."""
    text = f"{list_name} {programs}".lower()
    for item in meanings():
        if any(fragment in text for fragment in item.names):
            return item.list
    return list_name


@cache
def meaning_of(short: str) -> ListMeaning | None:
    return next((item for item in meanings() if item.list == short), None)


def listed_on(listed_since: str | None, removed: str | None, on: str | None) -> bool | None:
    """Was the party on the list on the date ``on`` ("YYYY-MM-DD", or "YYYY-MM" / "YYYY" when the
    day is unknown)? None when ``on`` or the listing date is unknown, or the precision of ``on``
    does not decide it (a notice of 2022-12 and a listing of 2022-12-16)."""
    if not on or not listed_since:
        return None
    width = len(on)
    since = listed_since[:width]
    if on < since:
        return False
    if on == since and width < len(listed_since):
        return None
    if removed:
        gone = removed[:width]
        if on > gone or (on == gone and width == len(removed)):
            return False
        if on == gone:
            return None
    return True


def listing_line(short: str, listed_since: str | None, listed: bool | None, on: str | None,
                 removed: str | None = None) -> str:
    """One sentence for a reader: "Entity List since 2022-12-16: listed later (after this date, 2022-03-01)"."""
    since = f"since {listed_since}" if listed_since else "listing date unknown"
    gone = f", removed {removed}" if removed else ""
    if listed is None:
        when = f" (date {on} too coarse to tell)" if on and listed_since else ""
        return f"{short} {since}{gone}{when}"
    if listed:
        return f"{short} {since}{gone}: listed on {on}"
    if removed and on and on >= removed[: len(on)]:
        return f"{short} {since}{gone}: no longer listed on {on}"
    return f"{short} {since}{gone}: listed later (after {on})"


_ON = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def check_on(text: str) -> str:
    """A date to screen for, as YYYY-MM-DD, YYYY-MM or YYYY; ValueError when it is not one."""
    text = text.strip()
    if not _ON.match(text):
        raise ValueError(f"{text!r}: give a date as YYYY-MM-DD (or YYYY-MM, YYYY)")
    with_day = text + "-01-01"[len(text) - 4:] if len(text) < 10 else text
    date.fromisoformat(with_day)  # 2024-02-30 raises
    return text
