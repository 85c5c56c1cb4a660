"""The WARC streams of an input file: a WARC/ARC file itself, or each WARC inside a WACZ package.

A WACZ (Web Archive Collection Zipped, what Browsertrix and ArchiveWeb.page write by default) is
a zip holding ``datapackage.json`` and the crawl's WARC files under ``archive/``. Its members are
streamed from the zip one at a time, so a WACZ is read record by record like a WARC; each member
is named ``PACKAGE#archive/NAME.warc.gz`` (its records' ``warc_file``).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .warcsniff import looks_like_warc, read_head, unzipped_head

ZIP_MAGIC = b"PK\x03\x04"
MAX_DATAPACKAGE = 10 * 1024 * 1024
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def wacz_members(file: Path) -> list[str] | None:
    """The WARC members of a WACZ package, in order, or ``None`` when ``file`` is not one."""
    try:
        with file.open("rb") as handle:
            if handle.read(4) != ZIP_MAGIC:
                return None
        with zipfile.ZipFile(file) as package:
            names = package.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    members = [n for n in names if n.startswith("archive/") and n.lower().endswith(WARC_SUFFIXES)]
    return members if members and "datapackage.json" in names else None


def is_warc_input(file: Path) -> bool:
    """A WARC or ARC file (plain or gzipped, by its first bytes) or a WACZ package of them.
    The file is opened once for both questions (twice only for a zip file)."""
    head = read_head(file)
    if looks_like_warc(unzipped_head(head)):
        return True
    return head.startswith(ZIP_MAGIC) and wacz_members(file) is not None


def warc_streams(file: Path, display: str) -> Iterator[tuple[str, IO[bytes], int]]:
    """(name, open stream, size) of each WARC in ``file``: the file itself, or a WACZ's members.
    Each stream is open only while its tuple is the current one."""
    members = wacz_members(file)
    if members is None:
        with file.open("rb") as handle:
            yield display, handle, file.stat().st_size
        return
    with zipfile.ZipFile(file) as package:
        for name in members:
            info = package.getinfo(name)
            with package.open(info) as handle:
                yield f"{display}#{name}", handle, info.file_size


def package_problems(file: Path) -> list[str]:
    """What is wrong with a WACZ package as a whole: each file ``datapackage.json`` lists with a
    ``hash`` (``sha256:HEX``, ``md5:HEX``…) is hashed and compared; a listed file missing, or a
    ``datapackage.json`` that cannot be read, is a problem too."""
    try:
        with zipfile.ZipFile(file) as package:
            info = package.getinfo("datapackage.json")
            if info.file_size > MAX_DATAPACKAGE:
                return [f"datapackage.json is {info.file_size} bytes; not read"]
            listing = json.loads(package.read(info))
            resources = listing.get("resources") if isinstance(listing, dict) else None
            if not isinstance(resources, list):
                return ["datapackage.json lists no resources"]
            names = set(package.namelist())
            return [problem for res in resources if isinstance(res, dict)
                    for problem in _resource_problems(package, names, res)]
    except (OSError, zipfile.BadZipFile, EOFError, KeyError, ValueError) as exc:
        return [f"datapackage.json cannot be read: {type(exc).__name__}: {exc}"]


def _resource_problems(package: zipfile.ZipFile, names: set[str], resource: dict[str, object]) -> list[str]:
    path, written = str(resource.get("path", "")), str(resource.get("hash") or "")
    if path not in names:
        return [f"{path or 'a resource without a path'}: listed in datapackage.json but not in the package"]
    algorithm, _, expected = written.partition(":")
    if not expected or algorithm.lower() not in hashlib.algorithms_available:
        return []  # no hash, or one we cannot compute: nothing to check
    digest = hashlib.new(algorithm.lower())
    with package.open(path) as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != expected.lower():
        return [f"{path}: its {algorithm} hash does not match datapackage.json ({written})"]
    return []
