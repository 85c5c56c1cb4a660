"""``tenderwatch lists``, ``lists update``, ``screen`` and ``compare``: parse arguments, call
:mod:`tenderwatch.screen`, print."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from tenderwatch.home import home_dir
from tenderwatch.screen import compare, get_screener, reset_screener_cache
from tenderwatch.screen.entries import ListFormatError
from tenderwatch.screen.listinfo import check_on
from tenderwatch.screen.normalize import input_problems
from tenderwatch.screen.store import ListUpdateError, prune, update
from tenderwatch.screen.summary import stale_after_days, summarise
from tenderwatch.screen.vocab import vocab

DEFAULT_CSL_URL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json"
def _on(_: click.Context, __: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_on(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


on_option = click.option("--on", "on", callback=_on, default=None, metavar="DATE",
                         help="Screen for this date (YYYY-MM-DD, e.g. the notice's): was the party listed then?")
home_option = click.option("--home", type=click.Path(file_okay=False), default=None,
                           help="List store directory (default: $TENDERWATCH_HOME or ~/.tenderwatch).")


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _names_from(text: str, path: str) -> list[tuple[str, list[str]]]:
    """(name, identifiers) rows from a one-name-per-line file or a CSV with a name column."""
    first = text.split("\n", 1)[0].lower()
    if path.lower().endswith(".csv") or ("," in first and "name" in first):
        rows = list(csv.reader(io.StringIO(text)))
        if not rows:
            return []
        header = [h.strip().lower() for h in rows[0]]
        name_col = next((i for i, h in enumerate(header) if h in ("name", "party", "名称")), None)
        id_col = next((i for i, h in enumerate(header) if h in ("identifiers", "uscc", "identifier")), None)
        body = rows[1:] if name_col is not None else rows
        name_col = name_col or 0
        return [(r[name_col] if len(r) > name_col else "",
                 [x for x in (r[id_col] if id_col is not None and len(r) > id_col else "").replace("|", ";").split(";")
                  if x.strip()]) for r in body]
    return [(line, []) for line in text.splitlines()]


def _load_screener(home: str | None):  # type: ignore[no-untyped-def]
    try:
        return get_screener(home)
    except (ListFormatError, OSError, ValueError) as exc:
        raise click.ClickException(f"could not load the lists: {exc}") from exc


def register(group: click.Group) -> None:
    @group.group("lists", invoke_without_command=True)
    @home_option
    @click.pass_context
    def lists(ctx: click.Context, home: str | None) -> None:
        """Show which restricted-party lists are loaded, from where, as of when."""
        ctx.obj = {"home": home}
        if ctx.invoked_subcommand is not None:
            return
        screener = _load_screener(home)
        click.echo(f"list store: {home_dir(home)} (updates with: tenderwatch lists update)")
        for item in summarise(screener.versions, screener.entries, screener.entry_version):
            v = item.version
            flag = "  ** PARTIAL **" if v.partial else ""
            click.echo(f"\n{v.title}{flag}")
            newest = f"   newest listing: {item.newest_listing}" if item.newest_listing else ""
            click.echo(f"  entries: {item.entries:,}   version: {v.version}   as of: {v.date}{newest}")
            if item.stale:
                click.echo(f"  WARNING: {item.age_days} days old (more than {stale_after_days()}); the lists change "
                           "monthly: tenderwatch lists update")
            click.echo(f"  from: {v.origin}")
            click.echo(f"  sha256: {v.sha256}")
            if v.note:
                click.echo(f"  note: {v.note}")
        click.echo(f"\n{len(screener.entries):,} entries screened ({len(screener.ref_name):,} names); "
                   f"match threshold {vocab().settings.threshold:.2f}")

    @lists.command("prune")
    @click.option("--keep", type=click.IntRange(min=1), default=3, show_default=True,
                  help="Stored versions to keep per list (the one in force is always kept).")
    @home_option
    @click.pass_context
    def lists_prune(ctx: click.Context, keep: int, home: str | None) -> None:
        """Remove old stored list versions."""
        home = home or (ctx.obj or {}).get("home")
        removed = prune(home, keep)
        for name in removed:
            click.echo(f"removed {name}")
        click.echo(f"{len(removed)} old version(s) removed; kept the newest {keep} of each list and the one in force")

    @lists.command("update")
    @click.option("--from", "origin", default=DEFAULT_CSL_URL, show_default=True,
                  help="URL or file: trade.gov CSL (CSV/JSON), FtM JSON lines, OFAC sdn.csv or a user CSV.")
    @home_option
    @click.pass_context
    def lists_update(ctx: click.Context, origin: str, home: str | None) -> None:
        """Fetch a list, verify it and make it the current version (the old one is kept)."""
        home = home or (ctx.obj or {}).get("home")
        try:
            version = update(origin, home)
        except ListUpdateError as exc:
            raise click.ClickException(str(exc)) from exc
        reset_screener_cache()
        click.echo(f"{version.title}: {version.entries:,} entries stored as version {version.version} "
                   f"(sha256 {version.sha256[:16]}...) and made current")

    @group.command("screen")
    @click.argument("names", type=click.Path(allow_dash=True))
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per name.")
    @on_option
    @home_option
    def screen_cmd(names: str, as_json: bool, on: str | None, home: str | None) -> None:
        """Screen names (NAMES.txt one per line, a CSV with a name column, or - for stdin)."""
        rows = _names_from(_read_text(names), names)
        if not rows:
            raise click.ClickException(f"{names}: no names found")
        screener = _load_screener(home)
        for name, idents in rows:
            problems = input_problems(name)
            hits = [] if "empty name" in problems else screener.screen(name, idents, on=on)
            if as_json:
                click.echo(json.dumps({"name": name[:300], "on": on, "problems": problems, "listed": bool(hits),
                                       "hits": [h.to_dict() for h in hits]}, ensure_ascii=False))
                continue
            shown = name[:80] + ("..." if len(name) > 80 else "")
            note = f"  [{'; '.join(problems)}]" if problems else ""
            click.echo(f"{shown}: {len(hits)} hit(s){note}")
            for h in hits:
                click.echo(f"  {h.score:.2f} {h.relation:<7} {h.list_name} #{h.entry_id} '{h.entry_name}' "
                           f"(list version {h.list_version}, {h.list_date})")
                for reason in h.reasons:
                    click.echo(f"      - {reason}")

    @group.command("compare")
    @click.argument("names", nargs=-1)
    @click.option("--pairs", type=click.Path(exists=True, dir_okay=False), help="CSV with columns name1,name2.")
    @click.option("-o", "--output", type=click.Path(allow_dash=True), default="-", help="Output CSV (--pairs).")
    @on_option
    @home_option
    def compare_cmd(names: tuple[str, ...], pairs: str | None, output: str, on: str | None, home: str | None) -> None:
        """Score two names ("A" "B"), or every row of --pairs PAIRS.csv into -o OUT.csv. With --on
        DATE, also say for each of the two names whether it was on a list on that date."""
        if pairs:
            text = _read_text(pairs)
            reader = csv.DictReader(io.StringIO(text))
            if not reader.fieldnames or not {"name1", "name2"} <= {f.strip() for f in reader.fieldnames}:
                raise click.ClickException(f"{pairs}: needs columns name1,name2")
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["name1", "name2", "score", "match"])
            for row in reader:
                result = compare(row.get("name1") or "", row.get("name2") or "")
                writer.writerow([row.get("name1"), row.get("name2"), f"{result.score:.4f}", str(result.match).lower()])
            if output == "-":
                click.echo(out.getvalue(), nl=False)
            else:
                Path(output).write_text(out.getvalue(), encoding="utf-8")
            return
        if len(names) != 2:
            raise click.UsageError('give two names: tenderwatch compare "A" "B" (or --pairs PAIRS.csv)')
        for name in names:
            for problem in input_problems(name):
                click.echo(f"note: {name[:40]!r}: {problem}", err=True)
        result = compare(names[0], names[1])
        click.echo(f"score {result.score:.4f}  match: {'yes' if result.match else 'no'} "
                   f"({result.relation}; threshold {vocab().settings.threshold:.2f})")
        for reason in result.reasons:
            click.echo(f"  - {reason}")
        if on is not None:
            screener = _load_screener(home)
            for name in names:
                hits = screener.screen(name, on=on)
                click.echo(f"{name[:80]} on {on}: " + ("not on the lists" if not hits else f"{len(hits)} hit(s)"))
                for h in hits:
                    click.echo(f"  {h.score:.2f} {h.list_short or h.list_name} '{h.entry_name}': {h.reasons[0]}")
