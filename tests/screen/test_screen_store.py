"""lists update: verify, store a new version beside the old one, swap atomically; loopback HTTP only."""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from tenderwatch import tempfiles
from tenderwatch.cli.main import main
from tenderwatch.screen import get_screener, indexcache, reset_screener_cache
from tenderwatch.screen.store import ListUpdateError, load_active, prune, update


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


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_prune_keeps_the_newest_and_the_version_in_force(tmp_path: Path) -> None:
    src = tmp_path / "watch.csv"
    made = []
    for n in range(5):
        src.write_bytes(_user_csv(12 + n))
        made.append(update(str(src), tmp_path / "home").version)
    lists = tmp_path / "home" / "lists"
    current = json.loads((lists / "current.json").read_text())
    current["user_watch"] = made[0]  # an older version was put back in force
    (lists / "current.json").write_text(json.dumps(current))
    removed = prune(tmp_path / "home", keep=2)
    assert sorted(removed) == [f"user_watch/{v}" for v in made[1:3]]
    assert sorted(p.name for p in (lists / "user_watch").iterdir()) == sorted([made[0], *made[3:]])
    assert prune(tmp_path / "home", keep=2) == []  # nothing more to do
    with pytest.raises(ValueError):
        prune(tmp_path / "home", keep=0)


def test_lists_prune_command(tmp_path: Path) -> None:
    src = tmp_path / "watch.csv"
    for n in range(4):
        src.write_bytes(_user_csv(12 + n))
        update(str(src), tmp_path / "home")
    result = CliRunner().invoke(main, ["lists", "prune", "--home", str(tmp_path / "home")])
    assert result.exit_code == 0, result.output
    assert "1 old version(s) removed" in result.output
    assert len(list((tmp_path / "home" / "lists" / "user_watch").iterdir())) == 3


def test_temp_files_of_an_interrupted_write_are_removed_on_the_next_start(tmp_path: Path) -> None:
    home = tmp_path / "home"
    lists, cache = home / "lists", home / "cache"
    lists.mkdir(parents=True)
    cache.mkdir()
    dead = _dead_pid()
    stale_update = lists / f".incoming-{dead}-abc"
    stale_update.mkdir()
    (stale_update / "data.csv").write_bytes(b"half written")
    stale_index = cache / f".tmp-{dead}-xyz.pickle"
    stale_index.write_bytes(b"half an index")
    running = cache / f".tmp-{os.getpid()}-live.pickle"  # a write still under way in a live process
    running.write_bytes(b"being written")
    old = lists / ".tmp-oldname.json"  # a name without a process id: removed by age only
    old.write_text("{}")
    os.utime(old, (time.time() - 2 * tempfiles.MAX_AGE_SECONDS,) * 2)
    load_active(home)
    assert not stale_update.exists() and not old.exists()
    indexcache.load(home, "some-key")
    assert not stale_index.exists() and running.exists()


def test_a_write_under_way_on_another_machine_sharing_the_home_is_not_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The process id in a temporary file's name only means something on the machine that wrote it: on a
    home shared by several machines, another machine's young file is kept whatever our process table says
    (before, a write under way there was removed when its pid happened not to run here)."""
    folder = tmp_path / "cache"
    folder.mkdir()
    dead = _dead_pid()

    def named_on(host: str, rest: str) -> Path:
        monkeypatch.setattr(socket, "gethostname", lambda: host)
        return folder / (tempfiles.prefix("tmp").replace(str(os.getpid()), str(dead), 1) + rest)

    elsewhere = named_on("machine-a", "abc.pickle")
    elsewhere.write_bytes(b"being written on machine a")
    abandoned = named_on("machine-a", "old.pickle")
    abandoned.write_bytes(b"left on machine a long ago")
    os.utime(abandoned, (time.time() - 2 * tempfiles.MAX_AGE_SECONDS,) * 2)
    here = named_on("machine-b", "xyz.pickle")
    here.write_bytes(b"left by a process of this machine that has ended")
    mine = folder / f"{tempfiles.prefix('tmp')}live.pickle"
    mine.write_bytes(b"being written here")
    assert tempfiles.remove_stale(folder) == 2  # on machine b
    assert elsewhere.exists() and mine.exists() and not here.exists() and not abandoned.exists()
