"""Detect stage: find leads for export-controlled US compute in one notice.

``detect`` runs one Aho-Corasick pass over the lowercased normalised text
(:mod:`.anchors`), then checks only the context around each anchor: named
accelerators and GPU systems (:mod:`.chips`), US clouds and instance types
(:mod:`.cloud`), US AI services (:mod:`.models`), figure-only specs
(:mod:`.specs`), then document frames (:mod:`.frames`: corrections, articles)
and document-level consolidation (:mod:`.post`: cloud capacity, rental). Each finding carries the control status on the notice date
and its rule status (restricted / restricted_later / not_restricted, :mod:`.rules`). The vocabulary lives in ``tenderwatch/data/detect``.
"""

from __future__ import annotations

import logging
import re

from tenderwatch.detect.anchors import find_anchors
from tenderwatch.detect.bound import bound_findings, note_unkept
from tenderwatch.detect.chips import chip_findings, system_findings, title_category
from tenderwatch.detect.cloud import instance_findings, provider_findings
from tenderwatch.detect.decide import decide, doc_rule_status, lot_findings, summarize
from tenderwatch.detect.firstpass import FirstPass, first_pass
from tenderwatch.detect.frames import apply_frames
from tenderwatch.detect.merge import merge_mentions, per_unit_quantities
from tenderwatch.detect.models import model_findings
from tenderwatch.detect.post import consolidate
from tenderwatch.detect.rules import clean_date, settle_rule_status
from tenderwatch.detect.scan import Scan
from tenderwatch.detect.specs import spec_findings
from tenderwatch.model import Fact, Finding, NoticeFields, TextDoc
from tenderwatch.normalize import NormText, normalize
from tenderwatch.notice.furniture import furniture_zones, in_zones

log = logging.getLogger(__name__)

_FALLBACK_DATE = re.compile(r"(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})(?:\s*日)?")


def notice_date(doc: TextDoc, norm: NormText, notice: NoticeFields | None, adopt: bool = True) -> str | None:
    """The notice date for the control status: parsed field, else reader meta, else first date.
    With ``adopt``, a date found here and not by the parser is given to the notice too (with its raw
    text and span), so the notice and its findings never disagree about the date (issue 9); a page
    that is not a buyer's (news, seller: ``adopt`` False) keeps only the date its parser read."""
    if notice is not None and notice.notice_date is not None:
        parsed = clean_date(notice.notice_date.value)
        if parsed:
            return parsed
    for source, raw in (("meta", doc.meta.get("pub_date", "")), ("text", norm.text[:4000])):
        match = _FALLBACK_DATE.search(raw)
        if match is not None:
            year, month, day = match.groups()
            if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
                iso = f"{year}-{int(month):02d}-{int(day):02d}"
                if adopt and notice is not None and notice.notice_date is None:
                    start, end = norm.to_source(match.start(), match.end()) if source == "text" else (-1, -1)
                    written = doc.text[start:end] if source == "text" else match.group(0)
                    notice.notice_date = Fact("notice_date", written, iso, start, end)
                return iso
    return None


def normalize_title(title: str) -> str:
    return normalize(title[:300]).text


def detect(doc: TextDoc, norm: NormText, notice: NoticeFields, adopt_date: bool = True,
           first: FirstPass | None = None) -> list[Finding]:
    """All leads in one notice (live and negated), in text order; ``adopt_date`` as in :func:`notice_date`;
    ``first``: :func:`.firstpass.first_pass` of ``norm.text`` when the caller has it already."""
    if first is not None:
        low, anchors = first.low, first.anchors
    else:
        low = norm.text.lower()
        anchors = find_anchors(low)
    if not anchors:
        return []
    scan = Scan(doc, norm, low, None)
    scan.date = notice_date(doc, norm, notice, adopt_date)
    title = notice.title.value if notice is not None and notice.title is not None else doc.meta.get("title")
    if isinstance(title, str) and title:
        scan.title = normalize_title(title).lower()
        scan.title_category = title_category(scan.title)
    chips = chip_findings(scan, anchors)
    findings = list(chips)
    findings += system_findings(scan, anchors, chips)
    models, model_spans = model_findings(scan, anchors)
    findings += models
    findings += provider_findings(scan, anchors, model_spans)
    findings += instance_findings(scan, anchors)
    if not any(not f.negated and f.item for f in chips):
        findings += spec_findings(scan, anchors)
    # recommendation lists of other notices never make a finding, nor sway the others (a "算力租赁"
    # in a list of other notices must not make this notice's H100 a rental): dropped before the frames
    zones = [norm.to_source(start, end) for start, end in furniture_zones(norm.text)]
    if zones:
        findings = [f for f in findings if not in_zones(zones, f.start)]
    apply_frames(scan, findings, notice)
    consolidate(scan, findings)
    findings.sort(key=lambda f: (f.start, f.end))
    findings, over = bound_findings(findings)  # before merging: a hostile page's thousands of mentions stay bounded
    per_unit_quantities(scan, findings)
    settle_rule_status(findings, scan.date)
    findings = merge_mentions(findings)
    note_unkept(findings, over)
    log.debug("%s: %d findings", doc.path, len(findings))
    return findings


__all__ = ["FirstPass", "decide", "detect", "doc_rule_status", "first_pass", "lot_findings", "summarize"]
