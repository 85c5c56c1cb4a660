"""A scan killed with SIGKILL leaves no worker processes behind: a -j 2 scan's pool workers end on their
own once the writer is gone (before the fix they waited for ever on their task queue, each holding the
scan stack's memory)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tenderwatch.store.db import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "tenderwatch" / "examples" / "notices"


def _corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".html", ".txt"))
    for i in range(copies):
        for src in sources:
            (folder / f"{i:04d}-{src.name}").write_bytes(src.read_bytes() + f"\n<!-- {i} -->".encode())
    return folder


def _wait_for(predicate: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_killed_scan_leaves_no_workers(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", 300)
    cmd = [sys.executable, "-c", "from tenderwatch.cli.main import main; main()", "scan", str(corpus),
           "--db", str(tmp_path / "tw.db"), "-q", "-j", "2"]
    writer = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(writer.pid)
    workers: list[psutil.Process] = []
    try:
        assert _wait_for(lambda: len(parent.children()) >= 2, 60), "the scan never started its workers"
        workers = parent.children()
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(10)
        gone, alive = psutil.wait_procs(workers, timeout=10)
        assert not alive, f"workers left running after the writer was killed: {[p.pid for p in alive]}"
        assert len(gone) == len(workers)
    finally:  # whatever happened, nothing of this test is left running
        for proc in workers:
            if proc.is_running():
                proc.kill()
        if writer.poll() is None:
            writer.kill()


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_workers_run_under_every_start_method(tmp_path: Path, method: str) -> None:
    """The workers' exit-with-parent watch takes the parent each worker really has: under 'forkserver'
    (Python 3.14's default on Linux) that is the fork server, not the writer, and a watch keyed to the
    writer's pid ended every worker at once (a broken pool)."""
    corpus = _corpus(tmp_path / "in", 12)  # 84 files: more than a batch per worker, so the pool runs
    db = tmp_path / "tw.db"
    code = (f"import multiprocessing as mp; mp.set_start_method({method!r}, force=True)\n"
            "from tenderwatch.cli.main import main\n"
            "if __name__ == '__main__':\n    main()\n")
    script = tmp_path / "run.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), "scan", str(corpus), "--db", str(db), "-q", "-j", "2"],
                          capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "pipeline ran in 2 processes" in done.stdout
    with Store(db, readonly=True) as store:
        scanned = store.conn.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
    assert scanned == len(list(corpus.iterdir()))
