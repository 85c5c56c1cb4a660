"""Zip archives: members as documents, unsafe names, bombs, encryption, nesting."""

from __future__ import annotations

import zipfile

from tenderwatch.model import FailReason, ReadFailure, TextDoc
from tenderwatch.read import Limits, read_bytes
from tenderwatch.read.archive import member_name

from .builders import build_docx, make_pdf, make_zip, mark_encrypted, one_failure

HTML = "<html><body><p>采购H100服务器</p></body></html>".encode()


def by_path(results: list[TextDoc | ReadFailure]) -> dict[str, TextDoc | ReadFailure]:
    return {r.path: r for r in results}


def test_members_are_read_with_member_paths() -> None:
    inner = make_zip({"deep/notice.txt": "租赁A800算力".encode()})
    data = make_zip(
        {
            "公告/notice.html": HTML,
            "附件.pdf": make_pdf(["8 x H20"]),
            "spec.docx": build_docx(),
            "inner.zip": inner,
            "__MACOSX/._notice.html": b"junk",
            "folder/": b"",
        }
    )
    out = by_path(read_bytes(data, "batch/a.zip"))
    assert set(out) == {
        "batch/a.zip#公告/notice.html",
        "batch/a.zip#附件.pdf",
        "batch/a.zip#spec.docx",
        "batch/a.zip#inner.zip#deep/notice.txt",
    }
    assert all(isinstance(r, TextDoc) for r in out.values())
    nested = out["batch/a.zip#inner.zip#deep/notice.txt"]
    assert isinstance(nested, TextDoc) and nested.text == "租赁A800算力"


def test_legacy_gbk_member_names_are_decoded() -> None:
    # Zips made on Chinese Windows store GBK names without the UTF-8 flag;
    # zipfile then decodes them as cp437.
    legacy = zipfile.ZipInfo("公告.txt".encode("gbk").decode("cp437"))
    legacy.flag_bits = 0
    assert member_name(legacy) == "公告.txt"


def test_unsafe_member_names_are_refused_others_read() -> None:
    data = make_zip(
        {"../../etc/evil.html": HTML, "/abs/x.txt": b"abs", "C:\\win.txt": b"w", "ok.txt": b"fine"}
    )
    out = by_path(read_bytes(data, "u.zip"))
    for bad in ("u.zip#../../etc/evil.html", "u.zip#/abs/x.txt", "u.zip#C:/win.txt"):  # \\ shown as /
        fail = out[bad]
        assert isinstance(fail, ReadFailure) and fail.reason is FailReason.UNSAFE_ARCHIVE
    ok = out["u.zip#ok.txt"]
    assert isinstance(ok, TextDoc) and ok.text == "fine"


def test_zip_bomb_member_is_refused() -> None:
    data = make_zip({"bomb.txt": b"\x00" * (20 * 1024 * 1024), "ok.txt": b"fine"})
    assert len(data) < 100_000
    out = by_path(read_bytes(data, "bomb.zip"))
    bomb = out["bomb.zip#bomb.txt"]
    assert isinstance(bomb, ReadFailure) and bomb.reason is FailReason.UNSAFE_ARCHIVE
    assert "ratio" in bomb.detail
    assert isinstance(out["bomb.zip#ok.txt"], TextDoc)


def test_total_size_and_member_count_limits() -> None:
    data = make_zip({f"n{i}.txt": b"x" * 1000 for i in range(10)})
    fail = one_failure(read_bytes(data, "z.zip", Limits(max_zip_total_bytes=5000)))
    assert fail.reason is FailReason.UNSAFE_ARCHIVE
    fail = one_failure(read_bytes(data, "z.zip", Limits(max_zip_members=5)))
    assert fail.reason is FailReason.UNSAFE_ARCHIVE


def test_nesting_depth_limit() -> None:
    data = make_zip({"a.txt": b"level3"})
    for _ in range(4):
        data = make_zip({"next.zip": data})
    out = read_bytes(data, "n.zip", Limits(max_zip_depth=3))
    assert len(out) == 1
    assert isinstance(out[0], ReadFailure) and out[0].reason is FailReason.UNSAFE_ARCHIVE
    assert out[0].path.count("#") == 3


def test_encrypted_member() -> None:
    data = mark_encrypted(make_zip({"secret.html": HTML}))
    fail = one_failure(read_bytes(data, "enc.zip"))
    assert fail.reason is FailReason.ENCRYPTED
    assert fail.path == "enc.zip#secret.html"


def test_docx_bomb_is_refused_before_parsing() -> None:
    data = make_zip({"word/document.xml": b" " * (20 * 1024 * 1024), "[Content_Types].xml": b"<x/>"})
    fail = one_failure(read_bytes(data, "bomb.docx"))
    assert fail.reason is FailReason.UNSAFE_ARCHIVE


def test_corrupt_zip() -> None:
    data = make_zip({"a.txt": b"hello" * 100})
    fail = one_failure(read_bytes(data[:40], "cut.zip"))
    assert fail.reason is FailReason.CORRUPT


def test_gzipped_jsonl_export_and_gzip_bomb() -> None:
    import gzip

    lines = b'{"id": "n1", "title": "GPU rental"}\n{"id": "n2", "title": "H20 servers"}\n'
    out = read_bytes(gzip.compress(lines), "crawl/export.jsonl.gz")
    assert [r.path for r in out] == ["crawl/export.jsonl.gz#n1", "crawl/export.jsonl.gz#n2"]
    assert all(isinstance(r, TextDoc) and r.fmt == "jsonl" for r in out)
    fail = one_failure(read_bytes(gzip.compress(b"\x00" * (20 * 1024 * 1024)), "bomb.txt.gz"))
    assert fail.reason is FailReason.UNSAFE_ARCHIVE
    fail = one_failure(read_bytes(gzip.compress(lines)[:20], "cut.jsonl.gz"))
    assert fail.reason is FailReason.CORRUPT
