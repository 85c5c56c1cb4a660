"""List entries and list versions: what a screening hit points back to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_USCC_TEXT = re.compile(r"(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Z])")


class ListFormatError(ValueError):
    """A list file could not be parsed (the message says why)."""


@dataclass(slots=True)
class ListEntry:
    """One party on a restricted-party list."""

    list_name: str  # "OFAC SDN", "BIS Entity List" ...
    entry_id: str  # the list's own id (OFAC ent_num, CSL _id, FtM id) or a stable row id
    name: str
    aliases: list[str] = field(default_factory=list)
    identifiers: list[str] = field(default_factory=list)  # normalised (USCC upper-case, no spaces)
    country: str = ""
    kind: str = "entity"  # entity | individual | vessel | aircraft
    programs: str = ""
    start_date: str = ""  # the date the party was first listed (YYYY-MM-DD), "" when unknown
    end_date: str = ""  # the date it was removed, "" while listed
    source_url: str = ""
    list_short: str = ""  # "Entity List", "MEU List", "SDN", "Non-SDN", "NS-CMIC", "1260H" ... (listinfo.py)
    addresses: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)  # Federal Register citations, first = the addition
    subunits: list[str] = field(default_factory=list)  # subordinate institutions folded into this entry
    part_of: str = ""  # the listed party this entry is a subordinate institution of
    remarks: str = ""  # licence requirement, notes

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass(slots=True)
class ListVersion:
    """One loaded list file set: where it came from and as of when."""

    source: str  # store key: ofac_sdn, ofac_cons, bis_entity_list_cn_partial, trade_gov_csl, ...
    title: str
    version: str  # e.g. bundled-2025-02-27 or 20261127T121500Z
    date: str  # as-of date of the data
    origin: str  # URL or file it was read from
    sha256: str
    entries: int = 0
    partial: bool = False
    note: str = ""
    files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "title": self.title, "version": self.version, "date": self.date,
            "origin": self.origin, "sha256": self.sha256, "entries": self.entries, "partial": self.partial,
            "note": self.note, "files": list(self.files),
        }


def normalise_identifier(value: str) -> str:
    return re.sub(r"[\s\-]", "", value).upper()


def find_usccs(text: str) -> list[str]:
    """Valid Unified Social Credit Codes (GB 32100-2015 check character) in free text."""
    found = _USCC_TEXT.findall(text.upper())
    if not found:
        return []
    from stdnum.cn import uscc  # here: python-stdnum imports pydoc and ssl (7 ms of a start)

    return [m for m in found if uscc.is_valid(m)]
