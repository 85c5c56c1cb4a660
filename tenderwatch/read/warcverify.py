"""``archive verify``: check every record of WARC files (block and payload digests, cut-short
records, malformed headers, bytes after the last record) and say which are damaged.

A digest may be written in base32 (the WARC habit), hex or base64, with sha1, sha256, md5 and
others (:mod:`tenderwatch.read.warcwalk`). A record without digests cannot be checked; it is
counted, not called damaged. A file is damaged when any record is, or when the walk stopped
before the end of the file.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .collect import collect
from .wacz import is_warc_input, package_problems, wacz_members, warc_streams
from .warc import is_arc
from .warcwalk import WalkedRecord, WalkNote, WalkStop, walk


@dataclass(slots=True)
class RecordProblem:
    """A damaged record: where, which, and what is wrong."""

    offset: int
    record_id: str
    rec_type: str
    uri: str
    problems: list[str]


@dataclass(slots=True)
class FileReport:
    path: str
    records: int = 0
    good: int = 0
    checked: int = 0  # good records with at least one digest that matched
    damaged: list[RecordProblem] = field(default_factory=list)
    stopped: tuple[int, str] | None = None  # (offset, why) when the rest of the file could not be read
    problems: list[str] = field(default_factory=list)  # file-level problems the walk got round

    @property
    def ok(self) -> bool:
        return not self.damaged and self.stopped is None and not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "ok": self.ok, "records": self.records, "good": self.good,
            "digests_checked": self.checked, "without_digest": self.good - self.checked,
            "damaged": [
                {"offset": d.offset, "record_id": d.record_id, "type": d.rec_type, "uri": d.uri,
                 "problems": d.problems}
                for d in self.damaged
            ],
            "stopped": None if self.stopped is None else {"offset": self.stopped[0], "detail": self.stopped[1]},
            "problems": self.problems,
        }


def verify_file(path: Path, shown: str | None = None) -> FileReport:
    """Check every record of one WARC/ARC file (of every WARC in a WACZ package: one report)."""
    report = FileReport(shown or str(path))
    arc = is_arc(path)  # its record ids are made up at each read: not shown
    try:
        for name, handle, size in warc_streams(path, report.path):
            for item in walk(handle, keep=0, size=size):
                if arc and isinstance(item, WalkedRecord):
                    item.headers.pop("warc-record-id", None)
                _add(report, item if name == report.path else _in_member(item, name.removeprefix(report.path + "#")))
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        report.stopped = (0, f"cannot read the file: {type(exc).__name__}: {exc}")
        return report
    if wacz_members(path) is not None:
        report.problems.extend(package_problems(path))
    return report


def _in_member(item: WalkedRecord | WalkStop | WalkNote, member: str) -> WalkedRecord | WalkStop | WalkNote:
    """Say which member of a WACZ a record or a problem is in."""
    if isinstance(item, WalkedRecord):
        item.problems[:] = [f"in {member}: {p}" for p in item.problems]
        return item
    return replace(item, detail=f"in {member}: {item.detail}")


def _add(report: FileReport, item: WalkedRecord | WalkStop | WalkNote) -> None:
    if isinstance(item, WalkStop):
        report.stopped = (item.offset, item.detail)
        return
    if isinstance(item, WalkNote):
        report.problems.append(item.detail)
        return
    report.records += 1
    if item.problems:
        report.damaged.append(RecordProblem(item.offset, item.record_id, item.rec_type, item.uri, item.problems))
        return
    report.good += 1
    report.checked += bool(item.checked)


def warc_files(roots: list[Path]) -> Iterator[Path]:
    """The WARC/ARC files among ``roots`` (files, or folders walked), by their first bytes."""
    for file, _shown in collect(roots):
        if is_warc_input(file):
            yield file


def verify_paths(roots: list[Path]) -> Iterator[FileReport]:
    """A report per WARC file under ``roots``, in order."""
    for file in warc_files(roots):
        yield verify_file(file)
