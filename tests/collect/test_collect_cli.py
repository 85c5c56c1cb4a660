"""The spider contract (each source builds its first requests without network), the options a
collect refuses, and the ``collect`` command end to end against the loopback stand-in."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from tenderwatch.cli.main import main
from tenderwatch.collect import CollectOptions, CollectReport, OptionsError, run_collect, sources
from tenderwatch.collect.crawl import make_context
from tenderwatch.collect.keywords import search_terms
from tenderwatch.collect.spiders import SPIDERS
from tenderwatch.store.db import Store

from .conftest import CONTACT, docs


def _first_requests(source: str, tmp_path: Path, **kw: object) -> list[object]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    options = CollectOptions(source=source, db=str(tmp_path / "c.db"), archive=str(tmp_path / "a"),
                             date_from=date(2024, 3, 1), date_until=date(2024, 3, 2), contact=CONTACT,
                             progress=False, **kw)  # type: ignore[arg-type]
    with Store(options.db) as store:
        ctx = make_context(options, store, CollectReport(source=source))
        spider = SPIDERS[source](ctx=ctx)
        requests = list(spider.first_requests())
        ctx.archive.close()
    return requests


@pytest.mark.parametrize("source", sorted(SPIDERS))
def test_each_source_builds_its_first_requests_without_network(source: str, tmp_path: Path) -> None:
    requests = _first_requests(source, tmp_path)
    assert requests
    info = {s.name: s for s in sources()}[source]
    roots = tuple(info.roots.values())
    for request in requests:
        assert request.url.startswith(roots), request.url  # type: ignore[attr-defined]


def test_first_requests_follow_sources_md(tmp_path: Path) -> None:
    (ccgp,) = _first_requests("ccgp", tmp_path)
    url = urlsplit(ccgp.url)  # type: ignore[attr-defined]
    query = parse_qs(url.query, keep_blank_values=True)
    assert url.path == "/bxsearch" and query["searchtype"] == ["1"] and query["page_index"] == ["1"]
    assert query["start_time"] == ["2024:03:01"] and query["end_time"] == ["2024:03:01"]
    assert query["timeType"] == ["6"] and query["kw"] == [search_terms()[0]]

    (ggzy,) = _first_requests("ggzy", tmp_path / "g")
    assert ggzy.method == "POST" and ggzy.url.endswith("/information/pubTradingInfo/getTradList")  # type: ignore[attr-defined]
    form = parse_qs(ggzy.body.decode())  # type: ignore[attr-defined]
    assert form["DEAL_TIME"] == ["06"] and form["TIMEBEGIN"] == ["2024-03-01"] and form["TIMEEND"] == ["2024-03-01"]
    assert form["DEAL_CLASSIFY"] == ["02"] and form["PAGENUMBER"] == ["1"] and form["FINDTXT"] == [search_terms()[0]]

    (zcy,) = _first_requests("zcy", tmp_path / "z")
    assert zcy.method == "POST" and zcy.url.endswith("/portal/category")  # type: ignore[attr-defined]
    body = json.loads(zcy.body)  # type: ignore[attr-defined]
    assert body["pageNo"] == 1 and body["pageSize"] == 15 and body["isGov"] is True
    assert body["publishDateBegin"].startswith("2024-03-01")


def test_the_keyword_list_comes_from_the_detection_vocabulary() -> None:
    terms = search_terms()
    assert {"H100", "A100", "H20"} <= set(terms)
    assert len({t.casefold() for t in terms}) == len(terms)


@pytest.mark.parametrize(("changes", "why"), [
    ({"contact": None}, "contact address"),
    ({"contact": "not an address"}, "neither an e-mail"),
    ({"delay": 0.0, "base_url": "http://www.ccgp.gov.cn"}, "loopback"),
    ({"delay": 0.0}, "loopback"),
    ({"source": "nosuch"}, "unknown source"),
    ({"settings": {"no_such_setting": 1}}, "unknown collect settings"),
    ({"date_from": date(2024, 3, 5), "date_until": date(2024, 3, 1)}, "after"),
    ({"source": "zcy", "province": "xx"}, "portal"),
])
def test_refused_options(changes: dict[str, object], why: str, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TENDERWATCH_CONTACT", raising=False)
    fields: dict[str, object] = {"source": "ccgp", "db": str(tmp_path / "x.db"), "contact": CONTACT, **changes}
    with pytest.raises(OptionsError, match=why):
        run_collect(CollectOptions(**fields))  # type: ignore[arg-type]
    assert not (tmp_path / "x.db").exists(), "nothing is started for refused options"


def test_contact_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TENDERWATCH_CONTACT", "https://example.org/about")
    assert CollectOptions("ccgp", str(tmp_path / "x.db")).resolved_contact() == "https://example.org/about"


def test_collect_list() -> None:
    result = CliRunner().invoke(main, ["collect", "--list"])
    assert result.exit_code == 0, result.output
    for name in ("ccgp", "ggzy", "zcy"):
        assert f"{name}:" in result.output
    assert "delay = 5.0" in result.output and "daily_budget" in result.output and "robots" in result.output


def test_collect_command_refuses_delay_0_for_a_public_site(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["collect", "ccgp", "--db", str(tmp_path / "x.db"), "--delay", "0",
                                       "--contact", CONTACT])
    assert result.exit_code != 0 and "loopback" in result.output


def test_collect_command_end_to_end(site_url: str, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(main, [
        "collect", "ccgp", "--from", "2024-03-01", "--until", "2024-03-01", "--db", str(db),
        "--base-url", site_url, "--delay", "0", "--contact", CONTACT, "--set", 'keywords=["A100"]', "-q",
    ])
    assert result.exit_code == 0, result.output
    assert "1 of 1 windows complete" in result.output and "2 new documents" in result.output
    assert len(docs(db)) == 2
    assert list((tmp_path / "cli-archive").glob("ccgp-*.warc.gz")), "the archive defaults to a folder beside the store"
