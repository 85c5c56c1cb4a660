"""Normalisation keeps a faithful map back to the source characters."""

from __future__ import annotations

import pytest

from tenderwatch.normalize import normalize

CASES = [
    # (source, normalised text)
    ("采购人：清华大学", "采购人:清华大学"),
    ("Ａ１００ 显卡８块", "A100 显卡8块"),
    ("輝達伺服器採購", "辉达伺服器采购"),
    ("电竞云网咖 算 力 服务", "电竞云网咖算力服务"),
    ("名 称：示例大学", "名称:示例大学"),
    ("H 100 与 RTX 4090 D", "H 100 与 RTX 4090 D"),
    ("第①包", "第1包"),
    ("价格……㎡", "价格……㎡"),
    ("plain ascii A100", "plain ascii A100"),
    ("", ""),
    ("華為昇騰910B", "华为昇腾910B"),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_normalised_text(source: str, expected: str) -> None:
    assert normalize(source).text == expected


@pytest.mark.parametrize("source", [case[0] for case in CASES])
def test_every_normalised_char_maps_back(source: str) -> None:
    norm = normalize(source)
    for index, char in enumerate(norm.text):
        start, end = norm.to_source(index, index + 1)
        assert 0 <= start < end <= len(source)
        original = source[start:end]
        assert normalize(original).text.strip() == char.strip() or char in normalize(original).text


def test_span_of_a_word_maps_to_its_source_span() -> None:
    source = "本项目采购ＮＶＩＤＩＡ Ａ１００ 40GB 显卡"
    norm = normalize(source)
    begin = norm.text.index("A100")
    start, end = norm.to_source(begin, begin + 4)
    assert source[start:end] == "Ａ１００"


def test_spaced_word_span_covers_the_spaces() -> None:
    source = "提供 算 力 服务"
    norm = normalize(source)
    begin = norm.text.index("算力服务")
    start, end = norm.to_source(begin, begin + 4)
    assert source[start:end] == "算 力 服务"
def test_source_map_after_cuts_points_at_each_character() -> None:
    """The compact map (where characters were cut) gives every normalised character its source place."""
    source = "名 称:算  力 服务 A B 中\u3000文"
    norm = normalize(source)
    assert norm.text == "名称:算力服务 A B 中文" and not norm.identity
    for at, char in enumerate(norm.text):
        start, end = norm.to_source(at, at + 1)
        assert end == start + 1 and source[start] == char
    assert norm.to_source(0, len(norm.text)) == (0, len(source))
    assert norm.to_source(-5, 99) == (0, len(source))
    assert normalize("").to_source(0, 0) == (0, 0)


def test_fold_of_the_text_just_normalised_is_its_own_fold() -> None:
    """fold() reuses the NFKC + simplified form of the last long text normalised: same result as a
    fresh fold of an equal text (another object), and a different text is not mistaken for it."""
    from tenderwatch.normalize.text import fold, normalize

    text = "深圳大學採購ＧＰＵ伺服器 Ａ１００ 八台。" * 40
    normalize(text)
    fresh = "".join(list(text))  # equal, but another object: folded from scratch
    assert fresh is not text
    assert fold(text) == fold(fresh)
    assert fold(text).startswith("深圳大学采购gpu伺服器 a100")
    other = text.replace("八", "九")
    assert fold(other) == fold("".join(list(other))) != fold(text)


@pytest.mark.parametrize("text", [
    "采购人：清华大学，预算￥100万元－含税",  # only characters the str.replace step maps
    "清华大学采购服务器" * 20,  # nothing to change: both passes skipped
    "清华大学采购服务器" * 20 + "Ａ１００",  # an NFKC character late in the text
    "清华大学采购服务器" * 20 + "伺服器採購",  # a traditional character late in the text
    "Ｈ８００" + "清华大学" * 20 + "輝達",  # an NFKC character first, a traditional one far after it
    "第①包：②③④⑤ ⑥",
    "華為昇騰910B" + "深圳" * 30,
])
def test_steps_one_and_two_match_their_definition(text: str) -> None:
    """The shortcut (one scan for any character either step may change, then both steps from the first
    one) gives what NFKC one for one, then t2s over the whole text, gives."""
    import unicodedata

    from tenderwatch.normalize.text import _simplify, _t2s

    def one_for_one(char: str) -> str:
        mapped = unicodedata.normalize("NFKC", char)
        return mapped if len(mapped) == 1 else char

    assert _simplify(text) == _t2s("".join(map(one_for_one, text)))
