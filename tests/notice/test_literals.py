"""The literal gate: a pattern it skips has no match (exact), and it skips what cannot match."""

from __future__ import annotations

import re

import pytest

import tenderwatch.notice.literals as literals
import tenderwatch.notice.places as places
from tenderwatch.notice.dockind import kind_vocab
from tenderwatch.notice.literals import LiteralGate, required

CASES = [
    (r"本(?:项目|次采购)", {"本项目", "本次采购"}),  # "本" joined to each branch
    (r"(共(?:找到|有)\d+条|搜索结果)", {"共找到", "共有", "搜索结果"}),  # a single "共" would match nearly every text
    (r"[甲乙]方(?:代表|签字)", {"甲方代表", "甲方签字", "乙方代表", "乙方签字"}),
    (r"(?i)(according to |people familiar)", {"according to ", "people familiar"}),
    (r"(?m)^[ \t]*(项目编号|采购人)[:：]", {"项目编号:", "项目编号：", "采购人:", "采购人："}),
    (r"(?:a|)bc", {"bc"}),
    (r"x?", None),
    (r"[年月]\d+", {"年", "月"}),
    (r"(?=采购)\w+", None),  # a lookahead's text is not part of the match: not used
    (r"(?i)straße", {"stra"}),  # a cased non-ASCII letter under (?i) is not used
]


def test_required_strings() -> None:
    for pattern, expected in CASES:
        found = required(re.compile(pattern))
        assert (None if found is None else set(found)) == expected, pattern


def test_case_folding_covers_what_re_ignorecase_matches() -> None:
    gate = LiteralGate([re.compile(r"(?i)in"), re.compile(r"(?i)sk")])
    for text in ("IN", "İn", "ın", "ſK", "SK"):
        possible = gate.possible(text)
        for index, pattern in enumerate((r"(?i)in", r"(?i)sk")):
            if re.search(pattern, text):
                assert index in possible, (pattern, text)


def test_a_skipped_pattern_never_matches() -> None:
    patterns = [p for signal in kind_vocab().signals for p in signal.patterns]
    gate = LiteralGate(patterns)
    texts = ["本报讯 记者 曾立群", "项目编号:ABC-1\n采购人:某大学", "CITY, May 3 (Reuters) - Editing by X",
             "立即购买 ¥9.9/小时", "岗位职责 任职要求 五险一金", "A100 vs H100 参数对比", "证券代码:600000 特此公告", ""]
    for text in texts:
        possible = gate.possible(text)
        assert len(possible) < len(patterns)
        for index, pattern in enumerate(patterns):
            if index not in possible:
                assert pattern.search(text) is None, (pattern.pattern, text)


def test_a_changed_private_parser_runs_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """re's parser is private: should a Python release change it, no string is proven, the gate skips
    nothing, and results stay exact (slower, never wrong)."""

    class Broken:
        @staticmethod
        def parse(*_: object) -> object:
            raise TypeError("the parser changed")

    monkeypatch.setattr(literals, "P", Broken)
    patterns = [re.compile(r"本(?:项目|次采购)"), re.compile(r"(?i)according to ")]
    assert required(patterns[0]) is None
    assert LiteralGate(patterns).possible("nothing here") == {0, 1}
    monkeypatch.setattr(literals, "P", None)
    assert required(patterns[1]) is None


def test_occurrences_in_characters_overlapping_and_past_a_lone_surrogate() -> None:
    from tenderwatch.notice.literals import occurrences, searcher

    auto = searcher(["a100", "100", "英伟达"])
    # character offsets (not UTF-8 bytes), every overlapping occurrence
    assert sorted(occurrences(auto, "𝐀英伟达a100")) == [(0, 4, 8), (1, 5, 8), (2, 1, 4)]
    # a lone surrogate cannot be encoded: it matches nothing and the offsets stay the same
    assert sorted(occurrences(auto, "\ud800a100")) == [(0, 1, 5), (1, 2, 5)]


def test_occurrences_are_every_overlapping_place_of_every_string_in_characters() -> None:
    """Searched as UTF-8 bytes, each occurrence is still reported in characters, whatever the mix of
    one- to four-byte characters and lone surrogates before it."""
    import random

    from tenderwatch.notice.literals import occurrences, present, searcher

    strings = ["a1", "1", "英伟", "伟达", "英伟达", "𝐀a", "é", "aé"]
    auto = searcher(strings)
    rng = random.Random(7)
    alphabet = ["a", "1", "英", "伟", "达", "𝐀", "é", "\ud800", " "]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        expected = {(n, i, i + len(s)) for n, s in enumerate(strings)
                    for i in range(len(text)) if text.startswith(s, i)}
        found = occurrences(auto, text)
        assert sorted(found) == sorted(expected), text
        assert present(auto, text) == {n for n, _, _ in expected}, text



@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?<!卖方)出售", {"出售"}),
    (r"(?:算力|gpu)服务(?!器)", {"算力服务", "gpu服务"}),
    (r"\bfoo|bar", {"foo", "bar"}),
    (r"(欢迎[^\n]{0,3}单位|现(?:邀请|就))", {"欢迎", "现邀请", "现就"}),
    (r"VIP会员", {"vip会员"}),
    (r"ab?c", None),  # "a" alone: in most texts, many times
    (r"(?:元|¥|\$|美元)\s*/", {"元", "¥", "$", "美元"}),
    (r"(?:x|)yz", None),  # may start with "y"
    (r"(ab|cd)+x", None),
    (r"(?i)foo", None),
    (r"[^a]bc", None),
])
def test_leading_strings(pattern: str, expected: set[str] | None) -> None:
    found = places.leading(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


def test_a_pattern_run_where_its_leading_strings_occur_finds_what_finditer_finds() -> None:
    from tenderwatch.notice.dockind import _matches_at

    text = "现邀请供应商;现就本项目,欢迎各单位。现邀请现邀请 VIP会员 vip会员"
    for source in (r"(欢迎[^\n]{0,3}单位|现(?:邀请|就))", r"现邀请现邀请|现邀请", r"VIP会员"):
        pattern = re.compile(source)
        strings = places.leading(pattern)
        assert strings
        starts = sorted(at for s in strings for at in range(len(text)) if text.lower().startswith(s, at))
        assert [m.span() for m in _matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
