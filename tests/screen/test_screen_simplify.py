"""Traditional -> simplified without calling OpenCC for a text it cannot change (simplify.py)."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from tenderwatch.screen import Screener
from tenderwatch.screen.simplify import T2S, WITNESS_FILE, opencc_dictionaries, to_simplified, witnesses

TEXTS = [
    "華為技術有限公司", "长光衞星技術股份有限公司", "乾燥設備", "沈澱物", "公仔麵", "黃鍾公", "沈阳新松机器人自动化股份有限公司",
    "北京华信达科技有限公司", "中国电子科技集团公司第十五研究所", "臺灣積體電路製造", "著名", "瞭解", "乾隆", "Huawei 華為",
    "", "ABC", "天津电德职业技术学院", "鍾", "钟", "麪", "髮", "发", "後", "后", "裏", "里",
]


def _recorded_version() -> str:
    return WITNESS_FILE.read_text(encoding="utf-8").split("\n", 1)[0].rsplit(" ", 1)[-1]


def test_same_text_as_opencc() -> None:
    for text in TEXTS:
        assert to_simplified(text) == T2S.convert(text), text
    assert to_simplified("乾燥設備") == "干燥设备"  # a phrase whose first character alone stays as it is
    assert to_simplified("北京华信达科技有限公司") == "北京华信达科技有限公司"


def test_same_text_for_every_character_and_list_name(bundled: Screener) -> None:
    for code in range(0x3400, 0xA000):
        assert to_simplified(chr(code)) == T2S.convert(chr(code)), hex(code)
    for name in bundled.ref_name:
        assert to_simplified(name.raw) == T2S.convert(name.raw), name.raw


def test_the_witnesses_are_used_with_the_dictionaries_they_were_made_from() -> None:
    if opencc.__version__ != _recorded_version():
        pytest.skip(f"OpenCC {opencc.__version__} installed, the witness file is of {_recorded_version()}")
    found = witnesses()
    assert found is not None and "沈" in found and "华" not in found


def test_witnesses_of_other_dictionaries_are_not_used(tmp_path: Path) -> None:
    other = tmp_path / "witness.txt"
    other.write_text("# made from other dictionaries\n" + "0" * 64 + "\n華\n", encoding="utf-8")
    assert witnesses(other) is None
    assert witnesses(tmp_path / "missing.txt") is None
    files, digest = opencc_dictionaries()
    assert files and all(f.is_file() for f in files) and len(digest) == 64
    same = tmp_path / "same.txt"  # (read once per file: witnesses() is cached)
    same.write_text(f"# the installed dictionaries\n{digest}\n華\n", encoding="utf-8")
    assert witnesses(same) == frozenset("華") | frozenset(map(chr, range(0xD800, 0xE000)))


def test_a_lone_surrogate_fails_as_in_opencc() -> None:
    with pytest.raises(UnicodeEncodeError):
        T2S.convert("华\ud800")
    with pytest.raises(UnicodeEncodeError):
        to_simplified("华\ud800")
