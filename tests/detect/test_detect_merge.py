"""One finding per item and sentence with every mention kept; counts per unit (issue 9)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Runner = Callable[..., Any]


def test_six_aws_mentions_are_one_finding_with_six_spans(detect_text: Runner) -> None:
    text = ("采购亚马逊云AWS服务。AWS账号1个；AWS对象存储；AWS数据库服务；\n"
            "AWS技术支持；AWS培训服务。")
    result = detect_text(text, "2024-03-01")
    aws = [f for f in result.findings if f.provider == "AWS" and not f.negated and f.item is None]
    assert len(aws) == 1
    spans = [(m.start, m.end) for m in aws[0].mentions]
    assert len(spans) == 6 and spans == sorted(spans)
    assert all(text[s:e] in ("AWS", "亚马逊云") or "AWS" in text[s:e] for s, e in spans)
    assert (aws[0].start, aws[0].end) == spans[0]  # the finding's own span is its first mention


def test_same_item_in_two_sentences_stays_two_findings(detect_text: Runner) -> None:
    text = "第一包：NVIDIA A100 GPU 8块。\n第二包：NVIDIA A100 GPU 4块。"
    chips = [f for f in detect_text(text, "2024-03-01").findings if f.item == "A100"]
    assert sorted(f.quantity for f in chips) == [4, 8]  # lots keep their own counts


def test_cards_per_server_times_servers(detect_text: Runner) -> None:
    found = detect_text("采购GPU服务器2台，每台配置NVIDIA A100 80GB GPU 8块。", "2024-03-01").findings
    (a100,) = [f for f in found if f.item == "A100"]
    assert a100.quantity == 16
    assert "2台" in a100.quantity_note and "每台" in a100.quantity_note and "= 16" in a100.quantity_note


def test_cards_per_server_without_a_server_count_is_no_total(detect_text: Runner) -> None:
    found = detect_text("采购GPU服务器，每台配置NVIDIA A100 GPU 8块。", "2024-03-01").findings
    (a100,) = [f for f in found if f.item == "A100"]
    assert a100.quantity is None and "not given" in a100.quantity_note


def test_a_plain_count_is_kept(detect_text: Runner) -> None:
    (h100,) = detect_text("采购NVIDIA H100 GPU 16块", "2024-03-01").findings
    assert (h100.quantity, h100.quantity_note) == (16, "")
