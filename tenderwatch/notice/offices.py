"""The institution behind a purchasing office: "某某大学国有资产与采购管理处" -> "某某大学" (issue 10).

The patterns are data (``data/notice/offices.yaml``); only administrative offices are cut, so a faculty or
laboratory named as the buyer stays as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from tenderwatch.notice.labels import VocabularyError
from tenderwatch.yamlfile import load_yaml


@lru_cache(maxsize=1)
def _office_re() -> re.Pattern[str]:
    raw = resources.files("tenderwatch").joinpath("data/notice/offices.yaml").read_text(encoding="utf-8")
    doc = load_yaml(raw)
    try:
        return re.compile(rf"^(?P<head>.{{2,40}}?{doc['institution_tail']})(?P<office>{doc['office']})$")
    except (KeyError, TypeError, re.error) as exc:
        raise VocabularyError(f"offices.yaml: {exc}") from exc


def institution(name: str) -> str:
    """``name`` without an administrative office after the institution's name."""
    m = _office_re().match(name)
    return m.group("head") if m else name
