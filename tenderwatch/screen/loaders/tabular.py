"""trade.gov Consolidated Screening List (CSV and JSON), the partial Entity List transcription
shipped with tenderwatch, and the plain user CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from tenderwatch.screen.entries import ListEntry, ListFormatError, find_usccs, normalise_identifier
from tenderwatch.screen.loaders.ofac import decode

CSL_COLUMNS = {"_id", "source", "name", "alt_names"}
ENTITY_PARTIAL_COLUMNS = {"name", "alt_names", "name_zh", "fr_citation", "source_url"}
USER_COLUMNS = {"name", "aliases", "list", "country", "identifiers", "start date", "source"}


def _split(value: str, seps: tuple[str, ...] = (";", "|")) -> list[str]:
    parts = [value]
    for sep in seps:
        parts = [p for part in parts for p in part.split(sep)]
    return [p.strip() for p in parts if p.strip()]


def _reader(data: bytes) -> csv.DictReader[str]:
    text = decode(data).lstrip("\ufeff")
    return csv.DictReader(io.StringIO(text))


def header_of(data: bytes) -> set[str]:
    reader = _reader(data[:20000])
    return {(f or "").strip().lower() for f in (reader.fieldnames or [])}


def _kind(value: str) -> str:
    value = value.lower()
    return value if value in ("individual", "vessel", "aircraft") else "entity"


def parse_csl_csv(data: bytes) -> list[ListEntry]:
    out: list[ListEntry] = []
    for row in _reader(data):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        ids_text = " ".join(row.get(k) or "" for k in ("ids", "remarks"))
        addresses = row.get("addresses") or ""
        out.append(ListEntry(
            list_name=(row.get("source") or "Consolidated Screening List").strip(),
            entry_id=(row.get("_id") or row.get("entity_number") or name).strip(),
            name=name,
            aliases=_split(row.get("alt_names") or "", (";",)),
            identifiers=find_usccs(ids_text),
            country=addresses.rsplit(",", 1)[-1].strip() if addresses else "",
            kind=_kind(row.get("type") or ""),
            programs=(row.get("programs") or "").strip(),
            start_date=(row.get("start_date") or "").strip(),
            end_date=(row.get("end_date") or "").strip(),
            source_url=(row.get("source_list_url") or "").strip(),
        ))
    if not out:
        raise ListFormatError("CSL CSV holds no named entries")
    return out


def _ids_text(ids: Any) -> str:
    if isinstance(ids, list):
        return " ".join(str(i.get("number", "")) if isinstance(i, dict) else str(i) for i in ids)
    return str(ids or "")


def parse_csl_json(data: bytes) -> list[ListEntry]:
    try:
        doc = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise ListFormatError(f"CSL JSON does not parse: {exc}") from exc
    results = doc.get("results") if isinstance(doc, dict) else doc
    if not isinstance(results, list):
        raise ListFormatError("CSL JSON has no 'results' list")
    out: list[ListEntry] = []
    for i, row in enumerate(results):
        if not isinstance(row, dict) or not str(row.get("name") or "").strip():
            continue
        alts = row.get("alt_names") or []
        addresses = row.get("addresses") or []
        country = ""
        if isinstance(addresses, list) and addresses and isinstance(addresses[0], dict):
            country = str(addresses[0].get("country") or "")
        out.append(ListEntry(
            list_name=str(row.get("source") or "Consolidated Screening List"),
            entry_id=str(row.get("id") or row.get("_id") or row.get("entity_number") or i),
            name=str(row["name"]).strip(),
            aliases=[str(a).strip() for a in (alts if isinstance(alts, list) else _split(str(alts), (";",)))],
            identifiers=find_usccs(_ids_text(row.get("ids")) + " " + str(row.get("remarks") or "")),
            country=country,
            kind=_kind(str(row.get("type") or "")),
            programs=", ".join(map(str, row.get("programs") or [])),
            start_date=str(row.get("start_date") or ""),
            end_date=str(row.get("end_date") or ""),
            source_url=str(row.get("source_list_url") or ""),
        ))
    if not out:
        raise ListFormatError("CSL JSON holds no named entries")
    return out


def parse_entity_partial(data: bytes) -> list[ListEntry]:
    """entity-list-cn-partial.csv: name, alt_names (' | '), name_zh, address, country, fr_citation ..."""
    out: list[ListEntry] = []
    for i, row in enumerate(_reader(data), start=2):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        aliases = _split(row.get("alt_names") or "", ("|",))
        if (row.get("name_zh") or "").strip():
            aliases.append(row["name_zh"].strip())
        out.append(ListEntry(
            list_name="BIS Entity List (partial CN/HK transcription)",
            entry_id=f"row{i}",
            name=name,
            aliases=aliases,
            country=(row.get("country") or "").strip(),
            programs=(row.get("fr_citation") or "").strip(),
            start_date=(row.get("start_date") or "").strip(),
            end_date=(row.get("end_date") or "").strip(),
            source_url=_split(row.get("source_url") or "", ("|",))[0] if row.get("source_url") else "",
        ))
    if not out:
        raise ListFormatError("entity list CSV holds no named entries")
    return out


def parse_user_csv(data: bytes, default_list: str = "user list") -> list[ListEntry]:
    """Plain user CSV: name, aliases, list, country, identifiers, start date, source."""
    out: list[ListEntry] = []
    for i, raw in enumerate(_reader(data), start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(v, str)}
        name = row.get("name", "")
        if not name:
            continue
        idents = [normalise_identifier(x) for x in _split(row.get("identifiers", ""))]
        out.append(ListEntry(
            list_name=row.get("list") or default_list,
            entry_id=f"row{i}",
            name=name,
            aliases=_split(row.get("aliases", "")),
            identifiers=[x for x in idents if x],
            country=row.get("country", ""),
            start_date=row.get("start date", ""),
            source_url=row.get("source", ""),
        ))
    if not out:
        raise ListFormatError("user CSV holds no named entries (need a 'name' column)")
    return out
