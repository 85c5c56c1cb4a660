"""Load the HTML template / label vocabulary from ``tenderwatch/data/read``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tenderwatch.yamlfile import load_yaml


@dataclass(slots=True, frozen=True)
class Template:
    name: str
    match: str
    title: tuple[str, ...]
    pub_date: tuple[str, ...]
    breadcrumb: tuple[str, ...]
    summary: tuple[str, ...]
    body: tuple[str, ...]
    attachments: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class HtmlVocab:
    templates: tuple[Template, ...]
    generic: dict[str, tuple[str, ...]]
    title_words: tuple[str, ...]
    pub_date_labels: tuple[str, ...]
    pub_date_bare_labels: frozenset[str]
    chrome_tags: tuple[str, ...]
    chrome_names: frozenset[str]
    labels: dict[str, str]  # label text -> meta key
    bookmarks: dict[str, str]  # css class -> meta key


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"html_templates.yaml: {where} must be a list of strings")
    return tuple(value)


def _keyed(section: dict[str, Any], where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, values in section.items():
        if key == "source":
            continue
        for v in _strs(values, f"{where}.{key}"):
            out[v] = key
    return out


@lru_cache(maxsize=1)
def html_vocab() -> HtmlVocab:
    """Parse ``html_templates.yaml`` (cached). Raises ``ValueError`` if malformed."""
    raw = resources.files("tenderwatch").joinpath("data/read/html_templates.yaml").read_text("utf-8")
    doc = load_yaml(raw)
    if not isinstance(doc, dict):
        raise ValueError("html_templates.yaml: top level must be a mapping")
    templates = []
    for t in doc["templates"]:
        templates.append(
            Template(
                name=str(t["name"]),
                match=str(t["match"]),
                title=_strs(t.get("title", []), "title"),
                pub_date=_strs(t.get("pub_date", []), "pub_date"),
                breadcrumb=_strs(t.get("breadcrumb", []), "breadcrumb"),
                summary=_strs(t.get("summary", []), "summary"),
                body=_strs(t.get("body", []), "body"),
                attachments=_strs(t.get("attachments", []), "attachments"),
            )
        )
    generic = {
        k: _strs(v, f"generic.{k}") for k, v in doc["generic"].items() if k not in ("source", "title_words")
    }
    chrome = doc["chrome"]
    return HtmlVocab(
        templates=tuple(templates),
        generic=generic,
        pub_date_labels=_strs(doc["generic"]["pub_date_labels"], "generic.pub_date_labels"),
        pub_date_bare_labels=frozenset(_strs(doc["generic"].get("pub_date_bare_labels", []),
                                             "generic.pub_date_bare_labels")),
        title_words=tuple(w.lower() for w in _strs(doc["generic"]["title_words"], "generic.title_words")),
        chrome_tags=_strs(chrome["tags"], "chrome.tags"),
        chrome_names=frozenset(_strs(chrome["names"], "chrome.names")),
        labels=_keyed(doc["labels"], "labels"),
        bookmarks=_keyed(doc["bookmarks"], "bookmarks"),
    )
