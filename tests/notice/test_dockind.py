"""What a document is: a buyer's notice or disclosure gives leads; news, seller pages and job posts don't.

Texts are written here in our own words (no corpus file is copied); each runs the whole pipeline.
"""

from __future__ import annotations

from tenderwatch.model import DocResult
from tenderwatch.pipeline import process_bytes


def _one(text: str, name: str = "doc.txt") -> DocResult:
    (result,) = process_bytes(text.encode("utf-8"), name)
    assert result.failure is None
    return result


NEWS = """星桥日报讯（记者 韦明远）据了解，某市数据局近日发布招标公告，拟采购搭载H100芯片的GPU服务器
16台，预算金额3200万元，最高限价3150万元。业内人士告诉记者，此类采购在今年明显增多。
公告显示，中标供应商须在60日内交付。
责任编辑：林可
"""

WIRE = """台北，3月4日（中央社）據報導，一家雲端業者近日以招標方式採購H800伺服器，預算約新台幣5億元。
報導指出，得標廠商尚未公布。
"""

RENTAL_AD = """算力云 · GPU租赁
RTX 4090 24G 整卡租用 1.98元/小时 立即租用
A100 80G 8.5元/小时 按量计费，新用户注册即送代金券
在线客服 7x24 小时
"""

JOB = """招聘：GPU集群运维工程师
岗位职责：负责H100/A800集群的部署与维护，参与编写招标技术参数。
任职要求：三年以上经验，熟悉AWS、Azure。
工作地点：上海  薪资：面议  投递简历：hr@example.com
"""

NOTICE = """示范学院高性能计算服务器采购项目竞争性磋商公告
一、项目基本情况
项目编号：SFXY-2024-017
采购人：示范学院
预算金额：1,650,000.00元
采购需求：GPU服务器2台，每台配置8块NVIDIA H800 80GB
二、申请人的资格要求：详见磋商文件
发布日期：2024年6月3日
"""

PURCHASE_DISCLOSURE = """证券代码：600999 证券简称：澄江科技 公告编号：2024-051
澄江科技股份有限公司关于全资子公司签订算力设备采购合同的公告
本公司董事会及全体董事保证本公告内容不存在任何虚假记载。
一、合同概况
公司全资子公司澄江智算有限公司（以下简称“澄江智算”）于2024年9月2日与北辰服务器有限公司
（以下简称“北辰”）签订《GPU服务器采购合同》，澄江智算向北辰采购搭载H100 GPU的服务器64台，
合同金额为人民币2.4亿元（含税）。
二、交易对方情况
公司名称：北辰服务器有限公司
三、其他
公司此前与另一供应商签订的采购合同已终止，该合同总金额为人民币3亿元。
特此公告。
澄江科技股份有限公司董事会
2024年9月4日
"""

SALE_DISCLOSURE = """证券代码：300888 证券简称：云岭算力 公告编号：2024-033
云岭算力股份有限公司关于签订日常经营重大合同的公告
本公司董事会及全体董事保证本公告内容真实、准确、完整。
公司作为服务提供方，向客户提供基于H100 GPU的算力租赁服务，合同金额为人民币1.2亿元。
特此公告。
云岭算力股份有限公司董事会
2024年7月8日
"""

PROJECT_FILING = """证券代码：601234 证券简称：远山能源 公告编号：2024-120
远山能源股份有限公司关于投资建设智算中心项目的公告
本公司董事会及全体董事保证本公告内容不存在任何虚假记载。
项目建设内容：规划部署H800 GPU服务器300台及配套机房。
资金来源：公司自有资金。
特此公告。
远山能源股份有限公司董事会
2024年5月6日
"""


def test_news_report_of_a_purchase_is_not_a_lead_but_keeps_its_findings() -> None:
    result = _one(NEWS)
    assert result.doc_kind == "news"
    assert any("byline" in r for r in result.doc_kind_reasons)
    assert not result.relevant
    assert result.findings and all(f.negated for f in result.findings)
    assert result.notice is not None and result.notice.buyer is None and not result.notice.amounts


def test_traditional_chinese_wire_story_is_news() -> None:
    result = _one(WIRE)
    assert result.doc_kind == "news" and not result.relevant


def test_rental_advert_with_hourly_prices_is_a_seller_page() -> None:
    result = _one(RENTAL_AD)
    assert result.doc_kind == "seller" and not result.relevant


def test_job_post_is_not_a_lead() -> None:
    result = _one(JOB)
    assert result.doc_kind == "job" and not result.relevant


def test_buyers_own_notice_stays_a_lead() -> None:
    result = _one(NOTICE)
    assert result.doc_kind == "notice" and result.relevant
    assert result.doc_kind_reasons


def test_purchase_disclosure_takes_the_contract_fields_not_the_terminated_total() -> None:
    result = _one(PURCHASE_DISCLOSURE)
    assert result.doc_kind == "disclosure" and result.relevant
    notice = result.notice
    assert notice is not None
    assert notice.notice_type == "contract"
    assert notice.buyer is not None and notice.buyer.value == "澄江智算有限公司"
    assert [s.value for s in notice.suppliers] == ["北辰服务器有限公司"]
    assert [a.value_cny for a in notice.amounts] == [240_000_000.0]
    assert notice.notice_date is not None and notice.notice_date.value == "2024-09-04"
    for fact in (notice.buyer, *notice.suppliers, notice.notice_date):
        assert result.text[fact.start:fact.end] == fact.raw


def test_disclosure_where_the_company_provides_computing_is_a_seller() -> None:
    result = _one(SALE_DISCLOSURE)
    assert result.doc_kind == "seller" and not result.relevant


def test_disclosure_of_an_own_computing_project_is_a_lead() -> None:
    result = _one(PROJECT_FILING)
    assert result.doc_kind == "disclosure" and result.relevant


SUBSIDIARY_AFTER_PARENT = """证券代码：002777 证券简称：汀州数科 公告编号：2025-012
汀州数字科技股份有限公司关于全资子公司购买算力服务器的公告
本公司董事会及全体董事保证本公告内容不存在任何虚假记载。
一、交易概况
汀州数字科技股份有限公司（以下简称“公司”）全资子公司龙岩汀算科技有限公司（以下简称“汀算”）拟向
厦门鹭岛服务器有限公司（以下简称“鹭岛”）购买搭载H800 GPU的服务器20台，合同金额为人民币5,100.00万元。
二、合同主要内容
甲方（买方）：龙岩汀算科技有限公司；乙方（卖方）：厦门鹭岛服务器有限公司。
特此公告。
汀州数字科技股份有限公司董事会
2025年2月20日
"""


def test_disclosure_buyer_is_the_subsidiary_that_acts_not_its_parent() -> None:
    result = _one(SUBSIDIARY_AFTER_PARENT)
    assert result.doc_kind == "disclosure" and result.notice is not None
    assert result.notice.buyer is not None and result.notice.buyer.value == "龙岩汀算科技有限公司"
    assert [s.value for s in result.notice.suppliers] == ["厦门鹭岛服务器有限公司"]


def test_a_sellers_promotion_period_is_not_its_date_but_a_dateline_is() -> None:
    promo = """云杉算力 · 年终特惠
活动时间：2024年12月1日—12月31日
H100 80G 整机租用 9.9元/卡时 立即租用 新用户注册即送代金券
"""
    result = _one(promo)
    assert result.doc_kind == "seller" and result.notice is not None and result.notice.notice_date is None
    release = """Skip to content
SHANGHAI, March 3, 2025 — Cedarline Compute today announced general availability of H200 capacity.
Sign up for free credits; reserved pricing from $2.10 per GPU-hour.
"""
    result = _one(release)
    assert result.doc_kind == "seller" and result.notice is not None
    assert result.notice.notice_date is not None and result.notice.notice_date.value == "2025-03-03"


TERMINATED_AND_NEW = """证券代码：300555 证券简称：岭南智云 公告编号：2025-040
岭南智云科技股份有限公司关于全资子公司终止原合同并签订新采购合同的公告
本公司董事会及全体董事保证本公告内容真实、准确、完整。
一、原采购合同终止情况
公司全资子公司韶关智云算力有限公司（以下简称“韶关智云”）此前向清远恒泰电子有限公司采购搭载A800 GPU的服务器10台，
合同总金额为人民币2,600万元，现双方协商一致，原合同终止。
二、新采购合同签订情况
韶关智云于2025年5月6日与佛山启明系统有限公司（以下简称“启明”）签订《服务器采购合同》，韶关智云向启明采购搭载H20 GPU的服务器16台，
合同金额为人民币3,300.00万元（含税）。
特此公告。
岭南智云科技股份有限公司董事会
2025年5月8日
"""


def test_a_terminated_contracts_section_gives_no_live_finding_and_not_its_amount() -> None:
    result = _one(TERMINATED_AND_NEW)
    assert result.doc_kind == "disclosure" and result.relevant
    assert sorted({f.item for f in result.findings if not f.negated}) == ["H20"]
    assert any(f.item == "A800" and f.negated for f in result.findings)
    assert result.amount_cny == 33_000_000.0


def test_one_seller_word_in_a_buyers_notice_does_not_make_it_a_seller_page() -> None:
    notice = """某某学院云服务器租用项目询价公告
采购人：某某学院
采购需求：租用云主机（配置NVIDIA A100 40GB GPU）2台，包年服务。
"""
    result = _one(notice)
    assert result.doc_kind == "notice" and result.relevant


def test_a_companys_own_tender_in_its_own_voice_is_a_notice() -> None:
    soe = """关于AI算力服务器采购的招标公告
我公司现对AI算力服务器采购项目进行公开招标，欢迎符合条件的供应商参加。
我公司拟采购搭载H100 GPU的服务器4台，预算金额1,800万元。
"""
    result = _one(soe)
    assert result.doc_kind == "notice" and result.relevant


def test_words_tenders_share_with_job_posts_and_reviews_keep_a_notice() -> None:
    english = """Invitation to Tender
Tender Ref: HKCI/T/2025/03
The Institute invites tenders for two GPU servers, each with eight NVIDIA H100 80GB GPUs.
Qualifications: tenderers shall have supplied similar systems. Responsibilities of the contractor: delivery and installation.
Closing Date: 20 March 2025
"""
    assert _one(english).doc_kind == "notice"
    priced = """某研究院GPU服务器采购询价公告
采购人：某研究院
采购需求：A800服务器1台，参考价格120万元，参考价以市场询价为准。
"""
    assert _one(priced).doc_kind == "notice"


def test_a_portals_source_and_author_lines_do_not_make_a_notice_news() -> None:
    portal = """某某大学GPU服务器采购项目询价公告
发布时间：2024-05-06　来源：某某大学采购网
作者：资产管理处
采购人：某某大学
采购需求：GPU服务器1台，配置8块H800 80GB
"""
    result = _one(portal)
    assert result.doc_kind == "notice" and result.relevant


def test_english_tender_wording_is_not_reported_speech() -> None:
    tender = """Tender Notice
The Academy invites tenders for the supply of one GPU server with eight NVIDIA H100 GPUs,
configured according to the technical specification. The documents may be downloaded from the website.
"""
    assert _one(tender).doc_kind == "notice"
    wire = """SINGAPORE, May 2 (Reuters) - A university bought servers with Nvidia H100 chips, according to
procurement documents seen by Reuters. The university declined to comment.
Reporting by Jane Tan; Editing by Tom Lee
"""
    result = _one(wire)
    assert result.doc_kind == "news" and not result.relevant


def test_a_cloud_tenders_billing_modes_keep_it_a_notice() -> None:
    cloud = """某某研究院云服务采购公告
采购人：某某研究院
采购需求：AWS云服务器实例（p4d.24xlarge），支持按量计费或包年包月，续费价格不高于首年。
"""
    result = _one(cloud)
    assert result.doc_kind == "notice" and result.relevant


def test_a_government_notice_with_an_announcement_number_is_not_a_disclosure() -> None:
    gov = """公告编号：ZFCG-2024-0912
某市大数据中心GPU服务器采购项目成交结果公告
成交供应商：某某信息技术有限公司
成交金额：3,600,000.00元
主要标的：GPU服务器4台，每台8块NVIDIA A800 80GB
特此公告。
某市大数据中心
2024年9月12日
"""
    result = _one(gov)
    assert result.doc_kind == "notice" and result.relevant


def test_news_keeps_the_organisations_it_names_as_mentions() -> None:
    news = """本报讯（记者 温若川）据了解，买家包括东岭大学、西川省人工智能研究院和南湖云算科技有限公司，
多家空壳公司也参与其中。业内人士告诉记者，此类采购涉及H100服务器。
责任编辑：叶青
"""
    result = _one(news)
    assert result.doc_kind == "news" and result.notice is not None
    names = [m.value for m in result.notice.mentions]
    assert names == ["东岭大学", "西川省人工智能研究院", "南湖云算科技有限公司"]
    for m in result.notice.mentions:
        assert result.text[m.start:m.end] == m.raw


LISTING = """招标信息 · 搜索
搜索“智算服务器”共找到 642 条结果
2025-03-14 城东学院A800服务器采购项目招标公告 预算：420万
2025-03-13 某中心H100加速卡采购中标公告 中标：198万
2025-03-12 数据局算力租赁服务（H20）竞争性磋商公告 预算：300万
1 2 3 … 22 下一页
"""


def test_list_of_notices_is_not_itself_a_notice() -> None:
    """A search-result or channel page lists notices that are pages of their own: no lead, no date of its
    own (the first row's date belongs to that row's notice)."""
    result = _one(LISTING)
    assert result.doc_kind == "listing" and not result.relevant
    assert result.notice is not None and result.notice.notice_date is None and not result.notice.amounts


def test_a_review_date_on_a_shop_page_is_not_its_publication_date() -> None:
    text = ("RTX 6000 Ada 48GB 专业卡 报价\n店铺：图形卡专营\n¥ 52,000.00\n"
            "评价（3）：2024-05-02 买家***7：包装完好。\n")
    result = _one(text)
    assert not result.relevant
    assert result.notice is not None and result.notice.notice_date is None


SIGNED_WITH_UNNAMED_ALIAS = """证券代码：600000　证券简称：某某数据　公告编号：2025-010
某某数据股份有限公司关于全资子公司签订重大合同的公告
本公司董事会及全体董事保证本公告内容不存在任何虚假记载。
公司全资子公司江城智算科技有限公司（以下简称“江城智算”）于2025年3月2日与岭南算力设备有限公司签订《服务器采购合同》，
江城智算向其采购NVIDIA H200 8卡服务器10台，合同总金额为人民币9,800.00万元（含税）。
二、交易对方：岭南算力设备有限公司，注册资本5,000万元。
特此公告。
某某数据股份有限公司董事会
2025年3月4日
"""


def test_disclosure_counterparty_named_in_the_signing_sentence_without_an_alias() -> None:
    """The counterparty written in full where the contract is signed ("与X有限公司签订《…采购合同》") is the
    supplier even when the announcement gives it no short name ("向其采购")."""
    result = _one(SIGNED_WITH_UNNAMED_ALIAS)
    assert result.doc_kind == "disclosure" and result.notice is not None
    assert result.notice.buyer is not None and result.notice.buyer.value == "江城智算科技有限公司"
    assert [s.value for s in result.notice.suppliers] == ["岭南算力设备有限公司"]
    fact = result.notice.suppliers[0]
    assert result.text[fact.start:fact.end] == fact.raw


def test_line_led_patterns_find_what_the_pattern_finds() -> None:
    """A ``(?m)^`` signal pattern runs as a "\\n"-led one on "\\n" + text; where a match ends with the
    "\\n" the next line's match needs, the pattern itself is run (same texts either way)."""
    import re

    from tenderwatch.notice.dockind import Signal, _distinct, _line_led

    def distinct(pattern: str, text: str) -> list[str]:
        compiled = re.compile(pattern)
        signal = Signal("s", "news", 1, 5, (compiled,), 0, (_line_led(compiled),))
        return _distinct(signal, text, {0}, "\n" + text)

    assert _line_led(re.compile("(?m)^来源")) is not None
    assert _line_led(re.compile("来源")) is None
    # plain lines: the line-led pass
    assert distinct(r"(?m)^[ \t]*(来源|编辑):(\S+)", "来源:新华社\n 编辑:王五\n正文 来源:不在行首") == ["来源", "编辑"]
    # "\s*" eats the "\n" that the next line's match needs: the pattern itself decides
    assert distinct(r"(?m)^(\w+\s*)", "ab\ncd\nef") == ["ab", "cd", "ef"]


def test_a_line_start_on_one_alternative_only_is_not_line_led() -> None:
    """``(?m)^公告|中标``: the "^" belongs to the first alternative only, so 中标 is found anywhere; run
    "\\n"-led as ``\\n(?:公告|中标)`` it would be found only at a line's start. So too a look-behind right
    after the "^" (it would see the added "\\n"). Such patterns run as written: the same texts either way."""
    import re

    from tenderwatch.notice.dockind import Signal, _distinct, _line_led

    def led_and_plain(pattern: str, text: str) -> tuple[list[str], list[str]]:
        compiled = re.compile(pattern)
        signal = Signal("s", "news", 1, 5, (compiled,), 0, (_line_led(compiled),))
        return _distinct(signal, text, {0}, "\n" + text), _distinct(signal, text, {0})

    assert led_and_plain(r"(?m)^公告|中标", "项目中标结果\n公告") == (["中标", "公告"], ["中标", "公告"])
    assert led_and_plain(r"(?m)^(?<!\n)(来源)", "来源:甲\n来源:乙") == (["来源"], ["来源"])
    assert _line_led(re.compile(r"(?m)^来源|^编辑")) is not None  # "^" before every alternative: line-led


HK_DISCLOSEABLE = """香港交易及結算所有限公司及香港聯合交易所有限公司對本公告之內容概不負責。
星河算力集團有限公司
（於百慕達註冊成立之有限公司）
（股份代號：8123）
須予披露交易　收購伺服器
董事會宣佈，於2025年3月3日，本公司之間接全資附屬公司廣州星河智算有限公司（「買方」）與
珠海南灣系統有限公司（「賣方」）訂立買賣協議，據此，買方同意購買而賣方同意出售配備輝達H800 GPU之
伺服器共48台，總代價為人民幣96,000,000元（含稅）。
承董事會命
星河算力集團有限公司
主席　陳某
香港，2025年3月4日
"""


def test_hong_kong_discloseable_transaction_of_a_subsidiary_is_a_purchase_disclosure() -> None:
    """A Hong Kong-listed company's announcement (股份代號, the exchange's disclaimer, 須予披露交易,
    承董事會命): its indirect subsidiary (間接全資附屬公司) buys; the seller's 出售 in a sale and purchase
    agreement is the counterparty's side of our purchase; the consideration (總代價) is the amount."""
    result = _one(HK_DISCLOSEABLE, "hk.html")
    assert result.doc_kind == "disclosure" and result.relevant
    notice = result.notice
    assert notice is not None and notice.notice_type == "contract"
    assert notice.buyer is not None and notice.buyer.value == "广州星河智算有限公司"
    assert [s.value for s in notice.suppliers] == ["珠海南湾系统有限公司"]
    assert [a.value_cny for a in notice.amounts] == [96_000_000.0]
    assert notice.notice_date is not None and notice.notice_date.value == "2025-03-04"
    assert [f.item for f in result.findings if not f.negated] == ["H800"]


def test_a_story_quoting_a_company_and_an_official_is_news() -> None:
    # before: only '数据显示' counted toward news, and '采购公告' in the story made it a tender notice
    story = """英伟达H20芯片对华出口再生变数
2025年4月16日 来源：星桥财经
英伟达周二表示，美国政府通知该公司，向中国出口H20芯片需要获得许可证。多家企业此前已采购大批H20，
某云计算公司相关负责人表示，公司已提前备货。平台数据显示，今年以来多所高校发布了含H20的服务器采购公告。
"""
    result = _one(story)
    assert result.doc_kind == "news" and not result.relevant
    # a notice names its contact person and its schedule; it quotes nobody
    notice = """某某大学GPU服务器采购项目公开招标公告
采购人：某某大学  项目负责人：王老师  电话：010-12345678
采购需求：GPU服务器2台，每台8块H20 96GB；开标时间：2025年5月6日（周二）上午9:30
"""
    result = _one(notice)
    assert result.doc_kind == "notice" and result.relevant


def test_a_roundup_of_tenders_under_a_column_tag_is_news() -> None:
    # before: a media roundup ("盘点｜…", "据不完全统计") listing several universities' GPU purchases was a
    # relevant tender notice with the first budget as its amount
    roundup = """盘点｜2024年下半年高校GPU服务器采购一览
作者：算力观察
据不完全统计，2024年下半年共有20余所高校发布GPU服务器采购公告。其中，某某大学采购8台H800服务器，
预算2400万元；某某理工大学采购A800服务器4台，预算1100万元。
"""
    result = _one(roundup)
    assert result.doc_kind == "news" and not result.relevant
    # a server's depth in a tender's specification is not a column tag
    spec = """某某大学GPU服务器采购项目公开招标公告
采购人：某某大学
采购需求：GPU服务器2台，每台8块H800 80GB
深度：800mm
"""
    assert _one(spec).doc_kind == "notice"


def test_a_channel_page_whose_rows_end_in_their_dates_is_a_listing_not_a_notice() -> None:
    from tenderwatch.pipeline import process_bytes

    page = ("<html><head><title>采购公告 - 示例大学采购与招标管理中心</title></head><body><h2>采购公告</h2><ul>"
            "<li><a>示例大学GPU服务器（H800）采购项目招标公告</a><span>2024-09-12</span></li>"
            "<li><a>示例大学实验室家具采购项目竞争性磋商公告</a><span>2024-09-10</span></li>"
            "<li><a>示例大学高性能计算平台（A100）扩容项目中标公告</a><span>2024-09-05</span></li>"
            "<li><a>示例大学物业服务采购项目招标公告</a><span>2024-09-01</span></li></ul>"
            "<div>共 128 条 1/32 页 下一页</div></body></html>")
    (result,) = process_bytes(page.encode("utf-8"), "channel.html")
    assert result.doc_kind == "listing" and not result.relevant
    # a notice that lists two related notices under its body stays a notice
    notice = ("示例大学GPU服务器采购项目招标公告\n项目编号：SL-2024-0912\n采购人：示例大学\n预算金额：300万元\n"
              "采购需求：8卡H800服务器 2台\n发布时间：2024-09-12\n相关公告\n"
              "示例学院A800服务器采购项目中标公告2024-08-01\n示例研究所家具采购项目招标公告2024-07-15\n")
    (result,) = process_bytes(notice.encode("utf-8"), "notice.txt")
    assert result.doc_kind == "notice" and result.relevant


def test_an_institutions_own_news_about_its_new_gpu_nodes_is_news_not_a_notice() -> None:
    """A university's news page writes 我校 as a notice does; its author line (the next field glued on by
    normalisation), a spokesman's account and its editorial line make it news."""
    text = ("我校计算平台完成扩容\n作者：网络中心 发布时间：2026-05-20 浏览次数：88\n"
            "近日，我校计算平台新增GPU节点4台，每台配备8块NVIDIA A800加速卡。\n"
            "据网络中心负责人介绍，扩容项目于今年3月通过公开招标确定供应商。\n（审核：张某 编辑：刘某）\n")
    result = _one(text)
    assert (result.doc_kind, result.relevant) == ("news", False), result.doc_kind_reasons


GOV_CIRCULAR = """关于印发《某市算力券管理实施细则（试行）》的通知
某科规〔2026〕3号
各区科技局、各有关单位：
现将《某市算力券管理实施细则（试行）》印发给你们，请认真贯彻执行。
第一条 算力券用于支持企业租用智能算力服务，包括基于NVIDIA A100、A800等加速卡的算力资源。
第二条 单个企业年度支持额度最高不超过100万元。
某市科学技术局
2026年1月8日
"""


def test_a_government_circular_naming_accelerators_is_policy_not_a_lead() -> None:
    result = _one(GOV_CIRCULAR)
    assert (result.doc_kind, result.relevant) == ("policy", False), result.doc_kind_reasons
    assert result.notice.buyer is None


def test_a_notice_citing_policy_documents_stays_a_notice() -> None:
    """Notices cite circulars and their numbers in running text: only a number or a transmitting title on a
    line of its own is the document's own."""
    text = ("某大学GPU服务器采购项目公开招标公告\n项目编号：ZB-2026-01\n采购人：某大学\n预算金额：300万元\n"
            "采购需求：GPU服务器2台，每台配置8块NVIDIA A800加速卡。\n"
            "落实政府采购政策：《财政部 工业和信息化部关于印发〈政府采购促进中小企业发展管理办法〉的通知》"
            "（财库〔2020〕46号）。\n各供应商：\n请于2026年3月1日前提交投标文件。\n")
    result = _one(text)
    assert (result.doc_kind, result.relevant) == ("notice", True), result.doc_kind_reasons
