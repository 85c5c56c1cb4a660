"""Heavy imports of the screening stage happen only when needed (issue 13): pypinyin's phrase
dictionary and cn2an are not imported by ``import tenderwatch.screen``, and a screener read from
the index cache takes its pinyin from the table the index carries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypinyin import lazy_pinyin

from tenderwatch.screen import translit


def _modules_after(code: str, home: Path) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, env={"TENDERWATCH_HOME": str(home)})
    return set(out.stdout.split())


def test_importing_the_screen_package_imports_neither_pypinyin_nor_cn2an(tmp_path: Path) -> None:
    modules = _modules_after("import tenderwatch.screen", tmp_path)
    assert "tenderwatch.screen.screener" in modules
    assert "pypinyin" not in modules and "cn2an" not in modules


def test_a_screener_read_from_the_cache_screens_chinese_names_without_pypinyin(tmp_path: Path) -> None:
    code = ("from tenderwatch.screen import get_screener\n"
            "get_screener()\n")  # builds the index and writes the cache (pypinyin used here)
    _modules_after(code, tmp_path)
    modules = _modules_after(code + "from tenderwatch.screen.screener import _BY_KEY\n"
                             "s = next(iter(_BY_KEY.values())); assert s.loaded_from == 'cache'\n"
                             "assert s.screen('中国电子科技集团公司第十五研究所')\n"
                             "s.screen('深圳市鑫龙凤软件有限公司'); s.screen('Huawei Technologies Co., Ltd.')\n", tmp_path)
    assert "pypinyin" not in modules


def test_the_pinyin_table_gives_what_pypinyin_gives() -> None:
    keys, values = translit.pinyin_table()
    table = dict(zip(keys.split("\0"), values.split("\0"), strict=True))
    assert len(table) > 27_000
    for text in ["行", "绿", "长", "重庆", "银行", "有限公司", "中国电子科技集团", "㐀", "龥"]:
        if text in table:
            assert table[text] == "".join(lazy_pinyin(text, errors=lambda c: c.lower())), text
    assert translit.pinyin_of("长沙") == "".join(lazy_pinyin("长沙"))
    assert translit.pinyin_of("abc中") == "abczhong"  # not in the table: pypinyin, imported then


def test_small_numerals_read_as_cn2an_reads_them() -> None:
    """第十五 / 二十八所 are read without importing cn2an; every numeral the shortcut reads gets the
    value cn2an gives, and the rest are left to cn2an."""
    import itertools

    import cn2an

    from tenderwatch.screen.normalize import small_numeral

    read = 0
    for length in (1, 2, 3, 4):
        for text in map("".join, itertools.product("一二三四五六七八九十两〇零百", repeat=length)):
            value = small_numeral(text)
            if value is not None:
                read += 1
                assert str(cn2an.cn2an(text, "smart")) == str(value), text
    assert read == 109  # 一-九, 十, 十一-十九, 二十-九十, 二十一-九十九
    assert small_numeral("一百") is None and small_numeral("两") is None

