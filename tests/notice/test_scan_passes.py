"""The fast passes of the layout scan find the same things as the plain per-line reading they
replace: line spans, lines holding a tab or a semicolon, short bare-label lines, the lazy title
guess, the 大写 pre-check, section flags and contact blocks of pairs."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tenderwatch.notice import linelabels
from tenderwatch.notice.amounts import _CAPITAL, _CAPITAL_HINT, _has_capital, find_money
from tenderwatch.notice.kind import guess_title
from tenderwatch.notice.pairs import HEAD_LINES, TAIL_LINES, Scan
from tenderwatch.notice.scan import _char_lines, scan_text

TEXTS = [
    "",
    "\n\n",
    "  采购人 \n\t某某大学\t\n\n一、项目编号:ZB-1\r\n  预算金额：5万元  \n",
    "第一行\n\u3000\n  \t \n最后一行没有换行",
    "包1\t服务器\t100万元\n包2;存储;50万元\n说明：无\n",
    "One line only",
]


def _plain_lines(text: str) -> list[tuple[int, int]]:
    out, offset = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            lead = offset + len(raw) - len(raw.lstrip())
            out.append((lead, lead + len(raw.strip())))
        offset += len(raw) + 1
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_line_spans_lazy_and_eager_agree_with_split_and_strip(text: str) -> None:
    scan = Scan(text)
    assert list(scan.iter_lines()) == _plain_lines(text)
    assert scan.lines == _plain_lines(text)
    assert list(scan.iter_lines()) == scan.lines  # from the cached list now


@pytest.mark.parametrize("text", [*TEXTS, "".join(f"第{n}行\n" if n % 3 else " \n" for n in range(60))])
def test_head_and_tail_lines_are_slices_of_all_lines(text: str) -> None:
    scan = Scan(text)
    assert scan.head() == _plain_lines(text)[:HEAD_LINES]
    assert scan.tail() == _plain_lines(text)[-TAIL_LINES:]


@pytest.mark.parametrize("text", TEXTS)
def test_lines_holding_a_character_are_found_with_find(text: str) -> None:
    for char, other in (("\t", ""), (";", "；")):
        expected = [(m.start(), m.end() - 1) for m in re.finditer(f"\\n([^\\n{char}{other}]*[{char}{other}][^\\n]*)",
                                                                    "\n" + text)]
        assert list(_char_lines(text, char, other)) == expected


def test_every_bare_label_line_is_a_short_line_candidate() -> None:
    text = ("采购人\n  (二) 采购代理机构信息 \n三、拟定供应商：\n这是一行很长的正文内容，不是标签，也不会被当作标签读取。\n"
            "Awarded to\n1  空调维保  —  2年  102980.00\n采购人 \t\n")
    found = {m.group(1).strip() for m in linelabels.SHORT_LINE_NL.finditer("\n" + text)}
    for start, end in _plain_lines(text):
        line = text[start:end]
        if len(line) <= 30 and linelabels.bare_label(line) is not None:
            assert line in found
    # the pass skips lines of prose, numbers and punctuation: they never reach the per-line lookup
    assert "1  空调维保  —  2年  102980.00" not in found and "这是一行很长的正文内容" not in "".join(found)
    assert linelabels.bare_line("  采购人 ") == (2, 3, "采购人", "buyer", "buyer")
    assert linelabels.bare_line("这是一行很长的正文内容，不是标签，也不会被当作标签读取。") is None


def test_lazy_title_guess_reads_only_what_it_needs() -> None:
    text = "某某大学服务器采购公告\n采购人:某某大学\n"
    consumed: list[tuple[int, int]] = []

    def spans() -> Iterator[tuple[int, int]]:
        for span in _plain_lines(text):
            consumed.append(span)
            yield span

    assert guess_title(text, spans()) == (0, 11)
    assert len(consumed) == 1
    wrapped = "项目编号:1\n某某研究院GPU服务器采购中标结\n果公告\n"
    start, end = guess_title(wrapped, iter(_plain_lines(wrapped))) or (0, 0)
    assert wrapped[start:end] == "某某研究院GPU服务器采购中标结\n果公告"


@pytest.mark.parametrize("text", ["合同金额：人民币贰拾万元整（¥200,000.00）", "叁号楼维修，预算5万元", "伍佰元", "元",
                                  "金额：壹仟圆整", "陆某某签字，金额12元", "万万元"])
def test_capital_precheck_never_hides_a_capital_amount(text: str) -> None:
    old_gate = ("元" in text or "圆" in text) and _CAPITAL_HINT.search(text) is not None
    if old_gate and _CAPITAL.search(text):
        assert _has_capital(text)
    if not old_gate:
        assert not _has_capital(text)


def test_capital_amounts_are_still_read() -> None:
    assert [m.value for m in find_money("合同金额：人民币贰拾万元整（¥200,000.00）")] == [200000.0, 200000.0]
    assert [m.value for m in find_money("服务费：壹仟圆整")] == [1000.0]
    assert find_money("叁号楼维修") == []


def test_pairs_take_section_and_contact_block_from_what_precedes_them() -> None:
    text = ("一、中标信息\n供应商名称:某某科技有限公司\n中标金额:10万元\n二、联系方式\n1.采购人信息\n名称:某某大学\n"
            "三、代理服务收费标准\n收费金额:1000元\n")
    scan = scan_text(text)
    by_value = {p.value: p for p in scan.pairs}
    assert by_value["某某科技有限公司"].section == "award"
    assert by_value["某某大学"].ctx == "buyer"
    assert by_value["1000元"].section == "fee"
    assert by_value["1000元"].ctx == ""  # a heading after the block header ends the block
    assert [h for _, h in scan.headings] == ["中标信息", "联系方式", "代理服务收费标准"]


@pytest.mark.parametrize("text", ["某某大学", "北京某某科技有限公司", "采购人", "", "Acme Ltd", "某某中心、某某医院"])
def test_one_search_for_an_organisation_form_agrees_with_the_word_list(text: str) -> None:
    from tenderwatch.notice.labels import org_form_re, vocab

    assert (org_form_re().search(text) is not None) == any(form in text for form in vocab().org_forms)


SEPARATED = [
    *TEXTS,
    "项目名称/预算金额/数量/单位\nGPU服务器/120万元/2/台\n/\n//\n///\n尾行/a/b/c",
    "|a|b|\n||\n| x | y | z |\n无竖线\n|",
    "a  b\u3000\u3000c \u3000d\u3000 e  \n  f\t  g  h   ",
    "名称    数量    单价\nA100    8    25万元\n\u3000\u3000缩进\u3000项",
    "日期 2024/03/12, https://a/b/c", "服务器)/台", "中/a a/中", "中//文", "/文",
]


@pytest.mark.parametrize("text", SEPARATED)
def test_separated_lines_and_gaps_are_found_as_the_plain_patterns_find_them(text: str) -> None:
    """The lines a text table is read from (str.find instead of a regex per line), the gaps of a
    space-aligned table and a slash between Chinese words (patterns that start with the space or the
    slash) are those the plain patterns give."""
    from tenderwatch.notice.layout import _CJK_SLASH, _GAP, _sep_lines

    for sep, least in (("|", 2), ("/", 3)):
        other = "[^\\n" + re.escape(sep) + "]*"
        plain = re.compile("\\n(" + (other + re.escape(sep)) * least + "[^\\n]*)")
        assert _sep_lines(text, sep, least) == [(m.start(), m.end() - 1) for m in plain.finditer("\n" + text)]
    gap = re.compile(r"(?<=\S)(?: {2,}|\u3000+)(?=\S)")
    assert [m.span() for m in _GAP.finditer(text)] == [m.span() for m in gap.finditer(text)]
    assert _GAP.split(text) == gap.split(text)
    assert bool(_CJK_SLASH.search(text)) == bool(re.search(r"[\u4e00-\u9fff)]/[\u4e00-\u9fff]", text))
