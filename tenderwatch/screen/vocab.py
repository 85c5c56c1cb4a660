"""Vocabulary for name matching, loaded once from ``tenderwatch/data/screen/*.yaml``."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from tenderwatch.yamlfile import load_yaml

log = logging.getLogger(__name__)


class VocabError(ValueError):
    """A data file under tenderwatch/data/screen is malformed."""


def _load(name: str) -> dict[str, Any]:
    text = resources.files("tenderwatch").joinpath("data", "screen", name).read_text(encoding="utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise VocabError(f"{name}: expected a mapping at the top level")
    return data


def _str_list(data: dict[str, Any], key: str, name: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabError(f"{name}: {key!r} must be a list of strings")
    return [str(v) for v in value]


@dataclass(slots=True)
class Settings:
    threshold: float
    score_identifier: float
    score_exact: float
    score_alias: float
    score_cross_script: float
    score_part_of: float
    score_one_sided_place: float
    score_affiliate: float
    score_different_alias: float
    unmatched_token_factor: float
    unmatched_place_factor: float
    unmatched_legal_factor: float
    number_mismatch_factor: float
    token_fuzzy_min: float
    candidate_max_df: int


_LEGAL_ONLY = re.compile(r"(?i)\s*(?:co|corp|inc|ltd|llc|limited|company|plc)\.?\s*")


@dataclass(slots=True)
class AliasEntry:
    id: str
    names: list[str]
    source: str
    parent_company: str | None = None


@dataclass(slots=True)
class Vocab:
    settings: Settings
    zh_legal: list[str]
    latin_legal: list[tuple[str, ...]]
    latin_legal_words: frozenset[str]
    latin_stop: frozenset[str]
    latin_abbrev: dict[str, str]
    places_zh: dict[str, list[str]]
    place_suffixes: list[str]
    latin_places: frozenset[str]
    latin_regions: frozenset[str]
    words: dict[str, list[tuple[str, ...]]]
    word_maxlen: int
    zh_ignore: frozenset[str]
    aliases: list[AliasEntry]
    sub_suffixes: list[str]
    sub_independent: list[str]
    independent_parents: list[str]
    legal_person_markers: list[str]
    latin_sub_words: frozenset[str]
    parent_heads: list[str]
    brand_fillers: list[str]
    party_rules: list[dict[str, Any]] = field(default_factory=list)


@cache
def vocab() -> Vocab:
    """Load and check every vocabulary file (raises VocabError on a malformed file)."""
    legal = _load("legal_forms.yaml")
    places = _load("places.yaml")
    words = _load("zh_en_words.yaml")
    aliases = _load("aliases.yaml")
    subs = _load("subunits.yaml")
    classes = _load("party_classes.yaml")
    raw_settings = _load("settings.yaml")
    raw_settings.pop("source", None)
    try:
        settings = Settings(**raw_settings)
    except TypeError as exc:
        raise VocabError(f"settings.yaml: {exc}") from exc
    zh_legal = sorted(_str_list(legal, "zh", "legal_forms.yaml"), key=len, reverse=True)
    latin_legal = sorted(
        (tuple(f.split()) for f in _str_list(legal, "latin", "legal_forms.yaml")), key=len, reverse=True
    )
    abbrev = legal.get("latin_abbrev", {})
    if not isinstance(abbrev, dict):
        raise VocabError("legal_forms.yaml: latin_abbrev must be a mapping")
    places_zh: dict[str, list[str]] = {}
    for zh, en in (places.get("zh") or {}).items():
        if not isinstance(en, list):
            raise VocabError(f"places.yaml: {zh}: expected a list of English names")
        places_zh[str(zh)] = [str(e) for e in en]
    latin_places = {e for names in places_zh.values() for e in names}
    latin_places.update(_str_list(places, "latin_extra", "places.yaml"))
    word_map: dict[str, list[tuple[str, ...]]] = {}
    for section in ("general", "brands"):
        for zh, en in (words.get(section) or {}).items():
            if not isinstance(en, list):
                raise VocabError(f"zh_en_words.yaml: {zh}: expected a list")
            word_map.setdefault(str(zh), []).extend(tuple(str(e).lower().split()) for e in en)
    for zh, en in places_zh.items():
        word_map.setdefault(zh, []).extend(tuple(e.split()) for e in en)
    alias_entries: list[AliasEntry] = []
    for raw in aliases.get("entries") or []:
        if not isinstance(raw, dict) or "id" not in raw or "names" not in raw or "source" not in raw:
            raise VocabError(f"aliases.yaml: entry without id/names/source: {raw!r}")
        names = [str(n) for n in raw["names"]]
        bare = [n for n in names if _LEGAL_ONLY.fullmatch(n)]
        if bare:  # a flow list split "X Co., Ltd." at its comma: "Ltd." would join every such entry
            raise VocabError(f"aliases.yaml: {raw['id']}: name(s) {bare} are only a legal form (quote names with commas)")
        alias_entries.append(AliasEntry(str(raw["id"]), names, str(raw["source"]), raw.get("parent_company")))
    rules = classes.get("rules") or []
    if not isinstance(rules, list):
        raise VocabError("party_classes.yaml: rules must be a list")
    return Vocab(
        settings=settings,
        zh_legal=zh_legal,
        latin_legal=latin_legal,
        latin_legal_words=frozenset(w for form in latin_legal for w in form if len(w) >= 4)
        | frozenset(_str_list(legal, "latin_weak", "legal_forms.yaml")),
        latin_stop=frozenset(_str_list(legal, "latin_stopwords", "legal_forms.yaml")),
        latin_abbrev={str(k): str(v) for k, v in abbrev.items()},
        places_zh=places_zh,
        place_suffixes=sorted(_str_list(places, "division_suffixes", "places.yaml"), key=len, reverse=True),
        latin_places=frozenset(latin_places),
        latin_regions=frozenset(_str_list(places, "latin_regions", "places.yaml")),
        words=word_map,
        word_maxlen=max(len(w) for w in word_map),
        zh_ignore=frozenset(_str_list(words, "ignore", "zh_en_words.yaml")),
        aliases=alias_entries,
        sub_suffixes=sorted(_str_list(subs, "zh_suffixes", "subunits.yaml"), key=len, reverse=True),
        sub_independent=_str_list(subs, "zh_independent_suffixes", "subunits.yaml"),
        independent_parents=_str_list(subs, "independent_parents", "subunits.yaml"),
        legal_person_markers=_str_list(subs, "zh_legal_person_markers", "subunits.yaml"),
        latin_sub_words=frozenset(_str_list(subs, "latin_words", "subunits.yaml")),
        parent_heads=sorted(_str_list(subs, "zh_parent_heads", "subunits.yaml"), key=len, reverse=True),
        brand_fillers=sorted(_str_list(subs, "zh_brand_fillers", "subunits.yaml"), key=len, reverse=True),
        party_rules=rules,
    )
