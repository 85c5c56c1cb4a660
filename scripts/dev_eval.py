"""Run the per-document pipeline over a folder (no store) and score it with the shared evaluator.

Usage: .venv/bin/python scripts/dev_eval.py [FOLDER] [-o OUT.jsonl] [--errors N]
Default folder: ../shared/corpus/dev. Prints the evaluator's report.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from tenderwatch.pipeline import process_bytes
from tenderwatch.read import collect
from tenderwatch.store.docrow import doc_row

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("-o", "--out", type=Path, default=Path("/tmp/tw-dev-eval.jsonl"))
    parser.add_argument("--errors", default="60")
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as out:
        for file, display in collect([args.folder]):
            for result in process_bytes(file.read_bytes(), display):
                out.write(json.dumps(doc_row(result), ensure_ascii=False) + "\n")
    labels = args.folder if list(args.folder.glob("labels*.jsonl")) else None
    if labels is None:
        rows = [json.loads(line) for line in args.out.open(encoding="utf-8")]
        relevant = [r["path"] for r in rows if r.get("relevant")]
        print(f"{len(rows)} documents, {len(relevant)} relevant: {relevant}")
        return 0
    evaluator = SHARED / "tools" / "evaluate"
    return subprocess.call([sys.executable, str(evaluator), "--labels", str(labels), "--pred", str(args.out),
                            "--errors", args.errors])


if __name__ == "__main__":
    sys.exit(main())
