"""PDF: text layer, scanned (no text), encrypted, truncated; dev-corpus PDFs with CID fonts."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tenderwatch.model import FailReason
from tenderwatch.read import Limits, read_bytes

from .builders import make_pdf, one_doc, one_failure


def test_text_layer_is_read() -> None:
    doc = one_doc(read_bytes(make_pdf(["Tender for 8 x NVIDIA A100 80GB", "Budget: CNY 1,200,000"]), "t.pdf"))
    assert doc.fmt == "pdf"
    assert doc.text.split("\n") == ["Tender for 8 x NVIDIA A100 80GB", "Budget: CNY 1,200,000"]
    assert doc.meta["pages"] == "1"


def test_pages_are_separated_and_page_limit_applies() -> None:
    pdf = pdfium.PdfDocument(make_pdf(["first page"]))
    other = pdfium.PdfDocument(make_pdf(["second page"]))
    pdf.import_pages(other)
    pdf.import_pages(other)
    import io

    buf = io.BytesIO()
    pdf.save(buf)
    doc = one_doc(read_bytes(buf.getvalue(), "three.pdf"))
    assert doc.text == "first page\n\f\nsecond page\n\f\nsecond page"
    doc = one_doc(read_bytes(buf.getvalue(), "three.pdf", Limits(max_pdf_pages=1)))
    assert doc.text == "first page"
    assert "1 of 3" in doc.meta["truncated"]


def test_pdf_without_text_layer_is_no_text() -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    import io

    buf = io.BytesIO()
    pdf.save(buf)
    fail = one_failure(read_bytes(buf.getvalue(), "scan.pdf"))
    assert fail.reason is FailReason.NO_TEXT
    assert "OCR" in fail.detail


def test_password_protected_pdf_is_encrypted() -> None:
    fail = one_failure(read_bytes(make_pdf(["secret"], encrypt=True), "locked.pdf"))
    assert fail.reason is FailReason.ENCRYPTED


def test_truncated_pdf_is_corrupt() -> None:
    data = make_pdf(["some text here"])
    fail = one_failure(read_bytes(data[: len(data) // 2], "cut.pdf"))
    assert fail.reason is FailReason.CORRUPT


def test_dev_corpus_pdfs_have_chinese_text(shared: Path) -> None:
    pdfs = sorted((shared / "corpus" / "dev").glob("*.pdf"))
    assert pdfs
    for path in pdfs:
        doc = one_doc(read_bytes(path.read_bytes(), path.name))
        cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in doc.text)
        assert cjk > 100, path.name
