"""Recognise a block (``tenderwatch/data/collect/blocks.yaml``): a too-frequent page, a captcha,
a redirect to one, a script-set cookie challenge, HTTP 403, or HTML where JSON was expected.

Detection only: the collector stops the source and says why; it never answers a challenge.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tenderwatch.yamlfile import load_yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "collect" / "blocks.yaml"
SHORT_PAGE = 20_000  # bytes: a block page is short; a notice quoting the words is not a block
HEAD = 65_536


@dataclass(frozen=True, slots=True)
class BlockRules:
    phrases: tuple[str, ...]
    challenge_scripts: tuple[str, ...]
    captcha_urls: tuple[str, ...]
    statuses: dict[int, str]
    ggzy_codes: dict[int, str]


@lru_cache(maxsize=1)
def rules() -> BlockRules:
    data = load_yaml(DATA.read_text(encoding="utf-8"))
    return BlockRules(
        phrases=tuple(str(p) for p in data["phrases"]),
        challenge_scripts=tuple(str(p) for p in data["challenge_scripts"]),
        captcha_urls=tuple(str(p).lower() for p in data["captcha_urls"]),
        statuses={int(k): str(v) for k, v in data["statuses"].items()},
        ggzy_codes={int(k): str(v) for k, v in data["ggzy_codes"].items()},
    )


def _text(body: bytes) -> str:
    head = body[:HEAD]
    for encoding in ("utf-8", "gb18030"):
        try:
            return head.decode(encoding)
        except UnicodeDecodeError:
            continue
    return head.decode("utf-8", "replace")


def looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<meta", b"<title"))


def status_block(status: int, location: str | None) -> str | None:
    """A block told by the HTTP answer alone: a refusal status or a redirect to a captcha."""
    r = rules()
    if status in r.statuses:
        return r.statuses[status]
    if 300 <= status < 400 and location:
        lowered = location.lower()
        if any(marker in lowered for marker in r.captcha_urls):
            return f"redirect to a captcha or challenge ({location})"
    return None


def body_block(body: bytes, *, expect: str = "html") -> str | None:
    """Why a 2xx body that lacks the content asked for is a block page, or None.
    ``expect`` is what the request should get back: ``html`` (a page) or ``json``."""
    r = rules()
    text = _text(body)
    for script in r.challenge_scripts:
        if script in text:
            return f"script-set cookie challenge ({script})"
    if len(body) <= SHORT_PAGE or expect == "json":
        for phrase in r.phrases:
            if phrase in text:
                return f"block page ({phrase})"
    if expect == "json" and looks_like_html(body):
        return "HTML answered where JSON was expected (a challenge or error page)"
    return None


def ggzy_code_block(code: object) -> str | None:
    try:
        number = int(str(code))
    except ValueError:
        return None
    return rules().ggzy_codes.get(number)
