"""Write the per-document export as JSONL, CSV or XLSX."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

# Columns of the flat (CSV/XLSX) export; lists are joined with "; ".
FLAT_COLUMNS = (
    "path", "status", "relevant", "listed", "doc_kind", "notice_type", "notice_date", "title", "project_no", "buyer",
    "agency", "suppliers", "amount_cny", "amount_kind", "categories", "items", "providers", "rule_status",
    "control_status", "evidence", "screening", "priority", "region", "site", "url", "lead_key", "review_status",
    "failure", "lead_notice",
)


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    live = [f for f in row.get("findings") or [] if not f.get("negated")]
    flat: dict[str, Any] = {}
    for column in FLAT_COLUMNS:
        value = row.get(column)
        if column == "control_status":
            value = "; ".join(sorted({f"{f['item']}: {f['control_status']}" for f in live if f.get("item")}))
        elif column == "evidence":
            value = " | ".join(f["evidence"] for f in live[:5])
        elif column == "screening":
            value = "; ".join(
                f"{h['name']} -> {h.get('entry_name')} ({h.get('list') or h.get('list_name')}, "
                f"{_listing(h)}, {h.get('score', 0):.2f})"
                for h in value or []
            )
        elif column == "failure" and value:
            value = f"{value['reason']}: {value['detail']}"
        elif isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        flat[column] = "" if value is None else value
    return flat


def _listing(hit: dict[str, Any]) -> str:
    since, on_date = hit.get("listed_since"), hit.get("listed_on_date")
    if not since:
        return "listing date unknown"
    return f"listed since {since}, " + ("on the notice date" if on_date else "after the notice date")


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(FLAT_COLUMNS))
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(_flat(row))
        count += 1
    return count


def write_xlsx(rows: Iterable[dict[str, Any]], path: str) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("notices")
    sheet.append(list(FLAT_COLUMNS))
    count = 0
    for row in rows:
        flat = _flat(row)
        sheet.append([_cell(flat[c]) for c in FLAT_COLUMNS])
        count += 1
    book.save(path)
    return count


def _cell(value: Any) -> Any:
    """Keep text cells safe from spreadsheet formula injection."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
