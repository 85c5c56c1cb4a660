"""Dates as notices write them: 2021年10月27日, 2025/5/20, 2025-05-27 20:20,
二〇二四年三月五日, "17 September 2024", "18.01.2024" (day first), "12th August 2024", "August 12th, 2024", 民国113年10月8日
(and 113/10/15 in a Taiwanese document). Values are ``YYYY-MM-DD`` (``YYYY-MM`` without a day)."""

from __future__ import annotations

import re
from datetime import date

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_MONTHS = {name: n for n, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}

_DATE = (
    r"(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月(?:\s*(?P<d1>\d{1,2})\s*[日号])?"
    r"|(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d))"
    r"|(?P<cy>[〇零○一二三四五六七八九Oo]{4})\s*年\s*(?P<cm>[一二三四五六七八九十]{1,2})\s*月"
    r"(?:\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*[日号])?"
    r"|(?P<ed>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<em>[A-Za-z]{3,9})\.?,?\s+(?P<ey>(?:19|20)\d{2})"
    r"|(?P<em2>[A-Za-z]{3,9})\.?\s+(?P<ed2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<ey2>(?:19|20)\d{2})"
    # day first, as Hong Kong, Macau and other English notices write it: 18.01.2024, 24-05-2022, 7/11/2023
    r"|(?<![\d.\-/])(?P<nd>\d{1,2})(?P<nsep>[-/.])(?P<nm>\d{1,2})(?P=nsep)(?P<ny>(?:19|20)\d{2})(?![\d.\-/])"
    # the Republic of China (Taiwan) calendar, era name written: 民国113年10月8日 (year + 1911)
    r"|民国\s*(?P<ry>\d{1,3})\s*年\s*(?P<rm>\d{1,2})\s*月(?:\s*(?P<rd>\d{1,2})\s*[日号])?"
)
DATE = re.compile(_DATE)
# a second date right after a date: a period ("2024年11月1日—11月30日", "1 Nov to 30 Nov"); a dateline's
# "January 8, 2025 — text" has no date after the dash
RANGE_AFTER = re.compile(r"\s*(?:[—–~～至到-]|(?i:to|until)\b)\s*(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))")
# In a Taiwanese document a bare three-digit year is an ROC year too: 113/10/15.
DATE_ROC = re.compile(_DATE + r"|(?<![\d/])(?P<ty>1[0-4]\d)/(?P<tm>\d{1,2})/(?P<td>\d{1,2})(?![\d/])")
ROC_OFFSET = 1911
_BIG5 = frozenset({"big5", "cp950", "big5-tw", "csbig5"})


def taiwanese(text: str, encoding: str | None) -> bool:
    """The document is Taiwanese: the ROC era (民国) or the New Taiwan dollar is written, or it was
    read as Big5 (then a three-digit year ``113/10/15`` is an ROC year)."""
    return "民国" in text or "新台币" in text or (encoding or "").lower().replace("_", "-") in _BIG5


def date_pattern(roc: bool) -> re.Pattern[str]:
    """``DATE``, or ``DATE_ROC`` for a Taiwanese document."""
    return DATE_ROC if roc else DATE


def _cn_number(text: str) -> int:
    """一..三十一 -> int."""
    if "十" not in text:
        return _CN_DIGIT.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)


def _valid(y: int, m: int, d: int | None) -> str | None:
    if not 1990 <= y <= 2100 or not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def date_value(match: re.Match[str]) -> str | None:
    """The ``YYYY-MM-DD`` value of a ``DATE`` match (None when impossible)."""
    g = match.group
    if g("y"):
        if g("m1"):
            return _valid(int(g("y")), int(g("m1")), int(g("d1")) if g("d1") else None)
        return _valid(int(g("y")), int(g("m2")), int(g("d2")))
    if g("cy"):
        year = int("".join(str(_CN_DIGIT.get(c, 0)) for c in g("cy")))
        return _valid(year, _cn_number(g("cm")), _cn_number(g("cd")) if g("cd") else None)
    if g("ey"):
        month = _MONTHS.get(g("em").lower())
        return _valid(int(g("ey")), month, int(g("ed"))) if month else None
    if g("em2"):
        month = _MONTHS.get(g("em2").lower())
        return _valid(int(g("ey2")), month, int(g("ed2"))) if month else None
    if g("ny"):
        return _valid(int(g("ny")), int(g("nm")), int(g("nd")))
    if g("ry"):
        return _valid(int(g("ry")) + ROC_OFFSET, int(g("rm")), int(g("rd")) if g("rd") else None)
    if g("ty"):
        return _valid(int(g("ty")) + ROC_OFFSET, int(g("tm")), int(g("td")))
    return None


def parse_date(text: str, roc: bool = False) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD`` (or ``YYYY-MM``), else None; with ``roc``, a
    bare three-digit year is an ROC (Taiwan) year."""
    for match in date_pattern(roc).finditer(text):
        value = date_value(match)
        if value:
            return value
    return None
