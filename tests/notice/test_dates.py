from __future__ import annotations

import pytest

from tenderwatch.notice.dates import parse_date
from tenderwatch.pipeline import process_bytes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年10月27日 15:20", "2021-10-27"),
        ("发布时间：2025/5/20", "2025-05-20"),
        ("2025-05-27 20:20", "2025-05-27"),
        ("2024.3.5", "2024-03-05"),
        ("二〇二四年三月五日", "2024-03-05"),
        ("二〇二四年十月十七日", "2024-10-17"),
        ("二○二三年十二月三十一日", "2023-12-31"),
        ("Issue Date 17 September 2024", "2024-09-17"),
        ("September 17, 2024", "2024-09-17"),
        ("2026年3月", "2026-03"),
    ],
)
def test_parse_date(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_impossible_dates_are_skipped() -> None:
    assert parse_date("2024-13-45") is None
    assert parse_date("电话 0571-2024-0930") is None
    assert parse_date("") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Dated: 09.04.2024", "2024-04-09"),
    ("Date of Publication: 31-07-2023", "2023-07-31"),
    ("Notice date 5/3/2025", "2025-03-05"),
    ("Ref 2024.01.18", "2024-01-18"),
    ("Part 1.2.2024.5", None),
])
def test_day_first_numeric_dates(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_news_item_keeps_its_dateline_but_not_a_body_date() -> None:
    news = ("2024-10-02 08:40 来源：某某财经\n据悉，某市数据局近日完成H100服务器采购，"
            "预算3000万元，合同将于2024年12月1日前交付。\n记者注意到，此类采购增多。\n")
    (result,) = process_bytes(news.encode("utf-8"), "news.txt")
    assert result.doc_kind == "news" and result.notice is not None
    assert result.notice.notice_date is not None and result.notice.notice_date.value == "2024-10-02"
    far = "据悉，某市数据局近日完成H100服务器采购，记者注意到此事。\n" * 12 + "交付日期：2024年12月1日\n"
    (result,) = process_bytes(far.encode("utf-8"), "news.txt")
    assert result.doc_kind == "news" and result.notice is not None and result.notice.notice_date is None


def test_a_period_or_deadline_heading_the_body_is_not_the_publication_date() -> None:
    text = """某中心GPU服务器采购项目招标公告
2024年3月1日至2024年3月8日获取招标文件
2024年3月20日9:30开标
采购人：某中心
采购需求：GPU服务器2台，每台8块H800
某中心
2024年2月28日
"""
    (result,) = process_bytes(text.encode("utf-8"), "body.txt")
    assert result.notice is not None and result.notice.notice_date is not None
    assert result.notice.notice_date.value == "2024-02-28"


def test_a_correction_is_dated_by_its_own_date_not_the_first_notices() -> None:
    """The national 更正公告 format repeats the first notice's date (首次公告日期) before its own."""
    text = ("某研究中心服务器采购项目更正公告\n一、项目基本情况\n原公告的采购项目编号：XY-2023-01\n"
            "首次公告日期：2023年8月25日\n二、更正信息\n更正事项：采购文件\n更正日期：2023年9月4日\n")
    (result,) = process_bytes(text.encode("utf-8"), "c.txt")
    assert result.notice is not None and result.notice.notice_date is not None
    assert result.notice.notice_date.value == "2023-09-04"


def test_a_date_that_opens_a_sentence_of_the_body_dates_its_event_not_the_announcement() -> None:
    # a listed company's announcement that it sells computing (seller side): its own date is the one
    # under the board's signature, not the contract's in "2024年9月2日，公司与…签订"
    text = ("证券代码：600001    证券简称：示例科技    公告编号：2024-058\n示例科技股份有限公司\n"
            "关于签订日常经营重大合同的公告\n一、合同签订情况\n"
            "2024年9月2日，公司与示例智算发展有限公司签订了《算力服务合同》，公司将向客户提供基于H100 GPU服务器的算力服务。\n"
            "特此公告。\n示例科技股份有限公司董事会\n2024年9月3日\n")
    (result,) = process_bytes(text.encode("utf-8"), "seller.txt")
    assert result.doc_kind == "seller" and not result.relevant
    assert result.notice is not None and result.notice.notice_date is not None
    assert result.notice.notice_date.value == "2024-09-03"
    # a dateline heading a page still dates it
    page = "示例大学GPU服务器采购公告\n2024年03月12日 15:20 来源：示例大学\n采购人：示例大学\n采购内容：8卡H800服务器 2台\n"
    (result,) = process_bytes(page.encode("utf-8"), "page.txt")
    assert result.notice is not None and result.notice.notice_date is not None
    assert result.notice.notice_date.value == "2024-03-12"
