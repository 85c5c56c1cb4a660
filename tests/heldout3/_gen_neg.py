"""Negative (not relevant) notices of the third held-out corpus; most are hard negatives. Fictional throughout."""

from __future__ import annotations

from typing import Any

from _gen_common import html_table, write_docx, write_html, write_txt
from _gen_pos import label
from _shells import campus, campus_trad, ggzy, soe_platform


def n17() -> dict[str, Any]:
    rows = [["序号", "设备名称", "技术要求", "数量"],
            ["1", "AI训练服务器", "昇腾910B NPU×8（64GB HBM2e），整机FP16算力≥2.5PFLOPS，单卡性能不低于英伟达A100 80GB", "6台"],
            ["2", "推理服务器", "Atlas 300I Duo推理卡×4", "4台"]]
    body = f"""<p>项目名称：北疆电力数字化中心人工智能算力平台设备采购（比选）</p>
<p>采购人：北疆电力集团数字化中心</p>
<p>项目编号：BJDL-BX-2025-0419</p>
<p>比选方式：公开比选；报名截止：2025年5月8日17:00</p>
<p>采购内容：</p>
{html_table(rows)}
<p>采购预算：1,460.00万元（含税）</p>
<p>特别说明：所投设备须为国产自主可控产品，GPU/NPU须为国产芯片，整机须列入信创目录。</p>
<p>发布时间：2025年4月28日</p>"""
    page = soe_platform("北疆电力集团电子采购平台", "北疆电力数字化中心人工智能算力平台设备采购比选公告",
                        "发布时间：2025年4月28日", body)
    write_html("h3-017.html", page)
    return label("h3-017.html", False, [], ["Ascend 910B", "Ascend 310P"], [], "北疆电力集团数字化中心", [], 14600000.0,
                 "2025-04-28", "tender", "hard negative: domestic Ascend 910B servers; 'A100 80GB' only as a "
                 "performance benchmark ('不低于英伟达A100'); Atlas 300I Duo = Ascend 310P (added after the first run)")


def n18() -> dict[str, Any]:
    body = """<p><b>一、项目名称：</b>滨湖智算大厦幕墙及泛光照明工程</p>
<p><b>二、招标编号：</b>BHGC-H800-2024-017</p>
<p><b>三、招标人：</b>滨湖新城建设投资有限公司</p>
<p><b>四、工程概况：</b>滨湖智算大厦（又称“算力大厦”）位于滨湖新城核心区，地上32层，本次招标内容为单元式幕墙、
铝板幕墙及泛光照明工程，建筑面积约6.8万平方米。</p>
<p><b>五、招标控制价：</b>4,278.60万元</p>
<p><b>六、工期：</b>240日历天</p>
<p><b>七、投标人资格：</b>具备建筑幕墙工程专业承包一级资质。</p>
<p><b>八、开标时间及地点：</b>2024年10月15日9:30，滨湖区公共资源交易中心第H100开标室。</p>
<p>联系人：秦工　电话：0551-6409 0128</p>"""
    page = ggzy("滨湖区公共资源交易中心", "滨湖智算大厦幕墙及泛光照明工程招标公告", "2024-09-20", body, charset="gbk")
    write_html("h3-018.html", page, encoding="gbk")
    return label("h3-018.html", False, [], [], [], "滨湖新城建设投资有限公司", [], 42786000.0, "2024-09-20",
                 "tender", "hard negative (GBK): building named 智算大厦/算力大厦; H800 inside the 招标编号, H100 an "
                 "opening-room name, 4090 in a phone number and the attachGuid")


def n19() -> dict[str, Any]:
    text = """我校举办“人工智能算力与科研创新”专题研讨会
发布时间：2025-06-12　　来源：科学技术处

6月10日，我校在图书馆报告厅举办“人工智能算力与科研创新”专题研讨会。会上，计算机学院教授介绍了国际算力格局：
美国自2022年起限制英伟达A100、H100对华出口，2023年又将A800、H800纳入管制，2025年4月起H20亦需许可证。
与会专家认为，高校应加快国产算力适配，充分利用校内已建成的昇腾计算平台，同时关注OpenAI、Claude等境外大模型
的技术进展。科技处负责人表示，学校将在年内完成校级智算平台二期建设论证。
（科学技术处　供稿）
"""
    write_txt("h3-019.txt", text)
    return label("h3-019.txt", False, [], [], [], "", [], None, "2025-06-12", "other",
                 "hard negative: university news item naming A100/H100/A800/H800/H20, OpenAI and Claude; nothing "
                 "bought. Doubt: buyer left empty (a news item has no purchaser)")


def n20() -> dict[str, Any]:
    body = """<p>项目编号：SZXX-2025-PX-031</p>
<p>项目名称：信息中心技术人员云计算能力提升培训服务</p>
<p>采购人：松州市大数据发展局</p>
<p>采购内容：组织AWS Certified Solutions Architect、Microsoft Azure Fundamentals（AZ-900）认证培训课程各1期，
每期不少于5天，参训人员30人；培训内容包括云架构设计、弹性计算、对象存储等。培训实验环境由培训机构自备，
采购人不开通任何境外云账号。</p>
<p>预算金额：12.8万元</p>
<p>报价截止时间：2025年3月14日17:00</p>
<p>发布日期：2025年3月7日</p>"""
    page = campus("松州市政府采购网", "信息中心技术人员云计算能力提升培训服务询价公告", "发布日期：2025-03-07", body)
    write_html("h3-020.html", page)
    return label("h3-020.html", False, [], [], [], "松州市大数据发展局", [], 128000.0, "2025-03-07", "tender",
                 "hard negative: AWS/Azure certification training course; no cloud account or compute bought")


def n21() -> dict[str, Any]:
    rows = [["序号", "名称", "品牌", "规格型号", "数量", "单价（元）"],
            ["1", "六要素自动气象站（AWS）", "华云", "CAWS3000-H", "12套", "86500"],
            ["2", "太阳能供电系统", "华云", "SP-200W", "12套", "6200"]]
    body = f"""<p>一、项目编号：YZQX-2024-035</p>
<p>二、项目名称：乡镇自动气象站（AWS）加密建设项目</p>
<p>三、中标（成交）信息：供应商名称：云州华测气象科技有限公司；中标（成交）金额：111.24万元</p>
<p>四、主要标的信息</p>
{html_table(rows)}
<p>五、采购人：云州市气象局　联系方式：0872-2136 6021</p>
<p>公告日期：2024年8月9日</p>"""
    page = ggzy("云州市公共资源交易中心", "乡镇自动气象站（AWS）加密建设项目中标（成交）结果公告", "2024-08-09", body)
    write_html("h3-021.html", page)
    return label("h3-021.html", False, [], [], [], "云州市气象局", ["云州华测气象科技有限公司"], 1112400.0,
                 "2024-08-09", "award", "hard negative: AWS = automatic weather station")


def n22() -> dict[str, Any]:
    blocks: list[tuple[str, object]] = [
        ("h", "海川市社会保险事业管理中心数据库软件维保服务采购结果公告"),
        ("p", "项目编号：HCSB-2024-WB-012"),
        ("p", "采购人：海川市社会保险事业管理中心"),
        ("p", "中标供应商：海川数安信息技术有限公司"),
        ("p", "中标金额：人民币叁拾叁万陆仟元整（¥336,000.00）"),
        ("t", [["服务名称", "服务内容", "服务期"],
               ["Oracle数据库维保", "Oracle Database 19c企业版原厂技术支持及补丁升级，Oracle RAC巡检", "1年"],
               ["磁盘分区迁移", "存储LUN由MBR迁移至GPT分区格式", "1次"]]),
        ("p", "公告日期：2024年11月22日"),
    ]
    write_docx("h3-022.docx", blocks)
    return label("h3-022.docx", False, [], [], [], "海川市社会保险事业管理中心", ["海川数安信息技术有限公司"], 336000.0,
                 "2024-11-22", "award", "hard negative (DOCX): Oracle database support (software) and GPT disk "
                 "partitions; no cloud, no model")


def n23() -> dict[str, Any]:
    text = """平江市公安局视频智能分析平台扩容项目询比价结果公示

公示日期：2025年9月3日
项目编号：PJGA-XBJ-2025-077
采购人：平江市公安局
成交供应商：平江中曙信息系统有限公司
成交金额：867,500.00元

成交内容：曙光X785-G30服务器3台，每台配置海光DCU K100_AI加速卡×8；配套视频结构化算法部署。

特别说明：根据采购文件要求，所投产品不得采用英伟达H20、A800、RTX 4090等进口GPU，须全部采用国产加速卡。

公示期：2025年9月3日至2025年9月5日
"""
    write_txt("h3-023.txt", text, bom=True)
    return label("h3-023.txt", False, [], ["Hygon DCU"], [], "平江市公安局", ["平江中曙信息系统有限公司"], 867500.0,
                 "2025-09-03", "award", "hard negative: Hygon DCU servers; H20/A800/RTX 4090 only in a ban clause")


def n24() -> dict[str, Any]:
    lots = [["包号", "内容", "配置", "数量", "预算（万元）"],
            ["A包", "推理服务器", "寒武纪MLU370-X8加速卡×4", "5台", "210"],
            ["B包", "推理服务器", "昆仑芯R200加速卡×4", "5台", "190"]]
    body = f"""<p>采购项目名称：青禾职业技术学院人工智能实训中心建设</p>
<p>采购人：青禾职业技术学院</p>
<p>采购方式：公开招标　项目编号：QHZY-ZB-2025-0318</p>
<p>预算金额：400万元</p>
{html_table(lots)}
<p>投标截止：2025年4月9日09:00　　公告日期：2025年3月18日</p>
<p>本项目拒绝进口产品参与，任何包不得投标英伟达（NVIDIA）L40S、A100等产品。</p>"""
    page = campus("青禾职业技术学院采购与招标管理办公室", "青禾职业技术学院人工智能实训中心建设招标公告",
                  "发布时间：2025-03-18", body)
    write_html("h3-024.html", page)
    return label("h3-024.html", False, [], ["Cambricon MLU370", "Kunlunxin R200"], [], "青禾职业技术学院", [],
                 4000000.0, "2025-03-18", "tender", "hard negative: domestic Cambricon and Kunlunxin lots; L40S/A100 "
                 "only in an exclusion clause. Doubt: canonical spelling of the Kunlunxin item")


def n25() -> dict[str, Any]:
    rows = [["序号", "名称", "品牌", "型号", "数量", "单价（元）"],
            ["1", "推理服务器", "宁畅", "X640 G50（8×NVIDIA L20 48GB）", "1台", "468000"],
            ["2", "AI开发工作站", "联想", "P7（NVIDIA GeForce RTX 4090 D 24GB）", "4台", "38500"]]
    body = f"""<p>项目名称：信息中心AI辅助诊断平台硬件采购</p>
<p>采购人：东临市妇幼保健院</p>
<p>成交供应商：东临康联信息技术有限公司</p>
<p>成交金额：大写：陆拾贰万贰仟元整　小写：¥622,000.00</p>
{html_table(rows)}
<p>公示时间：2024年11月6日</p>"""
    page = campus("东临市妇幼保健院", "信息中心AI辅助诊断平台硬件采购成交公示", "发布时间：2024/11/06", body)
    write_html("h3-025.html", page)
    return label("h3-025.html", False, [], ["L20", "RTX 4090D"], [], "东临市妇幼保健院", ["东临康联信息技术有限公司"],
                 622000.0, "2024-11-06", "award", "hard negative: uncontrolled L20 server and 'RTX 4090 D' workstations")


def n26() -> dict[str, Any]:
    body = """<p><b>公開取得報價公告</b></p>
<p>機關名稱：高雄市立嶺南醫院</p>
<p>標案案號：LN1130928</p>
<p>標案名稱：檢驗科生化試劑採購（GPT、GOT、ALP等）</p>
<p>採購金額級距：未達公告金額</p>
<p>預算金額：新臺幣 1,280,000元</p>
<p>品項：肝功能檢驗GPT（ALT）試劑 400盒、GOT（AST）試劑 400盒</p>
<p>截止收件日期：113/10/15 17:00</p>
<p>公告日期：民國113年10月8日</p>"""
    page = campus_trad("高雄市立嶺南醫院", "檢驗科生化試劑採購公開取得報價公告", "公告日期：113/10/08", body, charset="big5")
    write_html("h3-026.html", page, encoding="big5")
    return label("h3-026.html", False, [], [], [], "高雄市立岭南医院", [], None, "2024-10-08", "tender",
                 "hard negative (Big5, Taiwan): GPT = liver-function (ALT) reagent; ROC date 民國113年; budget in "
                 "TWD only so amount null", lang="zh-Hant")


def n27() -> dict[str, Any]:
    rows = [["序号", "名称", "规格型号", "数量", "单价（元）"],
            ["1", "塑壳断路器", "NXM-H100/3300 100A", "60只", "420"],
            ["2", "隔离开关", "HGL-H200-63A", "40只", "185"],
            ["3", "电缆桥架", "GB200×100 热镀锌", "800米", "96"],
            ["4", "电力监控模块", "PMAC-L40S", "12只", "1350"]]
    body = f"""<p>项目名称：数据机房配电改造材料采购</p>
<p>采购人：汉江水务集团有限公司</p>
<p>成交人：襄阳正泰电气设备有限公司</p>
<p>成交金额：127,400.00元</p>
{html_table(rows)}
<p>发布日期：2025年1月14日</p>"""
    page = soe_platform("汉江水务集团采购平台", "数据机房配电改造材料采购成交结果公示", "发布日期：2025年1月14日", body)
    write_html("h3-027.html", page)
    return label("h3-027.html", False, [], [], [], "汉江水务集团有限公司", ["襄阳正泰电气设备有限公司"], 127400.0,
                 "2025-01-14", "award", "hard negative: H100, H200, GB200 and L40S inside electrical part numbers "
                 "in a data-room power refit")


def n28() -> dict[str, Any]:
    text = """雁北市第一中学2025年1月至6月政府采购意向

序号	采购项目名称	采购需求概况	预算金额（万元）	预计采购时间
1	智慧教室建设	交互式黑板及录播系统	86	2025年3月
2	创客实验室显卡升级	电脑显卡更换为RTX 4060 Ti 16G，共40块	14	2025年4月
3	校园算力服务平台	国产海光服务器2台，部署本地教学大模型	48	2025年5月
4	食堂设备更新	蒸饭柜、消毒柜	22	2025年6月

发布日期：2024/12/27
"""
    write_txt("h3-028.txt", text)
    return label("h3-028.txt", False, [], ["RTX 4060 Ti"], [], "雁北市第一中学", [], 1700000.0,
                 "2024-12-27", "intention", "hard negative: school intention list with uncontrolled RTX 4060 Ti and "
                 "domestic Hygon servers (no accelerator named, so not in items; 'Hygon DCU' removed after the first run). "
                 "Doubt: amount is the list total (no controlled row to pick)")


def n29() -> dict[str, Any]:
    body = """<p>项目名称：智能客服大模型API服务采购（竞争性谈判）</p>
<p>项目编号：HTXT-TP-2025-112</p>
<p>采购人：华泰信通运营服务有限公司</p>
<p>采购需求：采购国产通用大模型API调用服务（如通义千问、DeepSeek、文心一言等），总量不少于20亿tokens，服务期1年。</p>
<p>要求：不得使用OpenAI GPT-4o、Anthropic Claude、Google Gemini等境外大模型，不得通过Azure、AWS等境外云平台中转调用，
数据不得出境。</p>
<p>预算金额：￥52.000000万元（人民币）</p>
<p>递交响应文件截止时间：2025年8月21日10:00</p>
<p>公告发布日期：2025年8月14日</p>"""
    page = soe_platform("华泰信通供应链平台", "智能客服大模型API服务采购竞争性谈判公告", "发布日期：2025-08-14", body)
    write_html("h3-029.html", page)
    return label("h3-029.html", False, [], [], [], "华泰信通运营服务有限公司", [], 520000.0, "2025-08-14", "tender",
                 "hard negative: domestic LLM API; OpenAI/Claude/Gemini/Azure/AWS only in a ban clause")


def n30() -> dict[str, Any]:
    text = """关于临川智算科技有限公司算力租赁服务采购项目的成交公告

一、项目编号：LCZS-2025-ZL-09
二、项目名称：算力租赁服务采购项目
三、采购人：临川智算科技有限公司
四、成交供应商：江西赣算云服务有限公司
五、成交金额：人民币玖拾陆万元整
六、成交内容：燧原S60推理卡算力租赁，折合80000卡时，服务期12个月，含平台技术支持。
七、公告日期：2025年10月31日
"""
    write_txt("h3-030.txt", text, crlf=True)
    return label("h3-030.txt", False, [], ["Enflame S60"], [], "临川智算科技有限公司", ["江西赣算云服务有限公司"],
                 960000.0, "2025-10-31", "award", "hard negative: GPU-hour rental of domestic Enflame S60; amount only "
                 "in 大写. Doubt: canonical spelling of the Enflame item")


ALL = [n17, n18, n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30]

