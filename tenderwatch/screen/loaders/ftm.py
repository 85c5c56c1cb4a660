"""FollowTheMoney entity export (OpenSanctions ``entities.ftm.json``: one JSON object per line)."""

from __future__ import annotations

import json

from tenderwatch.screen.entries import ListEntry, ListFormatError, normalise_identifier
from tenderwatch.screen.loaders.ofac import decode

PARTY_SCHEMATA = {"Person", "Company", "Organization", "LegalEntity", "PublicBody", "Vessel", "Airplane"}
_ID_PROPS = ("uscCode", "registrationNumber", "taxNumber", "leiCode", "innCode", "ogrnCode", "idNumber")
_KINDS = {"Person": "individual", "Vessel": "vessel", "Airplane": "aircraft"}


def parse_ftm(data: bytes, default_list: str = "FollowTheMoney export") -> list[ListEntry]:
    out: list[ListEntry] = []
    bad = 0
    lines = [line for line in decode(data).splitlines() if line.strip()]
    for line in lines:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        if not isinstance(obj, dict) or obj.get("schema") not in PARTY_SCHEMATA:
            continue
        props = obj.get("properties") or {}
        names = [str(n) for n in props.get("name") or []]
        if not names:
            continue
        aliases = [str(n) for key in ("alias", "weakAlias", "previousName") for n in props.get(key) or []]
        idents = [normalise_identifier(str(v)) for key in _ID_PROPS for v in props.get(key) or []]
        datasets = obj.get("datasets") or []
        out.append(ListEntry(
            list_name=str(datasets[0]) if datasets else default_list,
            entry_id=str(obj.get("id") or names[0]),
            name=names[0],
            aliases=names[1:] + aliases,
            identifiers=idents,
            country=", ".join(props.get("country") or []),
            kind=_KINDS.get(str(obj.get("schema")), "entity"),
            programs=", ".join(props.get("program") or props.get("topics") or []),
            start_date=str(obj.get("first_seen") or ""),
        ))
    if bad > max(2, len(lines) // 100):
        raise ListFormatError(f"FtM export: {bad} of {len(lines)} lines are not JSON")
    if not out:
        raise ListFormatError("FtM export holds no Person/Company/Organization/LegalEntity entities")
    return out
