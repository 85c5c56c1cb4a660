"""The screener's on-disk index cache: used when valid, rebuilt when damaged, foreign or stale."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tenderwatch.screen import indexcache, reset_screener_cache
from tenderwatch.screen.entries import ListEntry, ListVersion
from tenderwatch.screen.records import SplitKeys
from tenderwatch.screen.screener import Screener, get_screener
from tenderwatch.screen.store import LoadedList

NAMES = ["示例计算技术研究所计算机体系结构实验室", "Example Computing Institute", "Other Trading Company"]


def _small() -> Screener:
    version = ListVersion("t", "test", "v1", "2025-01-01", "test", "0" * 64)
    return Screener([(version, [
        ListEntry("T", "1", "示例计算技术研究所", aliases=["Example Computing Institute"]),
        ListEntry("T", "2", "Later Trading Company", end_date="2999-01-01"),
    ])])


def _results(screener: Screener) -> list[list[dict[str, object]]]:
    return [[hit.to_dict() for hit in screener.screen(name)] for name in NAMES]


def test_state_round_trip_gives_the_same_hits(tmp_path: Path) -> None:
    built = _small()
    indexcache.save(tmp_path, "k1", built.state())
    state = indexcache.load(tmp_path, "k1")
    assert state is not None
    again = Screener.from_state(state)
    assert again.loaded_from == "cache" and built.loaded_from == "lists"
    assert _results(again) == _results(built) and _results(built)[0]
    # a removed entry stays in the index: screening for a date before its removal still finds it
    assert [h.entry_id for h in again.screen("Later Trading Company", on="2025-01-01")] == ["2"]
    assert again.screen("Later Trading Company", on="3000-01-01") == []


def test_damaged_or_foreign_files_are_ignored(tmp_path: Path) -> None:
    built = _small()
    indexcache.save(tmp_path, "k1", built.state())
    assert indexcache.load(tmp_path, "k2") is None  # another key: another file name
    path = next((tmp_path / "cache").glob("screen-index-*.pickle"))
    path.write_bytes(path.read_bytes()[:100])  # cut short
    assert indexcache.load(tmp_path, "k1") is None


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("never run",))


def test_only_index_types_are_unpickled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    indexcache.save(tmp_path, "k1", {"expires": "9999-12-31", "boom": _Boom()})
    assert indexcache.load(tmp_path, "k1") is None
    assert "never run" not in capsys.readouterr().out
    assert pickle.loads(pickle.dumps(_small().state()))  # the real state pickles with plain types


def test_key_follows_the_list_store(tmp_path: Path) -> None:
    before = indexcache.index_key(tmp_path)
    assert indexcache.index_key(tmp_path) == before
    lists = tmp_path / "lists"
    (lists / "user_x" / "v1").mkdir(parents=True)
    (lists / "user_x" / "v1" / "meta.json").write_text('{"sha256": "aa"}', encoding="utf-8")
    (lists / "current.json").write_text('{"user_x": "v1"}', encoding="utf-8")
    with_list = indexcache.index_key(tmp_path)
    assert with_list != before
    (lists / "user_x" / "v1" / "meta.json").write_text('{"sha256": "bb"}', encoding="utf-8")
    assert indexcache.index_key(tmp_path) != with_list


def _small_lists(*_: object) -> list[LoadedList]:
    version = ListVersion("t", "test", "v1", "2025-01-01", "test", "0" * 64)
    return [LoadedList(version, [ListEntry("T", "1", "示例计算技术研究所", aliases=["Example Computing Institute"])])]


def test_get_screener_writes_then_reads_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tenderwatch.screen.store.load_active", _small_lists)
    reset_screener_cache()
    try:
        first = get_screener(tmp_path)
        assert first.loaded_from == "lists" and list((tmp_path / "cache").glob("screen-index-*.pickle"))
        reset_screener_cache()

        def no_parsing(*_: object) -> None:
            raise AssertionError("the lists were parsed although the index cache is valid")

        monkeypatch.setattr("tenderwatch.screen.store.load_active", no_parsing)
        second = get_screener(tmp_path)
        assert second is not first and second.loaded_from == "cache"
        assert _results(second) == _results(first) and _results(first)[0]
    finally:
        reset_screener_cache()


def test_cache_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tenderwatch.screen.store.load_active", _small_lists)
    monkeypatch.setenv("TENDERWATCH_SCREEN_CACHE", "0")
    assert not indexcache.enabled()
    reset_screener_cache()
    try:
        assert get_screener(tmp_path).loaded_from == "lists"
        assert not (tmp_path / "cache").exists()
    finally:
        reset_screener_cache()


def test_index_of_another_shape_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tenderwatch.screen.store.load_active", _small_lists)
    key = indexcache.index_key(tmp_path)
    state = _small().state()
    indexcache.save(tmp_path, key, {**state, "by_token": {"example": {0}}})  # sets, not packed numbers
    reset_screener_cache()
    try:
        screener = get_screener(tmp_path)
        assert screener.loaded_from == "lists" and _results(screener)[0]
    finally:
        reset_screener_cache()


def test_records_are_read_back_when_used_and_only_index_types(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Entries and list names of a cached index are made when first used (a scan touches few of
    them); a record of a foreign type is refused when it is read."""
    built = _small()
    indexcache.save(tmp_path, "k1", built.state())
    state = indexcache.load(tmp_path, "k1")
    assert state is not None
    again = Screener.from_state(state)
    assert len(again.ref_name) == len(built.ref_name) and again.by_token == built.by_token
    assert again.screen("Example Computing Institute")
    assert list(again.ref_name) == list(built.ref_name) and list(again.entries) == list(built.entries)
    state["ref_name"] = [pickle.dumps(_Boom())] * len(state["ref_name"])  # not a marshalled record
    foreign = Screener.from_state(state)
    with pytest.raises(ValueError):
        foreign.ref_name[0]
    state["ref_name"] = [indexcache.dumps(("a", "b"))] * len(state["ref_name"])  # a record of another shape
    with pytest.raises(ValueError, match="another shape"):
        Screener.from_state(state).ref_name[0]
    assert "never run" not in capsys.readouterr().out


def test_latin_keys_are_read_back_on_the_first_latin_query(tmp_path: Path) -> None:
    """A cached index keeps the keys only Latin-script queries look up as one string until the first such
    query (a scan of notices in Chinese never needs them); the hits are those of the built index."""
    built = _small()
    indexcache.save(tmp_path, "k1", built.state())
    state = indexcache.load(tmp_path, "k1")
    assert state is not None
    again = Screener.from_state(state)
    by_key = again.by_key
    assert isinstance(by_key, SplitKeys)
    assert [h.to_dict() for h in again.screen(NAMES[0])] == [h.to_dict() for h in built.screen(NAMES[0])]
    assert by_key._latin is None  # a Chinese query: the Latin keys not read
    assert _results(again) == _results(built)
    assert by_key._latin is not None and dict(by_key) == dict(built.by_key)


def test_cache_of_an_older_format_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Format 3 pickled each record; format 6 marshals it: a format-3 file (same key) is not read."""
    monkeypatch.setattr("tenderwatch.screen.store.load_active", _small_lists)
    key = indexcache.index_key(tmp_path)
    monkeypatch.setattr(indexcache, "INDEX_FORMAT", 3)
    indexcache.save(tmp_path, key, _small().state())
    monkeypatch.undo()
    monkeypatch.setattr("tenderwatch.screen.store.load_active", _small_lists)
    assert indexcache.INDEX_FORMAT == 6
    assert indexcache.load(tmp_path, key) is None
    reset_screener_cache()
    try:
        screener = get_screener(tmp_path)
        assert screener.loaded_from == "lists" and _results(screener)[0]
        reset_screener_cache()
        assert get_screener(tmp_path).loaded_from == "cache"  # rewritten in the current format
    finally:
        reset_screener_cache()


def test_the_index_key_covers_opencc_dictionaries(tmp_path: Path) -> None:
    """List names are simplified with OpenCC's dictionaries; before, an OpenCC upgrade that changed them
    kept the old key, and a stale index was read back. The stamp changes with a dictionary file."""
    (tmp_path / "TSCharacters.ocd2").write_bytes(b"one")
    before = indexcache.dictionary_stamp(tmp_path)
    (tmp_path / "TSCharacters.ocd2").write_bytes(b"two, longer")
    assert indexcache.dictionary_stamp(tmp_path) != before
    assert indexcache.dictionary_stamp(tmp_path / "missing") == b""
    import importlib.util

    spec = importlib.util.find_spec("opencc")
    assert spec is not None and spec.origin
    assert indexcache.dictionary_stamp(Path(spec.origin).parent / "clib" / "share" / "opencc")  # found installed
