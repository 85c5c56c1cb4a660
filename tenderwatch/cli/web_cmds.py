"""``serve`` (the review workbench) and ``report`` (HTML / Markdown / JSON report)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from tenderwatch.cli.common import open_store_readonly
from tenderwatch.report.build import FORMATS, write_report
from tenderwatch.store.db import Store
from tenderwatch.web.security import TOKEN_ENV, is_loopback

DB_OPTION = click.option(
    "--db", "db_path", default="tenderwatch.db", show_default=True, type=click.Path(dir_okay=False),
    help="SQLite scan store.",
)


@click.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8765, show_default=True, type=int)
@click.option("--token", default=None, help=f"Operator token for changes (or env {TOKEN_ENV}); "
              "required when not bound to loopback.")
def serve_cmd(db_path: str, host: str, port: int, token: str | None) -> None:
    """Serve the review workbench (Overview, Leads, Notice, Party, Review) over a scan store."""
    import uvicorn

    from tenderwatch.web.app import create_app

    if not host.strip():
        raise click.ClickException("--host is empty, which would bind every interface: give an address")
    token = token or os.environ.get(TOKEN_ENV) or None
    need_token = not is_loopback(host)
    if need_token and not token:
        raise click.ClickException(
            f"binding to {host} exposes the workbench: set an operator token with --token or {TOKEN_ENV}"
        )
    if not Path(db_path).exists():
        raise click.ClickException(f"no scan store at {db_path}: run `tenderwatch scan` first")
    Store(db_path).close()  # apply migrations before serving
    # On loopback, only loopback names are accepted as Host (a rebound DNS name is refused).
    hosts = None if need_token else ["127.0.0.1", "localhost", "[::1]", "::1", host]
    app = create_app(db_path, token=token, writes_need_token=need_token or bool(token), allowed_hosts=hosts)
    click.echo(f"tenderwatch workbench on http://{host}:{port}/  (store {db_path}; Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


@click.command("report")
@DB_OPTION
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Report file to write.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="html, md or json (default: from the output's extension, else html).")
@click.option("--from", "date_from", default="", help="Only notices dated on/after YYYY-MM-DD.")
@click.option("--to", "date_to", default="", help="Only notices dated on/before YYYY-MM-DD.")
@click.option("--reviewed-only", is_flag=True,
              help="Count only leads a reviewer confirmed or marked for follow-up (the report says so).")
def report_cmd(db_path: str, output: str, fmt: str | None, date_from: str, date_to: str, reviewed_only: bool) -> None:
    """Write the report: headline numbers, entity table, charts and the buyer -> intermediary ->
    provider graph (self-contained HTML, or the same content as Markdown or JSON). Dismissed
    leads are never counted."""
    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".")
        fmt = {"md": "md", "markdown": "md", "json": "json"}.get(suffix, "html")
    with open_store_readonly(db_path) as store:
        data = write_report(store, output, fmt, date_from, date_to, reviewed_only)
    click.echo(f"wrote {fmt} report to {output} ({data['scope']}): {' '.join(data['sentences'])}", err=True)


def register(group: click.Group) -> None:
    for command in (serve_cmd, report_cmd):
        group.add_command(command)
