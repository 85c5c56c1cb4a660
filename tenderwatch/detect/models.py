"""US AI model services: OpenAI/ChatGPT/GPT-4, Azure OpenAI, Claude (also via Bedrock), Gemini.

A model name counts only with purchase wording next to it (API, tokens, 额度, 订阅 ...);
ban clauses, comparisons ("达到GPT-4水平"), teaching content and GPT as a liver
enzyme (谷丙转氨酶) are negated.
"""

from __future__ import annotations

import re

from tenderwatch.detect import context as ctx
from tenderwatch.detect.anchors import Anchor
from tenderwatch.detect.scan import Scan
from tenderwatch.detect.vocab import Service, vocab
from tenderwatch.model import Finding


def _bounded(low: str, start: int, end: int) -> bool:
    before = low[start - 1] if start > 0 else " "
    after = low[end] if end < len(low) else " "
    return not ctx.is_ascii_alnum(before) and not (ctx.is_ascii_alnum(after) and after.isalpha())


def _qualified(scan: Scan, service: Service, start: int, end: int) -> bool:
    if service.needs_after is None and service.needs_before is None:
        return True
    if service.needs_after and re.match(service.needs_after, scan.low[end:end + 16]):
        return True
    if service.needs_before and re.search(service.needs_before, scan.low[max(0, start - 10):start]):
        return True
    line = ctx.window(scan.low, start, end, 60).replace(scan.low[start:end], " ")
    return vocab().lex("ai_context").contains(line)


def _rejection(scan: Scan, start: int, end: int) -> str | None:
    low = scan.low
    if ctx.code_quoted(low, start, end):
        return "quoted as a code token in documentation, not a purchase"
    other = ctx.segment_has(low, start, end, "other_meaning_ai")
    if other is not None:
        return f"other meaning ('{other}')"
    ban = ctx.ban_clause(low, start, end)
    if ban is not None:
        return f"ban / exclusion clause ('{ban}')"
    like = vocab().lex("ai_like_before").search(low[max(0, start - 3):start])
    if like is not None:
        return f"names a kind of tool ('{like.group(0)}'), not a purchase"
    compared = ctx.comparison(low, start)
    if compared is not None or vocab().lex("ai_level_after").contains(low[end:end + 16]):
        return f"benchmark comparison ('{compared or 'level'}'), not a purchase"
    seg_start, seg_end = ctx.segment_bounds(low, start, end)
    compat = vocab().lex("compat_cloud").search(low[max(seg_start, start - 16):start])
    if compat is None:
        compat = vocab().lex("compat_ai_after").search(low[end:min(seg_end, end + 16)])
    if compat is not None:
        return f"compatibility / example wording ('{compat.group(0)}'), not a purchase"
    teaching = ctx.line_has(low, start, "not_purchase") or ctx.teaching_sentence(low, start, end)
    if teaching is not None:
        return f"not a purchase ('{teaching}')"
    if ctx.segment_has(low, start, end, "ai_purchase") is None and ctx.line_has(low, start, "ai_purchase") is None:
        return "no purchase wording (API, tokens, 订阅, 账号 ...) next to it"
    return None


def model_findings(scan: Scan, anchors: list[Anchor]) -> tuple[list[Finding], list[tuple[int, int]]]:
    """AI-service findings and the spans they cover (so provider names inside are not re-read)."""
    v = vocab()
    by_name = {s.name: s for s in v.services}
    out: list[Finding] = []
    channels: list[Finding] = []
    spans: list[tuple[int, int]] = []
    taken_until = -1
    for anchor in anchors:
        if anchor.start < taken_until:
            continue
        best: tuple[Service, int] | None = None
        for kind, key in anchor.targets:
            if kind != "service":
                continue
            match = v.service_patterns[key].match(scan.low, anchor.start)
            if match is not None and (best is None or match.end() > best[1]):
                best = (by_name[key], match.end())
        if best is None:
            continue
        service, end = best
        start = anchor.start
        if not _bounded(scan.low, start, end) or not _qualified(scan, service, start, end):
            continue
        if ctx.inside_identifier(scan.low, start, end):
            continue
        taken_until = end
        spans.append((start, end))
        why_not = _rejection(scan, start, end)
        for provider in service.providers:
            (channels if service.channel else out).append(scan.finding(
                start, end,
                category="ai_model",
                item=None,
                provider=provider,
                confidence=0.85 if why_not is None else 0.3,
                in_scope=True,
                rule_group="remote_access",
                reason=(f"US AI service {service.name} ({provider})" if why_not is None
                        else f"{service.name}: {why_not}"),
                negated=why_not is not None,
            ))
    # A channel (Bedrock, Vertex AI) adds its provider only when a model is bought through it.
    if any(not f.negated for f in out):
        out += channels
    return out, spans
