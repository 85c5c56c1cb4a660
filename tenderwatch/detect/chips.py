"""Accelerators named in the text (A100, H20, RTX 4090D, Ascend 910B ...) and GPU systems.

For each chip anchor the longest vocabulary pattern is matched, then the §4
collisions are ruled out from local context only: glued IDs and phone numbers,
identifier segments (UUIDs, project and part numbers), rooms and floors, other
meanings (UAV airframes, switches), ban clauses, benchmark comparisons, teaching
content; short tokens also need a GPU word right next to them.
"""

from __future__ import annotations

import logging
import re

from tenderwatch.detect import context as ctx
from tenderwatch.detect.anchors import Anchor
from tenderwatch.detect.rules import status_on
from tenderwatch.detect.scan import Scan
from tenderwatch.detect.vocab import Accelerator, vocab
from tenderwatch.model import Finding

log = logging.getLogger(__name__)

_STRONG_WIDTH = 150
_WEAK_WIDTH = 40
_CATEGORY_LOOKBACK = 220
_PRICE_AFTER = re.compile(r" ?(?:元|万元|万|rmb|cny|块钱)")


def _best_match(scan: Scan, anchor: Anchor) -> tuple[Accelerator, int] | None:
    v = vocab()
    best: tuple[Accelerator, int] | None = None
    for kind, key in anchor.targets:
        if kind != "chip":
            continue
        match = v.chip_patterns[key].match(scan.low, anchor.start)
        if match is not None and (best is None or match.end() > best[1]):
            best = (v.accelerators[key], match.end())
    return best


def _suffixed(scan: Scan, acc: Accelerator, end: int) -> tuple[str, int]:
    """The item name and end, keeping a Ti / SUPER suffix the catalogue has no entry for."""
    lists = vocab().lists
    if not lists["name_suffix_family"].contains(acc.canonical.lower()):
        return acc.canonical, end
    suffix = lists["name_suffix"].regex
    match = suffix.match(scan.low[end:end + 16]) if suffix is not None else None
    if match is None:
        return acc.canonical, end
    words = ["Ti" if w == "ti" else "SUPER" for w in re.findall(r"ti|super", match.group(0))]
    return f"{acc.canonical} {' '.join(words)}", end + match.end()


def _has_gpu_context(scan: Scan, acc: Accelerator, start: int, end: int) -> bool:
    near = vocab().chip_near.get(acc.canonical)
    if near is not None and near.search(scan.low, max(0, start - 14), min(len(scan.low), end + 10)) is None:
        return False
    if _PRICE_AFTER.match(scan.low, end):
        return False
    if acc.strength == "strong":
        text = ctx.window(scan.low, start, end, _STRONG_WIDTH, same_line=False)
    else:
        text = ctx.window(scan.low, start, end, _WEAK_WIDTH)
    lists = vocab().lists
    if lists["gpu_words"].contains(text) or lists["memory_size"].contains(text):
        return True
    if acc.strength != "strong":
        return False
    if lists["ai_compute_words"].contains(text):
        return True
    # "采购H100服务器2台": a distinctive model next to a system or card word
    line = ctx.window(scan.low, start, end, _WEAK_WIDTH)
    return lists["server_words"].contains(line) or lists["card_words"].contains(line)


def category_at(scan: Scan, start: int, end: int) -> tuple[str, str]:
    """``server`` or ``chip`` for a mention, from the nearest system/card word (and why)."""
    low = scan.low
    lists = vocab().lists
    line_start, line_end = ctx.line_bounds(low, start)
    strong_rx = lists["server_strong"].regex
    left, right = max(line_start, start - 80), min(line_end, end + 80)
    for strong in strong_rx.finditer(low, left, right) if strong_rx is not None else ():
        if ctx.out_of_scope(low, strong.start(), strong.end()) is None:
            return "server", f"system word '{strong.group(0)}' on the line"
    host = ctx.system_containing(low, start)
    if host is not None:
        return "server", f"bought inside a system ('{host}' holds it)"
    if scan.title_category == "server":
        # "英伟达H-100显卡8张，用于现有服务器扩容升级": cards for servers the buyer has, whatever the title says
        card, line = lists["card_words"].regex, low[line_start:line_end]
        if card is not None and card.match(low[end:end + 4].lstrip(" -")) is not None \
                and lists["upgrade_words"].contains(line) and lists["existing_words"].contains(line):
            return "chip", "a card for servers the buyer has (upgrade), not a system"
    if scan.title_category is not None:
        return scan.title_category, "what the notice title buys"
    floor = max(0, min(line_start, start - _CATEGORY_LOOKBACK))
    best: tuple[int, str, str] | None = None
    for name, category in (("server_words", "server"), ("card_words", "chip")):
        regex = lists[name].regex
        if regex is None:
            continue
        for match in regex.finditer(low, floor, line_end):
            if category == "server" and ctx.out_of_scope(low, match.start(), match.end()) is not None:
                continue
            if match.end() <= start:
                distance = start - match.end()
            elif match.start() >= end:
                distance = match.start() - end
            else:
                distance = 0
            if best is None or distance < best[0]:
                best = (distance, category, match.group(0))
    if best is None:
        return "chip", "no system word nearby"
    return best[1], f"nearest word '{best[2]}'"


def title_category(title: str) -> str | None:
    """``server``/``chip`` from the last system or card word of a title (its head noun)."""
    low = title.lower()
    lists = vocab().lists
    last: tuple[int, str] | None = None
    for name, category in (("server_words", "server"), ("card_words", "chip")):
        regex = lists[name].regex
        for match in regex.finditer(low) if regex is not None else ():
            if last is None or match.end() > last[0]:
                last = (match.end(), category)
    return last[1] if last is not None else None


def _rejection(scan: Scan, start: int, end: int) -> str | None:
    """Why a well-formed chip token is not a purchase of that chip (negated), or None."""
    low = scan.low
    if ctx.code_quoted(low, start, end):
        return "quoted as a code token in documentation, not a purchase"
    if ctx.room_number(low, start, end):
        return "room / floor / cabinet number"
    other = ctx.segment_has(low, start, end, "other_meaning_chip")
    if other is not None:
        return f"other meaning ('{other}')"
    ban = ctx.ban_clause(low, start, end)
    if ban is not None:
        return f"ban / exclusion clause ('{ban}')"
    compared = ctx.comparison(low, start) or ctx.comparison_after(low, end)
    if compared is not None and ctx.rented_class(low, start, end) is None:
        return f"benchmark comparison ('{compared}'), not the item bought"
    owned = ctx.existing_before(low, start, width=24)
    if owned is not None:
        return f"equipment already owned or to be matched ('{owned}'), not the item bought"
    teaching = ctx.line_has(low, start, "not_purchase")
    if teaching is not None:
        return f"not a purchase ('{teaching}')"
    return None


def chip_findings(scan: Scan, anchors: list[Anchor]) -> list[Finding]:
    out: list[Finding] = []
    taken_until = -1
    for anchor in anchors:
        if anchor.start < taken_until:
            continue
        best = _best_match(scan, anchor)
        if best is None:
            continue
        acc, end = best
        start = anchor.start
        name, end = _suffixed(scan, acc, end)
        if not ctx.boundaries_ok(scan.low, start, end):
            continue
        if ctx.inside_identifier(scan.low, start, end):
            log.debug("%s at %d is part of an identifier", acc.canonical, start)
            continue
        room = ctx.room_number(scan.low, start, end)
        if not room and not _has_gpu_context(scan, acc, start, end):
            log.debug("%s at %d has no GPU context", acc.canonical, start)
            continue
        taken_until = end
        why_not = _rejection(scan, start, end)
        rented = None
        if why_not is None and (ctx.comparison(scan.low, start) or ctx.comparison_after(scan.low, end)) is not None:
            rented = ctx.rented_class(scan.low, start, end)
        category, cat_reason = category_at(scan, start, end)
        in_scope = acc.relevant and acc.origin == "us"
        reason = f"{acc.vendor} {name} named; {cat_reason}"
        if name != acc.canonical:
            reason += f" (variant not catalogued: control status of the {acc.canonical})"
        if why_not is not None:
            reason = f"{name} token: {why_not}"
        elif not in_scope:
            reason += "; domestic part" if acc.origin == "domestic" else f"; {status_on(acc.rule, scan.date)[0]}"
        if rented is not None:
            reason += f"; named as the class of capacity rented ('{rented}')"
        found = scan.finding(
            start, end,
            category=category,
            item=name,
            provider=None,
            confidence=(0.9 if acc.strength == "strong" else 0.75) if why_not is None else 0.3,
            in_scope=in_scope,
            rule_group=acc.rule,
            reason=reason,
            negated=why_not is not None,
            quantity=scan.quantity(start, end),
        )
        if rented is not None:
            scan.rented.add(id(found))
        out.append(found)
    return out


def system_findings(scan: Scan, anchors: list[Anchor], chips: list[Finding]) -> list[Finding]:
    """HGX/DGX boards and known GPU server models with no accelerator named next to them."""
    v = vocab()
    by_name = {s.name: s for s in v.systems}
    chip_starts = [scan.norm_span(f)[0] for f in chips]
    out: list[Finding] = []
    for anchor in anchors:
        for kind, key in anchor.targets:
            if kind != "system":
                continue
            system = by_name[key]
            match = v.system_patterns[key].match(scan.low, anchor.start)
            if match is None or not ctx.boundaries_ok(scan.low, match.start(), match.end()):
                continue
            start, end = match.start(), match.end()
            if any(abs(s - start) < 100 for s in chip_starts):
                continue
            ban = ctx.ban_clause(scan.low, start, end) or ctx.out_of_scope(scan.low, start, end)
            item = system.implies
            rule_group = v.accelerators[item].rule if item else "system"
            out.append(scan.finding(
                start, end,
                category="server",
                item=item,
                provider=None,
                confidence=system.confidence if ban is None else 0.3,
                in_scope=system.hgx,
                rule_group=rule_group,
                reason=(f"{system.name}: GPU system (4A090 if it carries 3A090 GPUs), no GPU named nearby"
                        if ban is None else f"{system.name} in a ban / exclusion / not-in-scope clause ('{ban}')"),
                negated=ban is not None,
                quantity=scan.quantity(start, end),
            ))
    return out
