"""Relevance, the document's rule status and the export summary (categories, items,
providers) from findings."""

from __future__ import annotations

from tenderwatch.detect.vocab import vocab
from tenderwatch.model import Finding, strongest_rule_status

_ITEM_CATEGORIES = frozenset({"chip", "server", "cloud", "rental"})


def decide(findings: list[Finding]) -> bool:
    """Relevant when any live (not negated) finding is in scope (whatever the notice date)."""
    return any(f.in_scope and not f.negated for f in findings)


def lot_findings(findings: list[Finding]) -> list[Finding]:
    """The findings that make a lot of the notice part of the purchase whose amount is reported:
    the live in-scope ones and any US accelerator, controlled or not (a lot of RTX 4090D beside
    a lot of RTX 4090); not a domestic part (a lot of Ascend servers) or anything else."""
    accelerators = vocab().accelerators

    def us_part(item: str | None) -> bool:
        acc = accelerators.get(item) if item else None
        return acc is not None and acc.origin == "us"

    return [f for f in findings if not f.negated and (f.in_scope or us_part(f.item))]


def doc_rule_status(findings: list[Finding]) -> str | None:
    """The strongest rule status of the live findings; None when there is none."""
    return strongest_rule_status([f.rule_status for f in findings if not f.negated and f.rule_status])


def summarize(findings: list[Finding], relevant: bool) -> tuple[list[str], list[str], list[str]]:
    """(categories, items, providers) for the per-document export.

    ``items`` lists every accelerator bought or rented, controlled or not (also for a
    notice that is not relevant); categories and providers only describe relevant notices.
    """
    live = [f for f in findings if not f.negated]
    cats = sorted({f.category for f in live if f.in_scope}) if relevant else []
    items = sorted({f.item for f in live if f.item and f.category in _ITEM_CATEGORIES})
    providers = sorted({f.provider for f in live if f.provider and f.in_scope}) if relevant else []
    return cats, items, providers
