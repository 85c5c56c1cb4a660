"""Regenerate tests/heldout6/corpus (29 documents) and labels-heldout6.jsonl.

Written before the scanner was run on it: forms the first five held-out sets under-cover (see the docstrings of
_gen_pos.py and _gen_neg.py). Usage: .venv/bin/python tests/heldout6/make_corpus.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gen_common import CORPUS
from _gen_neg import ALL as NEGATIVES
from _gen_pos import ALL as POSITIVES


def main() -> None:
    CORPUS.mkdir(parents=True, exist_ok=True)
    labels = [make() for make in (*POSITIVES, *NEGATIVES)]
    with (CORPUS / "labels-heldout6.jsonl").open("w", encoding="utf-8") as out:
        for row in labels:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
