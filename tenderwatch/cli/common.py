"""Pieces the command modules share."""

from __future__ import annotations

import click

from tenderwatch.store.db import Store


def open_store_readonly(db_path: str) -> Store:
    """Open an existing scan store for reading, or fail with a clear message."""
    try:
        return Store(db_path, readonly=True)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
