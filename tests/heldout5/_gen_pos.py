"""Relevant documents of the fifth held-out corpus: notice types and layouts the earlier sets lack
(竞争性磋商, 中标候选人公示, 单一来源, 合同公告, 更正公告, 询价, lots where one lot buys the item, full-width digits,
amounts in 大写, cloud instances through resellers, US model APIs). Everything is fictional."""

from __future__ import annotations

from typing import Any

from _gen_common import html_table, write_docx, write_html, write_pdf, write_txt
from _shells import aggregator, campus, ccgp, ggzy


def label(file: str, relevant: bool, categories: list[str], items: list[str], providers: list[str],
          buyer: str | None, suppliers: list[str], amount: float | None, date: str | None, ntype: str, note: str,
          lang: str = "zh-Hans") -> dict[str, Any]:
    return {"file": file, "relevant": relevant, "categories": categories, "items": items, "providers": providers,
            "buyer": buyer, "suppliers": suppliers, "amount_cny": amount, "notice_date": date, "notice_type": ntype,
            "lang": lang, "case": None, "note": note}


def p01() -> dict[str, Any]:
    body = """<p>项目概况</p>
<p>黔中理工学院智能计算平台建设项目的潜在供应商应在贵州省公共资源交易云平台获取采购文件，并于２０２４年３月２６日
９点３０分（北京时间）前提交响应文件。</p>
<p>一、项目基本情况</p>
<p>项目编号：ＱＺＬＧ－ＣＳ－２０２４－０１７</p>
<p>项目名称：黔中理工学院智能计算平台建设项目</p>
<p>采购方式：竞争性磋商</p>
<p>预算金额：３８６．５万元（人民币）</p>
<p>最高限价：３８６．５万元</p>
<p>采购需求：GPU计算服务器２台，每台配置８块NVIDIA H100 SXM5 80GB GPU，双路CPU，内存≥２ＴＢ；配套机柜及安装调试。</p>
<p>合同履行期限：合同签订后６０日内交货。</p>
<p>本项目不接受联合体。</p>
<p>二、申请人的资格要求：满足《中华人民共和国政府采购法》第二十二条规定。</p>
<p>三、获取采购文件：时间：２０２４年３月１３日至２０２４年３月１９日。</p>
<p>四、对本次采购提出询问，请按以下方式联系。</p>
<p>1.采购人信息　名称：黔中理工学院　地址：贵阳市花溪区学府路８８号　联系方式：０８５１－８８６０１２３４</p>
<p>2.采购代理机构信息　名称：贵州筑信项目管理有限公司　地址：贵阳市观山湖区长岭南路２００号</p>
<p>公告日期：２０２４年３月１２日</p>"""
    write_html("h5-001.html", ggzy("贵州省公共资源交易中心", "黔中理工学院智能计算平台建设项目竞争性磋商公告",
                                   "２０２４－０３－１２", [("项目编号", "ＱＺＬＧ－ＣＳ－２０２４－０１７"),
                                                          ("采购方式", "竞争性磋商")], body))
    return label("h5-001.html", True, ["server"], ["H100"], [], "黔中理工学院", [], 3865000.0, "2024-03-12",
                 "tender", "竞争性磋商 on a provincial trading centre; every digit full-width (amount, dates, number)")


def p02() -> dict[str, Any]:
    rows = [["排序", "中标候选人名称", "投标报价（元）", "工期/交货期", "得分"],
            ["第一中标候选人", "昆明云岫科技有限公司", "2,368,000.00", "30日历天", "92.15"],
            ["第二中标候选人", "云南拓界信息工程有限公司", "2,410,500.00", "30日历天", "88.40"],
            ["第三中标候选人", "曲靖联创电子有限公司", "2,455,000.00", "45日历天", "85.02"]]
    body = f"""<p>滇南智能制造研究院AI加速卡采购项目（项目编号：YNZC2024-G-0392）评标工作已经结束，现将中标候选人公示如下：</p>
<p>一、采购人：滇南智能制造研究院</p>
<p>二、采购内容：NVIDIA A800 80GB PCIe 加速卡16块</p>
<p>三、中标候选人及排序：</p>{html_table(rows)}
<p>四、公示期：2024年8月20日至2024年8月22日（3个工作日）。</p>
<p>五、异议受理：投标人对公示结果有异议的，应在公示期内以书面形式向采购人提出。</p>
<p>采购代理机构：云南滇信招标咨询有限公司　联系电话：0871-65512345</p>"""
    write_html("h5-002.html", ggzy("云南省公共资源交易中心", "滇南智能制造研究院AI加速卡采购项目中标候选人公示",
                                   "2024-08-19", [("项目编号", "YNZC2024-G-0392"), ("公示类型", "中标候选人公示")],
                                   body))
    return label("h5-002.html", True, ["chip"], ["A800"], [], "滇南智能制造研究院", [], None, "2024-08-19", "award",
                 "中标候选人公示 with three ranked candidates in a table: candidates are not winners yet, so no "
                 "supplier and no award amount (corpus/README: suppliers [] when none is named yet; amount is "
                 "the award amount). First written as the first candidate and its price; corrected by the rules")


def p03() -> dict[str, Any]:
    body = """<p>根据《政府采购非招标采购方式管理办法》的规定，现将东海海洋大学大模型应用服务项目拟采用单一来源采购方式的有关情况公示如下：</p>
<p>一、项目信息</p>
<p>采购人：东海海洋大学</p>
<p>项目名称：大模型应用服务（Azure OpenAI）</p>
<p>拟采购的货物或服务的说明：采购由世纪互联运营的Microsoft Azure OpenAI服务，GPT-4o模型调用额度不少于8000万tokens，服务期一年。</p>
<p>拟采购的货物或服务的预算金额：36.8万元</p>
<p>采用单一来源采购方式的原因及说明：学校已有科研平台基于Azure OpenAI接口开发，更换服务将导致已有系统无法使用。</p>
<p>二、拟定供应商信息</p>
<p>名称：上海云帆数智科技有限公司</p>
<p>地址：上海市浦东新区张江路666号</p>
<p>三、公示期限：2024年11月5日至2024年11月11日</p>
<p>四、联系方式：采购与招标管理中心　021-5888 0000</p>"""
    write_html("h5-003.html", campus("东海海洋大学", "大模型应用服务项目单一来源采购公示", "2024-11-05", body))
    return label("h5-003.html", True, ["ai_model"], [], ["Microsoft Azure", "OpenAI"], "东海海洋大学",
                 ["上海云帆数智科技有限公司"], 368000.0, "2024-11-05", "single_source",
                 "university 采购与招标 page, 单一来源公示 for Azure OpenAI through a reseller; budget in 万元")


def p04() -> dict[str, Any]:
    body = """<p>一、合同编号：WMSJ-2024-HT-031</p>
<p>二、合同名称：高性能云计算资源服务合同</p>
<p>三、项目编号：BJWM-2024-0118</p>
<p>四、项目名称：蛋白质结构预测云计算资源采购项目</p>
<p>五、合同主体</p>
<p>采购人（甲方）：北京未名生物计算研究院</p>
<p>地址：北京市海淀区中关村北大街127号</p>
<p>供应商（乙方）：北京跨洋云图科技有限公司</p>
<p>地址：北京市朝阳区酒仙桥路10号</p>
<p>六、合同主要信息</p>
<p>主要标的名称：Amazon EC2 p4d.24xlarge 实例（海外区域）计算资源服务</p>
<p>规格型号（或服务要求）：p4d.24xlarge实例2台，按需使用，累计不少于4,000实例小时</p>
<p>主要标的数量：1项</p>
<p>合同金额：158.4万元</p>
<p>履约期限、地点等简要信息：2024年7月1日至2025年6月30日</p>
<p>采购方式：竞争性磋商</p>
<p>七、合同签订日期：2024年6月14日</p>
<p>八、合同公告日期：2024年6月18日</p>"""
    write_html("h5-004.html", ccgp("北京未名生物计算研究院蛋白质结构预测云计算资源采购项目合同公告", "2024年06月18日 16:02",
                                   "北京市政府采购网", body))
    return label("h5-004.html", True, ["cloud"], ["A100"], ["AWS"], "北京未名生物计算研究院",
                 ["北京跨洋云图科技有限公司"], 1584000.0, "2024-06-18", "contract",
                 "ccgp 合同公告 (numbered 一、…八、 layout); AWS p4d instances through a reseller implies A100")


def p05() -> dict[str, Any]:
    body = """<p>一、项目基本情况</p>
<p>原公告的采购项目编号：AHJH-2023-GK-0088</p>
<p>原公告的采购项目名称：江淮先进计算研究中心算力平台扩容项目</p>
<p>首次公告日期：2023年8月25日</p>
<p>二、更正信息</p>
<p>更正事项：采购公告、采购文件</p>
<p>更正内容：</p>
<p>1. 第2包（GPU服务器，8卡NVIDIA H800 80GB，4台）预算金额由960万元更正为1,080万元；</p>
<p>2. 第1包（分布式存储）预算金额200万元不变；</p>
<p>3. 投标截止时间及开标时间由2023年9月15日9:00更正为2023年9月22日9:00。</p>
<p>更正日期：2023年9月4日</p>
<p>三、其他补充事宜：其他内容不变。</p>
<p>四、凡对本次公告内容提出询问，请按以下方式联系。</p>
<p>1.采购人信息　名称：江淮先进计算研究中心　地址：合肥市蜀山区望江西路5089号</p>
<p>2.采购代理机构信息　名称：安徽徽达招标代理有限公司</p>"""
    write_html("h5-005.html", ccgp("江淮先进计算研究中心算力平台扩容项目更正公告", "2023年09月04日 10:15",
                                   "安徽省政府采购网", body))
    return label("h5-005.html", True, ["server"], ["H800"], [], "江淮先进计算研究中心", [], 10800000.0,
                 "2023-09-04", "correction", "更正公告: the lot buying H800 servers corrected 960万 -> 1,080万; "
                 "the storage lot's 200万 unchanged")


def p06() -> dict[str, Any]:
    rows = [["包号", "采购内容", "数量", "预算金额（万元）", "最高限价（万元）"],
            ["1", "国产AI训练服务器（昇腾910B×8）", "2台", "480", "480"],
            ["2", "NVIDIA A100 80GB PCIe GPU加速卡", "8块", "96", "96"],
            ["3", "全闪存储系统", "1套", "120", "118"]]
    body = f"""<p>湘西数字经济研究院人工智能实验平台采购项目公开招标公告</p>
<p>项目编号：XXSJ-2024-ZB-006　　采购方式：公开招标</p>
<p>预算金额：696万元</p>
<p>分包情况：</p>{html_table(rows)}
<p>投标人可对一个或多个包投标，各包单独评标、单独授标。</p>
<p>采购人：湘西数字经济研究院　　地址：吉首市人民北路18号</p>
<p>采购代理机构：湖南湘鼎招标有限公司　　联系人：周工　0743-8231234</p>
<p>发布日期：2024-05-20</p>"""
    write_html("h5-006.html", ccgp("湘西数字经济研究院人工智能实验平台采购项目公开招标公告", "2024年05月20日 09:30",
                                   "湖南省政府采购网", body))
    return label("h5-006.html", True, ["chip"], ["A100", "Ascend 910B"], [], "湘西数字经济研究院", [], 960000.0,
                 "2024-05-20", "tender", "three lots in a table (万元 columns); only lot 2 buys controlled A100 "
                 "cards, lot 1 buys domestic Ascend servers")


def p07() -> dict[str, Any]:
    text = """军队采购网　公告信息
首页 > 采购公告 > 询价公告

中国人民解放军92958部队计算卡采购询价公告
发布时间：2025-02-21

一、采购单位：中国人民解放军92958部队
二、项目名称：某型仿真计算卡采购
三、采购方式：询价
四、采购内容：NVIDIA H20 96GB 计算卡 4块，含三年质保
五、采购预算：人民币陆拾肆万元整（¥640,000.00）
六、供应商资格：具有独立法人资格，近三年无违法记录，已在军队采购网完成注册。
七、报价截止时间：2025年3月3日17:00
八、联系人：王参谋　电话：0532-0000000
（本公告在军队采购网发布，其他媒体转载无效）

版权所有：军队采购网　技术支持：军队采购网运维中心
"""
    write_txt("h5-007.txt", text)
    return label("h5-007.txt", True, ["chip"], ["H20"], [], "中国人民解放军92958部队", [], 640000.0, "2025-02-21",
                 "tender", "军队采购网-style 询价 as plain text; amount in 大写 with figure in brackets")


def p08() -> dict[str, Any]:
    rows = [["序号", "采购项目名称", "采购需求概况", "预算金额（万元）", "预计采购时间"],
            ["1", "教学用计算机更新", "台式计算机200台", "80", "2025年9月"],
            ["2", "人工智能计算平台", "H200 8卡GPU服务器1台及配套网络", "260", "2025年10月"],
            ["3", "化学实验台改造", "实验台及通风柜", "45", "2025年8月"]]
    body = f"""<p>为便于供应商及时了解政府采购信息，根据《财政部关于开展政府采购意向公开工作的通知》等有关规定，现将西岭科技大学2025年下半年采购意向公开如下：</p>
{html_table(rows)}
<p>本次公开的采购意向是本单位政府采购工作的初步安排，具体采购项目情况以相关采购公告和采购文件为准。</p>
<p>西岭科技大学</p><p>2025年7月8日</p>"""
    write_html("h5-008.html", campus("西岭科技大学", "西岭科技大学2025年7至10月政府采购意向", "2025-07-08", body))
    return label("h5-008.html", True, ["server"], ["H200"], [], "西岭科技大学", [], 2600000.0, "2025-07-08",
                 "intention", "university 采购意向 table with three rows; only row 2 buys an H200 server")


def p09() -> dict[str, Any]:
    write_docx("h5-009.docx", [
        ("h", "渤海智能网联汽车研究院仿真计算服务器采购项目竞争性谈判公告"),
        ("p", "项目编号：BHZL-TP-2024-002"),
        ("p", "采购人：渤海智能网联汽车研究院"),
        ("p", "采购方式：竞争性谈判"),
        ("p", "采购预算：人民币贰佰肆拾万元整"),
        ("t", [["品目", "技术要求", "数量"],
               ["GPU服务器", "每台配置4块NVIDIA L40S 48GB GPU，2颗CPU，1TB内存", "4台"]]),
        ("p", "谈判文件发售时间：2024年1月16日至2024年1月22日"),
        ("p", "公告发布日期：2024年1月15日"),
        ("p", "采购代理机构：天津津港招标有限公司"),
    ])
    return label("h5-009.docx", True, ["server"], ["L40S"], [], "渤海智能网联汽车研究院", [], 2400000.0,
                 "2024-01-15", "tender", "DOCX 竞争性谈判; budget only in 大写 (贰佰肆拾万元整)")


def p10() -> dict[str, Any]:
    body = """<p>一、项目编号：NLSM-2025-CG-014</p>
<p>二、项目名称：南岭生命科学实验室云端GPU计算资源服务采购项目</p>
<p>三、中标（成交）信息</p>
<p>供应商名称：深圳星桥云服科技有限公司</p>
<p>供应商地址：深圳市南山区粤海街道科苑路15号</p>
<p>中标（成交）金额：￥1,296,000.00</p>
<p>四、主要标的信息</p>
<p>服务名称：Google Cloud 计算资源服务；服务范围：a3-highgpu-8g 实例 3台，服务期6个月；服务标准：符合采购文件要求</p>
<p>五、评审专家名单：李某、陈某、赵某</p>
<p>六、公告期限：自本公告发布之日起1个工作日。</p>
<p>七、采购人：南岭生命科学实验室　联系方式：020-3000 0000</p>"""
    write_html("h5-010.html", ccgp("南岭生命科学实验室云端GPU计算资源服务采购项目中标结果公告", "2025年04月17日 17:40",
                                   "广东省政府采购网", body))
    return label("h5-010.html", True, ["cloud"], ["H100"], ["Google Cloud"], "南岭生命科学实验室",
                 ["深圳星桥云服科技有限公司"], 1296000.0, "2025-04-17", "award",
                 "award for Google Cloud a3-highgpu-8g instances (H100) through a Shenzhen reseller")


def p11() -> dict[str, Any]:
    body = """<p>项目名称：智慧教学大模型账号服务采购</p>
<p>项目编号：ZJWY-XJ-2024-09</p>
<p>采购单位：之江外国语职业学院</p>
<p>成交供应商：杭州语桥信息技术有限公司</p>
<p>成交内容：ChatGPT Enterprise（OpenAI）团队账号50个，服务期一年</p>
<p>成交金额：18.6万元</p>
<p>公告日期：2024年9月26日</p>"""
    write_html("h5-011.html", campus("之江外国语职业学院", "智慧教学大模型账号服务采购成交结果公告", "2024-09-26", body))
    return label("h5-011.html", True, ["ai_model"], [], ["OpenAI"], "之江外国语职业学院", ["杭州语桥信息技术有限公司"],
                 186000.0, "2024-09-26", "award", "成交结果 on a college page: ChatGPT Enterprise seats via a reseller")


def p12() -> dict[str, Any]:
    lines = [
        "嘉禾市大数据发展中心",
        "大模型训练算力租赁服务项目竞争性磋商文件（节选）",
        "项目编号：JHSJ-2024-CS-021",
        "第一章 磋商公告",
        "一、采购内容：租用GPU算力资源，用于城市治理大模型训练。",
        "算力规格：NVIDIA A800 80GB SXM GPU，单节点8卡，节点间RDMA网络不低于200Gbps；",
        "服务量：不少于200,000卡时，服务期12个月，由供应商自有或租用的数据中心提供。",
        "二、最高限价：人民币3,200,000.00元",
        "三、采购人：嘉禾市大数据发展中心",
        "四、响应文件递交截止时间：2024年8月16日9:30",
        "发布日期：2024年8月2日",
    ]
    write_pdf("h5-012.pdf", lines)
    return label("h5-012.pdf", True, ["rental"], ["A800"], [], "嘉禾市大数据发展中心", [], 3200000.0, "2024-08-02",
                 "tender", "PDF 磋商文件: A800 卡时 rental, unnamed provider; only a 最高限价")


def p13() -> dict[str, Any]:
    body = """<p>一、项目编号：GDGZ2023-1128-07</p>
<p>二、项目名称：东江医学影像研究所深度学习工作站采购</p>
<p>三、预算金额：3,150,000.00元（叁佰壹拾伍万元整）</p>
<p>四、采购需求：NVIDIA DGX H100 深度学习系统1套（含8块H100 GPU），含安装、培训及三年原厂服务。</p>
<p>五、采购人：东江医学影像研究所</p>
<p>六、投标截止时间：2023年12月19日9时30分</p>
<p>七、发布日期：2023年11月28日</p>"""
    write_html("h5-013.html", ggzy("惠州市公共资源交易中心", "东江医学影像研究所深度学习工作站采购招标公告", "2023-11-28",
                                   [("交易类型", "政府采购"), ("项目编号", "GDGZ2023-1128-07")], body))
    return label("h5-013.html", True, ["server"], ["H100"], [], "东江医学影像研究所", [], 3150000.0, "2023-11-28",
                 "tender", "trading centre page; amount in figures with 大写 in brackets; DGX H100 system")


def p14() -> dict[str, Any]:
    body = """<p>天府量子信息研究院AI加速卡采购项目中标公告</p>
<p>采购人：天府量子信息研究院</p>
<p>中标供应商：成都芯衡科技有限公司</p>
<p>中标内容：AMD Instinct MI300X 192GB加速卡4块</p>
<p>中标金额：1,036,000.00元</p>
<p>公告时间：2025-01-09</p>"""
    write_html("h5-014.html", aggregator(
        "标讯通", "中标|天府量子信息研究院AI加速卡采购项目中标公告", "2025-01-09",
        [("采购单位：", "天府量子信息研究院"), ("中标金额：", "**.**万元"), ("中标单位：", "成都芯****有限公司")], body,
        ["某高校H100服务器采购公告", "A800加速卡采购项目竞争性磋商", "智算中心GPU服务器（H20）招标"]))
    return label("h5-014.html", True, ["chip"], ["MI300X"], [], "天府量子信息研究院", ["成都芯衡科技有限公司"],
                 1036000.0, "2025-01-09", "award",
                 "aggregator repost with masked summary (**.**万元, partly masked winner); recommendations name other chips")


def p15() -> dict[str, Any]:
    body = """<p>华北能源大数据中心大模型训练服务器采购需求</p>
<p>一、功能及要求</p>
<p>1. GPU服务器2台，每台配置8块GPU加速卡；</p>
<p>2. 单卡FP16 Tensor稠密（非稀疏）算力≥989 TFLOPS，显存≥80GB HBM3，卡间互联带宽≥900GB/s；</p>
<p>3. 支持CUDA生态及主流深度学习框架。</p>
<p>二、预算金额：520万元</p>
<p>三、采购人：华北能源大数据中心</p>
<p>发布时间：2025-06-03</p>"""
    write_html("h5-015.html", ccgp("华北能源大数据中心大模型训练服务器采购需求公示", "2025年06月03日 11:20",
                                   "河北省政府采购网", body))
    return label("h5-015.html", True, ["server"], [], [], "华北能源大数据中心", [], 5200000.0, "2025-06-03", "tender",
                 "requirement-only page; no model name, dense FP16 >= 989 TFLOPS per card puts it over the threshold")


def p16() -> dict[str, Any]:
    body = """<p>一、项目名称：海洋文献智能分析大模型调用服务</p>
<p>二、采购方式：询价</p>
<p>三、采购需求：通过亚马逊云科技（AWS）Amazon Bedrock平台调用Anthropic Claude 3.5 Sonnet模型，调用额度不少于3000万tokens，服务期一年。</p>
<p>四、预算金额：人民币20万元</p>
<p>五、采购人：珠江口海洋研究院</p>
<p>六、报价截止：2025年3月21日</p>
<p>七、发布日期：2025年3月14日</p>"""
    write_html("h5-016.html", ggzy("广东省公共资源交易中心", "珠江口海洋研究院海洋文献智能分析大模型调用服务询价公告",
                                   "2025-03-14", [("采购方式", "询价")], body))
    return label("h5-016.html", True, ["ai_model"], [], ["AWS", "Anthropic"], "珠江口海洋研究院", [], 200000.0,
                 "2025-03-14", "tender", "询价 for Claude through Amazon Bedrock")


def p17() -> dict[str, Any]:
    text = """合同公告

一、合同编号：CTWS-2025-017
二、合同名称：多语种智能翻译模型接口服务合同
三、项目名称：多语种智能翻译模型接口服务
四、合同主体
采购人（甲方）：楚天外事职业学院
供应商（乙方）：武汉知澜科技有限公司
五、合同主要信息
主要标的名称：Google Gemini API 调用额度（Gemini 1.5 Pro）
服务期限：12个月
合同金额：7.2万元
六、合同签订日期：2025年8月6日
七、公告日期：2025年8月11日
"""
    write_txt("h5-017.txt", text, bom=True, crlf=True)
    return label("h5-017.txt", True, ["ai_model"], [], ["Google"], "楚天外事职业学院", ["武汉知澜科技有限公司"], 72000.0,
                 "2025-08-11", "contract", "text 合同公告 (BOM, CRLF): Gemini API through a reseller")


def p18() -> dict[str, Any]:
    body = """<p>证券代码：603917　证券简称：澜川股份　公告编号：2025-033</p>
<p><b>浙江澜川数据股份有限公司关于全资子公司签订日常经营重大合同的公告</b></p>
<p>一、合同签署情况：公司全资子公司宁波澜算数据科技有限公司（以下简称“澜算数据”）于2025年5月14日与上海沐川系统集成有限公司签订《服务器采购合同》，
澜算数据向其采购NVIDIA HGX B200 8-GPU服务器20台，合同总金额为人民币36,000.00万元（含税），不含税金额为31,858.41万元。</p>
<p>二、交易对方：上海沐川系统集成有限公司，注册资本10,000万元，与公司不存在关联关系。</p>
<p>三、对公司的影响：本次采购的服务器用于澜算数据智算中心建设，公司2024年度营业收入为58,200万元。</p>
<p>特此公告。</p>
<p>浙江澜川数据股份有限公司董事会</p>
<p>2025年5月16日</p>"""
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>澜川股份：关于全资子公司签订日常经营重大合同的公告</title></head>
<body><div class="hd">信息披露 | 公司公告 | 澜川股份(603917)</div>
<div class="gg-title">澜川股份：关于全资子公司签订日常经营重大合同的公告</div>
<div class="gg-time">公告日期：2025-05-16</div>
<div class="gg-content">{body}</div>
<div class="ft">免责声明：本页内容由上市公司提供，本网站不对其真实性负责。</div></body></html>"""
    write_html("h5-018.html", html)
    return label("h5-018.html", True, ["server"], ["B200"], [], "宁波澜算数据科技有限公司", ["上海沐川系统集成有限公司"],
                 360000000.0, "2025-05-16", "contract",
                 "listed-company disclosure page: subsidiary buys HGX B200 servers; 含税 and 不含税; capital and revenue")


ALL = [p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16, p17, p18]
