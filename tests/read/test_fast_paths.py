"""The HTML fast paths (source pre-checks, skipped cell pass, str-level whitespace
collapse) give the same result as the slow path, including when character
references hide a class name from a plain substring test."""

from __future__ import annotations

import random
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from tenderwatch.read.html import extract_html
from tenderwatch.read.htmltext import clean_text
from tenderwatch.read.pagesource import PageSource

CASES = [
    # a class written with a character reference still matches its selector
    ('<body><span class="code&#45;00004">P-1</span><p>正文内容</p></body>', "P-1\n正文内容", {"project_no": "P-1"}),
    ('<body><span class="code-00004">P-2</span><p>正文内容</p></body>', "P-2\n正文内容", {"project_no": "P-2"}),
    # display:block in any case, or spelled with a reference, still breaks the line
    (
        '<body><span style="DISPLAY: block">块</span><span>行内</span><span style="dis&#112;lay:block">二</span>尾</body>',
        "块\n行内\n二\n尾",
        {},
    ),
    # the first row's cells hold only text; a block in a later row's cell stays inline
    ("<body><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙<p>丁</p></td><td>戊</td></tr></table></body>",
     "甲\t乙\n丙 丁\t戊", {}),
    # a single-cell row keeps its blocks on their own lines
    ("<body><table><tr><td>甲</td><td>乙</td></tr></table><p>段</p><table><tr><td><div>单格</div><div>两块</div>"
     "</td></tr></table></body>", "甲\t乙\n段\n单格\n两块", {}),
    # <U> in upper case is a <u> element
    ("<body><table><tr><td>中标供应商：<U>某某科技有限公司</U></td></tr><tr><td>中标金额：<u>100万元</u></td></tr>"
     "</table></body>", "中标供应商：某某科技有限公司\n中标金额：100万元",
     {"winner": "某某科技有限公司", "bid_amount": "100万元"}),
    # a template's marker class spelled with a named reference (&lowbar; = "_")
    ('<body><div class="vF&lowbar;detail_main"><div class="vF_detail_content"><p>正文</p></div></div></body>',
     "正文", {"template": "ccgp_vF"}),
]  # fmt: skip


@pytest.mark.parametrize(("html", "text", "meta"), CASES)
def test_fast_paths_keep_output(html: str, text: str, meta: dict[str, str]) -> None:
    assert extract_html(html) == (text, meta)


def test_utf8_bytes_parse_like_text() -> None:
    html = (
        '<body><div class="vF_detail_main"><div class="vF_detail_content"><p>正文 A100</p></div></div></body>'
    )
    assert extract_html(html, html.encode("utf-8")) == extract_html(html)


def test_page_source_answers_absent_only_when_sure() -> None:
    plain = PageSource.of(LexborHTMLParser('<p class="Code-1">x</p>'))
    assert plain.may_hold("code-1")  # ASCII case-insensitive
    assert not plain.may_hold("display")
    numeric = PageSource.of(LexborHTMLParser('<p class="&#99;ode">x</p>'))
    assert numeric.may_hold("display")  # any word may hide behind a numeric reference
    named = PageSource.of(LexborHTMLParser('<p class="a&lowbar;b">&amp;</p>'))
    assert named.may_hold("a_b")  # "_" has a named reference
    assert not named.may_hold("display")  # letters have none


_OLD_WS = re.compile(r"[\t\n\r\f\v\u00a0][ \t\n\r\f\v\u00a0]*| [ \t\n\r\f\v\u00a0]+")
_OLD_ZW = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _reference_clean_text(raw: str) -> str:
    """The former regex implementation of ``clean_text``."""
    nl, tab = "\u2029", "\u001f"
    text = _OLD_WS.sub(" ", _OLD_ZW.sub("", raw))
    text = text.replace(" " + tab, tab).replace(tab + " ", tab).replace(" " + nl, nl).replace(nl + " ", nl)
    text = re.sub("\u2029{2,}", nl, text)
    lines = []
    for line in text.split(nl):
        line = line.strip(" \u3000").rstrip(tab)
        if line.strip(tab):
            lines.append(line)
    return "\n".join(lines).replace(tab, "\t")


def test_clean_text_matches_reference_on_random_strings() -> None:
    rng = random.Random(7)
    alphabet = " \t\n\r\f\v\u00a0\u3000\u2029\u001f\u200b\u00ad甲ab"
    for _ in range(3000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert clean_text(raw) == _reference_clean_text(raw), repr(raw)


def test_head_tags_listed_once_answer_like_the_tree() -> None:
    """The meta/title/script lookups from the ``head_tags`` listing match the
    per-tag listings, including <title>/<script> in SVG and <meta> in <noscript>."""
    from tenderwatch.read.html import HEAD_TAGS, _Metas, head_tags

    page = (
        "<html><head><meta name=a content=1></head><body><svg><title>x</title><script>1</script></svg>"
        "<TITLE>y</TITLE><noscript><meta name=c content=3><meta property='og:url' content=u></noscript>"
        "<meta name=a content=2><script>z</script></body></html>"
    )
    tree = LexborHTMLParser(page)
    for tag in HEAD_TAGS:  # the tag index lists what the selector engine selects, in its order
        assert [n.mem_id for n in head_tags(tree)[tag]] == [n.mem_id for n in tree.css(tag)], tag
    listed, slow = _Metas(tree, head_tags(tree)), _Metas(tree)
    for selector in ("title", "meta", "script", "meta[name=a]", "meta[name=c]", "meta[property='og:url']", "p"):
        got, want = listed.first(selector), slow.first(selector)
        assert (got is None) == (want is None), selector
        if want is not None:
            assert (got.mem_id, got.text()) == (want.mem_id, want.text()), selector
    assert listed.first("title").text() == "x"
    assert listed.first("meta[name=a]").attributes["content"] == "1"


def test_plain_fast_path_matches_full_cleaning_on_random_strings() -> None:
    """plain() skips its passes when nothing in the text would change; it must give what they give."""
    from tenderwatch.read.htmltext import plain

    def reference(raw: str) -> str:
        raw = raw.replace("\u2029", " ").replace("\u001f", " ")
        for ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
            raw = raw.replace(ch, "")
        raw = re.sub("[ \t\n\r\f\v\u00a0]+", " ", raw)
        return raw.strip(" \u3000")

    class _Node:
        def __init__(self, raw: str) -> None:
            self.raw = raw

        def text(self, deep: bool, separator: str, strip: bool) -> str:
            return self.raw

    rng = random.Random(11)
    alphabet = " \t\n\r\f\v\u00a0\u3000\u2029\u001f\u200b\u2060\u00ad甲ab:："
    for _ in range(3000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert plain(_Node(raw)) == reference(raw), repr(raw)


def test_page_source_passes_over_the_page_only_when_the_word_is_not_written() -> None:
    source = PageSource.of(LexborHTMLParser('<p class="code-1" style="DISPLAY:block">&#100;x</p>'))
    assert source.may_hold("code-1")
    assert source._lowered is None and source._numeric_refs is None  # found as written: no pass made
    assert source.may_hold("display")  # found ASCII-lowered (and a numeric reference is there too)
    assert source.may_hold("absent")  # "&#100;" could spell it


@pytest.mark.parametrize(
    ("html", "seen", "meta"),
    [
        # cells and <u> inside a dropped element are not reported (and not read)
        ("<body><noscript><table><tr><td>采购人：<u>某单位</u></td><td>x</td></tr></table></noscript><p>正文</p></body>",
         set(), {}),
        # a <u> inside <pre> is text once the <pre> is laid out; the cells after it are read
        ("<body><pre><u>a</u></pre><table><tr><th>采购人</th><td>某单位</td></tr></table></body>",
         {"td", "th"}, {"buyer": "某单位"}),
        # a <u> outside a cell: reported, but no label is read from it
        ("<body><p>采购人：<u>某单位</u></p></body>", {"u"}, {}),
        ("<body><table><tr><td>采购人：<U>某单位</U></td></tr></table></body>", {"td", "u"}, {"buyer": "某单位"}),
    ],
)  # fmt: skip
def test_mark_layout_reports_the_cells_and_u_the_label_pass_reads(html: str, seen: set[str], meta: dict[str, str]) -> None:
    from tenderwatch.read.htmltext import mark_layout

    assert mark_layout(LexborHTMLParser(html)) == seen
    assert extract_html(html)[1] == meta


@pytest.mark.parametrize(
    ("html", "text"),
    [
        # header cells only: the inline pass asks for th descendants alone
        ("<body><table><tr><th>甲<p>乙</p></th><th>丙</th></tr></table></body>", "甲 乙\t丙"),
        # both kinds of cell, and a single-cell row that keeps its line breaks
        ("<body><table><tr><th>甲<p>乙</p></th><td>丙<div>丁</div></td></tr><tr><td><p>单</p><p>格</p></td></tr>"
         "</table></body>", "甲 乙\t丙 丁\n单\n格"),
    ],
)  # fmt: skip
def test_blocks_in_cells_of_either_kind_stay_inline(html: str, text: str) -> None:
    assert extract_html(html)[0] == text


def test_a_style_repeated_on_many_elements_breaks_each_line() -> None:
    """The block-style check is remembered per style string: every element with it still breaks."""
    html = (
        '<body>甲<span style="display: block">乙</span>丙<span style="display: block">丁</span>戊'
        '<span style="display:none">己</span>庚<custom-el style="DISPLAY:FLEX">辛</custom-el>壬</body>'
    )
    assert extract_html(html)[0] == "甲\n乙\n丙\n丁\n戊己庚\n辛\n壬"
    assert extract_html(html)[0] == "甲\n乙\n丙\n丁\n戊己庚\n辛\n壬"  # with the styles remembered


def test_page_classes_rule_out_only_what_cannot_match() -> None:
    """A selector the class listing rules out finds nothing; one the engine matches is never ruled
    out (quirks-mode pages match classes case-blind, references spell class names)."""
    from tenderwatch.read.pagesource import PageClasses

    pages = [
        '<div class="Code-00004 x">1</div><p class="vF_detail_header"><h2>t</h2></p>',
        '<!DOCTYPE html><div class="CODE-00004">1</div><span class="a&#x20;title">2</span>',
        '<div class="breadcrumb\u3000foo">1</div><table><tr><th class="title">a</th><td class=Title>b</td></tr>'
        "</table>",
    ]
    selectors = [".code-00004", ".title", "td.title", ".foo", ".breadcrumb", "div.vF_detail_header h2",
                 "#x", "h2.tc", ".x", "[class*=code]", "p:first-child"]  # fmt: skip
    for page in pages:
        tree = LexborHTMLParser(page)
        classes = PageClasses(tree)
        for selector in selectors:
            if not classes.may_match(selector):
                assert tree.css(selector) == [], (page, selector)
    assert not PageClasses(LexborHTMLParser('<p class="a">x</p>')).may_match("div.b")


CLASS_AND_TAG_INDEX = [
    # a bookmark class in another case still matches on a quirks-mode page
    ('<body><span class="CODE-00004">P-3</span><p>正文内容</p></body>', "P-3\n正文内容", {"project_no": "P-3"}),
    # a title class in another case is still a title candidate; an upper-case label cell class still labels
    ('<body><div class="Art-Tit">某项目采购公告</div><table><tr><td class="TITLE">项目编号</td><td>X-9</td></tr>'
     "</table></body>", "某项目采购公告\n项目编号\tX-9", {"title": "某项目采购公告", "project_no": "X-9"}),
    # a chrome tag removed, the tag index telling which are present
    ("<body><footer>页脚版权</footer><p>正文内容很长很长</p></body>", "正文内容很长很长", {}),
    # only a <u> that is a cell's own child is a labelled value (as the query "td > u" selected)
    ("<body><table><tr><td>中标供应商：<span><u>甲公司</u></span></td><td>中标金额：<u>5万元</u></td></tr></table>"
     "<p>中标供应商：<u>乙公司</u></p></body>", "中标供应商：甲公司\t中标金额：5万元\n中标供应商：乙公司",
     {"bid_amount": "5万元"}),
    # chrome by class: a name set off by a space the selector engine does not split at is still found
    ('<body><div class="x\u3000footer">页脚甲</div><p>正文内容很长很长很长很长</p></body>', "正文内容很长很长很长很长", {}),
    ('<body><div class="x\x1ffooter">页脚乙</div><p>正文内容很长很长很长很长</p></body>', "正文内容很长很长很长很长", {}),
    # chrome names are matched as written (an upper-case class stays), ids too
    ('<body><div class="FOOTER">页脚丙</div><div id="footer">页脚丁</div><div class="top">顶部</div>'
     "<p>正文内容很长很长很长很长</p></body>", "页脚丙\n正文内容很长很长很长很长", {}),
    ('<!DOCTYPE html><body><div class="Footer">页脚戊</div><div class="x footer">页脚己</div>'
     "<p>正文内容很长很长很长很长</p></body>", "页脚戊\n正文内容很长很长很长很长", {}),
]  # fmt: skip


@pytest.mark.parametrize(("html", "text", "meta"), CLASS_AND_TAG_INDEX)
def test_class_listing_keeps_output(html: str, text: str, meta: dict[str, str]) -> None:
    assert extract_html(html) == (text, meta)


def test_blocks_in_cells_found_during_the_walk_as_by_a_query(monkeypatch: pytest.MonkeyPatch) -> None:
    """mark_layout lists the blocks inside tables (and cells outside tables) as it walks; the
    inline set and so the text are those a ``td *`` query over the whole page gives."""
    from tenderwatch.read import htmltext

    rng = random.Random(5)
    pieces = ["<table>", "</table>", "<tr>", "<td>", "</td>", "<th>", "<caption>", "<p>", "</p>", "<div>",
              "</div>", "<br>", "<li>", "<math><td>", "</math>", "<select><option>", "</select>", "<pre>",
              "</pre>", "<!--c-->", "<section>", "<math><td>x</td><td>", "文", "x ", "<span>", "</span>", "<dl><dt>", "<dd>"]  # fmt: skip
    new = htmltext._inline_in_cells
    for _ in range(400):
        page = "<body>" + "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) + "</body>"
        got = LexborHTMLParser(page)
        htmltext.mark_layout(got)
        want = LexborHTMLParser(page)
        monkeypatch.setattr(htmltext, "_inline_in_cells", lambda _nodes, tree=want: new(tree.css("td *, th *")))
        htmltext.mark_layout(want)
        monkeypatch.setattr(htmltext, "_inline_in_cells", new)
        assert htmltext.node_text(got.root) == htmltext.node_text(want.root), page


def test_label_text_strips_like_the_former_regex() -> None:
    from tenderwatch.read.html import label_text

    tail = re.compile(r"[\s:：]+$")
    rng = random.Random(3)
    alphabet = " \t\n\x0b\x0c\r\x1c\x1f\x85:：\u3000\u00a0\u2029\u200b甲a"
    for _ in range(5000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert label_text(raw) == tail.sub("", raw), repr(raw)
