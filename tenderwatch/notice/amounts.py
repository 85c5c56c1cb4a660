"""Money in notices: numbers with 元/万元/亿元, ¥ and 人民币 prefixes, 人民币大写, foreign currency.

``parse_money(text, default_unit)`` reads every amount in a short value string;
``find_money(text)`` finds unit-bearing amounts anywhere in a longer text. A rate
(下浮率 5%, 折扣率, 费率) or a fee rule is never returned as money.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from tenderwatch.notice.labels import vocab

log = logging.getLogger(__name__)

_NUM = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?+"
_CUR = (r"¥|RMB|CNY|人民币|USD|US\$|HK\$|HKD|NT\$|TWD|新台币|MOP\$?|EUR|€|GBP|£|JPY|SGD|S\$|AUD|A\$"
        r"|港币|港元|澳门币|澳门元|美元|美金|欧元|日元|英镑")  # a currency word before the number: "港币58万元"
_UNIT = (r"亿元|千万元|百万元|万元|千元|元|万美元|万港元|万欧元|(?:万|亿)(?=[,;，；。()、]|\s*$|\s*\n)"
         r"|美元|美金|港元|港币|新台币|台币|澳门元|澳门币|澳元|欧元|英镑|日元|新加坡元|韩元|(?i:million|billion)\b")
_MONEY = re.compile(
    rf"(?P<cur>(?=[¥RCU人HNTMEG€£JSA新港澳美欧日英])(?:{_CUR}))?\s*(?P<num>{_NUM})\s*(?:\((?P<pu>万元|元)\)|(?P<unit>{_UNIT}))?(?P<pct>\s*%)?"
)
# Whole-text passes must start with a literal to be fast: amounts led by a currency
# marker are found forwards, amounts followed by a unit are found on the reversed
# text (the unit, reversed, leads the pattern).
_LEADING_CUR = re.compile(
    rf"(?P<cur>{_CUR})[ \t]*(?P<num>{_NUM})[ \t]*(?:\((?P<pu>万元|元)\)|(?P<unit>{_UNIT}))?(?P<pct>[ \t]*%)?"
)
_REV_UNIT = re.compile(r"(?P<u>[)元金币镑万亿][元万美港欧百亿千日台新门澳坡加韩(]{0,4})[ \t]*(?P<num>\d[\d,.]*)")
_UNITS_AFTER = frozenset({"元", "万元", "亿元", "千元", "百万元", "(万元)", "(元)", "美元", "美金", "港元", "港币",
                          "欧元", "英镑", "日元", "万美元", "万港元", "万欧元", "万", "亿", "千万元", "新台币", "台币",
                          "澳门元", "澳门币", "澳元", "新加坡元", "韩元"})
_BARE_END = frozenset(",;，；。()、\n")
_CAPITAL = re.compile(
    r"(?P<num>[零壹贰叁参肆伍陆柒捌玖拾佰仟万亿]{2,}(?:[元圆](?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?|[元圆]整?))"
)
_SCALE = {"million": 1e6, "billion": 1e9}
# A 大写 amount has two capital characters in a row (贰拾, 壹佰, 叁万 …): one cheap search first.
_HINT_FIRST = "壹贰叁参肆伍陆柒捌玖拾佰仟"
_CAPITAL_HINT = re.compile(f"[{_HINT_FIRST}][零壹贰叁参肆伍陆柒捌玖拾佰仟万亿]")
# The hint once per leading character: led by a literal, re skips to that character's places instead of
# testing the class at every character (a long text holds few of them; 参 is the common one).
_HINT_AFTER = tuple((char, re.compile(char + "[零壹贰叁参肆伍陆柒捌玖拾佰仟万亿]")) for char in _HINT_FIRST)
_PLAIN_NUMBER = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,6})?")  # a bare number (ASCII digits): no unit, no marker
_CAPITAL_CHARS = "零壹贰叁参肆伍陆柒捌玖拾佰仟万亿"  # the digits of _CAPITAL
_CAPITAL_END = re.compile(f"[{_CAPITAL_CHARS}][元圆]")  # how every 大写 amount ends
_SHORT = 200  # a value or cell: the hint's regex at once
_FOREIGN = {"USD", "US$", "美元", "美金", "HK$", "HKD", "港元", "港币", "EUR", "€", "欧元", "GBP", "£", "英镑",
            "JPY", "日元", "NT$", "TWD", "新台币", "台币", "MOP", "MOP$", "澳门元", "澳门币", "SGD", "S$", "新加坡元",
            "AUD", "A$", "澳元", "韩元"}


@dataclass(slots=True)
class Money:
    value: float  # in ``currency`` units (yuan for CNY)
    currency: str
    start: int  # span in the text given to the finder
    end: int
    explicit: bool  # a unit or currency marker was written next to the number


def _currency(marker: str | None) -> str:
    if not marker:
        return "CNY"
    return vocab().currencies.get(marker, "CNY")


@lru_cache(maxsize=4096)  # cn2an is slow and a notice repeats its 大写 amount (summary and body)
def capital_to_number(raw: str) -> float | None:
    """``"贰拾万元整"`` -> 200000.0; ``None`` when it is not a 大写 amount."""
    # 參 (simplified 参) is the traditional way of writing 叁 in 大写 amounts (Taiwan, Hong Kong).
    body = raw.replace("圆", "元").replace("参", "叁").rstrip("整正")
    jiao = fen = 0
    if "元" in body:
        yuan_part, _, rest = body.partition("元")
        m = re.match(r"(?:([零壹贰叁肆伍陆柒捌玖])角)?(?:([零壹贰叁肆伍陆柒捌玖])分)?$", rest)
        if m is None:
            return None
        digits = "零壹贰叁肆伍陆柒捌玖"
        jiao = digits.index(m.group(1)) if m.group(1) else 0
        fen = digits.index(m.group(2)) if m.group(2) else 0
    else:
        yuan_part = body
    import cn2an  # here, not at the top: importing it costs ~0.3 s and most notices have no 大写 amount

    try:
        number = float(cn2an.cn2an(yuan_part, "normal"))
    except (ValueError, KeyError, IndexError, TypeError):
        log.debug("not a capital amount: %r", raw)
        return None
    return number + jiao / 10 + fen / 100


def _number(match: re.Match[str], default_unit: str | None) -> Money | None:
    if match.group("pct"):
        return None
    cur = match.group("cur")
    unit = match.group("unit") or match.group("pu")
    try:
        number = float(match.group("num").replace(",", ""))
    except ValueError:
        return None
    explicit = bool(cur or unit)
    if not explicit and default_unit is None:
        return None
    unit = unit or default_unit or "元"
    if unit[0] in "mMbB":  # "RMB 2.5 million", "HK$1.2 billion"
        number = round(number * _SCALE[unit.lower()], 2)
        unit = "元"
    if unit.startswith("万") and unit[1:] in _FOREIGN:
        number = round(number * 10000, 2)
        unit = unit[1:]
    if unit in _FOREIGN or cur in _FOREIGN:
        code = _currency(unit if unit in _FOREIGN else cur)
        if unit not in _FOREIGN:  # "港币58万元": the unit scales the foreign amount
            number = round(number * vocab().unit_factor.get(unit, 1.0), 2)
        return Money(number, code, match.start(), match.end(), True)
    factor = vocab().unit_factor.get(unit, 1.0)
    return Money(round(number * factor, 2), "CNY", match.start(), match.end(), explicit)


def _has_capital(text: str) -> bool:
    """A 大写 amount may be in ``text``: every one ends with a capital digit right before 元/圆
    (one character-class scan first: far cheaper than the hint's regex on a long text, and than a
    Python loop over every 元 of an amount-heavy notice) and holds one of the capital digits that
    lead the hint (壹 … 仟). "万元" satisfies the first test in nearly every notice; on a long text the
    hint is looked for per leading digit, with ``in`` first (a memchr-like scan; a class test at each
    character is dearer than a dozen of those), then its literal-led pattern only for a digit present."""
    if _CAPITAL_END.search(text) is None:
        return False
    if len(text) <= _SHORT:
        return _CAPITAL_HINT.search(text) is not None
    return any(char in text and hint.search(text) is not None for char, hint in _HINT_AFTER)


def _currency_before(text: str, start: int) -> str:
    """The currency written right before an amount (``港币伍拾捌万元正``, ``美元 壹万元``), else CNY."""
    if start == 0:
        return "CNY"
    head = text[max(0, start - 8):start].rstrip(" \t:：")
    if not head:
        return "CNY"
    for marker, code in vocab().currencies.items():
        if head.endswith(marker):
            return code
    return "CNY"


# Larger written numbers are not amounts (a 400-digit "budget" is infinity as a float):
# they are not read as values, so no total, sort or format downstream meets inf or NaN.
MAX_AMOUNT = 1e15


def _sane(found: list[Money]) -> list[Money]:
    return [m for m in found if math.isfinite(m.value) and abs(m.value) < MAX_AMOUNT]


def find_money(text: str, default_unit: str | None = None) -> list[Money]:
    """Every amount in ``text``; bare numbers count only when ``default_unit`` is given.
    Numbers past ``MAX_AMOUNT`` (or not finite) are left out."""
    return _sane(_find_money(text, default_unit))


def _find_money(text: str, default_unit: str | None = None) -> list[Money]:
    if default_unit in ("元", "万元") and _PLAIN_NUMBER.fullmatch(text):  # a table cell "102980.00"
        factor = vocab().unit_factor.get(default_unit, 1.0)
        return [Money(round(float(text) * factor, 2), "CNY", 0, len(text), False)]
    out: list[Money] = []
    if ("元" in text or "圆" in text) and _has_capital(text):
        for m in _CAPITAL.finditer(text):
            value = capital_to_number(m.group("num"))
            if value is not None and value > 0:
                out.append(Money(value, _currency_before(text, m.start()), m.start(), m.end(), True))
    if default_unit is not None:
        for m in _MONEY.finditer(text):
            if out and any(o.start <= m.start() < o.end for o in out):
                continue
            money = _number(m, default_unit)
            if money is not None:
                out.append(money)
        out.sort(key=lambda item: item.start)
        return out
    for m in _LEADING_CUR.finditer(text):
        if out and any(o.start <= m.start() < o.end for o in out):
            continue
        money = _number(m, None)
        if money is not None:
            out.append(money)
    _reversed_units(text, out)
    out.sort(key=lambda item: item.start)
    return out


def _reversed_units(text: str, out: list[Money]) -> None:
    """Amounts followed by a unit (``261.8万元``, ``65.00(万元)``, ``12,000美元``)."""
    n = len(text)
    taken = [(o.start, o.end) for o in out]
    factors = vocab().unit_factor
    for m in _REV_UNIT.finditer(text[::-1]):
        unit = m.group("u")[::-1]
        if unit not in _UNITS_AFTER:
            continue
        written = m.group("num")[::-1]
        raw = written.lstrip(",.")
        start, end = n - m.end() + len(written) - len(raw), n - m.start()
        if start > 0 and text[start - 1].isdigit():
            continue
        try:
            number = float(raw.replace(",", ""))
        except ValueError:
            continue
        if taken and any(a <= start < b or start <= a < end for a, b in taken):
            continue
        if unit in ("万", "亿") and end < n and text[end] not in _BARE_END:
            continue
        unit = unit.strip("()")
        if unit.startswith("万") and unit[1:] in _FOREIGN:
            number = round(number * 10000, 2)
            unit = unit[1:]
        if unit in _FOREIGN:
            out.append(Money(number, _currency(unit), start, end, True))
        else:
            out.append(Money(round(number * factors.get(unit, 1.0), 2), "CNY", start, end, True))


def is_rate(text: str) -> bool:
    """The value is a rate or a fee rule (下浮率 5%, 按…收费标准的49%计取), not money."""
    return bool(vocab().rate.search(text)) and not _has_unit(text)


def _has_unit(text: str) -> bool:
    return any(m.explicit for m in find_money(text))


def tax_flag(context: str) -> bool | None:
    """``False`` for 不含税, ``True`` for 含税, ``None`` when not said."""
    v = vocab()
    if v.tax_excluded.search(context):
        return False
    if v.tax_included.search(context):
        return True
    return None
