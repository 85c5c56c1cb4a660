"""``led``: a pattern re would try at every position gets a look-ahead of its first characters, same matches."""

from __future__ import annotations

import random
import re

from tenderwatch.notice.firstchars import led


def test_led_patterns_find_the_same_matches_and_only_slow_patterns_are_led() -> None:
    """``led`` adds a look-ahead of the possible first characters to a pattern ``re`` would try at every
    position (a look-behind or a group among the words); the matches, spans and groups stay the same."""
    slow = [r"讲座|报废|(?:(?<!卖方)出售)", r"租|卡时|(?:(?:算力|gpu)服务(?!器)|(?<!售后)服务期)",
            r"每台|(?:(?<![a-z])per (node|server)(?![a-z]))", r"配置|(?:含(?![税运])|安装(?!调试))"]
    rng = random.Random(3)
    alphabet = ["卖方", "出售", "讲座", "租", "卡时", "算力服务", "服务器", "售后服务期", "服务期", "per node",
                "xper server", "每台", "含税", "含", "安装调试", "安装", "a", " ", "，"]
    for source in slow:
        pattern = re.compile(source)
        fast = led(pattern)
        assert fast is not pattern and fast.pattern.startswith("(?=[")
        for _ in range(400):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in pattern.finditer(text)], (source, text)
            at = rng.randint(0, len(text))
            led_match, plain_match = fast.match(text, at), pattern.match(text, at)
            assert (led_match and led_match.span()) == (plain_match and plain_match.span()), (source, text, at)
    # re scans these fast already (a literal, a class, words that each open with a literal, an anchor), or
    # their first character is not proven (optional, a category, case-insensitive): returned unchanged
    for source in (r"采购", r"[甲乙]方", r"显卡|加速卡|gpu", r"^rtx \d{4}$", r"(?:\d+ ?)?台|(?<!x)y",
                   r"\d+台|(?<!x)y", r"(?i)(?<!x)gpu|卡"):
        pattern = re.compile(source)
        assert led(pattern) is pattern, source
