"""lists update: verify, store a new version beside the old one, swap atomically; loopback HTTP only."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from tenderwatch.screen import get_screener, reset_screener_cache
from tenderwatch.screen.store import ListUpdateError, update


def _user_csv(n: int, prefix: str = "Example Party") -> bytes:
    rows = ["name,aliases,list,country,identifiers,start date,source"]
    rows += [f"{prefix} {i} Co. Ltd.,,test list,CN,,2025-01-0{1 + i % 9},https://example.org/{i}" for i in range(n)]
    return ("\n".join(rows) + "\n").encode()


class _Recorded(http.server.BaseHTTPRequestHandler):
    responses: ClassVar[dict[str, tuple[int, bytes]]] = {}

    def do_GET(self) -> None:
        status, body = self.responses.get(self.path, (404, b"not found"))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(fixtures: Path) -> Iterator[str]:
    _Recorded.responses = {
        "/consolidated.json": (200, _csl_json(12)),
        "/broken.json": (200, b'{"results": [ {"name": '),
        "/gone": (500, b"server error"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorded)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    thread.join()


def _csl_json(n: int) -> bytes:
    results = [{"id": f"id{i}", "source": "Entity List (EL) - Bureau of Industry and Security", "type": "Entity",
                "name": f"Loopback Computing Company {i}", "alt_names": [], "ids": [], "addresses": [{"country": "CN"}]}
               for i in range(n)]
    results[0]["name"] = "Loopback Supercomputing Center"
    return json.dumps({"results": results}).encode()


def test_update_from_loopback_url(server: str, tmp_path: Path) -> None:
    version = update(server + "/consolidated.json", tmp_path)
    assert version.source == "trade_gov_csl" and version.entries == 12 and version.origin.endswith("consolidated.json")
    current = json.loads((tmp_path / "lists" / "current.json").read_text())
    assert current == {"trade_gov_csl": version.version}
    reset_screener_cache()
    hits = get_screener(tmp_path).screen("Loopback Supercomputing Center")
    assert hits and hits[0].list_version == version.version and hits[0].list_date == version.date
    reset_screener_cache()


@pytest.mark.parametrize("path", ["/broken.json", "/gone", "/missing"])
def test_failed_download_leaves_previous_version(server: str, tmp_path: Path, path: str) -> None:
    good = update(server + "/consolidated.json", tmp_path)
    with pytest.raises(ListUpdateError) as info:
        update(server + path, tmp_path)
    assert str(info.value)
    assert json.loads((tmp_path / "lists" / "current.json").read_text()) == {"trade_gov_csl": good.version}
    assert len(list((tmp_path / "lists" / "trade_gov_csl").iterdir())) == 1  # nothing half-written
    assert not list((tmp_path / "lists").glob(".incoming-*"))


def test_new_version_is_stored_beside_the_old(tmp_path: Path) -> None:
    src = tmp_path / "watch.csv"
    src.write_bytes(_user_csv(12))
    first = update(str(src), tmp_path / "home")
    src.write_bytes(_user_csv(14))
    second = update(str(src), tmp_path / "home")
    assert first.source == second.source == "user_watch"
    versions = sorted(p.name for p in (tmp_path / "home" / "lists" / "user_watch").iterdir())
    assert versions == sorted([first.version, second.version])
    current = json.loads((tmp_path / "home" / "lists" / "current.json").read_text())
    assert current["user_watch"] == second.version


def test_implausible_row_count_is_refused(tmp_path: Path, fixtures: Path) -> None:
    with pytest.raises(ListUpdateError, match="only 1 entries"):
        update(str(fixtures / "tiny_list.csv"), tmp_path)
    src = tmp_path / "watch.csv"
    src.write_bytes(_user_csv(40))
    update(str(src), tmp_path / "home")
    src.write_bytes(_user_csv(12))  # lost more than half of its rows
    with pytest.raises(ListUpdateError, match="expected at least 20"):
        update(str(src), tmp_path / "home")


def test_malformed_file_is_refused(tmp_path: Path, fixtures: Path) -> None:
    with pytest.raises(ListUpdateError, match="previous list version stays in force"):
        update(str(fixtures / "malformed.csv"), tmp_path)
    with pytest.raises(ListUpdateError, match="could not read"):
        update(str(tmp_path / "does-not-exist.csv"), tmp_path)
    assert not (tmp_path / "lists" / "current.json").exists()


def test_corrupted_stored_version_falls_back(tmp_path: Path) -> None:
    src = tmp_path / "watch.csv"
    src.write_bytes(_user_csv(12, "Corrupt Test Party"))
    version = update(str(src), tmp_path / "home")
    data = tmp_path / "home" / "lists" / "user_watch" / version.version / "data.csv"
    data.write_bytes(b"garbage")
    reset_screener_cache()
    screener = get_screener(tmp_path / "home")
    assert not screener.screen("Corrupt Test Party 3 Co. Ltd.")
    assert any(v.source == "ofac_sdn" for v in screener.versions)
    reset_screener_cache()
