"""Name families issue 11 asked for: spaced pinyin, the list's own misspellings, trailing acronyms,
renamed companies and literal translations through the alias table."""

from __future__ import annotations

import pytest

from tenderwatch.screen import Screener, compare

SAME = [
    # spaced pinyin, syllable by syllable (LI must not turn into the Roman numeral 51)
    ("北京理工大学", "BEI JING LI GONG DA XUE"),
    ("长沙天仪空间科技研究院有限公司", "CHANG SHA TIAN YI KONG JIAN KE JI YAN JIU YUAN YOU XIAN GONG SI"),
    ("示例天河计算科技有限公司", "SHI LI TIAN HE JI SUAN KE JI"),
    # a one-letter typo of the list in a pinyin or dictionary word
    ("新疆维吾尔自治区公安厅", "PUBLIC SECURITY DEPARTMENT OF XINJIANG UYGAR AUTONOMOUS REGION"),
    # a trailing acronym in brackets is another name of the party
    ("北京邮电大学", "Beijing University of Posts and Telecommunications (BUPT)"),
    # brand pinyin plus city, the scope words after the brand left out
    ("杭州示例威视数字技术股份有限公司", "Hangzhou Shili Weishi"),
    ("中国科学院国家授时中心", "Chinese Academy of Sciences, National Time Service Center"),
    # renamed: the list keeps the former name
    ("航天彩虹无人机股份有限公司", "ZHEJIANG NANYANG TECHNOLOGY COMPANY LIMITED"),
    # a design company's 设计 is a scope word the English listing leaves out, like 科技 or 技术
    ("成都示例集成电路设计有限公司", "Chengdu Shili Integrated Circuit"),
    # a centre written after the university that hosts it is the centre
    ("示例大学国家超级计算示例中心", "National Supercomputing Center Shili"),
]
DIFFERENT = [
    ("北京工业大学", "BEI JING LI GONG DA XUE"),  # other syllables
    ("合肥示例科技有限公司", "Hebei Shili Technology Co., Ltd."),  # Hefei / Hebei: places are never "one letter off"
    # the host alone is not the centre, and a numbered unit after a university is not a hosted name
    ("示例大学", "National Supercomputing Center Shili"),
    ("示例大学第十五研究所", "15th Research Institute of CETC"),
    # a university's institute is not the academy of sciences' institute of the same subject
    ("清华大学微电子研究所", "Chinese Academy of Sciences Institute of Microelectronics"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_families_match(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.match, result.reasons


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_near_misses_stay_apart(a: str, b: str) -> None:
    result = compare(a, b)
    assert not result.match, result.reasons


@pytest.mark.parametrize(("zh", "listed"), [
    ("中译语通科技股份有限公司", "Global Tone Communication Technology Co., Ltd."),
    ("成都卫士通信息产业股份有限公司", "CETC Cyberspace Security Technology Co., Ltd."),  # the former name
    ("广州杰赛科技股份有限公司", "CETC Potevio Science & Technology Co., Ltd."),
    ("普联技术有限公司", "TP-Link Technologies Co., Ltd."),
    ("中际旭创股份有限公司", "Zhongji Innolight Co., Ltd."),
    ("中国电子信息产业集团有限公司", "China Electronics Corporation"),
])
def test_chinese_names_of_1260h_entries_the_cross_script_path_misses(zh: str, listed: str) -> None:
    # before: no hit (a brand with no pinyin in the English name, or a renamed company)
    assert compare(zh, listed).match, compare(zh, listed).reasons


@pytest.mark.parametrize(("zh", "other"), [
    ("中国电子信息产业集团有限公司", "CEC LIMITED"),  # another party that uses the acronym
    ("深圳华大智造科技股份有限公司", "MGI PTE LTD"),
])
def test_an_acronym_another_party_carries_does_not_join_them(zh: str, other: str) -> None:
    assert not compare(zh, other).match, compare(zh, other).reasons


@pytest.mark.parametrize("bare", ["LTD", "Ltd.", "Inc."])
def test_a_bare_legal_form_is_no_listed_company(bare: str) -> None:
    # before: the alias table's flow lists split "X Co., Ltd." at its comma, so "Ltd." was a name of
    # 28 entries (Biren, HiSilicon, Naura, CATL ...) and a party named "LTD" matched all of them
    assert not compare(bare, "Shanghai Biren Intelligent Technology Co., Ltd.").match
    assert not compare(bare, "上海壁仞智能科技有限公司").match


@pytest.mark.parametrize(("query", "entry"), [
    ("School of Computer Science, Harbin Institute of Technology", "Harbin Institute of Technology"),
    ("Harbin Institute of Technology School of Computer Science", "Harbin Institute of Technology"),
    ("School of Computer Science, Beihang University", "Beijing University of Aeronautics and Astronautics"),
    ("Beihang University School of Computer Science", "Beijing University of Aeronautics and Astronautics"),
    ("Department of Automation, Harbin Engineering University", "Harbin Engineering University"),
])
def test_an_english_faculty_of_a_listed_university_is_screened_as_part_of_it(bundled: Screener, query: str,
                                                                            entry: str) -> None:
    """A six-word English name shares too few words with a three-word listing to be its candidate: the
    part that names the parent (before the subunit word, or after the comma) is looked up too."""
    hits = bundled.screen(query, on="2025-06-01")
    assert hits, query
    assert (hits[0].entry_name, hits[0].relation) == (entry, "part_of"), hits[0].reasons


@pytest.mark.parametrize("query", [
    "School of Computer Science, Tsinghua University",  # an unlisted university
    "Harbin Institute of Technology Robot Group Co., Ltd.",  # a company named after the university
])
def test_a_faculty_of_an_unlisted_body_or_a_company_named_after_a_listed_one_is_not_part_of_it(
        bundled: Screener, query: str) -> None:
    assert not [hit for hit in bundled.screen(query, on="2025-06-01") if hit.relation == "part_of"]


@pytest.mark.parametrize(("query", "not_parent"), [
    # its own head noun: an institute, not a unit of the company whose words it starts with
    ("Shenyang Aircraft Design Institute", "Shenyang Aircraft Corporation"),
    # "Co., Ltd." is no "unit, parent" comma: a group's numbered institute is listed on its own
    ("China Shipbuilding Industry Group Co., Ltd. (CSIC) 714th Research Institute",
     "CHINA SHIPBUILDING INDUSTRY COMPANY LIMITED"),
    # a listed name's words scattered over the query, or one word of it, are no parent
    ("OJSC Scientific Research Institute of Precision Engineering", "Dynamic Engineering Corporation"),
    ("27th Scientific Center of the Russian Ministry of Defense", "FIGUEROA BENITEZ, Jorge Humberto"),
    ("East China Institute of Computing Technology", "East Tech"),
])
def test_an_institute_is_not_made_a_unit_of_a_listed_name_it_starts_with(bundled: Screener, query: str,
                                                                       not_parent: str) -> None:
    assert not_parent not in [hit.entry_name for hit in bundled.screen(query, on="2025-06-01")]


@pytest.mark.parametrize("query", ["北京应用物理与计算数学研究所", "Institute of Applied Physics and Computational Mathematics"])
def test_an_institute_the_entry_names_with_its_city_is_the_listed_party_not_an_affiliate(
        bundled: Screener, query: str) -> None:
    """The CAEP entry names "The Institute of Applied Physics and Computational Mathematics, Beijing": the
    city says where the institute is, and the alias table holds that form, so the qualifier rule (a
    subsidiary named after its city is a separate legal person) does not make it an affiliate."""
    hits = bundled.screen(query, on="2025-06-01")
    assert hits and hits[0].entry_name == "Chinese Academy of Engineering Physics"
    assert hits[0].relation == "match" and hits[0].score >= 0.95, hits[0].reasons
