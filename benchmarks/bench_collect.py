"""Collect benchmark: a replayed month at the default politeness versus politeness off (not a test).

Usage: .venv/bin/python benchmarks/bench_collect.py [--days 31] [--notices 20] [--source ccgp]
                                                     [--delays 5,0] [--workdir DIR]

Serves a month of notices (``--notices`` spread over ``--days`` days from 2024-03-01) from the
loopback stand-in of the tests (``tests/collect/site.py``, written from sources.md) and runs
``tenderwatch.collect.run_collect`` once per ``--delays`` value, each into a fresh store and
archive, with one keyword (so one list request per day window). ``--delay 5`` is the default
politeness (5 s x up to 1.5 jitter per request, AutoThrottle, robots.txt); ``0`` is politeness
off (allowed on loopback only). Reports wall time (politeness is waiting, so wall time is what
it costs), the collector's CPU time (``RUSAGE_CHILDREN``), requests, and seconds per request.
Writes benchmarks/results/collect.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "collect.json"
sys.path.insert(0, str(ROOT / "tests"))

from collect.site import Notice, ReplayServer, Site, small_notice  # noqa: E402

from tenderwatch.collect import CollectOptions, run_collect  # noqa: E402


def month(days: int, count: int) -> list[Notice]:
    start = date(2024, 3, 1)
    return [
        small_notice(f"9{i:04d}", start + timedelta(days=i * days // max(count, 1)), f"H100服务器采购公告{i}",
                     f"采购人：某大学{i}。采购内容：配置8块NVIDIA H100 GPU的服务器1台，预算金额：{100 + i}万元。")
        for i in range(count)
    ]


def one_run(source: str, delay: float, days: int, count: int, work: Path) -> dict[str, Any]:
    site = Site(month(days, count))
    folder = work / f"{source}-delay{delay:g}"
    folder.mkdir(parents=True, exist_ok=True)
    with ReplayServer(site) as url:
        options = CollectOptions(
            source=source, db=str(folder / "tw.db"), archive=str(folder / "warc"),
            date_from=date(2024, 3, 1), date_until=date(2024, 3, 1) + timedelta(days=days - 1),
            base_url=url, delay=delay, contact="bench@example.org", settings={"keywords": ["H100"]},
            progress=False,
        )
        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall0 = time.perf_counter()
        report = run_collect(options)
        wall = time.perf_counter() - wall0
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    return {
        "source": source, "delay": delay, "days": days, "notices_served": count,
        "exit_code": report.exit_code, "windows": len(report.windows), "requests": report.requests,
        "notices": report.notices, "new_documents": report.new_documents, "leads": report.leads,
        "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "wall_per_request_s": round(wall / max(report.requests, 1), 3),
        "message": report.message,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=31)
    parser.add_argument("--notices", type=int, default=20)
    parser.add_argument("--source", default="ccgp", choices=["ccgp", "ggzy", "zcy"])
    parser.add_argument("--delays", default="5,0", help="comma-separated --delay values to compare")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tw-bench-collect-"))
    runs = []
    try:
        for delay in (float(d) for d in args.delays.split(",")):
            run = one_run(args.source, delay, args.days, args.notices, work)
            runs.append(run)
            print(f"delay {delay:>4g}: {run['wall_s']:8.1f} s wall, {run['cpu_s']:6.1f} s CPU, "
                  f"{run['requests']} requests ({run['wall_per_request_s']} s each), {run['windows']} windows, "
                  f"{run['new_documents']} new documents, exit {run['exit_code']}", flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": platform.platform(), "python": platform.python_version(),
                                   "command": " ".join(sys.argv), "runs": runs}, indent=2, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    print(f"written {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
