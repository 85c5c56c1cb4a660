"""Load and validate the detect vocabulary (``tenderwatch/data/detect``) once.

Every file is validated with pydantic at load time: a malformed entry raises
:class:`VocabError` naming the file, so a bad edit fails loudly in the tests
instead of silently weakening the detector. Regexes are compiled here, once.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tenderwatch.notice.firstchars import led_source
from tenderwatch.yamlfile import load_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "detect"


class VocabError(ValueError):
    """A vocabulary file is missing, malformed or inconsistent."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Accelerator(_Strict):
    canonical: str
    vendor: str
    origin: Literal["us", "domestic"]
    relevant: bool
    rule: str
    strength: Literal["strong", "weak"]
    anchors: list[str] = Field(min_length=1)
    pattern: str
    near: str | None = None
    fp16: float | None = None
    int8: float | None = None
    tpp: float | None = None
    die_mm2: float | None = None
    source: str = Field(min_length=5)


class System(_Strict):
    name: str
    anchors: list[str] = Field(min_length=1)
    pattern: str
    hgx: bool
    implies: str | None = None
    confidence: float
    source: str = Field(min_length=5)


class Provider(_Strict):
    provider: str
    anchors: list[str] = Field(min_length=1)
    weak: dict[str, str] = Field(default_factory=dict)  # anchor -> regex needed nearby
    defined_as: dict[str, str] = Field(default_factory=dict)  # acronym -> regex of its other meanings
    theme_as: dict[str, str] = Field(default_factory=dict)  # acronym -> the same, anywhere in the notice
    source: str = Field(min_length=5)


class Service(_Strict):
    name: str
    anchors: list[str] = Field(min_length=1)
    pattern: str
    providers: list[str] = Field(min_length=1)
    needs_after: str | None = None
    needs_before: str | None = None
    channel: bool = False
    source: str = Field(min_length=5)


class Period(_Strict):
    from_: str = Field(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$")
    status: str
    restricted: bool  # a licence was required to export the item to China in this period
    citation: str
    source: str = Field(min_length=5)


class Prong(_Strict):
    tpp_min: float
    tpp_max: float | None = None
    pd_min: float | None = None
    pd_max: float | None = None
    io_min: float | None = None


class Thresholds(_Strict):
    from_: str = Field(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$")
    name: str
    citation: str
    a: list[Prong]
    b: list[Prong]
    source: str = Field(min_length=5)


class BandwidthTrigger(_Strict):
    from_: str = Field(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$")
    dram_gbps_min: float
    citation: str
    source: str = Field(min_length=5)


class RemoteCategories(_Strict):
    categories: list[str] = Field(min_length=1)
    source: str = Field(min_length=5)


class WordList(_Strict):
    words: list[str] = Field(default_factory=list)
    regex: str | None = None
    source: str = Field(min_length=5)


@dataclass(slots=True, frozen=True)
class Instance:
    provider: str
    anchors: tuple[str, ...]
    regex: re.Pattern[str]
    gpu: str
    count: str  # "", a number, or "{1}" for the first regex group
    needs_cloud: bool  # a bare family name ("p4d") needs a cloud word next to it
    source: str


@dataclass(slots=True)
class Lexicon:
    """A word list compiled into one regex (plus an optional extra regex)."""

    words: tuple[str, ...]
    regex: re.Pattern[str] | None

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.regex is not None else None

    def contains(self, text: str) -> bool:
        return self.regex is not None and self.regex.search(text) is not None


@dataclass(slots=True)
class Vocab:
    accelerators: dict[str, Accelerator]
    chip_patterns: dict[str, re.Pattern[str]]
    chip_near: dict[str, re.Pattern[str]]
    systems: list[System]
    system_patterns: dict[str, re.Pattern[str]]
    providers: list[Provider]
    domestic_clouds: list[str]
    services: list[Service]
    service_patterns: dict[str, re.Pattern[str]]
    instances: list[Instance]
    rules: dict[str, list[Period]]
    thresholds: list[Thresholds]
    bandwidth: BandwidthTrigger
    unknown_date_note: str
    remote_categories: frozenset[str]  # judged by the remote_access rule group
    lists: dict[str, Lexicon]
    versions: dict[str, int]
    any_chip: re.Pattern[str]  # any accelerator pattern (for "A100/H100" lists)

    def lex(self, name: str) -> Lexicon:
        return self.lists[name]


def _read_text(name: str) -> str:
    try:
        return (DATA_DIR / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise VocabError(f"detect vocabulary file {name} missing: {exc}") from exc


def _yaml(name: str) -> dict[str, Any]:
    try:
        data = load_yaml(_read_text(name))
    except yaml.YAMLError as exc:
        raise VocabError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise VocabError(f"{name}: expected a mapping with an integer 'version'")
    return data


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise VocabError(f"{where}: bad regex {pattern!r}: {exc}") from exc


def _lexicon(spec: WordList, where: str) -> Lexicon:
    parts = [re.escape(w.lower()) for w in sorted(spec.words, key=len, reverse=True)]
    if spec.regex:
        parts.append(f"(?:{spec.regex})")
    source = "|".join(parts)
    if spec.regex:  # words alone are literals, which re scans by their first characters itself
        source = led_source(source)
    regex = _compile(source, where) if parts else None
    return Lexicon(tuple(w.lower() for w in spec.words), regex)


def _load_instances() -> list[Instance]:
    rows = list(csv.DictReader(_read_text("instances.csv").splitlines()))
    out: list[Instance] = []
    for number, row in enumerate(rows, start=2):
        if not all(row.get(k) for k in ("provider", "anchors", "pattern", "gpu", "source")):
            raise VocabError(f"instances.csv line {number}: provider, anchors, pattern, gpu, source required")
        anchors = tuple(a.strip().lower() for a in row["anchors"].split(";") if a.strip())
        out.append(Instance(row["provider"], anchors, _compile(row["pattern"], f"instances.csv line {number}"),
                            row["gpu"], row.get("count") or "", row.get("needs_cloud") == "1", row["source"]))
    return out


def _build() -> Vocab:
    try:
        acc_doc = _yaml("accelerators.yaml")
        accs = [Accelerator.model_validate(a) for a in acc_doc["accelerators"]]
        sys_doc = _yaml("servers.yaml")
        systems = [System.model_validate(s) for s in sys_doc["systems"]]
        cloud_doc = _yaml("clouds.yaml")
        providers = [Provider.model_validate(p) for p in cloud_doc["providers"]]
        ai_doc = _yaml("ai_models.yaml")
        services = [Service.model_validate(s) for s in ai_doc["services"]]
        rules_doc = _yaml("rules.yaml")
        rules = {k: [Period.model_validate(p) for p in v] for k, v in rules_doc["groups"].items()}
        thresholds = [Thresholds.model_validate(t) for t in rules_doc["thresholds"]]
        bandwidth = BandwidthTrigger.model_validate(rules_doc["bandwidth_trigger"])
        remote = RemoteCategories.model_validate(rules_doc["remote_categories"])
        ctx_doc = _yaml("context.yaml")
        lists = {k: WordList.model_validate(v) for k, v in ctx_doc["lists"].items()}
    except (KeyError, TypeError, ValidationError) as exc:
        raise VocabError(f"detect vocabulary invalid: {exc}") from exc
    names = {a.canonical for a in accs}
    if "remote_access" not in rules:
        raise VocabError("rules.yaml: the remote_access group is required")
    for acc in accs:
        if acc.rule not in rules:
            raise VocabError(f"accelerators.yaml: {acc.canonical} uses unknown rule {acc.rule!r}")
    instances = _load_instances()
    for inst in instances:
        if inst.gpu not in names:
            raise VocabError(f"instances.csv: unknown gpu {inst.gpu!r}")
    for system in systems:
        if system.implies and system.implies not in names:
            raise VocabError(f"servers.yaml: {system.name} implies unknown {system.implies!r}")
    return Vocab(
        accelerators={a.canonical: a for a in accs},
        chip_patterns={a.canonical: _compile(a.pattern, f"accelerators.yaml {a.canonical}") for a in accs},
        chip_near={a.canonical: _compile(a.near, f"accelerators.yaml {a.canonical} near") for a in accs if a.near},
        systems=systems,
        system_patterns={s.name: _compile(s.pattern, f"servers.yaml {s.name}") for s in systems},
        providers=providers,
        domestic_clouds=[str(d) for d in cloud_doc.get("domestic", [])],
        services=services,
        service_patterns={s.name: _compile(s.pattern, f"ai_models.yaml {s.name}") for s in services},
        instances=instances,
        rules=rules,
        thresholds=sorted(thresholds, key=lambda t: t.from_),
        bandwidth=bandwidth,
        unknown_date_note=str(rules_doc.get("unknown_date_note", "notice date unknown")),
        remote_categories=frozenset(remote.categories),
        lists={k: _lexicon(v, f"context.yaml {k}") for k, v in lists.items()},
        any_chip=_compile("|".join(f"(?:{a.pattern})" for a in accs), "accelerators.yaml (combined)"),
        versions={
            "accelerators": acc_doc["version"], "servers": sys_doc["version"], "clouds": cloud_doc["version"],
            "ai_models": ai_doc["version"], "rules": rules_doc["version"], "context": ctx_doc["version"],
        },
    )


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The validated vocabulary (loaded on first use, then cached)."""
    return _build()
