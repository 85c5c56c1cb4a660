"""Fetches of web documents (WARC records, collect runs): the newest fetch is the document.

A web document's store path is its URL (``URL#POST:DIGEST`` for the answer to a query), so the
same page seen in two WARC files, or in a collect run and a WARC file, is one document. Its
provenance is that of the newest fetch; every fetch is also kept in ``fetches`` (URL, time,
HTTP status, WARC file, offset and record id, payload digest, and the payload's SHA-256 in
``blobs``), because a page can change between fetches and each archived version is evidence
of what it said on that day. A fetch history costs one small row per record and lets the
workbench show every archived copy; without it, an older version would be lost the moment a
newer one is scanned.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from tenderwatch.model import DocResult, Provenance
from tenderwatch.store.db import Store, now_iso


@dataclass(slots=True)
class Fetch:
    """One fetch of a web document, as a WARC record or a collect run recorded it."""

    path: str  # the document's store path: the URL, or URL#POST:DIGEST
    provenance: Provenance
    offset: int | None = None  # the record's offset in its WARC file
    media_type: str = ""
    http_headers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The same record read again has the same key. A WARC-Record-ID is meant to be unique,
        but some tools repeat one (warcio's example-digest.warc does): the path goes with it."""
        prov = self.provenance
        if prov.warc_record_id:
            return f"{prov.warc_record_id} {self.path}"
        parts = (self.path, prov.fetched_at or "", prov.warc_file or "", str(self.offset), prov.payload_digest or "")
        return "sha1:" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def seen(store: Store, fetch: Fetch) -> bool:
    """Was this very fetch (the same WARC record) stored before?"""
    return store.conn.execute("SELECT 1 FROM fetches WHERE fetch_key = ?", (fetch.key,)).fetchone() is not None


def record_fetch(store: Store, fetch: Fetch, outcome: str, sha256: str | None) -> None:
    """Add the fetch to the history (once: a re-scan of the same record adds nothing)."""
    prov = fetch.provenance
    store.conn.execute(
        "INSERT OR IGNORE INTO fetches(fetch_key, path, url, fetched_at, http_status, media_type, source,"
        " warc_file, warc_offset, warc_record_id, payload_digest, sha256, http_headers, outcome, seen_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (fetch.key, fetch.path, prov.url, prov.fetched_at, prov.http_status, fetch.media_type or None,
         prov.source, prov.warc_file, fetch.offset, prov.warc_record_id, prov.payload_digest, sha256,
         json.dumps(fetch.http_headers, ensure_ascii=False) if fetch.http_headers else None, outcome, now_iso()),
    )


def _stored(store: Store, path: str) -> tuple[str | None, str] | None:
    """(fetched_at, sha256) of the document stored at ``path``, or ``None``."""
    row = store.conn.execute(
        "SELECT fetched_at, sha256 FROM documents WHERE file_path = ? ORDER BY fetched_at DESC LIMIT 1", (path,)
    ).fetchone()
    return None if row is None else (row[0], row[1])


def is_older(store: Store, fetch: Fetch) -> bool:
    """Is a newer fetch of the same path already the document?"""
    stored = _stored(store, fetch.path)
    mine = fetch.provenance.fetched_at
    return stored is not None and stored[0] is not None and mine is not None and stored[0] > mine


def attach(results: list[DocResult], fetch: Fetch, damage: str | None = None) -> None:
    """Give each document read from the fetch its provenance. A record inside a JSON answer that
    names its own URL keeps it (it is published there; the archived copy is the answer)."""
    for result in results:
        own = result.provenance.url if result.provenance is not None else None
        prov = replace(fetch.provenance)
        if own and own != prov.url:
            prov.url = own
        result.provenance = prov
        if damage and result.truncated is None:
            result.truncated = damage


def save_fetched(
    store: Store, fetch: Fetch, data: bytes | None, sha256: str, pipeline_version: str,
    results: Callable[[], list[DocResult]], *, outcome: str = "document",
) -> str:
    """Store a fetched document unless a newer fetch of its path is stored; always record the
    fetch. ``results`` is called only when the documents must be (re)written. Returns what
    happened: ``document`` (this fetch is the document), ``same`` (the same bytes were the
    document: its provenance moves to this newer fetch), ``older`` (kept in the history only)."""
    if data is not None:
        store.put_blob(sha256, data)
    if is_older(store, fetch):
        record_fetch(store, fetch, "older", sha256 if data is not None else None)
        return "older"
    stored = _stored(store, fetch.path)
    if stored is not None and stored[1] == sha256 and store.file_done(fetch.path, sha256, pipeline_version):
        _move_provenance(store, fetch)
        record_fetch(store, fetch, "same", sha256)
        return "same"
    store.save_file(fetch.path, data, sha256, pipeline_version, results(), commit=False,
                    size=0 if data is None else None)
    record_fetch(store, fetch, outcome, sha256 if data is not None else None)
    return "document"


def _move_provenance(store: Store, fetch: Fetch) -> None:
    """The stored documents of ``fetch.path`` now point at this (newer) fetch of the same bytes."""
    prov = fetch.provenance
    store.conn.execute(
        "UPDATE documents SET fetched_at = ?, source = ?, http_status = ?, warc_file = ?, warc_record_id = ?,"
        " payload_digest = ?, row_json = json_set(row_json, '$.fetched_at', ?) WHERE file_path = ?",
        (prov.fetched_at, prov.source, prov.http_status, prov.warc_file, prov.warc_record_id,
         prov.payload_digest, prov.fetched_at, fetch.path),
    )


def fetch_history(store: Store, path: str, limit: int = 200) -> list[dict[str, Any]]:
    """Every fetch of a document path, newest first."""
    rows = store.conn.execute(
        "SELECT id, url, fetched_at, http_status, media_type, source, warc_file, warc_offset, warc_record_id,"
        " payload_digest, sha256, outcome FROM fetches WHERE path = ? ORDER BY fetched_at DESC, id DESC LIMIT ?",
        (path, limit),
    ).fetchall()
    return [dict(row) for row in rows]


def fetch_by_id(store: Store, fetch_id: int) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT * FROM fetches WHERE id = ?", (fetch_id,)).fetchone()
    if row is None:
        return None
    found = dict(row)
    found["http_headers"] = json.loads(found["http_headers"] or "[]")
    return found
