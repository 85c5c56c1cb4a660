"""FollowTheMoney entities from export rows, for Aleph or an OpenSanctions-style pipeline.

- every buyer, agency and supplier: ``Organization`` (names as written as aliases);
- a tender-like notice: ``CallForTenders`` (authority = the buyer), one per project
  number, so a tender and its corrections merge;
- an award or contract notice: ``Contract`` (authority = the buyer) and one
  ``ContractAward`` per supplier, linked to the project's call for tenders;
- a restricted-list hit: the list entry as ``LegalEntity``, its listing as ``Sanction``,
  and an ``UnknownLink`` from the party to the entry carrying score and reasons (a
  possible match to review, not an identification).

Each notice entity carries ``sourceUrl``: the web address the notice was published at.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import IO, Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

log = logging.getLogger(__name__)
PREFIX = "tw"
AWARD_TYPES = ("award", "contract")


class _Entities:
    def __init__(self) -> None:
        self.by_id: dict[str, EntityProxy] = {}

    def make(self, schema: str, *key: Any) -> EntityProxy:
        proxy = model.make_entity(schema)
        proxy.make_id(PREFIX, schema, *key)
        assert proxy.id is not None
        held = self.by_id.get(proxy.id)
        if held is not None:
            return held
        self.by_id[proxy.id] = proxy
        return proxy


def _review_note(row: dict[str, Any]) -> str | None:
    trail = [r for r in row.get("reviews") or [] if r.get("target_type") == "notice"]
    if not trail:
        return None
    last = trail[-1]
    return f"review: {last['status']} by {last['who']} at {last['at']}" + (f": {last['note']}" if last.get("note") else "")


def _kind_note(row: dict[str, Any]) -> str | None:
    kind = row.get("doc_kind")
    return f"document kind: {kind}" if kind else None


def _party(ents: _Entities, party: dict[str, Any]) -> EntityProxy:
    org = ents.make("Organization", party["key"])
    if not org.get("name"):
        org.add("name", party["name"])
    elif party["name"] not in org.get("name"):
        org.add("alias", party["name"])
    org.add("classification", party.get("class"))
    org.add("country", "cn")
    return org


def _source_url(row: dict[str, Any]) -> str | None:
    url = (row.get("url") or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def _notice(ents: _Entities, row: dict[str, Any], orgs: dict[tuple[str, str], EntityProxy]) -> None:
    buyer = next((org for (role, _), org in orgs.items() if role == "buyer"), None)
    title = row.get("title") or row["path"]
    items = sorted(set(row.get("items") or []) | set(row.get("providers") or []))
    project = row.get("project_no") or row["path"]
    date = row.get("notice_date")
    note = _review_note(row)
    if row.get("notice_type") in AWARD_TYPES:
        contract = ents.make("Contract", row["path"])
        contract.add("title", title)
        contract.add("procedureNumber", row.get("project_no"))
        contract.add("contractDate", date)
        contract.add("keywords", items)
        contract.add("notes", [f"source: {row['path']}", _kind_note(row), note])
        contract.add("sourceUrl", _source_url(row))
        if buyer is not None:
            contract.add("authority", buyer)
        if row.get("amount_cny") is not None:
            contract.add("amount", row["amount_cny"])
            contract.add("currency", "CNY")
        for (role, name), org in orgs.items():
            if role != "supplier":
                continue
            award = ents.make("ContractAward", row["path"], name)
            award.add("supplier", org)
            award.add("contract", contract)
            award.add("date", date)
            award.add("role", "supplier")
            award.add("summary", ", ".join(items))
            award.add("sourceUrl", _source_url(row))
            if row.get("amount_cny") is not None:
                award.add("amount", row["amount_cny"])
                award.add("currency", "CNY")
            call = ents.by_id.get(model.make_entity("CallForTenders").make_id(PREFIX, "CallForTenders", project) or "")
            if call is not None:
                award.add("callForTenders", call)
        return
    if buyer is None:
        log.debug("%s: no buyer, no CallForTenders", row["path"])
        return
    call = ents.make("CallForTenders", project)
    call.add("title", title)
    call.add("authority", buyer)
    call.add("authorityReferenceId", row.get("project_no"))
    call.add("publicationDate", date)
    call.add("keywords", items)
    call.add("notes", [f"source: {row['path']}", _kind_note(row), note])
    call.add("sourceUrl", _source_url(row))


def _hits(ents: _Entities, row: dict[str, Any], orgs: dict[tuple[str, str], EntityProxy]) -> None:
    for hit in row.get("screening") or []:
        org = orgs.get((hit.get("role", ""), hit.get("name", "")))
        if org is None:
            continue
        list_name = str(hit.get("list_name") or "list")
        entry = ents.make("LegalEntity", list_name, hit.get("entry_id") or hit.get("entry_name"))
        entry.add("name", hit.get("entry_name") or hit.get("name"))
        sanction = ents.make("Sanction", list_name, hit.get("entry_id") or hit.get("entry_name"))
        sanction.add("entity", entry)
        sanction.add("program", list_name)
        sanction.add("programId", hit.get("entry_id"))
        sanction.add("summary", f"list version {hit.get('list_version') or '?'} of {hit.get('list_date') or '?'}")
        link = ents.make("UnknownLink", org.id, entry.id)
        link.add("subject", org)
        link.add("object", entry)
        link.add("role", f"possible match on {list_name} (score {float(hit.get('score', 0)):.2f})")
        link.add("description", "; ".join(str(r) for r in hit.get("reasons") or []))
        link.add("summary", f"seen in {row['path']}")


def ftm_entities(rows: Iterable[dict[str, Any]]) -> list[EntityProxy]:
    """All entities for the given export rows (failed documents are skipped)."""
    ents = _Entities()
    ordered = sorted(
        (r for r in rows if r.get("status") == "ok"), key=lambda r: r.get("notice_type") in AWARD_TYPES
    )  # calls for tenders first, so awards can link to them
    for row in ordered:
        orgs = {(p["role"], p["name"]): _party(ents, p) for p in row.get("parties") or []}
        _notice(ents, row, orgs)
        _hits(ents, row, orgs)
    return list(ents.by_id.values())


def write_ftm(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write FtM entities as JSON lines (``ftm``/``followthemoney`` tools read this); return the count."""
    count = 0
    for proxy in ftm_entities(rows):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
