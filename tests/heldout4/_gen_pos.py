"""Relevant documents of the fourth held-out corpus: a buyer's own notices and purchase disclosures as the
open web carries them (aggregator reposts, investor pages, English and traditional-Chinese pages), plus the
held-out families listed in issue 10. Everything is fictional."""

from __future__ import annotations

from typing import Any

from _gen_common import html_table, write_docx, write_html, write_pdf, write_txt
from _shells import aggregator, campus_page, company_ir, english_gov, trad_page


def label(file: str, relevant: bool, categories: list[str], items: list[str], providers: list[str],
          buyer: str | None, suppliers: list[str], amount: float | None, date: str | None, ntype: str, note: str,
          lang: str = "zh-Hans") -> dict[str, Any]:
    return {"file": file, "relevant": relevant, "categories": categories, "items": items, "providers": providers,
            "buyer": buyer, "suppliers": suppliers, "amount_cny": amount, "notice_date": date, "notice_type": ntype,
            "lang": lang, "case": None, "note": note}


def p01() -> dict[str, Any]:
    lines = [
        "证券代码：301486　　证券简称：远岫科技　　公告编号：2024-057",
        "深圳远岫科技股份有限公司",
        "关于全资子公司签订算力设备采购合同的公告",
        "本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。",
        "一、合同签署概况",
        "深圳远岫科技股份有限公司（以下简称“公司”）于2024年7月25日召开第三届董事会第十二次会议，审议通过了"
        "《关于全资子公司购买算力设备的议案》。2024年7月26日，公司全资子公司杭州远岫智算科技有限公司（以下简称"
        "“远岫智算”）与上海檀溪信息技术有限公司（以下简称“檀溪信息”）签署了《算力服务器采购合同》，"
        "远岫智算向檀溪信息采购搭载NVIDIA H20 96GB GPU的八卡服务器共64台，合同总金额为人民币28,416.00万元（含税）。",
        "二、交易对方基本情况",
        "1、名称：上海檀溪信息技术有限公司",
        "2、统一社会信用代码：91310115MA1HX3T27K",
        "3、注册资本：5,000万元人民币",
        "4、经营范围：计算机软硬件及辅助设备批发、零售；信息系统集成服务。",
        "5、檀溪信息与公司及公司控股股东、实际控制人不存在关联关系。",
        "三、合同主要内容",
        "1、买方：杭州远岫智算科技有限公司；卖方：上海檀溪信息技术有限公司",
        "2、合同标的：八卡GPU服务器（H20 96GB×8，含三年原厂维保）64台",
        "3、合同金额：人民币28,416.00万元（含税），不含税金额为25,146.90万元",
        "4、付款方式：合同签订后支付30%预付款，到货验收合格后支付60%，剩余10%于质保期满一年后支付。",
        "四、其他说明",
        "远岫智算于2024年2月与北京岭川数据科技有限公司签订的《GPU服务器采购合同》（合同金额人民币12,600.00万元）"
        "因交付周期无法满足要求，已于2024年6月经双方协商一致解除，详见公司于2024年6月21日披露的相关公告。",
        "本次合同金额占公司最近一个会计年度经审计营业收入的41.7%，本次采购的资金来源为公司自有资金及银行贷款。",
        "五、风险提示",
        "合同履行过程中可能存在供货延迟、出口管制政策变化等风险，敬请广大投资者注意投资风险。",
        "特此公告。",
        "深圳远岫科技股份有限公司董事会",
        "2024年7月29日",
    ]
    write_pdf("h4-001.pdf", lines)
    return label("h4-001.pdf", True, ["server"], ["H20"], [], "杭州远岫智算科技有限公司", ["上海檀溪信息技术有限公司"],
                 284160000.0, "2024-07-29", "contract",
                 "listed-company disclosure (PDF, wrapped lines): wholly-owned subsidiary buys 64 x 8-card H20 "
                 "servers; 含税 28,416万 and 不含税 both given; a terminated earlier contract (12,600万, another "
                 "counterparty), registered capital and a revenue ratio on the page; board meeting 07-25, signing "
                 "07-26, publication 07-29")


def p02() -> dict[str, Any]:
    body = """<p>证券代码：688372　证券简称：澄曜股份　公告编号：临2025-019</p>
<p style="text-align:center"><b>江苏澄曜数据股份有限公司关于控股子公司签订算力服务采购合同暨关联交易的公告</b></p>
<p>本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。</p>
<p><b>重要内容提示：</b></p>
<p>● 公司控股子公司无锡澄曜智能科技有限公司（以下简称“澄曜智能”）拟向关联方苏州岑岭云计算有限公司（以下简称“岑岭云”）
租用基于NVIDIA H800 GPU的算力服务，租赁期限24个月，合同金额为含税人民币5,830.00万元（不含税人民币5,500.00万元）。</p>
<p>● 本次交易构成关联交易，未构成重大资产重组。</p>
<p>● 过去12个月内，公司与岑岭云累计发生的关联交易金额为人民币1,268.40万元。</p>
<p><b>一、关联交易概述</b></p>
<p>为满足大模型训练业务需要，澄曜智能于2025年3月12日与岑岭云签署《算力服务合同》，租用H800八卡服务器集群
（共256张H800 80GB SXM GPU）提供的算力服务。公司于2025年3月11日召开第二届董事会第十九次会议审议通过该事项，关联董事回避表决。</p>
<p><b>二、关联方介绍</b></p>
<p>名称：苏州岑岭云计算有限公司；注册资本：20,000万元；法定代表人：韦立衡；岑岭云为公司控股股东控制的企业。</p>
<p><b>三、合同主要条款</b></p>
<p>甲方（承租方）：无锡澄曜智能科技有限公司</p>
<p>乙方（出租方）：苏州岑岭云计算有限公司</p>
<p>服务内容：乙方向甲方提供256卡H800 GPU算力服务及配套存储、网络，可用率不低于99.5%。</p>
<p>合同金额：含税人民币5,830.00万元，按月结算。</p>
<p><b>四、对上市公司的影响</b></p>
<p>本次租用算力服务不会对公司独立性产生影响。公司2024年度营业收入为人民币9.86亿元。</p>
<p>特此公告。</p>
<p style="text-align:right">江苏澄曜数据股份有限公司董事会<br>2025年3月13日</p>"""
    page = company_ir("江苏澄曜数据股份有限公司", "关于控股子公司签订算力服务采购合同暨关联交易的公告", "2025-03-13",
                      body)
    write_html("h4-002.html", page)
    return label("h4-002.html", True, ["rental"], ["H800"], [], "无锡澄曜智能科技有限公司", ["苏州岑岭云计算有限公司"],
                 58300000.0, "2025-03-13", "contract",
                 "listed company's investor page: controlling subsidiary rents H800 capacity from a related party; "
                 "含税 and 不含税 both given; cumulative related-party amount, registered capital and revenue on the "
                 "page; board 03-11, signing 03-12, publication 03-13")


def p03() -> dict[str, Any]:
    text = """证券代码：002917        证券简称：楚衡信息        公告编号：2023-041

湖北楚衡信息技术股份有限公司
关于签订日常经营重大合同的自愿性披露公告

本公司及董事会全体成员保证信息披露内容的真实、准确和完整，没有虚假记载、误导性陈述或重大遗漏。

一、合同签订情况
为建设公司“楚衡智算中心”，湖北楚衡信息技术股份有限公司（以下简称“公司”或“买方”）于近日与武汉长湾系统集成有限公司（以下简称“卖方”）签订了《设备购销合同》，公司向卖方购买A800 80GB八卡GPU服务器20台及配套网络设备，合同总价款为人民币6,180.00万元。

二、合同对方情况
公司名称：武汉长湾系统集成有限公司
成立时间：2011年5月
注册资本：8,000万元
关联关系：卖方与公司不存在关联关系。最近三个会计年度卖方与公司未发生类似交易。

三、合同的主要内容
1. 标的：A800 80GB SXM 八卡服务器 20台；400G InfiniBand 交换机 4台
2. 价款：人民币陆仟壹佰捌拾万元整（¥61,800,000.00）
3. 交货：合同生效后60日内交付至公司武汉数据中心

四、对公司的影响
本合同金额约占公司2022年度经审计营业收入的18.9%，合同的履行对公司独立性不构成影响。

五、风险提示
受国际贸易政策影响，合同存在不能按期交付的风险。

特此公告。

湖北楚衡信息技术股份有限公司
董事会
2023年9月4日
"""
    write_txt("h4-003.txt", text)
    return label("h4-003.txt", True, ["server"], ["A800"], [], "湖北楚衡信息技术股份有限公司",
                 ["武汉长湾系统集成有限公司"], 61800000.0, "2023-09-04", "contract",
                 "voluntary disclosure as text: the listed company itself buys 20 A800 servers; counterparty called "
                 "卖方; revenue ratio and registered capital on the page")


def p04() -> dict[str, Any]:
    body = """<p style="text-align:center"><b>西岭市人工智能计算中心GPU服务器采购项目公开招标公告</b></p>
<p>项目概况：西岭市人工智能计算中心GPU服务器采购项目招标项目的潜在投标人应在西岭市公共资源交易网获取招标文件，
并于2024年03月11日09点30分（北京时间）前递交投标文件。</p>
<p>一、项目基本情况</p>
<p>项目编号：XLGZ-2024-GK-0058</p>
<p>项目名称：西岭市人工智能计算中心GPU服务器采购项目</p>
<p>预算金额：人民币1,860.00万元</p>
<p>最高限价：人民币1,845.00万元</p>
<p>采购需求：GPU训练服务器6台，每台配置8块NVIDIA H100 80GB SXM5，2颗英特尔至强铂金8480+处理器，2TB内存；详见招标文件第三章。</p>
<p>合同履行期限：合同签订后90日历天内交货。</p>
<p>二、获取招标文件</p>
<p>时间：2024年02月20日至2024年02月27日，每天上午9:00至12:00，下午14:00至17:00（北京时间，法定节假日除外）</p>
<p>三、提交投标文件截止时间、开标时间和地点：2024年03月11日09点30分，西岭市公共资源交易中心开标三室</p>
<p>四、对本次招标提出询问，请按以下方式联系</p>
<p>1.采购人信息：名称：西岭市数据资源管理局　地址：西岭市政务大道18号　联系方式：028-8*******</p>
<p>2.采购代理机构信息：名称：四川岷瑞招标代理有限公司　联系方式：****</p>"""
    summary = [("项目编号", "XLGZ-2024-GK-0058"), ("采购单位", "西岭市数据资源管理局"),
               ("预算金额", "****万元 <a href='/vip'>开通会员查看</a>"), ("联系人", "登录后可见"),
               ("截止时间", "2024-03-11")]
    recs = ["某大学A800服务器采购项目中标结果公告", "H100算力租赁服务项目竞争性磋商公告",
            "智算中心H20推理服务器采购项目成交公告", "政务云扩容项目招标公告"]
    page = aggregator("标事通", "【招标公告】西岭市人工智能计算中心GPU服务器采购项目公开招标公告", "2024-02-19",
                      summary, body, recs)
    write_html("h4-004.html", page)
    return label("h4-004.html", True, ["server"], ["H100"], [], "西岭市数据资源管理局", [], 18600000.0,
                 "2024-02-19", "tender",
                 "aggregator repost: title prefix 【招标公告】, budget masked in the summary box but given in the body, "
                 "recommendation list names A800/H100/H20; body dates are the document window and opening; "
                 "publication date only in the page meta")


def p05() -> dict[str, Any]:
    body = """<p>中标结果公告</p>
<p>一、项目编号：QZDX-2024-ZB-117</p>
<p>二、项目名称：清洲大学智能计算平台扩容设备采购项目</p>
<p>三、中标信息</p>
<pre>
| 包号 | 中标供应商 | 供应商地址 | 中标金额(元) |
| --- | --- | --- | --- |
| 1 | 福州晟川信息科技有限公司 | 福州市鼓楼区软件大道89号 | 7,296,000.00 |
</pre>
<p>四、主要标的信息</p>
<p>名称：GPU推理服务器；品牌：宁畅；规格型号：X620 G50（NVIDIA L40S 48GB×8）；数量：4台；单价：1,824,000.00元</p>
<p>五、评审专家名单：林某某、陈某某、王某某、黄某某、郑某某</p>
<p>评审日期：2024年5月28日</p>
<p>六、公告期限：自本公告发布之日起1个工作日。</p>
<p>七、采购人：清洲大学　联系电话：0591-****</p>
<p>采购代理机构：福建衡信项目管理有限公司</p>"""
    summary = [("采购单位", "清洲大学"), ("中标单位", "福州晟川信息科技有限公司"),
               ("中标金额", "**.**万元"), ("联系电话", "开通会员查看")]
    recs = ["清洲大学高性能计算集群运维服务招标公告", "某研究院H800服务器采购项目成交公告"]
    page = aggregator("采招云", "中标|清洲大学智能计算平台扩容设备采购项目中标结果公告", "2024-05-31", summary, body,
                      recs)
    write_html("h4-005.html", page)
    return label("h4-005.html", True, ["server"], ["L40S"], [], "清洲大学", ["福州晟川信息科技有限公司"], 7296000.0,
                 "2024-05-31", "award",
                 "aggregator repost: '中标|' title prefix, pipe table with 中标金额(元), masked summary amount "
                 "(**.**万元), review date in the body; publication date only in the page meta")


def p06() -> dict[str, Any]:
    body = """<p>单一来源采购公示</p>
<p>项目名称：政策研究中心大模型应用接口服务</p>
<p>采购人：南屿市社会科学院</p>
<p>采购内容：采购OpenAI GPT-4o 模型API调用服务（通过境内合规代理渠道接入），用于文献综述与多语种资料翻译，服务期一年。</p>
<p>拟定供应商：厦门岚图数智科技有限公司</p>
<p>采购预算：****元</p>
<p>单一来源理由：拟定供应商为该服务在本地区唯一具备接入资质和技术支持能力的合作伙伴。</p>
<p>公示期限：5个工作日。</p>
<p>联系人：开通会员查看</p>"""
    summary = [("采购单位", "南屿市社会科学院"), ("预算金额", "登录后可见"), ("供应商", "厦门岚图数智科技有限公司")]
    recs = ["ChatGPT Enterprise 账号采购项目", "AI大模型API服务采购公告"]
    page = aggregator("标事通", "【单一来源】政策研究中心大模型应用接口服务单一来源采购公示", "2024-11-06", summary,
                      body, recs)
    write_html("h4-006.html", page)
    return label("h4-006.html", True, ["ai_model"], [], ["OpenAI"], "南屿市社会科学院", ["厦门岚图数智科技有限公司"],
                 None, "2024-11-06", "single_source",
                 "aggregator repost where every amount is masked (****元, 登录后可见): amount null")


def p07() -> dict[str, Any]:
    body = """<p>澳門濠江理工學院（以下簡稱「本學院」）現就「高性能計算伺服器供應及安裝」進行公開招標，歡迎符合資格之公司參與投標。</p>
<p>一、招標編號：HJLG/CP/2024/07</p>
<p>二、標的：供應及安裝GPU伺服器兩台，每台配置NVIDIA H100 80GB GPU八顆，以及相關網絡設備與三年保養服務。</p>
<p>三、臨時保證金：澳門幣伍萬圓正（MOP50,000.00）</p>
<p>四、截標日期及時間：2024年7月15日下午5時正</p>
<p>五、開標日期：2024年7月16日上午10時</p>
<p>六、預算：澳門幣柒佰捌拾萬圓（MOP7,800,000.00）</p>
<p>七、查閱地點：本學院行政樓三樓採購處，辦公時間內可免費查閱招標方案及承投規則。</p>
<p style="text-align:right">澳門濠江理工學院<br>二零二四年六月十七日</p>"""
    page = trad_page("澳門濠江理工學院", "公開招標「高性能計算伺服器供應及安裝」", "發佈日期：2024-06-17", body)
    write_html("h4-007.html", page, encoding="big5")
    return label("h4-007.html", True, ["server"], ["H100"], [], "澳门濠江理工学院", [], None, "2024-06-17", "tender",
                 "Big5 Macau public tender in traditional Chinese; H100 servers; budget only in MOP so amount null; "
                 "signature date in Chinese numerals; deadline and opening dates in the body", lang="zh-Hant")


def p08() -> dict[str, Any]:
    body = """<p><b>TENDER NOTICE</b></p>
<p><b>Tender Ref.: SKU/PO/T/2024/0312</b></p>
<p><b>Supply, Delivery, Installation and Maintenance of a GPU Computing Cluster for the Institute of Data Science</b></p>
<p>The Shek Kip University ("the University") invites tenders for the supply, delivery, installation and
three-year maintenance of a GPU computing cluster comprising two (2) servers, each equipped with eight (8) NVIDIA
H200 141GB SXM GPUs, with InfiniBand NDR networking.</p>
<p>Tender documents may be downloaded from the University's e-Tendering System from 18 March 2024.</p>
<p>Tender closing date and time: 12:00 noon, 8 April 2024 (Hong Kong time). Late tenders will not be accepted.</p>
<p>A tender briefing session will be held on 25 March 2024 at 10:00 a.m.</p>
<p>The estimated contract value is HK$9,600,000.</p>
<p>Enquiries: Procurement Office, tel. (852) 3917 4410, email: tender@sku.example.hk</p>
<p>Director of Finance<br>The Shek Kip University<br>Dated: 18.03.2024</p>"""
    page = english_gov("The Shek Kip University", "Tender Notice: GPU Computing Cluster", body)
    write_html("h4-008.html", page)
    return label("h4-008.html", True, ["server"], ["H200"], [], "The Shek Kip University", [], None, "2024-03-18",
                 "tender", "English Hong Kong tender notice; H200 servers; value only in HK$; 'Dated: 18.03.2024' "
                 "signature form; closing and briefing dates in the body", lang="en")


def p09() -> dict[str, Any]:
    text = """NOTICE OF CONTRACT AWARD

Contracting authority: Macao Institute for Marine Informatics
Procedure: Public tender No. MIMI-PT-05/2023
Subject: Acquisition of GPU accelerator cards for the ocean modelling laboratory

Description of goods: Sixteen (16) NVIDIA A100 80GB PCIe accelerator cards, including delivery to the
laboratory and installation into the Institute's existing compute nodes.

Date of tender opening: 19-10-2023
Number of tenders received: 3

Awarded to: Nam Van Digital Systems Company Limited
Contract value: MOP 2,184,000.00

Date of Publication: 07-11-2023
"""
    write_txt("h4-009.txt", text)
    return label("h4-009.txt", True, ["chip"], ["A100"], [], "Macao Institute for Marine Informatics",
                 ["Nam Van Digital Systems Company Limited"], None, "2023-11-07", "award",
                 "English Macau award as text; 'Contracting authority:' label; 'Date of Publication: 07-11-2023' "
                 "(dd-mm-yyyy) after an opening date; value only in MOP", lang="en")


def p10() -> dict[str, Any]:
    body = """<p>项目编号：HNSY-XJ-2024-0922</p>
<p>项目名称：影视后期渲染实验室图形计算卡采购</p>
<p>采购人：海宁数字艺术职业学院</p>
<p>采购方式：询价</p>
<p>采购内容：专业图形计算卡 NVIDIA RTX 6000 48GB GDDR6 ECC 4块，原厂盒装正品，三年质保。</p>
<p>预算金额：人民币29.60万元</p>
<p>报价截止时间：2024年9月29日17:00</p>
<p>发布日期：2024年9月22日</p>"""
    page = campus_page("海宁数字艺术职业学院", "影视后期渲染实验室图形计算卡询价公告", "2024-09-22", body)
    write_html("h4-010.html", page)
    return label("h4-010.html", True, ["chip"], ["RTX 6000 Ada"], [], "海宁数字艺术职业学院", [], 296000.0, "2024-09-22",
                 "tender", "RTX 6000 written without 'Ada' but with 48GB (the Ada generation; the Turing Quadro RTX "
                 "6000 has 24GB)")


def p11() -> dict[str, Any]:
    text = """瓯江实验室大模型训练算力租赁服务项目竞争性磋商公告

项目编号：OJSYS-CS-2025-014
采购人：瓯江实验室
采购方式：竞争性磋商

一、采购需求
租赁GPU算力不少于180,000卡时，GPU型号须为NVIDIA GeForce RTX 4090 24GB（不接受RTX 4090D或其他型号替代），
单节点不少于8卡，节点间网络带宽不低于200Gbps，服务期12个月，按实际使用卡时结算。

二、预算金额：人民币216万元（单价上限12元/卡时）

三、响应文件提交截止时间：2025年4月2日9:30

四、联系方式
采购人：瓯江实验室，温州市瓯海区经济开发区东方南路38号，联系人：包老师，0577-8866 1540

发布日期：2025年3月21日
"""
    write_txt("h4-011.txt", text)
    return label("h4-011.txt", True, ["rental"], ["RTX 4090"], [], "瓯江实验室", [], 2160000.0, "2025-03-21", "tender",
                 "4090 card-hour rental where 4090D appears only as the refused alternative; unit price cap per "
                 "卡时 beside the budget")


def p12() -> dict[str, Any]:
    blocks: list[tuple[str, object]] = [
        ("h", "云岭农业科学研究院作物表型智能分析平台建设项目中标公告"),
        ("p", "云岭农业科学研究院作物表型智能分析平台建设项目（项目编号：YLNK-2024-GK-031）已于2024年8月12日发布招标公告，"
              "于2024年9月2日9时30分在云岭省公共资源交易中心开标，2024年9月3日完成评标。现将中标结果公告如下："),
        ("p", "一、中标人：昆明滇辉信息产业有限公司"),
        ("p", "二、中标金额：人民币叁佰肆拾陆万元整（¥3,460,000.00）"),
        ("t", [["序号", "货物名称", "品牌型号", "数量", "单价（元）"],
               ["1", "GPU计算服务器", "超聚变 G5500 V7（NVIDIA A800 80GB×8）", "1台", "3,180,000.00"],
               ["2", "表型分析软件", "自研 V2.0", "1套", "280,000.00"]]),
        ("p", "三、合同签订：中标人应于中标通知书发出之日起30日内与采购人签订合同。"),
        ("p", "四、公告期限：自本公告发布之日起1个工作日。"),
        ("p", "采购人：云岭农业科学研究院　联系人：段老师　电话：0871-6519 3302"),
        ("p", "采购代理机构：云南恒锦招标有限公司"),
        ("p", "云岭农业科学研究院"),
        ("p", "2024年9月6日"),
    ]
    write_docx("h4-012.docx", blocks)
    return label("h4-012.docx", True, ["server"], ["A800"], [], "云岭农业科学研究院", ["昆明滇辉信息产业有限公司"],
                 3460000.0, "2024-09-06", "award",
                 "DOCX award: the publication date is only the signature date; the body holds the tender date, "
                 "the opening date and the evaluation date")


def p13() -> dict[str, Any]:
    lines = [
        "江北区人民医院医学影像智能诊断平台采购项目中标结果公告",
        "项目编号：JBRY-2025-GK-0042",
        "一、中标候选人公示情况",
        "第一中标候选人：南京岚拓信息技术有限公司；第二中标候选人：苏州汇衍科技有限公司；第三中标候选人：无锡澄拓数据有限公司。",
        "二、中标结果",
        "包号 包名称 中标供应商 中标金额（元）",
        "第1包 GPU训练服务器南京岚拓信息技术有限公司 3,580,000.00",
        "三、主要标的信息：GPU训练服务器 2台，每台配置NVIDIA H100 80GB PCIe×4，2×AMD EPYC 9354处理器。",
        "四、采购人：江北区人民医院　地址：南京市江北新区浦滨路211号",
        "五、采购代理机构：江苏正衡招标咨询有限公司",
        "发布日期：2025年1月14日",
    ]
    write_pdf("h4-013.pdf", lines)
    return label("h4-013.pdf", True, ["server"], ["H100"], [], "江北区人民医院", ["南京岚拓信息技术有限公司"], 3580000.0,
                 "2025-01-14", "award",
                 "PDF award: the winner glued to the lot name in the result row; a candidate list names two losing "
                 "candidates")


def p14() -> dict[str, Any]:
    name = "江南先进算力与智能感知研究院"
    intro = "根据《中华人民共和国政府采购法》及其实施条例等规定，经主管部门批准，"
    lead = "采购人：" + name + "（以下简称“采购人”）拟采购"
    assert len(intro) + len("采购人：") + 6 == 44  # the 44-character wrap breaks the buyer's name after 6 characters
    lines = [
        "江南先进算力与智能感知研究院AI训练服务器采购项目招标公告",
        "项目编号：JNSL-2024-ZB-063",
        "发布日期：2024年12月2日",
        intro + lead + "AI训练服务器，现进行公开招标。",
        "一、采购内容：AI训练服务器3台，单台配置8颗NVIDIA H800 80GB SXM GPU，双路CPU，2TB内存，8×3.84TB NVMe。",
        "二、预算金额：人民币2,760万元。",
        "三、投标截止时间：2024年12月23日9:30。",
        "四、联系人：华工　电话：0510-8519 7031",
    ]
    write_pdf("h4-014.pdf", lines)
    return label("h4-014.pdf", True, ["server"], ["H800"], [], "江南先进算力与智能感知研究院", [], 27600000.0,
                 "2024-12-02", "tender", "PDF tender whose buyer name is broken across a wrapped line in the body "
                 "(the title also names it)")


def p15() -> dict[str, Any]:
    body = """<p>一、项目编号：TH-ZC-2025-0108</p>
<p>二、项目名称：人工智能学院智算实验平台采购</p>
<p>三、采购单位：泰和大学国有资产与实验室管理处</p>
<p>四、采购方式：公开招标</p>
<p>五、采购内容：GPU服务器2台（每台配置NVIDIA H200 141GB×8）及机柜、配电一批</p>
<p>六、预算金额：1,150.00万元</p>
<p>七、获取招标文件时间：2025年1月9日至2025年1月16日</p>
<p>八、开标时间：2025年2月6日9:00</p>
<p>联系人：魏老师　0551-6390 2215</p>"""
    page = campus_page("泰和大学", "人工智能学院智算实验平台采购招标公告", "2025-01-08", body)
    write_html("h4-015.html", page)
    return label("h4-015.html", True, ["server"], ["H200"], [], "泰和大学", [], 11500000.0, "2025-01-08", "tender",
                 "purchasing unit written with its office (国有资产与实验室管理处): the buyer is the university")


def p16() -> dict[str, Any]:
    body = """<p>根据《政府采购非招标采购方式管理办法》，现将本项目采购结果公示如下：</p>
<table border="1"><tr><td>项目名称</td><td>遥感信息研究所智能解译平台云资源采购</td></tr>
<tr><td>采购单位</td><td>滇池遥感信息研究所</td></tr>
<tr><td>成交单位</td><td>昆明云杉数字技术有限公司</td></tr>
<tr><td>成交内容</td><td>亚马逊云科技（AWS）海外区域p5.48xlarge GPU实例使用额度及技术支持服务，一年</td></tr>
<tr><td>成交价格</td><td>¥860,000.00</td></tr></table>
<p>公示时间：2024年10月10日至2024年10月12日</p>"""
    page = campus_page("滇池遥感信息研究所", "智能解译平台云资源采购采购结果公示", "2024-10-10", body)
    write_html("h4-016.html", page)
    return label("h4-016.html", True, ["cloud"], ["H100"], ["AWS"], "滇池遥感信息研究所", ["昆明云杉数字技术有限公司"],
                 860000.0, "2024-10-10", "award",
                 "result published as a two-column table under the title '采购结果公示' (an award); AWS p5.48xlarge "
                 "implies H100")


def p17() -> dict[str, Any]:
    text = """政府采购合同公告

合同编号            HSDX-HT-2024-0219
合同名称            海岸带生态模拟云计算服务
采购人（甲方）      海晟大学
供应商（乙方）      青岛晟云信息服务有限公司
合同金额（元）      1,560,000.00
签订日期            2024-06-18
公告日期            2024-06-20

合同主要标的：Google Cloud 计算引擎 a3-highgpu-8g 实例（NVIDIA H100 ×8）按需使用额度及云存储服务，服务期1年。
"""
    write_txt("h4-017.txt", text)
    return label("h4-017.txt", True, ["cloud"], ["H100"], ["Google Cloud"], "海晟大学", ["青岛晟云信息服务有限公司"],
                 1560000.0, "2024-06-20", "contract",
                 "contract notice as a space-aligned key-value block; amount only in the 合同金额（元） row; signing "
                 "date before the publication date")


def p18() -> dict[str, Any]:
    rows = [["序号", "需求名称", "技术要求", "数量"],
            ["1", "AI推理服务器", "配置AMD Instinct MI300X 192GB OAM×8，双路CPU，内存≥1.5TB", "2台"],
            ["2", "高速交换机", "400GE 32口", "1台"]]
    body = f"""<p>采购需求公示</p>
<p>项目名称：东阳电力设计院智能设计平台推理服务器采购</p>
<p>需求单位：东阳电力设计院有限公司</p>
<p>一、功能及要求</p>
{html_table(rows)}
<p>二、最高限价：人民币598万元（含税）</p>
<p>三、公示期：2025年5月6日至2025年5月9日，潜在供应商对需求有异议的，请在公示期内反馈。</p>"""
    page = campus_page("东阳电力电子商务平台", "东阳电力设计院智能设计平台推理服务器采购需求公示", "2025-05-06", body)
    write_html("h4-018.html", page)
    return label("h4-018.html", True, ["server"], ["MI300X"], [], "东阳电力设计院有限公司", [], 5980000.0, "2025-05-06",
                 "tender", "requirement-only page (采购需求公示, 一、功能及要求); amount is the 最高限价")


def p19() -> dict[str, Any]:
    body = """<p>更正公告</p>
<p>一、原公告项目名称：研究生院学术写作智能辅助服务采购</p>
<p>原公告发布日期：2024年4月2日</p>
<p>二、采购人：北川师范大学</p>
<p>三、更正事项：</p>
<p>1. 采购内容由“ChatGPT Plus个人账号60个”更正为“ChatGPT Team团队版席位60个（OpenAI官方订阅，一年）”；</p>
<p>2. 预算金额由“人民币108,000.00元”更正为“人民币129,600.00元”；</p>
<p>3. 响应文件提交截止时间顺延至2024年4月19日9:00。</p>
<p>其他内容不变。</p>"""
    summary = [("采购单位", "北川师范大学"), ("预算金额", "**.**万元"), ("项目类型", "货物")]
    page = aggregator("采招云", "【更正公告】研究生院学术写作智能辅助服务采购更正公告", "2024-04-11", summary, body,
                      ["Claude API 服务采购项目", "GPU云主机租赁询价公告"])
    write_html("h4-019.html", page)
    return label("h4-019.html", True, ["ai_model"], [], ["OpenAI"], "北川师范大学", [], 129600.0, "2024-04-11",
                 "correction", "aggregator repost of a correction: the corrected budget; the original notice date "
                 "in the body is not the publication date")


def p20() -> dict[str, Any]:
    body = """<p>採購項目：人工智能實驗室圖形運算卡報價邀請</p>
<p>採購單位：香港樂群學院資訊科技處</p>
<p>本院現邀請供應商就以下物品提供報價：</p>
<p>NVIDIA L40S 48GB 數據中心GPU 六張，須原廠全新，附三年保養。</p>
<p>報價截止日期：2025年2月21日中午12時</p>
<p>報價以港幣計算。</p>
<p>發出日期：2025年2月10日</p>"""
    page = trad_page("香港樂群學院", "人工智能實驗室圖形運算卡報價邀請", "2025-02-10", body, charset="big5")
    write_html("h4-020.html", page, encoding="big5")
    return label("h4-020.html", True, ["chip"], ["L40S"], [], "香港乐群学院", [], None, "2025-02-10", "tender",
                 "Big5 Hong Kong quotation invitation; the purchasing unit is given with its IT office (the buyer "
                 "is the college); amount only in HKD", lang="zh-Hant")


ALL = [p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p20]
