"""The ``tenderwatch`` command group. Each command lives in a ``*_cmds`` module
beside this one and only parses arguments, calls one library function and prints."""

from __future__ import annotations

import importlib
import logging

import click

# Modules that each define ``register(group: click.Group) -> None``.
COMMAND_MODULES = (
    "tenderwatch.cli.scan_cmds",
    "tenderwatch.cli.lists_cmds",
    "tenderwatch.cli.web_cmds",
    "tenderwatch.cli.collect_cmds",
    "tenderwatch.cli.watch_cmds",
    "tenderwatch.cli.archive_cmds",
)


@click.group()
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
@click.version_option(package_name="tenderwatch")
def main(verbose: int) -> None:
    """tenderwatch: find export-controlled US AI compute in procurement notices.

    A hit is a lead, not proof of a violation.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # a stage not built yet must not break the others
        if exc.name != _name:
            raise
        continue
    _module.register(main)
