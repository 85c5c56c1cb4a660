"""OCDS 1.1.5 releases from export rows, in one release package.

One release per notice; the ``ocid`` joins the notices of one project (tender,
award, correction) by project number. Mapping (see procurement-notices.md §2.1):
buyer -> ``parties[buyer]``/``buyer``, agency -> ``procuringEntity``, suppliers ->
``parties[supplier]`` and ``awards[].suppliers``, the reported amount -> tender
``value`` (tender-like) or award/contract ``value``, findings -> ``items`` (the
evidence as description), the web address the notice was published at -> a
``documents`` entry (tender, award, contract or planning) with its fetch time.
Intentions (采购意向) are planning releases.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO, Any
from urllib.parse import quote

OCID_PREFIX = "ocds-tenderwatch"  # not a registered prefix: ids are local to this export
TAGS = {
    "tender": ["tender"], "single_source": ["tender"], "correction": ["tenderAmendment"],
    "award": ["award"], "contract": ["contract"], "intention": ["planning"],
}
ROLES = {"buyer": "buyer", "agency": "procuringEntity", "supplier": "supplier"}
DOCUMENT_TYPES = {"award": "awardNotice", "contract": "contractNotice", "intention": "plannedProcurementNotice"}
URI_SAFE = ":/?#[]@!$&'()*+,;=%~"  # reserved and already-escaped characters stay; the rest is percent-encoded


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def _date(value: str | None, fallback: str) -> str:
    if value and len(value) >= 10:
        return f"{value[:10]}T00:00:00+08:00"
    if value and len(value) == 7:
        return f"{value}-01T00:00:00+08:00"
    return fallback


def _value(amount: Any) -> dict[str, Any] | None:
    return None if amount is None else {"amount": float(amount), "currency": "CNY"}


def _notice_document(row: dict[str, Any], release_id: str, kind: str) -> list[dict[str, Any]]:
    """The notice itself as an OCDS document: where it was published, when it was fetched."""
    url = (row.get("url") or "").strip()
    if not url.lower().startswith(("http://", "https://")):
        return []
    document: dict[str, Any] = {
        "id": f"{release_id}-notice",
        "documentType": DOCUMENT_TYPES.get(kind, "tenderNotice"),
        "title": row.get("title") or url,
        "url": quote(url, safe=URI_SAFE),
        "language": "zh",
    }
    if row.get("fetched_at"):
        document["description"] = f"fetched {row['fetched_at']}"
    return [document]


def ocds_release(row: dict[str, Any], fallback_date: str) -> dict[str, Any]:
    """One release for one export row (an ``ok`` document)."""
    kind = row.get("notice_type") or "other"
    project = row.get("project_no") or ""
    ocid = f"{OCID_PREFIX}-{_hash('project', project) if project else _hash('doc', row['path'])}"
    parties: dict[str, dict[str, Any]] = {}
    for party in row.get("parties") or []:
        pid = _hash("party", party["key"])
        entry = parties.setdefault(pid, {"id": pid, "name": party["name"], "roles": []})
        role = ROLES.get(party["role"])
        if role and role not in entry["roles"]:
            entry["roles"].append(role)
    ref = {p["id"]: {"id": p["id"], "name": p["name"]} for p in parties.values()}
    by_role = {role: [ref[p["id"]] for p in parties.values() if role in p["roles"]] for role in ROLES.values()}
    items = [
        {
            "id": str(i),
            "description": f["evidence"],
            "classification": {"scheme": "x_tenderwatch", "id": f["item"] or f["provider"] or f["category"],
                               "description": f["category"]},
            **({"quantity": f["quantity"]} if f.get("quantity") is not None else {}),
        }
        for i, f in enumerate(row.get("findings") or [], 1) if not f.get("negated")
    ]
    release: dict[str, Any] = {
        "ocid": ocid,
        "id": _hash("release", row["path"], row.get("sha256") or ""),
        "date": _date(row.get("notice_date"), fallback_date),
        "tag": TAGS.get(kind, ["tender"]),
        "initiationType": "tender",
        "language": "zh",
        "parties": list(parties.values()),
    }
    if by_role["buyer"]:
        release["buyer"] = by_role["buyer"][0]
    tender: dict[str, Any] = {"id": project or release["id"], "title": row.get("title") or row["path"]}
    if by_role["procuringEntity"]:
        tender["procuringEntity"] = by_role["procuringEntity"][0]
    value = _value(row.get("amount_cny"))
    documents = _notice_document(row, release["id"], kind)
    if kind in ("award", "contract"):
        award: dict[str, Any] = {"id": f"{release['id']}-award", "status": "active", "suppliers": by_role["supplier"], "items": items}
        if row.get("notice_date"):
            award["date"] = release["date"]
        if value:
            award["value"] = value
        release["awards"] = [award]
        if kind == "contract":
            contract: dict[str, Any] = {"id": f"{release['id']}-contract", "awardID": award["id"], "items": items}
            if value:
                contract["value"] = value
            if documents:
                contract["documents"] = documents
            release["contracts"] = [contract]
        elif documents:
            award["documents"] = documents
    elif kind == "intention":
        release["planning"] = {"budget": {"amount": value}} if value else {}
        if documents:
            release["planning"]["documents"] = documents
        tender["items"] = items
    else:
        tender["items"] = items
        if value:
            tender["value"] = value
        if documents:
            tender["documents"] = documents
    release["tender"] = tender
    return release


def ocds_package(rows: Iterable[dict[str, Any]], uri: str = "urn:tenderwatch:export") -> dict[str, Any]:
    """A release package of every ``ok`` row."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "uri": uri,
        "version": "1.1",
        "publishedDate": now,
        "publisher": {"name": "tenderwatch (derived from public procurement notices)"},
        "releases": [ocds_release(row, now) for row in rows if row.get("status") == "ok"],
    }


def write_ocds(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write one OCDS release package (JSON); return the number of releases."""
    package = ocds_package(rows)
    json.dump(package, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(package["releases"])
