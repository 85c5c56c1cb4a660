"""Relevant notices of the third held-out corpus. All organisations, people, numbers and codes are
fictional except buyers that are public universities named in reference/public-cases.md."""

from __future__ import annotations

from typing import Any

from _gen_common import html_table, write_docx, write_html, write_pdf, write_txt
from _shells import campus, campus_trad, ggzy, soe_platform


def label(file: str, relevant: bool, categories: list[str], items: list[str], providers: list[str], buyer: str,
          suppliers: list[str], amount: float | None, date: str, ntype: str, note: str,
          lang: str = "zh-Hans") -> dict[str, Any]:
    return {"file": file, "relevant": relevant, "categories": categories, "items": items, "providers": providers,
            "buyer": buyer, "suppliers": suppliers, "amount_cny": amount, "notice_date": date, "notice_type": ntype,
            "lang": lang, "case": None, "note": note}


def p01() -> dict[str, Any]:
    rows = [["序号", "物资名称", "规格型号", "计量单位", "数量", "成交单价（万元）", "成交总价（万元）"],
            ["1", "高性能计算服务器", "X640 G40 / 8×H800 80G SXM5 / 2×8470Q / 2T", "台", "2", "208.40", "416.80"],
            ["2", "InfiniBand交换机", "QM9700 64口 NDR", "台", "1", "20.00", "20.00"]]
    body = f"""<p>项目名称：东港数智研究院智算平台扩容设备采购（比选）</p>
<p>采购编号：DGSZ-BX-2024-0311</p>
<p>采购人：东港国投数智科技有限公司（东港数智研究院）</p>
<p>采购方式：比选</p>
<p>比选结果：经比选小组评审，确定成交候选人排序如下，现予公示：</p>
<p>第一成交候选人：江苏衡拓算力科技有限公司；第二成交候选人：南京启曜信息系统有限公司</p>
<p>拟成交人：江苏衡拓算力科技有限公司</p>
{html_table(rows)}
<p>成交金额合计：436.80万元（含税）</p>
<p>公示期：2024年3月5日至2024年3月7日。对公示结果有异议的，请于公示期内以书面形式向采购人提出。</p>
<p>监督电话：0518-8522 4090</p>"""
    page = soe_platform("东港国投电子采购平台", "东港数智研究院智算平台扩容设备采购（比选）采购结果公示",
                        "发布日期：2024年3月5日　　信息来源：采购管理部", body)
    write_html("h3-001.html", page)
    return label("h3-001.html", True, ["server"], ["H800"], [], "东港国投数智科技有限公司",
                 ["江苏衡拓算力科技有限公司"], 4368000.0, "2024-03-05", "award",
                 "SOE e-procurement 比选 result; H800 only inside the 规格型号 cell; amounts in 万元 table; "
                 "'4090' in the supervision phone number. Doubt: buyer given with research-institute alias in "
                 "brackets; the company name is taken")


def p02() -> dict[str, Any]:
    lots = [["包号", "包名称", "采购内容", "数量", "预算金额（元）", "最高限价（元）"],
            ["第1包", "办公计算机", "台式计算机（i5/16G/512G SSD/23.8英寸）", "40台", "220000.00", "220000.00"],
            ["第2包", "深度学习工作站", "图形工作站，每台配置NVIDIA GeForce RTX 4090 24G显卡×4，"
             "2×至强银牌4410Y，256G内存", "3台", "396000.00", "390000.00"],
            ["第3包", "激光打印机", "A3黑白激光打印机", "10台", "48000.00", "48000.00"]]
    body = f"""<p align="center"><b>湘楚理工学院计算机与人工智能学院教学科研设备采购项目竞争性磋商公告</b></p>
<p>项目概况：湘楚理工学院计算机与人工智能学院教学科研设备采购项目的潜在供应商应在湖南省公共资源交易服务平台获取采购文件，
并于2024年04月26日09点30分（北京时间）前提交响应文件。</p>
<p><b>一、项目基本情况</b></p>
<p>项目编号：XCLG-2024-CS-0417</p>
<p>项目名称：计算机与人工智能学院教学科研设备采购项目</p>
<p>采购方式：竞争性磋商</p>
<p>预算金额：664000.00元（第1包220000.00元，第2包396000.00元，第3包48000.00元）</p>
{html_table(lots)}
<p>本项目第2包所投显卡须为原厂GeForce RTX 4090（非D版），不接受RTX 4090D。</p>
<p><b>二、申请人的资格要求</b>：满足《中华人民共和国政府采购法》第二十二条规定；本项目不专门面向中小企业。</p>
<p><b>三、采购人信息</b></p>
<p>名称：湘楚理工学院　地址：湖南省株洲市天元区学府路88号　联系人：邓老师　电话：0731-2288 1634</p>
<p>采购代理机构：湖南鼎诚项目管理有限公司　地址：长沙市岳麓区麓谷大道627号　电话：0731-8416 2290</p>"""
    page = ggzy("湖南省公共资源交易中心", "湘楚理工学院计算机与人工智能学院教学科研设备采购项目竞争性磋商公告",
                "2024/04/12", body, charset="gbk")
    write_html("h3-002.html", page, encoding="gbk")
    return label("h3-002.html", True, ["server"], ["RTX 4090"], [], "湘楚理工学院", [], 396000.0, "2024-04-12",
                 "tender", "GBK 公共资源交易中心 page; three lots, only lot 2 buys workstations with 4 RTX 4090 "
                 "(non-D) each, so server (changed from chip after the first run; doubt); amount is lot 2 budget (最高限价 390000 also given); attachGuid contains a100/4090")


def p03() -> dict[str, Any]:
    text = """需求公告

项目名称：高性能图形计算加速卡采购
需求单位：中国人民解放军95847部队
公告编号：XQ-2023-95847-112
发布时间：2023.11.20

一、采购需求
1. 品名：计算加速卡；
2. 型号：NVIDIA A100 80GB PCIe（原厂原包装，不接受翻新、拆机件）；
3. 数量：4块；
4. 交付：合同签订后20日内送达需求单位指定地点，并现场安装至现有服务器，提供驱动与CUDA环境部署。

二、预算
本项目预算金额：人民币肆拾伍万元整（¥450,000.00），参考价格区间40万～45万元，报价超过预算的按无效报价处理。

三、供应商要求
1. 具有独立法人资格，已在军队采购网完成注册；
2. 近三年内无军队采购失信记录；
3. 具备保密资格或承诺签订保密协议。

四、报名方式
请于2023年11月20日至2023年11月27日（工作日8:30-11:30，14:30-17:30）携带相关材料到需求单位报名。
联系人：孙助理员　电话：0510-8583 2617（军线 0721-3368）

中国人民解放军95847部队
2023年11月20日
"""
    write_txt("h3-003.txt", text, crlf=True)
    return label("h3-003.txt", True, ["chip"], ["A100"], [], "中国人民解放军95847部队", [], 450000.0,
                 "2023-11-20", "tender", "military-style 需求公告 with a fictional 番号; 4 x A100 80GB PCIe; "
                 "budget in 大写 plus a price range (range not used); date written 2023.11.20; CRLF")


def p04() -> dict[str, Any]:
    blocks: list[tuple[str, object]] = [
        ("h", "临江市第二人民医院医学大模型一体机询比价采购公告"),
        ("p", "采购编号：LJEY-XBJ-2025-026"),
        ("p", "发布日期：2025年3月18日"),
        ("p", "临江市第二人民医院（以下简称“采购人”）拟对医学大模型一体机项目进行询比价采购，欢迎符合条件的供应商参加报价。"),
        ("p", "一、采购内容及技术参数"),
        ("t", [["序号", "货物名称", "规格型号", "数量", "备注"],
               ["1", "医学大模型一体机", "8卡GPU服务器；GPU：H20 96G×8；CPU：2×32核；内存：1TB；存储：4×3.84TB NVMe",
                "1台", "含DeepSeek-R1本地部署"],
               ["2", "机柜及PDU", "42U标准机柜，含2路PDU", "1套", ""]]),
        ("p", "二、预算金额：¥1,280,000.00（含税），报价高于预算的作无效处理。"),
        ("p", "三、报价截止时间：2025年3月25日10:00。"),
        ("p", "四、联系方式：采购人：临江市第二人民医院　地址：临江市滨江路216号　联系人：信息科 周工　电话：0736-5218 0330"),
    ]
    write_docx("h3-004.docx", blocks)
    return label("h3-004.docx", True, ["server"], ["H20"], [], "临江市第二人民医院", [], 1280000.0, "2025-03-18",
                 "tender", "hospital 询比价 (DOCX) for an 8-GPU H20 server, model only in 规格型号 as 'H20 96G×8'; "
                 "March 2025 (before the April 2025 H20 licence requirement)")


def p05() -> dict[str, Any]:
    body = """<p><b>報價邀請 — 人工智能實驗室運算加速卡</b></p>
<p>報價編號：QT/ITS/2024/0715</p>
<p>香港嶺峰大學資訊科技處現邀請供應商就下列物品提交報價：</p>
<table border="1"><tr><th>項目</th><th>描述</th><th>數量</th></tr>
<tr><td>1</td><td>輝達 NVIDIA H100 PCIe 80GB 運算加速卡（全新原廠，附三年保養）</td><td>2 張</td></tr>
<tr><td>2</td><td>安裝及測試服務</td><td>1 項</td></tr></table>
<p>預算上限：港幣伍拾捌萬元正（HK$580,000）。</p>
<p>截標日期：2024年7月16日（星期二）中午12時正。逾期報價恕不受理。</p>
<p>查詢：陳先生，電話 (852) 3411 7620，電郵 tender-its@lingfeng-u.example.hk</p>
<p>發佈日期：2024年7月2日</p>"""
    page = campus_trad("香港嶺峰大學 資訊科技處", "報價邀請：人工智能實驗室運算加速卡", "發佈日期：2024年7月2日", body,
                  charset="big5")
    write_html("h3-005.html", page, encoding="big5")
    return label("h3-005.html", True, ["chip"], ["H100"], [], "香港岭峰大学", [], None, "2024-07-02", "tender",
                 "Big5 Hong Kong quotation invitation, 輝達 H100 PCIe 80GB x2; value only in HKD so amount null",
                 lang="zh-Hant")


def p06() -> dict[str, Any]:
    body = """<p>项目编号：NWPU-TP-2025-0932</p>
<p>项目名称：西北工业大学智能感知与无人系统实验室GPU算力租赁服务</p>
<p>采购方式：竞争性谈判</p>
<p>一、成交信息</p>
<p>成交供应商：西安云枢智算网络科技有限公司　地址：西安市高新区锦业路69号创业研发园C区3号楼</p>
<p>成交单价：4.60万元/台·月（8卡H100 80GB SXM服务器，含IB网络及存储）</p>
<p>租赁数量：4台　租赁期：6个月（按实际使用月数结算）</p>
<p>二、服务要求：供应商须提供不少于4台8卡H100服务器的独占使用权，提供远程登录，保障7×24小时可用。</p>
<p>三、谈判小组成员：吕某某、韩某某、蒋某某</p>
<p>四、公告期限：自本公告发布之日起1个工作日。</p>
<p>五、采购人：西北工业大学　联系人：卫老师　电话：029-8849 3175</p>"""
    page = campus("西北工业大学招标与采购管理中心", "西北工业大学智能感知与无人系统实验室GPU算力租赁服务成交公告",
                  "发布时间：2025-11-04", body)
    write_html("h3-006.html", page)
    return label("h3-006.html", True, ["rental"], ["H100"], [], "西北工业大学", ["西安云枢智算网络科技有限公司"], None,
                 "2025-11-04", "award", "university portal award for renting 4 x 8-GPU H100 servers; only a "
                 "per-unit monthly price is given (4.60万元/台·月). Doubt: amount left null because no total is "
                 "stated (4 x 6 x 4.6万 = 110.4万 would be an inference)")


def p07() -> dict[str, Any]:
    lines = ["合同编号：SZAI-HT-2025-0917", "项目编号：SZAI-GK-2025-0611", "项目名称：智能计算集群GPU服务器采购项目",
             "采购人：苏州数智未来人工智能研究院", "供应商：苏州景合智算科技有限公司",
             "供应商地址：苏州工业园区星湖街328号创意产业园10栋6楼",
             "主要标的：GPU服务器，品牌：技嘉（GIGABYTE），型号：G593-SD1，配置：HGX H200 8-GPU 141GB HBM3e，"
             "2×Xeon Platinum 8558，2TB DDR5，数量：2台，单价：1426000元",
             "合同金额：人民币贰佰捌拾伍万贰仟元整（¥2,852,000.00）",
             "合同签订日期：2025年9月30日", "履约期限：合同签订后60日内交货并完成安装调试",
             "公告日期：二〇二五年十月九日", "采购人联系方式：0512-6760 2214"]
    write_pdf("h3-007.pdf", lines, title="苏州数智未来人工智能研究院智能计算集群GPU服务器采购项目合同公告")
    return label("h3-007.pdf", True, ["server"], ["H200"], [], "苏州数智未来人工智能研究院",
                 ["苏州景合智算科技有限公司"], 2852000.0, "2025-10-09", "contract",
                 "PDF contract notice (CID font): 2 Gigabyte HGX H200 8-GPU servers; amount in 大写; publication "
                 "date in Chinese numerals; signing date differs")


def p08() -> dict[str, Any]:
    text = """﻿东湖实验室大模型训练平台算力服务器采购项目竞争性磋商公告

发布时间：2025年07月03日
项目编号：DHLAB-2025-CS-047

一、项目基本情况
采购人：东湖实验室
预算金额：人民币贰佰玖拾捌万元整
最高限价：2980000元
采购需求：训练服务器2台，技术要求如下（不接受国产替代方案，须为同一架构8卡全互联）：
  (1) 每台配置8块GPU加速卡，SXM形态，8卡全互联带宽≥900GB/s；
  (2) 单卡显存≥141GB HBM3e，单卡显存带宽≥4.8TB/s；
  (3) 单卡FP8稠密算力≥1979 TFLOPS，FP16/BF16稠密算力≥989 TFLOPS（不含稀疏）；
  (4) CPU：2颗，每颗≥48核；内存≥2TB；网卡：8×400Gb/s。
合同履行期限：合同签订后90日。

二、获取磋商文件
时间：2025年7月3日至2025年7月10日；地点：东湖实验室采购平台（线上）。

三、联系方式
采购人：东湖实验室　地址：武汉市东湖新技术开发区光谷七路18号　联系人：喻老师　电话：027-8713 5606
"""
    write_txt("h3-008.txt", text)
    return label("h3-008.txt", True, ["server"], [], [], "东湖实验室", [], 2980000.0, "2025-07-03", "tender",
                 "spec-only: 8-GPU SXM servers, 141GB HBM3e, 4.8TB/s, FP8 dense ≥1979 TFLOPS (H200-class, TPP≈15,832); "
                 "no model name; budget in 大写 and 最高限价 equal; UTF-8 BOM")


def p09() -> dict[str, Any]:
    rows = [["入围序号", "供应商名称", "服务单价（元/卡时）", "可用GPU型号"],
            ["1", "重庆两江智算云服务有限公司", "11.80", "A800 80G SXM"],
            ["2", "成都天府灵犀数据科技有限公司", "12.20", "L40S 48G（按4卡折算1卡时）"],
            ["3", "贵州黔云汇智科技有限公司", "12.50", "Instinct MI300X 192G"]]
    body = f"""<p>项目名称：渝西能源集团2025—2026年度人工智能算力服务框架协议采购</p>
<p>项目编号：YXNY-KJ-2025-008</p>
<p>采购人：渝西能源投资集团有限公司</p>
<p>采购方式：框架协议采购（封闭式）</p>
<p>框架协议期限：2年</p>
<p>预估采购总金额：360万元（实际以各批次订单结算为准），最高限价：单价13.00元/卡时</p>
<p>入围结果如下：</p>
{html_table(rows)}
<p>公示期：2025-06-23至2025-06-25。</p>
<p>联系人：冉女士　电话：023-4715 0286</p>"""
    page = soe_platform("渝西能源集团电子采购平台", "渝西能源集团2025—2026年度人工智能算力服务框架协议采购入围结果公示",
                        "发布时间：2025-06-23 16:05　　浏览：97", body)
    write_html("h3-009.html", page)
    return label("h3-009.html", True, ["rental"], ["A800", "L40S", "MI300X"], [], "渝西能源投资集团有限公司",
                 ["重庆两江智算云服务有限公司", "成都天府灵犀数据科技有限公司", "贵州黔云汇智科技有限公司"], None,
                 "2025-06-23", "award", "SOE framework agreement (框架协议) for GPU-hour rental, three suppliers admitted offering A800, "
                 "L40S and MI300X at per-卡时 unit prices; amount null: an award with unit prices only, the 360万 is "
                 "the buyer's estimate, not an award amount (label fixed after the first run; doubt)")


def p10() -> dict[str, Any]:
    rows = [["序号", "采购项目名称", "采购需求概况", "预算金额（万元）", "预计采购时间", "备注"],
            ["1", "实验室空调维保", "中央空调年度维保服务", "18.5", "2024年06月", ""],
            ["2", "海外区域云服务", "采购亚马逊云科技（AWS）海外区域账号及计算资源，含p5.48xlarge实例不少于2000实例小时，"
             "用于多语种模型训练", "85", "2024年07月", "经代理商采购"],
            ["3", "图书资料采购", "外文期刊及数据库", "42", "2024年08月", ""],
            ["4", "办公家具", "会议桌椅", "9.6", "2024年09月", ""]]
    body = f"""<p style="text-indent:2em">为便于供应商及时了解政府采购信息，现将深圳湾区智能计算研究院2024年6月至9月采购意向公开如下：</p>
{html_table(rows)}
<p style="text-indent:2em">本次公开的采购意向是本单位政府采购工作的初步安排，具体采购项目情况以相关采购公告和采购文件为准。</p>
<p style="text-align:right">深圳湾区智能计算研究院<br/>2024年5月28日</p>"""
    page = campus("深圳市政府采购网", "深圳湾区智能计算研究院2024年6月至9月政府采购意向", "发布日期：2024-05-28",
                  body)
    write_html("h3-010.html", page)
    return label("h3-010.html", True, ["cloud"], ["H100"], ["AWS"], "深圳湾区智能计算研究院", [], 850000.0,
                 "2024-05-28", "intention", "intention list; row 2 buys an overseas AWS account with p5.48xlarge "
                 "(8xH100) hours through an agent; amount is that row (85万元)")


def p11() -> dict[str, Any]:
    blocks: list[tuple[str, object]] = [
        ("h", "关于江州大学智慧教学平台大模型服务采购项目拟采用单一来源方式的公示"),
        ("p", "公示日期：2024/10/15"),
        ("p", "一、项目信息"),
        ("p", "采购人：江州大学"),
        ("p", "项目名称：智慧教学平台大模型服务采购项目"),
        ("p", "拟采购内容：由世纪互联运营的Microsoft Azure平台上的Azure OpenAI服务（GPT-4o、GPT-4o mini模型调用），"
              "预计调用量3000万tokens，服务期一年。"),
        ("p", "预算金额：36.5万元"),
        ("p", "二、拟定供应商"),
        ("t", [["供应商名称", "地址"], ["上海云泓数联信息技术有限公司", "上海市闵行区紫星路588号2幢"]]),
        ("p", "三、采用单一来源的理由：现有教学平台已基于Azure OpenAI接口开发，上海云泓数联信息技术有限公司为本校现有"
              "Azure订阅的授权合作伙伴，更换将导致大量重复开发。"),
        ("p", "四、公示期限：2024年10月15日至2024年10月21日。"),
        ("p", "五、联系方式：江州大学国有资产与采购管理处　联系人：许老师　电话：0792-8316 0542"),
    ]
    write_docx("h3-011.docx", blocks)
    return label("h3-011.docx", True, ["ai_model"], [], ["Microsoft Azure", "OpenAI"], "江州大学",
                 ["上海云泓数联信息技术有限公司"], 365000.0, "2024-10-15", "single_source",
                 "DOCX single-source publicity for Azure OpenAI (GPT-4o) via a 21Vianet-Azure partner; date 2024/10/15")


def p12() -> dict[str, Any]:
    body = """<table class="info" border="1"><tr><td>项目名称</td><td>国际合作部多语种翻译辅助工具采购</td></tr>
<tr><td>询价编号</td><td>ZNYC-XJ-20250418-03</td></tr>
<tr><td>采购单位</td><td>中能远创国际工程有限公司</td></tr>
<tr><td>询价方式</td><td>询比价</td></tr>
<tr><td>成交供应商</td><td>北京译联星河科技有限公司</td></tr>
<tr><td>成交金额</td><td>¥68,000.00</td></tr>
<tr><td>成交内容</td><td>Google Gemini API（Gemini 1.5 Pro / Flash）调用额度，有效期12个月，由供应商代为开通和结算</td></tr>
<tr><td>结果公示日期</td><td>2025年4月25日</td></tr></table>
<p>其他报价供应商：北京博睿语通科技有限公司（¥71,500.00）、天津信合远达科技有限公司（¥73,200.00）</p>"""
    page = soe_platform("中能远创电子商务平台", "国际合作部多语种翻译辅助工具采购询比价结果公示",
                        "发布日期：2025-04-25", body)
    write_html("h3-012.html", page)
    return label("h3-012.html", True, ["ai_model"], [], ["Google"], "中能远创国际工程有限公司",
                 ["北京译联星河科技有限公司"], 68000.0, "2025-04-25", "award",
                 "SOE 询比价 result: Gemini API credits through a reseller; losing bidders' prices listed")


def p13() -> dict[str, Any]:
    rows = [["序号", "名称", "品牌", "规格型号", "数量", "单价（元）"],
            ["1", "异构计算服务器", "美超微", "AS-4124GQ-TNMI（4×Instinct MI250X 128GB OAM，2×EPYC 7763，1TB）", "2台",
             "1165000"],
            ["2", "并行存储节点", "浪潮", "AS13000G7", "1套", "498000"]]
    body = f"""<p>一、项目编号：JX-ZFCG-2024-1187</p>
<p>二、项目名称：江西赣江新区气象与环境数值模拟平台建设项目</p>
<p>三、中标（成交）信息</p>
<p>供应商名称：南昌瑞思拓电子科技有限公司　供应商地址：南昌市红谷滩区丰和中大道912号</p>
<p>中标（成交）金额：2828000（元）</p>
<p>四、主要标的信息</p>
{html_table(rows)}
<p>五、评审专家名单：熊某、黄某、甘某、刘某、钟某</p>
<p>六、公告期限：自本公告发布之日起1个工作日。</p>
<p>七、凡对本次公告内容提出询问，请按以下方式联系。</p>
<p>1.采购人信息　名称：江西赣江新区气象环境数值模拟中心　联系方式：0791-8376 2210</p>
<p>2.采购代理机构信息　名称：江西华衡招标咨询有限公司　联系方式：0791-8866 1023</p>"""
    page = ggzy("江西省公共资源交易网", "江西赣江新区气象与环境数值模拟平台建设项目中标（成交）结果公告",
                "2024-02-19", body)
    write_html("h3-013.html", page)
    return label("h3-013.html", True, ["server"], ["MI250X"], [], "江西赣江新区气象环境数值模拟中心",
                 ["南昌瑞思拓电子科技有限公司"], 2828000.0, "2024-02-19", "award",
                 "award where MI250X appears only in the 规格型号 cell of a 美超微 server; no vendor name AMD")


def p14() -> dict[str, Any]:
    text = """采购公告（竞争性谈判）
公告日期：2026年2月10日

项目名称：大模型预训练境外算力租用服务
项目编号：ZHYQ-TP-2026-005
采购人：中航翼擎智能计算研究所

一、采购内容
租用境外（新加坡或马来西亚）数据中心GB200 NVL72整机柜算力，不少于2个机柜（合计144颗B200 GPU），租期3个月，
供应商负责跨境专线接入与数据传输，境内结算人民币。

二、最高限价：1,860万元

三、响应文件递交截止时间：2026年2月24日09时00分

四、联系人：宋工　电话：010-8255 7019
"""
    write_txt("h3-014.txt", text)
    return label("h3-014.txt", True, ["rental"], ["GB200", "B200"], [], "中航翼擎智能计算研究所", [], 18600000.0,
                 "2026-02-10", "tender", "renting overseas GB200 NVL72 racks (B200 GPUs) via a domestic supplier; "
                 "amount as 1,860万元 with thousands separator; items GB200 and the B200 GPUs it names (B200 added after "
                 "the first run)")


def p15() -> dict[str, Any]:
    body = """<div class="zbgs">
<p><strong>项目名称：</strong>影像科三维重建工作站采购</p>
<p><strong>项目编号：</strong>SCH-ZB-2024-1206</p>
<p><strong>采购单位：</strong>松城市中心医院</p>
<p><strong>中标单位：</strong>松城博医信息科技有限公司</p>
<p><strong>中标金额：</strong>¥ 98,600.00</p>
<p><strong>主要标的：</strong>三维重建工作站1台（配置NVIDIA RTX 6000 Ada Generation 48GB 专业显卡×2，64GB内存，27英寸4K医用显示器）</p>
<p><strong>公示时间：</strong>2024年12月30日—2025年1月2日</p>
<p>如有异议，请在公示期内向院纪检监察室反映，电话：0439-3326 1206</p></div>"""
    page = campus("松城市中心医院", "影像科三维重建工作站采购中标公示", "发布时间：2024年12月30日 09:41", body)
    write_html("h3-015.html", page)
    return label("h3-015.html", True, ["server"], ["RTX 6000 Ada"], [], "松城市中心医院", ["松城博医信息科技有限公司"],
                 98600.0, "2024-12-30", "award", "hospital portal award: workstation with 2 x RTX 6000 Ada; a workstation is a "
                 "system containing the cards, so server (changed from chip after the first run; doubt)")


def p16() -> dict[str, Any]:
    lines = ["项目编号：GXSF-2024-HW-093", "项目名称：智慧校园视觉推理服务器采购",
             "采购人：广西师范职业技术大学", "采购方式：公开招标",
             "预算金额：73.6万元", "最高限价：73.6万元",
             "采购需求：推理服务器2台。每台配置：GPU NVIDIA L4 24GB（Tensor Core，PCIe，72W）×4；CPU 2×Xeon Gold 6430；"
             "内存512GB；系统盘2×480GB SSD；数据盘4×3.84TB SSD。",
             "合同履行期限：合同签订后30日内交付。",
             "获取招标文件时间：2024年9月2日至2024年9月9日", "开标时间：2024年9月23日09:30",
             "采购人联系方式：南宁市西乡塘区明秀东路175号，覃老师，0771-3140 2556",
             "发布日期：2024-9-2"]
    write_pdf("h3-016.pdf", lines, title="广西师范职业技术大学智慧校园视觉推理服务器采购公开招标公告")
    return label("h3-016.pdf", True, ["server"], ["L4"], [], "广西师范职业技术大学", [], 736000.0, "2024-09-02",
                 "tender", "PDF tender for 2 servers with 4 x NVIDIA L4 each (L4 controlled via PD prong); date '2024-9-2'")


ALL = [p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16]
