"""Compiled patterns kept on disk: the next process builds the same patterns from the kept programs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tenderwatch import patterncache

PATTERNS = [
    (r"(?P<label>采购人|招标人)\s*[:：]\s*(?P<name>[^\n，,]{2,40}?)(?:$|\n)", 0),
    (r"\b(?:a100|h100|h800)\b", re.I),
    (r"(?<![零〇一二三])([一二三四五六七八九]+)万元", re.M),
    (rb"^PK\x03\x04", 0),
    (r"(?x) (\d{4}) - (\d{2}) # a month", 0),
]
TEXT = "采购人：北京测试大学\nNVIDIA A100 与 h800，三万元，2024-01 PK"


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("TENDERWATCH_HOME", str(tmp_path))
    monkeypatch.delenv("TENDERWATCH_VOCAB_CACHE", raising=False)
    patterncache.uninstall()
    re.purge()  # re's own cache would answer before the compile step this replaces
    yield tmp_path
    patterncache.uninstall()
    re.purge()


def _compiled() -> list[re.Pattern[str] | re.Pattern[bytes]]:
    re.purge()
    return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def _uses(compiled: list[re.Pattern[str] | re.Pattern[bytes]]) -> list[object]:
    out: list[object] = []
    for pattern in compiled:
        subject = TEXT.encode() if isinstance(pattern.pattern, bytes) else TEXT
        out.append([(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(subject)])  # type: ignore[arg-type]
        out.append((pattern.groups, pattern.groupindex, pattern.flags))
    return out


def test_patterns_built_from_the_kept_programs_are_the_patterns_re_builds(home: Path) -> None:
    plain = _compiled()
    patterncache.install()
    first = _compiled()  # compiled here, kept at exit (save)
    patterncache.save()
    [kept] = (home / "cache").glob("re-*.pickle")
    patterncache.uninstall()
    patterncache.install()  # the next process: programs read back
    assert all(key in patterncache._state["entries"] for key in PATTERNS)
    again = _compiled()
    assert again == plain and first == plain  # same pattern, flags and program
    assert _uses(again) == _uses(plain)
    assert list((home / "cache").glob("re-*.pickle")) == [kept]


def test_a_bad_pattern_still_raises_res_error(home: Path) -> None:
    patterncache.install()
    with pytest.raises(re.error, match="missing \\)"):
        re.compile("(unclosed")


def test_a_damaged_or_foreign_file_is_compiled_again(home: Path) -> None:
    patterncache.install()
    _compiled()
    patterncache.save()
    [kept] = (home / "cache").glob("re-*.pickle")
    patterncache.uninstall()
    kept.write_bytes(b"not a pickle")
    patterncache.install()
    assert _compiled() == [re.compile(p, f) for p, f in PATTERNS]
    patterncache.uninstall()
    # a program _sre refuses is compiled as usual
    patterncache.install()
    _compiled()
    key = PATTERNS[0]
    flags, _code, groups, groupindex, indexgroup = patterncache._state["entries"][key]
    patterncache._state["entries"][key] = (flags, bytes(12), groups, groupindex, indexgroup)
    re.purge()
    assert re.compile(*key).match("采购人：北京测试大学\n") is not None


def test_switched_off_it_is_not_installed(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TENDERWATCH_VOCAB_CACHE", "0")
    patterncache.install()
    _compiled()
    patterncache.save()
    assert not patterncache._state and not (home / "cache").exists()
