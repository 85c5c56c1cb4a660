"""Document-level consolidation of findings (categories that depend on other findings).

- A chip named in the same line as a US cloud or a GPU instance type is that cloud's
  capacity: category ``cloud`` with the provider (dA: "搭载A100的云服务器实例").
- An uncounted card mention of a model bought inside systems follows the system (``server``).
- A chip or server in rental wording (算力租赁, 租用, 卡时 ...) is ``rental``; other
  mentions of an item that is rented in the notice follow it.
- A cloud mention that only carries an AI service of the same provider (Azure subscription
  for Azure OpenAI, S3 next to Bedrock) is ancillary: not counted on its own unless an
  account or compute is bought.
"""

from __future__ import annotations

import re

from tenderwatch.detect import context as ctx
from tenderwatch.detect.rules import status_on
from tenderwatch.detect.scan import Scan
from tenderwatch.detect.vocab import vocab
from tenderwatch.model import Finding

_HARDWARE = ("chip", "server")
_RENT_REACH = 60
_CLOUD_REACH = 150
_SENTENCE_STOPS = "。；;\n!?！？"


def _live(finding: Finding) -> bool:
    return not finding.negated


def consolidate(scan: Scan, findings: list[Finding]) -> list[Finding]:
    low = scan.low
    clouds = [f for f in findings if f.category == "cloud" and _live(f) and f.provider]
    title_hit = vocab().lex("rental_words").search(scan.title) if scan.title else None
    title_rent = title_hit.group(0) if title_hit is not None else None
    for finding in findings:
        if finding.category not in _HARDWARE or not _live(finding):
            continue
        start, end = scan.norm_span(finding)
        line_start, line_end = ctx.line_bounds(low, start)
        same_line = [c for c in clouds if line_start <= scan.norm_span(c)[0] < line_end
                     and abs(scan.norm_span(c)[0] - start) <= _CLOUD_REACH]
        if not same_line and clouds and ctx.line_has(low, start, "cloud_words") is not None:
            same_line = clouds[:1]
        if same_line:
            provider = same_line[0].provider
            finding.category = "cloud"
            finding.provider = provider
            finding.reason += f"; offered as {provider} cloud capacity"
            status, _ = status_on("remote_access", scan.date)
            finding.control_status = f"{finding.control_status}; {status}"
            continue
        rent = _rental_word(low, start, end)
        if id(finding) in scan.rented:
            _to_rental(scan, finding, "rental")
        elif rent is not None:
            _to_rental(scan, finding, f"rental wording '{rent}'")
        elif title_rent is not None:
            _to_rental(scan, finding, f"the title rents capacity ('{title_rent}')")
    _follow_systems(findings)
    rented = {f.item for f in findings if f.category == "rental" and _live(f) and f.item}
    for finding in findings:
        if finding.category in _HARDWARE and _live(finding) and finding.item in rented:
            _to_rental(scan, finding, f"{finding.item} is rented in this notice")
    _ancillary_clouds(scan, findings)
    return findings


def _follow_systems(findings: list[Finding]) -> None:
    """An uncounted card mention ("所投显卡须为原厂RTX 4090") of a model the notice buys inside
    systems describes that system's card: it follows the system. Counted cards stay chips."""
    in_systems = {f.item for f in findings if f.category == "server" and _live(f) and f.item}
    for finding in findings:
        if finding.category == "chip" and _live(finding) and finding.quantity is None and finding.item in in_systems:
            finding.category = "server"
            finding.reason += f"; {finding.item} is bought inside systems in this notice"


def _nearest(low: str, regex: re.Pattern[str] | None, left: int, right: int, start: int,
             end: int, skip: list[tuple[int, int]]) -> tuple[int, re.Match[str]] | None:
    best: tuple[int, re.Match[str]] | None = None
    for match in regex.finditer(low, left, right) if regex is not None else ():
        if any(s <= match.start() < e for s, e in skip):
            continue
        distance = start - match.end() if match.end() <= start else max(0, match.start() - end)
        if best is None or distance < best[0]:
            best = (distance, match)
    return best


def _rental_word(low: str, start: int, end: int) -> str | None:
    """Rental wording near the mention, unless a system/card word sits closer to it
    ("部署H100 GPU服务器625台 ... 对外提供算力服务" builds servers, it does not rent).
    A system word that the rental wording itself governs ("租用…GB200 NVL72整机柜算力")
    is what is rented and does not stand in the way."""
    lists = vocab().lists
    seg_start, _ = ctx.segment_bounds(low, start, end)
    governing = lists["rental_words"].search(low[seg_start:start])  # "租用16台8卡H800服务器的算力"
    if governing is not None and not _acquired_between(low, seg_start + governing.end(), start):
        return governing.group(0)
    line_start, line_end = ctx.line_bounds(low, start)
    left, right = max(line_start, start - _RENT_REACH), min(line_end, end + _RENT_REACH)
    rent = _nearest(low, lists["rental_words"].regex, left, right, start, end, [])
    if rent is None or (rent[1].end() <= start and _acquired_between(low, rent[1].end(), start)):
        return None
    rent_span = [rent[1].span()]
    for name in ("server_words", "card_words"):
        other = _nearest(low, lists[name].regex, left, right, start, end, rent_span)
        if other is None or other[0] >= rent[0]:
            continue
        if ctx.existing_before(low, other[1].start(), "existing_words", 28):
            continue
        if _rented_system(low, other[1].start()):
            continue
        return None
    return rent[1].group(0)


def _acquired_between(low: str, left: int, right: int) -> bool:
    return vocab().lex("acquire_verbs").contains(low[left:right])


def _rented_system(low: str, pos: int) -> bool:
    """The system word at ``pos`` is the object of rental wording earlier in its sentence."""
    sent_start, _ = ctx.span_between(low, pos, pos, _SENTENCE_STOPS, _RENT_REACH)
    regex = vocab().lex("rental_words").regex
    rents = list(regex.finditer(low, sent_start, pos)) if regex is not None else []
    return bool(rents) and not _acquired_between(low, rents[-1].end(), pos)


def _to_rental(scan: Scan, finding: Finding, why: str) -> None:
    finding.category = "rental"
    finding.reason += f"; {why}"
    status, _ = status_on("remote_access", scan.date)
    finding.control_status = f"{finding.control_status}; rental: {status}"


def _ancillary_clouds(scan: Scan, findings: list[Finding]) -> None:
    ai_providers = {f.provider for f in findings if f.category == "ai_model" and _live(f) and f.in_scope}
    for finding in findings:
        if finding.category != "cloud" or not _live(finding) or finding.item or finding.provider not in ai_providers:
            continue
        start, end = scan.norm_span(finding)
        if ctx.segment_has(scan.low, start, end, "account_strict") is not None and not (
            # "…为该AWS账号的签约合作伙伴": the account the AI service is bought through, named again
            ctx.segment_has(scan.low, start, end, "account_backref") is not None
            and ctx.segment_has(scan.low, start, end, "cloud_compute") is None
        ):
            continue
        finding.in_scope = False
        finding.reason += "; ancillary to the AI model service bought from the same provider"
