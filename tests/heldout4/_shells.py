"""Page shells for the fourth held-out corpus: what a crawler brings back from the open web.

Aggregator reposts with member walls and recommendation lists, news portals, a listed company's investor
page, a shop, a rental platform, English government pages. Every name, number and address is fictional.
"""

from __future__ import annotations

from _gen_common import esc


def aggregator(site: str, title: str, pubtime: str, summary: list[tuple[str, str]], body: str,
               recommended: list[str], charset: str = "utf-8") -> str:
    """A 标讯 aggregator page: login bar, member wall, masked summary box, the notice, a recommendation list."""
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in summary)
    recs = "".join(f'<li><a href="/detail/{1000 + i}.html">{esc(t)}</a><span>2天前</span></li>'
                   for i, t in enumerate(recommended))
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{esc(title)} - {site}</title>
<meta name="keywords" content="招标信息,中标信息,采购信息,{site}">
<meta name="description" content="{site}提供全国招标采购信息查询服务">
</head><body>
<div class="topbar"><span>您好，欢迎来到{site}！</span><a href="/login">登录</a> | <a href="/register">免费注册</a>
<a class="vip" href="/vip">开通会员</a><span class="hot">服务热线：400-018-6655</span></div>
<div class="searchbar"><form action="/search"><input name="kw" placeholder="输入关键词，如：服务器、算力、GPU">
<button>搜标讯</button></form></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zb/">招标信息</a> &gt; 详情</div>
<div class="detail">
<h1 class="detail-title">{esc(title)}</h1>
<div class="detail-meta">发布时间：{pubtime}　　来源：{site}整理　　浏览次数：1,318</div>
<table class="summary"><caption>项目概况</caption>{rows}</table>
<div class="vip-tip">以上信息仅对会员开放，<a href="/vip">开通会员查看</a>完整联系方式及附件</div>
<div class="detail-body">
{body}
</div>
<div class="share">分享到：微信 微博 QQ空间 <a href="/report">举报</a></div>
</div>
<div class="side"><h3>相关推荐</h3><ul class="rec-list">{recs}</ul></div>
<div class="side"><h3>热门搜索</h3><p>GPU服务器 算力租赁 H100 A800 智算中心 大模型一体机</p></div>
<div class="footer">Copyright © 2016-2025 {site} 版权所有　增值电信业务经营许可证：京B2-20170932
<br>客服电话：400-018-6655（工作日9:00-18:00）　投诉邮箱：service@example.cn</div>
<script>var _hmt=_hmt||[];var detailId="a100c4090e";</script>
</body></html>"""


def news(site: str, title: str, meta: str, paragraphs: list[str], related: list[str],
         charset: str = "utf-8", lang: str = "zh-CN") -> str:
    """A news portal article page with channel navigation, a byline, an editor line and related stories."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    rel = "".join(f'<li><a href="/a/{2000 + i}.html">{esc(t)}</a></li>' for i, t in enumerate(related))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}"><title>{esc(title)}_{site}</title>
<meta property="og:type" content="article"></head>
<body>
<div class="nav"><a href="/">首页</a><a href="/finance/">财经</a><a href="/tech/">科技</a><a href="/chip/">芯片</a>
<a href="/ai/">人工智能</a><a href="/app/">客户端下载</a></div>
<div class="article">
<h1>{esc(title)}</h1>
<div class="article-meta">{meta}</div>
<div class="article-content">
{body}
</div>
<div class="share">分享：微信 | 微博 | 复制链接</div>
</div>
<div class="related"><h3>相关阅读</h3><ul>{rel}</ul></div>
<div class="comments">网友评论（26）　<a href="/login">登录</a>后参与评论</div>
<div class="footer">{site} 版权所有 未经授权禁止转载　违法和不良信息举报电话：010-5869 2211</div>
</body></html>"""


def company_ir(company: str, title: str, date: str, body: str) -> str:
    """A listed company's investor-relations page carrying one announcement."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(title)}-{company}</title></head>
<body>
<div class="header"><img src="/static/logo.png" alt="{company}"><ul><li>首页</li><li>关于我们</li><li>产品与服务</li>
<li class="on">投资者关系</li><li>新闻中心</li><li>加入我们</li></ul></div>
<div class="crumb">首页 / 投资者关系 / 临时公告</div>
<div class="ir-article"><h2>{esc(title)}</h2><p class="time">{date}</p>
<div class="ir-content">
{body}
</div>
<p class="download"><a href="/uploads/ir/announcement.pdf">下载PDF版</a></p></div>
<div class="footer">{company} ｜ 投资者热线：0755-2690 4411 ｜ 粤ICP备14073321号</div>
</body></html>"""


def shop(site: str, title: str, body: str) -> str:
    """A small web shop's product page: cart, price, sales count, reviews, customer service."""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{esc(title)} - {site}</title></head>
<body>
<div class="shop-top"><a href="/">{site}</a> <a href="/cart">购物车(0)</a> <a href="/user">我的订单</a>
<span>在线客服 7×24小时</span></div>
<div class="goods">
<h1 class="goods-name">{esc(title)}</h1>
{body}
<div class="buy"><button>立即购买</button> <button>加入购物车</button></div>
</div>
<div class="reviews"><h3>买家评价（4,812）</h3><p>发货很快，秒到账，好评！</p><p>第三次回购了，稳定。</p></div>
<div class="footer">© {site} 本站仅提供技术服务 请勿用于违法用途</div>
</body></html>"""


def english_gov(site: str, title: str, body: str,
                menu: tuple[str, ...] = ("About", "Procurement", "News", "Contact Us")) -> str:
    """An English page (a Hong Kong or Macau institution by default; other sites pass their own menu)."""
    items = "".join(f"<li>{m}</li>" for m in menu)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)} | {site}</title></head>
<body>
<div id="skip"><a href="#main">Skip to main content</a></div>
<div class="masthead">{site} <span class="lang"><a href="/tc/">繁</a> <a href="/sc/">简</a></span>
<ul class="menu">{items}</ul></div>
<div class="breadcrumb">Home &gt; {menu[1]}</div>
<div id="main"><h1>{esc(title)}</h1>
{body}
</div>
<div class="footer">Copyright © {site}. All rights reserved. | Privacy Policy | Disclaimer | Sitemap</div>
</body></html>"""


def trad_page(site: str, title: str, meta: str, body: str, charset: str = "big5") -> str:
    """A traditional-Chinese page (Macau / Hong Kong / Taiwan)."""
    return f"""<!DOCTYPE html>
<html lang="zh-Hant"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{esc(title)}｜{site}</title></head>
<body>
<div id="top"><a href="/">{site}</a><ul><li>首頁</li><li>最新消息</li><li>採購公告</li><li>聯絡我們</li></ul></div>
<div id="path">首頁 &gt; 最新消息 &gt; 內容</div>
<div id="main"><h2>{esc(title)}</h2><div class="meta">{meta}</div>
<div class="content">
{body}
</div></div>
<div id="foot">版權所有 {site}　｜　私隱聲明　｜　無障礙瀏覽</div>
</body></html>"""


def campus_page(site: str, title: str, date: str, body: str) -> str:
    """A plain institutional procurement page."""
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>
<body><div class="top">{site} 招标采购网</div><div class="nav">首页 | 通知公告 | 招标公告 | 结果公示 | 下载专区</div>
<h1>{title}</h1><div class="info">发布时间：{date}　作者：资产管理处　点击数：96</div>
<div class="content">{body}</div><div class="foot">{site} 版权所有</div></body></html>"""
