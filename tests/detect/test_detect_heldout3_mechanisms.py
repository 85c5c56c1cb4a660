"""Mechanisms behind the third held-out corpus: spec figure grammar, domestic words in ban
clauses, systems that contain the card, rented systems, Ti/SUPER names, Enflame parts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Runner = Callable[..., Any]

# (text, relevant): per-chip figures written in many ways (all H100/H200-class unless noted)
SPEC_VARIANTS = [
    ("GPU加速卡要求：FP16 (dense) ≥ 989 TFLOPS，显存80GB", True),
    ("加速卡参数：BF16稠密≥989T，显存≥96GB", True),
    ("推理卡：INT8 ≥ 3958 TOPS (稀疏)，功耗≤700W", True),
    ("智能计算卡要求 FP8 稀疏算力 3958，支持NVLink", True),
    ("GPU卡：峰值 FP16 Tensor 算力 989.5 TFLOPS", True),
    ("加速卡：单卡半精度(FP16)算力不低于312TFLOPS", True),            # A100-class, TPP 4992
    ("加速卡：单卡半精度算力不低于312 TFLOPS", True),                 # 半精度 alone means FP16
    ("加速卡：FP16/BF16 稠密算力 ≥ 989 TFLOPS（不计稀疏）", True),     # joint label
    # FP32 / FP64 are not tensor formats for TPP: a big FP64 figure alone is not a lead
    ("加速卡：双精度(FP64)算力≥67 TFLOPS，单精度FP32算力≥134 TFLOPS", False),
    # a figure for FP32 next to a small FP16 one: only the FP16 one counts (TPP 2368)
    ("计算卡：FP32 算力 ≥ 300 TFLOPS，FP16算力 148 TFLOPS", False),
    # a T after the number that means terabytes of storage is not a figure
    ("GPU服务器：FP16 显存 80GB，存储 ≥ 960T", False),
]


@pytest.mark.parametrize(("text", "relevant"), SPEC_VARIANTS)
def test_spec_figure_variants(detect_text: Runner, text: str, relevant: bool) -> None:
    result = detect_text(text, date="2025-03-01")
    assert result.relevant is relevant, [f.reason for f in result.findings]


def test_sparsity_named_in_the_next_clause_does_not_halve_this_figure(detect_text: Runner) -> None:
    result = detect_text("加速卡：FP16算力≥330 TFLOPS，支持结构化稀疏", date="2025-03-01")
    assert result.relevant
    spec = [f for f in result.findings if f.item is None]
    assert spec and "FP16 330 dense" in spec[0].reason


def test_sparsity_written_right_after_the_figure_halves_it(detect_text: Runner) -> None:
    result = detect_text("加速卡：FP16算力≥330 TFLOPS（稀疏）", date="2025-03-01")
    assert not result.relevant


def test_domestic_word_in_a_ban_clause_does_not_make_the_spec_domestic(detect_text: Runner) -> None:
    text = ("计算节点3台（拒绝国产化替代产品）：\n每台配备8个GPU模块，SXM5接口；\n"
            "每个GPU：BF16 稠密 ≥ 989 TFLOPS，HBM3 80GB")
    result = detect_text(text, date="2025-03-01")
    assert result.relevant
    assert result.categories == ["server"]


def test_spec_in_a_domestic_notice_stays_domestic(detect_text: Runner) -> None:
    result = detect_text("采购国产昇腾训练服务器，单卡FP16算力≥320 TFLOPS", date="2025-03-01")
    assert not result.relevant


# A system bought with the card inside is a server; a card bought alone is a chip.
CONTAINMENT = [
    ("设计工作站2台，每台配备NVIDIA RTX 4090 24GB显卡2张，64GB内存", ["server"]),
    ("渲染主机：内置GeForce RTX 4090显卡×2，i9处理器，5台", ["server"]),
    ("AI开发整机（含RTX 4090 24G显卡1块）10套", ["server"]),
    ("RTX 4090显卡8块，用于现有工作站升级", ["chip"]),
    ("为现有图形工作站配置RTX 4090显卡6张", ["chip"]),
    ("显卡：NVIDIA GeForce RTX 4090 24G，共12块", ["chip"]),
]


@pytest.mark.parametrize(("text", "categories"), CONTAINMENT)
def test_system_containing_the_card(detect_text: Runner, text: str, categories: list[str]) -> None:
    result = detect_text(text, date="2024-06-01")
    assert result.relevant
    assert result.categories == categories, [f.reason for f in result.findings]


def test_renting_a_rack_system_is_rental_only(detect_text: Runner) -> None:
    text = ("项目内容：租用海外智算中心DGX B200整机算力（总计64颗B200 GPU），租期6个月，"
            "由供应商负责网络接入。")
    result = detect_text(text, date="2026-01-10")
    assert result.relevant
    assert result.categories == ["rental"]
    assert result.items == ["B200"]


def test_system_word_governed_by_rental_does_not_make_the_gpus_a_server(detect_text: Runner) -> None:
    text = ("租用海外（日本东京或韩国首尔）第三方数据中心GB200 NVL72整机柜算力，不少于3个机柜"
            "（合计216颗B200 GPU），租期2个月。")
    result = detect_text(text, date="2026-01-10")
    assert result.categories == ["rental"]
    assert result.items == ["B200", "GB200"]


def test_rented_rack_names_both_superchip_and_gpu(detect_text: Runner) -> None:
    text = "租赁境外GB200 NVL72机柜算力3个月，共2个机柜，合计144颗B200 GPU，按月结算"
    result = detect_text(text, date="2026-01-10")
    assert result.categories == ["rental"]
    assert result.items == ["B200", "GB200"]


def test_superchip_alone_is_not_its_gpu(detect_text: Runner) -> None:
    result = detect_text("采购GB200 NVL72整机柜1套", date="2026-01-10")
    assert result.items == ["GB200"]
    assert result.categories == ["server"]


def test_renting_a_room_to_deploy_bought_servers_is_not_rental(detect_text: Runner) -> None:
    result = detect_text("租用机房部署H100 GPU服务器4台", date="2024-06-01")
    assert result.categories == ["server"]


# Ti / SUPER suffixes stay in the item name, for every card family.
SUFFIXES = [
    ("办公电脑显卡更换为RTX 4060 Ti 16G，共30块", "RTX 4060 Ti"),
    ("显卡：GeForce RTX 3060Ti 8GB，10张", "RTX 3060 Ti"),
    ("显卡 RTX 3070 Ti 8G 4块", "RTX 3070 Ti"),
    ("显卡：RTX 4070 Ti SUPER 16GB，2张", "RTX 4070 Ti SUPER"),
    ("显卡：RTX 4070 Ti 12GB，2张", "RTX 4070 Ti"),
    ("显卡 RTX 4080 SUPER 16G 2张", "RTX 4080 SUPER"),
    ("显卡：NVIDIA RTX 4060 8GB，20张", "RTX 4060"),
]


@pytest.mark.parametrize(("text", "item"), SUFFIXES)
def test_ti_and_super_are_kept(detect_text: Runner, text: str, item: str) -> None:
    result = detect_text(text, date="2024-06-01")
    assert result.items == [item]
    assert not result.relevant


# Enflame parts (domestic): named, never relevant.
ENFLAME = [
    ("燧原S60推理卡10张", "Enflame S60"),
    ("Enflame S60 加速卡 8 块", "Enflame S60"),
    ("云燧i10训练卡4块", "Enflame i10"),
    ("燧原云燧T21加速卡 16 张", "Enflame T21"),
    ("燧原T10训练卡2块", "Enflame T10"),
    ("采购燧原邃思2.5芯片加速卡", "Enflame DTU"),
]


@pytest.mark.parametrize(("text", "item"), ENFLAME)
def test_enflame_parts(detect_text: Runner, text: str, item: str) -> None:
    result = detect_text(text, date="2025-06-01")
    assert result.items == [item]
    assert not result.relevant


def test_enflame_rental_is_not_relevant(detect_text: Runner) -> None:
    result = detect_text("采购燧原S60加速卡算力服务，共计5万卡时", date="2025-06-01")
    assert not result.relevant
    assert result.items == ["Enflame S60"]


def test_s60_without_brand_is_not_enflame(detect_text: Runner) -> None:
    result = detect_text("车辆：沃尔沃S60一辆，GPU导航", date="2025-06-01")
    assert result.items == []


def test_kunlunxin_names(detect_text: Runner) -> None:
    assert detect_text("昆仑芯R200推理卡4张").items == ["Kunlunxin R200"]
    assert detect_text("昆仑芯P800加速卡8张").items == ["Kunlunxin P800"]


def test_uncatalogued_suffix_is_kept_in_the_name(detect_text: Runner) -> None:
    result = detect_text("显卡：GeForce RTX 3080 SUPER 10GB，3张", date="2024-06-01")
    assert result.items == ["RTX 3080 SUPER"]


def test_requirement_on_the_card_of_a_bought_system_stays_server(detect_text: Runner) -> None:
    text = "设计工作站3台，每台配备RTX 4090显卡2张。\n技术说明：所供显卡须为NVIDIA原厂RTX 4090，不接受改装卡。"
    result = detect_text(text, date="2024-06-01")
    assert result.categories == ["server"]


def test_separately_counted_cards_of_the_same_model_stay_chips(detect_text: Runner) -> None:
    text = "GPU服务器2台，每台配置8块A100。\n另购A100加速卡4块，用于现有服务器扩容。"
    result = detect_text(text, date="2024-06-01")
    assert result.categories == ["chip", "server"]
