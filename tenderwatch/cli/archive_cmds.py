"""``archive verify``: digests and damage of every record in WARC files (tenderwatch.read.warcverify)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tenderwatch.read.warcverify import FileReport, verify_paths


def _print_report(report: FileReport) -> None:
    unchecked = report.good - report.checked
    note = f" ({report.checked} with matching digests, {unchecked} without digest)" if report.good else ""
    if report.ok:
        click.echo(f"{report.path}: ok, {report.records} records good{note}")
        return
    click.echo(f"{report.path}: DAMAGED: {report.good} of {report.records} records good{note}")
    for bad in report.damaged:
        click.echo(f"  offset {bad.offset} {bad.record_id or '(no record id)'} {bad.rec_type} {bad.uri}".rstrip())
        for problem in bad.problems:
            click.echo(f"    {problem}")
    for problem in report.problems:
        click.echo(f"  {problem}")
    if report.stopped is not None:
        click.echo(f"  stopped at offset {report.stopped[0]}: {report.stopped[1]}")


@click.group("archive")
def archive_group() -> None:
    """Work with WARC archives (the collector's, or any tool's)."""


@archive_group.command("verify")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object with a report per file.")
def verify_cmd(paths: tuple[Path, ...], as_json: bool) -> None:
    """Check every record of the WARC files in PATHS (files or folders): block and payload
    digests, records cut short, malformed headers, a truncated last record.

    Exit code 0 when every file is good, 1 when any is damaged, 2 when no WARC file was found.
    """
    reports = []
    for report in verify_paths(list(paths)):
        reports.append(report)
        if not as_json:
            _print_report(report)
    damaged = sum(not r.ok for r in reports)
    if as_json:
        click.echo(json.dumps({"files": [r.as_dict() for r in reports], "files_checked": len(reports),
                               "damaged_files": damaged}, ensure_ascii=False, indent=1))
    elif reports:
        click.echo(f"{len(reports)} WARC files checked, {damaged} damaged, "
                   f"{sum(r.records for r in reports)} records")
    if not reports:
        click.echo("no WARC files found", err=True)
        sys.exit(2)
    if damaged:
        sys.exit(1)


def register(group: click.Group) -> None:
    group.add_command(archive_group)
