"""Not-relevant documents of the fifth held-out corpus: notices that buy domestic or uncontrolled parts, tokens
with other meanings (AWS weather stations, GPT the liver enzyme, room names), and pages that use the words
without a purchase by their publisher (news, a seller's disclosure, adverts, a shop, a job post, a forum
thread, an aggregator list page, an investor Q&A). Everything is fictional."""

from __future__ import annotations

from typing import Any

from _gen_common import html_table, write_html, write_pdf, write_txt
from _gen_pos import label
from _shells import aggregator, campus, ccgp, ggzy, plain


def other(file: str, date: str | None, note: str, lang: str = "zh-Hans") -> dict[str, Any]:
    return label(file, False, [], [], [], None, [], None, date, "other", note, lang)


def n01() -> dict[str, Any]:
    body = """<p>一、项目编号：GNXC-2024-CS-031</p>
<p>二、项目名称：信创智能计算节点采购</p>
<p>三、采购方式：竞争性磋商</p>
<p>四、预算金额：168万元</p>
<p>五、采购需求：国产GPU计算节点4台，每台配置海光DCU Z100 加速卡4块；推理卡：寒武纪思元370（MLU370-X8）8块。
所投产品须为国产自主可控产品，不接受NVIDIA A100、H100等进口GPU产品。</p>
<p>六、采购人：赣南信创产业研究院</p>
<p>七、公告日期：2024年10月10日</p>"""
    write_html("h5-101.html", ggzy("江西省公共资源交易中心", "赣南信创产业研究院信创智能计算节点采购竞争性磋商公告",
                                   "2024-10-10", [("采购方式", "竞争性磋商")], body))
    return label("h5-101.html", False, [], ["Hygon DCU", "Cambricon MLU370"], [], "赣南信创产业研究院", [], 1680000.0,
                 "2024-10-10", "tender", "domestic DCU and MLU370 only; A100/H100 in an exclusion clause")


def n02() -> dict[str, Any]:
    body = """<p>一、项目编号：FDRY-2024-ZB-112</p>
<p>二、项目名称：医学影像AI推理服务器采购项目</p>
<p>三、中标信息：供应商名称：福州闽算信息技术有限公司；中标金额：826,500.00元</p>
<p>四、主要标的：推理服务器3台，每台配置NVIDIA T4 16GB 推理卡4块；训练服务器1台，配置NVIDIA Tesla V100-SXM2-32GB 4块。</p>
<p>五、采购人：闽东市人民医院</p>
<p>六、公告日期：2024年12月3日</p>"""
    write_html("h5-102.html", ccgp("闽东市人民医院医学影像AI推理服务器采购项目中标公告", "2024年12月03日 15:20",
                                   "福建省政府采购网", body))
    return label("h5-102.html", False, [], ["T4", "V100"], [], "闽东市人民医院", ["福州闽算信息技术有限公司"], 826500.0,
                 "2024-12-03", "award", "uncontrolled T4 and V100 only")


def n03() -> dict[str, Any]:
    text = """询价公告
项目名称：数字媒体实训室图形工作站采购
采购单位：晋北传媒职业学院
采购内容：图形工作站6台，每台配置NVIDIA GeForce RTX 4090D 24GB显卡1块
采购预算：21.6万元
报价截止时间：2024年4月12日17:00
发布日期：2024年4月7日
"""
    write_txt("h5-103.txt", text)
    return label("h5-103.txt", False, [], ["RTX 4090D"], [], "晋北传媒职业学院", [], 216000.0, "2024-04-07", "tender",
                 "RTX 4090D (uncontrolled China variant) workstations")


def n04() -> dict[str, Any]:
    body = """<p>项目名称：青岚县气象局区域自动气象站更新项目</p>
<p>采购内容：AWS六要素自动气象站（AWS）12套，含风向风速、温湿度、气压、雨量传感器及数据采集器。</p>
<p>预算金额：54万元</p>
<p>采购人：青岚县气象局</p>
<p>发布日期：2025-04-22</p>"""
    write_html("h5-104.html", ggzy("山西省公共资源交易中心", "青岚县气象局区域自动气象站更新项目询价公告", "2025-04-22",
                                   [("采购方式", "询价")], body))
    return label("h5-104.html", False, [], [], [], "青岚县气象局", [], 540000.0, "2025-04-22", "tender",
                 "AWS = automatic weather station")


def n05() -> dict[str, Any]:
    rows = [["序号", "试剂名称", "规格", "数量"],
            ["1", "谷丙转氨酶（GPT/ALT）测定试剂盒", "4×60ml", "200盒"],
            ["2", "谷草转氨酶（GOT/AST）测定试剂盒", "4×60ml", "200盒"]]
    body = f"""<p>一、项目名称：生化检验试剂采购项目</p>
<p>二、成交供应商：湘潭康检医疗器械有限公司　成交金额：312,000.00元</p>
<p>三、成交内容：</p>{html_table(rows)}
<p>四、采购人：湘中市第二人民医院</p>
<p>五、公告日期：2024年6月11日</p>"""
    write_html("h5-105.html", ccgp("湘中市第二人民医院生化检验试剂采购项目成交公告", "2024年06月11日 10:00",
                                   "湖南省政府采购网", body))
    return label("h5-105.html", False, [], [], [], "湘中市第二人民医院", ["湘潭康检医疗器械有限公司"], 312000.0,
                 "2024-06-11", "award", "GPT = 谷丙转氨酶 reagent")


def n06() -> dict[str, Any]:
    body = """<p>项目编号：SLKD-A800-2025-03</p>
<p>项目名称：图书馆阅览桌椅采购</p>
<p>预算金额：38万元</p>
<p>开标地点：综合楼H200会议室</p>
<p>采购人：西岭科技大学</p>
<p>发布日期：2025-03-17</p>"""
    write_html("h5-106.html", campus("西岭科技大学", "图书馆阅览桌椅采购招标公告", "2025-03-17", body))
    return label("h5-106.html", False, [], [], [], "西岭科技大学", [], 380000.0, "2025-03-17", "tender",
                 "A800 in the project number, H200 is a meeting room")


def n07() -> dict[str, Any]:
    body = """<p>记者梳理公开招标信息发现，今年以来多地高校和研究机构发布的智算设备采购项目中，H20、H200等型号频繁出现。</p>
<p>例如，某东部高校2月发布的GPU服务器采购公告预算金额为1,200万元，要求配置8卡H20；另一家研究院的中标公告显示，
中标金额为860万元，中标供应商为一家注册资本仅100万元的贸易公司。</p>
<p>业内人士表示，由于出口管制，这些设备的来源值得关注。</p>
<p>（责任编辑：林某）</p>"""
    write_html("h5-107.html", plain("科创财经网", "多地高校招标采购H20服务器 小型经销商频频中标",
                                    "2025-05-09 08:31　来源：科创财经网　作者：本报记者", body,
                                    "<h3>热门文章</h3><ul><li>A800价格走势</li><li>算力租赁市场观察</li></ul>"))
    return other("h5-107.html", "2025-05-09", "news article quoting budgets, awards and H20/H200")


def n08() -> dict[str, Any]:
    body = """<p>SHANGHAI, Oct 14 (Newswire) - Chinese universities and state research institutes published at least
a dozen tenders this year seeking to rent computing power built on Nvidia's H200 chips, a review of public
procurement notices shows.</p>
<p>One notice, issued by a provincial research institute, set a budget of 4.5 million yuan for 100,000 GPU-hours
of H200 capacity. The winning bidder was a small Shenzhen trading firm.</p>
<p>Nvidia did not respond to a request for comment. (Reporting by staff; Editing by desk)</p>"""
    page = plain("Global Wire", "Chinese institutes seek Nvidia H200 computing power for rent, tenders show",
                 "October 14, 2025 9:12 AM UTC", body).replace('lang="zh-CN"', 'lang="en"')
    write_html("h5-108.html", page)
    return other("h5-108.html", "2025-10-14", "English wire story about H200 rental tenders", "en")


def n09() -> dict[str, Any]:
    lines = [
        "证券代码：300877　证券简称：岳算科技　公告编号：2024-081",
        "湖南岳算科技股份有限公司",
        "关于签订算力服务合同的公告",
        "本公司及董事会全体成员保证信息披露的内容真实、准确、完整。",
        "一、合同概况",
        "公司于2024年10月28日与长沙星河智能科技有限公司签订《算力服务合同》，公司向客户提供基于NVIDIA H100 GPU",
        "的智能算力服务，服务期限36个月，合同总金额为人民币19,800.00万元（含税）。",
        "二、对公司的影响",
        "本合同的履行预计将对公司未来三个会计年度的营业收入产生积极影响。",
        "特此公告。",
        "湖南岳算科技股份有限公司董事会",
        "2024年10月30日",
    ]
    write_pdf("h5-109.pdf", lines)
    return other("h5-109.pdf", "2024-10-30", "listed company as the provider of H100 computing (seller side)")


def n10() -> dict[str, Any]:
    body = """<p>【现货】NVIDIA H100 80GB SXM5 八卡服务器，原装正品，支持验机。</p>
<p>另有A800、H800整机及H20模组，量大从优，可签合同开发票，支持分期及算力租赁。</p>
<p>联系方式：微信 gpu-xxxx　电话：138xxxx0000</p>
<p>参考价格：电询</p>"""
    write_html("h5-110.html", plain("算力优选", "H100八卡服务器现货供应 欢迎询价", "商家：深圳某科技　所在地：广东深圳",
                                    body))
    return other("h5-110.html", None, "seller advert for H100/A800/H800 servers")


def n11() -> dict[str, Any]:
    body = """<div class="price">¥ 89,999.00</div>
<p>商品名称：NVIDIA A100 80GB PCIe 显卡 Tensor Core GPU 计算卡</p>
<p>品牌：NVIDIA　型号：A100 80G　包装：盒装</p>
<p><button>加入购物车</button> <button>立即购买</button></p>
<div class="reviews"><p>评价（12）：2024-03-02 买家***1：发货快，已上机测试。</p></div>"""
    write_html("h5-111.html", plain("某购商城", "NVIDIA A100 80GB PCIe 计算卡【行情 报价 价格 评测】", "店铺：GPU专营店",
                                    body))
    return other("h5-111.html", None, "e-shop listing; the review date is not a publication date")


def n12() -> dict[str, Any]:
    body = """<p>职位：GPU集群运维工程师（15-25K·13薪）</p>
<p>工作地点：杭州　经验：3-5年　学历：本科</p>
<p>岗位职责：负责公司H800/A100 GPU集群的日常运维、故障排查和性能调优；参与新采购服务器的验收上线。</p>
<p>任职要求：熟悉NVIDIA驱动、CUDA、NCCL，有InfiniBand网络经验者优先。</p>
<p>发布于 2025-02-18</p>"""
    write_html("h5-112.html", plain("智聘网", "GPU集群运维工程师-杭州某智算科技有限公司", "发布时间：2025-02-18", body))
    return other("h5-112.html", "2025-02-18", "job post naming H800/A100")


def n13() -> dict[str, Any]:
    body = """<div class="post"><p class="author">楼主：采购小白　发表于 2024-11-21 10:03</p>
<p>各位前辈好，我们学院想买2台H800服务器做大模型，预算大概300万，能不能走单一来源？供应商说可以代理进口，有没有风险？</p></div>
<div class="post"><p class="author">2楼：老王　发表于 2024-11-21 11:40</p><p>单一来源要论证，而且这类卡有出口管制，建议咨询学校采购办。</p></div>"""
    write_html("h5-113.html", plain("政府采购交流论坛", "求助：学院想采购H800服务器，能走单一来源吗？",
                                    "版块：采购实务　回复：1　查看：356", body))
    return other("h5-113.html", "2024-11-21", "forum thread asking about buying H800 servers; no notice")


def n14() -> dict[str, Any]:
    items = [("2025-06-12", "某大学H100 GPU服务器采购项目招标公告", "预算：580万"),
             ("2025-06-11", "某研究院A800加速卡采购中标公告", "中标：236万"),
             ("2025-06-10", "算力租赁服务（H200）竞争性磋商公告", "预算：450万"),
             ("2025-06-09", "智算中心建设项目（H20）采购意向", "预算：1200万")]
    lis = "".join(f"<li><span>{d}</span><a href='/d/{i}'>{t}</a><em>{a}</em></li>" for i, (d, t, a) in enumerate(items))
    body = f"<p>搜索“GPU服务器”共找到 1,286 条结果</p><ul class='result'>{lis}</ul><div class='pager'>1 2 3 … 65 下一页</div>"
    write_html("h5-114.html", aggregator("标讯通", "GPU服务器 招标信息搜索结果", "", [("关键词：", "GPU服务器")], body, []))
    return other("h5-114.html", None, "aggregator search-result list page with budgets and model names")


def n15() -> dict[str, Any]:
    text = """投资者关系互动平台　问答记录

问：请问公司今年是否采购了英伟达H20芯片？数量有多少？
答：尊敬的投资者您好，公司算力业务所需设备均按照相关法律法规依规采购，具体情况请以公司定期报告披露为准。感谢您的关注！
回复时间：2025-03-06 16:42

证券代码：002939　证券简称：某某数据
"""
    write_txt("h5-115.txt", text)
    return other("h5-115.txt", "2025-03-06", "investor Q&A record; the company does not disclose a purchase")


def n16() -> dict[str, Any]:
    body = """<p>一、项目名称：政务大模型算力云服务采购</p>
<p>二、预算金额：300万元</p>
<p>三、采购需求：租用国内云服务商（如天翼云、移动云）提供的昇腾910B算力，服务期一年；数据不得出境，
不得使用AWS、Microsoft Azure、Google Cloud等境外云服务。</p>
<p>四、采购人：陇东市数据局</p>
<p>五、发布日期：2025-09-02</p>"""
    write_html("h5-116.html", ccgp("陇东市数据局政务大模型算力云服务采购公开招标公告", "2025年09月02日 09:00",
                                   "甘肃省政府采购网", body))
    return label("h5-116.html", False, [], ["Ascend 910B"], [], "陇东市数据局", [], 3000000.0, "2025-09-02", "tender",
                 "domestic cloud with Ascend; foreign clouds only in an exclusion clause")


ALL = [n01, n02, n03, n04, n05, n06, n07, n08, n09, n10, n11, n12, n13, n14, n15, n16]
