"""Run one collect crawl in a child process and return its report.

Twisted's reactor runs once per process, so each crawl gets a fresh interpreter
(``python -m tenderwatch.collect.child OPTIONS.json REPORT.json``); the child writes its
:class:`CollectReport` as JSON. A child that dies (killed, out of memory) leaves no report:
the parent then reports the run as failed, and the store and archive hold everything the
child finished (each notice is saved after its archived copy; each window's state is in the
store), so the same call resumes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from tenderwatch.collect.options import EXIT_ERROR, CollectOptions, CollectReport, validate
from tenderwatch.collect.sourcelist import source_names


def run_collect(options: CollectOptions, *, timeout: float | None = None) -> CollectReport:
    """Collect ``options.source`` into ``options.db``; raise ``OptionsError`` for refused options."""
    validate(options, source_names())
    with tempfile.TemporaryDirectory(prefix="tw-collect-") as tmp:
        options_path = Path(tmp) / "options.json"
        report_path = Path(tmp) / "report.json"
        options_path.write_text(json.dumps(options.to_json()), encoding="utf-8")
        command = [sys.executable, "-m", "tenderwatch.collect.child", str(options_path), str(report_path)]
        try:
            proc = subprocess.run(command, stdin=subprocess.DEVNULL, timeout=timeout, env=os.environ.copy())
            code = proc.returncode
        except subprocess.TimeoutExpired:
            code = -int(signal.SIGKILL)
        if report_path.exists():
            try:
                return CollectReport.from_json(json.loads(report_path.read_text(encoding="utf-8")))
            except (ValueError, TypeError) as exc:
                return _failed(options, f"the collector's report could not be read: {exc}")
        how = f"was killed by signal {-code}" if code < 0 else f"exited with {code} without a report"
        return _failed(options, f"the collector process {how}; run the same command again to resume")


def _failed(options: CollectOptions, message: str) -> CollectReport:
    return CollectReport(source=options.source, message=message, exit_code=EXIT_ERROR)
