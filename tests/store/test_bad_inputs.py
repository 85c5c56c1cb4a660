"""Bad input never stops a scan: each bad file is stored as failed with a clear reason."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from tenderwatch.read import Limits
from tenderwatch.scan import scan
from tenderwatch.store.db import Store
from tenderwatch.store.queries import iter_rows


def test_a_folder_of_bad_files_scans_through(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(os.urandom(1024))
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n")
    (folder / "notdocx.docx").write_bytes(b"not a docx \x00\x01\x02" * 20)
    (folder / "broken.html").write_text("<html><body><div><p>未闭合 <b>采购", encoding="utf-8")
    with zipfile.ZipFile(folder / "slip.zip", "w") as archive:
        archive.writestr("../evil.txt", "采购人：示例大学")
        archive.writestr("ok.txt", "示例大学显卡采购公告\n采购人：示例大学\n预算金额：10万元\n")
    with zipfile.ZipFile(folder / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"0" * (2 * 1024 * 1024))
    (folder / "huge.txt").write_bytes(b"x" * 3000)
    limits = Limits(max_file_bytes=2900, max_zip_total_bytes=1024 * 1024)
    with Store(tmp_path / "s.db") as store:
        counts = scan([folder], store, limits=limits)
        rows = {row["path"]: row for row in iter_rows(store)}
    assert counts.files == 8
    reasons = {path: (row["failure"] or {}).get("reason") for path, row in rows.items()}
    assert reasons == {
        "binary.bin": "unsupported_format",
        "bomb.zip": "unsafe_archive",
        "broken.html": None,
        "empty.txt": "empty",
        "huge.txt": "too_large",
        "notdocx.docx": "corrupt",
        "slip.zip#../evil.txt": "unsafe_archive",
        "slip.zip#ok.txt": None,
        "truncated.pdf": "corrupt",
    }
    assert all(row["failure"]["detail"] for row in rows.values() if row["failure"])
    assert rows["slip.zip#ok.txt"]["buyer"] == "示例大学"
