"""Charts and the buyer -> intermediary -> provider graph as inline SVG strings.

Generated on the server, no script, every label escaped: the report opens offline.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.sax.saxutils import escape

BAR = "#3b7dd8"
FONT = 'font-family="system-ui, Noto Sans CJK SC, sans-serif" font-size="12"'


def _label(text: str, limit: int = 28) -> str:
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def _num(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:g}"


def hbar_chart(title: str, data: Mapping[str, float], width: int = 520, top: int = 20) -> str:
    """A horizontal bar chart of the ``top`` largest values."""
    items = sorted(data.items(), key=lambda kv: -kv[1])[:top]
    row, left, pad = 22, 190, 30
    height = pad + row * max(1, len(items)) + 10
    peak = max((v for _, v in items), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" {FONT}><title>{escape(title)}</title>',
        f'<text x="0" y="16" font-weight="600">{escape(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="0" y="{pad + 14}" fill="#777">no data</text>')
    for i, (key, value) in enumerate(items):
        y = pad + i * row
        span = (width - left - 80) * value / peak
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{_label(str(key))}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{span:.1f}" height="{row - 6}" fill="{BAR}"/>')
        parts.append(f'<text x="{left + span + 4:.1f}" y="{y + 14}">{_num(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def column_chart(title: str, data: Mapping[str, float], width: int = 640, height: int = 220) -> str:
    """Vertical columns in key order (months)."""
    items = list(data.items())
    pad_top, pad_bottom, left = 30, 40, 10
    inner = height - pad_top - pad_bottom
    peak = max((v for _, v in items), default=0) or 1
    step = min(64.0, (width - left) / max(1, len(items)))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" {FONT}><title>{escape(title)}</title>',
        f'<text x="0" y="16" font-weight="600">{escape(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="0" y="{pad_top + 14}" fill="#777">no data</text>')
    for i, (key, value) in enumerate(items):
        h = inner * value / peak
        x = left + i * step
        y = pad_top + inner - h
        parts.append(f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{max(1.0, step - 4):.1f}" height="{h:.1f}" fill="{BAR}">'
                     f"<title>{escape(str(key))}: {_num(value)}</title></rect>")
        if len(items) <= 24 or i % max(1, len(items) // 12) == 0:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{height - pad_bottom + 14}" text-anchor="middle"'
                         f' font-size="10">{escape(str(key))}</text>')
        if len(items) <= 24:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" font-size="10">'
                         f"{_num(value)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def flow_graph(edges: list[tuple[str, str, str, int]], width: int = 900, max_nodes: int = 40) -> str:
    """Three columns (buyers, intermediaries, providers/items) joined by edges whose width is
    the number of notices."""
    buyers: dict[str, int] = {}
    middles: dict[str, int] = {}
    ends: dict[str, int] = {}
    for a, b, layer, n in edges:
        if layer == "buyer-intermediary":
            buyers[a] = buyers.get(a, 0) + n
            middles[b] = middles.get(b, 0) + n
        else:
            ends[b] = ends.get(b, 0) + n
    columns = [
        sorted(buyers, key=lambda k: -buyers[k])[:max_nodes],
        sorted(middles, key=lambda k: -middles[k])[:max_nodes],
        sorted(ends, key=lambda k: -ends[k])[:max_nodes],
    ]
    row = 24
    height = 40 + row * max(1, *(len(c) for c in columns))
    xs = [10, width // 2 - 90, width - 190]
    pos: list[dict[str, float]] = [{name: 40 + i * row for i, name in enumerate(col)} for col in columns]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" {FONT}><title>buyers to intermediaries to providers</title>',
    ]
    for x, head in zip(xs, ("Buyers", "Intermediaries", "Providers / items"), strict=True):
        parts.append(f'<text x="{x}" y="18" font-weight="600">{head}</text>')
    for a, b, layer, n in edges:
        col = 0 if layer == "buyer-intermediary" else 1
        if a not in pos[col] or b not in pos[col + 1]:
            continue
        x1, x2 = xs[col] + 170, xs[col + 1]
        y1, y2 = pos[col][a] - 4, pos[col + 1][b] - 4
        mid = (x1 + x2) / 2
        parts.append(f'<path d="M{x1},{y1} C{mid},{y1} {mid},{y2} {x2 - 4},{y2}" fill="none" stroke="#8fb3e8"'
                     f' stroke-width="{min(8, 1 + n)}" opacity="0.8"><title>{escape(a)} → {escape(b)}: {n} projects</title></path>')
    for x, placed in zip(xs, pos, strict=True):
        for name, y in placed.items():
            parts.append(f'<circle cx="{x - 4 if x > 10 else x + 172}" cy="{y - 4}" r="3" fill="#1d4f91"/>')
            parts.append(f'<text x="{x + (2 if x > 10 else 0)}" y="{y}">{_label(name, 14)}</text>')
    parts.append("</svg>")
    return "".join(parts)
