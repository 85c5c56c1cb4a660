"""GuardedReader: heavy formats in a worker process with a hard timeout."""

from __future__ import annotations

import time

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
