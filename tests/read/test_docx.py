"""DOCX: header, paragraphs and tables in document order."""

from __future__ import annotations

from tenderwatch.read import read_bytes

from .builders import build_docx, one_doc


def test_docx_order_tables_and_header() -> None:
    doc = one_doc(read_bytes(build_docx(), "n.docx"))
    assert doc.fmt == "docx"
    lines = doc.text.split("\n")
    assert lines[0] == "某大学采购与招标管理中心"
    assert lines[1] == "GPU服务器采购项目竞争性磋商公告"
    assert "序号\t名称\t规格型号" in lines
    assert "1\tGPU服务器\t8×H800 80GB" in lines
    assert "内层\tA100" in lines  # nested table follows its row
    assert lines.index("1\tGPU服务器\t8×H800 80GB") < lines.index("内层\tA100")
    merged = [line for line in lines if "合计：人民币叁佰万元整" in line]
    assert len(merged) == 1
    assert (
        lines.index("序号\t名称\t规格型号") < lines.index("二、预算金额：300万元") < lines.index("三、其他")
    )
    assert "" not in lines


def test_docx_mislabelled_as_zip_is_still_docx() -> None:
    doc = one_doc(read_bytes(build_docx(), "attachment.zip"))
    assert doc.fmt == "docx"
    assert "8×H800 80GB" in doc.text
