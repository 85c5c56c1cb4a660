"""OFAC legacy CSV files (sdn.csv / add.csv / alt.csv / sdn_comments.csv and the cons_* set).

No header row, ``-0-`` for empty, a ``\\x1a`` EOF byte at the end, latin-1 bytes in places.
Remarks carry aliases (a.k.a. 'X') and Unified Social Credit Codes.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from tenderwatch.screen.entries import ListEntry, ListFormatError, find_usccs

_AKA = re.compile(r"\b(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*'([^']+)'", re.IGNORECASE)
_KINDS = {"": "entity", "individual": "individual", "vessel": "vessel", "aircraft": "aircraft"}
_LISTING_DATE = re.compile(r"Listing Date \([^)]*\):?\s*(\d{1,2} [A-Z][a-z]{2} \d{4})")
_PERSON = re.compile(r"^[A-Z'\- ]+, [A-Z][a-z]")  # OFAC writes individuals "SURNAME, Given"


def decode(data: bytes) -> str:
    data = data.rstrip(b"\x1a\r\n ").replace(b"\x1a", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def listing_date(remarks: str) -> str:
    """The earliest "Listing Date (PROGRAMME) 03 Jun 2021" in OFAC remarks, as YYYY-MM-DD ("" if none)."""
    dates: list[str] = []
    for text in _LISTING_DATE.findall(remarks):
        try:
            dates.append(datetime.strptime(text, "%d %b %Y").date().isoformat())
        except ValueError:
            continue
    return min(dates, default="")


def _val(cell: str) -> str:
    cell = cell.strip()
    return "" if cell == "-0-" else cell


def _rows(data: bytes, min_cols: int, what: str) -> list[list[str]]:
    rows = [[_val(c) for c in row] for row in csv.reader(io.StringIO(decode(data))) if row and any(row)]
    bad = [r for r in rows if len(r) < min_cols or not r[0].isdigit()]
    if bad and len(bad) > max(2, len(rows) // 100):
        raise ListFormatError(f"{what}: {len(bad)} of {len(rows)} rows are not OFAC legacy CSV rows (first: {bad[0][:3]})")
    return [r for r in rows if len(r) >= min_cols and r[0].isdigit()]


def parse_ofac(
    primary: bytes,
    list_name: str,
    alt: bytes | None = None,
    add: bytes | None = None,
    comments: bytes | None = None,
) -> list[ListEntry]:
    """Parse an OFAC primary file plus its optional add/alt/comments companions."""
    extra_remarks: dict[str, str] = {}
    if comments:
        for row in _rows(comments, 2, "comments file"):
            extra_remarks[row[0]] = extra_remarks.get(row[0], "") + " " + row[1]
    countries: dict[str, str] = {}
    if add:
        for row in _rows(add, 6, "address file"):
            if row[4] and row[0] not in countries:
                countries[row[0]] = row[4]
    alts: dict[str, list[str]] = {}
    if alt:
        for row in _rows(alt, 4, "alias file"):
            if row[3]:
                alts.setdefault(row[0], []).append(row[3])
    entries: list[ListEntry] = []
    for row in _rows(primary, 12, "primary file"):
        ent, name, kind, program = row[0], row[1], row[2].lower(), row[3]
        if not name:
            continue
        remarks = row[11] + extra_remarks.get(ent, "")
        aliases = list(dict.fromkeys([*alts.pop(ent, []), *_AKA.findall(remarks)]))
        entries.append(
            ListEntry(
                list_name=list_name,
                entry_id=ent,
                name=name,
                aliases=[a for a in aliases if a != name],
                identifiers=find_usccs(remarks),
                country=countries.get(ent, ""),
                kind=_KINDS.get(kind, kind or "entity"),
                programs=program,
                start_date=listing_date(remarks),
                remarks=remarks.strip(),
            )
        )
    # Alias rows of designations newer than the primary file (the bundled SDN primary file is older
    # than its alias file): the entry is known by its aliases only.
    for ent, names in alts.items():
        entries.append(ListEntry(
            list_name=list_name, entry_id=ent, name=names[0], aliases=names[1:], country=countries.get(ent, ""),
            kind="individual" if _PERSON.match(names[0]) else "entity",
            remarks="primary row missing from the primary file; known by its aliases",
        ))
    if not entries:
        raise ListFormatError("OFAC file holds no entries")
    return entries
