"""The archived copy of a fetched document, for the workbench: what the server sent on the day
(the body kept in blobs), decoded to text for showing as inert, escaped text, with where the
archived record is (WARC file, record id, digest) and every other fetch of the same page."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from tenderwatch.read.decode import UndecodableError, decode_bytes
from tenderwatch.read.sniff import sniff
from tenderwatch.store.db import Store
from tenderwatch.store.fetches import fetch_by_id, fetch_history
from tenderwatch.store.readlimit import time_limit

MAX_SHOWN = 1_000_000  # characters of the body shown; the rest is cut with a note


def _body(store: Store, sha256: str | None, path: str) -> dict[str, Any]:
    data = store.blob(sha256) if sha256 else None
    if data is None:
        return {"text": None, "size": None, "note": "the body of this fetch is not kept in the store"}
    kind = sniff(data, path)
    if kind != "text":
        what = kind.removeprefix("binary:").upper() if kind.startswith("binary:") else kind.upper()
        return {"text": None, "size": len(data),
                "note": f"a binary body ({what}, {len(data):,} bytes): the text read from it is on the notice page"}
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError:
        text, encoding = data.decode("utf-8", "replace"), "utf-8 (with replacement characters)"
    note = f"{len(data):,} bytes, decoded as {encoding}"
    if len(text) > MAX_SHOWN:
        note += f"; the first {MAX_SHOWN:,} of {len(text):,} characters are shown"
        text = text[:MAX_SHOWN]
    return {"text": text, "size": len(data), "note": note}


def archived_copy(store: Store, doc_id: int) -> dict[str, Any] | None:
    """The archived copy of document ``doc_id`` (its newest fetch), or ``None`` if no such document."""
    with time_limit(store.conn):
        row = store.conn.execute(
            "SELECT id, path, file_path, title, url, fetched_at, source, http_status, warc_file, warc_record_id,"
            " payload_digest, sha256 FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        doc = dict(row)
        history = fetch_history(store, doc["file_path"])
        current = next((f for f in history if doc["warc_record_id"] and f["warc_record_id"] == doc["warc_record_id"]),
                       None)
        full = fetch_by_id(store, current["id"]) if current else None
        headers = full["http_headers"] if full else []
    return {"doc": doc, "fetch": current, "headers": headers, "history": history,
            **_body(store, doc["sha256"], doc["path"])}


def archived_fetch(store: Store, fetch_id: int) -> dict[str, Any] | None:
    """One fetch from the history (an older version of a page), or ``None``."""
    with time_limit(store.conn):
        fetch = fetch_by_id(store, fetch_id)
        if fetch is None:
            return None
        doc_row = store.conn.execute(
            "SELECT id FROM documents WHERE file_path = ? ORDER BY id LIMIT 1", (fetch["path"],)
        ).fetchone()
        history = fetch_history(store, fetch["path"])
    # no title: the document's title is read from its newest fetch, which may differ from this one
    doc = {"id": doc_row["id"] if doc_row else None, "title": None,
           "path": fetch["path"], **{k: fetch[k] for k in (
               "url", "fetched_at", "source", "http_status", "warc_file", "warc_record_id", "payload_digest",
               "sha256")}}
    return {"doc": doc, "fetch": fetch, "headers": fetch["http_headers"], "history": history,
            **_body(store, fetch["sha256"], fetch["path"])}


def _file_name(url: str, fetch_id: int) -> str:
    """A safe download name from the URL's last path segment (ASCII letters, digits, ``._-``)."""
    try:
        last = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    except ValueError:
        last = ""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", last).strip("._")[:80]
    return name if "." in name else f"{name or 'fetch'}-{fetch_id}.bin"


def archived_bytes(store: Store, fetch_id: int) -> tuple[bytes, str] | None:
    """The body of one fetch as it was served (decoded from its transfer encodings) and a file
    name to save it under, or ``None`` when the fetch or its body is not kept."""
    with time_limit(store.conn):
        fetch = fetch_by_id(store, fetch_id)
    if fetch is None or not fetch["sha256"]:
        return None
    data = store.blob(fetch["sha256"])
    return None if data is None else (data, _file_name(fetch["url"] or fetch["path"], fetch_id))
