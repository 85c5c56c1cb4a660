"""Benchmark (not a test): the watch's matching step on a large store.

    .venv/bin/python benchmarks/bench_watch.py [--notices 100000] [--searches 10] [--new 500]

Builds a store of N generated notices (``bench_web.build``, in a temporary folder), saves
the searches (each records its baseline: the leads it already matches), adds ``--new``
notices copied from existing leads, then times, in CPU seconds (``time.process_time``),
one round's ``queue_new_matches`` (every search's new leads -> alerts -> outbox, one
transaction) and a round with nothing new.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import build

from tenderwatch.store.db import Store
from tenderwatch.store.searches import save_search
from tenderwatch.watch.match import queue_new_matches
from tenderwatch.web.forms import filter_from_query, filter_query

QUERIES = ["", "item=H100", "category=cloud", "provider=AWS&buyer_class=university", "region=北京",
           "notice_type=award&listed=yes", "q=人工智能", "item=A800&date_from=2023-01-01", "buyer_class=hospital",
           "category=rental&region=上海", "item=H20", "listed=yes"]


def add_copies(store: Store, n: int) -> None:
    """``n`` new documents copied from existing leads (new ids and paths), with their findings."""
    conn = store.conn
    top = int(conn.execute("SELECT MAX(id) FROM documents").fetchone()[0])
    with conn:
        conn.execute(
            "INSERT INTO documents(id, path, file_path, sha256, format, status, relevant, notice_type, title,"
            " project_no, notice_date, buyer, amount_cny, region, listed, buyer_class, text, row_json, scanned_at)"
            " SELECT id + ?, 'new/' || id, 'new/' || id, sha256, format, status, relevant, notice_type, title,"
            " project_no, notice_date, buyer, amount_cny, region, listed, buyer_class, text, row_json, scanned_at"
            " FROM documents WHERE relevant = 1 ORDER BY id LIMIT ?", (top, n))
        conn.execute(
            'INSERT INTO findings(doc_id, category, item, provider, controlled, negated, confidence, evidence, start, "end")'
            ' SELECT doc_id + ?, category, item, provider, controlled, negated, confidence, evidence, start, "end"'
            " FROM findings WHERE doc_id IN (SELECT id - ? FROM documents WHERE id > ?)", (top, top, top))
        conn.execute(
            "INSERT INTO doc_parties(doc_id, party_id, role, name) SELECT doc_id + ?, party_id, role, name"
            " FROM doc_parties WHERE doc_id IN (SELECT id - ? FROM documents WHERE id > ?)", (top, top, top))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=10)
    parser.add_argument("--new", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "watch-bench.db"
        build(db, args.notices)
        with Store(db) as store:
            started = time.process_time()
            baseline = 0
            for i, query in enumerate((QUERIES * (args.searches // len(QUERIES) + 1))[:args.searches]):
                f = filter_from_query(query)
                save_search(store, f"s{i}", filter_query(f), f, "config")
            baseline = int(store.conn.execute("SELECT COUNT(*) FROM search_matches").fetchone()[0])
            saving = time.process_time() - started
            add_copies(store, args.new)
            started = time.process_time()
            queued = queue_new_matches(store, ["email", "webhook", "feed"])
            matching = time.process_time() - started
            started = time.process_time()
            again = queue_new_matches(store, ["email", "webhook", "feed"])
            idle = time.process_time() - started
    print(f"{args.notices} notices, {args.searches} searches: saving them (baseline {baseline} matches) "
          f"{saving:.2f} s CPU")
    print(f"round with {args.new} new leads: {queued} alerts queued for 3 channels in {matching:.2f} s CPU")
    print(f"round with nothing new: {again} alerts in {idle:.2f} s CPU")


if __name__ == "__main__":
    main()
