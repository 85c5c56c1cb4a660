"""Helpers that render the heldout2 notices (HTML templates, DOCX, PDF). Used by make_corpus.py only."""

from __future__ import annotations

import html
from pathlib import Path

OUT = Path(__file__).resolve().parent / "corpus"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def paras(lines: list[str]) -> str:
    return "\n".join(f'<p style="text-indent:2em;line-height:1.8">{esc(x)}</p>' if not x.startswith("<") else x
                     for x in lines)


def table(rows: list[list[str]], header: bool = True) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">']
    for i, row in enumerate(rows):
        tag = "th" if header and i == 0 else "td"
        out.append("<tr>" + "".join(f"<{tag}>{esc(c)}</{tag}>" for c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def ccgp_page(title: str, pub: str, crumb: str, summary: list[tuple[str, str]], body: str,
              charset: str = "utf-8") -> str:
    rows = "".join(f"<tr><td class='title' width='128'>{esc(k)}</td><td colspan='3' width='430'>{esc(v)}</td></tr>"
                   for k, v in summary)
    summary_html = (f"<div class='table'><h5>公告概要：</h5><table width='600' border='0' cellspacing='1' "
                    f"bgcolor='#bfbfbf'><tr><td colspan='4'><b>公告信息：</b></td></tr>{rows}</table></div>"
                    if summary else "")
    return f"""<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="SiteName" content="中国政府采购网">
<meta name="SiteDomain" content="www.ccgp.gov.cn">
<meta name="SiteIDCode" content="bm14000002">
<meta name="ArticleTitle" content="{esc(title)}">
<meta name="PubDate" content="{pub}">
<title>{esc(title)}</title>
<link href="/css/detail.css" rel="stylesheet" type="text/css">
<script src="/_bot_sbu/sbu_fpcm.js">7d1a0c3e55b2f41a9e0d6c8b3f2a1e90</script>
</head><body id="detail">
<div class="v4incheadertop"><div class="v4incheadertop_tel"><p class="cl">财政部唯一指定政府采购信息网络发布媒体 国家级政府采购专业网站</p>
<p class="cr">服务热线：400-810-1996</p></div>
<div class="v4incheadertop_nav"><ul><li><a href="/">首页</a></li><li><a href="/zcdt/">政采动态</a></li><li><a href="/cggg/">政采公告</a></li>
<li><a href="/zcfg/">政采法规</a></li><li><a href="/wtogpa/">国际专栏</a></li></ul></div></div>
<div class="main"><div class="main_container">
<div class="vF_deail_currentloc mt10"><p>当前位置：<a class="CurrChnlCls" href="/">首页</a>&nbsp;»&nbsp;<a class="CurrChnlCls" href="/cggg/">政采公告</a>&nbsp;»&nbsp;<a class="CurrChnlCls" href="#">地方公告</a>&nbsp;»&nbsp;<a class="CurrChnlCls" href="#">{esc(crumb)}</a></p></div>
<div class="vF_deail_maincontent"><div class="vF_detail_main pzln7q2">
<div class="vF_detail_header"><h2 class="tc">{esc(title)}</h2>
<p class="tc"><span id="pubTime">{pub[:4]}年{pub[5:7]}月{pub[8:10]}日 {pub[11:]}</span> 来源：<span id="sourceName"></span> 【<span id="printBtn">打印</span>】</p></div>
<!--contentTable-->
{summary_html}
<!--contentTable-->
<div class="vF_detail_content_container"><div class="vF_detail_content">
{body}
</div></div></div>
<div class="vF_detail_relcontent"><h3>相关公告</h3><ul class="c_list_tat"><li><a href="#">关于做好政府采购意向公开工作的通知</a></li>
<li><a href="#">政府采购货物和服务招标投标管理办法</a></li></ul></div>
</div></div></div>
<div class="footer"><p>主办单位：中华人民共和国财政部国库司 | 网站标识码：bm14000002 | 京ICP备19054529号-1</p></div>
</body></html>"""


def portal_page(site: str, nav: list[str], title: str, meta_line: str, body: str, footer: str,
                charset: str = "utf-8", lang: str = "zh-CN") -> str:
    navs = "".join(f'<li><a href="#">{esc(n)}</a></li>' for n in nav)
    side = "".join(f'<li><a href="#">{esc(n)}</a></li>' for n in nav[1:5])
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}"><title>{esc(title)}-{esc(site)}</title>
<meta name="keywords" content="{esc(site)},采购公告,招标">
<script type="text/javascript">var _hmt = _hmt || []; function goSearch(){{ return false; }}</script>
<style>body{{font-family:Microsoft YaHei}} .nav li{{display:inline;margin:0 12px}}</style></head>
<body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="{esc(site)}"></div>
<div class="search"><input type="text" value="请输入关键字"><a href="javascript:goSearch()">搜索</a></div></div>
<div class="nav"><ul>{navs}</ul></div>
<div class="container"><div class="left"><h3>栏目导航</h3><ul>{side}</ul>
<div class="notice-hot"><h4>热点公告</h4><ul><li><a href="#">关于启用新版电子招投标系统的通知</a></li><li><a href="#">供应商注册操作指南</a></li></ul></div></div>
<div class="right"><div class="position">您现在的位置：<a href="#">首页</a> &gt; <a href="#">{esc(nav[2] if len(nav) > 2 else nav[-1])}</a> &gt; 正文</div>
<div class="article"><h1 class="art-title">{esc(title)}</h1>
<div class="art-info">{meta_line}</div>
<div class="art-content">
{body}
</div>
<div class="art-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="prev-next"><p>上一篇：<a href="#">关于调整实验室开放时间的通知</a></p><p>下一篇：<a href="#">2024年度采购工作总结</a></p></div>
</div></div></div>
<div class="footer"><p>{footer}</p></div>
</body></html>"""


def write_bytes(name: str, data: bytes) -> None:
    (OUT / name).write_bytes(data)


def write_text(name: str, text: str, encoding: str = "utf-8") -> None:
    if encoding == "big5":
        import opencc

        text = opencc.OpenCC("s2tw").convert(text)
    (OUT / name).write_bytes(text.encode(encoding))


def write_docx(name: str, blocks: list[object]) -> None:
    """blocks: str (paragraph), ('h', str) heading, list[list[str]] table."""
    from docx import Document

    doc = Document()
    for block in blocks:
        if isinstance(block, tuple):
            doc.add_heading(block[1], level=1)
        elif isinstance(block, list):
            tbl = doc.add_table(rows=len(block), cols=len(block[0]))
            tbl.style = "Table Grid"
            for r, row in enumerate(block):
                for c, cell in enumerate(row):
                    tbl.cell(r, c).text = cell
        else:
            doc.add_paragraph(str(block))
    doc.save(str(OUT / name))


def write_pdf(name: str, lines: list[str]) -> None:
    """Render lines with the STSong-Light CID font; long lines wrap by width."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(OUT / name), pagesize=A4)
    width, height = A4
    y = height - 60
    for raw in lines:
        size = 15 if raw.startswith("# ") else 10.5
        text = raw[2:] if raw.startswith("# ") else raw
        chunks: list[str] = []
        cur = ""
        for ch in text:
            if pdfmetrics.stringWidth(cur + ch, "STSong-Light", size) > width - 120:
                chunks.append(cur)
                cur = ""
            cur += ch
        chunks.append(cur)
        for chunk in chunks:
            if y < 60:
                c.showPage()
                y = height - 60
            c.setFont("STSong-Light", size)
            if raw.startswith("# "):
                c.drawCentredString(width / 2, y, chunk)
            else:
                c.drawString(60, y, chunk)
            y -= size * 1.7
    c.save()
