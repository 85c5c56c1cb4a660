"""Vocabulary YAML parsed once and kept on disk: the next process reads back the same data."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

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
