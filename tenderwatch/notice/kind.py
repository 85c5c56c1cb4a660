"""Notice type and title.

The type comes from the title first (``…中标结果公告``, ``…采购意向``), then from the
reader's breadcrumb / subtype hint, then from body cues (a 中标（成交）信息 section,
获取招标文件). Cues are data: ``data/notice/kinds.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from tenderwatch.notice.labels import vocab

_TITLE_CUE = re.compile(r"公告|公示|意向|通知|结果|邀请|(?i:invitation|tender|quotation|notice)")
# a notice's title, or a procurement document's own ("…项目竞争性磋商文件(节选)", "…招标文件")
_TITLE_END = re.compile(r"(?:公告|公示|意向|通知|结果|邀请[书函]?|(?:招标|采购|磋商|谈判|询价|比选)文件)\s*"
                        r"(?:\([^()]{0,16}\))?$")
# a chapter or part heading of a procurement document ("第一章 磋商公告"), never the document's title
_CHAPTER = re.compile(r"\s*第[一二三四五六七八九十\d]{1,3}[章节篇部]")
_LABELLED = re.compile(r"[:：]\s*\S")
_SITE_TAIL = re.compile(r"\s*[-_|｜]\s*[^-_|｜]{2,30}$")


def kind_of(text: str) -> str | None:
    """The notice type a short text (title, breadcrumb) names, else None."""
    for kind, pattern in vocab().kind_rules:
        if pattern.search(text):
            return kind
    return None


def notice_kind(title: str, hint: str, body: str) -> str:
    """tender, award, intention, single_source, contract, correction or other."""
    for text in (title, hint):
        if text:
            found = kind_of(text)
            if found:
                return found
    for kind, pattern in vocab().body_rules:
        if pattern.search(body):
            return kind
    return "other"


def clean_title(title: str) -> str:
    """Drop a trailing site name (``…公告-湖南省政府采购网``)."""
    if not any(c in title for c in "-_|｜"):  # no separator: no site name to drop
        cut = title.strip()
        return cut if len(cut) >= 6 else title.strip()
    cut = _SITE_TAIL.sub("", title).strip()
    return cut if len(cut) >= 6 else title.strip()


def guess_title(text: str, lines: Iterable[tuple[int, int]], limit: int = 40) -> tuple[int, int] | None:
    """Span of the first early line that reads like a notice title. ``lines`` (spans of the
    non-blank lines) is read lazily: most notices open with their title."""
    head: list[tuple[int, int]] = []
    for start, end in islice(lines, limit + 1):
        head.append((start, end))
        if len(head) > limit:
            break
        line = text[start:end]
        if _CHAPTER.match(line):
            continue
        if 6 <= len(line) <= 120 and "\t" not in line and _TITLE_END.search(line) and not _LABELLED.search(line):
            return start, end
    for n, (start, end) in enumerate(head[:limit]):
        line = text[start:end]
        if not 6 <= len(line) <= 120 or "\t" in line or _LABELLED.search(line) or _CHAPTER.match(line):
            continue
        if _TITLE_CUE.search(line):
            return start, end
        if n + 1 < len(head):  # a title wrapped over two lines (PDF): "…中标结" + "果公告"
            nstart, nend = head[n + 1]
            if nend - nstart <= 12 and _TITLE_CUE.search(line + text[nstart:nend]):
                return start, nend
    return head[0] if head else None
