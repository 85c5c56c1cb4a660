"""Regenerate the bundled example notices in tenderwatch/examples/notices/.

Usage: .venv/bin/python scripts/make_examples.py [OUTDIR]

Writes every example file from the source texts in example_texts_a.py and
example_texts_b.py: HTML pages (UTF-8, GBK, Big5), plain text (UTF-8 with BOM
and CRLF; plain UTF-8), a DOCX (python-docx), a PDF with a text layer
(reportlab, built-in STSong-Light CID font, so no font file is needed), an XLSX
intention list (openpyxl), a JSON crawl export and a ZIP holding two notices.
Output is deterministic: fixed document dates, fixed ZIP timestamps.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import example_texts_a as A
import example_texts_b as B

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tenderwatch" / "examples" / "notices"
FIXED = datetime(2024, 1, 1, 0, 0, 0)


def write_text(path: Path, text: str, encoding: str = "utf-8", bom: bool = False, crlf: bool = False) -> None:
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def make_docx(path: Path) -> None:
    from docx import Document

    spec = B.AZURE_DOCX
    doc = Document()
    doc.core_properties.created = FIXED
    doc.core_properties.modified = FIXED
    doc.core_properties.author = "tenderwatch example"
    doc.add_heading(spec["title"], level=1)
    for line in spec["before"]:
        doc.add_paragraph(line)
    rows = spec["table"]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for line in spec["after"]:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_normalise_zip(buf.getvalue()))


def make_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    pdf.setTitle("示例省计算科学研究中心高性能计算服务器采购项目公开招标公告")
    width, height = A4
    y = height - 60
    for number, line in enumerate(B.SPEC_PDF_LINES):
        size = 15 if number < 2 else 10.5
        pdf.setFont("STSong-Light", size)
        if number < 2:
            pdf.drawCentredString(width / 2, y, line)
        else:
            pdf.drawString(56, y, line)
        y -= 24 if number < 2 else 17
        if y < 60:
            pdf.showPage()
            y = height - 60
    pdf.save()
    path.write_bytes(buf.getvalue())


def make_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "采购意向"
    ws.append([B.INTENTION_TITLE])
    ws.append([B.INTENTION_NOTE])
    ws.append(B.INTENTION_HEADER)
    for row in B.INTENTION_ROWS:
        ws.append(row)
    ws.append([])
    ws.append(["", "采购单位：示例市数据局", "", "", "", "", "联系人：许示例 0000-71717171"])
    for col, width in zip("ABCDEFG", (6, 30, 60, 16, 16, 20, 10), strict=True):
        ws.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_normalise_zip(buf.getvalue()))


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX/XLSX) with fixed member timestamps so output is byte-stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "now" in here
                payload = _fix_core_dates(payload)
            dst.writestr(fixed, payload)
    return out.getvalue()


def _fix_core_dates(xml: bytes) -> bytes:
    import re

    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\2", xml)


def make_zip(path: Path) -> None:
    members = {
        "h20-meeting-room-av.html": A.H20_ROOM_AWARD.encode("utf-8"),
        "rtx4090d-workstations.txt": B.RTX4090D_AWARD.encode("utf-8"),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, payload in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6]), payload,
                        compress_type=zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


def make_json(path: Path) -> None:
    export = {"source": "示例聚合平台导出（tenderwatch示例，内容均为虚构）", "total": len(B.CRAWL_RECORDS),
              "data": B.CRAWL_RECORDS}
    path.write_text(json.dumps(export, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    write_text(out / "ccgp-a800-cards-award.html", A.CCGP_A800_AWARD)
    write_text(out / "provincial-h200-server-tender-gbk.html", A.GBK_H200_TENDER, encoding="gbk")
    write_text(out / "repost-h100-rental-big5.html", A.BIG5_RENTAL_REPOST, encoding="big5")
    write_text(out / "ban-clause-domestic-cloud.html", A.BAN_CLAUSE_TENDER)
    write_text(out / "ascend-910b-servers-award.html", A.ASCEND_AWARD)
    write_text(out / "aws-account-single-source.txt", B.AWS_SINGLE_SOURCE, bom=True, crlf=True)
    write_text(out / "suanli-park-works-tender.txt", B.SUANLI_PARK_WORKS)
    make_docx(out / "azure-openai-tokens-award.docx")
    make_pdf(out / "spec-only-gpu-server-tender.pdf")
    make_xlsx(out / "intention-list-h20-row.xlsx")
    make_json(out / "crawl-export.json")
    make_zip(out / "two-notices.zip")
    print(f"wrote examples to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
