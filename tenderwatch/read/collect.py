"""Walk the folders and files given on the command line.

Every input is accounted for: :func:`walk` yields an :class:`Input` for each file
it finds, readable or not; one it will not read carries the reason (``skip``) and
is stored as a skipped document, so the scan summary and the export show it.
Not read: a symlink to a file outside the scanned folders (unless
``follow_symlinks``), a FIFO, socket or device, a dangling or looping symlink,
a folder or file without read permission. Hidden files and OS junk
(``.DS_Store``, ``Thumbs.db``, Office lock files) are not inputs.

Display paths are relative to the folder given (a file given directly: its file
name), with ``/`` separators; each name is shown with
:func:`~tenderwatch.read.valid.escape_name` (bytes that are not UTF-8, ``#`` and
``\\`` as ``\\xNN``), so two files never share a display path.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import FailReason
from .valid import escape_name

log = logging.getLogger(__name__)

_JUNK = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def _skip(name: str) -> bool:
    return name.startswith(".") or name in _JUNK or name.startswith("~$")


@dataclass(slots=True, frozen=True)
class Input:
    """One input: the file on disk and its display path; ``skip`` says why it is not read."""

    file: Path
    display: str
    skip: FailReason | None = None
    detail: str = ""


def _display(root: Path, full: Path) -> str:
    return "/".join(escape_name(part) for part in full.relative_to(root).parts)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _check(full: Path, display: str, inside: list[str], follow: bool) -> Input:
    """Whether the file at ``full`` is read, and if not, why."""
    try:
        if full.is_symlink():
            target = os.path.realpath(full)
            if not os.path.exists(target):
                return Input(full, display, FailReason.NOT_A_FILE, "symlink is dangling or loops")
            if not follow and not any(target == d or target.startswith(d + os.sep) for d in inside):
                return Input(full, display, FailReason.SYMLINK_OUTSIDE,
                             "symlink to a file outside the scanned folders; not followed (--follow-symlinks)")
        mode = full.stat().st_mode
    except FileNotFoundError:
        return Input(full, display, FailReason.VANISHED, "file disappeared before it was read")
    except PermissionError as exc:
        return Input(full, display, FailReason.UNREADABLE, f"no permission: {exc.strerror}")
    except OSError as exc:
        return Input(full, display, FailReason.NOT_A_FILE, f"cannot be examined: {exc.strerror or exc}")
    if not stat.S_ISREG(mode):
        return Input(full, display, FailReason.NOT_A_FILE, f"{_kind(mode)}; not read")
    if not os.access(full, os.R_OK):
        return Input(full, display, FailReason.UNREADABLE, "no permission to read the file")
    return Input(full, display)


def walk(roots: list[Path], follow_symlinks: bool = False) -> Iterator[Input]:
    """Every input under ``roots``, in sorted order, readable or with the reason it is not."""
    inside = [os.path.realpath(r) for r in roots if r.is_dir()]
    for root in roots:
        if not root.is_dir():
            # a file given directly is read even through a symlink: the user named it
            yield _check(root, escape_name(root.name), [os.path.realpath(root)], True)
            continue
        yield from _walk_folder(root, inside, follow_symlinks)


def _walk_folder(root: Path, inside: list[str], follow: bool) -> Iterator[Input]:
    errors: list[OSError] = []
    seen: set[str] = {os.path.realpath(root)}
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append, followlinks=follow):
        here = Path(dirpath)
        yield from _folder_errors(root, errors)
        keep = []
        for name in sorted(d for d in dirnames if not _skip(d)):
            sub = here / name
            if sub.is_symlink():
                real = os.path.realpath(sub)
                if not follow:
                    within = any(real == d or real.startswith(d + os.sep) for d in inside)
                    yield Input(sub, _display(root, sub) + "/",
                                FailReason.NOT_A_FILE if within else FailReason.SYMLINK_OUTSIDE,
                                "symlinked folder; not followed (--follow-symlinks)"
                                + ("; its files are read under their own path" if within else ""))
                    continue
                if real in seen:  # a loop, or a folder reached twice
                    continue
                seen.add(real)
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if _skip(name):
                continue
            full = here / name
            yield _check(full, _display(root, full), inside, follow)
    yield from _folder_errors(root, errors)


def _folder_errors(root: Path, errors: list[OSError]) -> Iterator[Input]:
    """Folders ``os.walk`` could not list, as skipped inputs (the root itself included)."""
    while errors:
        exc = errors.pop(0)
        folder = Path(exc.filename) if exc.filename else root
        shown = _display(root, folder) if folder != root else escape_name(root.name)
        reason = FailReason.VANISHED if isinstance(exc, FileNotFoundError) else FailReason.UNREADABLE
        yield Input(folder, shown + "/", reason, f"folder could not be listed: {exc.strerror or exc}")


def collect(roots: list[Path], follow_symlinks: bool = False) -> Iterator[tuple[Path, str]]:
    """Yield ``(file on disk, display path)`` for every file under ``roots`` that is read."""
    for item in walk(roots, follow_symlinks):
        if item.skip is None:
            yield item.file, item.display
        else:
            log.warning("not read: %s: %s", item.display, item.detail)
