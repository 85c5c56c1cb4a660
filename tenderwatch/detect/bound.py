"""Bound the findings per item: a hostile or machine-written text can mention one item thousands of
times; the first ``KEEP`` mentions of each (category, item, provider, negated) are kept with their
spans and the last kept one says how many more there were, so the count is never lost."""

from __future__ import annotations

from tenderwatch.model import Finding

KEEP = 25
NOT_KEPT = "more mentions of this item not kept"


def bound_findings(findings: list[Finding], keep: int = KEEP) -> list[Finding]:
    """``findings`` (in text order) with at most ``keep`` per item; one pass, linear."""
    kept: list[Finding] = []
    seen: dict[tuple[str, str | None, str | None, bool], int] = {}
    last: dict[tuple[str, str | None, str | None, bool], Finding] = {}
    for finding in findings:
        key = (finding.category, finding.item, finding.provider, finding.negated)
        n = seen.get(key, 0) + 1
        seen[key] = n
        if n <= keep:
            kept.append(finding)
            last[key] = finding
    for key, n in seen.items():
        if n > keep:
            last[key].reason += f"; {n - keep} {NOT_KEPT} ({n} in all, first {keep} kept)"
    return kept
