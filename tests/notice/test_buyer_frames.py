"""Buyers and suppliers from the frame of a document: English defined short names, news
text with no procurement frame, labels split from their value by a line break or a space,
and labels nested inside a heading (no label word may leak into a name)."""

from __future__ import annotations

from tenderwatch.model import NoticeFields, TextDoc
from tenderwatch.normalize import normalize
from tenderwatch.notice import parse_notice


def parse(text: str) -> NoticeFields:
    return parse_notice(TextDoc("t.txt", text, "txt"), normalize(text))


def buyer_of(text: str) -> object:
    notice = parse(text)
    return None if notice.buyer is None else notice.buyer.value


# 1. "The X (the "Short name")": the document names the body without its article


def test_english_buyer_with_a_defined_short_name_drops_the_article() -> None:
    text = ("Request for Quotation\nThe Harbourview University of Marine Science (hereinafter the "
            "University) is seeking quotations for eight GPU accelerators.\nClosing date: 3 March 2025\n")
    assert buyer_of(text) == "Harbourview University of Marine Science"


def test_english_buyer_defined_in_curly_quotes_drops_the_article() -> None:
    text = ("Quotation Notice\nThe Tai Po Water Authority (the \u201cAuthority\u201d) invites quotations "
            "for the supply of two servers.\n")
    notice = parse(text)
    assert notice.buyer is not None and notice.buyer.value == "Tai Po Water Authority"
    assert text[notice.buyer.start:notice.buyer.end] == "Tai Po Water Authority"


def test_english_buyer_without_a_definition_keeps_its_article() -> None:
    text = "Tender Notice\nThe Tai Po Water Authority invites tenders for the supply of two servers.\n"
    assert buyer_of(text) == "The Tai Po Water Authority"


# 2. news / commentary: no procurement frame, so no buyer from prose or a headline


def test_news_report_has_no_buyer() -> None:
    text = ("路透社援引知情人士消息称，美国商务部已要求AMD暂停向中国客户交付MI308加速器\n"
            "分析人士指出，此举或影响国内云厂商的算力采购节奏。\n2025年4月16日\n")
    assert buyer_of(text) is None


def test_news_headline_with_a_comma_is_not_an_organisation() -> None:
    text = "有媒体披露，美国政府拟进一步收紧芯片采购限制\n消息人士称新规将于下月公布。\n"
    assert buyer_of(text) is None


def test_a_procurement_title_still_names_its_buyer() -> None:
    text = "某某市第一人民医院超声诊断仪采购项目询价公告\n一、项目概况\n本次询价采购超声诊断仪一台。\n"
    assert buyer_of(text) == "某某市第一人民医院"


# 3. a label split from its value by a PDF line break, or by a space with no colon


def test_buyer_label_broken_from_its_value_by_a_line_break() -> None:
    text = ("某某算力中心机房建设项目施工招标公告\n1.招标条件\n本招标项目已由发改委批准建设，项目业主\n"
            "为成都某某数字产业投资有限公司。资金来自自筹。\n")
    assert buyer_of(text) == "成都某某数字产业投资有限公司"


def test_buyer_label_followed_by_a_space_and_another_label() -> None:
    text = ("某某服务器采购项目招标公告\n项目编号：ZB-2025-011\n采购人 长沙某某数据服务有限公司 "
            "联系电话：0731-1234567\n")
    notice = parse(text)
    assert notice.buyer is not None and notice.buyer.value == "长沙某某数据服务有限公司"
    assert text[notice.buyer.start:notice.buyer.end] == "长沙某某数据服务有限公司"


# 4. a label nested in a heading: "二、中标信息：中标人名称：Y" gives Y once


def test_nested_labels_give_the_supplier_once() -> None:
    text = ("某某大学服务器采购中标公告\n二、中标信息：供应商名称：贵阳某某信息技术有限公司；"
            "中标金额：¥128,000.00；供应商地址：贵阳市某路8号\n")
    notice = parse(text)
    assert [s.value for s in notice.suppliers] == ["贵阳某某信息技术有限公司"]


def test_no_label_word_leaks_into_a_supplier_name() -> None:
    text = "某某医院设备采购成交公告\n成交供应商：名称：合肥某某医疗科技有限公司\n成交金额：5.6万元\n"
    notice = parse(text)
    assert [s.value for s in notice.suppliers] == ["合肥某某医疗科技有限公司"]


def test_connector_after_an_owner_label_is_not_part_of_the_name() -> None:
    from tenderwatch.model import TextDoc
    from tenderwatch.normalize import normalize
    from tenderwatch.notice import parse_notice

    text = "某某轨道交通设备更新项目招标公告\n招标条件\n本项目已批准建设，项目业主为某某城市轨道交通运营有限公司，资金已落实。\n"
    notice = parse_notice(TextDoc("t.txt", text, "txt"), normalize(text))
    assert notice.buyer is not None
    assert notice.buyer.value == "某某城市轨道交通运营有限公司"


def test_market_survey_notice_title_names_its_buyer() -> None:
    from tenderwatch.model import TextDoc
    from tenderwatch.normalize import normalize
    from tenderwatch.notice import parse_notice

    text = "某某市疾病预防控制中心信息化工程项目（硬件部分）市场调研公告\n1 节点服务器 1台\n2 UPS电源 1台\n"
    notice = parse_notice(TextDoc("t.txt", text, "txt"), normalize(text))
    assert notice.buyer is not None and notice.buyer.value == "某某市疾病预防控制中心"


def test_english_buyer_that_invites_quotations_without_an_article() -> None:
    """"Harbour Lutheran College invites quotations …": the organisation before "invites", written
    without "The", is the buyer."""
    text = ("Invitation for Quotation\nQuotation Reference: HLC/Q/2025/07\n"
            "Harbour Lutheran College invites quotations for the supply of four graphics workstations.\n"
            "Closing date: 3 March 2025\n")
    notice = parse(text)
    assert notice.buyer is not None and notice.buyer.value == "Harbour Lutheran College"
    assert text[notice.buyer.start:notice.buyer.end] == "Harbour Lutheran College"


def test_english_buyer_referred_to_as_the_bare_type_word_takes_the_named_body() -> None:
    """"The Institute awarded …" refers back to the body named elsewhere (a letterhead line): the
    name proper, not "The Institute"."""
    text = ("Harbour Crest Institute of Applied Computing\nNotice of Award\n"
            "The Institute awarded the contract for two GPU servers to the highest scoring tenderer.\n")
    assert buyer_of(text) == "Harbour Crest Institute of Applied Computing"


def test_an_agents_notice_names_its_principal_as_the_buyer() -> None:
    """"某招标代理有限公司受某某医院委托，对…进行公开招标": the agent publishes and signs; the hospital buys."""
    text = ("某市第一人民医院AI平台采购项目公开招标公告\n某某招标代理有限公司受某市第一人民医院委托，对AI平台采购项目"
            "进行公开招标，欢迎合格的供应商前来投标。\n预算金额：428万元\n某某招标代理有限公司\n2026年4月7日\n")
    assert buyer_of(text) == "某市第一人民医院"
    # "受采购人委托" names a role, not a body: the buyer is found the usual way
    assert buyer_of("某某大学服务器采购公告\n某某招标有限公司受采购人委托进行招标。\n采购人：某某大学\n") == "某某大学"
