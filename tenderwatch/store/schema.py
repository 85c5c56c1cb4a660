"""The SQLite schema of a scan store, applied by numbered migrations.

One file the user owns. Tables (see ARCHITECTURE.md for the full description):

- ``blobs``: raw bytes of every input file, content-addressed by SHA-256 (``compression``: zstd; zlib in
  stores written before; raw when packing does not pay; see ``blobcodec.py``).
- ``files``: each input file scanned, its hash and when; drives resume/re-scan.
- ``documents``: one row per notice (a file, or ``FILE#KEY`` inside a container),
  with the parsed fields, status (``ok``/``failed``) and the failure reason,
  and ``row_json``: the export row as built at scan time.
- ``facts``: each extracted field with raw text, cleaned value and source span.
- ``findings``: each lead with evidence span, control status and rule.
- ``parties`` / ``doc_parties``: buyers, agencies and suppliers resolved across
  notices by a canonical key, with the names as written.
- ``screen_hits``: restricted-list hits per party, with list version and reasons.
- ``reviews``: the review audit trail (who, when, what changed).
- ``fetches``: every fetch of a web document (WARC record or collect run): URL, time, HTTP
  status, WARC file/offset/record id, payload digest, what the scan did with it.
- ``search_fts``: FTS5 (trigram tokenizer, so Chinese substrings match) over the
  folded title and text of the leads (migration 7; ``notices_fts`` before it).
- ``collect_windows`` / ``collect_items`` / ``collect_budget``: collect progress per
  (source, query, day window), list items already stored, requests per source and day.
- ``saved_searches``, ``search_matches``, ``alert_outbox``, ``watch_channels``,
  ``watch_rounds``: the watch (migration 11): searches saved under a name (the Leads
  page's query string), every lead each search matched (frozen alert), one outbox row
  per alert and channel with its send attempts, each channel's last success/failure,
  and a line per watch round.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            compression TEXT NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            pipeline_version TEXT NOT NULL,
            scanned_at TEXT NOT NULL
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            file_path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            format TEXT,
            encoding TEXT,
            status TEXT NOT NULL,
            fail_reason TEXT,
            fail_detail TEXT,
            relevant INTEGER NOT NULL DEFAULT 0,
            notice_type TEXT,
            title TEXT,
            project_no TEXT,
            notice_date TEXT,
            buyer TEXT,
            agency TEXT,
            amount_cny REAL,
            region TEXT,
            listed INTEGER NOT NULL DEFAULT 0,
            buyer_class TEXT,
            text TEXT NOT NULL DEFAULT '',
            row_json TEXT NOT NULL,
            scanned_at TEXT NOT NULL
        );
        CREATE INDEX documents_relevant ON documents(relevant, notice_date);
        CREATE INDEX documents_project ON documents(project_no);
        CREATE INDEX documents_file ON documents(file_path);
        CREATE TABLE facts (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            raw TEXT,
            value TEXT,
            start INTEGER,
            "end" INTEGER
        );
        CREATE INDEX facts_doc ON facts(doc_id);
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            item TEXT,
            provider TEXT,
            quantity INTEGER,
            controlled INTEGER NOT NULL,
            negated INTEGER NOT NULL,
            confidence REAL NOT NULL,
            control_status TEXT,
            rule TEXT,
            evidence TEXT,
            start INTEGER,
            "end" INTEGER,
            reason TEXT
        );
        CREATE INDEX findings_doc ON findings(doc_id);
        CREATE INDEX findings_item ON findings(item);
        CREATE INDEX findings_provider ON findings(provider);
        CREATE TABLE parties (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            class TEXT,
            class_reason TEXT
        );
        CREATE TABLE doc_parties (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            party_id INTEGER NOT NULL REFERENCES parties(id),
            role TEXT NOT NULL,
            name TEXT NOT NULL,
            start INTEGER,
            "end" INTEGER
        );
        CREATE INDEX doc_parties_doc ON doc_parties(doc_id);
        CREATE INDEX doc_parties_party ON doc_parties(party_id);
        CREATE TABLE screen_hits (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            party_id INTEGER REFERENCES parties(id),
            role TEXT NOT NULL,
            name TEXT NOT NULL,
            list_name TEXT NOT NULL,
            list_version TEXT,
            list_date TEXT,
            entry_id TEXT,
            entry_name TEXT,
            score REAL NOT NULL,
            relation TEXT NOT NULL,
            reasons_json TEXT NOT NULL
        );
        CREATE INDEX screen_hits_doc ON screen_hits(doc_id);
        CREATE INDEX screen_hits_party ON screen_hits(party_id);
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            target_type TEXT NOT NULL,
            target_id INTEGER NOT NULL,
            doc_id INTEGER NOT NULL,
            status TEXT NOT NULL,
            previous_status TEXT,
            note TEXT,
            who TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX reviews_doc ON reviews(doc_id);
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            inputs TEXT NOT NULL,
            counts_json TEXT
        );
        CREATE VIRTUAL TABLE notices_fts USING fts5(
            title, text, content='documents', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO notices_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO notices_fts(notices_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        """,
    ),
    (
        2,
        """
        -- Workbench reads (tenderwatch/store/leads.py): one covering index serves the Leads
        -- filters, counts and the default sort without reading the wide document rows;
        -- reviews are looked up per target for the current status.
        CREATE INDEX documents_leads ON documents(
            relevant, notice_date, buyer_class, region, notice_type, listed, amount_cny, buyer
        );
        CREATE INDEX documents_buyer ON documents(buyer);
        CREATE INDEX reviews_target ON reviews(target_type, target_id, id);
        CREATE INDEX findings_category ON findings(category);
        """,
    ),
    (
        3,
        """
        -- The trigram index is the costliest write of a scan (about two thirds of the store's
        -- time per notice). It now covers the leads: notices that are relevant or carry any
        -- finding (flag ``indexed``). Other notices are searched by substring scan.
        ALTER TABLE documents ADD COLUMN indexed INTEGER NOT NULL DEFAULT 1;
        DROP TRIGGER documents_ai;
        DROP TRIGGER documents_ad;
        CREATE TRIGGER documents_ai AFTER INSERT ON documents WHEN new.indexed = 1 BEGIN
            INSERT INTO notices_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents WHEN old.indexed = 1 BEGIN
            INSERT INTO notices_fts(notices_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        """,
    ),
    (
        4,
        """
        -- Provenance of documents fetched from the web or read from a WARC file (collect),
        -- what kind of document it is (news, seller page ... or a notice), the strongest rule
        -- status of its findings on the notice date, what a limit cut, and listing dates of
        -- screening hits. Migrations 5+ are taken by the stages that add tables of their own.
        ALTER TABLE documents ADD COLUMN url TEXT;
        ALTER TABLE documents ADD COLUMN fetched_at TEXT;
        ALTER TABLE documents ADD COLUMN source TEXT;
        ALTER TABLE documents ADD COLUMN http_status INTEGER;
        ALTER TABLE documents ADD COLUMN warc_file TEXT;
        ALTER TABLE documents ADD COLUMN warc_record_id TEXT;
        ALTER TABLE documents ADD COLUMN payload_digest TEXT;
        ALTER TABLE documents ADD COLUMN doc_kind TEXT;
        ALTER TABLE documents ADD COLUMN doc_kind_reasons TEXT;
        ALTER TABLE documents ADD COLUMN rule_status TEXT;
        ALTER TABLE documents ADD COLUMN truncated TEXT;
        CREATE INDEX documents_url ON documents(url);
        ALTER TABLE findings ADD COLUMN rule_status TEXT;
        ALTER TABLE screen_hits ADD COLUMN listed_since TEXT;
        ALTER TABLE screen_hits ADD COLUMN listed_on_date INTEGER;
        ALTER TABLE screen_hits ADD COLUMN list_meaning TEXT;
        """,
    ),
    (
        5,
        """
        -- Collect progress (tenderwatch/collect): each (source, query, day window) complete or
        -- incomplete with why and pages done; each list item whose notices are stored (so a
        -- resumed or overlapping run does not fetch them again); requests per source and day
        -- (the daily budget holds across runs).
        CREATE TABLE collect_windows (
            source TEXT NOT NULL,
            query TEXT NOT NULL,
            day_from TEXT NOT NULL,
            day_until TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            pages_done INTEGER NOT NULL DEFAULT 0,
            pages_total INTEGER,
            notices INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (source, query, day_from, day_until)
        );
        CREATE TABLE collect_items (
            source TEXT NOT NULL,
            item_key TEXT NOT NULL,
            doc_url TEXT,
            done_at TEXT NOT NULL,
            PRIMARY KEY (source, item_key)
        );
        CREATE TABLE collect_budget (
            source TEXT NOT NULL,
            day TEXT NOT NULL,
            requests INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source, day)
        );
        """,
    ),
    (
        6,
        """
        -- Every fetch of a web document seen in a WARC file or a collect run (store/fetches.py):
        -- the document is the newest fetch of its path; older fetches stay here with their
        -- payload in blobs, so each archived version can be shown. Re-reading the same record
        -- adds nothing (fetch_key: the WARC-Record-ID and path, else file, offset and digest).
        CREATE TABLE fetches (
            id INTEGER PRIMARY KEY,
            fetch_key TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            url TEXT NOT NULL,
            fetched_at TEXT,
            http_status INTEGER,
            media_type TEXT,
            source TEXT,
            warc_file TEXT,
            warc_offset INTEGER,
            warc_record_id TEXT,
            payload_digest TEXT,
            sha256 TEXT,
            http_headers TEXT,
            outcome TEXT NOT NULL,
            seen_at TEXT NOT NULL
        );
        CREATE INDEX fetches_path ON fetches(path, fetched_at);
        CREATE INDEX fetches_url ON fetches(url);
        """,
    ),
    (
        7,
        """
        -- Numbers a reporter can publish (issue 9). ``findings.controlled`` now means "restricted
        -- on the notice date" (agreeing with rule_status); what counted toward relevance, which
        -- it meant before, moves to ``in_scope``. Each finding lists every place it is written.
        ALTER TABLE findings ADD COLUMN in_scope INTEGER;
        UPDATE findings SET in_scope = controlled;
        ALTER TABLE findings ADD COLUMN quantity_note TEXT;
        ALTER TABLE findings ADD COLUMN mentions_json TEXT;
        -- A lead's priority (with its reasons), the key that joins reposts of one notice (same
        -- project number and type, else same text) and the site it was published on.
        ALTER TABLE documents ADD COLUMN priority REAL NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN priority_json TEXT;
        ALTER TABLE documents ADD COLUMN lead_key TEXT;
        ALTER TABLE documents ADD COLUMN site TEXT;
        CREATE INDEX documents_lead_key ON documents(lead_key, relevant);  -- (+ id): repost lookups read only the index
        -- the Leads filters' covering index gains lead_key, so "one lead per repost" reads no row
        DROP INDEX documents_leads;
        CREATE INDEX documents_leads ON documents(
            relevant, notice_date, buyer_class, region, notice_type, listed, amount_cny, buyer, lead_key
        );
        CREATE INDEX documents_priority ON documents(relevant, priority, lead_key);  -- lead_key: the repost test reads no row
        -- Search matches whatever script and width the user types: the trigram index holds the
        -- folded text (NFKC, traditional -> simplified, lower case; ``tw_fold``, registered on
        -- every connection by Store), one character for one, so a match's offsets are the text's.
        DROP TRIGGER documents_ai;
        DROP TRIGGER documents_ad;
        DROP TABLE notices_fts;
        CREATE VIRTUAL TABLE search_fts USING fts5(title, text, content='', tokenize='trigram');
        CREATE TRIGGER documents_ai AFTER INSERT ON documents WHEN new.indexed = 1 BEGIN
            INSERT INTO search_fts(rowid, title, text) VALUES (new.id, tw_fold(new.title), tw_fold(new.text));
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents WHEN old.indexed = 1 BEGIN
            INSERT INTO search_fts(search_fts, rowid, title, text)
            VALUES ('delete', old.id, tw_fold(old.title), tw_fold(old.text));
        END;
        INSERT INTO search_fts(rowid, title, text)
            SELECT id, tw_fold(title), tw_fold(text) FROM documents WHERE indexed = 1;
        """,
    ),
    (
        11,
        """
        -- The watch (tenderwatch/watch, store/searches.py, store/outbox.py). A saved search is
        -- the Leads page's query string under a name; ``uid`` never repeats (ids of removed
        -- searches could), so alert keys made from it never collide with an old alert's.
        CREATE TABLE saved_searches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE,
            query TEXT NOT NULL,
            origin TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- Every lead a search has matched, by document path (ids can change when a file is
        -- re-scanned into new documents). ``baseline`` = 1: it already matched when the search was
        -- saved or changed, so it is no new lead and no alert was made; else ``alert_json`` holds
        -- the alert as it was made, sent unchanged to every channel (and again after a crash).
        CREATE TABLE search_matches (
            search_id INTEGER NOT NULL REFERENCES saved_searches(id),
            doc_path TEXT NOT NULL,
            doc_id INTEGER,
            matched_at TEXT NOT NULL,
            baseline INTEGER NOT NULL,
            alert_key TEXT UNIQUE,
            alert_json TEXT,
            PRIMARY KEY (search_id, doc_path)
        );
        CREATE INDEX search_matches_new ON search_matches(baseline, matched_at);
        -- One row per (alert, channel), written in the same transaction as the match; ``key`` is
        -- the Message-ID / Idempotency-Key a resend carries again. ``attempts`` is counted before
        -- each send: a row still pending with attempts > 0 may have arrived before a crash.
        CREATE TABLE alert_outbox (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            alert_key TEXT NOT NULL REFERENCES search_matches(alert_key),
            channel TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            last_attempt_at TEXT,
            sent_at TEXT,
            last_error TEXT
        );
        CREATE INDEX alert_outbox_pending ON alert_outbox(channel, status, attempts, id);
        CREATE TABLE watch_channels (
            channel TEXT PRIMARY KEY,
            target TEXT,
            last_ok_at TEXT,
            last_error_at TEXT,
            last_error TEXT,
            failing_since TEXT
        );
        CREATE TABLE watch_rounds (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT,
            summary_json TEXT
        );
        """,
    ),
    (
        12,
        """
        -- The trigram index in bulk (issue 13): a lead inserted during a scan is queued in
        -- fts_pending and indexed with the others of its batch when the store commits
        -- (Store.commit), one INSERT ... SELECT per batch instead of a trigger per row. A queued
        -- document deleted before that is only dequeued (it is not in the index yet).
        CREATE TABLE fts_pending (id INTEGER PRIMARY KEY);
        DROP TRIGGER documents_ai;
        DROP TRIGGER documents_ad;
        CREATE TRIGGER documents_ai AFTER INSERT ON documents WHEN new.indexed = 1 BEGIN
            INSERT OR IGNORE INTO fts_pending(id) VALUES (new.id);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents WHEN old.indexed = 1 BEGIN
            INSERT INTO search_fts(search_fts, rowid, title, text)
            SELECT 'delete', old.id, tw_fold(old.title), tw_fold(old.text)
            WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id);
            DELETE FROM fts_pending WHERE id = old.id;
        END;
        """,
    ),
    (
        13,
        """
        -- The writer's CPU (issue 13). FTS5 keeps new index entries in memory until this many
        -- bytes (default 1 MB, less than one batch of leads), then writes a segment: with 16 MB a
        -- batch is one segment, written once. Segments are merged 16 at a time instead of 4, so each
        -- entry is rewritten about half as often (a search reads a few more segments; 'optimize'
        -- merges them all). Both settings are kept in the index itself.
        INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', 16000000);
        INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 16);
        -- documents_leads (relevant, notice_date, ...) serves every lookup this index served.
        DROP INDEX documents_relevant;
        """,
    ),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


class NewerStoreError(RuntimeError):
    """The store was written by a newer tenderwatch: its rows may be in a form this version misreads
    (raw bytes packed with a codec it does not know, say), so it is not opened at all."""


def check_not_newer(done: set[int]) -> None:
    newest = max(done, default=0)
    if newest > SCHEMA_VERSION:
        raise NewerStoreError(
            f"this store was written by a newer tenderwatch (schema {newest}; this version knows up to "
            f"{SCHEMA_VERSION}): upgrade tenderwatch to open it"
        )


def applied(conn: sqlite3.Connection) -> set[int]:
    """The migrations a store has (none for a file that is not a store yet)."""
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
    return {row[0] for row in conn.execute("SELECT version FROM _migrations")} if has else set()


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this store lacks; return the schema version. A store written by a newer
    version is refused (``NewerStoreError``) before anything is changed."""
    check_not_newer(applied(conn))
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM _migrations")}
    for version, script in MIGRATIONS:
        if version in done:
            continue
        with conn:
            for statement in _split(script):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO _migrations(version, applied_at) VALUES (?, datetime('now'))", (version,)
            )
    return SCHEMA_VERSION


def _split(script: str) -> list[str]:
    """Split a migration script into statements (triggers contain ';' inside BEGIN..END)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
