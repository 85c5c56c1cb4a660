"""``collect``: a thin wrapper over :func:`tenderwatch.collect.run_collect`."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from tenderwatch.collect import CollectOptions, CollectReport, OptionsError, run_collect, sources
from tenderwatch.collect.settings import SETTINGS

EXIT_CODES = "Exit codes: 0 every window complete; 1 refused options or the collector died; " \
             "3 some window incomplete; 4 blocked by the site (source stopped)."


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from exc


def _overrides(pairs: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"--set {pair!r}: expected KEY=VALUE")
        try:
            out[key.strip()] = json.loads(raw)
        except ValueError:
            out[key.strip()] = raw
    return out


def _print_list() -> None:
    for info in sources():
        click.echo(f"{info.name}: {info.title}")
        click.echo(f"    covers: {info.covers}")
        click.echo(f"    roots: {', '.join(info.roots.values())}   ({info.source})")
    click.echo("")
    click.echo("politeness (defaults; --delay, --set KEY=VALUE):")
    for setting in SETTINGS:
        click.echo(f"  {setting.name} = {json.dumps(setting.default, ensure_ascii=False)}: {setting.why}")


def _print_report(report: CollectReport) -> None:
    counts: dict[str, int] = {}
    for window in report.windows:
        counts[window.status] = counts.get(window.status, 0) + 1
    if report.windows:
        click.echo("windows: " + ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
    for window in report.incomplete_windows()[:10]:
        days = window.day_from + ("" if window.day_until == window.day_from else f"..{window.day_until}")
        click.echo(f"  {window.status}: {days} {window.query}" + (f": {window.reason}" if window.reason else ""))
    if len(report.incomplete_windows()) > 10:
        click.echo(f"  ... {len(report.incomplete_windows()) - 10} more (see the collect_windows table)")
    if report.archive_files:
        click.echo(f"archive: {', '.join(report.archive_files)}")
    click.echo(report.message)


@click.command("collect", epilog=EXIT_CODES)
@click.argument("source", required=False)
@click.option("--list", "list_sources", is_flag=True, help="List the sources, what each covers and the politeness.")
@click.option("--from", "date_from", help="First day YYYY-MM-DD (default: continue where the last run left off, "
              "with a two-day overlap).")
@click.option("--until", "date_until", help="Last day YYYY-MM-DD (default: today, China time).")
@click.option("--db", "db_path", default="tenderwatch.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite scan store.")
@click.option("--archive", type=click.Path(file_okay=False), help="WARC folder (default: DB-archive beside the store).")
@click.option("--base-url", help="Replace the source's root URL (a mirror; a loopback stand-in in tests).")
@click.option("--delay", type=float, default=5.0, show_default=True,
              help="Seconds between requests to one host; under 1 only for a loopback --base-url.")
@click.option("--contact", help="E-mail or URL for the User-Agent (or TENDERWATCH_CONTACT); required.")
@click.option("--province", help="ggzy: DEAL_PROVINCE code (e.g. 110000); zcy: portal key (zj).")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="Override a collect setting (see --list), e.g. --set 'keywords=[\"H100\"]'.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line.")
def collect_cmd(
    source: str | None, list_sources: bool, date_from: str | None, date_until: str | None, db_path: str,
    archive: str | None, base_url: str | None, delay: float, contact: str | None, province: str | None,
    settings: tuple[str, ...], quiet: bool,
) -> None:
    """Search a publishing site, fetch its notices, archive every exchange (WARC) and scan them.

    tenderwatch collect ccgp --from 2024-01-01 --until 2024-03-31 --db tw.db --contact you@example.org
    """
    if list_sources:
        _print_list()
        return
    if not source:
        raise click.UsageError("name a SOURCE (tenderwatch collect --list shows them)")
    options = CollectOptions(
        source=source, db=db_path, archive=archive, date_from=_date(date_from), date_until=_date(date_until),
        base_url=base_url, delay=delay, contact=contact, province=province, settings=_overrides(settings),
        progress=not quiet,
    )
    try:
        report = run_collect(options)
    except OptionsError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_report(report)
    raise SystemExit(report.exit_code)


def register(group: click.Group) -> None:
    group.add_command(collect_cmd)
