"""Table-driven cases for the collisions of controlled-compute.md §4 and the task brief."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Runner = Callable[..., Any]

# (text, relevant, categories, items)
CHIP_CASES = [
    # plain purchases, spellings
    ("采购英伟达A100 80G显卡4张，用于模型训练。", True, ["chip"], ["A100"]),
    ("GPU计算卡：NVIDIA Tesla A100-SXM4-80GB，数量2块", True, ["chip"], ["A100"]),
    ("英伟达Ａ１００　80G　PCIe 加速卡８块", True, ["chip"], ["A100"]),
    ("采购8卡A800服务器2台，每台8×A800 80GB", True, ["server"], ["A800"]),
    ("整机型号: HGX H100 8-GPU，GPU数量: 8卡", True, ["server"], ["H100"]),
    ("GPU服务器：8×NVIDIA H200 141GB SXM（HGX H200 8-GPU）1台", True, ["server"], ["H200"]),
    ("NVIDIA DGX H100 系统 1套", True, ["server"], ["H100"]),
    ("深圳现货 H100 8卡服务器 2台 全新", True, ["server"], ["H100"]),
    ("AI训练加速卡：NVIDIA L40S 48GB，8块", True, ["chip"], ["L40S"]),
    ("推理卡：NVIDIA L40 48GB GDDR6，4块", True, ["chip"], ["L40"]),
    ("推理卡：NVIDIA L4 24GB，16块", True, ["chip"], ["L4"]),
    ("GPU：英伟达H20 96GB HBM3，16块", True, ["chip"], ["H20"]),
    ("HGX H20A HBM3 96GB 8-GPU服务器", True, ["server"], ["H20"]),
    ("深度学习显卡 NVIDIA GeForce RTX 4090 24GB 10块", True, ["chip"], ["RTX 4090"]),
    ("采购4090显卡两张，用于实验室。", True, ["chip"], ["RTX 4090"]),
    ("专业图形卡 NVIDIA RTX 6000 Ada Generation 48GB 2块", True, ["chip"], ["RTX 6000 Ada"]),
    ("GPU服务器 超微 AS-8125GS-TNMR2（8×AMD Instinct MI300X 192GB）4台", True, ["server"], ["MI300X"]),
    ("加速卡 AMD Instinct MI250X 128GB 4块", True, ["chip"], ["MI250X"]),
    ("英特尔（Intel）Gaudi 2 AI加速卡，型号HL-225B，8块", True, ["chip"], ["Gaudi 2"]),
    ("NVIDIA GB200 NVL72 机柜式系统 1套", True, ["server"], ["GB200"]),
    ("提供基于NVIDIA H 100 SXM5 80GB GPU的智算资源，累计不少于50,000卡时", True, ["rental"], ["H100"]),
    ("A100*8 节点（单卡80G显存）2台", True, ["server"], ["A100"]),
    ("輝達H100加速卡 2塊", True, ["chip"], ["H100"]),
    # uncontrolled and domestic parts: items, never relevant
    ("推理加速卡 NVIDIA A10 24GB 4块；A10-24G PCIe", False, [], ["A10"]),
    ("NVIDIA Tesla T4 16GB 推理卡 4块", False, [], ["T4"]),
    ("GPU服务器 NF5288M5（8×Tesla V100-SXM2-32GB）", False, [], ["V100"]),
    ("推理加速卡 NVIDIA L20 48GB 4块；NVIDIA L2 24GB 6块", False, [], ["L2", "L20"]),
    ("iGame GeForce RTX 4090 D Advanced OC 24GB 显卡 2块", False, [], ["RTX 4090D"]),
    ("工作站配置 NVIDIA GeForce RTX 4090D 24GB", False, [], ["RTX 4090D"]),
    ("显卡 RTX 4090-D 24G 2块", False, [], ["RTX 4090D"]),
    ("Atlas 800T A2训练服务器（8×昇腾910B 64GB）", False, [], ["Ascend 910B"]),
    ("8块海光DCU加速卡（深算系列）", False, [], ["Hygon DCU"]),
    ("8×寒武纪思元370（MLU370-X8）", False, [], ["Cambricon MLU370"]),
    # both variants in one notice
    ("包1：GeForce RTX 4090原版显卡（非D版）4块；包2：GeForce RTX 4090D 24G 4块", True, ["chip"],
     ["RTX 4090", "RTX 4090D"]),
]

NEGATIVE_CASES = [
    # identifiers, UUIDs, phone numbers, project numbers
    "项目编号：ZJHX-A1003-2024016，采购台式计算机30台。",
    "项目编号：SCIT-ZG(Z)-2024090167；联系电话：028-84090356",
    "附件：3f2a100b-9c1d-4e2f-a800-4090ab12cd34.pdf 采购打印机",
    "采购计划编号：330110-2024-04090-1，采购办公电脑",
    "项目编号：YHJY-2024-4090，采购台式计算机（集成显卡）",
    "publishUuid=373537a100724b0fa1d6ae739aeabfa1 算力中心装修",
    # rooms, floors, cabinets
    "理科楼H100报告厅声学装修改造工程，投标人在H100开标室开标。",
    "行政楼H20会议室音视频系统改造项目",
    "实验楼H100、H102实验室通风橱采购",
    "安装于科研楼L4层数据机房L40号机柜内现有服务器",
    # other meanings
    "固定翼无人机 A800（翼展3.2m，续航≥180min，最大起飞重量32kg）2架",
    "电磁流量计 恒测 MI300-DN200-E2（一体式，IP68） 12台",
    "核心交换机支持L2/L3协议，48个千兆口",
    # ban / exclusion clauses
    "所投加速卡须为国产产品，不接受英伟达（NVIDIA）A100、H100、H20、L20及AMD Instinct系列等境外GPU产品。",
    "整机及加速卡不得采用英伟达（NVIDIA）、AMD等境外品牌GPU或加速卡。",
    "禁止使用NVIDIA H800、A800等受出口管制的产品",
    # comparisons and news
    "国产训练卡性能不低于英伟达A100，FP16算力≥280 TFLOPS（国产）",
    "据路透社报道，英伟达H20芯片对华销售受限。本项目采购办公桌椅。",
    # prices, building names
    "显卡 GTX 1660 2块，单价4090元",
    "盐城市城市算力中心一期项目施工总承包招标公告",
    "Markdown note: `A100` and `4090` appear only inside IDs.",
]


@pytest.mark.parametrize(("text", "relevant", "categories", "items"), CHIP_CASES)
def test_chip_cases(detect_text: Runner, text: str, relevant: bool, categories: list[str], items: list[str]) -> None:
    result = detect_text(text, "2024-06-01")
    assert (result.relevant, result.categories, result.items) == (relevant, categories, items)


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_negatives(detect_text: Runner, text: str) -> None:
    result = detect_text(text, "2024-06-01")
    assert not result.relevant
    assert [i for i in result.items if i not in {"L20", "L2"}] == []


def test_quantity_floor_is_not_a_comparison(detect_text: Runner) -> None:
    result = detect_text("GPU：不低于8块NVIDIA A100 80GB PCIe", "2023-05-01")
    assert result.relevant and result.items == ["A100"]


def test_ban_trigger_far_away_does_not_negate(detect_text: Runner) -> None:
    text = "投标人不得将本项目转包或分包给其他单位，中标人须按合同约定按时交付全部货物并负责安装调试8块A100显卡"
    assert detect_text(text).relevant


def test_negated_findings_are_kept_with_reason(detect_text: Runner) -> None:
    result = detect_text("不接受英伟达（NVIDIA）H100等境外GPU产品", "2025-01-01")
    assert not result.relevant
    assert result.findings and all(f.negated for f in result.findings)
    assert "ban" in result.findings[0].reason


def test_finding_spans_point_into_source_text(detect_text: Runner) -> None:
    text = "采购 英伟达 Ｈ１００ 加速卡 2块"
    result = detect_text(text, "2024-01-01")
    finding = next(f for f in result.findings if f.item == "H100")
    assert text[finding.start:finding.end] == "Ｈ１００"
    assert "Ｈ１００" in finding.evidence
    assert finding.quantity is None or finding.quantity == 2


# Wider spellings and contexts a differently written corpus may use.
MORE_CASES = [
    ("GPU伺服器：NVIDIA H100 80GB PCIe × 8（輝達）", True, ["server"], ["H100"]),
    ("Supply of four (4) NVIDIA A100 80GB PCIe GPU cards", True, ["chip"], ["A100"]),
    ("GPU卡：NVIDIA H-100 80GB，8块", True, ["chip"], ["H100"]),
    ("GPU：A100x8，NVLink互联", True, ["chip"], ["A100"]),
    ("采购NVIDIA H100/H800 80GB GPU加速卡 4块", True, ["chip"], ["H100", "H800"]),
    ("本项目对现有8台A100服务器进行存储扩容，采购分布式存储1套", False, [], []),
    ("所投GPU除英伟达A100外均可，须为国产加速卡", False, [], []),
    ("GPU卡须为国产，B200会议室开标", False, [], []),
]


@pytest.mark.parametrize(("text", "relevant", "categories", "items"), MORE_CASES)
def test_more_cases(detect_text: Runner, text: str, relevant: bool, categories: list[str],
                    items: list[str]) -> None:
    result = detect_text(text, "2024-06-01")
    assert (result.relevant, result.categories, result.items) == (relevant, categories, items)


def test_title_decides_system_or_card(detect_text: Runner) -> None:
    line = "GPU卡：8块NVIDIA A100 80GB SXM4"
    assert detect_text(line, "2023-05-01", title="深度学习GPU服务器采购项目").categories == ["server"]
    assert detect_text(line, "2023-05-01", title="深度学习工作站显卡采购项目").categories == ["chip"]


@pytest.mark.parametrize("text", [
    "L4级自动驾驶计算平台（GPU）研发服务",
    "国产加速卡以英伟达A100为基准，性能不低于其80%",
    "二层交换机（L2，24口千兆电口，GPU机房用）",
])
def test_other_meanings_and_yardsticks(detect_text: Runner, text: str) -> None:
    assert not detect_text(text, "2025-01-01").relevant


def test_atlas_inference_server_is_ascend(detect_text: Runner) -> None:
    assert detect_text("华为Atlas 800I A2推理服务器 4台", "2025-01-01").items == ["Ascend 910B"]


def test_reference_model_is_what_is_bought(detect_text: Runner) -> None:
    result = detect_text("GPU加速卡 参考型号：NVIDIA A100 80GB PCIe，数量4块", "2023-03-01")
    assert result.relevant and result.items == ["A100"]


def test_allowed_substitute_is_bought(detect_text: Runner) -> None:
    result = detect_text("GPU卡：NVIDIA H800 80GB 4块；可接受替代型号：NVIDIA A800 80GB", "2023-06-01")
    assert result.relevant and result.items == ["A800", "H800"]
