"""XLSX via openpyxl (read-only, cached values): one text per workbook, each
sheet's non-empty rows as tab-separated lines, preceded by the sheet name."""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
import zipfile
from typing import Any

import openpyxl

from ..model import FailReason
from .errors import CORRUPTION_ERRORS, ReadError
from .limits import Limits

log = logging.getLogger(__name__)


def cell_str(value: Any) -> str:
    """A cell value as a raw string (integral floats without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", " ").replace("\n", " ").replace("\t", " ").strip()


def read_xlsx(data: bytes, limits: Limits) -> tuple[str, dict[str, str]]:
    """Return ``(text, meta)``; raise :class:`ReadError` on failure."""
    try:
        return _read_xlsx(data, limits)
    except CORRUPTION_ERRORS as exc:
        raise ReadError(FailReason.CORRUPT, f"XLSX is damaged: {type(exc).__name__}: {exc}") from exc


def _read_xlsx(data: bytes, limits: Limits) -> tuple[str, dict[str, str]]:
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReadError(FailReason.CORRUPT, f"XLSX could not be opened: {exc}") from exc
    lines: list[str] = []
    meta: dict[str, str] = {}
    total = 0
    started = time.monotonic()
    try:
        for ws in wb.worksheets:
            lines.append(f"[{ws.title}]")
            for row in ws.iter_rows(values_only=True):
                cells = [cell_str(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if not any(cells):
                    continue
                line = "\t".join(cells)
                lines.append(line)
                total += len(line) + 1
                if total > limits.max_chars or time.monotonic() - started > limits.max_seconds:
                    meta["truncated"] = f"stopped in sheet {ws.title!r}"
                    break
            if "truncated" in meta:
                break
    finally:
        wb.close()
    meta["sheets"] = str(len(wb.sheetnames))
    if total == 0:  # only sheet names: nothing to scan
        return "", meta
    return "\n".join(lines), meta
