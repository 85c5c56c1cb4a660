"""Plain text, empty input and format sniffing (magic bytes beat extensions)."""

from __future__ import annotations

import codecs

import pytest

from tenderwatch.model import FailReason
from tenderwatch.read import Limits, read_bytes

from .builders import build_docx, make_pdf, one_doc, one_failure


def test_txt_crlf_and_bom_are_normalised() -> None:
    data = codecs.BOM_UTF8 + "采购公告\r\n预算：100万元\r\n\r\nH20 ×8\r".encode()
    doc = one_doc(read_bytes(data, "n.txt"))
    assert doc.text == "采购公告\n预算：100万元\n\nH20 ×8\n"
    assert doc.fmt == "txt"
    assert doc.encoding == "utf-8-sig"


def test_txt_gb18030_and_utf16() -> None:
    text = "算力租赁服务采购项目，采购人：某某大学，预算金额：叁佰万元整。" * 3
    assert one_doc(read_bytes(text.encode("gb18030"), "a.txt")).text == text
    assert one_doc(read_bytes(text.encode("utf-16"), "a.md")).text == text


@pytest.mark.parametrize("data", [b"", b"  \r\n\t "])
def test_empty(data: bytes) -> None:
    assert one_failure(read_bytes(data, "e.txt")).reason is FailReason.EMPTY


def test_too_large() -> None:
    fail = one_failure(read_bytes(b"x" * 2000, "big.txt", Limits(max_file_bytes=1000)))
    assert fail.reason is FailReason.TOO_LARGE


def test_text_is_truncated_and_says_so() -> None:
    doc = one_doc(read_bytes(b"abc " * 1000, "long.txt", Limits(max_chars=100)))
    assert len(doc.text) == 100
    assert "4000" in doc.meta["truncated"]


def test_pdf_named_html_is_read_as_pdf() -> None:
    doc = one_doc(read_bytes(make_pdf(["NVIDIA H800 x 8"]), "notice.html"))
    assert doc.fmt == "pdf"
    assert "NVIDIA H800 x 8" in doc.text


def test_html_named_pdf_is_read_as_html() -> None:
    doc = one_doc(read_bytes("<html><body><p>采购A800</p></body></html>".encode(), "notice.pdf"))
    assert doc.fmt == "html"
    assert doc.text == "采购A800"
    assert "mislabelled" in doc.meta


def test_docx_that_is_not_a_zip_is_corrupt() -> None:
    fail = one_failure(read_bytes(b"\x00\x01\x02garbage" * 50, "x.docx"))
    assert fail.reason is FailReason.CORRUPT
    assert "not DOCX" in fail.detail


def test_truncated_docx_is_corrupt() -> None:
    data = build_docx()
    fail = one_failure(read_bytes(data[: len(data) // 2], "cut.docx"))
    assert fail.reason is FailReason.CORRUPT


def test_images_and_unknown_binary_are_unsupported() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    assert one_failure(read_bytes(png, "scan.png")).reason is FailReason.UNSUPPORTED_FORMAT
    assert (
        one_failure(read_bytes(b"\x00\x9f\x92\x96" * 100, "blob.bin")).reason is FailReason.UNSUPPORTED_FORMAT
    )


def test_legacy_office_and_encrypted_office() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert one_failure(read_bytes(ole, "old.doc")).reason is FailReason.UNSUPPORTED_FORMAT
    assert one_failure(read_bytes(ole, "locked.docx")).reason is FailReason.ENCRYPTED


def test_text_starting_with_bracket_is_text_not_json() -> None:
    doc = one_doc(read_bytes("[公告] 采购GPU服务器\n预算：10万元".encode(), "n.txt"))
    assert doc.fmt == "txt"
    assert doc.text.startswith("[公告]")


def test_short_chinese_texts_decode() -> None:
    # Byte-statistics detectors misread texts this short; the reader must not.
    for text in ("采购H100", "中标公告", "服务器", "英伟达A800显卡八块，含税。"):
        assert one_doc(read_bytes(text.encode("gbk"), "s.txt")).text == text
    for text in ("深圳大學亞馬遜雲科技", "伺服器", "顯示卡"):
        assert one_doc(read_bytes(text.encode("big5"), "s.txt")).text == text


def test_markup_saved_as_txt_is_read_as_html() -> None:
    data = "公告正文如下\n<div><p>采购内容</p><p>H20 八块</p><table><tr><td>预算</td><td>100万元</td></tr></table></div>"
    doc = one_doc(read_bytes(data.encode(), "t20240101_1.txt"))
    assert doc.fmt == "html"
    assert doc.text.split("\n") == ["公告正文如下", "采购内容", "H20 八块", "预算\t100万元"]


def test_damaged_utf8_and_gbk_are_read_with_replacement_chars() -> None:
    text = "采购英伟达H100服务器两台，预算金额：人民币叁佰万元整。" * 20
    data = bytearray(text.encode("utf-8"))
    for pos in range(7, len(data), 97):  # break one byte in ~100
        data[pos] = 0xFF
    doc = one_doc(read_bytes(bytes(data), "damaged.txt"))
    assert doc.encoding == "utf-8 (damaged)"
    assert "H100" in doc.text and "\ufffd" in doc.text
    gbk = text.encode("gbk") + b"\xff"
    doc = one_doc(read_bytes(gbk, "damaged_gbk.txt"))
    assert doc.encoding == "gb18030 (damaged)"
    assert doc.text.startswith(text[:40])
