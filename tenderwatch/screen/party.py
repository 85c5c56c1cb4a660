"""Resolve parties across notices: one canonical key per party, however it is written."""

from __future__ import annotations

from functools import lru_cache

from tenderwatch.screen.aliases import alias_table
from tenderwatch.screen.normalize import analyse


@lru_cache(maxsize=65536)  # buyers and agencies recur across notices
def party_key(name: str) -> str:
    """Canonical key: equal for 华為技術有限公司 / 华为技术 有限公司 / 華為技術有限公司, and for names the
    alias table knows to be one organisation (北航 / Beihang University). Place qualifiers stay in the
    key: 摩尔线程智能科技(北京) and (上海) are two legal persons. Empty string for an empty name."""
    analysed = analyse(name)
    if analysed.script == "empty":
        return ""
    ids = alias_table().ids(analysed)
    qualifiers = "(" + ",".join(sorted(analysed.qualifiers)) + ")" if analysed.qualifiers else ""
    if len(ids) == 1:
        return "alias:" + next(iter(ids)) + qualifiers
    return f"{analysed.script}:{analysed.key}{qualifiers}"
