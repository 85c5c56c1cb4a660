"""TPP / PD from figures and the spec-only decision (controlled-compute.md §1.1, §1.2, §4.4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tenderwatch.detect.rules import latest_thresholds, thresholds_on
from tenderwatch.detect.specs import classify, tpp_of

Runner = Callable[..., Any]

# (precision, figure, sparse, expected TPP): the reference table's values
TPP_CASES = [
    ("fp16", 989, False, 15824),        # H100 SXM FP16 dense
    ("fp8", 1979, False, 15832),        # H100 SXM FP8 dense (the reference example)
    ("fp16", 1979, True, 15832),        # H100 FP16 quoted sparse: halve
    ("fp16", 312, False, 4992),         # A100
    ("int8", 624, False, 4992),         # A100 INT8
    ("int8", 1248, True, 4992),         # A100 INT8 sparse
    ("fp16", 148, False, 2368),         # H20
    ("fp16", 119.5, False, 1912),       # L20
    ("fp16", 96.5, False, 1544),        # L2
    ("fp8", 660.6, False, 5284.8),      # RTX 4090
    ("bf16", 1835, False, 29360),       # Gaudi 3
]


@pytest.mark.parametrize(("precision", "figure", "sparse", "expected"), TPP_CASES)
def test_tpp(precision: str, figure: float, sparse: bool, expected: float) -> None:
    assert tpp_of(precision, figure, sparse) == pytest.approx(expected)


# (TPP, PD, I/O GB/s, date, class): the Oct 2022 and Oct 2023 thresholds
CLASS_CASES = [
    (4992, 6.04, 600, "2023-01-01", "3A090.a"),    # A100 under the 2022 rule
    (4992, 6.04, 400, "2023-01-01", None),         # A800: NVLink 400 GB/s passed the 2022 test
    (4992, 6.04, 400, "2024-01-01", "3A090.a"),    # A800 under the 2023 rule
    (2368, 2.9, 900, "2024-06-01", None),          # H20 below both tiers
    (1912, 3.14, None, "2024-06-01", None),        # L20: PD just under 3.2
    (1936, 6.6, None, "2024-06-01", "3A090.a"),    # L4: PD prong
    (2896, 4.76, None, "2024-06-01", "3A090.b"),   # L40
    (5285, None, None, "2024-06-01", "3A090.a"),   # RTX 4090 (TPP only)
    (4707, None, None, "2024-06-01", None),        # RTX 4090D
    (15832, 19.4, 900, "2021-01-01", None),        # before any rule
]


@pytest.mark.parametrize(("tpp", "pd", "io", "date", "expected"), CLASS_CASES)
def test_classify(tpp: float, pd: float | None, io: float | None, date: str, expected: str | None) -> None:
    assert classify(tpp, pd, io, thresholds_on(date)) == expected


def test_latest_thresholds_are_oct_2023() -> None:
    assert latest_thresholds().name.startswith("Oct 2023")


# (text, relevant, categories)
SPEC_CASES = [
    ("每台配置8块GPU加速卡，采用SXM模组形态；单卡FP16/BF16 Tensor稠密算力≥989 TFLOPS（不含稀疏），"
     "FP8稠密算力≥1979 TFLOPS；单卡显存≥80GB HBM3", True, ["server"]),
    ("GPU：每台8卡；单卡FP16/BF16 Tensor Core稠密算力≥312 TFLOPS（不含稀疏加速），单卡显存≥80GB HBM2e，"
     "NVLink≥600GB/s", True, ["server"]),
    ("GPU加速卡2块，单卡FP16算力≥1979 TFLOPS（稀疏）", True, ["chip"]),
    ("GPU加速卡2块，单卡FP16 Tensor算力≥0.3 PFLOPS", True, ["chip"]),
    ("推理卡4块，单卡FP16算力≥119.5 TFLOPS，显存48GB GDDR6", False, []),
    ("推理卡4块，单卡INT8算力≥1248 TOPS（稀疏）", True, ["chip"]),
    ("8×国产训练加速卡（单卡FP16稠密算力≥280 TFLOPS，显存≥64GB HBM）", False, []),
    ("昇腾训练服务器：单卡FP16算力≥320 TFLOPS，8卡", False, []),
    ("整机FP16算力≥2.5 PFLOPS，8卡服务器", False, []),
    ("边缘计算盒子，算力≥200 TOPS", False, []),
]


@pytest.mark.parametrize(("text", "relevant", "categories"), SPEC_CASES)
def test_spec_only(detect_text: Runner, text: str, relevant: bool, categories: list[str]) -> None:
    result = detect_text(text, "2025-02-19")
    assert (result.relevant, result.categories, result.items) == (relevant, categories, [])


def test_spec_status_names_the_rule_in_force(detect_text: Runner) -> None:
    text = "GPU：每台8卡；单卡FP16稠密算力≥312 TFLOPS，NVLink≥600GB/s"
    finding = detect_text(text, "2023-11-08").findings[0]
    assert "Oct 2022 IFR" in finding.control_status and "87 FR 62186" in finding.rule
    later = detect_text(text, "2024-02-01").findings[0]
    assert "Oct 2023" in later.control_status and "88 FR 73458" in later.rule


def test_named_part_wins_over_figures(detect_text: Runner) -> None:
    result = detect_text("NVIDIA L20 48GB 推理卡 4块；FP16算力≥239 TFLOPS（稀疏）", "2024-08-07")
    assert not result.relevant and result.items == ["L20"]
