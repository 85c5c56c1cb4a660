"""Negatives of the fourth held-out corpus: pages that use a notice's words without a purchase by their
publisher (news, wire stories, features, comparison tables, shops, rental adverts, seller announcements, job
posts, analyst notes, investor Q&A), and two notices that buy nothing controlled. Everything is fictional."""

from __future__ import annotations

from typing import Any

from _gen_common import html_table, write_html, write_pdf, write_txt
from _gen_pos import label
from _shells import aggregator, campus_page, company_ir, english_gov, news, shop, trad_page


def other(file: str, date: str | None, note: str, lang: str = "zh-Hans") -> dict[str, Any]:
    """Label of a document that is not a buyer's notice or disclosure."""
    return label(file, False, [], [], [], None, [], None, date, "other", note, lang=lang)


def n01() -> dict[str, Any]:
    paras = [
        "本报讯（记者 章雨桐）记者从省政府采购网获悉，岷江大学日前发布“智能计算中心一期设备采购”中标结果公告，"
        "成都锦岷科技有限公司以3,985万元中标，将为该校提供搭载英伟达H100芯片的GPU服务器12台。",
        "公告显示，该项目预算金额为4,000万元，最高限价3,990万元，共有5家供应商参与投标。据了解，这是今年以来西南地区"
        "高校单笔金额最大的算力设备采购。",
        "业内人士表示，H100自2022年起被列入美国出口管制范围，其来源和交付情况值得关注。对此，岷江大学相关负责人回应称，"
        "学校严格按照政府采购程序开展采购。",
        "（编辑：罗晓）",
    ]
    page = news("川渝财经网", "岷江大学近4000万元采购H100服务器 成都一科技公司中标",
                "2024-04-23 08:15　来源：川渝财经报　作者：章雨桐", paras,
                ["英伟达H20对华供应再生变数", "多地智算中心加速建设"])
    write_html("h4-021.html", page)
    return other("h4-021.html", "2024-04-23", "news report of a university's H100 award: 本报讯（记者）, 公告显示, "
                 "budget, cap and winner quoted; the publisher buys nothing")


def n02() -> dict[str, Any]:
    paras = [
        "一份近期公开的招标文件显示，华北某地级市的“城市大脑算力中心”项目计划采购配备H800 GPU的服务器40台，"
        "项目预算约1.2亿元。",
        "据知情人士透露，该项目的中标方是一家注册资本仅100万元、成立不足一年的小型贸易公司。多位分析人士指出，"
        "这类由空壳公司中标、再从海外渠道调货的模式，近两年在多个省份的招投标中反复出现。",
        "“招标文件里写的是‘H800或同等性能’，但实际交付的是什么，外界很难核实。”一位不愿具名的渠道商说。",
        "本文作者为本站特约撰稿人，文章仅代表作者观点。",
    ]
    page = news("深蓝科技观察", "空壳公司中标亿元算力大单：H800服务器从何而来？",
                "深蓝科技观察 特约撰稿 林岑 ｜ 2024年9月3日", paras, ["一文读懂美国AI芯片出口管制", "算力租赁价格战"])
    write_html("h4-022.html", page)
    return other("h4-022.html", "2024-09-03", "investigative feature: reported purchase of H800 servers by an unnamed "
                 "city, budget and winner described; 据知情人士透露")


def n03() -> dict[str, Any]:
    body = """<p>（中央社記者江彥廷台北2024年5月14日電）據媒體報導，中國大陸多所大學及研究機構近月透過公開招標，
採購搭載輝達（NVIDIA）H100、A100晶片的伺服器，部分標案的得標廠商為成立不久的小型貿易公司。</p>
<p>報導指出，其中一所大學的標案預算達人民幣3,200萬元，得標金額為人民幣3,150萬元。美國商務部自2022年10月起
限制相關晶片輸往中國，業界人士認為，這些晶片可能經由第三地轉運。</p>
<p>輝達發言人表示，公司遵守所有適用的出口管制法規。（編輯：許凱文）1130514</p>"""
    page = trad_page("中央通訊社轉載", "陸高校透過標案採購輝達晶片伺服器 得標商多為小型貿易公司",
                     "2024/05/14 16:02（5/14 16:40 更新）", body)
    write_html("h4-023.html", page, encoding="big5")
    return other("h4-023.html", "2024-05-14", "traditional-Chinese wire story (Big5): 中央社記者…電, 據媒體報導; tender "
                 "budgets and award amounts retold", lang="zh-Hant")


def n04() -> dict[str, Any]:
    body = """<p>SINGAPORE, Aug 19 (Reuters) - Chinese research institutes have continued to buy servers built on
Nvidia's H100 and H800 chips through public tenders, according to a review of procurement documents, despite
U.S. export restrictions.</p>
<p>One tender published in June by a provincial computing centre sought 24 servers with H800 chips, with a
budget of 96 million yuan ($13.4 million), the documents show. The contract was awarded to a trading firm
registered in Shenzhen, which did not respond to requests for comment.</p>
<p>Nvidia said it complies with all applicable export control laws and requires its customers to do the same.</p>
<p>Reporting by Ann Lee; Editing by Mark Dunn</p>
<p>Our Standards: The Thomson Reuters Trust Principles.</p>"""
    page = english_gov("World Business Wire", "Chinese institutes still buying Nvidia H100 servers via tenders",
                       "<p class='byline'>By Ann Lee</p><p class='date'>August 19, 2024 6:12 AM GMT+8</p>" + body,
                       menu=("World", "Business", "Markets", "Technology"))
    write_html("h4-024.html", page)
    return other("h4-024.html", "2024-08-19", "English wire story: '(Reuters) -', 'according to', 'the documents "
                 "show'; budget and award retold", lang="en")


def n05() -> dict[str, Any]:
    text = """走访华强北：一台H100服务器报价260万，现货要等三周

发布时间：2024-03-18 10:42　　来源：硬件前沿　　作者：曹一帆

上周，记者以采购方身份走访了深圳华强北多家服务器渠道商。一家门店的销售人员报价称，8卡H100 SXM服务器整机
现货价格为260万元一台，“量大可以谈，最低能到245万”。另一家则表示，H800八卡机报价约210万元，需付全款、三周交货。

“现在主要客户是高校和互联网公司，也有地方的智算中心来问。”这位销售人员说。记者注意到，多家商户的招牌上
写着“GPU服务器 现货 含税开票”。

业内人士分析，受出口管制影响，此类整机多为拆散后转运再组装，售后和质保难以保证。

（本文由硬件前沿原创，转载请注明出处）
"""
    write_txt("h4-025.txt", text)
    return other("h4-025.txt", "2024-03-18", "grey-market feature: a reporter quotes server prices from shops "
                 "(报价, 现货); buyers only described")


def n06() -> dict[str, Any]:
    rows = [["型号", "FP16 Tensor（稠密，TFLOPS）", "显存", "互联带宽", "TPP（估算）", "参考价格（万元）"],
            ["H100 SXM", "989", "80GB HBM3", "900GB/s", "15,832", "约24"],
            ["H800 SXM", "989", "80GB HBM3", "400GB/s", "15,832", "约21"],
            ["H20", "148", "96GB HBM3", "900GB/s", "2,368", "约10"],
            ["A800 SXM", "312", "80GB HBM2e", "400GB/s", "4,992", "约9"],
            ["昇腾910B", "320", "64GB HBM2e", "392GB/s", "约5,120", "—"]]
    body = ("<p>大模型训练到底该选哪块卡？本文整理了主流训练卡的关键参数，供采购选型参考。</p>"
            + html_table(rows)
            + "<p>注：TPP为按公开参数估算的总处理性能，仅供比较；价格为2024年二季度市场参考价，不构成报价。"
              "如需批量采购请咨询正规渠道。</p>")
    page = news("算力百科", "2024年训练卡选型对比：H100、H800、H20、A800与昇腾910B参数一览",
                "2024-06-30　算力百科编辑部", [body], ["GPU服务器整机采购避坑指南"])
    write_html("h4-026.html", page)
    return other("h4-026.html", "2024-06-30", "comparison table with TPP figures and reference prices; '采购选型' "
                 "advice, no purchase")


def n07() -> dict[str, Any]:
    body = """<div class="price">￥<b>39.90</b> 起　<s>￥99.00</s>　月销 3,206</div>
<ul class="sku"><li>GPT-4o API Key（额度$20）￥39.90</li><li>GPT-4o API Key（额度$100）￥169.00</li>
<li>Claude 3.5 Sonnet 独享Key ￥199.00</li><li>OpenAI Plus 成品号（月卡）￥129.00</li></ul>
<div class="desc"><p>官方直连，不限IP，支持国内直接调用；下单后自动发货，24小时内无法使用包退。</p>
<p>企业采购可开发票，支持对公转账，批量采购请联系客服。</p></div>"""
    page = shop("智联数字小铺", "GPT-4o API Key 官方正版 额度可选 秒发货", body)
    write_html("h4-027.html", page)
    return other("h4-027.html", None, "shop selling GPT-4o / Claude keys and ChatGPT accounts; no publication date")


def n08() -> dict[str, Any]:
    body = """<div class="price">企业版 ￥<b>2,800</b>/月起</div>
<div class="desc"><p>Azure OpenAI 企业账号代开通服务：提供GPT-4 Turbo、GPT-4o部署额度，海外主体开户，7天内开通。</p>
<p>适用对象：高校、科研院所、企业研发团队。可签订正规服务合同，开具6%增值税专用发票。</p>
<p>促销活动：2024年11月1日至11月30日新客首月8折。</p></div>"""
    page = shop("云桥企业服务", "Azure OpenAI 企业账号代开通｜GPT-4 部署额度", body)
    write_html("h4-028.html", page)
    return other("h4-028.html", None, "seller page for Azure OpenAI account opening; the promotion period is not a "
                 "publication date")


def n09() -> dict[str, Any]:
    text = """【星河算力】GPU云主机限时特惠

RTX 4090 24G 单卡：1.68元/卡时（包月 899元/卡）
RTX 4090 八卡整机：12.80元/小时
A800 80G 八卡裸金属：按需 45元/小时，包年享6折
H800 80G 八卡集群：请联系商务获取报价

✔ 开机即用，预装PyTorch、CUDA 12.1
✔ 支持按量计费、包日、包月
✔ 新用户注册即送10元代金券

活动时间：2024年7月1日—2024年7月31日
立即租用 → 控制台 → 选择实例规格
客服微信：xinghe-gpu　售前电话：400-886-7713
"""
    write_txt("h4-029.txt", text)
    return other("h4-029.txt", None, "GPU rental advert with per-hour (卡时) prices; promotion window is not a "
                 "publication date")


def n10() -> dict[str, Any]:
    body = """<p><b>On-demand NVIDIA H100 and A100 instances, billed by the second.</b></p>
<ul><li>1x H100 80GB SXM — $2.29/hr</li><li>8x H100 80GB SXM cluster — $17.99/hr</li>
<li>1x A100 80GB PCIe — $1.19/hr</li><li>RTX 4090 24GB — $0.39/hr</li></ul>
<p>No contracts. No waitlists. Spin up a GPU in under 60 seconds.</p>
<p><a href="/signup">Sign up</a> and get $10 in free credits. Enterprise customers: contact sales for reserved
pricing.</p>"""
    page = english_gov("NimbusGPU", "Rent cloud GPUs from $0.39/hr", body, menu=("Pricing", "Products", "Docs", "Log in"))
    write_html("h4-030.html", page)
    return other("h4-030.html", None, "English GPU rental landing page with hourly prices; no date", lang="en")


def n11() -> dict[str, Any]:
    body = """<p>近日，我司在“鹭江大学高性能计算平台（三期）GPU服务器采购项目”中成功中标，中标金额1,276万元。</p>
<p>本项目将为鹭江大学提供搭载NVIDIA A800 80GB的八卡GPU服务器6台及配套InfiniBand网络。这是继去年中标该校
二期项目后，我司再次获得用户的信任。</p>
<p>未来，我司将继续深耕高校科研计算市场，为用户提供优质的产品和服务。</p>
<p>厦门鹭芯智能科技有限公司　2024年10月25日</p>"""
    page = campus_page("厦门鹭芯智能科技有限公司", "喜报｜我司成功中标鹭江大学GPU服务器采购项目", "2024-10-25", body)
    write_html("h4-031.html", page)
    return other("h4-031.html", "2024-10-25", "supplier's 中标喜报 about its own A800 award (the publisher sells)")


def n12() -> dict[str, Any]:
    lines = [
        "证券代码：300917　　证券简称：衡钧数据　　公告编号：2024-088",
        "北京衡钧数据科技股份有限公司",
        "关于签订算力服务合同的公告",
        "本公司及董事会全体成员保证信息披露的内容真实、准确、完整。",
        "一、合同签署情况",
        "北京衡钧数据科技股份有限公司（以下简称“公司”）全资子公司衡钧智算（宁夏）有限公司（以下简称“衡钧智算”）"
        "于2024年11月18日与浙江某互联网科技有限公司（以下简称“客户”）签署《算力服务协议》，由衡钧智算作为服务提供方，"
        "向客户提供基于H800 GPU服务器集群的算力租赁服务，服务期限三年，合同总金额为人民币4.32亿元（含税）。",
        "二、对公司的影响",
        "本合同的履行预计将对公司未来三个会计年度的营业收入和净利润产生积极影响。",
        "三、风险提示",
        "客户的付款能力及合同履行存在不确定性，敬请投资者注意投资风险。",
        "特此公告。",
        "北京衡钧数据科技股份有限公司董事会",
        "2024年11月20日",
    ]
    write_pdf("h4-032.pdf", lines)
    return other("h4-032.pdf", "2024-11-20", "listed company's disclosure as the SELLER: its subsidiary provides H800 "
                 "compute rental to a customer (服务提供方); not a purchase by the publisher's side")


def n13() -> dict[str, Any]:
    body = """<p><b>HONG KONG, January 8, 2025</b> — Harbourline Cloud today announced the general availability of
instances powered by NVIDIA H200 Tensor Core GPUs in its Hong Kong and Singapore regions.</p>
<p>"Customers across Asia have asked for more capacity for training large language models," said Clara Wong,
Chief Executive Officer of Harbourline Cloud. The new instances offer eight H200 GPUs per node.</p>
<p>Harbourline Cloud was selected last year by several universities in the region following public tenders.</p>
<p><b>About Harbourline Cloud</b><br>Harbourline Cloud is a regional provider of GPU cloud services.</p>
<p>Media contact: press@harbourline.example</p>"""
    page = english_gov("Harbourline Cloud Newsroom", "Harbourline Cloud launches NVIDIA H200 instances in Asia", body,
                       menu=("Products", "Newsroom", "Investors", "Careers"))
    write_html("h4-033.html", page)
    return other("h4-033.html", "2025-01-08", "English press release of a cloud provider launching H200 instances; "
                 "'selected … following public tenders'", lang="en")


def n14() -> dict[str, Any]:
    body = """<p><b>职位名称：</b>智算平台运维工程师（GPU集群方向）</p>
<p><b>工作地点：</b>上海市浦东新区　<b>薪资：</b>25-40K·14薪　<b>发布日期：</b>2024-12-09</p>
<p><b>岗位职责：</b></p>
<p>1. 负责公司千卡级H800/A800 GPU集群的部署、监控与故障处理；</p>
<p>2. 参与新一期算力设备的招标技术参数编制与到货验收；</p>
<p>3. 对接云厂商（AWS、Azure）海外训练资源的调度与成本管理。</p>
<p><b>任职要求：</b>本科及以上学历，3年以上GPU服务器运维经验，熟悉InfiniBand、Slurm、Kubernetes。</p>
<p>有意者请将简历投递至 hr@example.cn，邮件标题注明“应聘+姓名”。</p>"""
    page = campus_page("上海澜序智能科技有限公司招聘", "智算平台运维工程师（GPU集群方向）", "2024-12-09", body)
    write_html("h4-034.html", page)
    return other("h4-034.html", "2024-12-09", "job post naming H800/A800 clusters, tender parameters, AWS/Azure")


def n15() -> dict[str, Any]:
    text = """【行业点评】算力租赁：大单频出，关注H800集群交付节奏

分析师：蒋一鸣（执业证书编号：S0570523080002）
日期：2024年8月12日

事件：近期多家上市公司公告签订算力租赁合同。其中，A公司公告其子公司与客户签订H800算力服务合同，合同金额
4.3亿元；B公司披露拟以自有资金采购H20服务器，采购金额约2.8亿元。

点评：我们认为，国产大模型训练需求持续旺盛，具备高端GPU存量的算力租赁企业议价能力较强。按8卡H800服务器
年租金约60万元测算，千卡集群年收入约7,500万元。

投资建议：维持行业“推荐”评级。

风险提示：出口管制政策收紧；下游需求不及预期。
"""
    write_txt("h4-035.txt", text)
    return other("h4-035.txt", "2024-08-12", "analyst note retelling listed companies' contracts with amounts")


def n16() -> dict[str, Any]:
    body = """<p>投资者关系活动类别：特定对象调研</p>
<p>时间：2025年4月17日　地点：公司会议室　上市公司接待人员：董事会秘书 周伟澜</p>
<p><b>问：</b>公司目前的算力储备情况如何？</p>
<p><b>答：</b>公司目前自有及租赁的算力规模约3,200P，其中H800、A800等训练卡约1,800张。今年计划通过公开招标采购
一批推理服务器，预算约1.5亿元，具体以公司公告为准。</p>
<p><b>问：</b>出口管制对公司有何影响？</p>
<p><b>答：</b>公司已提前做了储备，同时在积极适配国产算力。</p>"""
    page = company_ir("浙江禾曜网络科技股份有限公司", "投资者关系活动记录表（编号：2025-006）", "2025-04-18", body)
    write_html("h4-036.html", page)
    return other("h4-036.html", "2025-04-18", "investor Q&A record: holdings of H800/A800 and a planned tender "
                 "mentioned; not a notice or a contract disclosure. Doubt: the page date (04-18) is used, not the "
                 "meeting date (04-17)")


def n17() -> dict[str, Any]:
    body = """<p>一、项目编号：GXZC-2024-0731</p>
<p>二、项目名称：数字政府算力平台扩容采购</p>
<p>三、采购人：桂川市大数据发展局</p>
<p>四、预算金额：人民币2,380万元</p>
<p>五、采购内容：国产AI训练服务器8台，每台配置昇腾910B NPU×8，须适配国产操作系统，不接受英伟达等进口GPU。</p>
<p>六、投标截止时间：2024年8月22日9:30</p>"""
    summary = [("采购单位", "桂川市大数据发展局"), ("预算金额", "****万元"), ("联系人", "开通会员查看")]
    recs = ["某智算中心H100服务器采购项目中标公告", "A800八卡服务器采购项目", "H20推理服务器成交结果"]
    page = aggregator("标事通", "【招标公告】数字政府算力平台扩容采购招标公告", "2024-07-31", summary, body, recs)
    write_html("h4-037.html", page)
    return label("h4-037.html", False, [], ["Ascend 910B"], [], "桂川市大数据发展局", [], 23800000.0, "2024-07-31",
                 "tender", "aggregator repost of a domestic-chip tender (negative, labelled with the notice's fields); "
                 "the recommendation list names H100/A800/H20 notices")


def n18() -> dict[str, Any]:
    body = """<p>项目名称：建筑设计所图形工作站显卡升级</p>
<p>采购人：临川市建筑设计研究院</p>
<p>采购内容：NVIDIA Quadro RTX 6000 24GB 专业显卡 6块（用于BIM建模及渲染）</p>
<p>预算金额：9.00万元</p>
<p>报价截止：2024年5月20日</p>
<p>发布日期：2024年5月13日</p>"""
    page = campus_page("临川市建筑设计研究院", "建筑设计所图形工作站显卡升级询价公告", "2024-05-13", body)
    write_html("h4-038.html", page)
    return label("h4-038.html", False, [], ["Quadro"], [], "临川市建筑设计研究院", [], 90000.0, "2024-05-13", "tender",
                 "hard negative: the Turing-generation Quadro RTX 6000 24GB (not the 48GB Ada card). Doubt: item name "
                 "'Quadro' is our guess of the canonical form")


def n19() -> dict[str, Any]:
    paras = [
        "【新闻】市政府采购中心：2024年一季度采购规模同比增长12%",
        "据市政府采购中心消息，2024年一季度全市政府采购规模达18.6亿元。其中，市人工智能计算中心采购GPU服务器项目"
        "（预算3,600万元）已完成招标，中标供应商为本市一家系统集成企业。",
        "采购中心表示，将继续推进电子化采购，提高采购透明度。",
    ]
    text = "\n\n".join(paras) + "\n\n来源：市政府采购中心　发布时间：2024-04-09\n"
    write_txt("h4-039.txt", text)
    return other("h4-039.txt", "2024-04-09", "procurement centre news item summarising a quarter; mentions a finished "
                 "GPU server tender with budget; not a notice (no item model named)")


def n20() -> dict[str, Any]:
    body = """<p>有網友在論壇詢問：「RTX 4090與4090D到底差在哪？買來跑AI訓練值不值得？」</p>
<p>版主回覆：4090D的CUDA核心數較少（14,592對16,384），是為符合出口管制而推出的中國特供版。若要跑大模型，
建議租用雲端A100或H100，按小時計費比較划算。</p>
<p>發文時間：2024-02-26 21:14</p>"""
    page = trad_page("顯卡討論區", "RTX 4090與4090D差在哪？", "樓主：阿凱　回覆：37", body, charset="utf-8")
    write_html("h4-040.html", page, encoding="utf-8")
    return other("h4-040.html", "2024-02-26", "traditional-Chinese forum thread comparing 4090 and 4090D, advice to "
                 "rent A100/H100 by the hour", lang="zh-Hant")


ALL = [n01, n02, n03, n04, n05, n06, n07, n08, n09, n10, n11, n12, n13, n14, n15, n16, n17, n18, n19, n20]
