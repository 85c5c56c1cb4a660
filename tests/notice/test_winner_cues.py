"""Winners, buyers, currencies and calendars written in ways the labelled corpora rarely show:
proposed winners after candidate lists, admission (入围) lists, losing bidders, bracketed aliases,
an invitation sentence naming the buyer, foreign currency before a 大写 amount, the ROC calendar."""

from __future__ import annotations

import pytest

from tenderwatch.model import NoticeFields, TextDoc
from tenderwatch.normalize import normalize
from tenderwatch.notice import parse_notice, select_amount
from tenderwatch.notice.amounts import find_money
from tenderwatch.notice.dates import parse_date


def parse(text: str, encoding: str | None = None) -> NoticeFields:
    doc = TextDoc("t.txt", text, "txt", encoding)
    return parse_notice(doc, normalize(text))


def names(notice: NoticeFields) -> list[object]:
    return [s.value for s in notice.suppliers]


# 1. a proposed winner after a list of ranked candidates


@pytest.mark.parametrize("label", ["拟中标人", "拟中选人", "拟定成交供应商", "拟成交人"])
def test_proposed_winner_after_ranked_candidates(label: str) -> None:
    text = ("某某医院数据中心设备询比采购结果公示\n采购人：某某市第一人民医院\n"
            "评审排序：第一中标候选人：杭州甲乙计算机有限公司；第二中标候选人：宁波丙丁电子有限公司\n"
            f"{label}：杭州甲乙计算机有限公司\n中标金额：88.5万元\n")
    assert names(parse(text)) == ["杭州甲乙计算机有限公司"]


def test_ranked_candidates_alone_name_no_winner() -> None:
    text = ("某某学院服务器采购中标候选人公示\n采购人：某某学院\n"
            "第一中标候选人：杭州甲乙计算机有限公司\n第二中标候选人：宁波丙丁电子有限公司\n")
    assert names(parse(text)) == []


# 2. admission (入围) tables and lists of a framework agreement


def test_admission_table_lists_every_admitted_supplier() -> None:
    text = ("某某集团云算力服务框架协议入围结果公告\n采购人：某某集团有限公司\n入围情况如下：\n"
            "入围序号\t供应商名称\t服务单价(元/卡时)\n"
            "1\t西安某某云数据有限公司\t9.90\n2\t兰州某某信息技术有限公司\t10.40\n")
    assert names(parse(text)) == ["西安某某云数据有限公司", "兰州某某信息技术有限公司"]


def test_admitted_suppliers_listed_in_one_line() -> None:
    text = ("某某大学算力租赁框架协议结果公告\n采购人：某某大学\n"
            "入围供应商：合肥某某智能科技有限公司、武汉某某数据有限公司、长沙某某网络股份有限公司\n")
    assert names(parse(text)) == ["合肥某某智能科技有限公司", "武汉某某数据有限公司", "长沙某某网络股份有限公司"]


# 3. losing bidders are not winners


@pytest.mark.parametrize("label", ["其他报价供应商", "未中标供应商", "其他投标人", "落选供应商"])
def test_losing_bidders_are_not_winners(label: str) -> None:
    text = ("某某公司软件服务询价结果公示\n采购单位：某某能源有限公司\n成交供应商：上海某某软件有限公司\n"
            f"成交金额：¥52,000.00\n{label}：苏州某某信息有限公司(¥55,800.00)、无锡某某科技有限公司(¥57,000.00)\n")
    assert names(parse(text)) == ["上海某某软件有限公司"]


# 4. a bracketed alias after a company's legal form


def test_buyer_alias_after_the_legal_form_is_dropped() -> None:
    text = "某某平台设备采购结果公示\n采购人：西江某某投资有限公司(西江算力中心)\n"
    notice = parse(text)
    assert notice.buyer is not None and notice.buyer.value == "西江某某投资有限公司"


@pytest.mark.parametrize("name", ["某某(上海)信息技术有限公司", "中国石油大学(北京)", "某某科技有限公司(筹)"])
def test_brackets_that_are_part_of_the_name_stay(name: str) -> None:
    notice = parse(f"某某设备采购公告\n采购人：{name}\n预算金额：10万元\n")
    assert notice.buyer is not None and notice.buyer.value == name


# 5. an invitation sentence names the buyer


@pytest.mark.parametrize("verb", ["现邀请供应商就下列服务提交报价", "诚邀合资格供应商参与投标", "特邀请有意者报价"])
def test_invitation_sentence_names_the_buyer(verb: str) -> None:
    text = f"报价邀请：图像处理工作站\n报价编号：Q-2024-88\n澳门某某大学图书馆{verb}：\n项目\t数量\n工作站\t3台\n"
    notice = parse(text)
    assert notice.buyer is not None and notice.buyer.value == "澳门某某大学"


def test_an_invited_party_is_not_the_buyer() -> None:
    text = "某某论坛会议纪要\n北京某某科技有限公司受邀参与报价交流，会上介绍了产品。\n"
    notice = parse(text)
    assert notice.buyer is None or notice.buyer.value != "北京某某科技有限公司"


# 6. a foreign currency written before the amount


@pytest.mark.parametrize("text", ["港币叁拾万元正", "美元 壹万贰仟元整", "澳门币120,000元", "欧元 5万元"])
def test_currency_before_the_amount_makes_it_foreign(text: str) -> None:
    found = find_money(text)
    assert found and all(m.currency != "CNY" for m in found)


def test_a_unit_after_a_foreign_currency_word_scales_it() -> None:
    assert [(m.value, m.currency) for m in find_money("欧元 5万元")] == [(50000.0, "EUR")]


def test_capital_budget_in_hong_kong_dollars_has_no_yuan_amount() -> None:
    text = "报价邀请：服务器\n预算上限：港币叁拾万元正(HK$300,000)\n截标日期：2024年9月1日\n"
    notice = parse(text)
    assert notice.amounts and all(a.value_cny is None for a in notice.amounts)
    assert select_amount(notice, [], False) is None


def test_renminbi_capital_amount_stays_yuan() -> None:
    assert [(m.value, m.currency) for m in find_money("人民币叁拾万元整")] == [(300000.0, "CNY")]


# 7. the Republic of China (Taiwan) calendar


def test_roc_year_with_the_era_name() -> None:
    assert parse_date("中华民国112年3月9日") == "2023-03-09"
    assert parse_date("民国 99 年 12 月 1 日") == "2010-12-01"


def test_roc_slash_date_in_a_taiwanese_notice() -> None:
    text = "医疗器材采购公告\n公告日期：112/07/21\n机关名称：台南市某某医院\n预算金额：新台币 50,000元\n备注：民国年\n"
    notice = parse(text)
    assert notice.notice_date is not None and notice.notice_date.value == "2023-07-21"


def test_roc_slash_date_in_a_big5_document() -> None:
    notice = parse("医疗器材采购公告\n公告日期：112/07/21\n机关名称：台南市某某医院\n", encoding="big5")
    assert notice.notice_date is not None and notice.notice_date.value == "2023-07-21"


def test_three_digit_slash_numbers_are_no_date_elsewhere() -> None:
    assert parse_date("房间 112/07/21") is None
    notice = parse("某某设备采购公告\n公告日期：112/07/21\n采购人：某某大学\n")
    assert notice.notice_date is None or notice.notice_date.value != "2023-07-21"
