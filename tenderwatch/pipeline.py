"""The per-document pipeline: ``bytes + path -> list[DocResult]``.

This is a pure function of its inputs (no store, no globals that change), so the
same call runs in the CLI's scan loop, in a worker process, or on Dask.
"""

from __future__ import annotations

import hashlib
import logging

from tenderwatch.detect import decide, detect
from tenderwatch.model import DocResult, FailReason, ReadFailure, TextDoc
from tenderwatch.normalize import normalize
from tenderwatch.notice import parse_notice, select_amount
from tenderwatch.read import Limits, read_bytes

log = logging.getLogger(__name__)


def process_text(doc: TextDoc, sha256: str) -> DocResult:
    """Run normalise -> parse -> detect -> decide on one read document."""
    norm = normalize(doc.text)
    notice = parse_notice(doc, norm)
    findings = detect(doc, norm, notice)
    relevant = decide(findings)
    amount = select_amount(notice, findings, relevant)
    return DocResult(
        path=doc.path,
        sha256=sha256,
        fmt=doc.fmt,
        text=doc.text,
        encoding=doc.encoding,
        meta=doc.meta,
        notice=notice,
        findings=findings,
        relevant=relevant,
        amount_cny=amount,
    )


def process_bytes(data: bytes, path: str, limits: Limits | None = None) -> list[DocResult]:
    """Read ``data`` (one file, maybe a container) and return one result per notice.

    Never raises for bad input: a document that cannot be read or processed comes
    back as a ``DocResult`` whose ``failure`` says why.
    """
    sha = hashlib.sha256(data).hexdigest()
    results: list[DocResult] = []
    try:
        docs = read_bytes(data, path, limits)
    except Exception as exc:  # a reader bug must not stop the scan
        log.exception("reading %s failed", path)
        docs = [ReadFailure(path, FailReason.INTERNAL_ERROR, f"reader error: {exc!r}")]
    for doc in docs:
        if isinstance(doc, ReadFailure):
            results.append(DocResult(path=doc.path, sha256=sha, fmt=doc.fmt, failure=doc))
            continue
        try:
            results.append(process_text(doc, sha))
        except Exception as exc:
            log.exception("processing %s failed", doc.path)
            failure = ReadFailure(doc.path, FailReason.INTERNAL_ERROR, f"pipeline error: {exc!r}", doc.fmt)
            results.append(DocResult(path=doc.path, sha256=sha, fmt=doc.fmt, text=doc.text, failure=failure))
    return results
