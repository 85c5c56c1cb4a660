"""Bound the findings per item: a hostile or machine-written text can mention one item thousands of
times; the first ``KEEP`` mentions of each (category, item, provider, negated) are kept with their
spans and, once mentions are merged, the last finding of the item says how many more there were, so
the count is never lost."""

from __future__ import annotations

from tenderwatch.model import Finding

KEEP = 25

ItemKey = tuple[str, str | None, str | None, bool]


def _key(finding: Finding) -> ItemKey:
    return (finding.category, finding.item, finding.provider, finding.negated)


def bound_findings(findings: list[Finding], keep: int = KEEP) -> tuple[list[Finding], dict[ItemKey, int]]:
    """``findings`` (in text order) with at most ``keep`` per item, and the number of mentions of
    each item that had more; one pass, linear."""
    kept: list[Finding] = []
    seen: dict[ItemKey, int] = {}
    for finding in findings:
        key = _key(finding)
        n = seen.get(key, 0) + 1
        seen[key] = n
        if n <= keep:
            kept.append(finding)
    return kept, {key: n for key, n in seen.items() if n > keep}


def note_unkept(findings: list[Finding], over: dict[ItemKey, int], keep: int = KEEP) -> None:
    """Tell, on the last finding of each item that had more than ``keep`` mentions, how many were not kept."""
    if not over:
        return
    last = {_key(finding): finding for finding in findings}
    for key, n in over.items():
        if key in last:
            last[key].reason += f"; {n - keep} more mentions of this item not kept ({n} in all, first {keep} kept)"
