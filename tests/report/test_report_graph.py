"""The buyer -> intermediary -> provider graph stays readable with many buyers (issue 9)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tenderwatch.report.svg import column_chart, flow_graph, text_width


def test_graph_with_sixty_buyers_keeps_the_top_and_pools_the_rest() -> None:
    edges = [(f"买方单位{i:02d}", f"中间商{i % 30:02d}", "buyer-intermediary", 1) for i in range(60)]
    edges += [(f"中间商{i:02d}", "A100" if i % 2 else "AWS", "intermediary-provider", 1) for i in range(30)]
    order = [f"买方单位{i:02d}" for i in reversed(range(60))]  # by priority
    svg = BeautifulSoup(flow_graph(edges, order), "html.parser").find("svg")
    labels = [t.get_text() for t in svg.find_all("text")]
    assert "买方单位59" in labels and "买方单位00" not in labels  # the top of the order is drawn
    assert "… 35 more buyers" in labels and "… 5 more intermediaries" in labels
    assert {"A100", "AWS"} <= set(labels)
    width = float(svg["width"])
    for text in svg.find_all("text"):  # no label runs past the drawing
        assert float(text["x"]) + text_width(text.get_text()) <= width


def test_month_chart_has_a_labelled_scale() -> None:
    svg = column_chart("Leads per month", {"2024-01": 2, "2024-02": 0, "2024-03": 5}, "leads")
    labels = [t.get_text() for t in BeautifulSoup(svg, "html.parser").find_all("text")]
    assert "leads" in labels and "2024-02" in labels  # the unit, and the empty month drawn
