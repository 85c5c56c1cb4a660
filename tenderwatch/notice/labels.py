"""Load the notice vocabulary (``tenderwatch/data/notice/*.yaml|csv``) once.

Everything a rule needs to recognise (field labels, table columns, notice-type
cues, amount units, organisation forms) is data with a source; this module turns
it into lookup tables and compiled regular expressions.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tenderwatch.patterncache import longest_first
from tenderwatch.yamlfile import load_yaml

AMOUNT_FIELDS = frozenset({"budget", "ceiling", "award", "contract", "fee", "unit_price", "bid", "total"})
_PAREN = re.compile(r"\([^()]*\)")


class VocabularyError(ValueError):
    """A vocabulary file is malformed."""


@lru_cache(maxsize=8192)
def label_key(text: str) -> tuple[str, str]:
    """``"中标(成交)金额"`` -> (``"中标金额"``, ``"成交"``): the lookup key and the bracket text."""
    inner = " ".join(m.group(0)[1:-1] for m in _PAREN.finditer(text)) if "(" in text else ""
    key = _PAREN.sub("", text) if inner or "(" in text else text
    key = key.replace(" ", "").replace("　", "").strip(":：.、")
    # English labels are matched without regard to case ("Successful bidder" = "Successful Bidder").
    return (key.lower() if key.isascii() else key), inner


@dataclass(slots=True, frozen=True)
class Vocab:
    labels: dict[str, tuple[str, int]]  # key -> (field, rank)
    columns: dict[str, str]  # key -> role
    sections: dict[str, re.Pattern[str]]  # bidders/fee/award -> pattern
    contact: dict[str, str]  # header key -> field ("buyer", "agency", "supplier", "none")
    kind_rules: tuple[tuple[str, re.Pattern[str]], ...]
    body_rules: tuple[tuple[str, re.Pattern[str]], ...]
    unit_factor: dict[str, float]
    currencies: dict[str, str]  # marker -> ISO code
    rate: re.Pattern[str]
    tax_included: re.Pattern[str]
    tax_excluded: re.Pattern[str]
    org_forms: tuple[str, ...]  # longest first
    company_forms: tuple[str, ...]
    written: tuple[str, ...] = ()  # labels as written (NFKC), longest first
    offices: tuple[str, ...] = ()  # purchasing-office suffixes (采购中心, 招标办公室, 董事会 ...)
    written_set: frozenset[str] = frozenset()
    section_re: re.Pattern[str] = re.compile("$^")  # one pattern, a named group per section kind
    qualifiers: tuple[str, ...] = ()  # words glued before a column name (包预算, 拟采购数量), longest first
    qualified: frozenset[str] = frozenset()  # first characters of the qualifiers (a cheap pre-check)
    frame: re.Pattern[str] = re.compile("$^")  # a title that frames a procurement (kinds.yaml ``frame``)
    losing: tuple[str, ...] = ()  # words before a supplier label that make it a non-winner (labels.yaml)
    name_status: frozenset[str] = frozenset()  # bracketed status notes that belong to a name (筹)
    buyer_columns: frozenset[str] = frozenset()  # column keys that name the buyer (columns.yaml; no table role)


def _load_yaml(name: str) -> dict[str, Any]:
    text = resources.files("tenderwatch").joinpath("data", "notice", name).read_text(encoding="utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise VocabularyError(f"{name}: expected a mapping at the top level")
    return data


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(words))


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The notice vocabulary (loaded once per process)."""
    lab = _load_yaml("labels.yaml")
    labels: dict[str, tuple[str, int]] = {}
    written: set[str] = set()
    for field_name, spec in lab["fields"].items():
        if "source" not in spec:
            raise VocabularyError(f"labels.yaml: field {field_name} has no source")
        for entry in spec["labels"]:
            label = unicodedata.normalize("NFKC", str(entry["label"]))
            key, _ = label_key(label)
            labels[key] = (field_name, int(entry.get("rank", 5)))
            if field_name != "name":
                written.add(label)
    proposed = lab.get("proposed", {})
    if proposed and "source" not in proposed:
        raise VocabularyError("labels.yaml: proposed needs prefixes and a source")
    for key, (field_name, rank) in list(labels.items()):  # "拟成交人", "拟定成交供应商", "确定中标人"
        if field_name == "supplier" and rank == 1 and not key.isascii():
            for prefix in proposed.get("prefixes", []):
                labels.setdefault(prefix + key, (field_name, rank))
    for extra in ("losing", "name_status"):
        if extra in lab and "source" not in lab[extra]:
            raise VocabularyError(f"labels.yaml: {extra} needs words and a source")
    sections = {name: _alternation(spec["patterns"]) for name, spec in lab["sections"].items()}
    section_re = re.compile("|".join(f"(?P<{name}>{'|'.join(lab['sections'][name]['patterns'])})"
                                     for name in ("bidders", "fee", "award")))
    contact: dict[str, str] = {}
    for field_name, heads in lab["contact_blocks"].items():
        if field_name == "source":
            continue
        for head in heads:
            contact[label_key(head)[0]] = field_name
    col = _load_yaml("columns.yaml")
    columns: dict[str, str] = {}
    for role, words in col["columns"].items():
        for word in words:
            columns.setdefault(label_key(str(word))[0], role)
    kinds = _load_yaml("kinds.yaml")
    kind_rules = tuple((r["type"], _alternation(r["patterns"])) for r in kinds["rules"])
    if "source" not in kinds.get("frame", {}):
        raise VocabularyError("kinds.yaml: frame needs patterns and a source")
    frame = _alternation(kinds["frame"]["patterns"])
    # one entry per pattern, in rule order: a pattern with a literal start is searched fast on its own
    body_rules = tuple((r["type"], re.compile(p)) for r in kinds["body_rules"] for p in r["patterns"])
    units = _load_yaml("units.yaml")
    unit_factor = {str(u["unit"]): float(u["factor"]) for u in units["units"]}
    currencies = {str(m): str(c["code"]) for c in units["currencies"] for m in c["markers"]}
    rate = _alternation([re.escape(m) for m in units["rate_markers"]])
    tax_in = _alternation(units["tax"]["included"])
    tax_ex = _alternation(units["tax"]["excluded"])
    qualifiers = [str(q) for q in col.get("qualifiers", {}).get("words", [])]
    ref = resources.files("tenderwatch").joinpath("data", "notice", "org_forms.csv")
    with ref.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if any(not row.get("source") for row in rows):
        raise VocabularyError("org_forms.csv: every form needs a source")
    offices = tuple(sorted((r["form"] for r in rows if r["kind"] == "office"), key=len, reverse=True))
    forms = tuple(sorted((r["form"] for r in rows if r["kind"] != "office"), key=len, reverse=True))
    company = tuple(sorted((r["form"] for r in rows if r["kind"] == "company"), key=len, reverse=True))
    return Vocab(labels, columns, sections, contact, kind_rules, body_rules, unit_factor, currencies,
                 rate, tax_in, tax_ex, forms, company, tuple(sorted(written, key=longest_first)), offices,
                 frozenset(w.lower() if w.isascii() else w for w in written), section_re,
                 tuple(sorted(qualifiers, key=len, reverse=True)), frozenset(q[0] for q in qualifiers), frame,
                 tuple(str(w) for w in lab.get("losing", {}).get("words", [])),
                 frozenset(str(w) for w in lab.get("name_status", {}).get("words", [])),
                 frozenset(label_key(str(w))[0] for w in col.get("buyer_columns", {}).get("words", [])))


@lru_cache(maxsize=1)
def org_form_re() -> re.Pattern[str]:
    """One search for "any organisation form in the text" (``any(f in text for f in org_forms)``)."""
    forms = vocab().org_forms
    return re.compile("|".join(map(re.escape, forms)) if forms else "(?!)")


@lru_cache(maxsize=16384)
def column_role(key: str) -> str | None:
    """Role of a table column key; a known column name glued after a short qualifier
    counts too (``包预算`` -> budget, ``包名称`` -> name, ``拟采购数量`` -> quantity)."""
    v = vocab()
    role = v.columns.get(key)
    if role is not None or key.isascii():
        return role
    for qualifier in v.qualifiers:
        if key.startswith(qualifier) and len(key) - len(qualifier) >= 2:
            return v.columns.get(key[len(qualifier):])
    return None
