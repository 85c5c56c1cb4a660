"""``scan``, ``export``, ``show`` and ``demo``: thin wrappers over tenderwatch.scan and the store."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tenderwatch.cli.common import open_store_readonly
from tenderwatch.store.db import Store
from tenderwatch.store.overview import overview
from tenderwatch.store.queries import find_document, iter_rows

if TYPE_CHECKING:
    from tenderwatch.scan import ScanCounts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "notices"
DB_OPTION = click.option(
    "--db", "db_path", default="tenderwatch.db", show_default=True, type=click.Path(dir_okay=False),
    help="SQLite scan store.",
)


def _top(counts: dict[str, int], shown: int = 12) -> str:
    """The most frequent names with their counts, and how many more there are."""
    names = [f"{name} ({n})" if n > 1 else name for name, n in list(counts.items())[:shown]]
    more = len(counts) - shown
    return ", ".join(names) + (f", ... and {more} more (tenderwatch report lists all)" if more > 0 else "")


def _print_summary(counts: ScanCounts, store: Store, on_dask: bool = False) -> None:
    # the same numbers as the workbench's Overview and the report; no time limit after a whole scan
    facts = overview(store, seconds=None)
    rs = facts["by_rule_status"]
    where = (f"on {counts.workers} Dask worker threads" if on_dask
             else f"in {counts.workers} {'process' if counts.workers == 1 else 'processes'}")
    click.echo("")
    click.echo(f"files: {counts.files} ({counts.skipped} unchanged, skipped; {counts.read} read"
               + (f"; {counts.not_read} not read: "
                  + ", ".join(f"{k}: {v}" for k, v in sorted(counts.not_read_reasons.items()))
                  if counts.not_read else "") + f"); pipeline ran {where}")
    if counts.not_notices:
        click.echo(f"not notices (labels or exports), stored as skipped: {counts.not_notices}")
    if counts.warc:
        click.echo(f"WARC records: {sum(counts.warc.values())} ("
                   + ", ".join(f"{k}: {v}" for k, v in sorted(counts.warc.items(), key=lambda kv: -kv[1])) + ")")
    click.echo(f"notices read this run: {counts.documents}, failed: {counts.failed}"
               + (f" ({', '.join(f'{k}: {v}' for k, v in sorted(counts.failures.items()))})"
                  if counts.failures else ""))
    click.echo(f"in store: {facts['documents_scanned']} documents scanned, {facts['failed']} failed, "
               f"{facts['leads']} leads in {facts['notices']} notices ({facts['dismissed_leads']} dismissed, "
               f"{facts['confirmed_leads']} confirmed)")
    click.echo(f"  rule status on the notice date: restricted {rs['restricted']['leads']} leads "
               f"({facts['restricted_buyers']} buyers), restricted only later {rs['restricted_later']['leads']} "
               f"({facts['restricted_later_buyers']}), not restricted {rs['not_restricted']['leads']} "
               f"({facts['not_restricted_buyers']})")
    click.echo(f"  buyers listed on the notice date: {facts['listed_on_date_buyers']}; "
               f"leads naming a party listed on its date: {facts['listed_on_date_leads']}")
    click.echo(f"  budgets {facts['budget_cny']:,.0f} CNY, awards {facts['award_cny']:,.0f} CNY (never added together)")
    for title, key in (("by category", "by_category"), ("by item", "by_item"), ("by provider", "by_provider")):
        if facts[key]:
            click.echo(f"  {title}: " + ", ".join(f"{k} {v}" for k, v in facts[key].items()))
    for title, key in (("buyers", "buyers"), ("intermediaries (suppliers named)", "intermediaries")):
        if facts[key]:
            click.echo(f"  {title}: {len(facts[key])}: {_top(facts[key])}")
    for sentence in facts["sentences"]:
        click.echo(sentence)
    click.echo("A relevant notice is a lead for review, not proof of an export-control violation.")


def _dask_client(address: str) -> Any:
    """A client of a Dask cluster (``pip install 'tenderwatch[dask]'``); close it after use."""
    try:
        client_class: Any = importlib.import_module("distributed").Client
    except ImportError as exc:
        raise click.ClickException("--dask needs the dask extra: pip install 'tenderwatch[dask]'") from exc
    try:
        return client_class(address, timeout="10s")
    except OSError as exc:
        raise click.ClickException(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def _run_scan(
    paths: list[Path | str], db_path: str, timeout: float, quiet: bool, workers: int = 1, dask: str | None = None,
    follow_symlinks: bool = False,
) -> None:
    # A Dask cluster first: its workers warm up (tenderwatch.warm) while this process imports the scan
    # stack, opens the store and lists the inputs.
    from tenderwatch.patterncache import install

    install()  # patterns compiled by an earlier scan are read back, not compiled again
    client = _dask_client(dask) if dask else None
    try:
        if client is not None:
            from tenderwatch.warm import warm_up_on_worker

            client.run(warm_up_on_worker, wait=False)
            workers = sum(client.nthreads().values()) or 1
        from tenderwatch.scan import scan  # the scan stack (reading, parsing, detecting) only when scanning

        with Store(db_path, bulk=True) as store:
            show_progress = not quiet and sys.stderr.isatty()

            def progress(number: int, display: str) -> None:
                if show_progress:
                    click.echo(f"\r[{number}] {display[-70:]:<70}", nl=False, err=True)
                elif not quiet and number % 1000 == 0:
                    click.echo(f"{number} files...", err=True)

            # pure=False: a task reads its files, so it is not a pure function of its arguments (Dask would
            # otherwise hash every batch to name it, and could hand back an earlier scan's result)
            executor = client.get_executor(pure=False) if client is not None else None
            counts = scan(paths, store, timeout=timeout, progress=progress, workers=workers, executor=executor,
                          follow_symlinks=follow_symlinks)
            if show_progress:
                click.echo("", err=True)
            _print_summary(counts, store, client is not None)
    finally:
        if client is not None:
            client.close()
    if counts.failed:
        sys.exit(2)


@click.command("scan")
@click.argument("notices", nargs=-1, required=True)
@DB_OPTION
@click.option("--timeout", default=60.0, show_default=True, help="Seconds allowed per input file.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@click.option("-j", "--workers", default=None, type=click.IntRange(1, 256),
              help="Worker processes for the per-document pipeline (the store is written by one); "
                   "default: every core this process may use.")
@click.option("--dask", metavar="SCHEDULER", default=None,
              help="Run the per-document pipeline on a Dask cluster (scheduler address, e.g. tcp://host:8786).")
@click.option("--follow-symlinks", is_flag=True,
              help="Read symlinks to files and folders outside the scanned folders (default: stored as skipped).")
def scan_cmd(
    notices: tuple[str, ...], db_path: str, timeout: float, quiet: bool, workers: int | None, dask: str | None,
    follow_symlinks: bool,
) -> None:
    """Scan NOTICES (folders, files, .zip archives, or fsspec URLs such as s3://bucket/prefix) into the store.

    Exit code 0 when every document was read, 2 when some failed (they are stored
    with the reason; the scan goes on). Inputs not read (a symlink outside the
    folders, a FIFO, an unreadable folder, a file that vanished) are stored as
    skipped with the reason.
    """
    from tenderwatch.scan import available_cores

    roots: list[Path | str] = []
    for notice in notices:
        if "://" in notice:
            roots.append(notice)  # listed and read through fsspec (by the workers, with --dask)
        elif not Path(notice).exists():
            raise click.BadParameter(f"{notice!r} does not exist", param_hint="NOTICES")
        else:
            roots.append(Path(notice))
    _run_scan(roots, db_path, timeout, quiet, workers or available_cores(), dask, follow_symlinks)


@click.command("demo")
@DB_OPTION
def demo_cmd(db_path: str) -> None:
    """Scan the bundled example notices (positives and hard negatives, several formats)."""
    click.echo(f"scanning the bundled examples in {EXAMPLES} into {db_path}")
    _run_scan([EXAMPLES], db_path, 60.0, False)


def _ftm_writer() -> Any:
    """FollowTheMoney is imported only when asked for: it is large and slow to import."""
    from tenderwatch.report.ftm import write_ftm

    return write_ftm


@click.command("export")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "xlsx", "ftm", "ocds"]), default="jsonl",
              show_default=True, help="ftm: FollowTheMoney entities (JSON lines); ocds: an OCDS 1.1.5 release package.")
@click.option("--relevant-only", is_flag=True, help="Only notices marked relevant.")
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for stdout.")
def export_cmd(db_path: str, fmt: str, relevant_only: bool, output: str) -> None:
    """Export one row per document (with findings, evidence and control status)."""
    # the writers load here: every scan starts this module, and they are only for export
    from tenderwatch.report.export import write_csv, write_jsonl, write_xlsx
    from tenderwatch.report.ocds import write_ocds

    with open_store_readonly(db_path) as store:
        rows = iter_rows(store, relevant_only)
        if fmt == "xlsx":
            if output == "-":
                raise click.ClickException("xlsx needs a file: use -o FILE.xlsx")
            count = write_xlsx(rows, output)
        else:
            writer = _ftm_writer() if fmt == "ftm" else {"jsonl": write_jsonl, "csv": write_csv, "ocds": write_ocds}[fmt]
            if output == "-":
                count = writer(rows, sys.stdout)
            else:
                with open(output, "w", encoding="utf-8", newline="") as handle:
                    count = writer(rows, handle)
    if output != "-":
        unit = {"ftm": "entities", "ocds": "releases"}.get(fmt, "rows")
        click.echo(f"wrote {count} {unit} to {output}", err=True)


def _show_row(row: dict[str, Any], text: str) -> None:
    click.echo(f"{row['path']}  [{row.get('format')}]  status: {row.get('status')}")
    if row.get("url"):
        fetched = f", fetched on {row['fetched_at']}" if row.get("fetched_at") else ""
        click.echo(f"  published at {row['url']}{fetched}")
    if row.get("failure"):
        click.echo(f"  not read: {row['failure']['reason']}: {row['failure']['detail']}")
        return
    click.echo(f"  relevant: {'YES' if row['relevant'] else 'no'}   type: {row.get('notice_type')}"
               f"   date: {row.get('notice_date')}   amount (CNY): {row.get('amount_cny')}")
    if row.get("doc_kind"):
        reasons = "; ".join(row.get("doc_kind_reasons") or [])
        click.echo(f"  kind: {row['doc_kind']}" + (f"   ({reasons})" if reasons else ""))
    click.echo("  fields:")
    for name, fact in (row.get("fields") or {}).items():
        if fact:
            click.echo(f"    {name:<12} {fact['value']}   raw: {fact['raw']!r} at {fact['span']}")
    if row.get("suppliers"):
        click.echo(f"    {'suppliers':<12} {'; '.join(row['suppliers'])}")
    click.echo("  findings:")
    for f in row.get("findings") or []:
        flag = "NEGATED " if f["negated"] else ("" if f["controlled"] else "uncontrolled ")
        click.echo(f"    - {flag}{f['category']} {f.get('item') or ''} {f.get('provider') or ''}"
                   f" x{f.get('quantity') or '?'} (confidence {f['confidence']})")
        click.echo(f"      evidence {f['span']}: {f['evidence']!r}")
        if f.get("control_status"):
            click.echo(f"      on the notice date: {f['control_status']}")
        if f.get("rule"):
            click.echo(f"      rule: {f['rule']}")
    if not row.get("findings"):
        click.echo("    (none)")
    for party in row.get("parties") or []:
        click.echo(f"  party: {party['role']} {party['name']} [{party['class']}: {party['class_reason']}]")
    for hit in row.get("screening") or []:
        click.echo(f"  LIST HIT: {hit['name']} -> {hit.get('entry_name')} on {hit.get('list_name')}"
                   f" ({hit.get('list_version')}, score {hit.get('score')}): {'; '.join(hit.get('reasons', []))}")
    for review in row.get("reviews") or []:
        click.echo(f"  review: {review['at']} {review['who']} {review['target_type']} -> {review['status']}"
                   f" {review.get('note') or ''}")
    if row.get("findings"):
        from tenderwatch.store.docrow import LEAD_NOTICE  # the detection stack only when it is needed

        click.echo(LEAD_NOTICE)


@click.command("show")
@DB_OPTION
@click.argument("path")
def show_cmd(db_path: str, path: str) -> None:
    """Show one notice: fields with raw text and spans, findings with evidence and control status."""
    with open_store_readonly(db_path) as store:
        found = find_document(store, path)
    if found is None:
        raise click.ClickException(f"no document {path!r} in {db_path} (use the path as scanned, or a unique suffix)")
    _, row, text = found
    _show_row(row, text)


def register(group: click.Group) -> None:
    for command in (scan_cmd, demo_cmd, export_cmd, show_cmd):
        group.add_command(command)
