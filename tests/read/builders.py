"""Small file builders and result helpers for the read-stage tests."""

from __future__ import annotations

import io
import zipfile

from tenderwatch.model import ReadFailure, TextDoc


def one_doc(results: list[TextDoc | ReadFailure]) -> TextDoc:
    assert len(results) == 1, results
    doc = results[0]
    assert isinstance(doc, TextDoc), doc
    return doc


def one_failure(results: list[TextDoc | ReadFailure]) -> ReadFailure:
    assert len(results) == 1, results
    fail = results[0]
    assert isinstance(fail, ReadFailure), fail
    return fail


def make_pdf(lines: list[str], encrypt: bool = False) -> bytes:
    """A minimal one-page PDF with a Helvetica text layer (ASCII only).

    With ``encrypt`` the file declares the standard security handler with
    O/U entries that match no password, so a reader must treat it as
    password-protected.
    """
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if encrypt:
        objs.append("<< /Filter /Standard /V 1 /R 2 /O <" + "11" * 32 + "> /U <" + "22" * 32 + "> /P -4 >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{obj}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    trailer = f"<< /Size {len(objs) + 1} /Root 1 0 R"
    if encrypt:
        trailer += f" /Encrypt {len(objs)} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]"
    out.write(f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buf.getvalue()


def mark_encrypted(zip_bytes: bytes) -> bytes:
    """Set the 'encrypted' flag bit on every entry (zipfile cannot write encrypted zips)."""
    data = bytearray(zip_bytes)
    for sig, flag_off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(sig)
        while pos != -1:
            data[pos + flag_off] |= 0x1
            pos = data.find(sig, pos + 4)
    return bytes(data)


def build_docx() -> bytes:
    """A DOCX with a header, paragraphs, a table with a merged cell and a nested table."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "某大学采购与招标管理中心"
    document.add_heading("GPU服务器采购项目竞争性磋商公告", level=1)
    document.add_paragraph("一、项目编号：QH-2024-0001")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["序号", "名称", "规格型号"], ["1", "GPU服务器", "8×H800 80GB"], ["2", "合计", ""]]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 1).merge(table.cell(2, 2))
    table.cell(2, 1).text = "合计：人民币叁佰万元整"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内层"
    inner.cell(0, 1).text = "A100"
    para = document.add_paragraph("二、预算金额：")
    para.add_run("300万元").bold = True
    document.add_paragraph("")
    document.add_paragraph("三、其他")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
