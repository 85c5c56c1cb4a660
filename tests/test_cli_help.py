"""Every command has help text and is named in README.md or ARCHITECTURE.md."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from tenderwatch.cli.main import COMMAND_MODULES, main

ROOT = Path(__file__).resolve().parent.parent


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
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


def test_command_map_names_what_each_module_registers() -> None:
    """The lazy group's map must match what each module registers, or a command would load the
    wrong module (still found, but by importing every stage)."""
    for module_name, names in COMMAND_MODULES.items():
        group = click.Group()
        importlib.import_module(module_name).register(group)
        assert sorted(group.commands) == sorted(names), module_name


def test_version_imports_no_stage() -> None:
    """``tenderwatch --version`` answers without importing the scan stack (about a second of CPU)."""
    code = ("import sys\nfrom tenderwatch.cli.main import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('tenderwatch.') and m != 'tenderwatch.cli.main'"
            " and m != 'tenderwatch.cli'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]", done.stdout


def test_version_said_is_the_installed_package_version() -> None:
    """``--version`` says ``tenderwatch.__version__`` (no metadata look-up at start): it must be the version
    the package was installed with (pyproject.toml)."""
    from importlib.metadata import version

    from tenderwatch import __version__

    assert __version__ == version("tenderwatch")
    done = CliRunner().invoke(main, ["--version"], prog_name="tenderwatch")
    assert done.exit_code == 0 and done.output.strip() == f"tenderwatch, version {__version__}"
