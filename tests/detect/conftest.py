"""Fixtures for the detect tests: run the detect stage on a string, the way the pipeline does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tenderwatch.detect import decide, detect, summarize
from tenderwatch.model import Fact, Finding, NoticeFields, TextDoc
from tenderwatch.normalize import normalize


@dataclass
class Result:
    relevant: bool
    categories: list[str]
    items: list[str]
    providers: list[str]
    findings: list[Finding]


def run(text: str, date: str | None = None, title: str | None = None) -> Result:
    doc = TextDoc(path="t.txt", text=text, fmt="txt")
    notice = NoticeFields()
    if title is not None:
        notice.title = Fact("title", title, title)
    if date is not None:
        notice.notice_date = Fact("notice_date", date, date)
    findings = detect(doc, normalize(text), notice)
    relevant = decide(findings)
    categories, items, providers = summarize(findings, relevant)
    return Result(relevant, categories, items, providers, findings)


Runner = Callable[..., Result]


@pytest.fixture
def detect_text() -> Runner:
    return run
