"""List versions: the bundled snapshot and the list store (``TENDERWATCH_HOME`` or ~/.tenderwatch).

Store layout::

    <home>/lists/<source>/<version>/data.<ext>   the file as downloaded / read
    <home>/lists/<source>/<version>/meta.json    ListVersion (origin, date, sha256, entries)
    <home>/lists/current.json                    {source: version} - replaced atomically

A new version is parsed and checked before anything is written, written under a temporary
name, renamed into place, and only then made current with one ``os.replace``. A malformed or
implausible file leaves the previous version in force.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tenderwatch import tempfiles
from tenderwatch.home import home_dir
from tenderwatch.screen.bundled import LoadedList, bundled, enriched, sha256
from tenderwatch.screen.entries import ListFormatError, ListVersion
from tenderwatch.screen.loaders.detect import parse_bytes

log = logging.getLogger(__name__)

MIN_ENTRIES = 10  # a list with fewer rows is not a plausible update
MIN_SHARE_OF_PREVIOUS = 0.5  # nor one that lost more than half of the previous version's rows
SOURCE_BY_FORMAT = {"csl_csv": "trade_gov_csl", "csl_json": "trade_gov_csl", "ofac_sdn": "ofac_sdn",
                    "entity_partial": "bis_entity_list_cn_partial", "ftm": "ftm_export"}
TITLE_BY_SOURCE = {"trade_gov_csl": "trade.gov Consolidated Screening List (Entity List, MEU, UVL, SDN ...)",
                   "ofac_sdn": "OFAC SDN list (primary file only)", "ftm_export": "FollowTheMoney export",
                   "bis_entity_list_cn_partial": "BIS Entity List, CN/HK (PARTIAL transcription)"}


class ListUpdateError(RuntimeError):
    """An update was refused; the previous list version stays in force."""


def load_bundled() -> list[LoadedList]:
    """The bundled snapshot, checked against its manifest, with the extra names of the enriching
    sources added (parsed once per process)."""
    snapshot = bundled()
    return enriched(list(snapshot.lists), snapshot.enrichers)


def _read_current(lists_dir: Path) -> dict[str, str]:
    path = lists_dir / "current.json"
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _load_stored(lists_dir: Path, source: str, version: str) -> LoadedList:
    folder = lists_dir / source / version
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    data_path = next(folder.glob("data.*"))
    data = data_path.read_bytes()
    if sha256(data) != meta["sha256"]:
        raise ListFormatError(f"{data_path}: SHA-256 differs from meta.json")
    _, entries = parse_bytes(data, meta.get("format"), meta.get("list_name", ""))
    fields = {k: meta[k] for k in ListVersion.__slots__ if k in meta}
    return LoadedList(ListVersion(**fields), entries)


def load_active(home: str | os.PathLike[str] | None = None) -> list[LoadedList]:
    """The bundled snapshot, with every source the store holds a current version of replaced/added."""
    lists_dir = home_dir(home) / "lists"
    tempfiles.remove_stale(lists_dir)  # of an update that was interrupted
    snapshot = bundled()
    stored: dict[str, LoadedList] = {}
    for source, version in _read_current(lists_dir).items():
        try:
            stored[source] = _load_stored(lists_dir, source, version)
        except (OSError, StopIteration, KeyError, ValueError) as exc:
            log.warning("list %s version %s unusable (%s); keeping the previous one", source, version, exc)
    loaded = {item.version.source: item for item in snapshot.lists
              if not set(snapshot.superseded_by.get(item.version.source, ())) & set(stored)}
    loaded.update(stored)
    return enriched(list(loaded.values()), snapshot.enrichers)


def _fetch(origin: str, timeout: float = 60.0, max_bytes: int = 512 * 1024 * 1024) -> bytes:
    if origin.startswith(("http://", "https://")):
        import urllib.error
        import urllib.request

        request = urllib.request.Request(origin, headers={"User-Agent": "tenderwatch-lists-update"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                data = bytes(response.read(max_bytes + 1))
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ListUpdateError(f"could not download {origin}: {exc}") from exc
    else:
        try:
            data = Path(origin).expanduser().read_bytes()
        except OSError as exc:
            raise ListUpdateError(f"could not read {origin}: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise ListUpdateError(f"{origin}: larger than {max_bytes} bytes")
    return data


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=tempfiles.prefix("tmp"), suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def update(origin: str, home: str | os.PathLike[str] | None = None, source: str | None = None) -> ListVersion:
    """Fetch, verify and store a new list version, then make it current. Raises ListUpdateError."""
    data = _fetch(origin)
    try:
        fmt, entries = parse_bytes(data)
    except ListFormatError as exc:
        raise ListUpdateError(f"{origin}: {exc}; the previous list version stays in force") from exc
    if fmt == "user_csv":
        stem = Path(origin.rstrip("/").rsplit("/", 1)[-1]).stem or "list"
        source = source or "user_" + "".join(c if c.isalnum() else "_" for c in stem.lower())
    source = source or SOURCE_BY_FORMAT[fmt]
    lists_dir = home_dir(home) / "lists"
    lists_dir.mkdir(parents=True, exist_ok=True)
    previous = _read_current(lists_dir).get(source)
    floor = MIN_ENTRIES
    if previous:
        with contextlib.suppress(OSError, KeyError, ValueError):
            meta = json.loads((lists_dir / source / previous / "meta.json").read_text(encoding="utf-8"))
            floor = max(floor, int(int(meta["entries"]) * MIN_SHARE_OF_PREVIOUS))
    if len(entries) < floor:
        raise ListUpdateError(f"{origin}: only {len(entries)} entries (expected at least {floor}); "
                              "the previous list version stays in force")
    now = datetime.now(UTC)
    version = ListVersion(
        source=source, title=TITLE_BY_SOURCE.get(source, f"user list {source}"), version=now.strftime("%Y%m%dT%H%M%S%fZ"),
        date=now.date().isoformat(), origin=origin, sha256=sha256(data), entries=len(entries),
        partial=source == "bis_entity_list_cn_partial", files=[f"data.{'json' if fmt in ('csl_json', 'ftm') else 'csv'}"],
    )
    tmp = Path(tempfile.mkdtemp(dir=lists_dir, prefix=tempfiles.prefix("incoming")))
    (tmp / version.files[0]).write_bytes(data)
    (tmp / "meta.json").write_text(json.dumps({**version.to_dict(), "format": fmt}, indent=1), encoding="utf-8")
    (lists_dir / source).mkdir(exist_ok=True)
    os.replace(tmp, lists_dir / source / version.version)
    current = _read_current(lists_dir)
    current[source] = version.version
    _write_atomic(lists_dir / "current.json", json.dumps(current, indent=1, sort_keys=True))
    log.info("list %s: version %s with %d entries is now current", source, version.version, len(entries))
    return version


def prune(home: str | os.PathLike[str] | None = None, keep: int = 3) -> list[str]:
    """Remove stored list versions beyond the newest ``keep`` of each source; the version in force
    (``current.json``) is always kept. Returns the removed ``source/version`` names."""
    if keep < 1:
        raise ValueError("keep at least one version")
    lists_dir = home_dir(home) / "lists"
    current = _read_current(lists_dir)
    removed: list[str] = []
    try:
        folders = sorted(p for p in lists_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return removed
    for folder in folders:
        versions = sorted(p.name for p in folder.iterdir() if p.is_dir() and (p / "meta.json").exists())
        for version in versions[:-keep]:  # version names are UTC timestamps: they sort by age
            if version == current.get(folder.name):
                continue
            shutil.rmtree(folder / version, ignore_errors=True)
            removed.append(f"{folder.name}/{version}")
    if removed:
        log.info("pruned %d old list version(s) in %s", len(removed), lists_dir)
    return removed
