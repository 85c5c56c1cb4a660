"""Accelerators specified only by figures: TPP (and PD) from FP16/BF16/FP8/INT8 numbers.

TPP = max(FP16/BF16 TFLOPS x 16, FP8/INT8 TOPS x 8, INT4 x 4, TF32 x 32) per chip
(controlled-compute.md §1.1, §4.4). Figures stated as sparse (稀疏/sparse) are
halved; "稠密"/"不含稀疏" mark dense figures. Whole-server figures (整机/总算力) are
not per-chip and are skipped. PD = TPP / die area when a die area is written.
The thresholds come from ``rules.yaml`` (the rule in force on the notice date for
the status; the latest rule for relevance, which is independent of the date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tenderwatch.detect import context as ctx
from tenderwatch.detect.anchors import Anchor
from tenderwatch.detect.rules import latest_thresholds, thresholds_on
from tenderwatch.detect.scan import Scan
from tenderwatch.detect.vocab import Prong, Thresholds, vocab
from tenderwatch.model import Finding

# The grammar of a figure: a precision name, up to 40 characters, a number, a unit.
_PRECISION = r"(fp16|bf16|fp8|int8|int4|tf32|fp32|fp64)"
_FIGURE = re.compile(_PRECISION + r"(?:(?!fp16|bf16|fp8|int8|int4|tf32|fp32|fp64)[^\n]){0,40}?"
                     r"(\d[\d,]*(?:\.\d+)?) ?(p|t)?(?:flops|ops|flop)")
BITS = {"fp16": 16, "bf16": 16, "fp8": 8, "int8": 8, "int4": 4, "tf32": 32, "fp32": 32, "fp64": 64}
_DIE = re.compile(r"(?:die|芯片面积|裸片面积|晶粒面积|die area)[^\n]{0,20}?(\d{2,4}(?:\.\d+)?) ?(?:mm2|mm²|平方毫米)")
_IO = re.compile(r"(?:nvlink|互联|互连|interconnect|i/o)[^\n]{0,30}?(\d+(?:\.\d+)?) ?(tb/s|gb/s)")
_DRAM = re.compile(r"(?:显存带宽|内存带宽|memory bandwidth|hbm带宽)[^\n]{0,12}?(\d+(?:\.\d+)?) ?(tb/s|gb/s)")


@dataclass(slots=True)
class Figure:
    precision: str
    value: float  # dense TFLOPS/TOPS per chip
    tpp: float
    start: int
    end: int
    sparse: bool


def tpp_of(precision: str, tera: float, sparse: bool = False) -> float:
    """TPP of one figure: dense throughput x bit length (sparse figures halved)."""
    dense = tera / 2 if sparse else tera
    return dense * BITS[precision]


def _figure(scan: Scan, match: re.Match[str]) -> Figure | None:
    low = scan.low
    precision, raw, prefix = match.group(1), match.group(2), match.group(3)
    try:
        value = float(raw.replace(",", ""))
    except ValueError:
        return None
    if prefix == "p":
        value *= 1000
    around = low[match.start():min(len(low), match.end() + 14)]
    lists = vocab().lists
    sparse = not lists["dense_words"].contains(around) and lists["sparse_words"].contains(around)
    seg_start, _ = ctx.segment_bounds(low, match.start(), match.end())
    line_start, _ = ctx.line_bounds(low, match.start())
    local = low[max(seg_start, line_start, match.start() - 30):match.end()]
    if not lists["per_card_words"].contains(local) and lists["aggregate_words"].contains(local):
        return None
    dense = value / 2 if sparse else value
    return Figure(precision, dense, tpp_of(precision, value, sparse), match.start(), match.end(), sparse)


def meets(prongs: list[Prong], tpp: float, pd: float | None, io: float | None) -> bool:
    for prong in prongs:
        if tpp < prong.tpp_min or (prong.tpp_max is not None and tpp >= prong.tpp_max):
            continue
        if prong.pd_min is not None and (pd is None or pd < prong.pd_min):
            continue
        if prong.pd_max is not None and (pd is None or pd >= prong.pd_max):
            continue
        if prong.io_min is not None and io is not None and io < prong.io_min:
            continue
        return True
    return False


def classify(tpp: float, pd: float | None, io: float | None, table: Thresholds) -> str | None:
    """``"3A090.a"``, ``"3A090.b"`` or None under the thresholds ``table``."""
    if meets(table.a, tpp, pd, io):
        return "3A090.a"
    if meets(table.b, tpp, pd, io):
        return "3A090.b"
    return None


def _bandwidth(regex: re.Pattern[str], text: str) -> float | None:
    best: float | None = None
    for match in regex.finditer(text):
        value = float(match.group(1)) * (1000 if match.group(2) == "tb/s" else 1)
        best = value if best is None else max(best, value)
    return best


def spec_findings(scan: Scan, anchors: list[Anchor]) -> list[Finding]:
    """At most one finding per notice: the strongest per-chip figure, judged against the rules."""
    low = scan.low
    figures: list[Figure] = []
    seen: set[int] = set()
    for anchor in anchors:
        if not any(kind == "spec" for kind, _ in anchor.targets) or anchor.start in seen:
            continue
        seen.add(anchor.start)
        line_start, _ = ctx.line_bounds(low, anchor.start)
        span_start = max(line_start, anchor.start - 70)
        for match in _FIGURE.finditer(low, span_start, min(len(low), anchor.end + 1)):
            if match.end() < anchor.start:
                continue
            figure = _figure(scan, match)
            if figure is not None:
                figures.append(figure)
    if not figures:
        return []
    best = max(figures, key=lambda f: f.tpp)
    lists = vocab().lists
    domestic = lists["domestic_words"].search(low)  # a spec in a domestic-only notice is a domestic part
    die = _DIE.search(low)
    pd = best.tpp / float(die.group(1)) if die else None
    io = _bandwidth(_IO, low)
    dram = _bandwidth(_DRAM, low)
    latest = classify(best.tpp, pd, None, latest_thresholds())
    trigger = vocab().bandwidth
    h20_class = dram is not None and dram >= trigger.dram_gbps_min
    on_date = thresholds_on(scan.date)
    status_class = classify(best.tpp, pd, io, on_date)
    figures_text = f"TPP {best.tpp:,.0f} from {best.precision.upper()} {best.value:g} dense" + (
        " (sparse figure halved)" if best.sparse else "") + (f", PD {pd:.2f}" if pd else "")
    controlled = (latest is not None or h20_class) and domestic is None
    date_text = scan.date or "unknown date"
    if status_class is not None:
        status = f"{status_class} under {on_date.name} on {date_text}: {figures_text}"
    elif h20_class and scan.date is not None and scan.date >= trigger.from_:
        status = f"licence required (DRAM bandwidth {dram:,.0f} GB/s >= {trigger.dram_gbps_min:,.0f}) on {date_text}"
    else:
        status = f"below the thresholds of {on_date.name} on {date_text}: {figures_text}"
    if domestic is not None:
        reason = f"figures for a domestic part ('{domestic.group(0)}'): {figures_text}"
    elif controlled:
        reason = f"spec-only accelerator over the thresholds ({latest or 'DRAM bandwidth trigger'}): {figures_text}"
    else:
        reason = f"spec-only accelerator below the thresholds: {figures_text}"
    category = "server" if _server_doc(low) else "chip"
    found = scan.finding(
        best.start, best.end,
        category=category, item=None, provider=None,
        confidence=0.7 if controlled else 0.4,
        controlled=controlled, rule_group="uncontrolled", reason=reason,
    )
    found.control_status = status
    found.rule = on_date.citation if status_class is not None or not h20_class else trigger.citation
    return [found]


def _server_doc(low: str) -> bool:
    regex = vocab().lex("server_words").regex
    if regex is None:
        return False
    existing = vocab().lex("existing_words")
    return any(not existing.contains(low[max(0, m.start() - 12):m.start()]) for m in regex.finditer(low))
