"""Class a party as state-linked or not: university, CAS institute, PLA unit, central or local
SOE, government agency, hospital, other. Rules (first match wins) in data/screen/party_classes.yaml."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tenderwatch.screen.normalize import _T2S, clean_input, has_han, strip_zh_legal
from tenderwatch.screen.vocab import VocabError, vocab

CLASSES = ("university", "cas_institute", "pla_unit", "central_soe", "local_soe", "government", "hospital", "other")


@cache
def _rules() -> list[tuple[str, re.Pattern[str], str]]:
    out: list[tuple[str, re.Pattern[str], str]] = []
    for rule in vocab().party_rules:
        cls = str(rule.get("class"))
        if cls not in CLASSES:
            raise VocabError(f"party_classes.yaml: unknown class {cls!r}")
        for pattern in rule.get("patterns") or []:
            out.append((cls, re.compile(str(pattern)), str(rule.get("reason", cls))))
    return out


@lru_cache(maxsize=65536)  # buyers and agencies recur across notices
def classify_party(name: str) -> tuple[str, str]:
    """(class, reason) for a buyer or supplier name, e.g. ("university", "name contains 大学 ...: 大学")."""
    text = clean_input(name)
    if not text:
        return "other", "empty name"
    if has_han(text):
        text = "".join(_T2S.convert(text).split()).replace("（", "(").replace("）", ")")
        text = strip_zh_legal(text) if text.endswith("医院有限公司") else text
    for cls, pattern, reason in _rules():
        m = pattern.search(text)
        if m:
            return cls, f"{reason}: matched {m.group(0)!r}"
    return "other", "no state-linked marker in the name"
