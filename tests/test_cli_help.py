"""Every command has help text and is named in README.md or ARCHITECTURE.md."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from tenderwatch.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        found.append((prefix + name, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, prefix + name + " "))
    return found


def test_every_command_has_help_and_docs() -> None:
    docs = (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for name, command in _commands(main):
        assert command.help, f"{name} has no help text"
        result = runner.invoke(main, [*name.split(), "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert f"tenderwatch {name}" in docs, f"'tenderwatch {name}' is not documented"
