"""HTML: encodings, layout (blocks, table rows), chrome, templates, hostile markup."""

from __future__ import annotations

import codecs

from tenderwatch.model import FailReason
from tenderwatch.read import read_bytes

from .builders import one_doc, one_failure

NOTICE = "清华大学深度学习服务器采购项目中标公告，采购人：清华大学，中标金额：261.8万元。"
NOTICE_TC = "深圳大學亞馬遜雲科技（AWS）雲服務賬號採購項目成交結果公告，成交金額：人民幣貳拾萬元整。"


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body>{body}</body></html>"


def test_gbk_declared_is_decoded_as_gb18030() -> None:
    data = page(f"<p>{NOTICE}</p>", '<meta charset="gbk">').encode("gbk")
    doc = one_doc(read_bytes(data, "a.html"))
    assert doc.encoding == "gb18030"
    assert NOTICE in doc.text


def test_gb2312_page_without_declaration_is_detected() -> None:
    data = page(f"<p>{NOTICE}</p>").encode("gb2312")
    doc = one_doc(read_bytes(data, "a.html"))
    assert NOTICE in doc.text
    assert doc.encoding == "gb18030"


def test_big5_page_is_detected_and_stays_traditional() -> None:
    data = page(f"<div>{NOTICE_TC}</div>").encode("big5")
    doc = one_doc(read_bytes(data, "tw.htm"))
    assert NOTICE_TC in doc.text
    assert doc.encoding is not None and ("big5" in doc.encoding or "950" in doc.encoding)


def test_wrong_declared_charset_is_not_trusted() -> None:
    data = page(f"<p>{NOTICE}</p>", '<meta http-equiv="Content-Type" content="text/html; charset=big5">')
    doc = one_doc(read_bytes(data.encode("gbk"), "a.html"))
    assert NOTICE in doc.text


def test_latin1_declaration_on_a_gbk_page_is_not_trusted() -> None:
    data = page(f"<p>{NOTICE}</p>", '<meta charset="iso-8859-1">').encode("gbk")
    doc = one_doc(read_bytes(data, "a.html"))
    assert NOTICE in doc.text


def test_utf8_bom_and_gbk_declaration_utf8_wins() -> None:
    data = codecs.BOM_UTF8 + page(f"<p>{NOTICE}</p>", '<meta charset="gb2312">').encode("utf-8")
    doc = one_doc(read_bytes(data, "a.html"))
    assert doc.encoding == "utf-8-sig"
    assert NOTICE in doc.text
    assert "\ufeff" not in doc.text


def test_blocks_br_and_table_rows() -> None:
    body = (
        "<div>一、项目编号：ABC-1</div><p>二、项目名称：<b>GPU</b>服务器<br>第二行</p>"
        "<table><tr><th>序号</th><th>品牌</th><th>规格型号</th></tr>"
        "<tr><td>1</td><td>NVIDIA</td><td>A100   80GB\n PCIe</td></tr>"
        "<tr><td>2</td><td></td><td>H800</td></tr></table>"
    )
    doc = one_doc(read_bytes(page(body).encode(), "a.html"))
    lines = doc.text.split("\n")
    assert "一、项目编号：ABC-1" in lines
    assert "二、项目名称：GPU服务器" in lines
    assert "第二行" in lines
    assert "序号\t品牌\t规格型号" in lines
    assert "1\tNVIDIA\tA100 80GB PCIe" in lines
    assert "2\t\tH800" in lines  # empty cell keeps the columns aligned


def test_scripts_styles_and_chrome_are_dropped() -> None:
    body = (
        '<div class="header"><a>首页</a><a>H100专区</a></div><nav>导航 A800</nav>'
        "<script>document.write('<p>H20</p>'); alert(1)</script><style>.x{color:red}</style>"
        '<noscript>enable js</noscript><div class="article"><h1>服务器采购公告</h1><p>正文内容</p></div>'
        '<div class="footer">版权所有 RTX 4090</div>'
    )
    doc = one_doc(read_bytes(page(body).encode(), "a.html"))
    assert "正文内容" in doc.text
    for junk in ("H100专区", "A800", "alert", "H20", "color:red", "enable js", "RTX 4090"):
        assert junk not in doc.text
    assert doc.meta["title"] == "服务器采购公告"


def test_chrome_removal_never_eats_the_notice() -> None:
    # The whole notice sits inside an element with a chrome-like class.
    body = '<div class="top"><p>' + "采购GPU服务器两台，预算200万元。" * 20 + "</p></div><p>x</p>"
    doc = one_doc(read_bytes(page(body).encode(), "a.html"))
    assert "采购GPU服务器两台" in doc.text


CCGP = """<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="某大学GPU服务器采购项目中标公告">
<meta name="PubDate" content="2024-05-27 20:20"></head><body>
<div class="v4incheadertop">中国政府采购网 导航</div>
<div class="main"><div class="main_container">
<div class="vF_deail_currentloc"><a class="CurrChnlCls">首页</a> » <a class="CurrChnlCls">政采公告</a> »
<a class="CurrChnlCls">中央公告</a> » <a class="CurrChnlCls">中标公告</a></div>
<div class="vF_deail_maincontent"><div class="vF_detail_main pzlna3">
<div class="vF_detail_header"><h2 class="tc">某大学GPU服务器采购项目中标公告</h2>
<p class="tc"><span id="pubTime">2024年05月27日 20:20</span> 来源：<span id="sourceName">中国政府采购网</span></p></div>
<div class="table" style="display:none"><h5>公告概要：</h5><table>
<tr><td class="title">采购项目名称</td><td colspan="3">某大学GPU服务器采购项目</td></tr>
<tr><td class="title">采购单位</td><td>某大学</td><td class="title">行政区域</td><td>海淀区</td></tr>
<tr><td class="title">总中标金额</td><td colspan="3">￥56.980000 万元（人民币）</td></tr>
<tr><td class="title">代理机构名称</td><td colspan="3">某招标有限公司</td></tr></table></div>
<div class="vF_detail_content_container"><div class="vF_detail_content">
<p>一、项目编号：ZB-2024-001</p><p>三、中标（成交）信息</p><p>供应商名称：某科技有限公司</p></div></div>
<p class="fjxx">附件信息：</p><ul class="fjxx"><li><a href="//download.ccgp.gov.cn/x">技术参数（GPU服务器）.pdf</a></li></ul>
</div></div><div class="vF_detail_relcontent"><ul class="c_list_tat"><li>相关公告 H100 采购</li></ul></div>
</div></div><div class="footer">版权 A800</div></body></html>"""


def test_ccgp_vf_template_summary_then_body_and_meta() -> None:
    doc = one_doc(read_bytes(CCGP.encode(), "ccgp.htm"))
    assert doc.meta["template"] == "ccgp_vF"
    assert doc.meta["title"] == "某大学GPU服务器采购项目中标公告"
    assert doc.meta["pub_date"] == "2024年05月27日 20:20"
    assert doc.meta["notice_type_hint"].endswith("中标公告")
    assert doc.meta["buyer"] == "某大学"
    assert doc.meta["agency"] == "某招标有限公司"
    assert doc.meta["bid_amount"] == "￥56.980000 万元（人民币）"
    assert doc.text.index("总中标金额\t￥56.980000 万元（人民币）") < doc.text.index(
        "供应商名称：某科技有限公司"
    )
    assert doc.text.startswith("某大学GPU服务器采购项目中标公告\n")
    for chrome in ("相关公告", "H100", "A800", "导航"):
        assert chrome not in doc.text
    assert doc.text.endswith("供应商名称：某科技有限公司\n附件信息：\n技术参数（GPU服务器）.pdf")


def test_guizhou_bookmarks_and_shandong_notice_detail_fill_meta() -> None:
    body = (
        '<span class="bookmark-item uuid-1 code-00004 addWord">GZ-2024-17</span>'
        '<span class="bookmark-item uuid-2 code-00014 addWord">贵州大学</span>'
        '<table class="code-AM014zbcj0001"><tr><td class="code-winningSupplierName">甲公司</td>'
        '<td class="code-summaryPrice">总价形式报价:569800.00(元)</td></tr>'
        '<tr><td class="code-winningSupplierName">乙公司</td><td class="code-summaryPrice">100.00(元)</td></tr></table>'
        "<table id='NoticeDetail'><tr><td>供应商名称：<u>丙公司</u></td></tr></table>"
    )
    doc = one_doc(read_bytes(page(body).encode(), "gz.html"))
    assert doc.meta["project_no"] == "GZ-2024-17"
    assert doc.meta["buyer"] == "贵州大学"
    assert doc.meta["winner"] == "甲公司;乙公司;丙公司"
    assert doc.meta["bid_amount"] == "总价形式报价:569800.00(元);100.00(元)"
    assert "甲公司\t总价形式报价:569800.00(元)" in doc.text


def test_broken_html_still_yields_text() -> None:
    data = (
        b"<html><body><div><p>unclosed <b>bold <table><tr><td>A100<td>2\xe5\x8f\xb0</div></p></span><p>tail"
    )
    doc = one_doc(read_bytes(data, "broken.html"))
    assert "A100\t2台" in doc.text
    assert "tail" in doc.text


def test_fragment_without_html_tag_is_html_by_extension() -> None:
    doc = one_doc(read_bytes("<p>采购内容</p><p>H20 两块</p>".encode(), "frag.htm"))
    assert doc.fmt == "html"
    assert doc.text == "采购内容\nH20 两块"


def test_page_without_text_is_no_text() -> None:
    data = b"<html><head><style>p{}</style></head><body><script>var a=1</script><img src=x></body></html>"
    fail = one_failure(read_bytes(data, "x.html"))
    assert fail.reason is FailReason.NO_TEXT


def test_paragraphs_inside_cells_keep_the_row_on_one_line() -> None:
    body = (
        "<!-- H100 in a comment --><table><tr><td><p>1</p></td><td><p>NVIDIA</p><p>A100</p></td><td>x<br>y</td></tr></table>"
        "<table><tr><td><p>一、项目编号：X-1</p><p>二、项目名称：服务器</p>"
        "<table><tr><td><p>品牌</p></td><td>型号</td></tr></table></td></tr></table>"
    )
    doc = one_doc(read_bytes(page(body).encode(), "w.html"))
    assert doc.text.split("\n")[-4:] == [
        "1\tNVIDIA A100\tx y",
        "一、项目编号：X-1",
        "二、项目名称：服务器",
        "品牌\t型号",
    ]
    assert "H100" not in doc.text


def test_old_ccgp_vt_template() -> None:
    html = (
        '<html><head><meta name="ArticleTitle" content="旧版公告"></head><body><div class="header">导航 H100</div>'
        '<div class="vT_detail_main"><h2 class="tc">旧版公告</h2><p><span id="pubTime">2019年03月01日 10:00</span></p>'
        '<div class="vT_detail_content"><p>采购内容：服务器</p></div></div></body></html>'
    )
    doc = one_doc(read_bytes(html.encode(), "old.htm"))
    assert doc.meta["template"] == "ccgp_vT"
    assert doc.text == "旧版公告\n2019年03月01日 10:00\n采购内容：服务器"


def test_mhtml_single_file_page() -> None:
    import quopri

    html = (
        '<html><head><meta charset="gb2312"><title>某单位GPU服务器采购公告</title></head>'
        "<body><h1>某单位GPU服务器采购公告</h1><p>采购A800八块</p></body></html>"
    ).encode("gb2312")
    mht = (
        b"From: <Saved by Blink>\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B"\r\n\r\n\r\n------B\r\n'
        b'Content-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        + quopri.encodestring(html)
        + b"\r\n------B--\r\n"
    )
    doc = one_doc(read_bytes(mht, "saved.mht"))
    assert doc.fmt == "mhtml"
    assert doc.text == "某单位GPU服务器采购公告\n采购A800八块"
    assert doc.meta["title"] == "某单位GPU服务器采购公告"


def test_spans_styled_as_blocks_break_lines() -> None:
    body = (
        '<span style="display: block; font-weight:bold">七、评审专家名单</span>'
        '<span style="DISPLAY:BLOCK">张三、李四</span><span style="display:inline">同</span><span>行</span>'
    )
    doc = one_doc(read_bytes(page(body).encode(), "s.html"))
    assert doc.text.split("\n")[-3:] == ["七、评审专家名单", "张三、李四", "同行"]


def test_big5_page_declared_gbk_is_read_as_big5() -> None:
    data = page(f"<p>{NOTICE_TC}</p>", '<meta charset="gbk">').encode("big5")
    doc = one_doc(read_bytes(data, "tw.html"))
    assert NOTICE_TC in doc.text


def test_form_field_values_are_text_but_search_boxes_are_not() -> None:
    body = (
        '<input type="text" placeholder="请输入项目名称">'
        '<p>预算金额：<input type="text" value="560万元" readonly></p><input type="hidden" value="A100">'
        "<textarea>采购需求：H20 八块</textarea>"
    )
    doc = one_doc(read_bytes(page(body).encode(), "f.html"))
    assert "预算金额： 560万元" in doc.text.split("\n")
    assert "采购需求：H20 八块" in doc.text
    assert "请输入" not in doc.text
    assert "A100" not in doc.text


def test_preformatted_text_keeps_its_lines() -> None:
    body = "<p>附件正文：</p><pre>一、项目编号：X-1\r\n二、采购内容：  A800   8块\n\n三、预算：100万元</pre>"
    doc = one_doc(read_bytes(page(body).encode(), "p.html"))
    assert doc.text.split("\n")[-4:] == [
        "附件正文：",
        "一、项目编号：X-1",
        "二、采购内容： A800 8块",
        "三、预算：100万元",
    ]


def test_javascript_rendered_page_yields_text_from_script_strings() -> None:
    import json

    content = "<p>一、项目名称：某大学智算平台GPU服务器采购</p><p>二、采购内容：NVIDIA H800 服务器 4 台</p>"
    state = json.dumps({"notice": {"title": "某大学智算平台GPU服务器采购公告", "content": content}})
    html = (
        f"<html><head><title>公告详情</title><script>window.__DATA__ = {state};</script></head>"
        '<body><div id="app"></div><script>alert("never run")</script></body></html>'
    )
    doc = one_doc(read_bytes(html.encode(), "spa.html"))
    assert doc.meta["from_script"] == "true"
    assert doc.text.split("\n") == [
        "公告详情",
        "某大学智算平台GPU服务器采购公告",
        "一、项目名称：某大学智算平台GPU服务器采购",
        "二、采购内容：NVIDIA H800 服务器 4 台",
    ]


def test_zero_width_characters_are_dropped_and_ideographic_spaces_kept() -> None:
    body = "<p>\u3000\u3000采购A\u200b100&nbsp;&nbsp;显卡</p><p>名\u3000称：某大学</p>"
    doc = one_doc(read_bytes(page(body).encode(), "z.html"))
    assert doc.text.split("\n")[-2:] == ["采购A100 显卡", "名\u3000称：某大学"]


def test_definition_list_term_and_description_share_a_line() -> None:
    body = (
        "<h2>某某大学服务器采购成交公告</h2><dl>\n<dt>采购单位</dt>\n<dd>某某大学</dd>"
        "<dt>成交金额</dt><dd>12.5万元</dd><dt>备注</dt></dl><dl><dd>无描述项的说明</dd></dl>"
    )
    text = one_doc(read_bytes(page(body).encode("utf-8"), "a.html")).text
    lines = text.split("\n")
    assert "采购单位\t某某大学" in lines
    assert "成交金额\t12.5万元" in lines
    assert "备注" in lines  # a term without a description stays on its own line
    assert "无描述项的说明" in lines


def test_a_qualified_date_label_is_not_the_publication_date() -> None:
    """A bare generic label (日期, Date) names the publication only standing alone: 合同签订日期 and
    首次公告日期 are other dates (a contract notice's signing date, a correction's first publication)."""
    from tenderwatch.read.html import pub_date_in_text

    assert pub_date_in_text("七、合同签订日期：2024年6月14日\n八、合同公告日期：2024年6月18日") == ""
    assert pub_date_in_text("首次公告日期：2023年8月25日\n更正日期：2023年9月4日") == ""
    assert pub_date_in_text("日期：2024-05-06") == "2024-05-06"
    assert pub_date_in_text("【日期：2024-05-06】") == "2024-05-06"
    assert pub_date_in_text("Closing Date: 12 June 2024") == ""


def test_the_publication_date_pattern_finds_what_it_found_without_its_first_character_look_ahead() -> None:
    """The look-ahead for the labels' first characters is there for speed only: the same match, span and
    group as the pattern without it, on dates after labels, after a deadline label, a bare label, English."""
    import re as _re

    from tenderwatch.read.html import _pub_date_re

    fast = _pub_date_re()
    plain = _re.compile(fast.pattern[fast.pattern.index(")") + 1:])
    texts = ["发布时间：2024-05-20 10:30", "报价截止日期：2024年6月1日\n发布日期：2024年5月20日", "日期: 2024/05/20",
             "合同签订日期：2024-05-01", "Date of Issue: 12 August 2024", "公告时间 2024.5.20", "無日期", "更新时间：2024-1-2"]
    for text in texts:
        a, b = plain.search(text), fast.search(text)
        assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1))), text
    assert fast.search(texts[1]) is not None and fast.search(texts[1]).group(1) == "2024年5月20日"  # type: ignore[union-attr]
