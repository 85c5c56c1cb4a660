"""Regenerate tests/heldout4/corpus (40 web documents) and labels-heldout4.jsonl.

Written for issue 10 before any failure on the web corpus was looked at: a buyer's own notices and purchase
disclosures as the open web carries them, and pages that use the same words without a purchase by their
publisher. Usage: .venv/bin/python tests/heldout4/make_corpus.py
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
    with (CORPUS / "labels-heldout4.jsonl").open("w", encoding="utf-8") as out:
        for row in labels:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
