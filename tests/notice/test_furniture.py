"""Aggregator page furniture: a recommendation list never makes a finding, masked names stay null,
member-wall words never end up inside a party name. Pages written here, in our own words."""

from __future__ import annotations

from tenderwatch.notice.furniture import clean_value, drop_type_prefix, furniture_zones
from tenderwatch.pipeline import process_bytes

PAGE = """<html><head><meta charset="utf-8"><title>成交|临川师范学院多媒体教室投影仪采购项目成交公告</title></head><body>
<div class="crumb">首页 / 商机 / 正文</div>
<h1>成交|临川师范学院多媒体教室投影仪采购项目成交公告</h1>
<p>一、项目编号：LCSF-2024-0611</p>
<p>二、成交信息：成交供应商：抚州****电子有限公司 开通会员查看完整名称；成交金额：286,000.00元</p>
<p>三、主要标的：激光投影仪24台</p>
<p>四、采购人：临川师范学院</p>
<p>发布时间：2024-06-11</p>
<div class="side"><h3>猜你喜欢</h3>
<ul><li>中标|某大学H100 GPU服务器采购成交公告</li><li>招标|某研究院A800训练服务器采购项目</li>
<li>采购|某中心RTX 4090显卡采购询价</li></ul></div>
<div class="foot">客服热线 400-000-0000</div>
</body></html>"""


def test_recommendation_list_on_an_aggregator_page_makes_no_finding() -> None:
    (result,) = process_bytes(PAGE.encode("utf-8"), "page.html")
    assert result.failure is None
    assert not result.relevant
    assert [f.item for f in result.findings] == []


def test_masked_supplier_stays_null() -> None:
    (result,) = process_bytes(PAGE.encode("utf-8"), "page.html")
    assert result.notice is not None
    assert [s.value for s in result.notice.suppliers] == []


def test_member_wall_words_are_cut_from_a_name() -> None:
    assert clean_value("赣江数算科技有限公司 开通VIP会员查看") == "赣江数算科技有限公司"
    assert clean_value("赣江数算科技有限公司(登录后可见)") == "赣江数算科技有限公司"
    assert clean_value("江西****科技有限公司") is None
    assert clean_value("赣江数算科技有限公司") == "赣江数算科技有限公司"


def test_a_listing_zone_stops_at_the_notice_labels() -> None:
    text = "相关公告\n某大学H100服务器采购公告\n\n采购人:某某学院\n采购需求:A100显卡2块\n"
    zones = furniture_zones(text)
    assert len(zones) == 1
    start, end = zones[0]
    assert "H100" in text[start:end] and "A100" not in text[start:end]


def test_rental_words_in_a_recommendation_list_do_not_make_the_notice_a_rental() -> None:
    text = """【招标公告】江屿市数据局GPU训练服务器采购项目
项目编号：JY-2024-031
采购人：江屿市数据局
预算金额：1,200万元
采购需求：GPU训练服务器4台，每台配置8块NVIDIA H100 80GB SXM5
相关推荐
H100算力租赁服务项目竞争性磋商公告
某大学A800服务器采购项目中标结果公告
热门搜索
GPU服务器 算力租赁 H100 A800
"""
    (result,) = process_bytes(text.encode("utf-8"), "agg.txt")
    live = [(f.item, f.category) for f in result.findings if not f.negated]
    assert result.relevant and live == [("H100", "server")]


def test_an_aggregators_type_tag_gives_the_type_and_leaves_the_title() -> None:
    text = "【竞价公告】沧澜学院深度学习服务器采购\n采购人：沧澜学院\n采购需求：GPU服务器1台，配置4块A100 80GB\n"
    (result,) = process_bytes(text.encode("utf-8"), "tag.txt")
    notice = result.notice
    assert notice is not None and notice.title is not None
    assert notice.title.value == "沧澜学院深度学习服务器采购"
    assert notice.notice_type == "tender"
    assert drop_type_prefix("【重要提示】某大学服务器采购公告") == "【重要提示】某大学服务器采购公告"
    assert drop_type_prefix("某大学|采购公告") == "某大学|采购公告"


def test_recommendation_headings_count_only_at_a_line_start_including_the_texts_first_and_last_line() -> None:
    first = "相关推荐\n某大学GPU服务器采购公告\n某医院显卡采购"
    assert furniture_zones(first) == [(0, len(first))]
    last = "采购人:某大学\n猜你喜欢"
    assert furniture_zones(last) == [(last.index("猜"), len(last))]
    assert furniture_zones("本页相关推荐\n某大学GPU服务器采购公告") == []  # not at its line's start
