"""GuardedReader: heavy formats in a worker process with a hard timeout."""

from __future__ import annotations

import time
from pathlib import Path

from tenderwatch.model import FailReason, ReadFailure, TextDoc
from tenderwatch.read import GuardedReader, Limits

from .builders import make_pdf, one_doc, one_failure


def hang(data: bytes, path: str, limits: Limits | None) -> list[TextDoc | ReadFailure]:
    time.sleep(3600)
    return []


def test_pdf_is_read_in_worker_and_text_in_process() -> None:
    with GuardedReader(timeout=60) as reader:
        doc = one_doc(reader.read(make_pdf(["H200 x 4"]), "a.pdf"))
        assert doc.text == "H200 x 4"
        assert one_doc(reader.read(b"plain notice", "a.txt")).text == "plain notice"


def test_hanging_reader_is_killed_with_timeout_failure() -> None:
    with GuardedReader(timeout=0.5, reader=hang) as reader:
        fail = one_failure(reader.read(make_pdf(["x"]), "slow.pdf"))
        assert fail.reason is FailReason.TIMEOUT
        assert fail.path == "slow.pdf"


def test_interrupted_wait_kills_the_busy_worker() -> None:
    import pytest

    from tenderwatch.scan import DocumentTimeout, time_limit

    with GuardedReader(timeout=60, reader=hang) as reader:
        with pytest.raises(DocumentTimeout), time_limit(0.5):
            reader.read(make_pdf(["x"]), "slow.pdf")
        assert reader._proc is None  # the worker that was busy with slow.pdf is gone
    with GuardedReader(timeout=60) as reader:
        assert one_doc(reader.read(make_pdf(["H20 x 8"]), "b.pdf")).text == "H20 x 8"


def test_scan_reads_heavy_formats_through_the_guard(tmp_path: Path) -> None:
    from tenderwatch.scan import scan
    from tenderwatch.store.db import Store
    from tenderwatch.store.queries import iter_rows

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.pdf").write_bytes(make_pdf(["H200 x 4"]))
    with Store(tmp_path / "s.db") as store:
        scan([tmp_path / "in"], store)
        (row,) = list(iter_rows(store))
    assert row["status"] == "ok" and row["format"] == "pdf"
