"""Screening speed against the full bundled lists (not a test).

    .venv/bin/python benchmarks/bench_screen.py [--names 20000] [--brute 300] [--no-cache] [--json OUT]

Reports the wall and CPU time (``time.process_time``) of ``get_screener()`` (index read from the
on-disk cache, or built from the lists with --no-cache or on the first run), the CPU time of the
imports before it, and the process's peak and current resident memory (and what loading the index
added), then, on one core: screenings per second and p50/p99 latency per name for
(a) tenderwatch's indexed screener on distinct names (no normalisation cache hits), with the same
    run's CPU time split by kind of name (Chinese / Latin, hit / no hit),
(b) the same names again (warm cache, as when a scan sees the same parties repeatedly),
(c) a rapidfuzz brute-force scan (process.extractOne, WRatio) over all list names.
With --json the figures are also written to OUT (e.g. benchmarks/results/screen-speed2.json).
Query names are synthetic but shaped like tender parties: Chinese company / university /
hospital / government names (most not listed), list names and their Chinese forms (hits),
and English company names.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from rapidfuzz import fuzz, process

from tenderwatch.screen import get_screener
from tenderwatch.screen.normalize import analyse

PLACES = ["北京", "上海", "天津", "重庆", "深圳市", "广州市", "杭州市", "南京", "成都市", "武汉市", "西安", "合肥市", "长沙",
          "济南", "郑州", "苏州", "无锡", "厦门", "青岛", "大连", "沈阳", "哈尔滨", "昆明", "贵阳", "兰州", "南宁"]
CHARS = "华信达安恒泰中科瑞康宏远创新智通讯电子天宇星辰博晟鑫源盛腾飞龙凤祥和嘉誉德正佳明光云海山川金石东方南北"
TRADES = ["科技", "信息技术", "电子科技", "网络科技", "智能科技", "数据科技", "计算机系统", "软件", "通信设备", "贸易", "设备"]
FORMS = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"]
INSTS = ["大学", "理工大学", "师范大学", "医科大学", "职业技术学院", "人民医院", "中医院", "第一中学", "教育局",
         "公共资源交易中心", "人民政府", "财政局", "疾病预防控制中心"]
EN = ["Global", "Pacific", "Star", "Dragon", "Union", "Bright", "Smart", "Data", "Cloud", "Micro", "Tech", "Trade"]
EN_TAIL = ["Technology Co., Ltd.", "Electronics Limited", "Trading Company", "Systems Inc.", "Holdings Limited"]


def synthetic_names(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    screener = get_screener()
    listed = [name.raw for name in screener.ref_name]
    out: set[str] = set()
    while len(out) < n:
        r = rng.random()
        if r < 0.55:
            out.add(rng.choice(PLACES) + "".join(rng.sample(CHARS, 2)) + rng.choice(TRADES) + rng.choice(FORMS))
        elif r < 0.80:
            out.add(rng.choice(PLACES) + "".join(rng.sample(CHARS, rng.randint(0, 2))) + rng.choice(INSTS))
        elif r < 0.90:
            out.add(" ".join(rng.sample(EN, 2)) + " " + rng.choice(EN_TAIL) + f" {rng.randint(1, 999)}")
        else:
            out.add(rng.choice(listed))
    names = list(out)
    rng.shuffle(names)
    return names


def timed(fn: Callable[[str], object], names: list[str]) -> tuple[float, float, list[float], list[float]]:
    """(wall seconds, CPU seconds, per-name wall latencies, per-name CPU times)."""
    lat: list[float] = []
    cpu: list[float] = []
    t0, c0 = time.perf_counter(), time.thread_time()
    for name in names:
        t, c = time.perf_counter(), time.thread_time()
        fn(name)
        cpu.append(time.thread_time() - c)
        lat.append(time.perf_counter() - t)
    return time.perf_counter() - t0, time.thread_time() - c0, lat, cpu


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def report(label: str, result: tuple[float, float, list[float], list[float]]) -> dict[str, Any]:
    wall, cpu, lat, cpu_lat = result
    n = len(lat)
    print(f"{label:<46} {n / wall:>9,.0f} names/s wall {n / cpu:>9,.0f} names/s CPU   "
          f"p50 {statistics.median(lat) * 1e6:>7.1f} us  p99 {_p(lat, 0.99) * 1e6:>8.1f} us wall "
          f"(p99 CPU {_p(cpu_lat, 0.99) * 1e6:>7.1f} us)  n={n}")
    return {"names": n, "names_per_s_wall": round(n / wall), "names_per_s_cpu": round(n / cpu),
            "p50_us_wall": round(statistics.median(lat) * 1e6, 1), "p99_us_wall": round(_p(lat, 0.99) * 1e6, 1),
            "p99_us_cpu": round(_p(cpu_lat, 0.99) * 1e6, 1)}


def report_kinds(names: list[str], cpu_lat: list[float], hit: set[str]) -> dict[str, Any]:
    """The same run's per-name CPU times by kind of name (reporting only: nothing timed again)."""
    kinds: dict[str, list[float]] = {}
    for name, cpu in zip(names, cpu_lat, strict=True):
        script = "Chinese" if analyse(name).script == "zh" else "Latin"
        kinds.setdefault(f"{script}, {'hit' if name in hit else 'no hit'}", []).append(cpu)
    total = sum(cpu_lat)
    out: dict[str, Any] = {}
    for kind, times in sorted(kinds.items()):
        print(f"    {kind:<20} {len(times):>6,} names {len(times) / sum(times):>9,.0f} names/s CPU  "
              f"mean {sum(times) / len(times) * 1e6:>6.1f} us  ({sum(times) / total:.0%} of the CPU time)")
        out[kind] = {"names": len(times), "names_per_s_cpu": round(len(times) / sum(times)),
                     "mean_us_cpu": round(sum(times) / len(times) * 1e6, 1),
                     "share_of_cpu": round(sum(times) / total, 3)}
    return out


def _rss_mb() -> float:
    """Current resident memory (MB, /proc; the peak where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=20000)
    parser.add_argument("--brute", type=int, default=300, help="names for the brute-force scan (slow)")
    parser.add_argument("--no-cache", action="store_true", help="build the index from the lists (no index cache)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    load_start = os.getloadavg()
    if args.no_cache:
        os.environ["TENDERWATCH_SCREEN_CACHE"] = "0"
    print(f"load average before the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    start_cpu = time.process_time()  # interpreter start and imports (pypinyin, opencc, rapidfuzz ...)
    rss_before = _rss_mb()
    t, c = time.perf_counter(), time.process_time()
    screener = get_screener()
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    loaded = {"entries": len(screener.entries), "names": len(screener.ref_name), "lists": len(screener.versions),
              "from": screener.loaded_from, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
              "imports_cpu_s": round(start_cpu, 3), "resident_mb": round(_rss_mb()),
              "index_mb": round(_rss_mb() - rss_before)}
    print(f"loaded {len(screener.entries):,} entries / {len(screener.ref_name):,} names from "
          f"{len(screener.versions)} lists in {wall:.2f} s wall, {cpu:.2f} s CPU (get_screener(), index from "
          f"{screener.loaded_from}; imports before it {start_cpu:.2f} s CPU); "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"resident {_rss_mb():.0f} MB ({_rss_mb() - rss_before:+.0f} MB for the index)")
    names = synthetic_names(args.names)
    analyse.cache_clear()
    screener._results.clear()
    cold = timed(screener.screen, names)
    results: dict[str, Any] = {"distinct_cold": report("tenderwatch screen, distinct names (cold)", cold)}
    hit = {n for n in names if screener.screen(n)}
    results["by_kind"] = report_kinds(names, cold[3], hit)
    hits = len(hit)
    no_hit = [n for n in names if not screener.screen(n)]
    analyse.cache_clear()
    screener._results.clear()
    results["no_hit_only"] = report("  the same run, names with no hit only", timed(screener.screen, no_hit))
    results["cached"] = report("tenderwatch screen, same names again (cached)", timed(screener.screen, names))
    print(f"names with at least one hit: {hits:,} of {len(names):,}")
    choices = [n.key for n in screener.ref_name]
    subset = names[: args.brute]
    results["brute_force"] = report(f"rapidfuzz brute force, {len(choices):,} names", timed(
        lambda q: process.extractOne(analyse(q).key, choices, scorer=fuzz.WRatio, score_cutoff=85), subset))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS at the end (index, caches of {len(names):,} screened names): {peak:.0f} MB")
    if args.json:
        document = {"when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "command": "bench_screen.py " + " ".join(sys.argv[1:]),
                    "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                "load_average_start": load_start, "load_average_end": os.getloadavg()},
                    "index": loaded, "names_with_hit": hits, **results, "peak_rss_mb_end": round(peak)}
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(document, fh, indent=2)
            fh.write("\n")


if __name__ == "__main__":
    main()
