"""Writers for the fourth held-out corpus (web pages) (HTML in several encodings, text, DOCX, PDF)."""

from __future__ import annotations

import html as _html
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"


def esc(text: str) -> str:
    return _html.escape(text, quote=False)


def write_html(name: str, page: str, encoding: str = "utf-8") -> None:
    """Write a page; the charset in the page must match ``encoding``."""
    (CORPUS / name).write_bytes(page.encode(encoding, errors="strict"))


def write_txt(name: str, text: str, bom: bool = False, crlf: bool = False) -> None:
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    (CORPUS / name).write_bytes(data)


def html_table(rows: list[list[str]], head: bool = True, attrs: str = 'border="1" cellspacing="0"') -> str:
    out = [f"<table {attrs}><tbody>"]
    for index, row in enumerate(rows):
        tag = "th" if head and index == 0 else "td"
        out.append("<tr>" + "".join(f"<{tag}>{esc(cell)}</{tag}>" for cell in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def write_docx(name: str, blocks: list[tuple[str, object]]) -> None:
    """blocks: ("h", text) heading, ("p", text) paragraph, ("t", rows) table."""
    import docx

    document = docx.Document()
    for kind, value in blocks:
        if kind == "h":
            document.add_heading(str(value), level=1)
        elif kind == "p":
            document.add_paragraph(str(value))
        elif kind == "t":
            rows = value
            assert isinstance(rows, list)
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    document.save(str(CORPUS / name))


def write_pdf(name: str, lines: list[str], title: str = "") -> None:
    """One text line per entry; long lines wrap at a fixed character count (as many PDF exports do)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(CORPUS / name), pagesize=A4)
    pdf.setTitle(title or name)
    width, height = A4
    y = height - 60
    if title:
        pdf.setFont("STSong-Light", 15)
        pdf.drawCentredString(width / 2, y, title)
        y -= 34
    pdf.setFont("STSong-Light", 10.5)
    for line in lines:
        chunks = [line[i : i + 44] for i in range(0, len(line), 44)] or [""]
        for chunk in chunks:
            if y < 60:
                pdf.showPage()
                pdf.setFont("STSong-Light", 10.5)
                y = height - 60
            pdf.drawString(56, y, chunk)
            y -= 17
    pdf.save()
