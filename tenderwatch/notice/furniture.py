"""Page furniture around a notice on an aggregator or portal page (issue 10).

* Recommendation lists (相关推荐, 推荐商机, 相关阅读 ... then short title lines) name other notices:
  :func:`furniture_zones` gives their spans so no finding comes from them.
* Masked values (``广州****科技有限公司``) stay null and member-wall words glued to a value
  (``开通会员查看完整名称``) are cut off: :func:`clean_value`.

The vocabulary is data (``data/notice/furniture.yaml``). One pass over the lines: linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tenderwatch.notice.labels import VocabularyError
from tenderwatch.yamlfile import load_yaml

# a labelled field ("采购人：…") or a numbered section ("一、…") is the notice again, not a listed title
_NOT_LISTED = re.compile(r"[^\n:]{1,12}:|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.](?!\d)")


@dataclass(slots=True, frozen=True)
class Furniture:
    heading: re.Pattern[str]  # a line-start ("^") pattern, searched as a "\n"-led one on "\n" + text
    type_prefix: re.Pattern[str]
    type_words: re.Pattern[str]
    mask: re.Pattern[str]
    wall: re.Pattern[str]
    line_max: int
    lines_max: int


@lru_cache(maxsize=1)
def furniture() -> Furniture:
    raw = resources.files("tenderwatch").joinpath("data/notice/furniture.yaml").read_text(encoding="utf-8")
    doc = load_yaml(raw)
    try:
        return Furniture(
            heading=_line_led(doc["recommendation_heading"]["pattern"]),
            type_prefix=re.compile(doc["type_prefix"]["pattern"]),
            type_words=re.compile(doc["type_prefix"]["words"]),
            mask=re.compile(doc["mask"]["pattern"]),
            wall=re.compile(doc["member_wall"]["pattern"]),
            line_max=int(doc["list_line_max"]),
            lines_max=int(doc["list_lines_max"]),
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise VocabularyError(f"furniture.yaml: {exc}") from exc


def _line_led(pattern: str) -> re.Pattern[str]:
    """``^X`` (a heading at a line start) as ``\nX``: a multi-line ``^`` is tried at every position, a
    literal first character is found fast. On ``"\n" + text`` it finds the same headings (X never
    reads a line break: it ends with ``$`` or ``:``), each match starting at its line's start in ``text``."""
    if not pattern.startswith("^"):
        raise VocabularyError("furniture.yaml: recommendation_heading.pattern must start with '^'")
    return re.compile("\n" + pattern[1:], re.M)


def furniture_zones(text: str) -> list[tuple[int, int]]:
    """Spans of recommendation lists: the heading line and the short lines listed under it."""
    f = furniture()
    zones: list[tuple[int, int]] = []
    pos = 0
    for head in f.heading.finditer("\n" + text):
        start = head.start()  # the "\n" before the heading in "\n" + text: the heading's line start in text
        if start < pos:
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        listed = 0
        while end < len(text) and listed < f.lines_max:
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[end + 1:nxt].strip()
            if len(line) > f.line_max or _NOT_LISTED.match(line):
                break
            end = nxt
            listed += 1 if line else 0
        zones.append((start, end))
        pos = end
    return zones


def in_zones(zones: list[tuple[int, int]], pos: int) -> bool:
    return any(start <= pos < end for start, end in zones)


def drop_type_prefix(title: str) -> str:
    """``【竞价公告】X`` / ``中标|X`` -> ``X`` when the tag names a notice type (and X is not empty)."""
    f = furniture()
    m = f.type_prefix.match(title)
    if m is None or not f.type_words.search(m.group(0)) or len(title) - m.end() < 4:
        return title
    return title[m.end():]


def clean_value(value: str) -> str | None:
    """A party name without member-wall words glued to it; ``None`` when the site masked it."""
    f = furniture()
    if f.mask.search(value):
        return None
    wall = f.wall.search(value)
    if wall is not None:
        value = value[:wall.start()].strip()
    return value or None
