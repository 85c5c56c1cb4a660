"""Collect the amounts of a notice with their kind (budget, ceiling, award, contract, fee ...).

Kinds come from the label whose value holds the amount, from the column header
of a table, or from the nearest amount word before it on the same line. Amounts
in the agency-fee section are fees; amounts in a list of all bidders are bids.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from tenderwatch.notice.amounts import Money, find_money, is_rate, tax_flag
from tenderwatch.notice.labels import AMOUNT_FIELDS, vocab
from tenderwatch.notice.scan import Scan, Table
from tenderwatch.patterncache import longest_first

_CORRECTED = re.compile(r"更正为|变更为|修改为|调整为|更改为|改为|调整至|变更至|更正后|变更后|修改后|调整后|现为")
_QUOTES = "“”\"'‘’「」『』《》 \t"
# The old value of a correction: "由62万元更正为…", "原预算金额62万元".
_OLD_AFTER = re.compile(r"[“”\"'‘’「」『』\s)]*(?:" + _CORRECTED.pattern + ")")
_REVISABLE = frozenset({"budget", "ceiling", "other"})


@dataclass(slots=True)
class Found:
    kind: str
    value_cny: float | None
    currency: str
    value: float
    start: int  # normalised span
    end: int
    tax: bool | None
    precise: int  # significant digits, to prefer 元 values over rounded 万元 ones


@lru_cache(maxsize=1)
def _context_words() -> re.Pattern[str]:
    keys = [k for k, (f, _) in vocab().labels.items() if f in AMOUNT_FIELDS and len(k) >= 2]
    keys += ["服务费", "收费", "保证金"]
    firsts = "".join(sorted({re.escape(k[0]) for k in keys}))
    # the look-ahead rejects most positions with one class test instead of trying every word
    words = sorted(set(keys), key=longest_first)
    return re.compile(f"(?=[{firsts}])(?:" + "|".join(map(re.escape, words)) + ")")


def _kind_of_word(word: str) -> str:
    if word in ("服务费", "收费", "保证金"):
        return "fee"
    field_name = vocab().labels.get(word, ("other", 0))[0]
    return "other" if field_name == "total" else field_name


def _precision(value: float) -> int:
    return len(str(round(value)).rstrip("0"))


def _found(kind: str, money: Money, offset: int, context: str) -> Found:
    cny = money.value if money.currency == "CNY" else None
    tax = tax_flag(context) if "税" in context else None
    return Found(kind, cny, money.currency, money.value, offset + money.start, offset + money.end,
                 tax, _precision(money.value))


def _section_kind(section: str, kind: str) -> str:
    if section == "fee" and kind not in ("unit_price",):
        return "fee"
    if section == "bidders":
        return "bid"
    return kind


def collect(scan: Scan) -> list[Found]:
    text = scan.text
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    # 1. labelled values: the first amount of the value gets the label's kind.
    for pair in scan.pairs:
        if pair.field not in AMOUNT_FIELDS:
            continue
        unit = "万元" if "万元" in pair.hint else "元"
        if is_rate(pair.value):
            taken.append((pair.start, pair.end))
            continue
        moneys = find_money(pair.value, unit)
        kind = _section_kind(pair.section, "other" if pair.field == "total" else pair.field)
        context = f"{pair.label}{pair.hint}{pair.value}"
        marker = _CORRECTED.search(pair.value) if len(moneys) > 1 else None
        for n, money in enumerate(moneys):
            if marker is not None:  # "由“62万元”更正为“58万元”": the new value counts
                new = kind if kind not in _REVISABLE else "corrected"
                # a bare number counts only right after the marker ("更正为“58”"), not inside other words
                # ("更正为“GPU服务器4台,每台8块A800…”": counts and a model number)
                after = money.start >= marker.end() and (
                    money.explicit or not pair.value[marker.end():money.start].strip(_QUOTES + ":："))
                out.append(_found(new if after else "other", money, pair.start, context))
                continue
            same = n == 0 or (moneys[0].value == money.value)
            out.append(_found(kind if same else "other", money, pair.start, context))
        taken.append((pair.start, pair.end))
    # 2. table cells under amount columns (unit from the header).
    for table in scan.tables:
        for col, role in enumerate(table.roles):
            if role not in AMOUNT_FIELDS:
                continue
            unit = "万元" if "万元" in table.hints[col] else "元"
            kind = _section_kind(table.section, "other" if role == "total" else role)
            for row in table.rows:
                if col >= len(row) or is_rate(row[col].text):
                    continue
                for money in find_money(row[col].text, unit)[:1]:
                    out.append(_found(kind, money, row[col].start, table.keys[col] + table.hints[col]))
                taken.append((row[col].start, row[col].end))
        _corrections(table, out, taken)
    # 3. free amounts with a unit or currency: kind from the words before them.
    words = _context_words()
    corrections: bool | None = None  # searched for only when a free amount needs it
    taken.sort()
    for money in find_money(text):
        i = bisect_right(taken, (money.start, len(text))) - 1
        if i >= 0 and taken[i][0] <= money.start < taken[i][1]:
            continue
        if corrections is None:
            corrections = _CORRECTED.search(text) is not None
        lstart = text.rfind("\n", 0, money.start) + 1
        prefix = text[max(lstart, money.start - 30): money.start]
        hits = words.findall(prefix)
        # an amount with no amount word before it is a mention in prose ("单卡价格一度被炒至25万元"): "other"
        kind = _section_kind(scan.section_at(money.start), _kind_of_word(hits[-1]) if hits else "other")
        if corrections:
            kind = _revised(text, money, prefix, lstart, kind)
        out.append(_found(kind, money, 0, text[max(lstart, money.start - 20): money.end + 12]))
    out.sort(key=lambda f: f.start)
    return out


def _revised(text: str, money: Money, prefix: str, lstart: int, kind: str) -> str:
    """The kind of a free amount in a text that corrects values: the old value is "other",
    the new one (after 更正为 / 调整为 …, or on the line after "更正为：") is "corrected"."""
    if _OLD_AFTER.match(text, money.end, money.end + 12) or prefix.rstrip(_QUOTES).endswith("由"):
        return "other"
    if kind not in _REVISABLE:
        return kind
    if _CORRECTED.search(prefix):
        return "corrected"
    if not text[lstart:money.start].strip(_QUOTES + ":：") and lstart > 1:
        above = text[text.rfind("\n", 0, lstart - 1) + 1: lstart - 1].rstrip(_QUOTES + ":：")
        if _CORRECTED.search(above[-6:]):
            return "corrected"
    return kind


def _corrections(table: Table, out: list[Found], taken: list[tuple[int, int]]) -> None:
    """A 更正项 / 原内容 / 更正后内容 table: the corrected amount (or the old one when 不变)."""
    roles = table.roles
    if not {"field", "old", "new"} <= set(roles):
        return
    fcol, ocol, ncol = roles.index("field"), roles.index("old"), roles.index("new")
    labels = vocab().labels
    for row in table.rows:
        if max(fcol, ocol, ncol) >= len(row):
            continue
        key = row[fcol].text
        field_name = next((f for k, (f, _) in labels.items() if f in AMOUNT_FIELDS and k in key), None)
        if field_name is None:
            continue
        new = find_money(row[ncol].text, "元")
        old = find_money(row[ocol].text, "元")
        cell = row[ncol] if new else row[ocol]
        for money in (new or old)[:1]:
            out.append(_found("corrected", money, cell.start, key))
        taken.extend([(row[ocol].start, row[ocol].end), (row[ncol].start, row[ncol].end)])
