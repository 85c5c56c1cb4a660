"""Dump every screening hit and every compare() result for a large name set (not a test): run it before
and after a change to the screener and ``cmp`` the two files; they must be byte-identical.

    .venv/bin/python benchmarks/screen_identity.py OUT.jsonl [--no-cache]

Names: the screening benchmark's synthetic names (three seeds), every name and alias on the bundled
lists, each of them varied (a word or character dropped, added, or changed: the near misses a faster
candidate search or a score bound must still treat alike), and both sides of every pair in
``../shared/pairs/*.csv`` and ``tests/screen/fixtures/*pairs*.csv``. Per name: every field of every
hit (as cached, undated) and the dated hits for two dates. Per pair: ``compare()`` both ways.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _pair_files() -> list[Path]:
    return [*sorted((HERE.parent.parent / "shared" / "pairs").glob("*.csv")),
            *sorted((HERE.parent / "tests" / "screen" / "fixtures").glob("*pairs*.csv"))]


def _pairs() -> list[tuple[str, str]]:
    """Both names of every pair: columns name1/name2, or the first two of a file without them."""
    out: list[tuple[str, str]] = []
    for path in _pair_files():
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        rows = list(csv.reader(lines))
        cols = (rows[0].index("name1"), rows[0].index("name2")) if rows and "name1" in rows[0] else (0, 1)
        out.extend((row[cols[0]], row[cols[1]]) for row in rows[1:] if len(row) > max(cols))
    return list(dict.fromkeys(out))


def _variants(name: str, rng: random.Random) -> list[str]:
    words = name.split()
    out: list[str] = []
    if len(words) > 1:
        out.append(" ".join(words[:-1]))
        out.append(" ".join(words[1:]))
        i = rng.randrange(len(words))
        out.append(" ".join(words[:i] + words[i + 1:]))
        out.append(" ".join([*words[:i], "Global", *words[i:]]))
        w = words[i]
        if len(w) > 3:
            j = rng.randrange(1, len(w) - 1)
            out.append(" ".join([*words[:i], w[:j] + w[j + 1:], *words[i + 1:]]))
            out.append(" ".join([*words[:i], w[:j] + "e" + w[j:], *words[i + 1:]]))
    elif len(name) > 2:
        j = rng.randrange(len(name))
        out.append(name[:j] + name[j + 1:])
        out.append(name[:j] + "华" + name[j:])
        out.append("上海" + name)
        out.append(name + "研究所")
        out.append(name[:j] + "(北京)" + name[j:])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    if args.no_cache:
        os.environ["TENDERWATCH_SCREEN_CACHE"] = "0"
    from bench_screen import synthetic_names

    from tenderwatch.screen import compare, get_screener

    screener = get_screener()
    print(f"index from {screener.loaded_from}", file=sys.stderr)
    rng = random.Random(11)
    listed = [name.raw for name in screener.ref_name]
    pairs = _pairs()
    names = [*synthetic_names(20000, 7), *synthetic_names(20000, 8), *synthetic_names(20000, 9), *listed]
    names.extend(v for raw in listed for v in _variants(raw, rng))
    names.extend(n for pair in pairs for n in pair)
    names = list(dict.fromkeys(names))
    with open(args.out, "w", encoding="utf-8") as out:
        for name in names:
            raw = [dataclasses.asdict(hit) for hit in screener.screen(name, on="2018-06")]
            hits = screener._results[(name, ())]
            row = {"name": name, "hits": [dataclasses.asdict(hit) for hit in hits],
                   "dated": raw, "today": [hit.to_dict() for hit in screener.screen(name)]}
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        for a, b in pairs:
            row = {"pair": [a, b], "ab": compare(a, b).to_dict(), "ba": compare(b, a).to_dict()}
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(names):,} names, {len(pairs):,} pairs -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
