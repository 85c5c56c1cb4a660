"""Speed benchmark (issue 13): tenderwatch against a naive scanner, side by side in one run (not a test).

Usage: .venv/bin/python benchmarks/bench_speed.py [--dense 2000] [--crawl 1000] [--workdir DIR]
                                                  [--jobs] [--dask] [--only dense,crawl] [--no-naive]

Two corpora, built from the shared corpora (read at benchmark time only):
- dense: the dev corpus's HTML/TXT notices (``../shared/corpus/dev``) cycled to ``--dense`` files;
- crawl: the real ccgp/provincial pages (``../shared/corpus/real/*_html``) cycled to ``--crawl`` files,
  with one relevant dev notice in every 50.

Each run is a fresh child process with a fresh store (startup and imports included): ``tenderwatch scan
CORPUS --db fresh.db -j 1`` against the naive scanner a user could write in ten lines (BeautifulSoup with
lxml, then one ``re.search`` per keyword). CPU time is the child's user+system time from ``getrusage``
(children included, so worker processes count); peak memory is the largest child's ``ru_maxrss``. CPU
time, not wall time, is the figure to compare on a shared machine; wall time is printed for ``-j`` and Dask.

``--jobs`` adds ``-j 2`` on the crawl corpus; ``--dask`` adds runs on a local ``dask scheduler`` with 1 and
2 ``dask worker`` processes (one thread each, started with ``--preload tenderwatch.warm`` as a deployment would:
a worker is long-lived and builds its vocabularies and list index once, when it starts, not in every scan;
``--cold-dask-workers`` leaves that to the scan), with each process's CPU during the scan, and checks that the
export equals the one-process export. Peak memory flat with corpus size: ``--dense 20000 --only dense --no-naive``
against the default 2,000.
Bytecode: the runs measure tenderwatch as installed, with its modules' bytecode cached (pip writes the .pyc
files at install time), as Python's own start is measured with the standard library's. With
``PYTHONDONTWRITEBYTECODE`` set in the environment, every run would compile tenderwatch's modules from source
(~0.15 s CPU a process); it is unset for the runs (the usual ``__pycache__`` folders, written by one untimed
run first). ``--source-each-run`` keeps the environment as it is (with ``PYTHONDONTWRITEBYTECODE`` set and no
``__pycache__`` written yet, each run then compiles tenderwatch's modules from source).
Writes benchmarks/results/speed.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus"
RESULTS = HERE / "results" / "speed.json"
BIN = Path(sys.executable).parent
VOLATILE = {"scanned_at", "fetched_at", "id", "doc_id", "run_id"}

sys.path.insert(0, str(HERE))
from bench_scan import KEYWORDS  # noqa: E402  (the same keyword list as the older benchmark)


def naive_scan(root: Path) -> dict[str, int]:
    """The ten-line scanner: parse each page with BeautifulSoup + lxml, then one regex per keyword."""
    from bs4 import BeautifulSoup

    patterns = [re.compile(re.escape(k)) for k in KEYWORDS]
    notices = hits = 0
    for path in sorted(root.rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            plain = BeautifulSoup(text, "lxml").get_text()
            notices += 1
            hits += any(p.search(plain) for p in patterns)
    return {"notices": notices, "keyword_hit_notices": hits}


# --------------------------------------------------------------------------- corpora


def _labels() -> dict[str, bool]:
    out: dict[str, bool] = {}
    for file in sorted((SHARED / "dev").glob("labels*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[row["file"]] = bool(row["relevant"])
    return out


def _fill(folder: Path, sources: list[Path], n: int, relevant: list[Path] | None = None,
          unique: bool = False) -> None:
    """``n`` files cycled from ``sources``; with ``unique`` each gets a comment naming its number at the
    end, so no two files have the same bytes (a real crawl has no duplicates: the store keeps, and packs,
    every page, where the cycled corpus has as few distinct pages as it has sources)."""
    if folder.is_dir() and sum(1 for _ in folder.iterdir()) == n:
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(n):
        src = relevant[(i // 50) % len(relevant)] if relevant and i % 50 == 25 else sources[i % len(sources)]
        mark = (f"\n<!-- {i} -->\n" if src.suffix == ".html" else f"\n{i}\n").encode() if unique else b""
        (folder / f"{i:06d}-{src.name}").write_bytes(src.read_bytes() + mark)


def build_corpora(work: Path, dense: int, crawl: int, unique: bool = False) -> dict[str, Path]:
    dev = sorted(p for p in (SHARED / "dev").iterdir() if p.suffix in (".html", ".txt"))
    labels = _labels()
    real = sorted((SHARED / "real").glob("*_html/*.html"))
    relevant = [p for p in dev if labels.get(p.name)]
    _fill(work / f"dense-{dense}", dev, dense)
    crawled = work / f"crawl-{crawl}{'-unique' if unique else ''}"
    _fill(crawled, real, crawl, relevant, unique)
    return {"dense": work / f"dense-{dense}", "crawl": crawled}


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / 2**20


# --------------------------------------------------------------------------- measured runs


def measure(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd`` to the end under a fresh wrapper process (so the peak memory is this command's, not
    the largest of all runs so far); its CPU time (children included), wall time and peak memory."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--rusage", "--", *cmd],
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 2):
        raise SystemExit(f"{cmd} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    usage = json.loads(done.stderr.strip().splitlines()[-1])
    return {"cpu_seconds": round(usage["cpu"], 3), "wall_seconds": round(wall, 3),
            "maxrss_mb": round(usage["maxrss_kb"] / 1024, 1), "stdout": done.stdout[-2000:]}


def rusage_wrapper(cmd: list[str]) -> int:
    """Run ``cmd``; print its rusage (user+system CPU of it and its children, peak RSS) on stderr."""
    done = subprocess.run(cmd, check=False, stderr=subprocess.PIPE, text=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    sys.stderr.write(done.stderr[-3000:])
    sys.stderr.write("\n" + json.dumps({"cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss}) + "\n")
    return done.returncode


def fresh_db(path: Path) -> Path:
    for extra in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    return path


def tw_scan(corpus: Path, db: Path, *extra: str) -> dict[str, Any]:
    result = measure([str(BIN / "tenderwatch"), "scan", str(corpus), "--db", str(fresh_db(db)), "-q", *extra])
    result["notices"] = _count(db)
    return result


SPLIT = """import atexit, json, resource, sys
def _cpu():
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime
marks = {}
def _split():
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("SPLIT " + json.dumps({"writer": _cpu(), "workers": kids.ru_utime + kids.ru_stime, **marks}))
atexit.register(_split)
import tenderwatch.scan as scan, tenderwatch.cli.scan_cmds as cmds
def _timed(name, real):
    def call(*args, **kwargs):
        marks[name + "_from"] = _cpu()
        try:
            return real(*args, **kwargs)
        finally:
            marks[name + "_to"] = _cpu()
    return call
scan._process_pool = _timed("pool", scan._process_pool)
cmds._print_summary = _timed("summary", cmds._print_summary)
from tenderwatch.cli.main import main
main(sys.argv[1:])
"""


def tw_split(corpus: Path, db: Path, jobs: int) -> dict[str, Any]:
    """``scan -j N`` with the CPU time of the writer process and of its workers apart: on N free cores
    the scan takes at least max(writer, workers / N) (writer and workers fully overlapped) and at most
    writer + workers / N (not overlapped at all), which bounds a speed-up that the machine's load does
    not blur (wall time on a shared machine does)."""
    result = measure([sys.executable, "-c", SPLIT, "scan", str(corpus), "--db", str(fresh_db(db)), "-q",
                      "-j", str(jobs)])
    line = next(x for x in reversed(result["stdout"].splitlines()) if x.startswith("SPLIT "))
    split = json.loads(line[len("SPLIT "):])
    if "pool_to" in split and "summary_from" in split:  # the writer's CPU by phase
        result["writer_phases_cpu_seconds"] = {
            "start (imports, list index loaded for the forked workers)": round(split["pool_to"], 3),
            "saving the files": round(split["summary_from"] - split["pool_to"], 3),
            "summary": round(split["summary_to"] - split["summary_from"], 3),
            "exit": round(split["writer"] - split["summary_to"], 3)}
    result.update(notices=_count(db), writer_cpu_seconds=round(split["writer"], 3),
                  workers_cpu_seconds=round(split["workers"], 3),
                  critical_path_cpu_seconds=round(max(split["writer"], split["workers"] / jobs), 3),
                  serial_path_cpu_seconds=round(split["writer"] + split["workers"] / jobs, 3))
    return result


def _count(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from documents").fetchone()[0])


def naive(corpus: Path) -> dict[str, Any]:
    result = measure([sys.executable, str(Path(__file__).resolve()), "--naive", str(corpus)])
    result.update(json.loads(result["stdout"].strip().splitlines()[-1]))
    return result


def export(db: Path) -> list[dict[str, Any]]:
    """The export rows with run-dependent keys removed, in path order (to compare runs)."""
    done = subprocess.run([str(BIN / "tenderwatch"), "export", "--db", str(db)], capture_output=True, text=True,
                          check=True)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return sorted(({k: v for k, v in row.items() if k not in VOLATILE} for row in rows), key=lambda r: r["path"])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tree_cpu(pid: int) -> float:
    """User+system CPU seconds of a process and its descendants so far (a ``dask worker`` runs the worker in a
    child of its nanny). psutil comes with distributed."""
    import importlib

    root = importlib.import_module("psutil").Process(pid)
    return float(sum(sum(proc.cpu_times()[:2]) for proc in [root, *root.children(recursive=True)]))


def dask_runs(corpus: Path, work: Path, reference: list[dict[str, Any]], cold: bool = False) -> dict[str, Any]:
    """The crawl corpus through ``scan --dask`` on a real scheduler with 1 and then 2 worker processes.
    The CPU of the scheduler and of each worker is read (psutil) just before and just after the scan, so it
    counts the scan only, not the daemons' start; with the client's CPU (the writer, ``cpu_seconds``) it
    bounds the scan's time on free cores like ``tw_split`` does: at least the busiest process
    (``critical_path_cpu_seconds``), at most the client plus the workers' mean."""
    out: dict[str, Any] = {}
    for n_workers in (1, 2):
        port = _free_port()
        procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                   "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)]
        time.sleep(3)
        preload = [] if cold else ["--preload", "tenderwatch.warm"]
        procs += [subprocess.Popen([str(BIN / "dask"), "worker", f"tcp://127.0.0.1:{port}", "--nthreads", "1",
                                    "--nworkers", "1", "--no-dashboard", "--memory-limit", "0", *preload],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
                  for _ in range(n_workers)]
        time.sleep(6)
        try:
            db = work / f"dask-{n_workers}.db"
            before = [_tree_cpu(proc.pid) for proc in procs]
            result = tw_scan(corpus, db, "--dask", f"tcp://127.0.0.1:{port}")
            during = [round(_tree_cpu(proc.pid) - cpu, 3) for proc, cpu in zip(procs, before, strict=True)]
            result.update(scheduler_cpu_seconds=during[0], workers_cpu_seconds=during[1:],
                          critical_path_cpu_seconds=round(max(result["cpu_seconds"], *during[1:]), 3),
                          serial_path_cpu_seconds=round(result["cpu_seconds"] + sum(during[1:]) / n_workers, 3))
            result["same_export_as_one_process"] = export(db) == reference
            result.pop("stdout", None)
            out[f"workers={n_workers}"] = result
        finally:
            for proc in procs:
                os.killpg(proc.pid, signal.SIGTERM)
            for proc in procs:
                proc.wait(timeout=30)
    return out


def _row(name: str, res: dict[str, Any], mb: float) -> str:
    cpu = res["cpu_seconds"] or 1e-9
    return (f"{name:<30}{res['notices']:>8}{res['cpu_seconds']:>9.1f}{res['wall_seconds']:>9.1f}"
            f"{res['notices'] / cpu:>12.0f}{mb / cpu:>8.2f}{res['maxrss_mb']:>9.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description="tenderwatch speed benchmark")
    parser.add_argument("--dense", type=int, default=2000)
    parser.add_argument("--crawl", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, help="build (or reuse) corpora and stores here; kept")
    parser.add_argument("--only", default="dense,crawl", help="corpora to run, comma-separated")
    parser.add_argument("--jobs", action="store_true", help="also -j 2 vs -j 1 on the crawl corpus")
    parser.add_argument("--dask", action="store_true", help="also Dask with 1 and 2 worker processes (crawl)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--unique", action="store_true", help="crawl pages made distinct (a comment with "
                        "the file's number), as in a real crawl: every page's bytes are stored")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive scanner (e.g. a 20,000-notice "
                        "memory run)")
    parser.add_argument("--cold-dask-workers", action="store_true", help="Dask workers not preloaded with "
                        "tenderwatch.warm: each builds its vocabularies and list index during the scan")
    parser.add_argument("--source-each-run", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if set "
                        "(with no __pycache__ written yet, each run compiles tenderwatch's modules from source)")
    parser.add_argument("--naive", type=Path, help=argparse.SUPPRESS)
    if sys.argv[1:2] == ["--rusage"]:
        sys.exit(rusage_wrapper(sys.argv[3:]))
    args = parser.parse_args()
    if args.naive:
        print(json.dumps(naive_scan(args.naive)))
        return

    work = args.workdir or Path(tempfile.mkdtemp(prefix="tw-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        corpora = build_corpora(work, args.dense, args.crawl, args.unique)
        bytecode = "as the environment has it"
        if os.environ.get("PYTHONDONTWRITEBYTECODE") and not args.source_each_run:
            del os.environ["PYTHONDONTWRITEBYTECODE"]
            bytecode = "cached (PYTHONDONTWRITEBYTECODE, set in the environment, unset for the runs)"
        tw_scan(sorted(corpora["dense"].iterdir())[0], work / "one.db", "-j", "1")  # untimed: bytecode, list index
        results: dict[str, Any] = {
            "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                        "load_average_start": os.getloadavg()},
            "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
            "bytecode": bytecode,
        }
        print(f"bytecode of tenderwatch's modules: {bytecode}")
        startup = {"version": measure([str(BIN / "tenderwatch"), "--version"]),
                   "python_alone": measure([sys.executable, "-c", "pass"])}
        one = sorted(corpora["dense"].iterdir())[0]
        startup["scan_one_file"] = tw_scan(one, work / "one.db", "-j", "1")
        results["startup"] = {k: {"cpu_seconds": v["cpu_seconds"], "maxrss_mb": v["maxrss_mb"]}
                              for k, v in startup.items()}
        print(f"startup CPU s: python {startup['python_alone']['cpu_seconds']:.2f}, --version "
              f"{startup['version']['cpu_seconds']:.2f}, scan of one file {startup['scan_one_file']['cpu_seconds']:.2f}")
        print(f"{'run':<30}{'notices':>8}{'cpu s':>9}{'wall s':>9}{'notices/cpu-s':>12}{'MB/s':>8}{'maxrss':>9}")
        for name in args.only.split(","):
            corpus = corpora[name]
            mb = _size_mb(corpus)
            real = tw_scan(corpus, work / f"{name}.db", "-j", "1")
            entry: dict[str, Any] = {"files": real["notices"], "mb": round(mb, 1), "tenderwatch_j1": real}
            print(_row(f"{name} tenderwatch -j 1", real, mb))
            if not args.no_naive:
                base = entry["naive"] = naive(corpus)
                entry["speedup_cpu"] = round(base["cpu_seconds"] / real["cpu_seconds"], 2)
                print(_row(f"{name} naive (bs4+lxml, regex)", base, mb))
                base.pop("stdout", None)
            if name == "crawl" and (args.jobs or args.dask):
                reference = export(work / f"{name}.db")
                if args.jobs:
                    two = tw_split(corpus, work / f"{name}-j2.db", 2)
                    two["same_export_as_one_process"] = export(work / f"{name}-j2.db") == reference
                    two["wall_speedup_over_j1"] = round(real["wall_seconds"] / two["wall_seconds"], 2)
                    two["cpu_speedup_over_j1"] = [round(real["cpu_seconds"] / two["serial_path_cpu_seconds"], 2),
                                                  round(real["cpu_seconds"] / two["critical_path_cpu_seconds"], 2)]
                    two.pop("stdout", None)
                    entry["tenderwatch_j2"] = two
                    print(_row(f"{name} tenderwatch -j 2", two, mb) + f"  wall x{two['wall_speedup_over_j1']}, "
                          f"writer {two['writer_cpu_seconds']:.1f} s + workers {two['workers_cpu_seconds']:.1f} s: "
                          f"x{two['cpu_speedup_over_j1'][0]}-{two['cpu_speedup_over_j1'][1]} on 2 free cores")
                    if "writer_phases_cpu_seconds" in two:
                        print("  writer CPU by phase: " + ", ".join(
                            f"{k} {v:.2f} s" for k, v in two["writer_phases_cpu_seconds"].items()))
                if args.dask:
                    entry["dask"] = dask_runs(corpus, work, reference, args.cold_dask_workers)
                    for key, res in entry["dask"].items():
                        print(f"{name} dask {key}: wall {res['wall_seconds']:.1f} s, client CPU "
                              f"{res['cpu_seconds']:.1f} s, workers CPU {res['workers_cpu_seconds']} s, scheduler "
                              f"{res['scheduler_cpu_seconds']:.1f} s, critical path {res['critical_path_cpu_seconds']:.1f}"
                              f"-{res['serial_path_cpu_seconds']:.1f} s, same export: {res['same_export_as_one_process']}")
                    one, two = entry["dask"]["workers=1"], entry["dask"]["workers=2"]
                    entry["dask"]["cpu_speedup_2_over_1"] = [
                        round(one["serial_path_cpu_seconds"] / two["serial_path_cpu_seconds"], 2),
                        round(one["critical_path_cpu_seconds"] / two["critical_path_cpu_seconds"], 2)]
                    print(f"{name} dask 2 workers over 1 on free cores: x{entry['dask']['cpu_speedup_2_over_1'][0]}"
                          f"-{entry['dask']['cpu_speedup_2_over_1'][1]}")
            print(f"  {name}: {mb:.1f} MB" + (f", naive/tenderwatch CPU = {entry['speedup_cpu']}x"
                                               if "speedup_cpu" in entry else ""))
            real.pop("stdout", None)
            results[name] = entry
        results["machine"]["load_average_end"] = os.getloadavg()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
