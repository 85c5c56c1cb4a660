"""Relevance, the document's rule status and the export summary (categories, items,
providers) from findings."""

from __future__ import annotations

from tenderwatch.model import Finding, strongest_rule_status

_ITEM_CATEGORIES = frozenset({"chip", "server", "cloud", "rental"})


def decide(findings: list[Finding]) -> bool:
    """Relevant when any live (not negated) finding is in scope (whatever the notice date)."""
    return any(f.in_scope and not f.negated for f in findings)


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
