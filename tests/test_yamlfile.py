"""Vocabulary YAML parsed once and kept on disk: the next process reads back the same data."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from tenderwatch import yamlfile

TEXT = "version: 3\nfrom: 2023-10-17\nwords: [A100, H800]\nnested: {a: 1.5, b: null, c: true}\n"


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TENDERWATCH_HOME", str(tmp_path))
    monkeypatch.delenv("TENDERWATCH_VOCAB_CACHE", raising=False)
    return tmp_path


def _kept(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("yaml-*.pickle"))


def test_parsed_data_is_kept_and_read_back_the_same(home: Path) -> None:
    first = yamlfile.load_yaml(TEXT)
    assert first == yaml.safe_load(TEXT) and first["from"] == dt.date(2023, 10, 17)
    [kept] = _kept(home)
    first["words"].append("changed by a caller")  # each call returns its own object
    again = yamlfile.load_yaml(TEXT)
    assert again == yaml.safe_load(TEXT) and again is not first
    assert _kept(home) == [kept]
    assert yamlfile.load_yaml(TEXT + "extra: 1\n")["extra"] == 1 and len(_kept(home)) == 2  # an edit: a new key


def test_a_damaged_or_foreign_cache_file_is_parsed_again(home: Path) -> None:
    yamlfile.load_yaml(TEXT)
    [kept] = _kept(home)
    kept.write_bytes(b"not a pickle")
    assert yamlfile.load_yaml(TEXT) == yaml.safe_load(TEXT)
    kept.write_bytes(pickle.dumps(Path("/etc/passwd")))  # a type safe YAML never makes: refused
    assert yamlfile.load_yaml(TEXT) == yaml.safe_load(TEXT)


def test_malformed_yaml_still_raises_and_keeps_nothing(home: Path) -> None:
    with pytest.raises(yaml.YAMLError):
        yamlfile.load_yaml("a: [unclosed\n")
    assert _kept(home) == []


def test_the_cache_can_be_switched_off(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TENDERWATCH_VOCAB_CACHE", "0")
    assert yamlfile.load_yaml(TEXT) == yaml.safe_load(TEXT)
    assert not (home / "cache").exists()


def test_no_home_directory_parses_without_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # no TENDERWATCH_HOME, and a home Python cannot determine (no HOME, a uid without a passwd entry):
    # Path.home() raises RuntimeError; the vocabulary must still load
    monkeypatch.delenv("TENDERWATCH_HOME", raising=False)
    monkeypatch.delenv("TENDERWATCH_VOCAB_CACHE", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert yamlfile.load_yaml(TEXT) == yaml.safe_load(TEXT)


def _checked(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("checked-*.pickle"))


def test_checked_records_are_kept_and_read_back_without_checking_again(home: Path) -> None:
    calls: list[int] = []

    def check(texts: Sequence[str]) -> dict[str, Any]:
        calls.append(1)
        data = yamlfile.load_yaml(texts[0])
        if not isinstance(data.get("version"), int):
            raise ValueError("no version")
        return dict(data)

    code = Path(yamlfile.__file__)
    first = yamlfile.load_checked([TEXT], check, dict, code, frozenset())
    again = yamlfile.load_checked([TEXT], check, dict, code, frozenset())
    assert again == first == yaml.safe_load(TEXT) and calls == [1] and len(_checked(home)) == 1
    with pytest.raises(ValueError, match="no version"):  # a bad file still raises, and nothing is kept for it
        yamlfile.load_checked(["version: x\n"], check, dict, code, frozenset())
    assert len(_checked(home)) == 1
    _checked(home)[0].write_bytes(pickle.dumps(Path("/etc/passwd")))  # a type not accepted: checked again
    assert yamlfile.load_checked([TEXT], check, dict, code, frozenset()) == first and calls == [1, 1, 1]


def test_a_vocabulary_checked_before_loads_without_pydantic(home: Path) -> None:
    code = ("import sys; from tenderwatch.detect.vocab import vocab; from tenderwatch.store.priority import weights; "
            "v = vocab(); w = weights(); print('pydantic' in sys.modules, len(v.accelerators), w.recency.from_)")
    env = {**os.environ, "TENDERWATCH_HOME": str(home)}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
            for _ in range(2)]
    first, second = (run.split() for run in runs)
    assert first[0] == "True" and second[0] == "False"  # checked by pydantic once, then read back
    assert first[1:] == second[1:]
