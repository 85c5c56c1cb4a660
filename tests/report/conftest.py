"""Fixtures for the report and export tests: the web tests' fixture store, and the shared schemas."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "tests" / "web" / "fixtures" / "build_store.py"


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("tw_report_build_store", BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("report") / "fixture.db"
    module.build(path)
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    path = (ROOT / ".." / "shared").resolve()
    if not path.is_dir():
        pytest.skip("../shared is not available")
    return path
