"""Scan benchmark: the real scan against a naive keyword scanner (not a test).

Usage: .venv/bin/python benchmarks/bench_scan.py [--n 10000] [--small 2000] [--workdir DIR] [--keep]
                                                  [--no-tracemalloc] [--profile]

Generates a synthetic corpus (benchmarks/gen_corpus.py) of ``--n`` notices and
one of ``--small`` notices, then measures, each in a fresh child process pinned
to one CPU core:

- real: ``tenderwatch.scan.scan([corpus], Store(fresh.db))`` (read, parse,
  detect, screen, store), at both corpus sizes;
- naive: per file, BeautifulSoup(html.parser).get_text() then one ``re.search``
  per keyword over ~60 keywords, writing nothing.

Throughput runs carry no tracemalloc (it slows Python down); peak memory comes
from ``ru_maxrss`` of those runs and, unless ``--no-tracemalloc``, from separate
runs under tracemalloc. ``--profile`` adds a cProfile run of the real scan on
the small corpus and prints the top functions and the time per module.
Writes benchmarks/results/scan.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "scan.json"

KEYWORDS = [
    "A100", "A800", "H100", "H800", "H20", "H200", "B100", "B200", "GB200", "L40", "L40S", "RTX 4090", "4090",
    "RTX 6000", "MI250", "MI300X", "MI308", "MI325X", "Gaudi", "DGX", "HGX", "英伟达", "辉达", "NVIDIA", "英伟达显卡",
    "GPU服务器", "8卡", "八卡", "GPU卡", "加速卡", "显卡", "算力租赁", "算力服务", "卡时", "GPU算力", "智算",
    "AWS", "亚马逊云", "亚马逊云科技", "Amazon Web Services", "EC2", "p4d", "p5.48xlarge", "Azure", "微软云",
    "世纪互联", "Azure OpenAI", "OpenAI", "ChatGPT", "GPT-4", "GPT-4o", "Claude", "Anthropic", "Bedrock",
    "Gemini", "谷歌云", "Google Cloud", "GCP", "甲骨文云", "Oracle Cloud", "OCI", "TFLOPS",
]


# --------------------------------------------------------------------------- child phases


def _pin_one_core() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def _rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def phase_real(root: Path, db: Path) -> dict[str, Any]:
    from tenderwatch.scan import scan
    from tenderwatch.store.db import Store

    before = _rss_kb()
    start, cpu_start = time.perf_counter(), time.process_time()
    with Store(db) as store:
        counts = scan([root], store)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"notices": counts.documents, "files": counts.files, "failed": counts.failed,
            "failures": counts.failures, "relevant": counts.relevant, "seconds": seconds, "cpu_seconds": cpu,
            "rss_before_kb": before, "db_bytes": db.stat().st_size}


def phase_stages(root: Path, db: Path) -> dict[str, Any]:
    """The real scan with each stage's CPU time summed (by wrapping the stage functions where the
    pipeline and the scan loop look them up). Wrapping costs about a microsecond a call."""
    import tenderwatch.pipeline as pipeline
    import tenderwatch.scan as scan_module
    from tenderwatch.store.db import Store

    spent: dict[str, float] = {}

    def timed(name: str, func: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return wrapper

    for name in ("read_bytes", "normalize", "parse_notice", "detect", "decide", "select_amount"):
        setattr(pipeline, name, timed(name, getattr(pipeline, name)))
    setattr(scan_module, "resolve_parties", timed("resolve_parties (screen)", getattr(scan_module, "resolve_parties")))  # noqa: B009, B010
    Store.save_file = timed("store.save_file", Store.save_file)  # type: ignore[method-assign]
    Store.commit = timed("store.commit", Store.commit)  # type: ignore[method-assign]
    result = phase_real(root, db)
    other = result["cpu_seconds"] - sum(spent.values())
    result["stage_cpu_ms_per_notice"] = {k: round(1000 * v / max(result["notices"], 1), 3)
                                         for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}
    result["stage_cpu_ms_per_notice"]["other (collect, hashing, setup)"] = round(
        1000 * other / max(result["notices"], 1), 3)
    return result


def naive_scan(root: Path) -> tuple[int, int]:
    """The baseline a newcomer would write: parse each page with bs4, then grep each keyword."""
    from bs4 import BeautifulSoup

    patterns = [re.escape(k) for k in KEYWORDS]
    notices = hits = 0
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        plain = BeautifulSoup(text, "html.parser").get_text()
        found = [p for p in patterns if re.search(p, plain)]
        notices += 1
        hits += bool(found)
    return notices, hits


def phase_naive(root: Path) -> dict[str, Any]:
    import bs4  # noqa: F401  (import outside the timed part, like the real scan's imports)

    before = _rss_kb()
    start, cpu_start = time.perf_counter(), time.process_time()
    notices, hits = naive_scan(root)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"notices": notices, "keyword_hit_notices": hits, "seconds": seconds, "cpu_seconds": cpu,
            "rss_before_kb": before}


def child(args: argparse.Namespace) -> None:
    cpu = _pin_one_core()
    if args.phase in ("real", "profile", "stages"):
        import tenderwatch.scan  # noqa: F401  imports are not part of the timed scan
    if args.tracemalloc:
        tracemalloc.start()
    if args.phase == "profile":
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(phase_real, args.root, args.db)
        profiler.dump_stats(str(args.db.with_suffix(".pstats")))
    elif args.phase == "real":
        result = phase_real(args.root, args.db)
    elif args.phase == "stages":
        result = phase_stages(args.root, args.db)
    else:
        result = phase_naive(args.root)
    if args.tracemalloc:
        result["tracemalloc_peak_bytes"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    result["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result["cpu"] = cpu
    print(json.dumps(result))


# --------------------------------------------------------------------------- driver


def run_child(phase: str, root: Path, db: Path | None = None, trace: bool = False) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--root", str(root)]
    if db is not None:
        if db.exists():
            db.unlink()
        for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            extra.unlink(missing_ok=True)
        cmd += ["--db", str(db)]
    if trace:
        cmd.append("--tracemalloc")
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{phase} phase failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["notices_per_s"] = result["notices"] / result["seconds"] if result["seconds"] else 0.0
    result["notices_per_cpu_s"] = result["notices"] / result["cpu_seconds"] if result["cpu_seconds"] else 0.0
    return result


def profile_real(root: Path, db: Path, top: int = 15) -> dict[str, Any]:
    """cProfile the real scan in a child; return top functions by cumtime and time per module."""
    stats_file = db.with_suffix(".pstats")
    run_child("profile", root, db)
    import pstats

    stats = pstats.Stats(str(stats_file))
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    by_module: dict[str, float] = {}
    rows = []
    for (file, line, func), (_cc, ncalls, tottime, cumtime, _callers) in raw.items():
        module = _module_of(file)
        key = f"builtin {func}" if module == "builtins" else module  # C calls: name them (sqlite, zlib, re...)
        by_module[key] = by_module.get(key, 0.0) + tottime
        rows.append((cumtime, tottime, ncalls, f"{module}:{line}({func})"))
    total = sum(by_module.values()) or 1.0
    rows.sort(reverse=True)
    modules = sorted(by_module.items(), key=lambda kv: -kv[1])[:top]
    return {
        "total_tottime_s": total,
        "top_modules_by_tottime": [{"module": m, "seconds": round(s, 3), "share": round(s / total, 3)}
                                   for m, s in modules],
        "top_functions_by_cumtime": [{"function": name, "cumtime_s": round(cum, 3), "tottime_s": round(tot, 3),
                                      "calls": calls} for cum, tot, calls, name in rows[:40]],
    }


def _module_of(file: str) -> str:
    if file.startswith("<") or file == "~":
        return "builtins"
    path = Path(file)
    parts = path.with_suffix("").parts
    for anchor in ("tenderwatch", "site-packages"):
        if anchor in parts:
            idx = parts.index(anchor)
            sub = parts[idx:] if anchor == "tenderwatch" else parts[idx + 1:]
            return ".".join(sub[:3]) if anchor == "tenderwatch" else ".".join(sub[:2])
    return "stdlib." + path.stem


def ensure_corpus(folder: Path, n: int, seed: int) -> None:
    if folder.is_dir() and sum(1 for _ in folder.iterdir()) == n:
        return
    shutil.rmtree(folder, ignore_errors=True)
    sys.path.insert(0, str(HERE))
    from gen_corpus import generate

    generate(folder, n, seed)


def _mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description="tenderwatch scan benchmark")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="generate (or reuse) the corpora and stores here; kept")
    parser.add_argument("--keep", action="store_true", help="keep the temporary work folder (corpora, stores)")
    parser.add_argument("--no-tracemalloc", action="store_true")
    parser.add_argument("--profile", action="store_true", help="also cProfile the real scan (small corpus)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--phase", choices=["real", "naive", "profile", "stages"], help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        child(args)
        return

    work = args.workdir or Path(tempfile.mkdtemp(prefix="tw-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    big, small = work / f"corpus-{args.n}", work / f"corpus-{args.small}"
    try:
        ensure_corpus(big, args.n, args.seed)
        ensure_corpus(small, args.small, args.seed)
        print(f"corpora in {work}; one core per run", file=sys.stderr)
        real_big = run_child("real", big, work / "big.db")
        real_small = run_child("real", small, work / "small.db")
        naive_big = run_child("naive", big)
        if not args.no_tracemalloc:
            for res, (phase, root, db) in ((real_small, ("real", small, work / "small.db")),
                                           (real_big, ("real", big, work / "big.db")),
                                           (naive_big, ("naive", big, None))):
                res["tracemalloc_peak_bytes"] = run_child(phase, root, db, trace=True)["tracemalloc_peak_bytes"]
        profile = None
        if args.profile:
            profile = profile_real(small, work / "profile.db")
            profile["stages_small_corpus"] = run_child("stages", small, work / "stages.db")["stage_cpu_ms_per_notice"]
        report(args, real_big, real_small, naive_big, profile)
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def report(args: argparse.Namespace, real_big: dict[str, Any], real_small: dict[str, Any],
           naive_big: dict[str, Any], profile: dict[str, Any] | None) -> None:
    ratio = real_big["notices_per_s"] / naive_big["notices_per_s"] if naive_big["notices_per_s"] else 0.0
    cpu_ratio = real_big["notices_per_cpu_s"] / max(naive_big["notices_per_cpu_s"], 1e-9)
    rss_growth = real_big["maxrss_kb"] / real_small["maxrss_kb"] if real_small["maxrss_kb"] else 0.0
    trace_growth = None
    if "tracemalloc_peak_bytes" in real_big:
        trace_growth = real_big["tracemalloc_peak_bytes"] / max(real_small["tracemalloc_peak_bytes"], 1)
    flat = rss_growth <= 1.25 and (trace_growth is None or trace_growth <= 1.25)
    result: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor(), "cpus": os.cpu_count()},
        "corpus": {"n": args.n, "small": args.small, "seed": args.seed, "mix": "~60% HTML / 40% TXT, 3-8 KB"},
        "real_scan": {str(args.n): real_big, str(args.small): real_small},
        "naive_scan": {str(args.n): naive_big, "keywords": len(KEYWORDS)},
        "ratio_real_over_naive": ratio,
        "ratio_real_over_naive_cpu": cpu_ratio,
        "load_average_end": os.getloadavg()[0],
        "memory_growth_small_to_big": {"maxrss": rss_growth, "tracemalloc_peak": trace_growth},
        "targets": {"real_notices_per_s>=1000": real_big["notices_per_s"] >= 1000,
                    "ratio>=5": ratio >= 5, "memory_flat(<=1.25x)": flat},
        "profile": profile,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def peak(res: dict[str, Any]) -> str:
        value = res.get("tracemalloc_peak_bytes")
        return "-" if value is None else f"{value / 2**20:.1f} MB"

    print(f"{'run':<22}{'notices':>9}{'wall s':>8}{'notices/s':>11}{'cpu s':>8}{'per cpu-s':>11}"
          f"{'maxrss':>9}{'tracemalloc':>13}")
    for name, res in ((f"real scan n={args.n}", real_big), (f"real scan n={args.small}", real_small),
                      (f"naive scan n={args.n}", naive_big)):
        print(f"{name:<22}{res['notices']:>9}{res['seconds']:>8.1f}{res['notices_per_s']:>11.0f}"
              f"{res['cpu_seconds']:>8.1f}{res['notices_per_cpu_s']:>11.0f}{_mb(res['maxrss_kb']):>9}{peak(res):>13}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other processes on the machine skew wall time)")
    print(f"real/naive throughput (wall): {ratio:.2f}x, (cpu): {cpu_ratio:.2f}x; memory growth {args.small}->{args.n}: maxrss {rss_growth:.2f}x"
          + (f", tracemalloc {trace_growth:.2f}x" if trace_growth is not None else ""))
    print("targets: " + ", ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in result["targets"].items()))
    if profile:
        print(f"\nreal scan n={args.small}, CPU ms per notice by stage (no profiler):")
        for stage, ms in profile["stages_small_corpus"].items():
            print(f"  {ms:8.3f} ms  {stage}")
        print("\nreal scan, time by module under cProfile (tottime, top 15):")
        for row in profile["top_modules_by_tottime"]:
            print(f"  {row['seconds']:8.2f}s {row['share']:6.1%}  {row['module']}")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
