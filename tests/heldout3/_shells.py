"""Page shells imitating the furniture of several kinds of procurement sites."""

from __future__ import annotations


def soe_platform(site: str, title: str, meta: str, body: str, charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_{site}</title>
<link rel="stylesheet" href="/portal/css/ecp-detail.css?v=3.2.7"></head>
<body class="ecp">
<div id="ecp-top"><span>{site}</span> <a href="/ecp/login">供应商登录</a> <a href="/ecp/ca">CA办理</a>
<span class="hotline">客服热线 400-660-1735</span></div>
<div class="ecp-nav"><a href="/">首页</a><a href="/notice/zb">招标采购</a><a href="/notice/fzb">非招标采购</a>
<a href="/notice/jg" class="cur">采购结果</a><a href="/notice/kj">框架协议</a></div>
<div class="ecp-crumb">当前位置：首页 &gt; 非招标采购 &gt; 结果公示</div>
<div class="ecp-article">
<div class="ecp-title">{title}</div>
<div class="ecp-meta">{meta}</div>
<div class="ecp-body" id="noticeBody">
{body}
</div></div>
<div class="ecp-foot">版权所有 {site} ｜ 技术支持：数字供应链运营中心 ｜ 京ICP备1702218号-3</div>
<script>var noticeId="8a8e1f3c7d2b4e0a9c6f5d3e2b1a0978";</script>
</body></html>"""


def ggzy(site: str, title: str, pubtime: str, body: str, charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{title}</title>
<meta name="ColumnName" content="交易信息" /><meta name="SiteName" content="{site}" />
</head><body>
<div class="top"><div class="w1190"><img src="/images/logo_ggzy.png" alt="{site}" />
<div class="tel">服务电话：0731-8899 1200</div></div></div>
<div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/jyxx/">交易信息</a></li>
<li><a href="/zcfg/">政策法规</a></li><li><a href="/fwzn/">服务指南</a></li><li><a href="/xygl/">信用管理</a></li></ul></div>
<div class="w1190 position">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/jyxx/">交易信息</a> &gt;&gt; 政府采购</div>
<div class="w1190 ewb-main">
<h3 class="article-title">{title}</h3>
<div class="info-sources">【信息时间：{pubtime}&nbsp;&nbsp;阅读次数：<span id="infoViewCount">318</span>】
<a href="javascript:window.print();">【打印】</a><a href="javascript:window.close()">【关闭】</a></div>
<div class="ewb-article-info" id="mainContent">
{body}
</div>
<div class="attach">附件：<a href="/EpointWebBuilder/pages/webbuildermis/attach/downloadztbattach.jspx?attachGuid=5c1d9e2a-0b7f-4d3a-a100-7e2f9c814090">采购文件.pdf</a></div>
</div>
<div class="footer">主办单位：{site} &nbsp; 技术支持：国泰新点软件股份有限公司</div>
</body></html>"""


def campus(site: str, title: str, info: str, body: str, charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{title}-{site}</title>
<meta name="keywords" content="招标,采购,公告"></head>
<body>
<div class="header"><div class="logo"><a href="/"><img src="/_upload/tpl/00/2f/47/template47/images/logo.png" alt="{site}"></a></div>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/zbgg/list.htm">招标公告</a></li>
<li><a href="/zbjg/list.htm">结果公示</a></li><li><a href="/gzzd/list.htm">规章制度</a></li><li><a href="/xzzx/list.htm">下载中心</a></li></ul></div>
<div class="main"><div class="col_path">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zbgg/list.htm">公告信息</a></div>
<div class="article" frag="窗口10">
<h1 class="arti_title">{title}</h1>
<p class="arti_metas"><span class="arti_update">{info}</span><span class="WP_VisitCount">浏览次数：<span>214</span></span></p>
<div class="entry"><div class="read"><div class="wp_articlecontent">
{body}
</div></div></div></div></div>
<div class="footer"><p>{site} 地址与联系方式见各公告 ｜ 技术支持：博达软件</p></div>
</body></html>"""


def campus_trad(site: str, title: str, info: str, body: str, charset: str = "big5") -> str:
    """A Traditional-Chinese institutional page (Hong Kong / Taiwan)."""
    return f"""<!DOCTYPE html>
<html lang="zh-Hant"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title} | {site}</title></head>
<body>
<div id="header"><a href="/"><img src="/images/logo.gif" alt="{site}"></a>
<ul class="nav"><li><a href="/">首頁</a></li><li><a href="/news/">最新消息</a></li><li><a href="/tender/">招標及報價</a></li>
<li><a href="/contact/">聯絡我們</a></li></ul></div>
<div id="breadcrumb">首頁 &gt; 招標及報價 &gt; 公告內容</div>
<div id="content"><h2>{title}</h2><div class="date">{info}</div>
<div class="text">
{body}
</div></div>
<div id="footer">版權所有 {site} ｜ 私隱政策 ｜ 網站地圖</div>
</body></html>"""
