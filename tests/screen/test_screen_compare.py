"""compare(): decisions and reasons on the cases the issue names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tenderwatch.screen import compare
from tenderwatch.screen.vocab import vocab

MATCHES = [
    ("北京航空航天大学", "Beihang University", "match"),
    ("北航", "Beijing University of Aeronautics and Astronautics", "match"),
    ("国防科技大学", "Hunan Guofang Keji University", "match"),
    ("哈工大", "Harbin Institute of Technology", "match"),
    ("中科院计算所", "Chinese Academy of Sciences Institute of Computing Technology", "match"),
    ("四川大学", "Sichuan University", "match"),
    ("中国科学技术大学", "University of Science and Technology of China", "match"),
    ("南京航空航天大学", "Nanjing University of Aeronautics and Astronautics", "match"),
    ("中国航空发动机集团有限公司", "AERO ENGINE CORPORATION OF CHINA", "match"),
    ("西北工業大學", "西北工业大学", "match"),
    ("北京航空航天大学网络空间安全学院", "北京航空航天大学", "part_of"),
    ("国防科技大学计算机学院", "National University of Defense Technology", "part_of"),
    ("哈尔滨工业大学（深圳）", "Harbin Institute of Technology", "part_of"),
    ("华为技术有限公司深圳分公司", "华为技术有限公司", "part_of"),
]

NEAR_MISSES = [
    ("北京航空航天大学", "北京理工大学"),
    ("哈尔滨工业大学", "哈尔滨工程大学"),
    ("西北工业大学", "西北大学"),
    ("北京某某科技有限公司", "上海某某科技有限公司"),
    ("摩尔线程智能科技（上海）有限责任公司", "摩尔线程智能科技（北京）有限责任公司"),
    ("中国电子科技集团公司第二十八研究所", "中国电子科技集团公司第三十八研究所"),
    ("桂林电子科技大学", "电子科技大学"),
    ("University of Science and Technology of China", "University of Electronic Science and Technology of China"),
    ("Bank of China (Hong Kong) Limited", "Bank of China (Singapore) Limited"),
    # separately incorporated subsidiaries and a CAS institute vs all of CAS are not "part of"
    ("华为云计算技术有限公司", "华为技术有限公司"),
    ("中国科学院沈阳自动化研究所", "中国科学院"),
    # the whole university is not the listed centre
    ("清华大学", "Center for International Security and Strategy of Tsinghua University"),
]


@pytest.mark.parametrize(("a", "b", "relation"), MATCHES)
def test_matches(a: str, b: str, relation: str) -> None:
    result = compare(a, b)
    assert result.match, result.reasons
    assert result.relation == relation
    assert result.reasons


@pytest.mark.parametrize(("a", "b"), NEAR_MISSES)
def test_near_misses_stay_apart(a: str, b: str) -> None:
    result = compare(a, b)
    assert not result.match, result.reasons
    assert result.score < vocab().settings.threshold
    assert result.relation == "none"


def test_generic_cross_script_without_alias_entry() -> None:
    """Translation + pinyin, not the alias table: 新疆 = Xinjiang, 中北 = Zhongbei."""
    result = compare("新疆生产建设兵团", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS")
    assert result.match
    assert any("cross-script" in r or "alias" in r for r in result.reasons)
    pinyin = compare("深圳市大疆百旺科技有限公司", "Shenzhen Dajiang Baiwang Technology Co., Ltd.")
    assert pinyin.match and any("pinyin" in r for r in pinyin.reasons)


def test_uscc_identifiers() -> None:
    assert compare("9111000071093019X7", "9111000071093019X7").match
    assert not compare("9111000071093019X7", "91110000MA005UCQ5P").match


@pytest.mark.parametrize("bad", ["", "\x00\x01", "x" * 10_000, "中国 Huawei 华为 ###", "   "])
def test_bad_input_never_crashes(bad: str) -> None:
    result = compare(bad, "华为技术有限公司")
    assert 0.0 <= result.score <= 1.0
    assert result.reasons


def test_to_dict_is_json_ready() -> None:
    d = compare("四川大学", "Sichuan University").to_dict()
    assert set(d) == {"score", "match", "relation", "reasons"} and d["match"] is True


def test_leftover_legal_words_decided_as_word_by_word_comparison(bundled: object) -> None:
    """_legalish takes the best similarity over the legal-form words in one rapidfuzz call: the same
    decision as comparing with each word in turn, for every word of the bundled list names."""
    from rapidfuzz.distance import Indel

    from tenderwatch.screen.latin import _legal_words_near, _legalish
    from tenderwatch.screen.screener import Screener

    assert isinstance(bundled, Screener)
    words = [w for w in bundled.by_token if len(w) >= 4] + ["compan", "limted", "joynt", "corporaton", "gmbh"]
    for word in words:
        near = _legal_words_near(len(word))
        if any(Indel.normalized_similarity(word, w) >= 0.8 for w in near):
            assert _legalish(word), word
        elif not _legalish(word):
            continue
        else:  # found another way (a legal word, a brand filler, a cut legal word)
            from tenderwatch.screen.latin import _legal_prefixes
            from tenderwatch.screen.vocab import vocab

            assert word in vocab().latin_legal_words or word in vocab().brand_fillers or word in _legal_prefixes()
    assert _legalish("compan") and _legalish("limted") and not _legalish("electronics")


def _under_seeds(code: str, home: Path) -> set[str]:
    """What ``code`` prints in fresh processes under PYTHONHASHSEED 0 to 3."""
    outputs = set()
    for seed in range(4):
        env = {"TENDERWATCH_HOME": str(home), "PYTHONHASHSEED": str(seed), "PATH": os.environ.get("PATH", "")}
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        outputs.add(result.stdout)
    return outputs


def test_the_alias_expansion_reported_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """国家超级计算长沙中心 is in two alias entries (nscc_cs, nscc_changsha) whose English name scores the
    same against the listed name: which one the reasons named used to follow the order of a frozenset
    of ids, which PYTHONHASHSEED changes from one process to the next (seeds 0 and 1 differed)."""
    code = ("import json\nfrom tenderwatch.screen import compare\n"
            "print(json.dumps(compare('国家超级计算长沙中心', 'National Supercomputing Center Guangzhou (NSCC-GZ)')"
            ".to_dict(), ensure_ascii=False))")
    outputs = _under_seeds(code, tmp_path)
    assert len(outputs) == 1, outputs
    assert "(nscc_changsha;" in outputs.pop()  # the ids tried in sorted order: the first of a tie is kept


def test_which_of_two_equally_rare_words_finds_candidates_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """A two-word Latin name whose words each stand in one list name: candidates came from the one the set
    order put first, so "AKIeL, Madhy" found SDN "HELBAWI, Mahdy Akil" under one PYTHONHASHSEED and
    nothing under another. Equally rare words now both give candidates (a name spelt differently is found
    through the other word, whichever it is)."""
    code = ("from tenderwatch.screen import get_screener\n"
            "print([h.entry_id for h in get_screener().screen('AKIeL, Madhy')])")
    outputs = _under_seeds(code, tmp_path)
    assert len(outputs) == 1, outputs
    assert outputs.pop().strip() != "[]"
