"""``python -m tenderwatch.collect.child OPTIONS.json REPORT.json``: one crawl, its report as JSON.
Started by :func:`tenderwatch.collect.run_collect`; not meant to be run by hand."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from tenderwatch.collect.options import EXIT_ERROR, CollectOptions, CollectReport, OptionsError


def main(argv: list[str]) -> int:
    options = CollectOptions.from_json(json.loads(Path(argv[1]).read_text(encoding="utf-8")))
    level = getattr(logging, str(options.settings.get("LOG_LEVEL", "WARNING")).upper(), logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)  # Scrapy resets its loggers' levels; the handler holds the line
    from tenderwatch.collect.crawl import crawl  # imports Scrapy

    try:
        report = crawl(options)
    except OptionsError as exc:
        report = CollectReport(source=options.source, message=str(exc), exit_code=EXIT_ERROR)
    tmp = Path(argv[2] + ".tmp")
    tmp.write_text(json.dumps(report.to_json(), ensure_ascii=False), encoding="utf-8")
    tmp.replace(argv[2])
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
