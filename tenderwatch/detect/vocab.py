"""Load and validate the detect vocabulary (``tenderwatch/data/detect``) once.

Every file is validated with pydantic at load time: a malformed entry raises
:class:`VocabError` naming the file, so a bad edit fails loudly in the tests
instead of silently weakening the detector. Regexes are compiled here, once.
The records are plain frozen dataclasses that pydantic validates (types, ``extra`` fields refused, the
constraints given with :class:`~tenderwatch.yamlfile.Check`); the validated records are kept on disk
(:func:`~tenderwatch.yamlfile.load_checked`, keyed by the files' text and this module's code), so a process
whose vocabulary was validated before reads them back without importing pydantic (~0.13 s CPU a start).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml

from tenderwatch.notice.firstchars import led_source
from tenderwatch.yamlfile import Check, load_checked, load_yaml, record

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "detect"
FILES = ("accelerators.yaml", "servers.yaml", "clouds.yaml", "ai_models.yaml", "rules.yaml", "context.yaml")
Source = Annotated[str, Check(min_length=5)]
Anchors = Annotated[list[str], Check(min_length=1)]
Day = Annotated[str, Check(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class VocabError(ValueError):
    """A vocabulary file is missing, malformed or inconsistent."""


@record
class Accelerator:
    canonical: str
    vendor: str
    origin: Literal["us", "domestic"]
    relevant: bool
    rule: str
    strength: Literal["strong", "weak"]
    anchors: Anchors
    pattern: str
    near: str | None = None
    fp16: float | None = None
    int8: float | None = None
    tpp: float | None = None
    die_mm2: float | None = None
    source: Source


@record
class System:
    name: str
    anchors: Anchors
    pattern: str
    hgx: bool
    implies: str | None = None
    confidence: float
    source: Source


@record
class Provider:
    provider: str
    anchors: Anchors
    weak: dict[str, str] = field(default_factory=dict)  # anchor -> regex needed nearby
    defined_as: dict[str, str] = field(default_factory=dict)  # acronym -> regex of its other meanings
    theme_as: dict[str, str] = field(default_factory=dict)  # acronym -> the same, anywhere in the notice
    source: Source


@record
class Service:
    name: str
    anchors: Anchors
    pattern: str
    providers: Anchors
    needs_after: str | None = None
    needs_before: str | None = None
    channel: bool = False
    source: Source


@record
class Period:
    from_: Day  # "from" in the file
    status: str
    restricted: bool  # a licence was required to export the item to China in this period
    citation: str
    source: Source


@record
class Prong:
    tpp_min: float
    tpp_max: float | None = None
    pd_min: float | None = None
    pd_max: float | None = None
    io_min: float | None = None


@record
class Thresholds:
    from_: Day  # "from" in the file
    name: str
    citation: str
    a: list[Prong]
    b: list[Prong]
    source: Source


@record
class BandwidthTrigger:
    from_: Day  # "from" in the file
    dram_gbps_min: float
    citation: str
    source: Source


@record
class RemoteCategories:
    categories: Anchors
    source: Source


@record
class WordList:
    words: list[str] = field(default_factory=list)
    regex: str | None = None
    source: Source


@dataclass(slots=True, frozen=True)
class Records:
    """The validated content of the vocabulary files (what is kept on disk)."""

    accelerators: list[Accelerator]
    systems: list[System]
    providers: list[Provider]
    domestic_clouds: list[str]
    services: list[Service]
    rules: dict[str, list[Period]]
    thresholds: list[Thresholds]
    bandwidth: BandwidthTrigger
    remote: RemoteCategories
    lists: dict[str, WordList]
    unknown_date_note: str
    versions: dict[str, int]


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


def _yaml(name: str, text: str) -> dict[str, Any]:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise VocabError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise VocabError(f"{name}: expected a mapping with an integer 'version'")
    return data


def _dated(row: Any) -> Any:
    """A record as its dataclass names the fields: the file's ``from`` (a Python keyword) is ``from_``."""
    if not isinstance(row, dict) or "from" not in row:
        return row
    if "from_" in row:
        raise VocabError(f"unknown field 'from_' (the field is 'from'): {row!r}")
    return {("from_" if key == "from" else key): value for key, value in row.items()}


def _check(texts: Sequence[str]) -> Records:
    """The vocabulary files parsed and validated by pydantic (imported only here): their records."""
    from pydantic import TypeAdapter, ValidationError

    def valid(kind: Any, data: Any) -> Any:
        return TypeAdapter(kind).validate_python(data)

    acc_doc, sys_doc, cloud_doc, ai_doc, rules_doc, ctx_doc = (_yaml(n, t) for n, t in zip(FILES, texts, strict=True))
    try:
        return Records(
            accelerators=valid(list[Accelerator], acc_doc["accelerators"]),
            systems=valid(list[System], sys_doc["systems"]),
            providers=valid(list[Provider], cloud_doc["providers"]),
            domestic_clouds=[str(d) for d in cloud_doc.get("domestic", [])],
            services=valid(list[Service], ai_doc["services"]),
            rules=valid(dict[str, list[Period]], {k: [_dated(p) for p in v] for k, v in rules_doc["groups"].items()}),
            thresholds=valid(list[Thresholds], [_dated(t) for t in rules_doc["thresholds"]]),
            bandwidth=valid(BandwidthTrigger, _dated(rules_doc["bandwidth_trigger"])),
            remote=valid(RemoteCategories, rules_doc["remote_categories"]),
            lists=valid(dict[str, WordList], ctx_doc["lists"]),
            unknown_date_note=str(rules_doc.get("unknown_date_note", "notice date unknown")),
            versions={name.removesuffix(".yaml"): doc["version"]
                      for name, doc in zip(FILES, (acc_doc, sys_doc, cloud_doc, ai_doc, rules_doc, ctx_doc), strict=True)},
        )
    except (KeyError, TypeError, AttributeError, ValidationError) as exc:
        raise VocabError(f"detect vocabulary invalid: {exc}") from exc


RECORDS = frozenset((__name__, kind.__name__) for kind in (
    Records, Accelerator, System, Provider, Service, Period, Prong, Thresholds, BandwidthTrigger, RemoteCategories,
    WordList))


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
    records = load_checked([_read_text(name) for name in FILES], _check, Records, Path(__file__), RECORDS)
    accs, systems, rules = records.accelerators, records.systems, records.rules
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
        providers=records.providers,
        domestic_clouds=records.domestic_clouds,
        services=records.services,
        service_patterns={s.name: _compile(s.pattern, f"ai_models.yaml {s.name}") for s in records.services},
        instances=instances,
        rules=rules,
        thresholds=sorted(records.thresholds, key=lambda t: t.from_),
        bandwidth=records.bandwidth,
        unknown_date_note=records.unknown_date_note,
        remote_categories=frozenset(records.remote.categories),
        lists={k: _lexicon(v, f"context.yaml {k}") for k, v in records.lists.items()},
        any_chip=_compile("|".join(f"(?:{a.pattern})" for a in accs), "accelerators.yaml (combined)"),
        versions=records.versions,
    )


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The validated vocabulary (loaded on first use, then cached)."""
    return _build()
