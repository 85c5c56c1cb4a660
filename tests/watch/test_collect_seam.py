"""The seam to the collect stage (``watch/collecting.py``) against a stand-in module with the
agreed API (``CollectOptions``, ``run_collect``, ``sources``), until collect lands on main."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tenderwatch.watch.collecting import collect_source, known_sources
from tenderwatch.watch.config import parse_config


@dataclass(slots=True)
class Options:
    source: str
    db: str
    archive: str | None = None
    date_from: date | None = None
    date_until: date | None = None
    base_url: str | None = None
    delay: float = 5.0
    contact: str | None = None
    province: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    progress: bool = True


@dataclass(slots=True)
class Report:
    source: str
    new_documents: int = 0
    leads: int = 0
    blocked: str | None = None
    message: str = ""
    exit_code: int = 0


@dataclass(slots=True)
class Info:
    name: str


@pytest.fixture()
def collect(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Install a stand-in ``tenderwatch.collect``; returns the options it was called with."""
    calls: list[Any] = []
    answers = {"ccgp": Report("ccgp", 3, 1), "ggzy": Report("ggzy", blocked="captcha", exit_code=4),
               "zcy": Report("zcy", message="layout changed", exit_code=3)}

    def run_collect(options: Options) -> Report:
        calls.append(options)
        if options.source == "boom":
            raise RuntimeError("child died")
        return answers[options.source]

    module = types.ModuleType("tenderwatch.collect")
    module.CollectOptions = Options  # type: ignore[attr-defined]
    module.run_collect = run_collect  # type: ignore[attr-defined]
    module.sources = lambda: [Info("ccgp"), Info("ggzy"), Info("zcy")]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tenderwatch.collect", module)
    return calls


def test_options_outcomes_and_failures(tmp_path: Path, collect: list[Any]) -> None:
    cfg = parse_config('db = "tw.db"\narchive = "warc"\n[collect]\nsources = ["ccgp", "ggzy", "zcy", "boom"]\n'
                       'contact = "desk@example.org"\ndelay = 7\nbase_url = { ccgp = "http://127.0.0.1:9/" }\n'
                       'province = { zcy = "zj" }\nsettings = { budget = 10 }\n', str(tmp_path / "w.toml"), {})
    assert known_sources() == ["ccgp", "ggzy", "zcy"]
    ok = collect_source(cfg, "ccgp", None, None)
    assert ok.ok and ok.new_documents == 3 and ok.leads == 1
    options = collect[0]
    assert (options.db, options.archive) == (str(tmp_path / "tw.db"), str(tmp_path / "warc"))
    assert options.base_url == "http://127.0.0.1:9/" and options.delay == 7 and options.contact == "desk@example.org"
    assert options.settings == {"budget": 10} and options.progress is False and options.date_from is None
    blocked = collect_source(cfg, "ggzy", date(2024, 6, 1), date(2024, 6, 3))
    assert not blocked.ok and blocked.blocked == "captcha" and collect[1].date_from == date(2024, 6, 1)
    partial = collect_source(cfg, "zcy", None, None)
    assert not partial.ok and partial.error == "collect exited with 3: layout changed" and collect[2].province == "zj"
    crashed = collect_source(cfg, "boom", None, None)
    assert not crashed.ok and crashed.error == "RuntimeError: child died"
