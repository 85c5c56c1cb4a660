"""The search terms collect sends, derived at load time from the detection vocabulary
(``tenderwatch/data/detect``) by the rules in ``tenderwatch/data/collect/keywords.yaml``."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from tenderwatch.detect.vocab import vocab
from tenderwatch.yamlfile import load_yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "collect" / "keywords.yaml"
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def search_terms() -> tuple[str, ...]:
    """Terms in a stable order, without case-insensitive repeats or excluded terms."""
    spec = load_yaml(DATA.read_text(encoding="utf-8"))
    v = vocab()
    terms: list[str] = [a.canonical for a in v.accelerators.values() if a.relevant and a.origin == "us"]
    terms += [s.anchors[0].upper() for s in v.systems]
    for provider in v.providers:
        terms.append(provider.anchors[0])
        terms += [a for a in provider.anchors if _CJK.search(a)][:1]
    terms += [s.anchors[0] for s in v.services]
    terms += [str(e["term"]) for e in spec.get("extra", [])]
    excluded = {str(e["term"]).casefold() for e in spec.get("exclude", [])}
    seen: set[str] = set()
    out: list[str] = []
    for term in terms:
        key = term.casefold()
        if key in seen or key in excluded:
            continue
        seen.add(key)
        out.append(term)
    return tuple(out)
