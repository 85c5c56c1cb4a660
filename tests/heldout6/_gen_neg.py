"""Not-relevant documents of the sixth held-out corpus: traditional-Chinese news and an English analyst post
quoting notice words, a shop page and a rental-free server advert, an aggregator list page in traditional
Chinese, domestic-only tenders that exclude US chips, uncontrolled L20 / RTX 4090D and RTX A4000 purchases,
GB 200 as a cement standard, a training course about ChatGPT, a recruitment page and a PDF broker note.
Everything is fictional."""

from __future__ import annotations

from typing import Any

from _gen_common import ccgp, ggzy, html_table, plain, write_html, write_pdf, write_txt
from _gen_pos import label
from _shells import english, taiwan


def other(file: str, date: str | None, note: str, lang: str = "zh-Hans") -> dict[str, Any]:
    return label(file, False, [], [], [], None, [], None, date, "other", note, lang)


def n01() -> dict[str, Any]:
    body = """<p>【本報訊】記者查閱中國大陸政府採購網站發現，今年以來至少有十多所高校及研究院發布招標公告，
採購配備輝達H20晶片的伺服器。其中一份公告顯示，某研究院預算金額達人民幣1,350萬元，中標供應商為一家成立僅兩年的
貿易公司，中標金額1,298萬元。</p>
<p>另有招標文件要求「8卡H200」整機，採購方式為單一來源。分析人士指出，美國自2025年4月起要求H20出口須申請許可證。</p>
<p>（編輯：黃某）</p>"""
    page = plain("港島財經日報", "大陸高校掀H20伺服器採購潮 小型貿易商頻中標", "2025年6月3日 星期二　07:45", body,
                 "<h3>熱門</h3><ul><li>A800二手價回落</li><li>算力租賃價格戰</li></ul>")
    write_html("h6-101.html", page.replace('lang="zh-CN"', 'lang="zh-HK"'))
    return other("h6-101.html", "2025-06-03", "traditional-Chinese news quoting 預算金額, 中標金額 and H20/H200",
                 "zh-Hant")


def n02() -> dict[str, Any]:
    body = """<p><em>Posted by Chip Ledger Research · 14 Jan 2026 · 6 min read</em></p>
<p>We went through 42 Chinese procurement notices published since October that name Blackwell parts. The largest
was a provincial computing centre's tender with a budget of RMB 48 million for "HGX B200 8-GPU servers"; the
winning bidder, a two-year-old Shenzhen trading firm, was awarded RMB 46.2 million.</p>
<p>Our read: demand for B200 and GB200 systems has not slowed despite export controls. We remain overweight on
server ODMs. This is not investment advice.</p>"""
    write_html("h6-102.html", english("Chip Ledger Research", "What 42 Chinese tenders tell us about Blackwell demand",
                                      body))
    return other("h6-102.html", "2026-01-14", "English analyst post quoting a tender budget and award for B200", "en")


def n03() -> dict[str, Any]:
    body = """<div class="sku"><h2>超微 SYS-821GE-TNHR 8卡 H100 SXM5 80G 整机</h2>
<p class="price">￥2,380,000.00　<del>￥2,650,000.00</del></p>
<p>配置：2×Intel Xeon 8480+，2TB DDR5，8×NVIDIA H100 80GB SXM5，8×3.84TB NVMe</p>
<p>库存：现货 3 台　　发货地：上海　　支持对公转账、开具增值税专用发票</p>
<p><button>立即询价</button>　<button>加入采购车</button></p>
<p>同店推荐：H20 96G 八卡服务器　A800 80G PCIe　L40S 服务器</p></div>"""
    write_html("h6-103.html", plain("云算商城", "超微8卡H100整机 现货", "店铺：沪上算力旗舰店　好评率 99%", body))
    return other("h6-103.html", None, "shop page selling an 8-card H100 server; no publication date")


def n04() -> dict[str, Any]:
    rows = [("2025-07-11", "某大學輝達H200伺服器採購案 招標公告", "預算：新臺幣2,100萬"),
            ("2025-07-10", "GB200 NVL72 整櫃採購 決標公告", "決標金額：新臺幣8,600萬"),
            ("2025-07-09", "雲端GPU運算服務（AWS p5）委外案", "預算：新臺幣350萬")]
    items = "".join(f"<tr><td>{d}</td><td><a href='/t/{i}'>{t}</a></td><td>{a}</td></tr>"
                    for i, (d, t, a) in enumerate(rows))
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"><title>標案速報 - GPU 相關標案</title></head>
<body><div class="top">標案速報　|　首頁　|　訂閱通知　|　會員登入</div>
<h2>關鍵字「GPU」搜尋結果：共 214 筆</h2>
<table><tr><th>公告日</th><th>標案名稱</th><th>金額</th></tr>{items}</table>
<div class="pager">1 2 3 … 22 下一頁</div>
<div class="foot">標案速報 客服信箱 service@example.tw</div></body></html>"""
    write_html("h6-104.html", page, encoding="big5")
    return other("h6-104.html", None, "Big5 traditional-Chinese aggregator list page naming H200/GB200/AWS p5 notices",
                 "zh-Hant")


def n05() -> dict[str, Any]:
    rows = [["序号", "设备名称", "技术参数", "数量"],
            ["1", "AI训练服务器", "华为昇腾910B NPU×8，整机FP16算力≥2.5 PFLOPS", "4台"],
            ["2", "通用计算服务器", "海光C86 7390 CPU×2，海光DCU K100 加速卡×2", "6台"]]
    body = f"""<p>一、项目编号：QLXC-2025-GK-019</p>
<p>二、项目名称：齐鲁信创算力平台建设项目</p>
<p>三、预算金额：1,460万元</p>
<p>四、采购需求：</p>{html_table(rows)}
<p>所投产品须为自主可控产品，不接受英伟达A100、H100、H20等境外GPU及含有上述GPU的整机，不接受使用AWS等境外云资源。</p>
<p>五、采购人：齐鲁信创产业研究院</p>
<p>六、公告日期：2025年8月4日</p>"""
    write_html("h6-105.html", ggzy("山东省公共资源交易中心", "齐鲁信创算力平台建设项目公开招标公告", "2025-08-04",
                                   [("采购方式", "公开招标")], body))
    return label("h6-105.html", False, [], ["Ascend 910B", "Hygon DCU"], [], "齐鲁信创产业研究院", [], 14600000.0,
                 "2025-08-04", "tender", "domestic Ascend 910B and Hygon DCU only; US GPUs and AWS in an exclusion")


def n06() -> dict[str, Any]:
    text = """中标结果公告

一、项目编号：NJYX-2025-CG-088
二、项目名称：医学影像推理工作站采购
三、中标（成交）信息
　　供应商名称：南京睿格信息科技有限公司
　　中标（成交）金额：642,000.00元
四、主要标的信息
　　1. 推理服务器 2台，每台配置 NVIDIA L20 48GB GPU 4块；
　　2. 图形工作站 6台，每台配置 NVIDIA GeForce RTX 4090 D 24GB 显卡 1块。
五、采购人：金陵医学影像研究所
六、公告日期：2025年3月27日
"""
    write_txt("h6-106.txt", text, crlf=True)
    return label("h6-106.txt", False, [], ["L20", "RTX 4090D"], [], "金陵医学影像研究所", ["南京睿格信息科技有限公司"],
                 642000.0, "2025-03-27", "award", "uncontrolled L20 and 'RTX 4090 D' (spaced) only")


def n07() -> dict[str, Any]:
    body = """<p>岗位：算力设备采购专员（25-35K）</p>
<p>工作地点：北京海淀　学历：本科及以上</p>
<p>岗位职责：1. 负责GPU服务器（H100、H200、B200等）的询价、招标及采购合同谈判；2. 跟踪供应商交付，
协调海关及物流；3. 熟悉政府采购流程，能编写招标文件及中标公告。</p>
<p>任职要求：3年以上IT硬件采购经验，熟悉英伟达产品线。</p>
<p>发布日期：2025-10-21</p>"""
    write_html("h6-107.html", plain("才聘网", "算力设备采购专员-北京某智算科技有限公司", "更新于 2025-10-21", body))
    return other("h6-107.html", "2025-10-21", "job post for a GPU procurement officer naming H100/H200/B200")


def n08() -> dict[str, Any]:
    body = """<p>一、项目名称：闽西水库大坝加固工程水泥采购</p>
<p>二、采购内容：中热硅酸盐水泥 P·MH 42.5 共12,000吨，产品须符合GB 200-2003《中热硅酸盐水泥、低热硅酸盐水泥》
标准；低热水泥 P·LH 42.5 共3,000吨，须符合GB200-2003。</p>
<p>三、预算金额：648万元</p>
<p>四、采购人：闽西水利水电工程建设管理局</p>
<p>五、发布日期：2025-04-15</p>"""
    write_html("h6-108.html", ccgp("闽西水库大坝加固工程水泥采购公开招标公告", "2025年04月15日 09:12", "福建省政府采购网",
                                   body))
    return label("h6-108.html", False, [], [], [], "闽西水利水电工程建设管理局", [], 6480000.0, "2025-04-15", "tender",
                 "GB 200-2003 / GB200-2003 is a cement standard, not a GB200 superchip")


def n09() -> dict[str, Any]:
    body = """<p>一、项目名称：全市公务人员人工智能应用能力提升培训服务</p>
<p>二、采购方式：竞争性磋商</p>
<p>三、预算金额：36万元</p>
<p>四、服务内容：组织线下培训6期，每期2天，课程包括：生成式人工智能发展概况；ChatGPT、Claude、Gemini与DeepSeek、
通义千问等大模型的原理与对比；政务场景下的提示词编写与数据安全。培训使用国产大模型平台进行实操。</p>
<p>五、采购人：桂中市委党校</p>
<p>六、公告日期：2025-05-19</p>"""
    write_html("h6-109.html", ggzy("广西壮族自治区公共资源交易中心", "全市公务人员人工智能应用能力提升培训服务竞争性磋商公告",
                                   "2025-05-19", [("采购方式", "竞争性磋商")], body))
    return label("h6-109.html", False, [], [], [], "桂中市委党校", [], 360000.0, "2025-05-19", "tender",
                 "a training course that teaches about ChatGPT/Claude/Gemini; no model access bought")


def n10() -> dict[str, Any]:
    body = """<p>Quotation Reference: KLC/PUR/Q-2025-044</p>
<p>Kowloon Lutheran College invites quotations for the supply of ten (10) graphics workstations, each with one
NVIDIA RTX A4000 16GB card, for the Design and Media Laboratory.</p>
<p>Estimated value: HK$ 260,000.</p>
<p>Closing date for quotations: 28 February 2025, 12:00 noon.</p>
<p>Date of issue: 14 February 2025</p>"""
    write_html("h6-110.html", english("Kowloon Lutheran College", "Invitation for Quotation: Graphics Workstations",
                                      body))
    return label("h6-110.html", False, [], ["RTX A4000"], [], "Kowloon Lutheran College", [], None, "2025-02-14",
                 "tender", "English HK quotation for RTX A4000 workstations (A4000 is not A40); value in HK$", "en")


def n11() -> dict[str, Any]:
    lines = [
        "华泰某某证券研究所　行业点评　计算机",
        "智算招标跟踪（2025年第3期）：H200与B200采购需求持续旺盛",
        "报告日期：2025年9月8日　分析师：周某（执业证书编号：S0000000000001）",
        "核心观点：据我们统计，8月全国公开招标平台共发布智算服务器相关公告127条，其中明确要求H200的12条，",
        "预算金额合计约9.6亿元；某省级智算中心GB200整柜项目中标金额4.3亿元，中标供应商为本地系统集成商。",
        "投资建议：维持行业“增持”评级。风险提示：出口管制政策变化，招标统计口径偏差。",
    ]
    write_pdf("h6-111.pdf", lines, title="行业点评")
    return other("h6-111.pdf", "2025-09-08", "PDF broker note tallying H200/B200/GB200 tenders with budgets and awards")


def n12() -> dict[str, Any]:
    rows = [("機關名稱", "臺南市立濱海高級中學"), ("標案案號", "BHSH-114-008"), ("標案名稱", "電腦教室個人電腦汰換"),
            ("招標方式", "公開取得報價單或企劃書"), ("預算金額", "新臺幣1,850,000元"),
            ("規格摘要", "個人電腦45台（Intel Core i5，NVIDIA GeForce RTX 4060 8GB 顯示卡），不得使用大陸廠牌產品"),
            ("公告日", "114/08/12")]
    write_html("h6-112.html", taiwan("電腦教室個人電腦汰換 招標公告", rows), encoding="big5")
    return label("h6-112.html", False, [], ["RTX 4060"], [], "台南市立滨海高级中学", [], None, "2025-08-12", "tender",
                 "Big5 Taiwan school PCs with RTX 4060 cards (uncontrolled); TWD only", "zh-Hant")


ALL = [n01, n02, n03, n04, n05, n06, n07, n08, n09, n10, n11, n12]
