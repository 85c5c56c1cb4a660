"""The publishable report: headline numbers, per-entity table, charts and the flow graph,
as self-contained HTML, Markdown or JSON, built from a scan store."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2

from tenderwatch import fx
from tenderwatch.report import svg
from tenderwatch.store.context import context_docs, kind_counts
from tenderwatch.store.db import Store
from tenderwatch.store.docrow import LEAD_NOTICE
from tenderwatch.store.overview import entity_rows, flow_edges, monthly, overview, relevant_docs

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("html", "md", "json")


def headline_sentence(o: dict[str, Any]) -> str:
    text = (
        f"{o['documents']} documents reviewed, {o['entities_sought']} entities sought restricted chips "
        f"or US cloud, {o['entities_aws']} named {o['leader']}"
    )
    if o["intermediaries"]:
        names = list(o["intermediaries"])
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        text += f", through these intermediaries: {shown}"
    return text + "."


def report_data(store: Store, date_from: str = "", date_to: str = "") -> dict[str, Any]:
    """Everything the report shows, as plain JSON-able data."""
    o = overview(store, date_from, date_to, newest=0)
    docs = relevant_docs(store, date_from, date_to)
    leads_per_month, spend_per_month = monthly(docs)
    return {
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "store": Path(store.path).name,
        "date_from": date_from, "date_to": date_to,
        "headline": headline_sentence(o),
        "numbers": {k: v for k, v in o.items() if k != "newest"},
        "fx_source": fx.SOURCE,
        "entities": entity_rows(docs),
        "leads_per_month": leads_per_month,
        "spend_cny_per_month": spend_per_month,
        "flow": [{"from": a, "to": b, "layer": layer, "projects": n} for a, b, layer, n in flow_edges(docs)],
        "notices": [
            {
                "id": d["id"], "path": d["path"], "title": d["title"], "date": d["notice_date"],
                "type": d["notice_type"], "project_no": d["project_no"], "buyer": d["buyer_name"],
                "buyer_type": d["buyer_class"], "suppliers": [s["name"] for s in d["suppliers"]],
                "sought": sorted({f["item"] or f["category"] for f in d["findings"] if f["controlled"]}),
                "providers": sorted({f["provider"] for f in d["findings"] if f["provider"]}),
                "amount_cny": d["amount_cny"], "amount_usd": d["amount_usd"], "rate": d["rate"],
                "amount_counted": d["counted"],
            }
            for d in docs
        ],
        "kinds": kind_counts(store, date_from, date_to),
        "context": context_docs(store, date_from, date_to),
        "lead_notice": LEAD_NOTICE,
    }


def _charts(data: dict[str, Any]) -> dict[str, str]:
    edges = [(e["from"], e["to"], e["layer"], e["projects"]) for e in data["flow"]]
    return {
        "months": svg.column_chart("Leads per month", data["leads_per_month"]),
        "spend": svg.column_chart("Spend per month (CNY)", data["spend_cny_per_month"]),
        "items": svg.hbar_chart("Notices by item", data["numbers"]["by_item"]),
        "providers": svg.hbar_chart("Notices by provider", data["numbers"]["by_provider"]),
        "graph": svg.flow_graph(edges),
    }


def _md(value: Any) -> str:
    """A Markdown table cell: no pipes, newlines or raw HTML from notice text."""
    text = str(value).replace("\n", " ").replace("|", "\\|")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["money"] = lambda v: "" if v is None else f"{float(v):,.0f}"
    env.filters["md"] = _md
    return env


def render(data: dict[str, Any], fmt: str) -> str:
    """The report as ``html`` (self-contained, inline CSS and SVG), ``md`` or ``json``."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "html":
        template = _env().get_template("report.html.j2")
        return template.render(d=data, charts=_charts(data), css=(TEMPLATES / "report.css").read_text())
    if fmt == "md":
        md_env = _env()
        md_env.autoescape = False
        return md_env.get_template("report.md.j2").render(d=data)
    raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")


def write_report(store: Store, output: str | Path, fmt: str = "html", date_from: str = "", date_to: str = "") -> dict[str, Any]:
    """Write the report to ``output``; return the data it was built from."""
    data = report_data(store, date_from, date_to)
    Path(output).write_text(render(data, fmt), encoding="utf-8")
    return data
