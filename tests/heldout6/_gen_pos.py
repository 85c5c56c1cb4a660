"""Relevant documents of the sixth held-out corpus: forms the first five sets under-cover (Taiwan and Hong Kong
traditional-Chinese pages, a Hong Kong exchange announcement in traditional Chinese with RMB amounts, a termination
notice, a correction that swaps the model, a lot award where the uncontrolled lot failed, the ccgp 公告概要 table in
万元 with six decimals, MI308X / MI250 / GB200 / RTX 4090 parts, notices before and after the rule dates, Azure ND
H100 v5 and Oracle OCI bare-metal GPU shapes through resellers, Claude and GPT-4o APIs through intermediaries, an
English notice with an RMB budget). Everything is fictional."""

from __future__ import annotations

from typing import Any

from _gen_common import (
    aggregator,
    campus,
    ccgp,
    ggzy,
    html_table,
    write_docx,
    write_html,
    write_pdf,
    write_txt,
)
from _shells import ccgp_vf, english, hkex, taiwan


def label(file: str, relevant: bool, categories: list[str], items: list[str], providers: list[str],
          buyer: str | None, suppliers: list[str], amount: float | None, date: str | None, ntype: str, note: str,
          lang: str = "zh-Hans") -> dict[str, Any]:
    return {"file": file, "relevant": relevant, "categories": categories, "items": items, "providers": providers,
            "buyer": buyer, "suppliers": suppliers, "amount_cny": amount, "notice_date": date, "notice_type": ntype,
            "lang": lang, "case": None, "note": note}


def p01() -> dict[str, Any]:
    rows = [("機關名稱", "國立南瀛科技大學"), ("標案案號", "NYUST-114-E-023"),
            ("標案名稱", "人工智慧運算伺服器採購案"), ("招標方式", "公開招標"), ("決標方式", "最低標"),
            ("採購金額級距", "公告金額以上未達查核金額"), ("預算金額", "新臺幣18,600,000元"),
            ("標的分類", "財物類 4521 電腦設備"),
            ("規格摘要", "輝達 HGX H200 8-GPU 伺服器1台（每台8顆H200 SXM 141GB），含機櫃及安裝"),
            ("公告日", "114/03/05"), ("截止投標", "114/03/20 17:00"), ("開標時間", "114/03/21 10:00")]
    write_html("h6-001.html", taiwan("人工智慧運算伺服器採購案 招標公告", rows), encoding="big5")
    return label("h6-001.html", True, ["server"], ["H200"], [], "国立南瀛科技大学", [], None, "2025-03-05", "tender",
                 "Big5 Taiwan e-procurement label table; ROC dates 114/03/05; budget only in 新臺幣 so amount null",
                 "zh-Hant")


def p02() -> dict[str, Any]:
    body = """<p>報價邀請（編號：QN/ITSO/2024/118）</p>
<p>香港樂岩大學資訊科技服務處現邀請供應商就下列貨品提交報價：</p>
<p>貨品：AMD Instinct MI250 128GB OAM 加速器 4 張，連三年保養。</p>
<p>預算上限：美元 58,000（USD 58,000）。</p>
<p>報價須於2024年4月26日（星期五）中午12時前交回。</p>
<p>如有查詢，請致電 2345 6789 與陳先生聯絡。</p>
<p>香港樂岩大學　採購組</p>
<p>發出日期：2024年4月12日</p>"""
    page = campus("香港樂岩大學", "報價邀請：AMD Instinct MI250 加速器", "2024-04-12", body)
    page = page.replace('lang="zh-CN"', 'lang="zh-HK"').replace("采购与招标管理中心", "採購組")
    write_html("h6-002.html", page)
    return label("h6-002.html", True, ["chip"], ["MI250"], [], "香港乐岩大学", [], None, "2024-04-12", "tender",
                 "traditional-Chinese Hong Kong invitation to quote (UTF-8) for MI250 OAM; value only in USD",
                 "zh-Hant")


def p03() -> dict[str, Any]:
    body = """<p>项目概况：澜湄智算研究院AI加速卡采购项目招标项目的潜在投标人应在本网站获取招标文件。</p>
<p>一、项目基本情况</p>
<p>项目编号：LMZS-2025-GK-044</p>
<p>项目名称：澜湄智算研究院AI加速卡采购项目</p>
<p>预算金额：1,280,000.00元</p>
<p>最高限价：128万元</p>
<p>采购需求：AMD Instinct MI308X 加速卡 8块（OAM形态，192GB HBM3），含原厂驱动及三年质保。</p>
<p>合同履行期限：合同签订后45日内到货安装。</p>
<p>二、获取招标文件：2025年6月10日至2025年6月17日</p>
<p>三、投标截止时间：2025年6月30日9:30</p>
<p>四、采购人信息：名称：澜湄智算研究院　地址：昆明市呈贡区大学城东路9号</p>
<p>采购代理机构：云南澜信招标有限公司</p>"""
    write_html("h6-003.html", ccgp("澜湄智算研究院AI加速卡采购项目公开招标公告", "2025年06月09日 18:05",
                                   "云南省政府采购网", body))
    return label("h6-003.html", True, ["chip"], ["MI308X"], [], "澜湄智算研究院", [], 1280000.0, "2025-06-09",
                 "tender", "MI308X cards after the April 2025 licence letter; budget in 元 and limit in 万元 agree")


def p04() -> dict[str, Any]:
    text = """鄂西北先进计算研究院大模型推理服务器采购项目终止公告

一、项目基本情况
　　采购项目编号：EXB-2025-GK-0107
　　采购项目名称：大模型推理服务器采购项目
　　预算金额：760万元
　　采购需求：推理服务器4台，每台配置8块NVIDIA H20 96GB GPU
二、项目终止的原因
　　因NVIDIA H20产品自2025年4月起出口受限，供应商无法保证供货，经采购人研究决定，本项目终止采购。
三、其他补充事宜
　　已购买招标文件的供应商可凭收据办理退款。
四、凡对本次公告内容提出询问，请按以下方式联系。
　　1.采购人信息
　　名　称：鄂西北先进计算研究院
　　地　址：襄阳市高新区追日路18号
　　2.采购代理机构信息
　　名　称：湖北汉襄招标咨询有限公司

湖北汉襄招标咨询有限公司
2025年5月8日
"""
    write_txt("h6-004.txt", text)
    return label("h6-004.txt", True, ["server"], ["H20"], [], "鄂西北先进计算研究院", [], 7600000.0, "2025-05-08",
                 "other", "终止公告 of an H20 server tender after the April 2025 letter; type other with the budget "
                 "(as dev's termination notice dB-035); the buyer sought the servers")


def p05() -> dict[str, Any]:
    body = """<p>一、项目基本情况</p>
<p>原公告的采购项目编号：SXGK-2024-0391</p>
<p>原公告的采购项目名称：三晋数字孪生实验室图形计算服务器采购项目</p>
<p>首次公告日期：2024年7月1日</p>
<p>二、更正信息</p>
<p>更正事项：采购文件</p>
<p>更正内容：</p>
<p>1. 第三章技术要求第2条“每台配置4块NVIDIA L20 48GB GPU”更正为“每台配置4块NVIDIA L40S 48GB GPU”；</p>
<p>2. 预算金额由180万元更正为236万元；</p>
<p>3. 投标截止时间顺延至2024年7月26日9:00。</p>
<p>更正日期：2024年7月9日</p>
<p>三、其他补充事宜：其他内容不变。</p>
<p>四、采购人信息：名称：三晋数字孪生实验室　地址：太原市小店区长治路226号</p>"""
    write_html("h6-005.html", ccgp("三晋数字孪生实验室图形计算服务器采购项目更正公告", "2024年07月09日 17:30",
                                   "山西省政府采购网", body))
    return label("h6-005.html", True, ["server"], ["L40S"], [], "三晋数字孪生实验室", [], 2360000.0, "2024-07-09",
                 "correction", "correction swaps the model from L20 (uncontrolled) to L40S; the corrected budget")


def p06() -> dict[str, Any]:
    rows = [["包号", "采购内容", "中标（成交）供应商", "中标（成交）金额"],
            ["1", "推理服务器（NVIDIA L20 48GB×4）6台", "—（废标：有效投标人不足三家）", "—"],
            ["2", "训练服务器（NVIDIA HGX H200 8-GPU）2台", "杭州衡擎数据科技有限公司", "1,146.5万元"]]
    body = f"""<p>一、项目编号：ZJHX-2025-ZB-072</p>
<p>二、项目名称：钱塘智能计算中心GPU服务器采购项目</p>
<p>三、中标（成交）信息：</p>{html_table(rows)}
<p>四、主要标的信息：包2：品牌：超聚变；规格型号：G8600 V7；数量：2台；单价：5,732,500.00元</p>
<p>五、公告期限：自本公告发布之日起1个工作日。</p>
<p>六、采购人信息：名称：钱塘智能计算中心　地址：杭州市钱塘区白杨街道6号大街</p>
<p>七、采购代理机构：浙江衡信招标代理有限公司</p>
<p>公告日期：2025年9月15日</p>"""
    write_html("h6-006.html", ggzy("浙江省公共资源交易中心", "钱塘智能计算中心GPU服务器采购项目中标（成交）结果公告",
                                   "2025-09-15", [("项目编号", "ZJHX-2025-ZB-072"), ("公告类型", "结果公告")], body))
    return label("h6-006.html", True, ["server"], ["H200"], [], "钱塘智能计算中心",
                 ["杭州衡擎数据科技有限公司"], 11465000.0, "2025-09-15", "award",
                 "two-lot award table: the L20 lot failed (废标, nothing bought), the H200 lot won in 万元; unit price in 元")


def p07() -> dict[str, Any]:
    body = """<p>根据《政府采购非招标采购方式管理办法》规定，现将本项目拟采用单一来源采购方式的有关情况公示如下：</p>
<p>一、采购人：东湖光电信息国家研究中心</p>
<p>二、项目名称：海外科研协作云计算资源服务</p>
<p>三、拟采购内容：Microsoft Azure（海外区域）ND H100 v5 虚拟机计算资源，累计不少于3,000 GPU小时，
以及配套存储与网络，服务期12个月。</p>
<p>四、预算金额：人民币85万元（约合11.8万美元）</p>
<p>五、拟定供应商：武汉云枢国际信息技术有限公司（Microsoft 云解决方案提供商）</p>
<p>六、采用单一来源的理由：我中心与海外合作团队的联合研究平台部署于 Azure，迁移成本高。</p>
<p>七、公示期限：2025年2月17日至2025年2月21日</p>"""
    write_html("h6-007.html", campus("东湖光电信息国家研究中心", "海外科研协作云计算资源服务单一来源采购公示",
                                     "2025-02-17", body))
    return label("h6-007.html", True, ["cloud"], ["H100"], ["Microsoft Azure"], "东湖光电信息国家研究中心",
                 ["武汉云枢国际信息技术有限公司"], 850000.0, "2025-02-17", "single_source",
                 "single source for Azure ND H100 v5 VMs through a reseller; RMB budget with a USD gloss")


def p08() -> dict[str, Any]:
    body = """<p>一、项目编号：SCDX-FW-2024-215</p>
<p>二、项目名称：分子模拟云端算力服务采购</p>
<p>三、成交信息：成交供应商：成都锦云跨境科技有限公司；成交金额：438,600.00元</p>
<p>四、主要标的信息：服务名称：甲骨文云（Oracle Cloud Infrastructure）BM.GPU.A100-v2.8 裸金属实例计算服务；
服务范围：2个实例，累计1,200小时；服务时间：合同签订之日起6个月。</p>
<p>五、采购人：蜀南分子科学研究所</p>
<p>六、公告日期：2024年10月22日</p>"""
    write_html("h6-008.html", ccgp("蜀南分子科学研究所分子模拟云端算力服务采购成交公告", "2024年10月22日 16:48",
                                   "四川政府采购网", body))
    return label("h6-008.html", True, ["cloud"], ["A100"], ["Oracle Cloud"], "蜀南分子科学研究所",
                 ["成都锦云跨境科技有限公司"], 438600.0, "2024-10-22", "award",
                 "成交 for an Oracle OCI BM.GPU.A100-v2.8 shape through a cross-border reseller")


def p09() -> dict[str, Any]:
    write_docx("h6-009.docx", [
        ("h", "合同公告"),
        ("p", "一、合同编号：HYLS-HT-2025-019"),
        ("p", "二、合同名称：法律文书智能审查模型调用服务合同"),
        ("p", "三、项目名称：法律文书智能审查模型调用服务"),
        ("p", "四、合同主体"),
        ("p", "采购人（甲方）：衡阳市司法信息中心"),
        ("p", "供应商（乙方）：长沙智语汇通科技有限公司"),
        ("p", "五、合同主要信息"),
        ("t", [["主要标的名称", "规格型号（或服务要求）", "数量", "合同金额"],
               ["Anthropic Claude 3.5 Sonnet API调用服务", "调用额度不少于5,000万tokens，由乙方提供接口转接", "1项",
                "¥96,500.00"]]),
        ("p", "六、合同签订日期：2025年4月2日"),
        ("p", "七、合同公告日期：2025年4月7日"),
    ])
    return label("h6-009.docx", True, ["ai_model"], [], ["Anthropic"], "衡阳市司法信息中心",
                 ["长沙智语汇通科技有限公司"], 96500.0, "2025-04-07", "contract",
                 "DOCX 合同公告: Claude API through an intermediary; the amount only in the table")


def p10() -> dict[str, Any]:
    lines = [
        "滨江师范学院2025年9月至12月政府采购意向",
        "为便于供应商及时了解政府采购信息，现将本单位采购意向公开如下：",
        "序号 | 采购项目名称 | 采购需求概况 | 预算金额（万元） | 预计采购时间",
        "1 | 智慧教室改造 | 录播设备及交互大屏 | 120 | 2025年9月",
        "2 | 大模型教学应用服务 | OpenAI GPT-4o 模型API调用服务（经国内合规服务商接入），服务期一年 | 45 | 2025年10月",
        "3 | 图书采购 | 中外文图书 | 60 | 2025年11月",
        "本次公开的采购意向是本单位政府采购工作的初步安排，具体以采购公告为准。",
        "滨江师范学院",
        "2025年8月25日",
    ]
    write_pdf("h6-010.pdf", lines, title="政府采购意向公开")
    return label("h6-010.pdf", True, ["ai_model"], [], ["OpenAI"], "滨江师范学院", [], 450000.0, "2025-08-25",
                 "intention", "PDF intention list with pipe-separated rows; only row 2 buys GPT-4o API access")


def p11() -> dict[str, Any]:
    body = """<p>一、项目名称：动画学院渲染实验室显卡采购</p>
<p>二、采购方式：询价</p>
<p>三、预算金额：壹拾玖万捌仟元整（￥198,000.00）</p>
<p>四、采购内容：NVIDIA GeForce RTX 4090 24GB 显卡 10块（公版，非D版）</p>
<p>五、采购人：闽江影视艺术学院</p>
<p>六、报价截止时间：2023年9月19日17:00</p>
<p>七、发布日期：2023年9月12日</p>"""
    write_html("h6-011.html", campus("闽江影视艺术学院", "动画学院渲染实验室显卡采购询价公告", "2023-09-12", body))
    return label("h6-011.html", True, ["chip"], ["RTX 4090"], [], "闽江影视艺术学院", [], 198000.0, "2023-09-12",
                 "tender", "RTX 4090 cards bought before the Oct 2023 rule; 大写 with figure in brackets; 非D版")


def p12() -> dict[str, Any]:
    summary = [("采购项目名称", "国家海洋环境预报超算平台扩容项目"), ("品目", "货物/计算机设备/服务器"),
               ("采购单位", "国家海洋环境预报研究中心"), ("行政区域", "北京市"), ("公告时间", "2025年11月20日 19:10"),
               ("总中标金额", "￥1268.000000 万元（人民币）"),
               ("代理机构名称", "中海国际招标有限公司")]
    body = """<p>一、项目编号：GHZB-2025-HY-0311</p>
<p>二、项目名称：国家海洋环境预报超算平台扩容项目</p>
<p>三、中标（成交）信息</p>
<p>供应商名称：北京瀚海智算系统有限公司</p>
<p>供应商地址：北京市海淀区上地信息路28号</p>
<p>中标（成交）金额：1268.000000（万元）</p>
<p>四、主要标的信息</p>
<p>名称：液冷整机柜AI计算系统；品牌：NVIDIA；规格型号：GB200 NVL72；数量：1套</p>
<p>五、评审专家名单：张某、王某、刘某、陈某、杨某</p>
<p>六、公告期限：自本公告发布之日起1个工作日。</p>"""
    write_html("h6-012.html", ccgp_vf("国家海洋环境预报超算平台扩容项目中标公告", "2025-11-20 19:10", summary, body))
    return label("h6-012.html", True, ["server"], ["GB200"], [], "国家海洋环境预报研究中心",
                 ["北京瀚海智算系统有限公司"], 12680000.0, "2025-11-20", "award",
                 "ccgp vF page with 公告概要 (6-decimal 万元); GB200 NVL72 only in 规格型号")


def p13() -> dict[str, Any]:
    body = """<p><b>Invitation to Tender No. SZAI-IT-2024-031</b></p>
<p>Purchaser: Shenzhen Bay Institute of Intelligent Systems</p>
<p>Subject: Supply and installation of two (2) HGX H20 8-GPU servers (NVIDIA H20 96GB HBM3, 8 GPUs per server),
with 3-year on-site warranty.</p>
<p>Budget: RMB 3.6 million (tax included).</p>
<p>Tender documents are available from 21 November 2024 to 28 November 2024. Deadline for submission of bids:
10:00 a.m., 12 December 2024 (Beijing time).</p>
<p>Published: 20 November 2024</p>"""
    write_html("h6-013.html", english("Shenzhen Bay Institute of Intelligent Systems",
                                      "Invitation to Tender: HGX H20 8-GPU servers", body))
    return label("h6-013.html", True, ["server"], ["H20"], [], "Shenzhen Bay Institute of Intelligent Systems", [],
                 3600000.0, "2024-11-20", "tender",
                 "English tender of a mainland institute with an RMB budget in millions; H20 before the April 2025 letter",
                 "en")


def p14() -> dict[str, Any]:
    text = """黄河流域生态大数据中心大模型训练算力租赁服务采购需求公示

一、项目名称：大模型训练算力租赁服务
二、服务内容：租用基于ＮＶＩＤＩＡ Ｈ２００ １４１ＧＢ的ＧＰＵ算力资源，单节点８卡，
　　服务量不少于３０００００卡时，服务期１２个月，服务器部署于供应商机房。
三、单价上限：１５元／卡时
四、预算金额：４５０万元
五、采购人：黄河流域生态大数据中心
六、公示日期：２０２６年２月３日
"""
    write_txt("h6-014.txt", text)
    return label("h6-014.txt", True, ["rental"], ["H200"], [], "黄河流域生态大数据中心", [], 4500000.0, "2026-02-03",
                 "tender", "requirement-only text, everything full-width including Ｈ２００; rental after the "
                 "Jan 2026 H200 rule; a 卡时 unit price beside the budget")


def p15() -> dict[str, Any]:
    body = """<p>一、项目名称：遥感影像智能解译服务器采购</p>
<p>二、采购人：西北遥感应用研究院</p>
<p>三、拟采购内容：Dell PowerEdge XE9680 服务器2台，每台配置8块NVIDIA H100 SXM5 80GB GPU。</p>
<p>四、预算金额：596万元</p>
<p>五、拟定供应商：西安秦岭数聚科技有限公司</p>
<p>六、单一来源理由：与现有集群同构，需保持软硬件兼容。</p>
<p>七、公示期：2024年1月8日至2024年1月12日</p>"""
    write_html("h6-015.html", aggregator(
        "招采宝", "单一来源|西北遥感应用研究院遥感影像智能解译服务器采购单一来源公示", "2024-01-08",
        [("采购单位：", "西北遥感应用研究院"), ("预算金额：", "***万元"), ("供应商：", "开通会员查看")], body,
        ["A100 80G 显卡采购询价", "某高校DGX H100 采购公告", "昇腾910B 服务器招标"]))
    return label("h6-015.html", True, ["server"], ["H100"], [], "西北遥感应用研究院", ["西安秦岭数聚科技有限公司"],
                 5960000.0, "2024-01-08", "single_source",
                 "aggregator repost of a single-source notice with masks; Dell XE9680 with H100")


def p16() -> dict[str, Any]:
    body = """<p>香港交易及結算所有限公司及香港聯合交易所有限公司對本公告之內容概不負責。</p>
<h3>雲圖數智控股有限公司<br>（於開曼群島註冊成立之有限公司）<br>（股份代號：2399）</h3>
<h3>須予披露交易　購買伺服器</h3>
<p>董事會宣佈，於2024年9月23日，本公司之間接全資附屬公司貴州雲圖算力科技有限公司（「買方」）與
深圳市恒朗信息技術有限公司（「賣方」）訂立購買協議，據此，買方同意購買而賣方同意出售配備輝達H20 GPU之
AI伺服器共120台，總代價為人民幣235,000,000元（含稅）。</p>
<p>由於購買協議項下擬進行交易之一項或多項適用百分比率超過5%但低於25%，該交易構成本公司之須予披露交易。</p>
<p>承董事會命<br>雲圖數智控股有限公司<br>主席　李某</p>
<p>香港，2024年9月24日</p>"""
    write_html("h6-016.html", hkex("雲圖數智控股有限公司", "須予披露交易 購買伺服器", body))
    return label("h6-016.html", True, ["server"], ["H20"], [], "贵州云图算力科技有限公司", ["深圳市恒朗信息技术有限公司"],
                 235000000.0, "2024-09-24", "contract",
                 "HKEX 須予披露交易 announcement in traditional Chinese: indirect subsidiary buys H20 servers; RMB amount",
                 "zh-Hant")


def p17() -> dict[str, Any]:
    summary = [("采购项目名称", "多模态感知实验室GPU加速卡采购"), ("品目", "货物/计算机设备/图形加速卡"),
               ("采购单位", "燕山智能感知实验室"), ("行政区域", "河北省"), ("公告时间", "2023年08月15日 10:02"),
               ("总中标金额", "￥56.980000 万元（人民币）")]
    body = """<p>一、项目编号：YSZN-2023-CG-027</p>
<p>二、项目名称：多模态感知实验室GPU加速卡采购</p>
<p>三、中标（成交）信息</p>
<p>供应商名称：秦皇岛燕云电子科技有限公司</p>
<p>中标（成交）金额：569800.00(元)</p>
<p>四、主要标的信息</p>
<p>名称：GPU加速卡；品牌：NVIDIA；规格型号：A800 40GB PCIe；数量：4块；单价（元）：142450</p>"""
    write_html("h6-017.html", ccgp_vf("燕山智能感知实验室多模态感知实验室GPU加速卡采购中标公告", "2023-08-15 10:02",
                                      summary, body))
    return label("h6-017.html", True, ["chip"], ["A800"], [], "燕山智能感知实验室", ["秦皇岛燕云电子科技有限公司"],
                 569800.0, "2023-08-15", "award",
                 "A800 bought before the Oct 2023 rule; 公告概要 in 万元 and body in 元 agree; model only in 规格型号")


ALL = [p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16, p17]
