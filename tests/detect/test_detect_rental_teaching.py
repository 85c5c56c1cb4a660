"""Rental of a named class of capacity, teaching content about models, consumer/workstation parts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Runner = Callable[..., Any]

RENTAL_CLASS = [
    ("算力租赁：需提供性能不低于H100级的GPU资源，合计8000卡时", "H100"),
    ("本项目租用智算资源，每张加速卡算力不低于A800同等性能，服务期12个月", "A800"),
    ("采购算力服务：GPU单卡不低于NVIDIA H20（96GB）等级，共计3万卡时", "H20"),
]


@pytest.mark.parametrize(("text", "item"), RENTAL_CLASS)
def test_floor_class_in_rental_wording_is_rented(detect_text: Runner, text: str, item: str) -> None:
    result = detect_text(text)
    assert result.relevant
    assert result.categories == ["rental"]
    assert result.items == [item]


def test_floor_for_another_named_part_stays_a_comparison(detect_text: Runner) -> None:
    result = detect_text("推理服务器：配置8块昇腾910B加速卡，单卡性能不低于A100，含三年维保")
    assert not result.relevant
    a100 = [f for f in result.findings if f.item == "A100"]
    assert a100 and all(f.negated for f in a100)


def test_floor_without_rental_wording_stays_a_comparison(detect_text: Runner) -> None:
    result = detect_text("GPU加速卡：性能不低于H100，显存80GB")
    assert not result.relevant


def test_rented_part_next_to_another_spec_part_keeps_the_yardstick(detect_text: Runner) -> None:
    result = detect_text("租用8卡H800服务器的算力，单卡性能不低于A100，共5000卡时")
    assert result.items == ["H800"]
    assert result.categories == ["rental"]


TEACHING = [
    "培训安排：第三讲 讲解GPT-4、Claude与Gemini等模型的发展历程与差异",
    "本次讲座内容：Claude、ChatGPT等生成式AI工具的原理介绍及国内外对比",
    "教学模块涵盖ChatGPT、Gemini和文心一言、Kimi等大模型的比较",
]


@pytest.mark.parametrize("text", TEACHING)
def test_teaching_content_about_models_is_not_access(detect_text: Runner, text: str) -> None:
    result = detect_text(text)
    assert not result.relevant
    assert all(f.negated for f in result.findings if f.category == "ai_model")


def test_course_that_buys_api_access_still_counts(detect_text: Runner) -> None:
    result = detect_text("培训平台建设：采购Claude API调用额度，用于课程助教")
    assert result.relevant
    assert result.providers == ["Anthropic"]


PARTS = [
    ("图形工作站：英伟达 GeForce RTX 3090 24G 显卡 1块", "RTX 3090"),
    ("专业显卡 NVIDIA RTX A4000 16G，数量2", "RTX A4000"),
    ("渲染节点 GPU：NVIDIA RTX A6000 48GB ×2", "RTX A6000"),
    ("显卡：RTX 4070 Ti SUPER 16GB", "RTX 4070 Ti SUPER"),
    ("显卡：GeForce RTX 4080 SUPER 16G", "RTX 4080 SUPER"),
    ("NVIDIA RTX 4500 Ada 24GB 专业图形卡", "RTX 4500 Ada"),
]


@pytest.mark.parametrize(("text", "item"), PARTS)
def test_consumer_and_workstation_parts_are_items_not_leads(detect_text: Runner, text: str, item: str) -> None:
    result = detect_text(text)
    assert not result.relevant
    assert result.items == [item]
    assert all(not f.in_scope and not f.controlled for f in result.findings)


def test_bare_number_without_a_card_word_is_not_a_part(detect_text: Runner) -> None:
    result = detect_text("合同金额：3090元，交货期30天")
    assert result.items == []
