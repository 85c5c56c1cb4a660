"""A scan's inputs: listing them (local folders as :func:`~tenderwatch.read.walk` finds them, fsspec URLs as
fsspec lists them) and reading one (its bytes and SHA-256, or the failure decided without reading it).

Reading happens where the pipeline runs: in a worker process, or on a Dask worker, which is sent only the
input's name (:class:`Item` with ``source``) and sends back its bytes, packed for the store, and its results.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tenderwatch.model import DocResult, FailReason, ReadFailure
from tenderwatch.read import Input, Limits, walk

if TYPE_CHECKING:
    from tenderwatch.read.warc import PayloadReader
    from tenderwatch.store.blobcodec import Packed
    from tenderwatch.warcscan import RecordWork

log = logging.getLogger(__name__)
EMPTY_SHA = hashlib.sha256(b"").hexdigest()


@dataclass(slots=True)
class Item:
    """One input file to store: its bytes, or the failure decided without reading it. An item
    for a worker carries only its name (``source``, a path or an fsspec URL) and the sha256
    stored for it (``known``); the worker reads it and sends it back with its bytes packed for the
    store (``packed``, ``data`` then empty: the bytes travel once), ``sha`` and the export ``rows`` of
    its results; bytes it sent before in the same scan (the same page under another name) do not travel
    again: ``repeated`` is then their size. Or one record of a WARC file, read here (``work``: its fetch;
    ``reader``: how to read it)."""

    display: str
    data: bytes
    sha: str
    results: list[DocResult] | None = None
    source: str = ""
    known: str | None = None
    reader: PayloadReader | None = None
    work: RecordWork | None = None
    packed: Packed | None = None
    rows: list[dict[str, Any]] | None = None
    repeated: int | None = None


def unread(item: Item) -> bool:
    """The item is a name still to be read (not a WARC record, not a failure decided already)."""
    return bool(item.source) and not item.data and item.results is None and item.work is None


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(slots=True)
class Source:
    """One input: a local path or an fsspec URL (``source``), its display path, and why it is
    not read (``skip``, from the walker) if it is not."""

    source: str
    display: str
    skip: FailReason | None = None
    detail: str = ""


def is_url(source: Path | str) -> bool:
    """An fsspec URL (``s3://``, ``http://``, ``file://`` ...), not a local path."""
    return isinstance(source, str) and "://" in source


def _local(entry: Input) -> Source:
    return Source(str(entry.file), entry.display, entry.skip, entry.detail)


def inputs(roots: Sequence[Path | str], follow_symlinks: bool = False) -> Iterator[Source]:
    """Every input, root by root: local ones as :func:`walk` finds them (with the reason one is
    not read), fsspec URLs as fsspec lists them (shown by their full URL)."""
    if not any(is_url(root) for root in roots):
        yield from (_local(entry) for entry in walk([Path(root) for root in roots], follow_symlinks))
        return
    for root in roots:
        if is_url(root):
            yield from (Source(url, url) for url in _list_url(str(root)))
        else:
            yield from (_local(entry) for entry in walk([Path(root)], follow_symlinks))


def failed_item(
    display: str, sha: str, reason: FailReason, detail: str, source: str = "", known: str | None = None
) -> Item:
    """An input whose outcome is decided without reading it: its one failed (or skipped) document."""
    failure = ReadFailure(display, reason, detail)
    return Item(display, b"", sha, [DocResult(path=display, sha256=sha, fmt="", failure=failure)], source, known)


def _list_url(url: str) -> list[str]:
    """The files at an fsspec URL (the URL itself when it is a file), hidden names skipped, sorted.
    A URL that cannot be listed is returned as it is: reading it then fails and is stored as failed."""
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
        if fs.isfile(path):
            return [url]
        files = sorted(str(f) for f in fs.find(path))
    except Exception as exc:  # any fsspec backend's error: the URL is then read, and fails, as a file
        log.warning("cannot list %s: %s", url, exc)
        return [url]
    below = [(f, f[len(str(path).rstrip("/")):]) for f in files]
    return [str(fs.unstrip_protocol(f)) for f, rel in below if not any(p.startswith(".") for p in rel.split("/"))]


def read_item(item: Item, limits: Limits) -> Item:
    """Read an item's input (a local path, or an fsspec URL such as ``s3://`` or ``http://``) and
    hash it; a file over the size limit or that cannot be read becomes its failure result."""
    display, source = item.display, item.source

    def failed(sha: str, reason: FailReason, detail: str) -> Item:
        return failed_item(display, sha, reason, detail, source, item.known)

    over = f"over the {limits.max_file_bytes}-byte limit; not read"
    try:
        if is_url(source):
            data = _read_url(source, limits.max_file_bytes + 1)
            if len(data) > limits.max_file_bytes:
                return failed(hashlib.sha256(display.encode()).hexdigest(), FailReason.TOO_LARGE, over)
        else:
            size, read = _read_local(source, limits.max_file_bytes)
            if read is None:
                return failed(hash_file(Path(source)), FailReason.TOO_LARGE, f"{size} bytes is {over}")
            data = read
    except FileNotFoundError as exc:
        if is_url(source):  # a URL that does not answer is a failed input, not a local file that vanished
            return failed(hashlib.sha256(display.encode()).hexdigest(), FailReason.CORRUPT, f"cannot read file: {exc}")
        return failed(EMPTY_SHA, FailReason.VANISHED, "file disappeared before it was read")
    except PermissionError as exc:
        return failed(EMPTY_SHA, FailReason.UNREADABLE, f"no permission: {exc.strerror}")
    except Exception as exc:  # OSError, or any error of an fsspec backend (s3, http ...): stored as failed
        return failed(hashlib.sha256(display.encode()).hexdigest(), FailReason.CORRUPT, f"cannot read file: {exc}")
    return Item(display, data, hashlib.sha256(data).hexdigest(), None, source, item.known)


def _read_local(source: str, most: int) -> tuple[int, bytes | None]:
    """A local file's size and bytes (``None`` when it is over ``most`` bytes: not read), from one
    unbuffered open (the file's size from that open, then one read to its end)."""
    with open(source, "rb", buffering=0) as handle:
        size = os.fstat(handle.fileno()).st_size
        return size, None if size > most else handle.readall()


def _read_url(url: str, most: int) -> bytes:
    """Up to ``most`` bytes of an fsspec URL (fsspec comes with the dask extra)."""
    import fsspec

    with fsspec.open(url, "rb") as handle:
        data: bytes = handle.read(most)
    return data
