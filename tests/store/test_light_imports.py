"""Opening a store, and loading the scan command, import no reading/parsing/detecting stage: those take
about a second of CPU (regex compiles, vocabularies) and load only when the first file is read."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("tenderwatch.read", "tenderwatch.normalize", "tenderwatch.notice", "tenderwatch.detect",
         "tenderwatch.screen", "tenderwatch.pipeline")


def _loaded_after(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_store_and_the_scan_command_load_no_stage() -> None:
    for module in ("tenderwatch.store.db", "tenderwatch.cli.common", "tenderwatch.cli.scan_cmds"):
        heavy = sorted(name for name in _loaded_after(module) if name.startswith(HEAVY))
        assert not heavy, f"{module} imports {heavy}"


def test_the_scan_loop_loads_no_archive_reader() -> None:
    """warcio (and the fsspec it pulls in) loads only when an archive is scanned: asking whether an input
    is a WARC reads its first bytes without it."""
    loaded = _loaded_after("tenderwatch.scan")
    assert "warcio" not in loaded
    assert "tenderwatch.read.warc" not in loaded
    assert "tenderwatch.warcscan" not in loaded


def test_the_scan_loop_loads_no_reader() -> None:
    """A writer whose workers read the files (a Dask client) lists the inputs without the readers: the
    read package loads ``core`` (HTML, charsets, archives) only when a file is read here."""
    loaded = _loaded_after("tenderwatch.scan")
    assert "tenderwatch.read.core" not in loaded and "tenderwatch.read.html" not in loaded
    assert "tenderwatch.read.collect" in loaded
