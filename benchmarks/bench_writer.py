"""The writer's CPU per file (issue 13: "say what one file's save costs"): not a test.

Usage: .venv/bin/python benchmarks/bench_writer.py CORPUS [--reps 4] [--db PATH]

Runs the pipeline over every file of CORPUS once in this process (not timed), then saves the results into a
fresh store ``--reps`` times as ``scan -j 1`` does (``Store.save_file(..., commit=False)``, a commit every 500
files and at the end, the end including the bulk trigram indexing of the leads) and prints each run's CPU
time (``time.process_time``) and per file; the first run includes the imports the writer makes on first use,
so compare the minimum of the others.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from pathlib import Path

from tenderwatch.read import Limits
from tenderwatch.scan import COMMIT_FILES, process_file
from tenderwatch.store.db import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--reps", type=int, default=4)
    parser.add_argument("--db", type=Path, help="the store to write (default: in a temporary folder)")
    args = parser.parse_args()
    files = []
    for path in sorted(p for p in args.corpus.iterdir() if p.is_file()):
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        files.append((str(path), data, sha, process_file(data, str(path), Limits(), 60.0, sha256=sha)))
    documents = sum(len(results) for *_, results in files)
    with tempfile.TemporaryDirectory(prefix="tw-writer-") as tmp:
        db = args.db or Path(tmp) / "writer.db"
        runs = []
        for _ in range(args.reps):
            for extra in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                extra.unlink(missing_ok=True)
            with Store(db) as store:
                start = time.process_time()
                for number, (path, data, sha, results) in enumerate(files, 1):
                    store.save_file(path, data, sha, "bench", results, commit=False)
                    if number % COMMIT_FILES == 0:
                        store.commit()
                store.commit()
                runs.append(time.process_time() - start)
            print(f"writer CPU {runs[-1]:.3f} s: {1000 * runs[-1] / len(files):.3f} ms per file "
                  f"({len(files)} files, {documents} documents)")
    best = min(runs[1:] or runs)
    print(f"best after the first: {best:.3f} s, {1000 * best / len(files):.3f} ms per file")


if __name__ == "__main__":
    main()
