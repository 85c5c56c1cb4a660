"""Fixtures for collect tests: a stand-in site with notices from ../shared/corpus, and a helper
that runs a collect against it on loopback (``--delay 0``) into a store in tmp_path."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tenderwatch.collect import CollectOptions, CollectReport, run_collect

from .site import SHARED, Notice, ReplayServer, Site, corpus_notice, small_notice

CONTACT = "tests@example.org"
Run = Callable[..., CollectReport]


def notices() -> list[Notice]:
    """Five notices over 1-3 March 2024: two dev-corpus leads, a real ccgp award, a GBK page,
    and one written here."""
    gbk = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><title>某研究院H100"
           "服务器采购公告</title></head><body><h2>某研究院H100服务器采购公告</h2><p>采购人：某研究院</p>"
           "<p>采购内容：配置8块NVIDIA H100 GPU的服务器2台，预算金额：300万元。</p></body></html>").encode("gbk")
    return [
        corpus_notice("1001", date(2024, 3, 1), "清华大学A100服务器采购中标公告", "dev/dA-001.html"),
        corpus_notice("1002", date(2024, 3, 1), "计算技术研究所A100加速卡采购", "dev/dA-002.html"),
        corpus_notice("1003", date(2024, 3, 2), "深圳龙华空调采购A100项目中标公告",
                      "real/ccgp_html/ccgp_20250527_shenzhen_longhua_aircon_award.html"),
        Notice("1004", date(2024, 3, 2), "某研究院H100服务器采购公告", gbk, province="310000", encoding="gbk"),
        small_notice("1005", date(2024, 3, 3), "某大学H100算力租赁服务采购公告",
                     "采购人：某大学。采购内容：租用H100 GPU 卡时1000小时，预算金额：100万元。"),
    ]


@pytest.fixture
def site(shared: Path) -> Site:
    assert shared == SHARED
    return Site(notices())


@pytest.fixture
def site_url(site: Site) -> Iterator[str]:
    """The stand-in served on 127.0.0.1 for the whole test (one port, so URLs stay the same)."""
    with ReplayServer(site) as url:
        yield url


@pytest.fixture
def run(site_url: str, tmp_path: Path) -> Run:
    """``run(source, **options)``: collect 1-3 March 2024 with keywords A100/H100 by default."""

    def _run(source: str, **kw: Any) -> CollectReport:
        settings = {"keywords": ["A100", "H100"], **kw.pop("settings", {})}
        timeout = kw.pop("timeout", 240)
        options = CollectOptions(
            source=source, db=str(kw.pop("db", tmp_path / "tw.db")), archive=str(kw.pop("archive", tmp_path / "warc")),
            date_from=kw.pop("date_from", date(2024, 3, 1)), date_until=kw.pop("date_until", date(2024, 3, 3)),
            base_url=kw.pop("base_url", site_url), delay=kw.pop("delay", 0.0), contact=kw.pop("contact", CONTACT),
            settings=settings, progress=False, **kw,
        )
        return run_collect(options, timeout=timeout)

    return _run


def docs(db: Path) -> dict[str, tuple[Any, ...]]:
    """path -> (sha256, url, source, http_status, warc_file, warc_record_id, payload_digest, relevant)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT path, sha256, url, source, http_status, warc_file, warc_record_id, payload_digest, relevant"
            " FROM documents ORDER BY path"
        ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def windows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT query, day_from, status, reason, pages_done FROM collect_windows ORDER BY day_from, query"
        ).fetchall()
