"""The regulation-text lists (eCFR Entity/MEU List, 1260H, NS-CMIC): aliases, subordinate
institutions split out with part_of, Federal Register citations and the date first listed."""

from __future__ import annotations

import csv
import io

from tenderwatch.screen.loaders.regulation import parse_regulation_csv
from tenderwatch.screen.store import load_bundled

COLUMNS = ["name", "aliases", "country", "address", "federal_register", "first_cited", "last_cited",
           "effective_date", "notes"]
ROWS = [
    ["Example Institute of Computing (EIC) (f.k.a., Old Computing Institute)",
     "Example Computing|Example Institute of Computing, Shenzhen Research Institute", "China",
     "Example Lab of Chips. Subordinate institution Example Centre of Networks. The following addresses apply to"
     " the entity and the two subordinate institutions: No. 1 Example Road, Beijing",
     "84 FR 29373, 6/24/19. 89 FR 1000, 1/2/24", "2019-06-24", "2024-01-02", "", ""],
    ["Example Institute of Computing subordinate institution: Example Devices Factory", "", "China", "",
     "85 FR 1, 1/1/20", "2020-01-01", "2020-01-01", "", ""],
    ["Example Holdings Co.", "", "China", "", "", "2021-06-03", "", "",
     "Listing Date (CMIC): 03 Jun 2021; USCC 9111000071093019X7"],
]


def _csv() -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([COLUMNS, *ROWS])
    return out.getvalue().encode()


def test_parse_splits_aliases_subunits_citations_and_dates() -> None:
    entries = parse_regulation_csv(_csv(), "BIS Entity List", "EAR 744.11", "EL")
    parent, sub, cmic = entries
    assert parent.name == "Example Institute of Computing"
    assert {"EIC", "Old Computing Institute", "Example Computing"} <= set(parent.aliases)
    assert {"Example Lab of Chips", "Example Centre of Networks",
            "Example Institute of Computing, Shenzhen Research Institute"} <= set(parent.subunits)
    assert parent.addresses == ["No. 1 Example Road, Beijing"]
    assert parent.citations[0].startswith("84 FR 29373") and parent.start_date == "2019-06-24"
    assert sub.name == "Example Devices Factory" and sub.part_of == "Example Institute of Computing"
    assert cmic.start_date == "2021-06-03" and cmic.identifiers == ["9111000071093019X7"]
    undated = parse_regulation_csv(_csv(), "DoD 1260H", dated=False)
    assert undated[0].start_date == "" and undated[2].start_date == "2021-06-03"  # its own listing date


def test_bundled_regulation_lists_carry_dates_and_subordinates() -> None:
    loaded = {item.version.source: item.entries for item in load_bundled()}
    entity = loaded["bis_entity_list"]
    assert sum(1 for e in entity if e.start_date) >= 3400 and all(e.citations for e in entity if e.start_date
                                                                   and not e.end_date)
    assert any(e.part_of for e in entity)
    cetc = next(e for e in loaded["dod_1260h"] if e.name == "China Electronics Technology Group Corporation")
    assert "15th Research Institute of CETC" in cetc.subunits and cetc.start_date == ""  # 1260H: edition date only
    assert all(e.start_date for e in loaded["ofac_ns_cmic"])
