"""Numbered research institutes and academies of China's defence-industry groups, written every way:
中国电子科技集团公司第十五研究所 = 电科十五所 = "15th Research Institute of CETC" = "CETC Research Institute
15" = "CETC 15" = its civil name 华北计算技术研究所. :func:`institute_ids` reads the group and the
number from a name (or looks its civil name up in ``data/screen/institutes.yaml``) and returns ids
such as ``inst:cetc-institute-15``; the alias table treats them like curated alias ids, so two
names with the same id are the same institute and two with different ids are not."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from tenderwatch.screen.normalize import EMPTY, Name, analyse, cn2an_converter, small_numeral
from tenderwatch.yamlfile import load_yaml


class InstituteTableError(ValueError):
    """institutes.yaml is malformed."""


@dataclass(frozen=True, slots=True)
class Institute:
    id: str  # inst:<group>-<kind>-<number>
    label: str  # "CETC institute 15"
    names: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class _Tables:
    zh_prefixes: tuple[tuple[str, frozenset[str]], ...]  # longest first
    zh_first: frozenset[str]  # first characters of the prefixes (a cheap test)
    zh_by_first: dict[str, tuple[tuple[str, frozenset[str]], ...]]  # zh_prefixes by first character
    en_phrases: tuple[tuple[tuple[str, ...], str], ...]  # token sequences naming a group
    group_tokens: frozenset[str]  # first tokens of the phrases (a cheap test)
    known: dict[str, Institute]  # by id
    by_key: dict[str, str]  # analysed civil name (script:key) -> id


_ZH_NUM = "0-9〇零一二三四五六七八九十百两"
_ZH_REST = re.compile(rf"^(?:第?([{_ZH_NUM}]+)(?:研究)?院)?第?([{_ZH_NUM}]+)(?:研究)?(所|院)$")
_FILLER = frozenset({"research", "institute", "institution", "academy", "no", "number", "group", "corporation",
                     "corp", "company", "co", "ltd", "limited", "of", "the", "china", "chinas", "s", "th", "st", "nd",
                     "rd", "ri"})
_GLUED = re.compile(r"^([a-z]+)(\d+)$")  # CETC55
_TAIL_ACRONYM = re.compile(r"\s*[(（][A-Z][A-Za-z0-9&\-]{1,11}[)）]$")
_KIND_WORDS = {"institute": "institute", "institution": "institute", "academy": "academy"}


def _zh_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if not any(c in "十百" for c in text):  # 七七一, 五〇二: digit by digit
        digits = "".join(str("〇一二三四五六七八九".index(c)) if c in "〇一二三四五六七八九" else
                         ("0" if c == "零" else "2" if c == "两" else c) for c in text)
        return int(digits) if digits.isdigit() else None
    small = small_numeral(text)
    if small is not None:
        return small
    try:
        return int(cn2an_converter()(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


@cache
def _tables() -> _Tables:
    text = resources.files("tenderwatch").joinpath("data", "screen", "institutes.yaml").read_text(encoding="utf-8")
    data = load_yaml(text) or {}
    prefixes: dict[str, set[str]] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    labels: dict[str, str] = {}
    for group in data.get("groups") or []:
        try:
            gid, zh, en = str(group["id"]), group["zh"], group["en"]
        except (KeyError, TypeError) as exc:
            raise InstituteTableError(f"institutes.yaml: group without id/zh/en: {group!r}") from exc
        labels[gid] = str(en[0]) if en else gid
        for prefix in zh:
            prefixes.setdefault(analyse(str(prefix)).full or str(prefix), set()).add(gid)
        for phrase in en:
            tokens = analyse(str(phrase)).tokens
            if tokens:
                phrases.append((tuple(tokens), gid))
    known: dict[str, Institute] = {}
    by_key: dict[str, str] = {}
    for raw in data.get("institutes") or []:
        try:
            gid, number, source = str(raw["group"]), int(raw["number"]), str(raw["source"])
            names = tuple(dict.fromkeys([*map(str, raw["names"]), *map(str, raw.get("former") or [])]))
        except (KeyError, TypeError, ValueError) as exc:
            raise InstituteTableError(f"institutes.yaml: institute without group/number/names/source: {raw!r}") from exc
        kind = str(raw.get("kind", "institute"))
        ident = f"inst:{gid}-{kind}-{number}"
        known[ident] = Institute(ident, f"{labels.get(gid, gid)} {kind} {number}", names, source)
        for name in names:
            analysed = analyse(name)
            if analysed.key:
                by_key[analysed.script + ":" + analysed.key] = ident
    ordered = tuple(sorted(((p, frozenset(g)) for p, g in prefixes.items()), key=lambda item: -len(item[0])))
    by_first: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for item in ordered:
        by_first.setdefault(item[0][0], []).append(item)
    return _Tables(ordered, frozenset(by_first), {c: tuple(items) for c, items in by_first.items()}, tuple(phrases),
                   frozenset(p[0][0] for p in phrases), known, by_key)


def known_institutes() -> dict[str, Institute]:
    return _tables().known


def _ids(groups: frozenset[str] | set[str], kind: str, number: int) -> frozenset[str]:
    return frozenset(f"inst:{g}-{kind}-{number}" for g in groups)


def _unit_text(name: Name) -> str | None:
    """A Chinese name's text when it may be a unit written after its group (it ends in 所 or 院 and starts
    as a group prefix does: the fast rejection on the screening hot path), else None."""
    text = name.full or name.key
    return text if text.endswith(("所", "院")) and text[0] in _tables().zh_first else None


def _zh_ids(name: Name) -> frozenset[str]:
    text = _unit_text(name)
    if text is None:
        return EMPTY
    tables = _tables()
    for groups, rest, m in _after_group(text):
        if m is None:  # 中国航空工业集团有限公司西安航空计算技术研究所: the group, then the civil name
            civil = tables.by_key.get("zh:" + analyse(rest).key) if len(rest) >= 4 else None
            if civil is not None:
                return frozenset([civil])
            continue
        number = _zh_number(m.group(2))
        if number is None:
            return EMPTY
        kind = "academy" if m.group(3) == "院" and m.group(1) is None else "institute"
        return _ids(groups, kind, number)
    return EMPTY


def _after_group(text: str) -> Iterator[tuple[frozenset[str], str, re.Match[str] | None]]:
    """For each group prefix ``text`` starts with (longest first, as in zh_prefixes): the groups, the rest
    of the text, and the rest read as [academy] number + 所/院 (None when it is not)."""
    for prefix, groups in _tables().zh_by_first[text[0]]:
        if text.startswith(prefix):
            rest = text[len(prefix):]
            yield groups, rest, _ZH_REST.match(rest)


def group_rests(name: Name) -> list[str]:
    """What follows a defence group's name in a unit's name (中国航天科工集团有限公司北京电子工程总体研究所
    -> 北京电子工程总体研究所), four characters or more; empty unless the name ends in 所 or 院."""
    text = _unit_text(name) if name.script == "zh" and name.key else None
    if text is None:
        return []
    return [rest for _groups, rest, _m in _after_group(text) if len(rest) >= 4]


def academy_ids(name: Name) -> frozenset[str]:
    """The academy a numbered institute is written under (中国航天科工集团第二研究院二〇八所,
    航天科工二院706所 -> CASIC academy 2); empty for any other name. A list that names the academy
    "and its subordinate institutions" covers such an institute even when the table does not know it."""
    if name.script != "zh" or not name.key:
        return EMPTY
    text = name.full or name.key
    tables = _tables()
    if not text.endswith("所") or text[0] not in tables.zh_first:
        return EMPTY
    for groups, _, m in _after_group(text):
        if m is None or m.group(1) is None:
            continue
        number = _zh_number(m.group(1))
        return _ids(groups, "academy", number) if number is not None else EMPTY
    return EMPTY


def _latin_ids(name: Name) -> frozenset[str]:
    tables = _tables()
    tokens: list[str] = []
    for tok in name.tokens:
        # letters then digits: a word or a number alone is never glued (no regex call for most words)
        m = None if tok.isalpha() or tok.isdigit() else _GLUED.match(tok)
        if m and m.group(1) in tables.group_tokens:
            tokens.extend(m.groups())
        else:
            tokens.append(tok)
    if not tables.group_tokens.intersection(tokens):
        return _bare_number(tokens)
    used = [False] * len(tokens)
    groups: set[str] = set()
    for phrase, gid in tables.en_phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(tokens[i:i + n]) == phrase:
                groups.add(gid)
                used[i:i + n] = [True] * n
    if not groups:
        return EMPTY
    numbers: list[tuple[int, int]] = []  # (position, number)
    for i, tok in enumerate(tokens):
        if used[i] or tok in _FILLER:
            continue
        if tok.isdigit():
            numbers.append((i, int(tok)))
            continue
        # another word: the civil name after the group ("AVIC Xi'an Aeronautics Computing Technique
        # Research Institute"), else a company or a unit of the institute, not the institute itself
        civil = tables.by_key.get("latin:" + " ".join(t for t, u in zip(tokens, used, strict=True) if not u))
        return frozenset([civil]) if civil is not None and not numbers else EMPTY
    distinct = {n for _, n in numbers}
    kinds = {_KIND_WORDS[t] for t in tokens if t in _KIND_WORDS}
    if not distinct:
        return EMPTY
    if len(distinct) == 1:
        kind = "institute" if "institute" in kinds or not kinds else "academy"
        return _ids(groups, kind, distinct.pop())
    if kinds == {"institute", "academy"} and len(distinct) == 2:  # "9th Academy 771 Research Institute"
        after_academy = {n for i, n in numbers if i + 1 < len(tokens) and tokens[i + 1] == "academy"}
        rest = distinct - after_academy
        if len(rest) == 1:
            return _ids(groups, "institute", rest.pop())
    return EMPTY


def _bare_number(tokens: list[str]) -> frozenset[str]:
    """"772 Research Institute": no group, but a number of three digits that one institute of the
    table carries (the groups number theirs apart: CASC 7NN, AVIC 6NN, CAST 5NN ...)."""
    digits = [t for t in tokens if t.isdigit()]
    if len(digits) != 1 or int(digits[0]) < 100 or "institute" not in tokens:
        return EMPTY
    if any(t not in _FILLER and not t.isdigit() for t in tokens):
        return EMPTY
    number = int(digits[0])
    found = [i for i in _tables().known if i.endswith(f"-institute-{number}")]
    return frozenset(found) if len(found) == 1 else EMPTY


@lru_cache(maxsize=200_000)
def _cached(script: str, key: str, full: str, tokens: tuple[str, ...]) -> frozenset[str]:
    found = _tables().by_key.get(script + ":" + key)
    if found is not None:
        return frozenset([found])
    name = Name(raw="", script=script, key=key, full=full, tokens=tokens)
    return _zh_ids(name) if script == "zh" else _latin_ids(name) if script == "latin" else EMPTY


def institute_ids(name: Name) -> frozenset[str]:
    """The numbered institute(s) a name stands for (empty for any other name)."""
    if not name.key:
        return EMPTY
    tables = _tables()
    civil = tables.by_key.get(name.script + ":" + name.key)
    if civil is not None:
        return frozenset([civil])
    # fast rejection (the screening hot path): no institute ending, no group word, no number
    if name.script == "zh":
        if _unit_text(name) is None:
            return EMPTY
    elif name.script != "latin" or not (name.numbers or tables.group_tokens.intersection(name.tokens)
                                        or name.raw.endswith(")")):
        return EMPTY
    found = _cached(name.script, name.key, name.full, tuple(name.tokens))
    if not found and name.raw.endswith(")"):  # "North China Research Institute of Electro-Optics (NCRIEO)"
        bare = _TAIL_ACRONYM.sub("", name.raw)
        if bare != name.raw:
            short = analyse(bare)
            found = _cached(short.script, short.key, short.full, tuple(short.tokens))
    return found
