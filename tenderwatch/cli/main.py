"""The ``tenderwatch`` command group. Each command lives in a ``*_cmds`` module
beside this one and only parses arguments, calls one library function and prints."""

from __future__ import annotations

import importlib
import logging
from typing import Any

import click

from tenderwatch import __version__

# Modules that each define ``register(group: click.Group) -> None``, with the commands each adds, so
# that running one command imports only its module and ``--version`` / ``--help`` import none of the
# stages (the scan stack takes about a second of CPU to import). A command missing here is still found:
# an unknown name loads every module.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "tenderwatch.cli.scan_cmds": ("scan", "demo", "export", "show"),
    "tenderwatch.cli.lists_cmds": ("lists", "screen", "compare"),
    "tenderwatch.cli.web_cmds": ("serve", "report"),
    "tenderwatch.cli.collect_cmds": ("collect",),
    "tenderwatch.cli.watch_cmds": ("watch",),
    "tenderwatch.cli.archive_cmds": ("archive",),
}


class LazyGroup(click.Group):
    """A command group that imports a command's module when the command is first asked for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: set[str] = set()

    def _load(self, module_name: str) -> None:
        if module_name in self._loaded:
            return
        self._loaded.add(module_name)
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a stage not built yet must not break the others
            if exc.name != module_name:
                raise
            return
        module.register(self)

    def load_all(self) -> None:
        for module_name in COMMAND_MODULES:
            self._load(module_name)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        for module_name, names in COMMAND_MODULES.items():
            if cmd_name in names:
                self._load(module_name)
        if cmd_name not in self.commands:
            self.load_all()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RuntimeError as exc:  # a store from a newer version: a message, not a traceback
            from tenderwatch.store.schema import NewerStoreError

            if isinstance(exc, NewerStoreError):
                raise click.ClickException(str(exc)) from exc
            raise

    def list_commands(self, ctx: click.Context) -> list[str]:
        self.load_all()
        return super().list_commands(ctx)


@click.group(cls=LazyGroup)
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
@click.version_option(__version__, package_name="tenderwatch")  # no importlib.metadata look-up (~15 ms)
def main(verbose: int) -> None:
    """tenderwatch: find export-controlled US AI compute in procurement notices.

    A hit is a lead, not proof of a violation.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
