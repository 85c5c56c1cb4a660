"""Test hook for crash/resume tests: ``TENDERWATCH_COLLECT_FAULT=POINT:N`` kills the collector
(SIGKILL, as ``kill -9`` would) the N-th time it reaches ``POINT``. Points: ``warc_record``
(half-way through writing a WARC record), ``archived`` (a notice's response archived, not yet
stored), ``saved`` (a notice stored), ``list_page`` (a list page read). Unset: no effect."""

from __future__ import annotations

import os
import signal

FAULT_ENV = "TENDERWATCH_COLLECT_FAULT"
_counts: dict[str, int] = {}


def fault_point(point: str) -> bool:
    """Count a pass through ``point``; True when the fault hook wants the write cut here
    (``warc_record``); other points are killed right here."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return False
    name, _, nth = spec.partition(":")
    if name != point:
        return False
    _counts[point] = _counts.get(point, 0) + 1
    if _counts[point] != int(nth or "1"):
        return False
    if point == "warc_record":
        return True
    os.kill(os.getpid(), signal.SIGKILL)
    return False  # not reached
