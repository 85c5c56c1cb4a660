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
def bundled() -> Screener:
    """The screener over the bundled snapshot only (built once)."""
    return get_screener(Path(__file__).resolve().parent / "fixtures" / "no-such-home")


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
