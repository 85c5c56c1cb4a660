"""A time limit on read queries, so one slow search cannot hang the workbench."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_SECONDS = 5.0
MAX_ROWS = 200  # the most rows one page may ask for


class QueryTimeout(Exception):
    """A read query ran past its time limit and was interrupted."""


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float = DEFAULT_SECONDS) -> Iterator[None]:
    """Interrupt SQLite work on ``conn`` that runs longer than ``seconds``."""
    deadline = time.monotonic() + seconds

    def check() -> int:
        return 1 if time.monotonic() > deadline else 0

    conn.set_progress_handler(check, 10_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(f"the query took longer than {seconds:g} s and was stopped") from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)
