"""US cloud providers (AWS, Azure, Google Cloud, Oracle Cloud) and GPU instance types.

A provider mention is a cloud lead unless its context shows another meaning
(AWS weather station or welding standard, Azure as a colour), compatibility
wording (S3-compatible storage), a ban clause or teaching content. Instance
types imply GPUs (p4d.24xlarge -> 8 x A100) from ``instances.csv``.
"""

from __future__ import annotations

import re

from tenderwatch.detect import context as ctx
from tenderwatch.detect.anchors import Anchor
from tenderwatch.detect.rules import status_on
from tenderwatch.detect.scan import Scan
from tenderwatch.detect.vocab import vocab
from tenderwatch.model import Finding


def _ascii_bounded(low: str, start: int, end: int) -> bool:
    before = low[start - 1] if start > 0 else " "
    after = low[end] if end < len(low) else " "
    left_ok = not (low[start].isascii() and ctx.is_ascii_alnum(before))
    right_ok = not (low[end - 1].isascii() and ctx.is_ascii_alnum(after))
    return left_ok and right_ok


_RUN = re.compile(r"[a-z0-9_\-./:]*")
_DEFINE_WIDTH = 40  # an acronym's expansion sits within this many characters of one mention
_RIGHT_BY = 6  # a cloud word this close to a mention overrides the notice's other meaning


def _cloud_right_by(low: str, start: int, end: int) -> bool:
    seg_start, seg_end = ctx.segment_bounds(low, start, end)
    left = low[max(seg_start, start - _RIGHT_BY):start]
    right = low[end:min(seg_end, end + _RIGHT_BY)]
    return vocab().lex("cloud_right_by").search(left + " " + right) is not None


def _in_code(low: str, start: int, end: int) -> bool:
    """Part of a URL, path or ID with digits (``amazonaws.com/x``, ``aws-2024-001``)."""
    left = start
    while left > 0 and _RUN.fullmatch(low[left - 1]):
        left -= 1
    match = _RUN.match(low, end)
    run = low[left:match.end() if match else end]
    if "://" in run or "www." in run:
        return True
    rest = low[left:start] + low[end:match.end() if match else end]
    return any(ch.isdigit() for ch in rest)


def cloud_rejection(scan: Scan, start: int, end: int) -> str | None:
    low = scan.low
    if ctx.code_quoted(low, start, end):
        return "quoted as a code token in documentation, not a purchase"
    other = ctx.segment_has(low, start, end, "other_meaning_cloud")
    if other is not None:
        return f"other meaning ('{other}')"
    ban = ctx.ban_clause(low, start, end)
    if ban is not None:
        return f"ban / exclusion clause ('{ban}')"
    seg_start, seg_end = ctx.segment_bounds(low, start, end)
    compat = vocab().lex("compat_cloud").search(low[max(seg_start, start - 16):start])
    if compat is None:
        compat = vocab().lex("compat_cloud_after").search(low[end:min(seg_end, end + 10)])
    if compat is not None:
        return f"compatibility / example wording ('{compat.group(0)}'), not a purchase"
    teaching = ctx.line_has(low, start, "not_purchase")
    if teaching is not None:
        return f"not a purchase ('{teaching}')"
    return None


def defined_otherwise(scan: Scan, anchors: list[Anchor]) -> dict[str, str]:
    """Acronyms the notice defines with another meaning anywhere ("自动气象站（AWS）",
    "AWS (Automatic Weather Station)", "以下简称AWS"), or whose other meaning is what the
    notice is about (a bare AWS in a weather-station notice): acronym -> the defining words."""
    out: dict[str, str] = {}
    for provider in vocab().providers:
        for acronym, regex in provider.defined_as.items():
            for anchor in anchors:
                if anchor.literal != acronym or acronym in out:
                    continue
                near = ctx.window(scan.low, anchor.start, anchor.end, _DEFINE_WIDTH, same_line=False)
                hit = re.search(regex, near)
                if hit is not None:
                    out[acronym] = hit.group(0)
            theme = provider.theme_as.get(acronym)
            if acronym not in out and theme and any(a.literal == acronym for a in anchors):
                hit = re.search(theme, scan.low)
                if hit is not None:
                    out[acronym] = hit.group(0)
    return out


# (the vocabulary, (provider, weak anchor) -> the regex it needs nearby): built once per vocabulary
_weak: tuple[object, dict[tuple[str, str], re.Pattern[str]]] = (None, {})


def _weak_words() -> dict[tuple[str, str], re.Pattern[str]]:
    global _weak
    v = vocab()
    if _weak[0] is not v:
        _weak = (v, {(p.provider, w.lower()): re.compile(rx) for p in v.providers for w, rx in p.weak.items()})
    return _weak[1]


def provider_findings(scan: Scan, anchors: list[Anchor], blocked: list[tuple[int, int]]) -> list[Finding]:
    """Provider mentions; ``blocked`` spans (AI-service names such as "Azure OpenAI") are skipped."""
    weak = _weak_words()
    defined = defined_otherwise(scan, anchors)
    out: list[Finding] = []
    taken_until = -1
    for anchor in anchors:
        hit = next((key for kind, key in anchor.targets if kind == "cloud"), None)
        if hit is None or anchor.start < taken_until:
            continue
        start, end = anchor.start, anchor.end
        if any(s <= start < e for s, e in blocked) or not _ascii_bounded(scan.low, start, end):
            continue
        if anchor.literal.isascii() and _in_code(scan.low, start, end):
            continue
        needs = weak.get((hit, anchor.literal))
        if needs is not None and needs.search(ctx.window(scan.low, start, end, 40).replace(anchor.literal, " ")) is None:
            continue
        taken_until = end
        why_not = cloud_rejection(scan, start, end)
        meaning = defined.get(anchor.literal)
        if why_not is None and meaning is not None and not _cloud_right_by(scan.low, start, end):
            why_not = f"the notice defines {anchor.literal.upper()} as '{meaning}' (no cloud word next to this mention)"
        out.append(scan.finding(
            start, end,
            category="cloud",
            item=None,
            provider=hit,
            confidence=0.85 if why_not is None else 0.3,
            in_scope=True,
            rule_group="remote_access",
            reason=f"US cloud provider {hit} named" if why_not is None else f"{hit}: {why_not}",
            negated=why_not is not None,
        ))
    return out


def instance_findings(scan: Scan, anchors: list[Anchor]) -> list[Finding]:
    v = vocab()
    out: list[Finding] = []
    seen: set[int] = set()
    for anchor in anchors:
        if anchor.start in seen:
            continue
        for kind, key in anchor.targets:
            if kind != "instance":
                continue
            inst = v.instances[int(key)]
            match = inst.regex.match(scan.low, anchor.start)
            if match is None:
                continue
            start, end = match.start(), match.end()
            if not _ascii_bounded(scan.low, start, end):
                continue
            if inst.needs_cloud and ctx.near_words(scan.low, start, end, "cloud_words", 40) is None:
                continue
            seen.add(start)
            count: int | None = None
            if inst.count == "{1}" and match.groups():
                count = int(match.group(1))
            elif inst.count.isdigit():
                count = int(inst.count)
            why_not = cloud_rejection(scan, start, end)
            shown = f"{count}x{inst.gpu}" if count else inst.gpu
            acc = v.accelerators[inst.gpu]
            out.append(scan.finding(
                start, end,
                category="cloud",
                item=inst.gpu,
                provider=inst.provider,
                confidence=0.9 if why_not is None else 0.3,
                in_scope=True,
                rule_group="remote_access",
                reason=(f"instance type {match.group(0)} -> {shown} ({inst.provider}); GPU: {status_on(acc.rule, scan.date)[0]}"
                        if why_not is None else f"instance type {match.group(0)}: {why_not}"),
                negated=why_not is not None,
                quantity=count,
            ))
            break
    return out
