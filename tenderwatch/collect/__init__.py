"""The collect stage: search the publishing sites, fetch notices, archive every exchange, scan.

The API other stages and the CLI use (importing it does not import Scrapy):

- :class:`CollectOptions`: source, store, archive folder, date range, base URL, delay, contact,
  province and setting overrides;
- :func:`run_collect`: run one source's crawl in a child process and return its
  :class:`CollectReport` (per-window status, pages, notices, new documents, leads, ``blocked``,
  exit code). It may be called any number of times from one process (a scheduler, the tests);
- :func:`sources`: the sources, what each covers and its politeness.
"""

from __future__ import annotations

from tenderwatch.collect.options import (
    EXIT_BLOCKED,
    EXIT_COMPLETE,
    EXIT_ERROR,
    EXIT_INCOMPLETE,
    CollectOptions,
    CollectReport,
    OptionsError,
    WindowReport,
)
from tenderwatch.collect.runner import run_collect
from tenderwatch.collect.sourcelist import SourceInfo, sources

__all__ = [
    "EXIT_BLOCKED",
    "EXIT_COMPLETE",
    "EXIT_ERROR",
    "EXIT_INCOMPLETE",
    "CollectOptions",
    "CollectReport",
    "OptionsError",
    "SourceInfo",
    "WindowReport",
    "run_collect",
    "sources",
]
