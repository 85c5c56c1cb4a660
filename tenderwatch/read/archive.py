"""Zip archives: every member is read as a document of its own, with the path
``ZIP#member/name``. Bounded: member count, total and per-member size,
compression ratio (zip bombs) and nesting depth. Unsafe member names
(``../``, absolute paths) are refused one by one; the other members are read.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator

from ..model import FailReason, ReadFailure, TextDoc
from .errors import CORRUPTION_ERRORS
from .limits import Limits
from .valid import escape_name

log = logging.getLogger(__name__)

Result = TextDoc | ReadFailure
MemberReader = Callable[[bytes, str, int], Iterator[Result]]

_DRIVE = re.compile(r"^[A-Za-z]:")
_JUNK_PARTS = ("__MACOSX",)
_JUNK_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")
_RATIO_FLOOR = 1024 * 1024  # small members may compress well without being bombs


def member_name(info: zipfile.ZipInfo) -> str:
    """Member name; legacy (non-UTF-8) names are re-decoded as GB18030 when possible."""
    name = info.filename
    if not info.flag_bits & 0x800:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("gb18030")
    return name


def member_path(path: str, name: str, seen: dict[str, int]) -> str:
    """The document key of member ``name`` of the archive at ``path``: ``ZIP#name``.

    Windows ``\\`` separators become ``/``; ``#`` in the name is written ``\\x23``, so a
    member can never look like a record or a nested member. A second member with the
    same name (zip allows it) is ``ZIP#name#\\2``: record keys hold no ``\\`` and escaped
    names only as ``\\xNN``, so it collides with nothing, and it is the same on every
    scan of the archive.
    """
    key = escape_name(name.replace("\\", "/"))
    seen[key] = count = seen.get(key, 0) + 1
    return f"{path}#{key}" if count == 1 else f"{path}#{key}#\\{count}"


def unsafe_name(name: str) -> bool:
    """Absolute paths, drive letters and ``..`` components."""
    norm = name.replace("\\", "/")
    return norm.startswith("/") or bool(_DRIVE.match(norm)) or ".." in norm.split("/")


def _junk(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(p in _JUNK_PARTS for p in parts) or parts[-1] in _JUNK_NAMES or parts[-1].startswith("._")


def gunzip(data: bytes, limits: Limits) -> bytes | ReadFailure | None:
    """Decompress a gzip file within the size limits; ``None`` if it is damaged,
    a ``ReadFailure`` if it expands too far."""
    cap = min(limits.max_file_bytes, limits.max_zip_total_bytes)
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, cap + 1)
    except zlib.error:
        return None
    if not out and not inflater.eof:  # cut off before any content
        return None
    if len(out) > cap:
        return ReadFailure("", FailReason.UNSAFE_ARCHIVE, f"gzip content expands beyond {cap} bytes", "gzip")
    if len(out) > _RATIO_FLOOR and len(out) / max(len(data), 1) > limits.max_zip_ratio:
        return ReadFailure("", FailReason.UNSAFE_ARCHIVE, "gzip compression ratio too high (bomb?)", "gzip")
    return out


def package_problem(data: bytes, limits: Limits) -> str | None:
    """Why an OOXML package (DOCX/XLSX) is unsafe to open, or ``None``.

    Office files are zips too: a bomb hidden in ``word/document.xml`` would be
    expanded by the parser, so sizes and ratios are checked first.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except CORRUPTION_ERRORS:
        return None  # the format reader reports the damage
    if len(infos) > limits.max_zip_members:
        return f"package has {len(infos)} parts (limit {limits.max_zip_members})"
    total = sum(i.file_size for i in infos)
    if total > limits.max_zip_total_bytes:
        return f"package parts expand to {total} bytes (limit {limits.max_zip_total_bytes})"
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_zip_ratio:
            return f"part {info.filename} has compression ratio {ratio:.0f}:1 (zip bomb?)"
    return None


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """Read at most ``cap`` bytes; ``None`` if the member is larger (sizes in headers can lie)."""
    with zf.open(info) as fh:
        data = fh.read(cap + 1)
    return None if len(data) > cap else data


def read_zip(
    data: bytes, path: str, limits: Limits, depth: int, read_member: MemberReader
) -> Iterator[Result]:
    """Yield the documents of every member of a zip archive."""
    if depth >= limits.max_zip_depth:
        yield ReadFailure(
            path, FailReason.UNSAFE_ARCHIVE, f"zip nested deeper than {limits.max_zip_depth}", "zip"
        )
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except CORRUPTION_ERRORS as exc:
        yield ReadFailure(path, FailReason.CORRUPT, f"zip archive could not be opened: {exc}", "zip")
        return
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > limits.max_zip_members:
            yield ReadFailure(
                path,
                FailReason.UNSAFE_ARCHIVE,
                f"{len(infos)} members (limit {limits.max_zip_members})",
                "zip",
            )
            return
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_zip_total_bytes:
            yield ReadFailure(
                path,
                FailReason.UNSAFE_ARCHIVE,
                f"members expand to {declared} bytes (limit {limits.max_zip_total_bytes})",
                "zip",
            )
            return
        if not infos:
            yield ReadFailure(path, FailReason.EMPTY, "zip archive has no files", "zip")
            return
        budget = limits.max_zip_total_bytes
        seen: dict[str, int] = {}
        junk: list[str] = []
        for info in infos:
            name = member_name(info)
            if _junk(name):
                junk.append(name)
                continue
            mpath = member_path(path, name, seen)
            failure = _check(info, name, mpath, limits)
            if failure is not None:
                yield failure
                continue
            try:
                member = _read_member(zf, info, min(limits.max_file_bytes, budget))
            except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
                yield ReadFailure(mpath, FailReason.ENCRYPTED, f"zip member is encrypted: {exc}", "")
                continue
            except NotImplementedError as exc:
                yield ReadFailure(mpath, FailReason.UNSUPPORTED_FORMAT, f"zip member: {exc}", "")
                continue
            except CORRUPTION_ERRORS as exc:
                yield ReadFailure(mpath, FailReason.CORRUPT, f"zip member could not be extracted: {exc}", "")
                continue
            if member is None:
                yield ReadFailure(
                    mpath,
                    FailReason.UNSAFE_ARCHIVE,
                    "member expands beyond the size limit (header understates its size)",
                    "",
                )
                continue
            budget -= len(member)
            yield from read_member(member, mpath, depth + 1)
        if len(junk) == len(infos):
            shown = ", ".join(sorted(set(junk))[:5])
            yield ReadFailure(
                path, FailReason.EMPTY, f"zip archive holds only OS junk files ({shown}), no document", "zip"
            )


def _check(info: zipfile.ZipInfo, name: str, mpath: str, limits: Limits) -> ReadFailure | None:
    if unsafe_name(name):
        return ReadFailure(
            mpath, FailReason.UNSAFE_ARCHIVE, "member path escapes the archive (absolute or ../)", ""
        )
    if info.flag_bits & 0x1:
        return ReadFailure(mpath, FailReason.ENCRYPTED, "zip member is password-protected", "")
    if info.file_size > limits.max_file_bytes:
        return ReadFailure(
            mpath,
            FailReason.TOO_LARGE,
            f"member is {info.file_size} bytes (limit {limits.max_file_bytes})",
            "",
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > _RATIO_FLOOR and ratio > limits.max_zip_ratio:
        return ReadFailure(
            mpath,
            FailReason.UNSAFE_ARCHIVE,
            f"compression ratio {ratio:.0f}:1 exceeds {limits.max_zip_ratio:.0f}:1 (zip bomb?)",
            "",
        )
    return None
