from __future__ import annotations

from pathlib import Path

import pytest

from tenderwatch.model import Finding, NoticeFields, TextDoc
from tenderwatch.normalize import normalize
from tenderwatch.notice import parse_notice, select_amount

FIXTURES = Path(__file__).parent / "fixtures"


def parse(text: str, **meta: str) -> NoticeFields:
    doc = TextDoc("t.txt", text, "txt", meta=dict(meta))
    return parse_notice(doc, normalize(text))


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def finding_at(text: str, token: str) -> Finding:
    at = text.index(token)
    return Finding("chip", token, None, token, at, at + len(token), 0.9)


def test_shenzhen_award_keeps_winner_not_bidders_and_precise_amount() -> None:
    text = fixture("award_shenzhen.txt")
    notice = parse(text)
    assert notice.notice_type == "award"
    assert notice.notice_date is not None and notice.notice_date.value == "2025-05-27"
    assert notice.buyer is not None and notice.buyer.value == "深圳市某实验学校"
    assert notice.agency is not None and notice.agency.value == "深圳市某招标代理有限公司"
    assert [s.value for s in notice.suppliers] == ["深圳市甲乙科技有限公司"]
    assert notice.project_no is not None and notice.project_no.value == "SZCG-2025-0001"
    # summary says 668.79万, the body says 6,687,920.0元: the precise value wins
    assert select_amount(notice, [], False) == pytest.approx(6687920.0)
    fees = [a for a in notice.amounts if a.kind == "fee"]
    assert any(a.value_cny == pytest.approx(8200.0) for a in fees)
    assert [row.model for row in notice.items] == ["X660 G45"]


def test_facts_point_at_source_text() -> None:
    text = "采购人：臺灣某大學\n發佈時間：2024年3月18日\n中標金額：貳拾萬元整\n"
    notice = parse(text)
    assert notice.buyer is not None
    assert notice.buyer.value == "台湾某大学"
    assert text[notice.buyer.start:notice.buyer.end] == notice.buyer.raw == "臺灣某大學"
    award = [a for a in notice.amounts if a.kind == "award"]
    assert award and award[0].value_cny == pytest.approx(200000.0)
    assert text[award[0].start:award[0].end] == award[0].raw


def test_buyer_only_in_contact_block() -> None:
    notice = parse(fixture("tender_lots.txt"))
    assert notice.buyer is not None and notice.buyer.value == "湖南某人工智能研究院"
    assert notice.agency is not None and notice.agency.value == "湖南某项目管理有限公司"
    assert notice.notice_date is not None and notice.notice_date.value == "2024-06-18"
    assert notice.suppliers == []


def test_lots_and_lot_amount_selection() -> None:
    text = fixture("tender_lots.txt")
    notice = parse(text)
    assert notice.notice_type == "tender"
    keys = [lot.key for lot in notice.lots]
    assert keys[:2] == ["1", "2"]
    assert select_amount(notice, [], False) == pytest.approx(6186000.0)
    hit = finding_at(text, "H800")
    assert select_amount(notice, [hit], True) == pytest.approx(5800000.0)
    negated = finding_at(text, "H800")
    negated.negated = True
    assert select_amount(notice, [negated], True) == pytest.approx(6186000.0)


def test_intention_rows_are_lots() -> None:
    text = fixture("intention.txt")
    notice = parse(text)
    assert notice.notice_type == "intention"
    assert notice.buyer is not None and notice.buyer.value == "安徽某计算研究院"
    assert notice.notice_date is not None and notice.notice_date.value == "2026-02-06"
    assert len(notice.lots) == 3
    assert select_amount(notice, [finding_at(text, "H200")], True) == pytest.approx(6800000.0)
    assert select_amount(notice, [], False) == pytest.approx(7505000.0)


def test_old_inline_award_without_units_or_colons() -> None:
    notice = parse(fixture("award_inline.txt"))
    assert notice.notice_type == "award"
    assert notice.notice_date is not None and notice.notice_date.value == "2024-10-17"
    assert [s.value for s in notice.suppliers] == ["郑州某医疗器械有限公司"]
    assert notice.buyer is not None and notice.buyer.value == "某省胸科医院"
    assert select_amount(notice, [], False) == pytest.approx(2150000.0)


def test_english_invitation_with_foreign_currency() -> None:
    notice = parse(fixture("english_itq.txt"))
    assert notice.lang == "en"
    assert notice.notice_type == "tender"
    assert notice.notice_date is not None and notice.notice_date.value == "2024-09-17"
    assert notice.buyer is not None and notice.buyer.value == "The Hong Kong Polytechnic University"
    usd = [a for a in notice.amounts if a.currency == "USD"]
    assert usd and usd[0].value == pytest.approx(12000.0) and usd[0].value_cny is None
    assert select_amount(notice, [], True) is None


def test_correction_takes_corrected_value() -> None:
    notice = parse(fixture("correction.txt"))
    assert notice.notice_type == "correction"
    assert notice.buyer is not None and notice.buyer.value == "某市某区大数据发展中心"
    assert select_amount(notice, [], False) == pytest.approx(1200000.0)


def test_contract_fields_in_table_cells() -> None:
    notice = parse(fixture("contract_cells.txt"))
    assert notice.notice_type == "contract"
    assert notice.buyer is not None and notice.buyer.value == "福建某海洋信息研究院"
    assert [s.value for s in notice.suppliers] == ["福州某科技有限公司"]
    assert notice.notice_date is not None and notice.notice_date.value == "2024-07-12"
    assert select_amount(notice, [], False) == pytest.approx(1216000.0)


def test_single_source_proposed_supplier_and_capital_budget() -> None:
    notice = parse(fixture("single_source.txt"))
    assert notice.notice_type == "single_source"
    assert [s.value for s in notice.suppliers] == ["上海某信息科技有限公司"]
    assert notice.notice_date is not None and notice.notice_date.value == "2025-03-14"
    assert select_amount(notice, [], False) == pytest.approx(480000.0)


def test_rate_only_award_has_no_amount() -> None:
    notice = parse("某项目中标结果公告\n标包：A\n供应商名称：某某科技有限公司\n中标（成交）金额：下浮率5%\n")
    assert [s.value for s in notice.suppliers] == ["某某科技有限公司"]
    assert select_amount(notice, [], False) is None


def test_tax_included_preferred() -> None:
    text = "某合同公告\n合同金额（含税）：113万元\n合同金额（不含税）：100万元\n"
    assert select_amount(parse(text), [], False) == pytest.approx(1130000.0)


def test_meta_hints_win_and_have_no_span() -> None:
    notice = parse("正文", title="某大学服务器采购中标公告", buyer="某大学,某大学", pub_date="1718700000",
                   winner="甲公司有限公司;乙科技有限公司", bid_amount="￥137.600000 万元（人民币）")
    assert notice.notice_type == "award"
    assert notice.buyer is not None and notice.buyer.value == "某大学" and notice.buyer.start == -1
    assert notice.notice_date is not None and notice.notice_date.value == "2024-06-18"
    assert [s.value for s in notice.suppliers] == ["甲公司有限公司", "乙科技有限公司"]
    assert select_amount(notice, [], False) == pytest.approx(1376000.0)


@pytest.mark.parametrize("text", ["", "\n\n\t\t", "：：：", "\x00\x01 binary", "包1\t\t\n包", "一、\n二、采购人"])
def test_odd_input_does_not_crash(text: str) -> None:
    notice = parse(text)
    assert notice.notice_type in {"tender", "award", "intention", "single_source", "contract", "correction",
                                  "other"}
    assert select_amount(notice, [], True) is None


def test_rate_hint_between_label_and_amount() -> None:
    text = "某中心扩容项目中标（成交）结果公告\n中标（成交）金额：（可填写下浮率、折扣率或费率）：353.4万元\n"
    assert select_amount(parse(text), [], False) == pytest.approx(3534000.0)


def test_several_labels_on_one_line_and_prose_budget() -> None:
    award = parse("某项目中标公告\n中标人：某某科技有限公司，中标价：人民币123.45万元，工期：30天\n")
    assert [s.value for s in award.suppliers] == ["某某科技有限公司"]
    assert select_amount(award, [], False) == pytest.approx(1234500.0)
    tender = parse("某项目询价公告\n本项目预算为120万元，超过预算的报价无效。\n")
    assert select_amount(tender, [], False) == pytest.approx(1200000.0)


def test_winners_per_lot_in_one_line() -> None:
    notice = parse("某项目成交结果公告\n包1中标人：甲科技有限公司；包2中标人：乙电子有限公司\n")
    assert [s.value for s in notice.suppliers] == ["甲科技有限公司", "乙电子有限公司"]


def test_english_award_in_foreign_currency() -> None:
    notice = parse("Notice of Award\nProcuring Entity: The Example University\nAwarded to: ABC Technology Limited\n"
                   "Contract Value: HK$1,200,000\nDate of Publication: 3 March 2025\n")
    assert notice.notice_type == "award"
    assert notice.buyer is not None and notice.buyer.value == "The Example University"
    assert [s.value for s in notice.suppliers] == ["ABC Technology Limited"]
    assert notice.notice_date is not None and notice.notice_date.value == "2025-03-03"
    assert select_amount(notice, [], False) is None


@pytest.mark.parametrize(
    "body",
    [
        "更正内容：原预算金额：100万元，更正为：120万元。",
        "更正前：预算金额100万元；更正后：预算金额120万元",
        "采购预算由100万元调整为120万元。",
    ],
)
def test_correction_prose_takes_new_value(body: str) -> None:
    notice = parse(f"某项目更正公告\n2024年6月1日\n{body}\n")
    assert notice.notice_type == "correction"
    assert select_amount(notice, [], False) == pytest.approx(1200000.0)


def test_body_cues_do_not_mistake_a_tender_for_an_award() -> None:
    notice = parse("第三章 采购需求\n中标供应商应在合同签订后30日内交货。\n预算金额：80万元\n")
    assert notice.notice_type == "tender"
    assert notice.notice_date is None
    assert select_amount(notice, [], False) == pytest.approx(800000.0)


def test_winner_table_rows_are_lots() -> None:
    text = ("某大学设备采购项目中标公告\n三、中标信息\n序号\t标项名称\t中标供应商\t中标金额（元）\n"
            "1\tGPU服务器\t甲科技有限公司\t1,000,000.00\n2\t机柜\t乙科技有限公司\t50,000.00\n")
    notice = parse(text)
    assert [s.value for s in notice.suppliers] == ["甲科技有限公司", "乙科技有限公司"]
    assert select_amount(notice, [], False) == pytest.approx(1050000.0)
    row = text.index("GPU服务器\t")
    hit = Finding("server", "H100", None, "GPU服务器", row, row + 6, 0.9)
    assert select_amount(notice, [hit], True) == pytest.approx(1000000.0)


def test_lot_lines_name_their_winners() -> None:
    text = ("某学院显卡采购项目成交结果公告\n四、成交信息\n"
            "包1：成都甲科技有限公司，地址：成都市高新区1号，成交金额：67,200.00元\n"
            "包2：成都乙电子科技有限公司，地址：成都市武侯区2号，成交金额：119,992.00元\n"
            "成交总金额：￥187,192.00（大写：壹拾捌万柒仟壹佰玖拾贰元整）\n五、主要标的信息\n")
    notice = parse(text)
    assert [s.value for s in notice.suppliers] == ["成都甲科技有限公司", "成都乙电子科技有限公司"]
    assert [[s.value for s in lot.suppliers] for lot in notice.lots] == [["成都甲科技有限公司"], ["成都乙电子科技有限公司"]]
    assert select_amount(notice, [], False) == pytest.approx(187192.0)
    first = finding_at(text, "成都甲科技")
    assert select_amount(notice, [first], True) == pytest.approx(67200.0)


def test_names_broken_over_lines_and_notes_in_brackets() -> None:
    text = ("某院服务器采购项目中标公告\n采购人：中国科学院深圳先进技\n术研究院\n"
            "中标供应商：深圳市某某信息技\n术有限公司\n中标金额：100万元\n")
    notice = parse(text)
    assert notice.buyer is not None and notice.buyer.value == "中国科学院深圳先进技术研究院"
    assert notice.buyer.raw == "中国科学院深圳先进技\n术研究院"
    assert [s.value for s in notice.suppliers] == ["深圳市某某信息技术有限公司"]
    tender = parse("某院服务器采购项目招标公告\n采购人：某某大学（以下简称“采购人”）\n预算金额：100万元\n")
    assert tender.buyer is not None and tender.buyer.value == "某某大学"
