"""The per-document pipeline: ``bytes + path -> list[DocResult]``.

This is a pure function of its inputs (no store, no globals that change), so the
same call runs in the CLI's scan loop, in a worker process, or on Dask.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from tenderwatch.detect import decide, detect, doc_rule_status, first_pass, lot_findings
from tenderwatch.detect.frames import not_bought_in, not_leads
from tenderwatch.model import (
    Amount,
    DocResult,
    Fact,
    FailReason,
    NoticeFields,
    Provenance,
    ReadFailure,
    TextDoc,
)
from tenderwatch.normalize import normalize
from tenderwatch.notice import parse_notice, read_kind, select_amount
from tenderwatch.read import Limits, read_bytes
from tenderwatch.read.deadline import DocumentTimeout, time_limit

log = logging.getLogger(__name__)


def process_text(doc: TextDoc, sha256: str) -> DocResult:
    """Run normalise -> parse -> document kind -> detect -> decide on one read document."""
    norm = normalize(doc.text)
    notice = parse_notice(doc, norm)
    region = doc.meta.get("region", "").strip()
    if notice.region is None and region:
        notice.region = Fact("region", doc.meta["region"], region)
    first = first_pass(norm.text)  # detect's anchors and the kind gate's strings: one search
    kind = read_kind(doc, norm, notice, first.kind_possible, first.kind_starts)
    locate_facts(notice, doc.text)
    findings = detect(doc, norm, notice, adopt_date=kind.lead, first=first)
    if not kind.lead:
        not_leads(findings, kind.kind, kind.reasons[0] if kind.reasons else "")
    elif kind.excluded:
        not_bought_in(findings, kind.excluded, "named in a terminated contract's section of the disclosure")
    relevant = decide(findings)
    amount = select_amount(notice, findings, relevant, lot_findings(findings) if relevant and notice.lots else None)
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
        doc_kind=kind.kind,
        doc_kind_reasons=kind.reasons,
        rule_status=doc_rule_status(findings),
        provenance=_page_url(doc),
        truncated=doc.meta.get("truncated"),
    )


def _page_url(doc: TextDoc) -> Provenance | None:
    """The address a crawl record or a page gives for itself (kept and shown as its source)."""
    url = doc.meta.get("url", "").strip()
    if not url.startswith(("http://", "https://")):
        return None
    return Provenance(url=url, source=doc.meta.get("site") or None)


def locate_facts(notice: NoticeFields, text: str) -> None:
    """Give a source span to facts taken from reader metadata (page meta tags, crawl-record
    fields) when their raw text is written in the document too, so each points at the text."""
    facts: list[Fact | Amount] = [
        f for f in (notice.title, notice.project_no, notice.notice_date, notice.buyer, notice.agency,
                    notice.region) if f is not None
    ]
    facts += notice.suppliers
    facts += notice.amounts
    for fact in facts:
        if fact.start < 0 and fact.raw:
            at = text.find(fact.raw)
            if at >= 0:
                fact.start, fact.end = at, at + len(fact.raw)


Reader = Callable[[bytes, str, Limits | None], list[TextDoc | ReadFailure]]
Finish = Callable[[DocResult], None]


def process_bytes(
    data: bytes, path: str, limits: Limits | None = None, reader: Reader = read_bytes, sha256: str | None = None,
    timeout: float = 0.0, finish: Finish | None = None,
) -> list[DocResult]:
    """Read ``data`` (one file, maybe a container) and return one result per notice.

    Never raises for bad input: a document that cannot be read or processed comes
    back as a ``DocResult`` whose ``failure`` says why. ``reader`` replaces
    ``read_bytes``, e.g. by a ``GuardedReader`` that can kill a reader stuck in C code;
    ``sha256`` is the digest of ``data`` when the caller has it already.
    With ``timeout`` > 0, reading the file and then each document's processing (plus
    ``finish``, e.g. party screening) get that many seconds each: a document past it
    becomes a ``TIMEOUT`` failure and the next document starts with a fresh limit.
    """
    sha = sha256 or hashlib.sha256(data).hexdigest()
    results: list[DocResult] = []
    try:
        with time_limit(timeout, "reading"):
            docs = reader(data, path, limits)
    except DocumentTimeout as exc:
        docs = [ReadFailure(path, FailReason.TIMEOUT, str(exc))]
    except Exception as exc:  # a reader bug must not stop the scan
        log.exception("reading %s failed", path)
        docs = [ReadFailure(path, FailReason.INTERNAL_ERROR, f"reader error: {exc!r}")]
    for doc in docs:
        if isinstance(doc, ReadFailure):
            results.append(DocResult(path=doc.path, sha256=sha, fmt=doc.fmt, failure=doc))
            continue
        try:
            with time_limit(timeout):
                result = process_text(doc, sha)
                if finish is not None:
                    finish(result)
            results.append(result)
        except DocumentTimeout as exc:
            failure = ReadFailure(doc.path, FailReason.TIMEOUT, str(exc), doc.fmt)
            results.append(DocResult(path=doc.path, sha256=sha, fmt=doc.fmt, failure=failure))
        except Exception as exc:
            log.exception("processing %s failed", doc.path)
            failure = ReadFailure(doc.path, FailReason.INTERNAL_ERROR, f"pipeline error: {exc!r}", doc.fmt)
            results.append(DocResult(path=doc.path, sha256=sha, fmt=doc.fmt, text=doc.text, failure=failure))
    return results
