"""Raw bytes in ``blobs``: packed with zstd where the file was read, old zlib rows still read."""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

from tenderwatch.store.blobcodec import pack, unpack
from tenderwatch.store.db import Store

PAGE = ("<html><body>" + "示例大学GPU服务器采购项目公告，预算金额120万元。" * 200 + "</body></html>").encode("utf-8")


def test_packed_bytes_read_back_and_incompressible_bytes_stay_raw() -> None:
    packed = pack(PAGE)
    assert packed.compression == "zstd" and len(packed.data) < len(PAGE) // 5 and packed.size == len(PAGE)
    assert unpack(packed.compression, packed.data) == PAGE
    noise = bytes(range(256))
    assert pack(noise).compression == "raw" and unpack("raw", pack(noise).data) == noise
    assert pack(b"").compression == "raw" and unpack("raw", b"") == b""


def test_a_zlib_blob_of_an_older_store_still_reads(tmp_path: Path) -> None:
    sha = hashlib.sha256(PAGE).hexdigest()
    with Store(tmp_path / "s.db") as store:
        store.conn.execute("INSERT INTO blobs(sha256, size, compression, data) VALUES (?, ?, 'zlib', ?)",
                           (sha, len(PAGE), zlib.compress(PAGE, 1)))
        store.put_blob(sha, PAGE)  # kept already: not written again
        assert store.blob(sha) == PAGE
        assert [tuple(r) for r in store.conn.execute("SELECT compression FROM blobs")] == [("zlib",)]


def test_bytes_packed_by_a_worker_are_stored_once_with_their_size(tmp_path: Path) -> None:
    sha = hashlib.sha256(PAGE).hexdigest()
    with Store(tmp_path / "s.db") as store:
        store.save_file("a.html", pack(PAGE), sha, "v", [])
        store.save_file("b.html", pack(PAGE), sha, "v", [])  # the same bytes under another name
        assert store.blob(sha) == PAGE
        assert tuple(store.conn.execute("SELECT COUNT(*), MAX(size), MAX(compression) FROM blobs").fetchone()) == (
            1, len(PAGE), "zstd")
        assert [tuple(r) for r in store.conn.execute("SELECT path, size FROM files ORDER BY path")] == [
            ("a.html", len(PAGE)), ("b.html", len(PAGE))]
