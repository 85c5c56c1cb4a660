"""Crash safety: a scan killed with SIGKILL at several points (while reading, right
after a batch commit, inside a commit, and again during the resume) and then
resumed leaves the same store as an uninterrupted scan: documents, findings,
parties, screening hits, reviews and raw bytes (ids and timestamps aside)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tenderwatch.scan import scan
from tenderwatch.store.db import Store
from tenderwatch.store.reviews import add_review

EXAMPLES = Path(__file__).resolve().parents[2] / "tenderwatch" / "examples" / "notices"

# The child scans with small commit batches and kills itself (a real SIGKILL) at the
# point named in argv: "read:N" in the progress callback of input N, "after_commit:N"
# right after commit N returns, "in_commit:N" when SQLite starts the N-th COMMIT.
CHILD = r"""
import os, signal, sys
from pathlib import Path
import tenderwatch.scan as scan_module
from tenderwatch.store.db import Store

folder, db, point = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
kind, _, at = point.partition(":")
at = int(at or 0)
scan_module.COMMIT_FILES, scan_module.COMMIT_SECONDS = 4, 1e9
commits = 0

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def progress(number, shown):
    if kind == "read" and number == at:
        die()

with Store(db) as store:
    def trace(sql):
        global commits
        if sql.strip().upper() == "COMMIT":
            commits += 1
            if kind == "in_commit" and commits == at:
                die()
    store.conn.set_trace_callback(trace)
    real_commit = store.commit
    def commit():
        real_commit()
        if kind == "after_commit" and commits == at:
            die()
    store.commit = commit
    scan_module.scan([folder], store, timeout=60, progress=progress)
"""

NOTICE = "示例大学{n}号GPU服务器采购公告\n采购人：示例大学\n预算金额：{n}0万元\n采购内容：NVIDIA A100 80GB GPU服务器{n}台\n"
KILLS = [["read:3"], ["after_commit:2"], ["in_commit:3"], ["in_commit:2", "read:6"]]


def _corpus(folder: Path, version: int) -> None:
    shutil.copytree(EXAMPLES, folder, dirs_exist_ok=True)
    for n in range(14 + 4 * version):
        text = NOTICE.format(n=n) + ("补充说明：第二版\n" if version and n % 3 == 0 else "")
        (folder / f"gen-{n:02d}.txt").write_text(text, encoding="utf-8")


def _child(folder: Path, db: Path, point: str) -> int:
    return subprocess.run([sys.executable, "-c", CHILD, str(folder), str(db), point], check=False,
                          capture_output=True).returncode


def _state(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    q = {
        "documents": "SELECT path, file_path, sha256, status, fail_reason, relevant, text, row_json FROM documents",
        "files": "SELECT path, sha256, size FROM files",
        "findings": "SELECT d.path, f.category, f.item, f.provider, f.quantity, f.evidence, f.start, f.\"end\""
                    " FROM findings f JOIN documents d ON d.id = f.doc_id",
        "facts": "SELECT d.path, x.name, x.raw, x.value, x.start FROM facts x JOIN documents d ON d.id = x.doc_id",
        "parties": "SELECT key, name, class FROM parties",
        "doc_parties": "SELECT d.path, p.role, p.name, q.key FROM doc_parties p JOIN documents d ON d.id = p.doc_id"
                       " JOIN parties q ON q.id = p.party_id",
        "screen_hits": "SELECT d.path, h.entry_id, h.score FROM screen_hits h JOIN documents d ON d.id = h.doc_id",
        "reviews": "SELECT d.path, r.target_type, COALESCE(f.evidence, ''), r.status, r.note FROM reviews r"
                   " JOIN documents d ON d.id = r.doc_id LEFT JOIN findings f ON r.target_type = 'finding'"
                   " AND f.id = r.target_id",
        "blobs": "SELECT sha256, size, data FROM blobs",
    }
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in q.items()}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A store of corpus v1 with reviews, corpus v2 on disk, and v2 scanned without a kill."""
    base = tmp_path_factory.mktemp("kill9")
    v1, v2 = base / "v1", base / "v2"
    _corpus(v1, 0)
    _corpus(v2, 1)
    shutil.copytree(v1, base / "live")
    with Store(base / "v1.db") as store:
        scan([base / "live"], store)
        for (finding_id,) in store.conn.execute("SELECT id FROM findings ORDER BY id LIMIT 6").fetchall():
            add_review(store, "finding", finding_id, "confirmed", note="checked")
    shutil.copytree(v2, base / "live", dirs_exist_ok=True)  # some files change, some are new
    shutil.copy(base / "v1.db", base / "ref.db")
    assert _child(base / "live", base / "ref.db", "none") == 0
    return base, base / "live", base / "ref.db"


@pytest.mark.slow
@pytest.mark.parametrize("points", KILLS, ids=["+".join(k) for k in KILLS])
def test_killed_scan_resumes_to_the_same_store(reference: tuple[Path, Path, Path], points: list[str]) -> None:
    base, live, ref = reference
    db = base / f"killed-{'+'.join(points).replace(':', '')}.db"
    shutil.copy(base / "v1.db", db)
    for point in points:
        assert _child(live, db, point) == -9  # killed where asked
    assert _child(live, db, "none") == 0  # resume
    got, want = _state(db), _state(ref)
    paths = [row[0] for row in got["documents"]]
    assert len(paths) == len(set(paths))  # nothing doubled
    assert set(paths) == {row[0] for row in want["documents"]}  # nothing lost
    for table in want:
        assert got[table] == want[table], table
    assert len(want["reviews"]) == 6
