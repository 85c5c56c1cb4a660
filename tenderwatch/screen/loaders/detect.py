"""Recognise a list file's format from its bytes and parse it."""

from __future__ import annotations

from tenderwatch.screen.entries import ListEntry, ListFormatError
from tenderwatch.screen.loaders.ftm import parse_ftm
from tenderwatch.screen.loaders.ofac import decode, parse_ofac
from tenderwatch.screen.loaders.tabular import (
    CSL_COLUMNS,
    ENTITY_PARTIAL_COLUMNS,
    USER_COLUMNS,
    header_of,
    parse_csl_csv,
    parse_csl_json,
    parse_entity_partial,
    parse_user_csv,
)

FORMATS = ("csl_csv", "csl_json", "ftm", "ofac_sdn", "entity_partial", "user_csv")


def detect_format(data: bytes) -> str:
    """One of FORMATS, or raise ListFormatError."""
    if not data.strip():
        raise ListFormatError("the file is empty")
    head = decode(data[:4096]).lstrip("\ufeff \r\n\t")
    if head.startswith("{") or head.startswith("["):
        first = head.split("\n", 1)[0]
        if '"schema"' in first and '"properties"' in first:
            return "ftm"
        return "csl_json"
    if head[:1].isdigit() and ",\"" in head.split("\n", 1)[0]:
        return "ofac_sdn"
    cols = header_of(data)
    if cols >= CSL_COLUMNS:
        return "csl_csv"
    if cols >= ENTITY_PARTIAL_COLUMNS:
        return "entity_partial"
    if "name" in cols and len(cols & USER_COLUMNS) >= 2:
        return "user_csv"
    raise ListFormatError(
        "unrecognised list format: expected a trade.gov CSL CSV/JSON, a FollowTheMoney JSON-lines export, "
        "an OFAC legacy CSV, or a CSV with columns name,aliases,list,country,identifiers,start date,source"
    )


def parse_bytes(data: bytes, fmt: str | None = None, list_name: str = "") -> tuple[str, list[ListEntry]]:
    fmt = fmt or detect_format(data)
    if fmt == "csl_csv":
        return fmt, parse_csl_csv(data)
    if fmt == "csl_json":
        return fmt, parse_csl_json(data)
    if fmt == "ftm":
        return fmt, parse_ftm(data, list_name or "FollowTheMoney export")
    if fmt == "ofac_sdn":
        return fmt, parse_ofac(data, list_name or "OFAC SDN")
    if fmt == "entity_partial":
        return fmt, parse_entity_partial(data)
    if fmt == "user_csv":
        return fmt, parse_user_csv(data, list_name or "user list")
    raise ListFormatError(f"unknown list format {fmt!r}")
