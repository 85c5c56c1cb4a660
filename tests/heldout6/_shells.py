"""Page shells the earlier held-out sets lack: a Taiwan 政府電子採購網-style page (Big5), a Hong Kong
exchange-announcement page, a ccgp vF page with the 公告概要 summary table, and an English institute page.
Every name and number is fictional."""

from __future__ import annotations

from _gen_common import esc


def taiwan(title: str, rows: list[tuple[str, str]], charset: str = "big5") -> str:
    cells = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{esc(title)} - 政府電子採購網</title></head><body>
<div class="top">政府電子採購網　|　<a href="/">首頁</a>　<a href="/tps/">招標公告</a>　<a href="/award/">決標公告</a>
　<a href="/help/">常見問答</a></div>
<div class="path">目前位置：首頁 &gt; 標案查詢 &gt; 公告內容</div>
<h2>{esc(title)}</h2>
<table class="tb_01">{cells}</table>
<div class="foot">行政院公共工程委員會　客服專線：0800-000-000</div>
</body></html>"""


def hkex(issuer: str, title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-HK"><head><meta charset="utf-8"><title>{esc(issuer)} - {esc(title)}</title></head><body>
<div class="hd">披露易　|　上市公司公告　|　<a href="/search">搜尋</a></div>
<div class="disclaimer">香港交易及結算所有限公司及香港聯合交易所有限公司對本公告的內容概不負責，對其準確性或完整性亦不發表任何聲明。</div>
<div class="ann">
{body}
</div>
<div class="ft">© 香港交易所　私隱政策　|　使用條款</div>
</body></html>"""


def ccgp_vf(title: str, pubtime: str, summary: list[tuple[str, str]], body: str) -> str:
    rows = "".join(f"<tr><td class='title'>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in summary)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{esc(title)}">
<meta name="PubDate" content="{pubtime}"><meta name="SiteName" content="中国政府采购网">
<title>{esc(title)}</title></head><body>
<div class="v4incheadertop">中国政府采购网　<a href="/">首页</a>　<a href="/cggg/">政采公告</a></div>
<div class="main"><div class="main_container">
<div class="vF_deail_currentloc"><a class="CurrChnlCls">首页</a> » <a class="CurrChnlCls">政采公告</a> »
<a class="CurrChnlCls">中央公告</a> » <a class="CurrChnlCls">中标公告</a></div>
<div class="vF_deail_maincontent"><div class="vF_detail_main pzln52">
<div class="vF_detail_header"><h2 class="tc">{esc(title)}</h2>
<p class="tc"><span id="pubTime">{pubtime}</span> 来源：<span id="sourceName">中国政府采购网</span></p></div>
<div class="table"><h5>公告概要：</h5><table>{rows}</table></div>
<div class="vF_detail_content_container"><div class="vF_detail_content">
{body}
</div></div></div></div>
<div class="vF_detail_relcontent"><h4>相关公告</h4><ul class="c_list_tat"><li>某学院实验室家具采购项目中标公告</li></ul></div>
</div></div>
<div class="footer">主办单位：中华人民共和国财政部国库司</div>
</body></html>"""


def english(site: str, title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)} | {esc(site)}</title></head><body>
<header><nav><a href="/">Home</a> | <a href="/about">About</a> | <a href="/procurement">Procurement</a> |
<a href="/news">News</a> | <a href="/contact">Contact</a></nav></header>
<main><h1>{esc(title)}</h1>
{body}
</main>
<footer>Copyright {esc(site)}. All rights reserved. | Privacy | Terms of use</footer>
</body></html>"""
