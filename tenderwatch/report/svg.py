"""Charts and the buyer -> intermediary -> provider graph as inline SVG strings.

Generated on the server, no script, every label escaped: the report opens offline. Labels
are never cut: columns are as wide as their longest label.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from xml.sax.saxutils import escape

BAR = "#3b7dd8"
FONT = 'font-family="system-ui, Noto Sans CJK SC, sans-serif" font-size="12"'


def text_width(text: str, size: float = 12) -> float:
    """Rough width in pixels: CJK and full-width characters are square, others about 0.6 em."""
    wide = sum(1 for ch in text if ord(ch) >= 0x2E80)
    return (wide + 0.6 * (len(text) - wide)) * size


def _num(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 or value == int(value) else f"{value:g}"


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10^k at or above ``value`` (a round top for an axis)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)  # pragma: no cover


def _open(cls: str, title: str, width: float, height: float) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" role="img" width="{width:.0f}" height="{height:.0f}"'
        f' viewBox="0 0 {width:.0f} {height:.0f}" {FONT}><title>{escape(title)}</title>',
    ]


def hbar_chart(title: str, data: Mapping[str, float], width: int = 520, top: int = 20) -> str:
    """A horizontal bar chart of the ``top`` largest values."""
    items = sorted(data.items(), key=lambda kv: -kv[1])[:top]
    row, pad = 22, 30
    left = 12 + max((text_width(str(k)) for k, _ in items), default=40)
    width = max(width, int(left + 200))
    height = pad + row * max(1, len(items)) + 10
    peak = max((v for _, v in items), default=0) or 1
    parts = _open("chart", title, width, height)
    parts.append(f'<text x="0" y="16" font-weight="600">{escape(title)}</text>')
    if not items:
        parts.append(f'<text x="0" y="{pad + 14}" fill="#777">no data</text>')
    for i, (key, value) in enumerate(items):
        y = pad + i * row
        span = (width - left - 80) * value / peak
        parts.append(f'<text x="{left - 6:.0f}" y="{y + 14}" text-anchor="end">{escape(str(key))}</text>')
        parts.append(f'<rect x="{left:.0f}" y="{y + 3}" width="{span:.1f}" height="{row - 6}" fill="{BAR}"/>')
        parts.append(f'<text x="{left + span + 4:.1f}" y="{y + 14}">{_num(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def column_chart(title: str, data: Mapping[str, float], unit: str, width: int = 640, height: int = 240) -> str:
    """Vertical columns in key order (continuous months) over a labelled scale: gridlines at
    0, ½ and the top of the axis, the unit written on the axis."""
    items = list(data.items())
    peak = nice_ceiling(max((v for _, v in items), default=0))
    ticks = [0.0, peak / 2, peak]
    left = 16 + max(text_width(_num(t), 10) for t in ticks)
    pad_top, pad_bottom = 36, 42
    inner = height - pad_top - pad_bottom
    step = min(64.0, (width - left - 10) / max(1, len(items)))
    every = max(1, math.ceil(48 / step))  # one month label per ~48 px
    parts = _open("chart", title, width, height)
    parts.append(f'<text x="0" y="16" font-weight="600">{escape(title)}</text>')
    parts.append(f'<text x="0" y="30" font-size="10" fill="#555">{escape(unit)}</text>')
    for tick in ticks:
        y = pad_top + inner - inner * tick / peak
        parts.append(f'<line x1="{left:.0f}" y1="{y:.1f}" x2="{width - 4}" y2="{y:.1f}" stroke="#d8dde2"/>')
        parts.append(f'<text x="{left - 4:.0f}" y="{y + 3:.1f}" text-anchor="end" font-size="10">{_num(tick)}</text>')
    if not items:
        parts.append(f'<text x="{left + 8:.0f}" y="{pad_top + 14}" fill="#777">no data</text>')
    for i, (key, value) in enumerate(items):
        h = inner * value / peak
        x = left + i * step
        y = pad_top + inner - h
        parts.append(f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{max(1.0, step - 4):.1f}" height="{h:.1f}" fill="{BAR}">'
                     f"<title>{escape(str(key))}: {_num(value)} {escape(unit)}</title></rect>")
        if i % every == 0:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{height - pad_bottom + 14}" text-anchor="middle"'
                         f' font-size="10">{escape(str(key))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _keep(weights: dict[str, int], order: list[str], limit: int) -> list[str]:
    ranked = [n for n in dict.fromkeys(order) if n in weights] + sorted(
        (n for n in weights if n not in order), key=lambda n: (-weights[n], n))
    return ranked[:limit]


def flow_graph(edges: list[tuple[str, str, str, int]], order: list[str] | None = None, max_nodes: int = 25) -> str:
    """Three columns (buyers, intermediaries, items/providers) joined by edges whose width is the
    number of projects. At most ``max_nodes`` buyers (in ``order``, e.g. by priority) and
    intermediaries are drawn; the rest are pooled into one "N more" node per column."""
    buyers: dict[str, int] = {}
    middles: dict[str, int] = {}
    ends: dict[str, int] = {}
    for a, b, layer, n in edges:
        if layer == "buyer-intermediary":
            buyers[a] = buyers.get(a, 0) + n
            middles[b] = middles.get(b, 0) + n
        else:
            ends[b] = ends.get(b, 0) + n
    kept_buyers = _keep(buyers, order or [], max_nodes)
    kept_middles = _keep(middles, [], max_nodes)
    more_buyers = f"… {len(buyers) - len(kept_buyers)} more buyers" if len(buyers) > len(kept_buyers) else ""
    more_middles = (f"… {len(middles) - len(kept_middles)} more intermediaries"
                    if len(middles) > len(kept_middles) else "")

    def place(name: str, kept: list[str], more: str) -> str:
        return name if name in kept else more

    pooled: dict[tuple[str, str, str], int] = {}
    for a, b, layer, n in edges:
        if layer == "buyer-intermediary":
            key = (place(a, kept_buyers, more_buyers), place(b, kept_middles, more_middles), layer)
        else:
            key = (place(a, kept_middles, more_middles), b, layer)
        pooled[key] = pooled.get(key, 0) + n
    columns = [kept_buyers + ([more_buyers] if more_buyers else []),
               kept_middles + ([more_middles] if more_middles else []),
               sorted(ends, key=lambda k: (-ends[k], k))]
    heads = ("Buyers", "Intermediaries", "Items / providers")
    widths = [max([text_width(h) * 1.1] + [text_width(n) for n in col]) for h, col in zip(heads, columns, strict=True)]
    gap = 120
    xs = [10.0, 10 + widths[0] + gap, 10 + widths[0] + gap + widths[1] + gap]
    width = xs[2] + widths[2] + 20
    row = 24
    height = 40 + row * max(1, *(len(c) for c in columns))
    pos: list[dict[str, float]] = [{name: 40 + i * row for i, name in enumerate(col)} for col in columns]
    parts = _open("graph", "buyers to intermediaries to items and providers", width, height)
    for x, head in zip(xs, heads, strict=True):
        parts.append(f'<text x="{x:.0f}" y="18" font-weight="600">{head}</text>')
    for (a, b, layer), n in sorted(pooled.items()):
        col = 0 if layer == "buyer-intermediary" else 1
        if a not in pos[col] or b not in pos[col + 1]:
            continue
        x1, x2 = xs[col] + widths[col] + 6, xs[col + 1] - 6
        y1, y2 = pos[col][a] - 4, pos[col + 1][b] - 4
        mid = (x1 + x2) / 2
        parts.append(f'<path d="M{x1:.0f},{y1} C{mid:.0f},{y1} {mid:.0f},{y2} {x2:.0f},{y2}" fill="none"'
                     f' stroke="#8fb3e8" stroke-width="{min(8, 1 + n)}" opacity="0.8">'
                     f"<title>{escape(a)} → {escape(b)}: {n} projects</title></path>")
    for x, placed in zip(xs, pos, strict=True):
        for name, y in placed.items():
            parts.append(f'<text x="{x:.0f}" y="{y}">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
