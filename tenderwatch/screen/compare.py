"""Compare two organisation names: a score in [0, 1], a decision and the reasons.

``compare(query, listed)`` is directional: when the QUERY is a school, lab, campus or branch of
the LISTED organisation the relation is ``part_of`` (a match); the other way round (the notice
names the whole university, the list only one of its centres) it is not.

Decision: ``match`` when ``score >= threshold`` (``settings.yaml``; default 0.80).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from tenderwatch.screen.aliases import alias_table
from tenderwatch.screen.crossscript import compare_cross
from tenderwatch.screen.institutes import academy_ids
from tenderwatch.screen.latin import compare_latin
from tenderwatch.screen.normalize import Name, analyse, clean_input, mixed_script_parts, without_tail_acronym
from tenderwatch.screen.spacedpinyin import compare_spaced
from tenderwatch.screen.subunit import latin_part_of, zh_parents
from tenderwatch.screen.vocab import vocab
from tenderwatch.screen.zhcompare import compare_zh


@dataclass(slots=True)
class Comparison:
    score: float
    match: bool
    relation: str = "none"  # "match" | "part_of" | "affiliate" (not a match: a city-named subsidiary) | "none"
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 4), "match": self.match, "relation": self.relation,
                "reasons": list(self.reasons)}


def _place_names(name: Name) -> set[str]:
    places = vocab().places_zh
    out: set[str] = set()
    for q in name.qualifiers:
        out.update(places.get(q, [q]))
    return out


@cache
def chinese_places() -> frozenset[str]:
    """Chinese places in both scripts (places.yaml): a subsidiary named after one (浪潮电子信息产业(苏州)
    有限公司) is a separate legal person of the group, an affiliate of the parent, not the parent."""
    places = vocab().places_zh
    return frozenset([*places, *(e for names in places.values() for e in names)])


def _qualifier_adjust(q: Name, c: Name, score: float, relation: str, reasons: list[str]) -> tuple[float, str]:
    """Place qualifiers such as (上海) / (Schweiz): different on both sides -> different entities; a
    Chinese city or province on one side only -> an affiliate (a separate legal person), not a match;
    another place on one side only -> a regional entity of the same name (a match, scored lower)."""
    qp, cp = _place_names(q), _place_names(c)
    if qp and cp and not qp & cp:
        reasons.append(f"different place qualifiers ({', '.join(sorted(q.qualifiers))} vs {', '.join(sorted(c.qualifiers))})")
        return min(score, 0.3), "none"
    s = vocab().settings
    if qp and not cp and (q.key.endswith(("大学", "学院")) or {"university", "college", "institute"} & set(q.tokens)):
        reasons.append(f"campus ({', '.join(q.qualifiers)}) of the listed institution")
        return min(score, s.score_part_of), "part_of"
    one_sided = (qp, q, "the query") if qp and not cp else (cp, c, "the listed name") if cp and not qp else None
    if one_sided is not None:
        places, name, side = one_sided
        where = f"place qualifier ({', '.join(name.qualifiers)}) only in {side}"
        if not places & chinese_places():
            reasons.append(f"{where}: may be a regional entity")
            return min(score, s.score_one_sided_place), relation
        reasons.append(f"{where}: a subsidiary named after its city is a separate legal person; affiliate of a"
                       " listed party, not the same party")
        return min(score, s.score_affiliate), "affiliate"
    return score, relation


def _curated_qualified(names: list[Name], q: Name, c: Name) -> bool:
    """Whether the alias entry holds, as written, each of the two names that carries a place qualifier: the
    entry then says that this qualified form is the organisation (the Entity List's "The Institute of Applied
    Physics and Computational Mathematics, Beijing" is a CAEP institute located in Beijing, not a subsidiary
    named after its city)."""
    qualified = [n for n in (q, c) if n.qualifiers]
    return bool(qualified) and all(
        any(a.key == n.key and a.qualifiers == n.qualifiers for a in names) for n in qualified)


def _direct(q: Name, c: Name) -> tuple[float, list[str]]:
    if q.script == c.script and q.key == c.key:
        return vocab().settings.score_exact, ["equal after normalisation", *q.notes, *c.notes]
    if q.script == "zh" and c.script == "zh":
        return compare_zh(q, c)
    if q.script == "latin" and c.script == "latin":
        return compare_latin(q, c)
    zh, latin = (q, c) if q.script == "zh" else (c, q)
    spaced = compare_spaced(zh, latin)
    return spaced if spaced is not None else compare_cross(zh, latin)


def _finish(score: float, relation: str, reasons: list[str]) -> Comparison:
    threshold = vocab().settings.threshold
    score = max(0.0, min(1.0, score))
    match = score >= threshold
    if relation == "affiliate":  # reported, never a match of its own
        match = False
    elif not match:
        relation = "none"
    elif relation == "none":
        relation = "match"
    return Comparison(round(score, 4), match, relation, reasons)


def compare_names(q: Name, c: Name, allow_subunit: bool = True, q_ids: frozenset[str] | None = None,
                  c_ids: frozenset[str] | None = None) -> Comparison:
    """Compare two analysed names (the screener calls this on candidates only). ``q_ids`` /
    ``c_ids``: the names' alias-table ids when known (``alias_table().ids(name)``; the screener
    holds those of every list name)."""
    s = vocab().settings
    if q.script == "empty" or c.script == "empty":
        return Comparison(0.0, False, "none", ["empty name"])
    table = alias_table()
    qa = table.ids(q) if q_ids is None else q_ids
    ca = table.ids(c) if c_ids is None else c_ids
    relation = "none"
    shared = qa & ca
    # the alias entry names the qualified form itself: the place qualifier rule does not apply
    curated = bool(shared) and _curated_qualified(table.names[min(shared)], q, c)
    if shared and not (q.script == c.script and q.key == c.key):
        ident = min(shared)
        entry = table.entries[ident]
        reasons = [f"alias table: both are '{entry.names[0]}' ({ident}; source: {entry.source})"]
        if curated:
            return _finish(s.score_alias, "match", reasons)
        score, relation = _qualifier_adjust(q, c, s.score_alias, "match", reasons)
        return _finish(score, relation, reasons)
    score, reasons = _direct(q, c)
    if score < s.threshold and (qa or ca):
        # the other names of the alias entry, same script as the name they stand in for; the ids in sorted
        # order, so that of two expansions scoring the same the one reported does not depend on set order
        # (PYTHONHASHSEED)
        expansions = [(i, c, n) for i in sorted(qa) for n in table.names[i] if n.script == c.script] + [
            (i, q, n) for i in sorted(ca) for n in table.names[i] if n.script == q.script
        ]
        for ident, other, own in expansions:
            alt_score, alt_reasons = _direct(own, other) if other is c else _direct(other, own)
            if alt_score > score:
                score = alt_score
                reasons = [f"via alias table '{own.raw}' ({ident}; source: {table.entries[ident].source})",
                           *alt_reasons]
    if qa and ca and not qa & ca and q.script == "zh" and (academies := academy_ids(q) & ca):
        # an institute written under a listed academy (its subordinate institutions are listed with it)
        academy = min(academies)
        label = table.entries[academy].names[0] if academy in table.entries else academy
        return _finish(s.score_part_of, "part_of",
                       [f"an institute of '{label}' ({academy}), whose subordinate institutions are listed with it"])
    if qa and ca and not qa & ca:  # two known, different organisations: final (an independent college is not a school)
        return _finish(min(score, s.score_different_alias), "none",
                       [f"alias table: different organisations ({', '.join(sorted(qa))} vs {', '.join(sorted(ca))})"])
    if score >= s.threshold and not curated:
        score, relation = _qualifier_adjust(q, c, score, "match", reasons)
    if score < s.threshold and allow_subunit and relation != "affiliate":
        sub = _subunit(q, c, ca)
        if sub is not None:
            return sub
    return _finish(score, relation, reasons)


def hosted_names(q: Name) -> list[tuple[Name, str]]:
    """A centre or lab written after the university that hosts it (湖南大学国家超级计算长沙中心): the
    centre's own name (six characters or more, not a numbered unit) with its host."""
    return [(analyse(rest), parent.raw) for parent, rest in zh_parents(q)
            if len(rest) >= 6 and _hosts(parent.raw) and rest[0] not in _NUMERALS]


def _hosts(parent: str) -> bool:
    """A university or college (not an academy of sciences, whose institutes are its own listings)."""
    return parent.endswith("大学") or (parent.endswith("学院") and not parent.endswith(("科学院", "工程院")))


_NUMERALS = frozenset("第0123456789〇零一二三四五六七八九十百")


def _subunit(q: Name, c: Name, c_ids: frozenset[str]) -> Comparison | None:
    s = vocab().settings
    if q.script == "zh":
        for own, host in hosted_names(q):
            res = compare_names(own, c, allow_subunit=False, c_ids=c_ids)
            if res.match:
                return _finish(min(res.score, s.score_part_of), "match",
                               [f"'{own.raw}' named after its host '{host}'", *res.reasons])
        for parent, remainder in zh_parents(q):
            res = compare_names(parent, c, allow_subunit=False, c_ids=c_ids)
            if res.match:
                return _finish(min(res.score, s.score_part_of), "part_of",
                               [f"'{remainder}' is a subunit of '{parent.raw}'", *res.reasons])
    elif q.script == "latin" and c.script == "latin":
        extra = latin_part_of(q, c)
        if extra is not None:
            return _finish(s.score_part_of, "part_of", [f"'{extra}' is a subunit of the listed name"])
    return None


def _is_uscc(text: str) -> bool:
    if len(text) != 18:
        return False
    from stdnum.cn import uscc  # here: python-stdnum imports pydoc and ssl (7 ms of a start)

    return bool(uscc.is_valid(text))


def compare(a: str, b: str) -> Comparison:
    """Compare two names (or two Unified Social Credit Codes). ``a`` is the query, ``b`` the listed name.

    A name written in both scripts ("华为技术有限公司 (Huawei Technologies Co., Ltd.)") is also
    compared by its Chinese and its Latin part; the best result wins."""
    ca, cb = clean_input(a).upper(), clean_input(b).upper()
    if _is_uscc(ca) and _is_uscc(cb):
        same = ca == cb
        return _finish(1.0 if same else 0.0, "match" if same else "none",
                       [f"USCC {ca} {'equals' if same else 'differs from'} {cb}"])
    best = compare_names(analyse(a), analyse(b))
    for pa in [a, *mixed_script_parts(a), *without_tail_acronym(a)]:
        for pb in [b, *mixed_script_parts(b), *without_tail_acronym(b)]:
            if (pa, pb) == (a, b):
                continue
            result = compare_names(analyse(pa), analyse(pb))
            if result.score > best.score:
                result.reasons.insert(0, f"mixed-script name: compared '{pa}' with '{pb}'")
                best = result
    return best
