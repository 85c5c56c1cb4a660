"""The list snapshot bundled with tenderwatch (``data/lists/manifest.yaml``): each file checked
against its SHA-256, parsed once per process. A source with ``role: enriches`` is not a list of its
own but a source of extra names for the entries of another list (the partial Entity List
transcription gives Chinese names); ``superseded_by`` names the stored sources (an official CSL
download) that replace a bundled one."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from tenderwatch.screen.enrich import enrich
from tenderwatch.screen.entries import ListEntry, ListFormatError, ListVersion
from tenderwatch.screen.listinfo import short_name
from tenderwatch.screen.loaders.ofac import parse_ofac
from tenderwatch.screen.loaders.regulation import parse_regulation_csv
from tenderwatch.screen.loaders.tabular import parse_entity_partial
from tenderwatch.screen.vocab import vocab
from tenderwatch.yamlfile import load_yaml


@dataclass(slots=True)
class LoadedList:
    version: ListVersion
    entries: list[ListEntry]


@dataclass(frozen=True, slots=True)
class Enricher:
    target: str  # short name of the list whose entries it adds names to ("Entity List")
    entries: tuple[ListEntry, ...]
    label: str  # the file, for the version note


@dataclass(frozen=True, slots=True)
class Bundled:
    lists: tuple[LoadedList, ...]
    superseded_by: dict[str, tuple[str, ...]]  # bundled source -> stored sources that replace it
    enrichers: tuple[Enricher, ...]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest() -> list[dict[str, Any]]:
    text = resources.files("tenderwatch").joinpath("data", "lists", "manifest.yaml").read_text(encoding="utf-8")
    return list(load_yaml(text)["sources"])


def bundled_file(name: str) -> bytes:
    raw = resources.files("tenderwatch").joinpath("data", "lists", name).read_bytes()
    return gzip.decompress(raw) if name.endswith(".gz") else raw


def _parse(src: dict[str, Any], files: dict[str, bytes]) -> list[ListEntry]:
    fmt = src["format"]
    if fmt == "ofac":
        return parse_ofac(files["primary"], str(src["list_name"]), alt=files.get("alt"), add=files.get("add"),
                          comments=files.get("comments"))
    if fmt == "regulation":
        return parse_regulation_csv(files["primary"], str(src["list_name"]), str(src.get("programme", "")),
                                    str(src.get("id_prefix", "R")), vocab().latin_places, bool(src.get("dated", True)))
    if fmt == "entity_partial":
        return parse_entity_partial(files["primary"])
    raise ListFormatError(f"bundled {src['source']}: unknown format {fmt!r}")


@cache
def bundled() -> Bundled:
    lists: list[LoadedList] = []
    superseded: dict[str, tuple[str, ...]] = {}
    enrichers: list[Enricher] = []
    manifest = _manifest()
    short_by_source = {str(src["source"]): short_name(str(src["list_name"]), str(src.get("programme", "")))
                       for src in manifest}
    for src in manifest:
        files: dict[str, bytes] = {}
        digests: list[str] = []
        for role, spec in src["files"].items():
            data = bundled_file(spec["file"])
            if sha256(data) != spec["sha256"]:
                raise ListFormatError(f"bundled {spec['file']}: SHA-256 differs from the manifest")
            files[role] = data
            digests.append(f"{spec['file']}:{spec['sha256']}")
        entries = _parse(src, files)
        if src.get("role") == "enriches":
            enrichers.append(Enricher(short_by_source[str(src["enriches"])], tuple(entries), src["files"]["primary"]["file"]))
            continue
        superseded[str(src["source"])] = tuple(map(str, src.get("superseded_by") or ()))
        lists.append(LoadedList(ListVersion(
            source=src["source"], title=src["title"], version=f"bundled-{src['date']}", date=str(src["date"]),
            origin="bundled: " + src["origin"], sha256=";".join(digests), entries=len(entries),
            partial=bool(src.get("partial")), note=str(src.get("note", "")),
            files=[spec["file"] for spec in src["files"].values()],
        ), entries))
    return Bundled(tuple(lists), superseded, tuple(enrichers))


def enriched(lists: list[LoadedList], enrichers: tuple[Enricher, ...]) -> list[LoadedList]:
    """``lists`` with each enricher's names added to the entries of its target list (copies: the
    parsed lists are shared by every caller in the process)."""
    out: list[LoadedList] = []
    for item in lists:
        for enricher in enrichers:
            targets = [replace(e, aliases=list(e.aliases)) for e in item.entries
                       if short_name(e.list_name, e.programs) == enricher.target]
            if not targets:
                continue
            what = enrich(targets, [replace(e, aliases=list(e.aliases)) for e in enricher.entries])
            others = [e for e in item.entries if short_name(e.list_name, e.programs) != enricher.target]
            entries = others + targets
            note = f"{item.version.note.rstrip().rstrip('.')}. Names from {enricher.label}: {what}.".lstrip(". ")
            item = LoadedList(replace(item.version, entries=len(entries), note=note), entries)
        out.append(item)
    return out
