"""The sources collect knows (``tenderwatch/data/collect/sources.yaml``), for ``collect --list``
and for option checks. Reading it imports no Scrapy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tenderwatch.yamlfile import load_yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "collect"


@dataclass(frozen=True, slots=True)
class SourceInfo:
    name: str
    title: str
    covers: str
    roots: dict[str, str]
    source: str


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data = load_yaml((DATA / "sources.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
        raise ValueError("data/collect/sources.yaml: expected a mapping with 'sources'")
    return data


def sources() -> list[SourceInfo]:
    """Every source, in the file's order."""
    return [
        SourceInfo(name, str(spec["title"]), " ".join(str(spec["covers"]).split()),
                   {str(k): str(v) for k, v in spec["roots"].items()}, str(spec["source"]))
        for name, spec in _data()["sources"].items()
    ]


def source_names() -> list[str]:
    return [info.name for info in sources()]


def source_info(name: str) -> SourceInfo:
    for info in sources():
        if info.name == name:
            return info
    raise KeyError(name)


def ggzy_provinces() -> dict[str, str]:
    """DEAL_PROVINCE code -> province name."""
    return {str(k): str(v) for k, v in _data()["ggzy_provinces"].items()}


def ggzy_stages() -> list[str]:
    """DEAL_STAGE codes, the second split of a ggzy query at the cap."""
    return [str(k) for k in _data()["ggzy_stages"]]


def zcy_portals() -> dict[str, str]:
    """政采云 portal key (--province) -> root URL."""
    return {str(k): str(v) for k, v in _data()["zcy_portals"].items()}


def no_results_phrases() -> tuple[str, ...]:
    """Words of a list page that found nothing (whitespace removed before matching)."""
    return tuple("".join(str(p).split()) for p in _data().get("no_results", []))
