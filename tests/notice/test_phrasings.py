"""Phrasings of fields the dev corpus does not show: label layouts, synonyms, English
and Taiwan wording, date ranking, corrections, lots, text tables, prose prices."""

from __future__ import annotations

import pytest

from tenderwatch.model import Finding, NoticeFields, TextDoc
from tenderwatch.normalize import normalize
from tenderwatch.notice import parse_notice, select_amount


def parse(text: str, **meta: str) -> NoticeFields:
    doc = TextDoc("t.txt", text, "txt", meta=dict(meta))
    return parse_notice(doc, normalize(text))


def value(fact: object) -> object:
    return getattr(fact, "value", None)


def finding_at(text: str, token: str) -> Finding:
    at = text.index(token)
    return Finding("chip", token, None, token, at, at + len(token), 0.9)


# 1. a value on the line after a bare label line, a numbered heading or a dangling colon


def test_value_on_the_line_after_a_bare_label() -> None:
    text = ("某某理工大学图形工作站采购成交公告\n2023年5月4日\n采购单位\n某某理工大学\n成交人\n"
            "南京某某信息技术有限公司\n成交金额\n36.5万元\n采购方式\n询价\n")
    notice = parse(text)
    assert value(notice.buyer) == "某某理工大学"
    assert [s.value for s in notice.suppliers] == ["南京某某信息技术有限公司"]
    assert select_amount(notice, [], False) == pytest.approx(365000.0)
    assert notice.buyer is not None and text[notice.buyer.start:notice.buyer.end] == "某某理工大学"


def test_numbered_heading_and_dangling_colon_take_the_next_line() -> None:
    text = ("某某研究所计算资源单一来源采购公示\n发布日期：2024-02-01\n(一)采购单位名称\n某某研究所\n"
            "二、拟采购供应商：\n杭州某某云计算有限公司(注册地址：杭州市西湖区某路1号)\n三、项目预算\n"
            "人民币贰拾万元整\n")
    notice = parse(text)
    assert notice.notice_type == "single_source"
    assert value(notice.buyer) == "某某研究所"
    assert [s.value for s in notice.suppliers] == ["杭州某某云计算有限公司"]
    assert select_amount(notice, [], False) == pytest.approx(200000.0)


def test_a_bare_label_whose_next_line_is_not_a_value_is_ignored() -> None:
    text = "某某大学设备采购公告\n采购人\n详见附件\n预算金额\n另行通知\n"
    notice = parse(text)
    assert notice.buyer is None or value(notice.buyer) != "详见附件"
    assert select_amount(notice, [], False) is None


# 2. bracketed and bulleted labels


def test_bracketed_and_bulleted_labels() -> None:
    text = ("某某市数据局算力服务采购公告\n[发布日期] 2025-01-06\n[采购单位] 某某市数据局\n"
            "〔项目编号〕SJJ-2025-001\n■预算金额：120万元\n● 最高限价：118万元\n")
    notice = parse(text)
    assert value(notice.notice_date) == "2025-01-06"
    assert value(notice.buyer) == "某某市数据局"
    assert value(notice.project_no) == "SJJ-2025-001"
    assert select_amount(notice, [], False) == pytest.approx(1200000.0)


def test_a_buyer_name_starting_with_wu_is_not_a_placeholder() -> None:
    notice = parse("【采购人】无锡某某研究院\n【预算金额】10万元\n")
    assert value(notice.buyer) == "无锡某某研究院"


# 3. supplier and amount label synonyms, Taiwan and English wording


def test_selected_supplier_labels() -> None:
    text = "某某医院服务器采购中选结果公告\n采购人：某某医院\n中选供应商：广州某某科技有限公司\n中选价格：¥ 1,234,567\n"
    notice = parse(text)
    assert notice.notice_type == "award"
    assert [s.value for s in notice.suppliers] == ["广州某某科技有限公司"]
    assert select_amount(notice, [], False) == pytest.approx(1234567.0)


def test_taiwan_award_wording_in_traditional_script() -> None:
    text = "國立某某大學 伺服器採購案 決標公告\n機關名稱：國立某某大學\n得標廠商：某某資訊股份有限公司\n決標金額：人民幣壹佰參拾萬元整\n"
    notice = parse(text)
    assert notice.notice_type == "award"
    assert value(notice.buyer) == "国立某某大学"
    assert [s.value for s in notice.suppliers] == ["某某资讯股份有限公司"]
    assert select_amount(notice, [], False) == pytest.approx(1300000.0)


def test_taiwan_dollars_are_a_foreign_currency() -> None:
    notice = parse("某某大学采购决标公告\n得标厂商：某某股份有限公司\n决标金额：新台币3,800,000元\n")
    assert select_amount(notice, [], False) is None
    assert any(a.currency == "TWD" for a in notice.amounts)


def test_english_award_labels_in_any_case() -> None:
    text = ("Notice of Award\nDate of Issue: 3rd March 2025\nPROCURING ENTITY: Macau Institute of Data Science\n"
            "Awarded to: Pearl River Compute Co., Ltd.\nContract Value: RMB 1.25 million (including tax)\n"
            "Tender opening: 14 February 2025\n")
    notice = parse(text)
    assert notice.notice_type == "award"
    assert value(notice.notice_date) == "2025-03-03"
    assert value(notice.buyer) == "Macau Institute of Data Science"
    assert [s.value for s in notice.suppliers] == ["Pearl River Compute Co., Ltd"]
    assert select_amount(notice, [], False) == pytest.approx(1250000.0)


def test_english_budget_in_hong_kong_dollars_is_no_yuan_amount() -> None:
    notice = parse("Request for Quotation\nBudget: HK$980,000\nContractor: Kowloon Data Limited\n")
    assert select_amount(notice, [], False) is None


def test_english_buyer_keeps_the_whole_name_and_the_letterhead_form() -> None:
    text = ("Pearl Delta Academy of Applied Computing\nInvitation to Quote\n"
            "The Pearl Delta Academy of Applied Computing invites quotations for GPU cards.\n")
    assert value(parse(text).buyer) == "Pearl Delta Academy of Applied Computing"
    text = "Invitation to Quote\nThe University of Hong Kong invites quotations for servers.\n"
    assert value(parse(text).buyer) == "The University of Hong Kong"


# 4. publication date ranking


def test_publication_label_beats_a_deadline_on_its_own_line() -> None:
    text = ("某某学院实验设备竞争性谈判公告\n公开时间：2024.04.02\n(三)响应文件提交截止时间\n"
            "2024.04.19 14:00\n预算金额：30万元\n")
    assert value(parse(text).notice_date) == "2024-04-02"


def test_top_date_line_is_not_a_deadline_under_a_deadline_heading() -> None:
    text = "某某学院实验设备竞争性谈判公告\n报价截止时间\n2024-04-19 14:00\n正文……\n2024年4月2日\n"
    assert value(parse(text).notice_date) == "2024-04-02"


def test_correction_date_beats_the_original_notice_date() -> None:
    text = "某某中心服务器采购变更公告\n原公告发布时间：2024-06-01\n变更日期：2024-06-09\n"
    assert value(parse(text).notice_date) == "2024-06-09"


def test_english_ordinal_publication_date_beats_an_opening_date() -> None:
    text = ("Notice of Award\nTenders were opened on 2 May 2024.\nPosted: May 21st, 2024\n"
            "Successful tenderer: Delta Systems Limited\n")
    assert value(parse(text).notice_date) == "2024-05-21"


# 5. corrections take the new value


@pytest.mark.parametrize("line", [
    "最高限价由“150万元”调整为“138万元”。",
    "预算金额：由150万元变更为138万元",
    "预算金额原为150万元，现更正为138万元。",
    "采购预算更正为：\n138万元",
])
def test_correction_takes_the_new_value(line: str) -> None:
    notice = parse(f"某某中心设备采购项目更正公告\n更正日期：2024-06-09\n更正内容：\n{line}\n")
    assert notice.notice_type == "correction"
    assert select_amount(notice, [], False) == pytest.approx(1380000.0)


def test_correction_table_with_before_and_after_columns() -> None:
    text = "某某中心设备采购项目更正公告\n事项\t更正前\t更正后\n预算金额\t150万元\t138万元\n"
    assert select_amount(parse(text), [], False) == pytest.approx(1380000.0)


# 6. lots


@pytest.mark.parametrize("head", ["第一包", "标段一", "采购包1", "分包一", "Lot 1", "包1(计算设备)"])
def test_lot_with_the_controlled_item_gives_the_amount(head: str) -> None:
    text = (f"某某研究院设备采购招标公告\n项目总预算：150万元\n{head}：计算设备\n"
            f"采购内容：H100 80GB 加速卡2块\n预算金额：120万元\n二、其他\n包2：办公设备 预算金额：30万元\n")
    notice = parse(text)
    relevant = select_amount(notice, [finding_at(text, "H100")], True)
    assert relevant == pytest.approx(1200000.0)
    assert select_amount(notice, [], False) == pytest.approx(1500000.0)


def test_lot_table_with_a_qualified_budget_column() -> None:
    text = ("某某研究院设备采购招标公告\n项目总预算：150万元\n标段号\t标段名称\t标段预算(万元)\n"
            "1\t办公设备\t30\n2\t计算设备(A800 8卡服务器)\t120\n")
    notice = parse(text)
    assert select_amount(notice, [finding_at(text, "A800")], True) == pytest.approx(1200000.0)


# 7. intention lists written as text rows


@pytest.mark.parametrize("sep", [" | ", "/"])
def test_intention_rows_separated_by_bars_or_slashes(sep: str) -> None:
    rows = [["序号", "采购项目名称", "预算金额(万元)", "预计采购时间"],
            ["1", "物业服务", "40", "2025年3月"],
            ["2", "H200 算力服务器", "260", "2025年5月"]]
    text = "某某大学2025年政府采购意向\n" + "\n".join(sep.join(r) for r in rows) + "\n"
    notice = parse(text)
    assert notice.notice_type == "intention"
    assert len(notice.lots) == 2
    assert select_amount(notice, [finding_at(text, "H200")], True) == pytest.approx(2600000.0)


def test_intention_row_wrapped_inside_a_cell_is_one_row() -> None:
    """A PDF wraps a long cell onto the next line ("…（经国内合\n规服务商接入）… | 45 | …"): the two
    short lines whose cells make the header's count are one row, so its budget is that row's."""
    text = ("某某学院2025年政府采购意向\n序号 | 采购项目名称 | 采购需求概况 | 预算金额（万元） | 预计采购时间\n"
            "1 | 实验室改造 | 通风系统 | 90 | 2025年9月\n"
            "2 | 模型调用服务 | Claude 3.5 Sonnet API 调用额度（经国内\n服务商接入），一年 | 32 | 2025年10月\n"
            "3 | 图书 | 中文图书 | 15 | 2025年11月\n")
    notice = parse(text)
    assert len(notice.lots) == 3
    assert select_amount(notice, [finding_at(text, "Claude")], True) == pytest.approx(320000.0)


def test_markdown_table_rows() -> None:
    text = ("某某大学2025年政府采购意向\n| 采购项目名称 | 预算金额(元) |\n|---|---|\n"
            "| 图书 | 50,000 |\n| RTX 4090 工作站 | 360,000 |\n")
    notice = parse(text)
    assert select_amount(notice, [finding_at(text, "RTX 4090")], True) == pytest.approx(360000.0)


# 9. the purchasing entity outranks the end user


def test_buyer_outranks_the_using_department() -> None:
    text = "某某大学服务器采购结果公告\n使用单位：某某大学人工智能学院\n采购单位：某某大学\n成交金额：50万元\n"
    assert value(parse(text).buyer) == "某某大学"


# 10. prices in prose are not the notice amount


def test_price_in_prose_is_not_the_amount() -> None:
    text = ("英伟达新品发布 业内称价格坚挺\n2024-03-20 来源：某报\n据渠道商透露，A100整机报价已涨到每台约180万元，"
            "较年初上涨三成。\n")
    assert select_amount(parse(text), [], False) is None


def test_a_cap_written_in_prose_is_the_ceiling() -> None:
    """"金额不超过人民币45万元" in a 询价通知书's 采购内容: the most the buyer will spend (a ceiling), where no
    budget or 最高限价 label is given."""
    text = ("某园区运营有限公司AWS云服务账号充值服务询价通知书\n采购单位：某园区运营有限公司\n"
            "采购内容：为我公司AWS海外区域账号充值云资源费用，金额不超过人民币45万元，服务期一年。\n")
    assert select_amount(parse(text), [], True) == 450000.0


# other real phrasings


@pytest.mark.parametrize(("line", "expected"), [
    ("拦标价：368.5万元", 3685000.0),
    ("控制价：人民币 1.2 亿元", 120000000.0),
    ("采购预算：1,234,567.00 元（含税）", 1234567.0),
    ("项目预算：RMB 2.5 million", 2500000.0),
])
def test_tender_amount_labels(line: str, expected: float) -> None:
    notice = parse(f"某某单位服务器采购招标公告\n招标人：某某单位\n{line}\n")
    assert value(notice.buyer) == "某某单位"
    assert select_amount(notice, [], False) == pytest.approx(expected)


@pytest.mark.parametrize(("line", "expected"), [
    ("中标价：¥ 1,234,567", 1234567.0),
    ("成交价格：98.6万元", 986000.0),
    ("投标报价：100万元\n中标金额：96万元", 960000.0),
])
def test_award_amount_labels(line: str, expected: float) -> None:
    notice = parse(f"某某单位服务器采购中标结果公告\n采购人：某某单位\n中标人：某某科技有限公司\n{line}\n")
    assert select_amount(notice, [], False) == pytest.approx(expected)


def test_contract_parties_jia_and_yi() -> None:
    text = "某某GPU服务器采购合同公告\n甲方：某某大学\n乙方：上海某某科技有限公司\n合同金额：壹佰万元整\n"
    notice = parse(text)
    assert notice.notice_type == "contract"
    assert value(notice.buyer) == "某某大学"
    assert [s.value for s in notice.suppliers] == ["上海某某科技有限公司"]
    assert select_amount(notice, [], False) == pytest.approx(1000000.0)


def test_closing_date_label_never_wins_over_a_plain_date_label() -> None:
    text = "Tender Notice\nClosing Date: 30 April 2024\nDate: 2 April 2024\nProcuring Entity: Shatin Data Institute\n"
    notice = parse(text)
    assert value(notice.notice_date) == "2024-04-02"
    assert value(notice.buyer) == "Shatin Data Institute"


def test_supplier_column_next_to_an_award_amount_column_is_the_winner() -> None:
    text = "某某大学服务器采购成交公告\n采购人：某某大学\n成交信息\n供应商名称\t成交金额\n北京某某科技有限公司\t96.5万元\n"
    notice = parse(text)
    assert [s.value for s in notice.suppliers] == ["北京某某科技有限公司"]
    assert select_amount(notice, [], False) == pytest.approx(965000.0)


def test_contract_title_and_bracketed_party_labels() -> None:
    text = ("某某局GPU服务器采购合同\n甲方（采购人）：某某市公安局\n乙方（供应商）：某某科技有限公司\n"
            "合同总价：¥1,280,000.00元（大写：壹佰贰拾捌万元整）\n")
    notice = parse(text)
    assert notice.notice_type == "contract"
    assert [s.value for s in notice.suppliers] == ["某某科技有限公司"]
    assert select_amount(notice, [], False) == pytest.approx(1280000.0)


def test_compound_label_takes_its_first_field() -> None:
    text = "某某单位单一来源采购公示\n拟定供应商名称、地址：\n某某云计算有限公司，北京市海淀区某路\n"
    assert [s.value for s in parse(text).suppliers] == ["某某云计算有限公司"]


@pytest.mark.parametrize(("text", "winner"), [
    ("某某大学采购成交结果公告\n经评审，确定北京某某科技有限公司为成交供应商，成交金额为人民币96万元。\n",
     "北京某某科技有限公司"),
    ("某某中心采购中标公告\n本项目中标人为某某网络技术有限公司，中标价为128万元。\n", "某某网络技术有限公司"),
    ("Notice of Contract Award\nThe contract was awarded to Harbour Compute Company Limited.\n",
     "Harbour Compute Company Limited"),
    ("Award Notice\nThe College has awarded the above contract to Bayside Compute Solutions Limited at a contract"
     " sum of HK$1,200,000.\n", "Bayside Compute Solutions Limited"),
])
def test_winner_named_in_prose(text: str, winner: str) -> None:
    assert [s.value for s in parse(text).suppliers] == [winner]


def test_bracketed_text_that_is_no_label_is_left_alone() -> None:
    text = "【某某大学】GPU服务器采购招标公告\n【采购人】某某大学\n【预算金额】80万元\n"
    notice = parse(text)
    assert notice.title is not None and notice.title.value == "【某某大学】GPU服务器采购招标公告"
    assert notice.notice_type == "tender"
    assert value(notice.buyer) == "某某大学"


def test_intention_list_written_as_blocks() -> None:
    text = ("某某研究院2025年政府采购意向公开\n1.采购项目名称：办公家具\n采购需求概况：桌椅\n预算金额：20万元\n"
            "2.采购项目名称：智算服务器\n采购需求概况：H20 96GB 八卡服务器1台\n预算金额：150万元\n"
            "3.采购项目名称：图书\n预算金额：8万元\n")
    notice = parse(text)
    assert notice.notice_type == "intention"
    assert len(notice.lots) == 3
    assert select_amount(notice, [finding_at(text, "H20")], True) == pytest.approx(1500000.0)


def test_a_qualified_generic_date_label_is_not_the_publication_date() -> None:
    filler = "".join(f"第{n}条 合同条款内容。\n" for n in range(30))
    text = f"某某大学服务器采购合同公告\n合同签订日期：2024-07-01\n{filler}某某大学\n2024年7月5日\n"
    assert value(parse(text).notice_date) == "2024-07-05"


# 6b. one lot written in two tables: the goods table names the item, the award table its amount

_AWARD_AND_GOODS = (
    "某某大学2025年设备采购项目中标（成交）结果公告\n发布时间：2025年06月12日\n采购人：某某大学\n"
    "四、中标（成交）信息\n包号\t供应商名称\t供应商地址\t中标（成交）金额\n"
    "1\t北京云算科技有限公司\t北京市海淀区\t1,280,000.00元\n2\t天津办公用品有限公司\t天津市南开区\t35,000.00元\n"
    "五、主要标的信息\n包号\t名称\t品牌\t规格型号\t数量\t单价\n"
    "1\tGPU服务器\t浪潮\tNF5688M7（8×NVIDIA H800 80GB）\t1台\t1,280,000.00元\n"
    "2\t打印机\t惠普\tM403d\t10台\t3,500.00元\n"
)


def test_the_award_table_gives_the_amount_of_the_lot_the_goods_table_names() -> None:
    # before: the goods table's lot 1 had no award amount, so the notice total (both lots) was reported
    notice = parse(_AWARD_AND_GOODS)
    assert select_amount(notice, [finding_at(_AWARD_AND_GOODS, "H800")], True) == pytest.approx(1280000.0)
    assert select_amount(notice, [], False) == pytest.approx(1315000.0)


def test_a_lot_section_gives_the_amount_of_the_lot_a_goods_table_names() -> None:
    text = ("某某研究院设备采购招标公告\n项目总预算：150万元\n包1：计算设备 预算金额：120万元\n"
            "包2：办公家具 预算金额：30万元\n三、采购需求\n包号\t名称\t数量\n1\tH100 80GB 加速卡\t2块\n"
            "2\t办公桌\t20张\n")
    assert select_amount(parse(text), [finding_at(text, "H100")], True) == pytest.approx(1200000.0)


def test_row_numbers_of_two_tables_are_not_one_lot() -> None:
    # a winners table without a lot column counts its rows; row 1 there is not row 1 of the goods table
    text = ("某某中心采购项目成交公告\n成交信息\n供应商名称\t成交金额\n甲科技有限公司\t90万元\n"
            "乙家具有限公司\t10万元\n主要标的信息\n序号\t名称\t数量\n1\tH20 加速卡\t4块\n2\t办公桌\t5张\n")
    notice = parse(text)
    assert any(not lot.numbered for lot in notice.lots)
    assert select_amount(notice, [finding_at(text, "H20")], True) == pytest.approx(1000000.0)


def test_a_single_source_notice_names_its_proposed_supplier_under_a_bare_heading() -> None:
    """"二、拟定供应商" (without 信息) heads the block whose 名称 line is the proposed supplier: in a
    single-source notice the intermediary the buyer goes through."""
    text = ("某某中心云服务租赁项目单一来源采购公示\n一、项目信息\n采购人：某某中心\n采购预算：180万元\n"
            "二、拟定供应商\n名称：某某云启信息技术有限公司\n地址：某某市高新区软件园3号楼\n"
            "三、采用单一来源采购方式的原因及说明\n只能从原服务代理商处采购。\n")
    assert [s.value for s in parse(text).suppliers] == ["某某云启信息技术有限公司"]


def test_an_english_page_names_its_buyer_in_its_title_or_an_agency_label() -> None:
    """A Hong Kong invitation to quote that names its college only in the page's <title> ("… - Victoria
    Harbour College"), and a Singapore quotation notice's "Agency:" line (the public body that buys)."""
    text = ("Invitation to Quote\nQuotation Ref.\tVHC/ITQ/2026/031\nSubject\tRental of cloud GPU service\n"
            "Interested suppliers are invited to submit quotations.\n")
    titled = parse(text, page_title="Invitation to Quote: Cloud GPU Rental - Victoria Harbour College")
    assert value(titled.buyer) == "Victoria Harbour College"
    portal = parse(text, page_title="Invitation to Quote: Cloud GPU Rental - Tender Portal Daily")
    assert portal.buyer is None  # a portal or a paper is no buyer
    agency = parse("QUOTATION NOTICE\nAgency: Lion City Institute of Technology\nQuotation No.: Q-2026-1\n"
                   "Description: Supply of two GPU servers\n")
    assert value(agency.buyer) == "Lion City Institute of Technology"
