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


@pytest.mark.parametrize("text", TEXTS)
def test_first_pass_places_run_the_kind_patterns_as_finditer(text: str) -> None:
    from tenderwatch.notice.dockind import _matches_at

    found = first_pass(text)
    if found.kind_starts is None:  # a text the gate searches itself
        return
    patterns = [p for signal in kind_vocab().signals for p in signal.patterns]
    for index in kind_vocab().starts:
        places = found.kind_starts.get(index, [])
        assert [m.span() for m in _matches_at(patterns[index], text, places)] == \
            [m.span() for m in patterns[index].finditer(text)]


def test_first_pass_leaves_places_unknown_where_lower_moves_characters() -> None:
    assert first_pass("İ 我单位 现邀请").kind_starts is None
    assert first_pass("我单位 现邀请").kind_starts
