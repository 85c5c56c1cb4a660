"""Fixtures for the workbench tests: a store built from tests/web/fixtures, and apps over it."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from starlette.testclient import TestClient

from tenderwatch.web.app import create_app

FIXTURES = Path(__file__).parent / "fixtures"


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tw_web_build_store", FIXTURES / "build_store.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "fixture.db"
    load_builder().build(path)
    return path


@pytest.fixture()
def db(built_db: Path, tmp_path: Path) -> Path:
    """A private copy of the fixture store (reviews written by one test stay in it)."""
    copy = tmp_path / "store.db"
    shutil.copy(built_db, copy)
    return copy


@pytest.fixture()
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url="http://127.0.0.1:8765") as c:
        yield c


def _doc_id(db: Path, path: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()[0])


@pytest.fixture()
def doc_id() -> Callable[[Path, str], int]:
    """``doc_id(db, path)``: the id of a fixture notice in a store."""
    return _doc_id
