"""The last shaping of findings (issue 9): counts per unit, and one finding per item.

- A count written next to an item inside a "per unit" phrase (每台, 每节点, per node) is not the
  number bought: with the number of units in the same sentence it becomes units × per unit
  ("2 servers × 8 cards = 16 cards"), without it no total is given and the note says why.
- Findings of the same item in the same role (category, item, provider, negation) are one
  finding when they stand in the same sentence, and, for clouds and AI services (no count),
  anywhere in the notice: the first mention stays the finding's span, every mention is kept
  in ``mentions`` with its own span and sentence, so each stays traceable.
"""

from __future__ import annotations

from tenderwatch.detect.context import span_between
from tenderwatch.detect.scan import Scan
from tenderwatch.detect.vocab import vocab
from tenderwatch.model import Finding, Mention

_SENTENCE_STOPS = "。；;\n!?！？"
_REACH = 120
_PER_UNIT_GAP = 16  # the per-unit word sits this close before the item or its count
_ACCESS = frozenset({"cloud", "ai_model"})


def per_unit_quantities(scan: Scan, findings: list[Finding]) -> None:
    per_unit, unit_count = vocab().lex("per_unit"), vocab().lex("unit_count")
    for finding in findings:
        if finding.quantity is None or finding.category not in ("chip", "server", "rental"):
            continue
        start, end = scan.norm_span(finding)
        left, _ = span_between(scan.low, start, end, _SENTENCE_STOPS, _REACH)
        near = scan.low[max(left, start - _PER_UNIT_GAP):start]
        hit = per_unit.search(near)
        if hit is None:
            continue
        per = finding.quantity
        before = scan.low[left:max(left, start - _PER_UNIT_GAP) + hit.start()]
        counts = list(unit_count.regex.finditer(before)) if unit_count.regex else []
        units = int(counts[-1].group(1)) if counts else None
        if units is None or not 0 < units <= 4096:
            finding.quantity = None
            finding.quantity_note = f"{per} per unit ('{hit.group(0)}'); the number of units is not given"
        else:
            finding.quantity = units * per
            finding.quantity_note = (f"{units} units ('{counts[-1].group(0)}') × {per} per unit ('{hit.group(0)}')"
                                     f" = {units * per}")


def _key(finding: Finding) -> tuple[object, ...]:
    return (finding.category, finding.item, finding.provider, finding.negated, finding.in_scope, finding.rule_status)


def merge_mentions(findings: list[Finding]) -> list[Finding]:
    """One finding per item and role (see the module docstring); order by first mention."""
    kept: list[Finding] = []
    held: dict[tuple[object, ...], Finding] = {}
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        key = _key(finding) + (() if finding.category in _ACCESS else (finding.evidence,))
        first = held.get(key)
        if first is None:
            held[key] = finding
            kept.append(finding)
            continue
        if not first.mentions:
            first.mentions.append(Mention(first.start, first.end, first.evidence, first.quantity))
        first.mentions.append(Mention(finding.start, finding.end, finding.evidence, finding.quantity))
        first.confidence = max(first.confidence, finding.confidence)
        if first.quantity is None and finding.quantity is not None:
            first.quantity, first.quantity_note = finding.quantity, finding.quantity_note
    return kept
