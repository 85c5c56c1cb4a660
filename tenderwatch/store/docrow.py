"""The per-document export row (JSONL/CSV/XLSX), as the evaluator and users read it.

Keys and meanings follow ``corpus/README.md`` of the shared corpus: ``path``,
``relevant``, ``categories``, ``items``, ``providers``, ``buyer``, ``suppliers``,
``amount_cny``, ``notice_date``, ``notice_type``; plus the findings with their
evidence, control status and rule, and, for unreadable documents, the reason.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

from tenderwatch.detect import summarize
from tenderwatch.model import SKIP_REASONS, DocResult, Fact, Finding
from tenderwatch.normalize import fold
from tenderwatch.store.priority import priority

# The kind of amount the export reports, as a reader must label it: a budget (or ceiling) is
# not money spent; an award or contract amount is what the winner gets.
AMOUNT_KINDS = {"budget": "budget", "ceiling": "budget", "corrected": "budget",
                "award": "award", "contract": "award", "bid": "award"}
AWARD_TYPES = ("award", "contract")

LEAD_NOTICE = (
    "A finding is a lead for review, not proof of an export-control violation: buying these items "
    "can be lawful, and the notice may describe stock exported before the rules applied."
)


def _fact(fact: Fact | None) -> Any:
    return None if fact is None else fact.value


def finding_dict(finding: Finding, text: str = "") -> dict[str, Any]:
    mentions = finding.mentions or []
    return {
        "category": finding.category,
        "item": finding.item,
        "provider": finding.provider,
        "quantity": finding.quantity,
        "controlled": finding.controlled,
        "negated": finding.negated,
        "confidence": round(finding.confidence, 3),
        "control_status": finding.control_status,
        "rule": finding.rule,
        "evidence": finding.evidence,
        "span": [finding.start, finding.end],
        "reason": finding.reason,
        "rule_status": finding.rule_status or None,
        "in_scope": finding.in_scope,
        "quantity_note": finding.quantity_note or None,
        # every place the finding is written: span, the characters there, and their sentence
        "mentions": [
            {"span": [m.start, m.end], "raw": text[m.start:m.end] if 0 <= m.start <= m.end else None,
             "evidence": m.evidence, "quantity": m.quantity}
            for m in mentions
        ],
    }


def fact_dict(fact: Fact | None) -> dict[str, Any] | None:
    if fact is None:
        return None
    return {"value": fact.value, "raw": fact.raw, "span": [fact.start, fact.end]}


def doc_row(result: DocResult) -> dict[str, Any]:
    """Build the export row for one document."""
    prov = result.provenance
    row: dict[str, Any] = {
        "path": result.path, "sha256": result.sha256, "format": result.fmt,
        "url": prov.url if prov else None, "fetched_at": prov.fetched_at if prov else None,
        "doc_kind": result.doc_kind or None, "doc_kind_reasons": result.doc_kind_reasons,
        "truncated": result.truncated, "read_warning": result.meta.get("read_warning"),
    }
    if result.failure is not None:
        row.update(
            relevant=False, categories=[], items=[], providers=[], buyer=None, suppliers=[],
            amount_cny=None, notice_date=None, notice_type=None,
            status="skipped" if result.failure.reason in SKIP_REASONS else "failed",
            failure={"reason": result.failure.reason.value, "detail": result.failure.detail},
            findings=[], parties=[], screening=[], listed=False,
        )
        return row
    notice = result.notice
    categories, items, providers = summarize(result.findings, result.relevant)
    suppliers: list[str] = []
    for fact in notice.suppliers if notice else []:
        if fact.value and fact.value not in suppliers:
            suppliers.append(str(fact.value))
    row.update(
        status="ok",
        failure=None,
        relevant=result.relevant,
        categories=categories,
        items=items,
        providers=providers,
        buyer=_fact(notice.buyer) if notice else None,
        suppliers=suppliers,
        amount_cny=result.amount_cny,
        notice_date=_fact(notice.notice_date) if notice else None,
        notice_type=notice.notice_type if notice else None,
        title=_fact(notice.title) if notice else None,
        project_no=_fact(notice.project_no) if notice else None,
        agency=_fact(notice.agency) if notice else None,
        encoding=result.encoding,
        fields={
            name: fact_dict(getattr(notice, name))
            for name in ("title", "project_no", "notice_date", "buyer", "agency")
        } if notice else {},
        findings=[finding_dict(f, result.text) for f in result.findings],
        parties=[
            {"role": p.role, "name": p.name, "key": p.key, "class": p.party_class,
             "class_reason": p.class_reason, "span": [p.start, p.end]}
            for p in result.parties
        ],
        screening=[
            {"role": p.role, "name": p.name, **hit} for p in result.parties for hit in p.hits
        ],
        listed=any(p.hits for p in result.parties),
        rule_status=result.rule_status,
        lead_notice=LEAD_NOTICE if result.findings else None,
        region=notice.region.value if notice is not None and notice.region is not None else None,
        site=result.meta.get("site") or (urlsplit(prov.url).hostname if prov and prov.url else None),
        amount_kind=amount_kind(result),
    )
    row["lead_key"] = lead_key(result, row["project_no"], row["notice_type"])
    row["priority"], row["priority_reasons"] = priority(row)
    return row


def amount_kind(result: DocResult) -> str | None:
    """``budget`` or ``award``: the kind of the amount the export reports."""
    if result.amount_cny is None or result.notice is None:
        return None
    notice = result.notice
    amounts = list(notice.amounts) + [a for lot in notice.lots for a in lot.amounts]
    for amount in amounts:
        if amount.value_cny is not None and abs(amount.value_cny - result.amount_cny) < 0.5:
            return AMOUNT_KINDS.get(amount.kind, "budget")
    kinds = [AMOUNT_KINDS[a.kind] for a in amounts if a.kind in AMOUNT_KINDS]
    if kinds:
        return "award" if notice.notice_type in AWARD_TYPES and "award" in kinds else kinds[0]
    return "award" if notice.notice_type in AWARD_TYPES else "budget"


def lead_key(result: DocResult, project_no: Any, notice_type: Any) -> str:
    """Reposts of one notice share this key: the same project number and notice type, else
    the same text (whatever the script, width and spacing)."""
    if project_no:
        return f"p:{notice_type or 'other'}:{''.join(fold(str(project_no)).split())}"
    text = " ".join(fold(result.text).split())
    return "t:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]
