"""Long fuzz run of ``tenderwatch scan`` (not a test; the suite runs a short one).

Usage: .venv/bin/python benchmarks/fuzz.py --minutes 20 [--seed 1] [--batch 300] [--timeout 60]
                                           [--workdir DIR] [--keep-failures DIR]

Batch after batch until the time is up: write ``--batch`` mutated inputs
(tests/hostile/mutate.py, seed ``--seed`` + batch number) into a fresh folder and
scan it into a fresh store in a child process (so a crash of the interpreter is
seen too), then check the batch (tests/hostile/batch.py): crashes, inputs over
their time limit (hangs), inputs without an export row, counts that do not add
up, ``PRAGMA integrity_check``. The folder of a batch that broke something is
kept under ``--keep-failures``. Prints and writes benchmarks/results/fuzz.json:
inputs tried, documents, crashes, hangs, unaccounted, the failure reasons, CPU time.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"


def one_batch(seed: int, count: int, folder: Path, timeout: float) -> dict[str, object]:
    """Child process: generate and scan one batch, return its report as a dict."""
    sys.path.insert(0, str(TESTS))
    from hostile.batch import scan_batch
    from hostile.mutate import generate

    list(generate(seed, count, folder / "in"))
    report = scan_batch(folder / "in", folder / "s.db", timeout)
    return {
        "inputs": report.inputs, "documents": report.documents, "crash": report.crash,
        "exit_code": report.exit_code, "over_limit": report.over_limit, "unaccounted": report.unaccounted,
        "counts_add_up": report.counts_add_up, "integrity": report.integrity,
        "reasons": dict(report.reasons), "slowest": list(report.slowest),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=300)
    parser.add_argument("--timeout", type=float, default=60.0, help="per-file limit given to the scan")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep-failures", type=Path, default=HERE / "results" / "fuzz-failures")
    parser.add_argument("--one-batch", nargs=2, metavar=("SEED", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_batch:
        print(json.dumps(one_batch(int(args.one_batch[0]), args.batch, Path(args.one_batch[1]), args.timeout)))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tw-fuzz-"))
    deadline = time.monotonic() + args.minutes * 60
    totals: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    broken: list[dict[str, object]] = []
    batches = 0
    slowest = [0.0, ""]
    while time.monotonic() < deadline:
        seed = args.seed + batches
        folder = work / f"batch-{seed}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        cmd = [sys.executable, __file__, "--batch", str(args.batch), "--timeout", str(args.timeout),
               "--one-batch", str(seed), str(folder)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        batches += 1
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        if proc.returncode != 0 or not lines:
            totals["crashes"] += 1
            broken.append({"seed": seed, "returncode": proc.returncode, "stderr": proc.stderr[-2000:]})
            shutil.copytree(folder, args.keep_failures / folder.name, dirs_exist_ok=True)
            continue
        got = json.loads(lines[-1])
        totals["inputs"] += int(got["inputs"])
        totals["documents"] += int(got["documents"])
        totals["crashes"] += int(got["crash"] is not None)
        totals["hangs"] += len(got["over_limit"])
        totals["unaccounted"] += len(got["unaccounted"])
        totals["counts_not_adding_up"] += int(not got["counts_add_up"])
        totals["integrity_failures"] += int(got["integrity"] != "ok")
        reasons.update(got["reasons"])
        if got["slowest"][0] > slowest[0]:
            slowest = got["slowest"]
        if got["crash"] or got["over_limit"] or got["unaccounted"] or not got["counts_add_up"] \
                or got["integrity"] != "ok":
            broken.append({"seed": seed, **{k: got[k] for k in ("crash", "over_limit", "unaccounted")}})
            shutil.copytree(folder, args.keep_failures / folder.name, dirs_exist_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
        print(f"batch {batches} (seed {seed}): {dict(totals)}", flush=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "command": " ".join(sys.argv), "minutes": args.minutes, "seed": args.seed, "batch": args.batch,
        "timeout": args.timeout, "batches": batches, **{k: totals[k] for k in (
            "inputs", "documents", "crashes", "hangs", "unaccounted", "counts_not_adding_up",
            "integrity_failures")},
        "reasons": dict(reasons.most_common()), "slowest_input_seconds": slowest,
        "cpu_seconds_children": round(usage.ru_utime + usage.ru_stime, 1), "broken_batches": broken,
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "fuzz.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
