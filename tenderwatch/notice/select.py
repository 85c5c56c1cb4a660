"""Pick the one amount the export reports (``amount_cny``, see corpus/README.md).

* award / contract notices: the award or contract amount;
* tenders, intentions, single-source: the budget (预算金额), else the ceiling (最高限价);
* corrections: the corrected value;
* a relevant notice split into lots (or an intention list): only the lots whose
  span holds a not negated finding that is in scope or names a US accelerator, controlled or
  not (a lot of RTX 4090D beside a lot of RTX 4090 is part of the purchase; a lot of domestic
  servers or of furniture is not), summed when several qualify, with the
  amounts written elsewhere under the same lot number (an award table beside the goods table);
* 含税 when both 含税 and 不含税 are given; a summary rounded to 万元 gives way to
  the precise body value in 元; ``None`` when only a rate or a foreign currency.
"""

from __future__ import annotations

from tenderwatch.model import Amount, Finding, Lot, NoticeFields

CHAINS: dict[str, tuple[str, ...]] = {
    "award": ("award", "contract"),
    "contract": ("contract", "award"),
    "tender": ("corrected", "budget", "ceiling"),
    "intention": ("corrected", "budget", "ceiling"),
    "single_source": ("corrected", "budget", "ceiling", "award", "contract"),
    "correction": ("corrected", "budget", "ceiling", "award", "contract"),
    "other": ("budget", "award", "contract", "ceiling"),
}
_NEAR = 0.006


def _precision(value: float) -> int:
    return len(str(round(value)).rstrip("0"))


def _pick(amounts: list[Amount]) -> float | None:
    """The total among same-kind amounts: the largest, refined to the most precise near value."""
    values = [a for a in amounts if a.value_cny is not None and a.value_cny > 0]
    if not values:
        return None
    if any(a.tax_included is True for a in values) and any(a.tax_included is False for a in values):
        values = [a for a in values if a.tax_included is not False]
    top = max(a.value_cny or 0.0 for a in values)
    near = [a.value_cny or 0.0 for a in values if abs((a.value_cny or 0.0) - top) <= _NEAR * top]
    return max(near, key=lambda v: (_precision(v), v))


def _by_chain(amounts: list[Amount], chain: tuple[str, ...]) -> tuple[float | None, bool]:
    """(value, found_any) following the kind chain; found_any says an amount of a chain kind
    existed even if it had no yuan value (a foreign currency)."""
    for kind in chain:
        group = [a for a in amounts if a.kind == kind]
        if group:
            value = _pick(group)
            if value is not None:
                return value, True
            return None, True
    return None, False


def _lot_sum(lots: list[Lot], chain: tuple[str, ...]) -> float | None:
    per_key: dict[str, float] = {}
    for lot in lots:
        value, _ = _by_chain(lot.amounts, chain)
        if value is not None:
            per_key[lot.key] = max(per_key.get(lot.key, 0.0), value)
    return sum(per_key.values()) if per_key else None


def select_amount(notice: NoticeFields, findings: list[Finding], relevant: bool,
                  bought: list[Finding] | None = None) -> float | None:
    """``bought``: the findings that make a lot part of the purchase (default: the in-scope,
    not negated ones; the pipeline adds the uncontrolled US accelerators, see
    ``detect.lot_findings``)."""
    chain = CHAINS.get(notice.notice_type, CHAINS["other"])
    if relevant and notice.lots:
        if bought is None:
            bought = [f for f in findings if f.in_scope and not f.negated]
        # every place such an item is written (a merged finding keeps each mention)
        starts = [start for f in bought
                  for start in ([m.start for m in f.mentions] or [f.start]) if start >= 0]
        hit = [lot for lot in notice.lots if any(lot.start <= start < lot.end for start in starts)]
        # the goods table names the item, the award table (or the lot's own section) its amount:
        # the same lot number in both is one lot
        numbers = {lot.key for lot in hit if lot.numbered}
        held = {id(lot) for lot in hit}
        hit += [lot for lot in notice.lots if lot.numbered and lot.key in numbers and id(lot) not in held]
        if hit and len({lot.key for lot in hit}) < len({lot.key for lot in notice.lots}):
            value = _lot_sum(hit, chain)
            if value is not None:
                return value
    value, found = _by_chain(notice.amounts, chain)
    if value is None and found:
        return None
    if value is not None and notice.lots:
        lot_total = _lot_sum(notice.lots, chain)
        if lot_total is not None and lot_total > value * (1 + _NEAR):
            return lot_total
    return value
