"""The shared first pass gives exactly what the anchors and the document-kind gate find on their own."""

from __future__ import annotations

import pytest

from tenderwatch.detect.anchors import find_anchors
from tenderwatch.detect.firstpass import differing, first_pass
from tenderwatch.notice.dockind import kind_vocab

TEXTS = [
    "采购人:某某大学\n项目编号:ZB-2025-01\n采购需求:8块NVIDIA A100 GPU服务器,预算金额 120万元\n中标供应商:某公司",
    "本报讯 记者 张三 据悉,某公司发布H100算力租赁服务,元/卡时,欢迎咨询",
    "Straße ΟΔΟΣ Σ case: the final sigma lowers to ς, fold gives σ; AWS p4d 招标公告",
    "İstanbul and ıi: fold makes both i; nvidia h800 成交公告",
    "𝐀 outside the BMP 英伟达a100 采购意向",
    "\ud800a100 lone surrogate 项目名称",
    "ﬁ ligature, ǰ, ẞ, Ꭰ ꭰ: dgx h20 公告编号 特此公告",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_first_pass_is_both_searches(text: str) -> None:
    found = first_pass(text)
    assert found.low == text.lower()
    assert found.anchors == find_anchors(text.lower())
    assert found.kind_possible == kind_vocab().gate.possible(text)


def test_first_pass_finds_gate_strings_without_folding() -> None:
    text = TEXTS[0]
    assert kind_vocab().gate.possible(text) - kind_vocab().gate.always  # the gate has something to find here
    assert first_pass(text).kind_possible == kind_vocab().gate.possible(text)


def test_differing_characters() -> None:
    chars = set(differing())
    assert {"ß", "ς", "ı", "İ", "ſ", "ﬁ"} <= chars
    assert not chars & set("aZ中σé1")
