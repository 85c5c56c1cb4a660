"""Benchmark (not a test): the per-document pipeline on pathological text, time per KB against a notice.

    .venv/bin/python benchmarks/bench_pathological.py [--sizes 64,256,1024,2048] [--kinds all]

Each input is a short real-looking notice (one H800 server purchase) followed by a generated
payload of about the given size in KB:

- ``glued``: one line of "H100" repeated with nothing between (the issue-10 hostile file);
- ``spaced``: one line of "H100 " repeated;
- ``context``: one line of a purchase clause naming H100, repeated (many findings);
- ``oneline``: one line of ordinary notice prose, repeated (the "one 2 MB line" case);
- ``lines``: short lines ("第N行 GPU服务器 H100"), about 100,000 of them at 2 MB.

Every run goes through ``tenderwatch.pipeline.process_bytes`` (read, normalise, parse, kind,
detect, decide) under the default read limits; CPU time comes from ``time.process_time``.
Prints ms per KB for each size (flat across sizes = linear growth) against the plain notice,
whether the notice's lead survived, and how many findings were kept. Writes
benchmarks/results/pathological.json.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from tenderwatch.pipeline import process_bytes

RESULTS = Path(__file__).resolve().parent / "results" / "pathological.json"

NOTICE = """示范学院高性能计算服务器采购项目竞争性磋商公告
一、项目基本情况
项目编号：SFXY-2024-017
采购人：示范学院
预算金额：1,650,000.00元
采购需求：GPU服务器2台，每台配置8块NVIDIA H800 80GB
发布日期：2024年6月3日
"""


def _repeat(unit: str, sep: str = "") -> Callable[[int], str]:
    def make(size: int) -> str:
        count = max(1, size // len((unit + sep).encode("utf-8")))
        return sep.join([unit] * count)
    return make


def _lines(size: int) -> str:
    out: list[str] = []
    total = 0
    n = 0
    while total < size:
        line = f"第{n}行 GPU服务器 H100"
        out.append(line)
        total += len(line.encode("utf-8")) + 1
        n += 1
    return "\n".join(out)


PAYLOADS: dict[str, Callable[[int], str]] = {
    "glued": _repeat("H100"),
    "spaced": _repeat("H100", " "),
    "context": _repeat("采购GPU服务器配置H100，"),
    "oneline": _repeat("采购人：某某大学，本项目采购机房空调及配套设备，预算金额100万元。"),
    "lines": _lines,
}


def _run(text: str) -> tuple[float, bool, int, str | None]:
    data = text.encode("utf-8")
    start = time.process_time()
    (result, *_rest) = process_bytes(data, "bench.txt")
    seconds = time.process_time() - start
    failure = result.failure.reason if result.failure is not None else None
    return seconds, result.relevant, len(result.findings), failure


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="64,256,1024,2048", help="payload sizes in KB")
    parser.add_argument("--kinds", default="all", help="comma-separated payload kinds, or all")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = list(PAYLOADS) if args.kinds == "all" else args.kinds.split(",")
    _run(NOTICE)  # warm the vocabularies and compiled patterns
    base_runs = [_run(NOTICE)[0] for _ in range(20)]
    base_kb = len(NOTICE.encode("utf-8")) / 1024
    base = min(base_runs) / base_kb * 1000
    print(f"plain notice: {base_kb:.2f} KB, {min(base_runs) * 1000:.1f} ms, {base:.1f} ms/KB")
    print(f"{'payload':8} {'KB':>6} {'cpu s':>7} {'ms/KB':>7} {'x notice':>8} lead findings failure")
    rows: list[dict[str, object]] = []
    for kind in kinds:
        for size in sizes:
            text = NOTICE + PAYLOADS[kind](size * 1024)
            kb = len(text.encode("utf-8")) / 1024
            seconds, lead, findings, failure = _run(text)
            per_kb = seconds / kb * 1000
            rows.append({"payload": kind, "kb": round(kb), "cpu_s": round(seconds, 3),
                         "ms_per_kb": round(per_kb, 3), "lead": lead, "findings": findings, "failure": failure})
            print(f"{kind:8} {kb:6.0f} {seconds:7.2f} {per_kb:7.3f} {per_kb / base:8.2f} "
                  f"{'yes' if lead else 'NO':4} {findings:8d} {failure or ''}", flush=True)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"notice_ms_per_kb": round(base, 3), "runs": rows}, indent=2) + "\n",
                       encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
