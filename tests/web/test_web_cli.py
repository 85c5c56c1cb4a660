"""``tenderwatch serve`` refuses to expose the workbench without an operator token."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tenderwatch.cli.web_cmds import serve_cmd
from tenderwatch.web.app import create_app


def test_serve_needs_a_token_off_loopback(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TENDERWATCH_TOKEN", raising=False)
    result = CliRunner().invoke(serve_cmd, ["--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code != 0 and "operator token" in result.output


def test_serve_refuses_an_empty_host(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TENDERWATCH_TOKEN", raising=False)
    result = CliRunner().invoke(serve_cmd, ["--db", str(db), "--host", ""])  # an unset shell variable
    assert result.exit_code != 0 and "--host is empty" in result.output


def test_serve_needs_a_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(serve_cmd, ["--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "no scan store" in result.output


def test_app_settings_are_checked(db: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        create_app(db, token=None, writes_need_token=True)
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "missing.db")
