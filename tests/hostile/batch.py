"""Scan a folder of fuzzed inputs and check what a hostile batch must not break:
no crash, no input over its time limit, every input accounted for (in the scan
counts and with a row in the export), and an intact store."""

from __future__ import annotations

import os
import sqlite3
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from tenderwatch.read.valid import escape_name
from tenderwatch.scan import scan
from tenderwatch.store.db import Store
from tenderwatch.store.queries import iter_rows


@dataclass(slots=True)
class BatchReport:
    inputs: int = 0
    crash: str | None = None  # traceback of an exception that escaped the scan
    exit_code: int = 0  # what ``tenderwatch scan`` would exit with
    slowest: tuple[float, str] = (0.0, "")  # seconds, display path
    over_limit: list[str] = field(default_factory=list)
    unaccounted: list[str] = field(default_factory=list)  # inputs with no export row
    counts_add_up: bool = True
    integrity: str = ""
    reasons: Counter[str] = field(default_factory=Counter)  # failure/skip reason -> documents
    documents: int = 0


def scan_batch(folder: Path, db: Path, timeout: float, grace: float = 5.0) -> BatchReport:
    """Scan ``folder`` into ``db`` (one scan, one process) and check the result."""
    report = BatchReport()
    names = sorted(escape_name(os.fsdecode(n)) for n in os.listdir(os.fsencode(folder)) if not n.startswith(b"."))
    report.inputs = len(names)
    stamps: list[tuple[float, str]] = []
    with Store(db) as store:
        try:
            counts = scan([folder], store, timeout=timeout,
                          progress=lambda n, shown: stamps.append((time.monotonic(), shown)))
        except BaseException:  # a crash is what the batch looks for
            report.crash = traceback.format_exc()
            report.exit_code = 1
            return report
        stamps.append((time.monotonic(), ""))
        report.exit_code = 2 if counts.failed else 0
        report.counts_add_up = counts.files == counts.skipped + counts.not_read + counts.read == len(names)
        rows = list(iter_rows(store))
    for (start, shown), (end, _) in pairwise(stamps):
        took = end - start
        report.slowest = max(report.slowest, (took, shown))
        if took > timeout + grace:
            report.over_limit.append(f"{shown}: {took:.1f} s")
    paths = sorted(row["path"] for row in rows)
    for name in names:
        if not any(p == name or p.startswith(name + "#") for p in paths):
            report.unaccounted.append(name)
    report.documents = len(rows)
    report.reasons.update((row["failure"] or {}).get("reason") or "ok" for row in rows)
    conn = sqlite3.connect(db)
    try:
        report.integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return report
