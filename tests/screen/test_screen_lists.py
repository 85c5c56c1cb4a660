"""List loaders: OFAC legacy CSV, trade.gov CSL (CSV and JSON), FtM, user CSV; the bundled snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest

from tenderwatch.screen.entries import ListFormatError, find_usccs
from tenderwatch.screen.loaders import detect_format, parse_bytes
from tenderwatch.screen.loaders.ofac import parse_ofac
from tenderwatch.screen.store import load_bundled


def test_ofac_legacy_quirks(fixtures: Path) -> None:
    entries = parse_ofac((fixtures / "ofac_sdn_mini.csv").read_bytes(), "OFAC SDN",
                         alt=(fixtures / "ofac_alt_mini.csv").read_bytes(),
                         add=(fixtures / "ofac_add_mini.csv").read_bytes())
    by_id = {e.entry_id: e for e in entries}
    ceshi = by_id["9001"]
    assert ceshi.identifiers == ["9111000071093019X7"]  # USCC from the remarks
    assert "CESHI GROUP" in ceshi.aliases and "CHINA TEST GROUP CO., LTD." in ceshi.aliases
    assert ceshi.country == "China" and ceshi.programs == "CMIC-EO13959"
    assert by_id["9002"].name == "SOCIÉTÉ EXEMPLE"  # latin-1 byte decoded
    assert by_id["9003"].kind == "vessel" and by_id["9004"].kind == "individual"
    assert all("\x1a" not in e.name for e in entries)


def test_uscc_must_validate() -> None:
    assert find_usccs("USCC 9111000071093019X7 (China)") == ["9111000071093019X7"]
    assert find_usccs("USCC 9111000071093019X8 (China)") == []  # wrong check character


def test_csl_json(fixtures: Path) -> None:
    fmt, entries = parse_bytes((fixtures / "csl_mini.json").read_bytes())
    assert fmt == "csl_json" and len(entries) == 3
    first = entries[0]
    assert first.list_name.startswith("Entity List") and first.identifiers == ["91110000MA005UCQ5P"]
    assert first.aliases == ["Example Supercomputing", "Example HPC"] and first.country == "CN"


def test_csl_csv_sample(shared: Path) -> None:
    sample = shared / "lists" / "csl_format_sample_watchman_2025-06.csv"
    fmt, entries = parse_bytes(sample.read_bytes())
    assert fmt == "csl_csv" and len(entries) == 13
    assert {e.list_name for e in entries} >= {"Military End User (MEU) List - Bureau of Industry and Security"}


def test_ftm_export(fixtures: Path) -> None:
    fmt, entries = parse_bytes((fixtures / "ftm_mini.json").read_bytes())
    assert fmt == "ftm" and len(entries) == 2  # the Sanction object is not a party
    company = entries[0]
    assert company.list_name == "us_trade_csl" and "示例量子计算有限公司" in company.aliases
    assert company.identifiers == ["91110000MA005UCQ5P"]
    assert entries[1].kind == "individual"


def test_user_csv(fixtures: Path) -> None:
    fmt, entries = parse_bytes((fixtures / "user_list.csv").read_bytes())
    assert fmt == "user_csv" and len(entries) == 2
    assert entries[0].aliases == ["Example Computing Institute", "示例计算所"]
    assert entries[1].identifiers == ["9111000071093019X7"] and entries[1].source_url == "https://example.org/b"


@pytest.mark.parametrize("data", [b"", b"   \n", b"this is not, a list\n\"unterminated\n", b"{not json", b"[]"])
def test_malformed_lists_raise_a_clear_error(data: bytes) -> None:
    with pytest.raises(ListFormatError) as info:
        parse_bytes(data)
    assert str(info.value)


def test_detect_format_names_the_accepted_formats(fixtures: Path) -> None:
    with pytest.raises(ListFormatError, match="unrecognised list format"):
        detect_format((fixtures / "malformed.csv").read_bytes())


def test_bundled_snapshot_has_provenance() -> None:
    loaded = {item.version.source: item for item in load_bundled()}
    assert set(loaded) == {"ofac_sdn", "ofac_cons", "bis_entity_list", "bis_meu_list", "dod_1260h", "ofac_ns_cmic"}
    # the partial transcription is a source of Chinese names for the Entity List, not a list of its own
    assert "entity-list-cn-partial.csv.gz" in loaded["bis_entity_list"].version.note
    assert sum(1 for e in loaded["bis_entity_list"].entries if e.country.lower() == "china") >= 1000
    assert sum(1 for e in loaded["ofac_cons"].entries if e.identifiers) >= 50  # NS-CMIC USCCs
    for item in loaded.values():
        assert item.version.sha256 and item.version.date and item.version.origin.startswith("bundled")


def test_noncommercial_files_are_not_shipped() -> None:
    import tenderwatch

    data_dir = Path(tenderwatch.__file__).parent / "data" / "lists"
    names = " ".join(p.name.lower() for p in data_dir.iterdir())
    assert "opensanctions" not in names and "noncommercial" not in names


def test_no_home_directory_screens_against_the_bundled_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: with HOME unset and no passwd entry, Path.home() raised and every party's screening failed."""
    from pathlib import Path

    from tenderwatch.screen import store as list_store

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("TENDERWATCH_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    from tenderwatch.home import home_dir

    folder = home_dir()
    assert not folder.exists()
    loaded = list_store.load_active()
    assert loaded and [item.version.source for item in loaded] == [item.version.source for item in list_store.load_bundled()]


def test_a_transcription_row_goes_to_the_entry_of_its_own_place_not_a_country_subsidiary() -> None:
    from tenderwatch.screen.enrich import enrich
    from tenderwatch.screen.entries import ListEntry

    listed = [
        ListEntry("BIS Entity List", "EL-1", "Huawei Technologies (Australia) Pty Ltd."),  # first in the list
        ListEntry("BIS Entity List", "EL-2", "Huawei Technologies Co., Ltd."),
        ListEntry("BIS Entity List", "EL-3", "Semiconductor Manufacturing International (Beijing) Corporation"),
        ListEntry("BIS Entity List", "EL-4", "Semiconductor Manufacturing International Corporation"),
    ]
    rows = [ListEntry("BIS Entity List", "p1", "Huawei Technologies Co., Ltd.", ["Huawei", "华为"]),
            ListEntry("BIS Entity List", "p2", "Semiconductor Manufacturing International Corporation", ["中芯国际"]),
            ListEntry("BIS Entity List", "p3", "Semiconductor Manufacturing International (Tianjin) Corporation")]
    note = enrich(listed, rows)
    by_id = {e.entry_id: e.aliases for e in listed}
    # the Chinese names went to the Australian subsidiary and to SMIC Beijing (same name, place dropped)
    assert by_id == {"EL-1": [], "EL-2": ["Huawei", "华为"], "EL-3": [], "EL-4": ["中芯国际"]}
    assert note == "2 rows matched, 0 removed entries kept, 1 rows not found dropped"
