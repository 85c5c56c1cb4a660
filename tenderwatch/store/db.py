"""Open a scan store and write scan results into it.

Writes are idempotent: a document is keyed by its path; re-saving the same file
with the same bytes and pipeline version is skipped by the caller (``file_done``),
and re-saving changed bytes replaces that file's documents in one transaction.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tenderwatch.model import DocResult, FailReason, ReadFailure
from tenderwatch.store.blobcodec import Packed, pack, unpack
from tenderwatch.store.schema import NewerStoreError, applied, check_not_newer, migrate

# The reading, normalising and detecting stages (imported by ``store_failure``, ``_fold`` and ``doc_row``)
# load only when a document is written or folded, so a command that opens a store starts fast.

log = logging.getLogger(__name__)
# json.dumps(obj, ensure_ascii=False) with one encoder for every row (dumps builds one per call)
_JSON = json.JSONEncoder(ensure_ascii=False).encode


def store_failure(result: DocResult, detail: str) -> DocResult:
    """``result`` as a failed document (valid UTF-8 path and detail, no text or findings)."""
    from tenderwatch.read.valid import valid_text

    path = valid_text(result.path)[0]
    failure = ReadFailure(path, FailReason.STORE_ERROR, valid_text(f"could not be stored: {detail}")[0][:500],
                          result.fmt)
    return DocResult(path=path, sha256=result.sha256, fmt=valid_text(result.fmt)[0], failure=failure)


def _fold(value: object) -> str | None:
    from tenderwatch.normalize import fold

    return None if value is None else fold(str(value))


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """A SQLite scan store (one file). Use as a context manager or call ``close``."""

    def __init__(self, path: str | Path, *, readonly: bool = False, bulk: bool = False) -> None:
        """``bulk``: a writer that saves many documents (scan, crawl, watch). Each document is saved inside
        a savepoint, whose journal of the pages it changes (~70 KB a notice) passes SQLite's in-memory
        limit (64 KB) and went to a temporary file: ~34 writes a notice, 3/4 of a scan's writes. Such a
        writer keeps temporary files in memory (a document's pages; no large sort runs on it)."""
        self.path = str(path)
        # the leads saved since the last commit: id -> (title, text, and both folded) for the search index.
        # Folded as each is saved, right after the pipeline read it (the text's NFKC and simplified form is
        # still at hand then: normalize keeps the last one), not in the commit's SQL from the stored text
        self._folded: dict[int, tuple[object, str | None, str | None, str | None]] = {}
        if readonly and not Path(self.path).exists():
            raise FileNotFoundError(f"no scan store at {self.path}")
        target = Path(self.path).resolve().as_uri() + "?mode=ro" if readonly else self.path
        self.conn = sqlite3.connect(target, uri=readonly, timeout=30, check_same_thread=False)
        # the search index holds folded text (schema migration 7); its triggers call this
        self.conn.create_function("tw_fold", 1, _fold, deterministic=True)
        try:
            if not readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                migrate(self.conn)  # (its index builds may sort many rows: with temporary files on disk)
                if bulk:
                    self.conn.execute("PRAGMA temp_store=MEMORY")
                if self.conn.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone():
                    self.commit()  # leads queued by a writer that was killed after its last commit
            else:
                check_not_newer(applied(self.conn))
        except NewerStoreError:
            self.conn.close()
            raise
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- scanning -----------------------------------------------------------------

    def file_done(self, path: str, sha256: str, pipeline_version: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM files WHERE path = ? AND sha256 = ? AND pipeline_version = ?",
            (path, sha256, pipeline_version),
        ).fetchone()
        return row is not None

    def stored_sha(self, path: str, pipeline_version: str) -> str | None:
        """The sha256 stored for ``path`` by this pipeline version, if any (a worker that reads the
        file itself skips it when its bytes hash to this)."""
        row = self.conn.execute(
            "SELECT sha256 FROM files WHERE path = ? AND pipeline_version = ?", (path, pipeline_version)
        ).fetchone()
        return None if row is None else str(row[0])

    def save_file(
        self, path: str, data: bytes | Packed | None, sha256: str, pipeline_version: str,
        results: Iterable[DocResult], *, commit: bool = True, size: int | None = None,
        rows: Sequence[dict[str, Any]] | None = None,
    ) -> list[DocResult]:
        """Store one input file's raw bytes and all documents read from it; return the
        documents as stored (one the store refused comes back as its failure).

        ``data`` may come packed already (:func:`~tenderwatch.store.blobcodec.pack`, done by a scan's
        worker process); ``data=None`` keeps no bytes (a WARC file, whose records' payloads are kept
        one by one, or bytes kept already); ``size`` is then the file's size. ``rows`` are the documents' export rows
        (``doc_row`` of each result, in order) when the caller built them already.

        With ``commit=False`` the writes join the open transaction and the caller
        commits several files at once (:meth:`commit`; much faster: one WAL/FTS
        flush per batch). One document the store refuses becomes that document's failure
        (see :meth:`_save_document`); anything else that stops the write (an interrupt, a
        full disk) rolls the whole uncommitted batch back, and those files are scanned
        again next time.
        """
        stamp = now_iso()
        saved: list[DocResult] = []
        try:
            if data is not None:
                self._put_blob(sha256, data)
            old_ids = dict(
                self.conn.execute("SELECT path, id FROM documents WHERE file_path = ?", (path,)).fetchall()
            )
            reviewed = self._reviewed_findings(path) if old_ids else {}
            for doc_id in old_ids.values():
                self._delete_document(doc_id)
            for index, result in enumerate(results):
                row = rows[index] if rows is not None else None
                saved.append(self._save_document(path, result, stamp, old_ids, reviewed, row))
            length = data.size if isinstance(data, Packed) else len(data) if data is not None else size or 0
            self.conn.execute(
                "INSERT OR REPLACE INTO files(path, sha256, size, pipeline_version, scanned_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (path, sha256, length, pipeline_version, stamp),
            )
        except BaseException:
            self.conn.rollback()
            self._folded.clear()
            raise
        if commit:
            self.commit()
        return saved

    def _save_document(
        self, file_path: str, result: DocResult, stamp: str, old_ids: dict[str, int],
        reviewed: dict[tuple[object, ...], int], row: dict[str, Any] | None = None,
    ) -> DocResult:
        """Insert one document inside its own savepoint. If SQLite refuses it (text it
        cannot encode, an integer past 64 bits, a constraint), the partial rows are
        rolled back and the document is stored instead as failed, reason ``store_error``
        with the error, without its text; the file's other documents are kept."""
        self.conn.execute("SAVEPOINT doc")
        try:
            doc_id = self._insert_document(file_path, result, stamp, old_ids.get(result.path), row)
            if reviewed:
                self._carry_reviews(doc_id, result.path, reviewed)
        except (sqlite3.Error, UnicodeError, OverflowError, ValueError, TypeError) as exc:
            self.conn.execute("ROLLBACK TO doc")
            self.conn.execute("RELEASE doc")
            log.warning("storing %r failed: %r; stored as failed", result.path, exc)
            failed = store_failure(result, f"{type(exc).__name__}: {exc}")
            self._insert_document(file_path, failed, stamp, old_ids.get(failed.path))
            return failed
        self.conn.execute("RELEASE doc")
        return result

    def commit(self) -> None:
        """Commit the files saved with ``save_file(..., commit=False)`` so far, with the leads
        among them added to the full-text index in one statement (migration 12)."""
        queued = self.conn.execute(
            "SELECT d.id, d.title, d.text FROM fts_pending p JOIN documents d ON d.id = p.id"
        ).fetchall()
        if queued:
            self.conn.executemany(
                "INSERT INTO search_fts(rowid, title, text) VALUES (?, ?, ?)",
                [(doc_id, *self._search_form(doc_id, title, text)) for doc_id, title, text in queued],
            )
            self.conn.execute("DELETE FROM fts_pending")
        self._folded.clear()
        self.conn.commit()

    def _search_form(self, doc_id: int, title: object, text: object) -> tuple[str | None, str | None]:
        """``tw_fold`` of a queued lead's title and text: as folded when it was saved, if it is
        still that document (no other write changed it since), else folded now."""
        kept = self._folded.get(doc_id)
        if kept is not None and kept[0] == title and kept[1] == text:
            return kept[2], kept[3]
        return _fold(title), _fold(text)

    def put_blob(self, sha256: str, data: bytes) -> None:
        """Keep ``data`` (content-addressed by its SHA-256)."""
        self._put_blob(sha256, data)

    def has_blob(self, sha256: str) -> bool:
        """The raw bytes with this SHA-256 are kept."""
        return self.conn.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def _put_blob(self, sha256: str, data: bytes | Packed) -> None:
        if isinstance(data, bytes):  # packed here only if not kept already
            if self.has_blob(sha256):
                return
            data = pack(data)
        self.conn.execute(
            "INSERT OR IGNORE INTO blobs(sha256, size, compression, data) VALUES (?, ?, ?, ?)",
            (sha256, data.size, data.compression, data.data),
        )

    def blob(self, sha256: str) -> bytes | None:
        row = self.conn.execute("SELECT compression, data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            return None
        return unpack(str(row["compression"]), bytes(row["data"]))

    def _delete_document(self, doc_id: int) -> None:
        self.conn.execute("DELETE FROM screen_hits WHERE doc_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM doc_parties WHERE doc_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM findings WHERE doc_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM facts WHERE doc_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def _reviewed_findings(self, file_path: str) -> dict[tuple[object, ...], int]:
        """Findings of this file that carry a review, by a fingerprint that survives a re-scan."""
        rows = self.conn.execute(
            "SELECT f.id, d.path, f.category, f.item, f.provider, f.evidence FROM findings f"
            " JOIN documents d ON d.id = f.doc_id WHERE d.file_path = ? AND f.id IN"
            " (SELECT target_id FROM reviews WHERE target_type = 'finding')",
            (file_path,),
        ).fetchall()
        return {tuple(row[1:]): int(row[0]) for row in rows}

    def _carry_reviews(self, doc_id: int, doc_path: str, reviewed: dict[tuple[object, ...], int]) -> None:
        """Point reviews of a re-scanned document's findings at the new finding rows."""
        for row in self.conn.execute(
            "SELECT id, category, item, provider, evidence FROM findings WHERE doc_id = ?", (doc_id,)
        ).fetchall():
            old = reviewed.get((doc_path, *tuple(row[1:])))
            if old is not None:
                self.conn.execute(
                    "UPDATE reviews SET target_id = ?, doc_id = ? WHERE target_type = 'finding' AND target_id = ?",
                    (int(row[0]), doc_id, old),
                )

    def _insert_document(
        self, file_path: str, result: DocResult, stamp: str, doc_id: int | None = None,
        row: dict[str, Any] | None = None,
    ) -> int:
        """Insert one document and its facts, findings and parties; keep ``doc_id`` when
        re-scanning a known path, so reviews stay attached to their notice. ``row`` is the
        document's export row if the caller built it (else built here)."""
        if row is None:
            from tenderwatch.store.docrow import doc_row

            row = doc_row(result)
        notice = result.notice
        buyer_class = next((p.party_class for p in result.parties if p.role == "buyer"), None)
        prov = result.provenance
        indexed = int(result.relevant or bool(result.findings))
        cur = self.conn.execute(
            "INSERT OR REPLACE INTO documents(id, path, file_path, sha256, format, encoding, status, fail_reason,"
            " fail_detail, relevant, notice_type, title, project_no, notice_date, buyer, agency, amount_cny,"
            " region, listed, buyer_class, text, row_json, scanned_at, indexed, url, fetched_at, source,"
            " http_status, warc_file, warc_record_id, payload_digest, doc_kind, doc_kind_reasons, rule_status,"
            " truncated, priority, priority_json, lead_key, site)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc_id, result.path, file_path, result.sha256, result.fmt, result.encoding,
                row["status"],
                result.failure.reason.value if result.failure else None,
                result.failure.detail if result.failure else None,
                int(result.relevant), row.get("notice_type"), row.get("title"), row.get("project_no"),
                row.get("notice_date"), row.get("buyer"), row.get("agency"), row.get("amount_cny"),
                notice.region.value if notice is not None and notice.region is not None else None,
                int(bool(row.get("listed"))), buyer_class, result.text,
                _JSON(row), stamp,
                indexed,
                prov.url if prov else None, prov.fetched_at if prov else None,
                prov.source if prov else None, prov.http_status if prov else None,
                prov.warc_file if prov else None, prov.warc_record_id if prov else None,
                prov.payload_digest if prov else None,
                result.doc_kind or None,
                _JSON(result.doc_kind_reasons) if result.doc_kind_reasons else None,
                result.rule_status, result.truncated,
                row.get("priority") or 0.0, _JSON(row.get("priority_reasons") or []),
                row.get("lead_key"), row.get("site"),
            ),
        )
        doc_id = int(cur.lastrowid or 0)
        if indexed:
            title = row.get("title")
            self._folded[doc_id] = (title, result.text, _fold(title), _fold(result.text))
        if notice is not None:
            facts = [
                (name, getattr(notice, name))
                for name in ("title", "project_no", "notice_date", "buyer", "agency", "region")
            ]
            facts += [("supplier", fact) for fact in notice.suppliers]
            self.conn.executemany(
                'INSERT INTO facts(doc_id, name, raw, value, start, "end") VALUES (?,?,?,?,?,?)',
                [
                    (doc_id, name, fact.raw, None if fact.value is None else str(fact.value),
                     fact.start, fact.end)
                    for name, fact in facts if fact is not None
                ]
                + [
                    (doc_id, f"amount:{a.kind}", a.raw, None if a.value_cny is None else str(a.value_cny),
                     a.start, a.end)
                    for a in notice.amounts
                ],
            )
        if result.findings:  # most documents have none: no statement
            self.conn.executemany(
                "INSERT INTO findings(doc_id, category, item, provider, quantity, controlled, negated, confidence,"
                ' control_status, rule, evidence, start, "end", reason, rule_status, in_scope, quantity_note,'
                " mentions_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (doc_id, f.category, f.item, f.provider, f.quantity, int(f.controlled), int(f.negated),
                     f.confidence, f.control_status, f.rule, f.evidence, f.start, f.end, f.reason,
                     f.rule_status or None, int(f.in_scope), f.quantity_note or None,
                     _JSON(d["mentions"]) if d.get("mentions") else None)
                    for f, d in zip(result.findings, row.get("findings") or [{}] * len(result.findings), strict=True)
                ],
            )
        if result.parties:
            self._insert_parties(doc_id, result)
        return doc_id

    def _insert_parties(self, doc_id: int, result: DocResult) -> None:
        """The document's parties (each added to ``parties`` if new) and their list hits, one
        statement for each table."""
        party_ids = [self._party_id(p.key, p.name, p.party_class, p.class_reason) for p in result.parties]
        self.conn.executemany(
            'INSERT INTO doc_parties(doc_id, party_id, role, name, start, "end") VALUES (?,?,?,?,?,?)',
            [(doc_id, party_id, p.role, p.name, p.start, p.end)
             for p, party_id in zip(result.parties, party_ids, strict=True)],
        )
        hits = [
            (doc_id, party_id, party.role, party.name, str(hit.get("list_name", "")),
             hit.get("list_version"), hit.get("list_date"), hit.get("entry_id"),
             hit.get("entry_name"), float(hit.get("score", 0.0)), str(hit.get("relation", "match")),
             _JSON(hit.get("reasons", [])), hit.get("listed_since"),
             None if hit.get("listed_on_date") is None else int(bool(hit.get("listed_on_date"))),
             hit.get("list_meaning"))
            for party, party_id in zip(result.parties, party_ids, strict=True) for hit in party.hits
        ]
        if hits:
            self.conn.executemany(
                "INSERT INTO screen_hits(doc_id, party_id, role, name, list_name, list_version, list_date,"
                " entry_id, entry_name, score, relation, reasons_json, listed_since, listed_on_date, list_meaning)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                hits,
            )

    def _party_id(self, key: str, name: str, party_class: str, reason: str) -> int:
        row = self.conn.execute("SELECT id FROM parties WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return int(row[0])
        cur = self.conn.execute(
            "INSERT INTO parties(key, name, class, class_reason) VALUES (?,?,?,?)",
            (key, name, party_class, reason),
        )
        return int(cur.lastrowid or 0)

    # -- runs -----------------------------------------------------------------------

    def start_run(self, inputs: list[str]) -> int:
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO runs(started_at, inputs) VALUES (?, ?)", (now_iso(), json.dumps(inputs))
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, counts_json = ? WHERE id = ?",
                (now_iso(), json.dumps(counts, ensure_ascii=False), run_id),
            )
