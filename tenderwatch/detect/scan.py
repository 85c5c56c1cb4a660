"""Per-document scan state and the one place that turns a span into a Finding."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tenderwatch.detect.context import span_between
from tenderwatch.detect.rules import rule_status_on, status_on
from tenderwatch.model import Finding, TextDoc
from tenderwatch.normalize import NormText

_EVIDENCE_MAX = 240
_EVIDENCE_STOPS = "\n。；;"
_QTY_BEFORE = re.compile(r"(?<![\d.])(\d{1,4}) ?(?:[×x*]|卡|块|张|颗) ?(?:(?:nvidia|英伟达|tesla|geforce|rtx|amd|instinct|intel) ?)*$")
_QTY_AFTER = re.compile(r"^[^\n，。；]{0,40}?(?:(?<![a-z])[×x*] ?(\d{1,4})(?![\d.])|(\d{1,4}) ?(?:块|张|片|颗|卡(?!时)|pcs)"
                        r"|数量 ?[:：]? ?(\d{1,4})(?![\d.]))")


@dataclass(slots=True)
class Scan:
    doc: TextDoc
    norm: NormText
    low: str
    date: str | None
    title_category: str | None = None  # "server"/"chip" from the title's head noun, if any
    title: str = ""  # lowercased normalised title ("" when unknown)
    nspans: dict[int, tuple[int, int]] = field(default_factory=dict)
    rented: set[int] = field(default_factory=set)  # ids of findings named as the class of capacity rented

    def norm_span(self, finding: Finding) -> tuple[int, int]:
        """The span of ``finding`` in the normalised text."""
        return self.nspans.get(id(finding), (finding.start, finding.end))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_source(start, end)

    def evidence(self, src_start: int, src_end: int) -> str:
        """The line/sentence of the source text around the source span, trimmed."""
        left, right = span_between(self.doc.text, src_start, src_end, _EVIDENCE_STOPS, _EVIDENCE_MAX // 2)
        return " ".join(self.doc.text[left:right].split())

    def quantity(self, start: int, end: int) -> int | None:
        """A count written next to the mention: 8×A100, 8卡A800, A100*8, 10块."""
        before = _QTY_BEFORE.search(self.low[max(0, start - 24):start])
        if before is not None:
            value = int(before.group(1))
            if 0 < value <= 4096:
                return value
        after = _QTY_AFTER.match(self.low[end:end + 48])
        if after is not None:
            value = int(after.group(1) or after.group(2) or after.group(3))
            if 0 < value <= 4096:
                return value
        return None

    def finding(
        self,
        start: int,
        end: int,
        *,
        category: str,
        item: str | None,
        provider: str | None,
        confidence: float,
        in_scope: bool,
        rule_group: str,
        reason: str,
        negated: bool = False,
        quantity: int | None = None,
    ) -> Finding:
        src_start, src_end = self.source_span(start, end)
        status, citation = status_on(rule_group, self.date)
        found = Finding(
            category=category,
            item=item,
            provider=provider,
            evidence=self.evidence(src_start, src_end),
            start=src_start,
            end=src_end,
            confidence=confidence,
            in_scope=in_scope,
            negated=negated,
            quantity=quantity,
            control_status=status,
            rule=citation,
            reason=reason,
            rule_status=rule_status_on(rule_group, self.date),
        )
        self.nspans[id(found)] = (start, end)
        return found
