"""kill -9 during a collect, at several points, then the same command: the store ends as after an
uninterrupted run (nothing lost, nothing doubled) and the archive stays readable (a record cut
short by the kill is detected and every record before it kept).

The kill comes from the collector itself (``TENDERWATCH_COLLECT_FAULT=POINT:N`` sends it SIGKILL
the N-th time it reaches POINT), so it lands at a known place: half-way through a WARC record,
after a notice is archived but before it is stored, right after a notice is stored, after a list
page is read.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from tenderwatch.collect import EXIT_COMPLETE, EXIT_ERROR, CollectOptions
from tenderwatch.collect.faults import FAULT_ENV

from .conftest import CONTACT, Run, docs
from .site import Site
from .warcs import read_archive

pytestmark = pytest.mark.slow  # each test starts the collector three or four times

KILLS = [
    ("ccgp", "list_page:2"),
    ("ccgp", "archived:2"),
    ("ccgp", "saved:3"),
    ("ccgp", "warc_record:6"),
    ("ggzy", "warc_record:9"),
    ("ggzy", "archived:3"),
    ("zcy", "saved:2"),
]


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        findings = conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
        files = conn.execute("SELECT COUNT(DISTINCT path) FROM documents").fetchone()[0]
    return int(documents), int(findings), int(files)


@pytest.mark.parametrize(("source", "fault"), KILLS, ids=[f"{s}-{f}" for s, f in KILLS])
def test_kill_9_then_resume(source: str, fault: str, run: Run, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    reference = run(source, db=tmp_path / "ref.db", archive=tmp_path / "ref-warc")
    assert reference.exit_code == EXIT_COMPLETE, reference.message

    monkeypatch.setenv(FAULT_ENV, fault)
    killed = run(source)
    assert killed.exit_code == EXIT_ERROR and "killed by signal 9" in killed.message
    monkeypatch.delenv(FAULT_ENV)
    resumed = run(source)
    assert resumed.exit_code == EXIT_COMPLETE, resumed.message

    db, ref_db = tmp_path / "tw.db", tmp_path / "ref.db"
    stored, expected = docs(db), docs(ref_db)
    # the same notices, the same bytes, the same relevance: nothing lost
    assert {p: (row[0], row[-1]) for p, row in stored.items()} == {p: (row[0], row[-1]) for p, row in expected.items()}
    # nothing doubled: as many documents and findings as the uninterrupted run
    assert _counts(db) == _counts(ref_db)

    records, damaged = read_archive(tmp_path / "warc")
    assert len(damaged) <= 1, "only the file of the killed run may end in a cut record"
    if fault.startswith("warc_record"):
        assert damaged, "the record cut half-way is detected"
    ids = {r.record_id: r for r in records}
    for path, (_sha, url, _src, status, warc_file, record_id, digest, _rel) in stored.items():
        # every stored notice points at a whole response record in the archive
        assert record_id in ids and ids[record_id].file == warc_file and ids[record_id].payload_digest == digest
        assert url == path and status == 200
    # a new file per run: the killed run's file is never appended to
    assert len({r.file for r in records if r.type == "warcinfo"}) == len({r.file for r in records})


def _kill_after(site: Site, options: CollectOptions, requests: int, folder: Path) -> bool:
    """Start the collector as ``run_collect`` does, SIGKILL it once the site has served
    ``requests`` more requests; True when the kill landed before the run ended."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "options.json").write_text(json.dumps(options.to_json()), encoding="utf-8")
    command = [sys.executable, "-m", "tenderwatch.collect.child", str(folder / "options.json"),
               str(folder / "report.json")]
    start = len(site.log)
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while proc.poll() is None and len(site.log) < start + requests and time.monotonic() < deadline:
        time.sleep(0.005)
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


def test_kills_from_outside_at_any_moment_then_resume(run: Run, site: Site, site_url: str, tmp_path: Path) -> None:
    """kill -9 sent from outside after 3, 8 and 14 requests (wherever the crawl then is: a
    list answer, a shell, a text page, a store write), then the same command: the store of an
    uninterrupted run, the archive readable."""
    reference = run("ggzy", db=tmp_path / "ref.db", archive=tmp_path / "ref-warc")
    assert reference.exit_code == EXIT_COMPLETE, reference.message
    options = CollectOptions(source="ggzy", db=str(tmp_path / "tw.db"), archive=str(tmp_path / "warc"),
                             date_from=date(2024, 3, 1), date_until=date(2024, 3, 3), base_url=site_url, delay=0.0,
                             contact=CONTACT, settings={"keywords": ["A100", "H100"]}, progress=False)
    landed = [_kill_after(site, options, n, tmp_path / f"kill{n}") for n in (3, 8, 14)]
    assert any(landed)
    resumed = run("ggzy")
    assert resumed.exit_code == EXIT_COMPLETE, resumed.message
    db, ref_db = tmp_path / "tw.db", tmp_path / "ref.db"
    assert {p: row[0] for p, row in docs(db).items()} == {p: row[0] for p, row in docs(ref_db).items()}
    assert _counts(db) == _counts(ref_db)
    records, damaged = read_archive(tmp_path / "warc")
    assert len(damaged) <= 3 and records
