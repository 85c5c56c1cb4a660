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
