"""Fixtures for the screening tests: a private list store and the bundled screener."""

from __future__ import annotations

from pathlib import Path

import pytest

from tenderwatch.screen import Screener, get_screener

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch ~/.tenderwatch: every test gets an empty list store."""
    monkeypatch.setenv("TENDERWATCH_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    """The screener over the bundled snapshot only (built once; its index cache goes to a temporary home)."""
    return get_screener(tmp_path_factory.mktemp("bundled-home"))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
