"""Page shells for the fifth held-out corpus: layouts the earlier held-out sets lack.

A 中国政府采购网-style detail page, a provincial 公共资源交易中心 page with a label/value table, a university
采购与招标 page with a left menu, an aggregator detail and list page, a news page, a forum thread, a shop, a
recruitment page and a listed company's information-disclosure page. Every name and number is fictional.
"""

from __future__ import annotations

from _gen_common import esc


def ccgp(title: str, date: str, source: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{esc(title)}</title></head><body>
<div class="top">中国政府采购网 www.ccgp.gov.cn　|　<a href="/">首页</a> <a href="/cggg/">政府采购公告</a>
<a href="/fgzd/">法规制度</a> <a href="/jdjc/">监督检查</a></div>
<div class="path">当前位置：<a href="/">首页</a> » <a href="/cggg/">政府采购公告</a> » <a href="/cggg/dfgg/">地方公告</a></div>
<div class="notice">
<h2 class="tc">{esc(title)}</h2>
<p class="tc">{date}　来源：{source}　【<a href="#">打印</a>】【<a href="#">关闭</a>】</p>
<div class="notice-content">
{body}
</div></div>
<div class="footer">主办单位：中华人民共和国财政部国库司　　网站标识码bm14000001<br>
联系电话：010-63813597（仅限网站技术咨询）</div>
</body></html>"""


def ggzy(center: str, title: str, date: str, info: list[tuple[str, str]], body: str) -> str:
    rows = "".join(f"<tr><td class='lab'>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in info)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(title)}-{center}</title></head><body>
<div class="head"><img src="/images/logo.png" alt="{center}"><span>{center}</span>
<ul class="menu"><li>首页</li><li>交易信息</li><li>政策法规</li><li>服务指南</li><li>CA办理</li></ul></div>
<div class="crumbs">您现在的位置：首页 &gt; 交易信息 &gt; 政府采购 &gt; 采购公告</div>
<div class="ewb-info">
<h3 class="ewb-title">{esc(title)}</h3>
<p class="ewb-date">【信息时间：{date}　阅读次数：<span id="viewcount">207</span>】</p>
<table class="infotable">{rows}</table>
<div class="ewb-article">
{body}
</div>
<div class="fujian">附件：<a href="/att/2f7e.pdf">采购文件.pdf</a></div>
</div>
<div class="foot">版权所有：{center}　技术支持：国泰新点软件股份有限公司　ICP备案号：黔ICP备05001234号</div>
</body></html>"""


def campus(school: str, title: str, date: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(title)}-{school}采购与招标管理中心</title></head>
<body>
<div class="banner">{school} 采购与招标管理中心</div>
<div class="left"><h4>信息公开</h4><ul><li>招标公告</li><li>采购意向</li><li>结果公告</li><li>单一来源公示</li>
<li>下载专区</li><li>办事流程</li></ul></div>
<div class="right">
<div class="loc">首页 &gt;&gt; 信息公开 &gt;&gt; 正文</div>
<h1>{esc(title)}</h1>
<div class="info">发布日期：{date}　　作者：采购与招标管理中心　　点击：[468]</div>
<div class="v_news_content">
{body}
</div>
<div class="prev-next">上一篇：关于暑期办公安排的通知<br>下一篇：实验室危化品柜采购项目成交公告</div>
</div>
<div class="bottom">地址：行政楼三楼　邮编：000000　电话：0000-00000000</div>
</body></html>"""


def aggregator(site: str, title: str, pubtime: str, summary: list[tuple[str, str]], body: str,
               recommended: list[str]) -> str:
    rows = "".join(f"<li><em>{esc(k)}</em>{v}</li>" for k, v in summary)
    recs = "".join(f'<li><a href="/bid/{3000 + i}">{esc(t)}</a></li>' for i, t in enumerate(recommended))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{esc(title)}_{site}</title></head><body>
<div class="login-bar">{site}｜<a href="/login">登录</a>｜<a href="/reg">注册</a>｜<a href="/app">下载APP</a></div>
<div class="bid-head"><h1>{esc(title)}</h1><span class="time">{pubtime}</span><span class="tag">全国</span></div>
<ul class="bid-summary">{rows}</ul>
<div class="mask-tip">***** 登录后可见完整信息 *****</div>
<div class="bid-content">
{body}
</div>
<div class="guess"><h3>猜你喜欢</h3><ul>{recs}</ul></div>
<div class="foot">{site} 客服热线：400-666-0102　京ICP证160321号</div>
</body></html>"""


def plain(site: str, title: str, meta: str, body: str, side: str = "") -> str:
    """Any other page: news, forum, shop, recruitment, list pages."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(title)} - {site}</title></head><body>
<div class="nav"><b>{site}</b> <a href="/">首页</a> <a href="/news/">资讯</a> <a href="/bbs/">社区</a>
<a href="/search">搜索</a> <a href="/login">登录</a></div>
<div class="main">
<h1>{esc(title)}</h1>
<div class="meta">{meta}</div>
<div class="content">
{body}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ</a> <a>复制链接</a></div>
</div>
<div class="aside">{side}</div>
<div class="footer">© {site} 保留所有权利　|　关于我们　|　联系我们　|　隐私政策</div>
</body></html>"""
