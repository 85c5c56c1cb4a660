from __future__ import annotations

import pytest

from tenderwatch.notice.kind import clean_title, notice_kind


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("中国科学院计算技术研究所GPU加速卡采购项目竞争性磋商公告", "tender"),
        ("清华大学GPU计算卡采购项目询价公告", "tender"),
        ("湖北省地震局服务器采购项目成交结果公告", "award"),
        ("某项目中标（成交）结果公告", "award"),
        ("宜都市某项目中标候选人公示", "award"),
        ("南湖区推理服务器采购项目更正公告", "correction"),
        ("安徽省智能计算研究院2026年2月至6月政府采购意向", "intention"),
        ("上海浦岚生物医药研究院AWS账号续费单一来源采购公示", "single_source"),
        ("福建闽江海洋信息研究院GPU卡采购项目合同公告", "contract"),
        ("苏州大学实验室通风橱采购项目终止公告", "other"),
        ("Invitation to Quote: Supply of Two Graphics Cards", "tender"),
        ("金开新能源股份有限公司关于投资建设智算中心项目取得备案的公告", "other"),
    ],
)
def test_type_from_title(title: str, expected: str) -> None:
    assert notice_kind(title, "", "") == expected


def test_hint_then_body_when_title_is_silent() -> None:
    assert notice_kind("训练服务器采购项目", "首页 > 采购结果 > 中标公告", "") == "award"
    assert notice_kind("第三章 采购需求", "", "预算金额：480万元（最高限价4,800,000.00元）") == "tender"
    assert notice_kind("项目", "", "三、中标（成交）信息\n供应商名称：某公司") == "award"
    assert notice_kind("", "", "") == "other"


def test_clean_title_drops_site_name() -> None:
    assert clean_title("某研究院服务器采购公开招标公告-湖南省政府采购网") == "某研究院服务器采购公开招标公告"


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("某医院影像平台GPU服务器采购需求公示", "", "tender"),  # requirement-only page (web README rule)
        ("某某公司2025年算力设备采购预公示", "", "intention"),
        ("某学院 财务处采购组", "首页 / 采购\n报价邀请：供应两张显示卡\n", "tender"),
        ("", "本院现邀请供应商就以下物品提供报价：\n", "tender"),
    ],
)
def test_requirement_pages_and_quotation_invitations(title: str, body: str, expected: str) -> None:
    assert notice_kind(title, "", body) == expected


def test_a_chapter_heading_is_not_the_documents_title() -> None:
    """A procurement document (招标文件/磋商文件) opens with its own title; "第一章 磋商公告" is its first chapter."""
    from tenderwatch.notice.kind import guess_title

    text = "嘉禾市数据中心\n算力租赁服务项目竞争性磋商文件(节选)\n项目编号:JH-01\n第一章 磋商公告\n一、采购内容"
    lines = [(m.start(), m.end()) for m in __import__("re").finditer(r"[^\n]+", text)]
    span = guess_title(text, lines)
    assert span is not None and text[span[0]:span[1]] == "算力租赁服务项目竞争性磋商文件(节选)"
