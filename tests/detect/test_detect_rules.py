"""Control status by notice date (rules.yaml; controlled-compute.md §1.3, §4.3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tenderwatch.detect.rules import clean_date, rule_status_on, status_on

Runner = Callable[..., Any]

# (group, date, substring of the status, substring of the citation)
STATUS_CASES = [
    ("a100_h100", "2021-10-19", "not controlled", "none"),
    ("a100_h100", "2022-09-01", "is-informed", "2022-08-26"),
    ("a100_h100", "2023-05-06", "3A090.a", "87 FR 62186"),
    ("a100_h100", "2024-01-16", "3A090.a", "88 FR 73458"),
    ("a800_h800", "2023-07-14", "not controlled", "87 FR 62186"),
    ("a800_h800", "2023-10-23", "since 2023-10-23", "88 FR 73458"),
    ("h20", "2024-05-10", "not controlled until 2025-04-09", "thresholds not met"),
    ("h20", "2025-06-18", "licence required", "2025-04-09"),
    ("h200", "2025-09-16", "presumption of denial", "88 FR 73458"),
    ("h200", "2026-02-06", "case-by-case", "2026-01-15"),
    ("oct2023", "2024-03-27", "licence required", "88 FR 73458"),
    ("uncontrolled", "2024-06-20", "not controlled", "thresholds not met"),
    ("remote_access", "2024-03-18", "not an export", "EAR"),
]


@pytest.mark.parametrize(("group", "date", "status", "citation"), STATUS_CASES)
def test_status_on(group: str, date: str, status: str, citation: str) -> None:
    text, rule = status_on(group, date)
    assert status in text and date in text
    assert citation in rule


def test_unknown_date_uses_latest_rule() -> None:
    text, rule = status_on("h20", None)
    assert "unknown" in text and "2025-04-09" in rule


@pytest.mark.parametrize(("raw", "clean"), [("2024-03-18", "2024-03-18"), ("2024-03", "2024-03-01"),
                                            ("18/03/2024", None), (None, None)])
def test_clean_date(raw: object, clean: str | None) -> None:
    assert clean_date(raw) == clean


def test_findings_carry_status_of_notice_date(detect_text: Runner) -> None:
    before = detect_text("16块NVIDIA H20 96GB加速卡", "2024-05-10").findings[0]
    after = detect_text("16块NVIDIA H20 96GB加速卡", "2025-06-18").findings[0]
    assert "not controlled until 2025-04-09" in before.control_status
    assert "licence required" in after.control_status
    assert before.in_scope and after.in_scope  # relevance does not depend on the date
    assert (before.rule_status, before.controlled) == ("restricted_later", False)
    assert (after.rule_status, after.controlled) == ("restricted", True)


def test_date_falls_back_to_text(detect_text: Runner) -> None:
    finding = detect_text("发布时间：2023年7月14日\nA800 80GB PCIe 加速卡 8块").findings[0]
    assert "2023-07-14" in finding.control_status and "not controlled" in finding.control_status


def test_gpu_system_without_named_gpu(detect_text: Runner) -> None:
    result = detect_text("Dell PowerEdge XE9680 GPU服务器 2台", "2024-08-26")
    finding = result.findings[0]
    assert result.relevant and result.categories == ["server"] and result.items == []
    assert "4A090" in finding.control_status and "88 FR 73458" in finding.rule


@pytest.mark.parametrize("text", ["", "A100", "`a100", "a100`", "非", "p4d", "aws", "claude", "FP16 989 TFLOPS",
                                  "不得", "H 100\n", "≥989TFLOPS（稀疏）", "gpt-4", "4090D"])
def test_edge_inputs_do_not_crash(detect_text: Runner, text: str) -> None:
    result = detect_text(text)
    assert isinstance(result.relevant, bool)


# (group, date, rule status): the export's machine-readable status (issue 9)
RULE_STATUS_CASES = [
    ("a100_h100", "2021-10-19", "restricted_later"),
    ("a100_h100", "2022-08-26", "restricted"),
    ("a800_h800", "2023-07-14", "restricted_later"),
    ("a800_h800", "2023-10-23", "restricted"),
    ("h20", "2025-04-08", "restricted_later"),
    ("h20", "2025-04-09", "restricted"),
    ("h200", "2026-02-06", "restricted"),
    ("uncontrolled", "2024-06-20", "not_restricted"),
    ("domestic_gp10", "2025-06-01", "not_restricted"),
    ("remote_access", "2026-02-01", "not_restricted"),
    ("a100_h100", None, "restricted"),  # no date: as of the latest rule, as the status text says
]


@pytest.mark.parametrize(("group", "date", "status"), RULE_STATUS_CASES)
def test_rule_status_on(group: str, date: str | None, status: str) -> None:
    assert rule_status_on(group, date) == status


@pytest.mark.parametrize(("text", "date", "status"), [
    ("采购NVIDIA A100 40GB加速卡8块", "2021-10-19", "restricted_later"),
    ("采购NVIDIA A100 40GB加速卡8块", "2024-01-16", "restricted"),
    ("采购英伟达H800 80GB加速卡4块", "2023-07-14", "restricted_later"),
    ("采购英伟达H800 80GB加速卡4块", "2023-12-01", "restricted"),
    ("采购NVIDIA Tesla T4 16GB推理卡2块", "2024-06-20", "not_restricted"),
    ("采购AWS云服务账号，可调用搭载A100的云服务器实例(p4d.24xlarge)", "2024-03-01", "not_restricted"),
    ("采购OpenAI GPT-4 API调用服务", "2024-03-01", "not_restricted"),
])
def test_findings_rule_status_and_controlled_agree(detect_text: Runner, text: str, date: str, status: str) -> None:
    live = [f for f in detect_text(text, date).findings if not f.negated]
    assert live, text
    for finding in live:
        assert finding.rule_status == status, (finding.item, finding.category)
        assert finding.controlled is (status == "restricted")


def test_document_rule_status_is_the_strongest() -> None:
    from tenderwatch.detect import doc_rule_status
    from tenderwatch.model import Finding

    def f(status: str, negated: bool = False) -> Finding:
        return Finding("chip", "X", None, "x", 0, 1, 0.9, negated=negated, rule_status=status)

    assert doc_rule_status([f("not_restricted"), f("restricted_later")]) == "restricted_later"
    assert doc_rule_status([f("restricted", negated=True), f("not_restricted")]) == "not_restricted"
    assert doc_rule_status([f("restricted_later"), f("restricted")]) == "restricted"
    assert doc_rule_status([]) is None
