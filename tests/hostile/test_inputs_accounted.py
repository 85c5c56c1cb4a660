"""What the scan is given is what it reads, and every input leaves a row: walker skips,
escaped names, vanished files, store refusals, per-document timeouts, truncation marks."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import tenderwatch.pipeline
from tenderwatch.cli.main import main
from tenderwatch.model import DocResult, Finding, TextDoc
from tenderwatch.read import Limits, read_bytes, walk
from tenderwatch.scan import scan
from tenderwatch.store.db import Store
from tenderwatch.store.queries import iter_rows

NOTICE = "示例大学GPU服务器采购公告\n采购人：示例大学\n预算金额：120万元\n采购内容：NVIDIA A100 80GB 服务器2台\n"


def _rows(db: Path) -> dict[str, dict[str, Any]]:
    with Store(db) as store:
        return {row["path"]: row for row in iter_rows(store)}


def _reasons(rows: dict[str, dict[str, Any]]) -> dict[str, tuple[str, str | None]]:
    return {p: (r["status"], (r["failure"] or {}).get("reason")) for p, r in rows.items()}


def test_symlinks_fifos_and_odd_names_are_each_accounted_for(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(NOTICE, encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "x.json").write_text(json.dumps([{"title": "一", "content": NOTICE}, {"title": "二", "content": NOTICE}],
                                              ensure_ascii=False), encoding="utf-8")
    (folder / "x.json#1").write_text(NOTICE, encoding="utf-8")  # must not replace record 1 of x.json
    (folder / "sub" / "inside.txt").write_text(NOTICE, encoding="utf-8")
    os.symlink(outside, folder / "link-out.txt")
    os.symlink(folder / "sub" / "inside.txt", folder / "link-in.txt")
    os.symlink(tmp_path / "missing", folder / "dangling.txt")
    os.symlink(tmp_path, folder / "dirlink")
    os.mkfifo(folder / "pipe")
    gbk = os.fsencode(folder) + b"/" + "采购公告.txt".encode("gbk")
    with open(gbk, "wb") as handle:
        handle.write(NOTICE.encode("utf-8"))
    db = tmp_path / "s.db"
    with Store(db) as store:
        counts = scan([folder], store, timeout=20)
    rows = _reasons(_rows(db))
    assert rows == {
        "a.txt": ("ok", None),
        "x.json#0": ("ok", None),
        "x.json#1": ("ok", None),
        "x.json\\x231": ("ok", None),
        "sub/inside.txt": ("ok", None),
        "link-in.txt": ("ok", None),
        "link-out.txt": ("skipped", "symlink_outside"),
        "dangling.txt": ("skipped", "not_a_file"),
        "dirlink/": ("skipped", "symlink_outside"),
        "pipe": ("skipped", "not_a_file"),
        "\\xb2ɹ\\xba\\xb9\\xab\\xb8\\xe6.txt": ("ok", None),  # GBK bytes; c9 b9 happen to be UTF-8
    }
    assert counts.files == 10 == counts.skipped + counts.not_read + counts.read
    assert counts.not_read == 4
    # --follow-symlinks reads them
    with Store(tmp_path / "f.db") as store:
        scan([folder], store, timeout=20, follow_symlinks=True)
    followed = _reasons(_rows(tmp_path / "f.db"))
    assert followed["link-out.txt"] == ("ok", None)
    assert followed["dirlink/outside.txt"] == ("ok", None)


def test_a_file_that_vanishes_mid_scan_is_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(NOTICE, encoding="utf-8")

    def progress(number: int, display: str) -> None:
        if display == "b.txt":
            (folder / "b.txt").unlink()

    with Store(tmp_path / "s.db") as store:
        counts = scan([folder], store, timeout=20, progress=progress)
    assert _reasons(_rows(tmp_path / "s.db"))["b.txt"] == ("skipped", "vanished")
    assert counts.files == 3 and counts.read == 2 and counts.not_read == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without read permission")
def test_unreadable_folder_is_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "a.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        assert [(i.display, i.skip) for i in walk([folder])] == [("locked/", "unreadable")]
    finally:
        (folder / "locked").chmod(0o755)


@pytest.mark.parametrize("bulk", [False, True])  # a bulk writer's savepoint journal is in memory
def test_what_the_store_refuses_fails_that_document_only(tmp_path: Path, bulk: bool) -> None:
    good = DocResult(path="f.json#1", sha256="0" * 64, fmt="json", text="示例")
    huge = DocResult(path="f.json#2", sha256="0" * 64, fmt="json", text="示例", findings=[
        Finding(category="chip", item="A100", provider="NVIDIA", quantity=2**70, controlled=True, negated=False,
                confidence=1.0, control_status="", rule="r", evidence="A100", start=0, end=4, reason="")
    ])
    bad_text = DocResult(path="f.json#3", sha256="0" * 64, fmt="json", text="a\ud800b")
    with Store(tmp_path / "s.db", bulk=bulk) as store:
        saved = store.save_file("f.json", b"{}", "0" * 64, "v", [good, huge, bad_text])
        rows = {row["path"]: row for row in iter_rows(store)}
    assert [r.failure.reason.value if r.failure else None for r in saved] == [None, "store_error", "store_error"]
    assert _reasons(rows) == {"f.json#1": ("ok", None), "f.json#2": ("failed", "store_error"),
                              "f.json#3": ("failed", "store_error")}
    assert "OverflowError" in rows["f.json#2"]["failure"]["detail"]


def test_timeout_is_stored_as_timeout_and_rearmed_for_the_next_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tenderwatch.pipeline.process_text

    def slow_on_marker(doc: TextDoc, sha: str) -> DocResult:
        if "慢" in doc.text:
            time.sleep(5)  # Python code: the alarm interrupts it
        return real(doc, sha)

    monkeypatch.setattr(tenderwatch.pipeline, "process_text", slow_on_marker)
    records = [{"id": str(i), "title": f"公告{i}", "content": NOTICE + ("慢" if i in (1, 3) else "")}
               for i in range(5)]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        started = time.monotonic()
        counts = scan([path], store, timeout=0.5)
        took = time.monotonic() - started
    rows = _reasons(_rows(tmp_path / "s.db"))
    assert rows == {
        "crawl.jsonl#0": ("ok", None), "crawl.jsonl#1": ("failed", "timeout"), "crawl.jsonl#2": ("ok", None),
        "crawl.jsonl#3": ("failed", "timeout"), "crawl.jsonl#4": ("ok", None),
    }
    assert counts.failures == {"timeout": 2}
    assert took < 4.5  # neither slow record ran to its end


def test_a_document_cut_by_a_limit_is_marked_truncated(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(NOTICE * 50, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        scan([path], store, limits=Limits(max_chars=len(NOTICE) * 2))
        (row,) = iter_rows(store)
        stored = store.conn.execute("SELECT truncated FROM documents").fetchone()[0]
    assert "cut to" in row["truncated"] and stored == row["truncated"]


def test_a_pdf_cut_at_the_page_limit_is_marked_truncated(tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    from read.builders import make_pdf  # tests/read/builders.py

    pdf = pdfium.PdfDocument(make_pdf(["first page GPU"]))
    for _ in range(2):
        pdf.import_pages(pdfium.PdfDocument(make_pdf(["more pages"])))
    pdf.save(tmp_path / "long.pdf")
    with Store(tmp_path / "s.db") as store:
        scan([tmp_path / "long.pdf"], store, limits=Limits(max_pdf_pages=1))
        (row,) = iter_rows(store)
        stored = store.conn.execute("SELECT truncated FROM documents").fetchone()[0]
    assert row["status"] == "ok" and "1 of 3" in row["truncated"] and stored == row["truncated"]


def test_python_docx_own_errors_are_corrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("expected <class 'docx.oxml.text.paragraph.CT_P'>, got <class 'NoneType'>")

    monkeypatch.setattr("docx.Document", broken)
    (failure,) = read_bytes(buffer.getvalue(), "d.docx")
    assert getattr(failure, "reason", None) == "corrupt"


def test_export_has_a_row_for_every_input(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(NOTICE, encoding="utf-8")
    os.mkfifo(folder / "pipe")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["scan", "-q", "--db", str(db), str(folder)])
    assert result.exit_code == 0, result.output
    assert "1 not read: not_a_file: 1" in result.output
    out = CliRunner().invoke(main, ["export", "--db", str(db)]).output
    rows = [json.loads(line) for line in out.splitlines()]
    assert {(r["path"], r["status"]) for r in rows} == {("a.txt", "ok"), ("pipe", "skipped")}
    assert all(isinstance(row, dict) and "status" in row for row in rows)
