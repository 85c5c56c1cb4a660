"""Compiled patterns kept on disk: the next process builds the same patterns from the kept programs."""

from __future__ import annotations

import re
import subprocess
import sys
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
    monkeypatch.setattr(patterncache, "MIN_SAVE_SECONDS", 0.0)  # these patterns compile in microseconds
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


def test_patterns_that_compile_in_no_time_do_not_rewrite_the_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterncache.install()
    _compiled()
    patterncache.save()
    [kept] = (home / "cache").glob("re-*.pickle")
    before = kept.read_bytes()
    patterncache.uninstall()
    # the next process compiles a pattern the file does not have (a library's pattern built from a set, its
    # order new in every process): writing the whole file again would cost more than compiling it
    monkeypatch.setattr(patterncache, "MIN_SAVE_SECONDS", 0.05)
    patterncache.install()
    re.purge()
    re.compile(r"[^@<>;:\\]+ and no other process compiled this")
    patterncache.save()
    assert kept.read_bytes() == before


def test_a_file_grown_past_its_size_is_cut_down_to_the_patterns_used_last(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterncache.install()
    others = [re.compile(rf"(?:another program's pattern {i}|x{{{i}}})") for i in range(40)]
    patterncache.save()
    patterncache.uninstall()
    assert len(others) == 40
    re.purge()
    patterncache.install()
    [kept] = (home / "cache").glob("re-*.pickle")
    _compiled()  # this process's patterns, used last
    entries = patterncache._state["entries"]
    mine = sum(patterncache._size(key, entries[key]) for key in PATTERNS)
    one = max(patterncache._size(key, parts) for key, parts in entries.items() if key not in PATTERNS)
    monkeypatch.setattr(patterncache, "MAX_BYTES", mine + one + 10)  # room for these and one more
    patterncache.save()
    patterncache.uninstall()
    kept_now = patterncache._read(kept)
    assert all(key in kept_now for key in PATTERNS)
    assert len(kept_now) - len(PATTERNS) == 1  # one of the others
    # the next process reads a file within the size, and rewrites nothing when it compiles nothing new
    before = kept.read_bytes()
    monkeypatch.setattr(patterncache, "MIN_SAVE_SECONDS", 0.05)
    patterncache.install()
    _compiled()
    patterncache.save()
    assert kept.read_bytes() == before


_SOURCES = """
from tenderwatch.detect.specs import figure_regex
from tenderwatch.notice import frames, scan
from tenderwatch.notice.labels import vocab
from tenderwatch.read.html import _pub_date_re
import hashlib
sources = [p.pattern for p in scan._known(vocab())]
sources += [figure_regex().pattern, _pub_date_re().pattern, frames._spaced_labels().pattern]
print(hashlib.sha256("\\0".join(sources).encode()).hexdigest())
"""


def test_patterns_built_from_sets_are_the_same_in_every_process() -> None:
    # a pattern whose alternatives follow a set's order changes with the hash seed: it would be compiled,
    # and the cache file rewritten, in every process
    outs = {
        subprocess.run([sys.executable, "-c", _SOURCES], env={"PYTHONHASHSEED": seed, "PATH": ""},
                       capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1 and len(outs.pop()) == 65
