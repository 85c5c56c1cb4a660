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
from tenderwatch.store.headline import sentences
from tenderwatch.store.leadset import counted_amounts
from tenderwatch.store.overview import entity_rows, flow_edges, monthly, numbers_and_leads

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("html", "md", "json")


SCOPE_ALL = "every lead, reviewed or not (dismissed leads left out)"
SCOPE_REVIEWED = "reviewed leads only: confirmed or needing follow-up ({n} unreviewed leads left out)"


def _notice(lead: dict[str, Any], money: set[int]) -> dict[str, Any]:
    head = lead["head"]
    docs = lead["docs"]
    counted = next((d for d in docs if d["id"] in money), None)
    return {
        "id": head["id"], "path": head["path"], "title": head["title"], "date": head["notice_date"],
        "type": head["notice_type"], "project_no": head["project_no"], "buyer": head["buyer_name"],
        "buyer_type": head["buyer_class"], "suppliers": sorted({s["name"] for d in docs for s in d["suppliers"]}),
        "sought": sorted({f["item"] or f["category"] for d in docs for f in d["findings"] if f["in_scope"]}),
        "providers": sorted({f["provider"] for d in docs for f in d["findings"] if f["provider"]}),
        "rule_status": lead["rule_status"], "review_status": lead["review_status"],
        "priority": lead["priority"], "priority_reasons": head["priority_reasons"],
        "copies": [{"path": d["path"], "site": d["site"], "url": d["url"]} for d in lead["copies"]],
        "site": head["site"], "url": head["url"], "region": head["region"],
        "amount_cny": head["amount_cny"], "amount_kind": head["amount_kind"], "amount_usd": head["amount_usd"],
        "rate": head["rate"], "amount_counted": counted is not None,
    }


def report_data(store: Store, date_from: str = "", date_to: str = "", reviewed_only: bool = False) -> dict[str, Any]:
    """Everything the report shows, as plain JSON-able data."""
    numbers, leads = numbers_and_leads(store, date_from, date_to, reviewed_only)
    money = {d["id"] for d in counted_amounts(leads)}
    series = monthly(leads)
    return {
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "store": Path(store.path).name,
        "date_from": date_from, "date_to": date_to,
        "reviewed_only": reviewed_only,
        "scope": SCOPE_REVIEWED.format(n=numbers["unreviewed_leads"]) if reviewed_only else SCOPE_ALL,
        "headline": numbers,
        "sentences": sentences(numbers),
        "fx_source": fx.SOURCE,
        "entities": entity_rows(leads),
        "leads_per_month": series["leads"],
        "budget_cny_per_month": series["budget_cny"],
        "award_cny_per_month": series["award_cny"],
        "flow": [{"from": a, "to": b, "layer": layer, "projects": n} for a, b, layer, n in flow_edges(leads)],
        "buyer_order": [lead["head"]["buyer_name"] or "(buyer not named)" for lead in leads if lead["counted"]],
        "notices": [_notice(lead, money) for lead in leads if lead["counted"]],
        "kinds": kind_counts(store, date_from, date_to),
        "context": context_docs(store, date_from, date_to),
        "lead_notice": LEAD_NOTICE,
    }


def _charts(data: dict[str, Any]) -> dict[str, str]:
    edges = [(e["from"], e["to"], e["layer"], e["projects"]) for e in data["flow"]]
    return {
        "months": svg.column_chart("Leads per month", data["leads_per_month"], "leads"),
        "budgets": svg.column_chart("Budgets per month (CNY, not money spent)", data["budget_cny_per_month"], "CNY"),
        "awards": svg.column_chart("Award amounts per month (CNY)", data["award_cny_per_month"], "CNY"),
        "items": svg.hbar_chart("Leads by item", data["headline"]["by_item"]),
        "providers": svg.hbar_chart("Leads by provider", data["headline"]["by_provider"]),
        "graph": svg.flow_graph(edges, data["buyer_order"]),
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


def write_report(store: Store, output: str | Path, fmt: str = "html", date_from: str = "", date_to: str = "",
                 reviewed_only: bool = False) -> dict[str, Any]:
    """Write the report to ``output``; return the data it was built from."""
    data = report_data(store, date_from, date_to, reviewed_only)
    Path(output).write_text(render(data, fmt), encoding="utf-8")
    return data
