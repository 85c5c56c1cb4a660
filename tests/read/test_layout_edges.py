"""Layout edge cases of the single-pass HTML layout: dropped and preformatted subtrees,
form values, cells, term pairs and styled blocks keep their text and line structure."""

from __future__ import annotations

import pytest

from tenderwatch.read.html import extract_html
from tenderwatch.read.htmltext import clean_text

CASES = [
    # a script inside <pre> is dropped before the preformatted text is read
    ("<body><pre>第一行\n  第二行<script>x=1</script>\n第三行</pre><p>段落</p></body>", "第一行\n第二行\n第三行\n段落"),
    # blocks inside <noscript> go with it; blocks and <br> inside a multi-cell row stay on the row
    ("<body><div>前<noscript><p>不显示</p></noscript>后</div><table><tr><td>名称<div>A100</div></td>"
     "<td>数量<br>8</td></tr></table></body>", "前后\n名称 A100\t数量 8"),
    # text inputs keep their value, hidden ones do not; nested <pre>; dt/dd pairs on one line
    ('<body><p>值：<input type=text value=" 八块 "><input type=hidden value="h"></p><pre>外<pre>内</pre></pre>'
     "<dl><dt>预算</dt> <dd>100万元</dd></dl></body>", "值： 八块\n外内\n预算\t100万元"),
    # styled blocks break lines; <textarea> keeps its lines; <template> content is not text
    ('<body><span style="display:block">块</span><span>行内</span><textarea>甲\n乙</textarea>'
     "<template><p>模板</p></template>尾</body>", "块\n行内\n甲\n乙\n尾"),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_layout_edges(html: str, expected: str) -> None:
    assert extract_html(html)[0] == expected


def test_clean_text_spaces_cells_and_blank_lines() -> None:
    nl, tab = "\u2029", "\u001f"
    raw = f" \u3000标题 {nl}{nl} \n {nl}名称 {tab} A100 {tab}{tab} {nl}\u200b{nl}\t数量\u00a0\u00a08 "
    assert clean_text(raw) == "标题\n名称\tA100\n数量 8"
