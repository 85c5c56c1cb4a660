"""Store a fetched notice: the same per-document pipeline as ``scan``, with provenance.

The document's path is its URL, so the same notice fetched twice (an overlapping window, a
second run) is one document, and identical bytes are not stored again. The notice, its
documents and the list item's "done" mark are committed together, after the response record
is in the archive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tenderwatch.collect.archive import Archived
from tenderwatch.collect.faults import fault_point
from tenderwatch.model import Provenance
from tenderwatch.read import Limits
from tenderwatch.scan import pipeline_version, process_file
from tenderwatch.store.collectq import mark_item
from tenderwatch.store.db import Store
from tenderwatch.store.fetches import Fetch, record_fetch


@dataclass(slots=True)
class Saved:
    new: bool  # the store did not have these bytes for this URL
    documents: int
    leads: int  # documents that are relevant or carry a finding


class NoticeSaver:
    def __init__(self, store: Store, source: str, timeout: float) -> None:
        self.store = store
        self.source = source
        self.timeout = timeout
        self.limits = Limits()
        self.version = pipeline_version()

    def mark_done(self, item_key: str, doc_url: str | None) -> None:
        mark_item(self.store.conn, self.source, item_key, doc_url)
        self.store.commit()

    def save(self, url: str, data: bytes, archived: Archived | None, http_status: int, item_key: str) -> Saved:
        sha = hashlib.sha256(data).hexdigest()
        provenance = Provenance(
            url=url,
            fetched_at=archived.fetched_at if archived else None,
            source=self.source,
            http_status=http_status,
            warc_file=archived.warc_file if archived else None,
            warc_record_id=archived.record_id if archived else None,
            payload_digest=archived.payload_digest if archived else None,
        )
        # every fetch joins the document's fetch history (as a WARC scan's records do), so a page
        # that changed between two runs keeps the earlier version as evidence beside the newer one
        fetch = Fetch(url, provenance)
        if self.store.file_done(url, sha, self.version):
            record_fetch(self.store, fetch, "same", sha)
            mark_item(self.store.conn, self.source, item_key, url)
            self.store.commit()
            return Saved(new=False, documents=0, leads=0)
        results = process_file(data, url, self.limits, self.timeout)
        for result in results:
            result.provenance = provenance
        self.store.save_file(url, data, sha, self.version, results, commit=False)
        record_fetch(self.store, fetch, "document", sha)
        mark_item(self.store.conn, self.source, item_key, url)
        self.store.commit()
        fault_point("saved")
        leads = sum(1 for r in results if r.failure is None and (r.relevant or r.findings))
        return Saved(new=True, documents=len(results), leads=leads)
