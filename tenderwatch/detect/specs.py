"""Accelerators specified only by figures: TPP (and PD) from FP16/BF16/FP8/INT8 numbers.

TPP = max(FP16/BF16 TFLOPS x 16, FP8/INT8 TOPS x 8, INT4 x 4, TF32 x 32) per chip
(controlled-compute.md §1.1, §4.4). Figures stated as sparse (稀疏/sparse) are
halved; "稠密"/"不含稀疏" mark dense figures. FP32/FP64 (单精度/双精度) figures are not
read. Whole-server figures (整机/总算力) are not per-chip and are skipped. A domestic
word makes the figures a domestic part's unless it sits in a ban clause. PD = TPP / die area when a die area is written.
The thresholds come from ``rules.yaml`` (the rule in force on the notice date for
the status; the latest rule for relevance, which is independent of the date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tenderwatch.detect import context as ctx
from tenderwatch.detect.anchors import Anchor
from tenderwatch.detect.rules import latest_thresholds, thresholds_on
from tenderwatch.detect.scan import Scan
from tenderwatch.detect.vocab import Prong, Thresholds, vocab
from tenderwatch.model import NOT_RESTRICTED, RESTRICTED, RESTRICTED_LATER, Finding
from tenderwatch.patterncache import longest_first

# The grammar of a figure: a precision label (FP16, BF16/FP8, 半精度 ...), a short label gap,
# a number, a unit. A FLOPS/TOPS unit allows a 40-character gap; a bare "T" or no unit
# ("BF16稠密≥989T", "FP8 稀疏算力 3958") needs a digit-free gap that names the figure.
BITS = {"fp16": 16, "bf16": 16, "fp8": 8, "int8": 8, "int4": 4, "tf32": 32}
_NUMBER = r"(?<![\d.,])(?P<{0}>\d[\d,]*(?:\.\d+)?)"
_STRONG_UNIT = r" ?(?P<sp>peta|tera|p|t)?(?:flops|flop|ops)(?![a-z])"
_WEAK_UNIT = r"(?: ?(?P<wp>p|t)(?![a-z/])|(?=\s*(?:[，,。；;、)）(（\]\n]|及?以上|$)))"
_BARE_GAP = re.compile(r"[\s:：≥>=＞≧()（）\[\]【】为是达到不低于大等约~-]*")
_AFTER_STOPS = "，,。；;\n"
_AFTER_REACH = 16
_WINDOW = 120  # characters searched around a spec anchor (a figure is shorter)
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


def _alternatives(*names: str) -> str:
    words = sorted({w for name in names for w in vocab().lex(name).words}, key=longest_first)
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def figure_regex() -> re.Pattern[str]:
    """The figure grammar, built from the precision labels in ``context.yaml``."""
    labels = _alternatives("spec_labels")
    stops = _alternatives("spec_labels", "ignored_precision")
    strong_gap = f"(?:(?!{stops})[^\\n。；;]){{0,40}}?"
    weak_gap = f"(?:(?!{stops})[^\\n。；;，,\\d]){{0,24}}?"
    return re.compile(
        f"(?P<label>{labels})(?:(?P<sgap>{strong_gap}){_NUMBER.format('snum')}{_STRONG_UNIT}"
        f"|(?P<wgap>{weak_gap}){_NUMBER.format('wnum')}{_WEAK_UNIT})"
    )


def _precision(label: str) -> str:
    return "fp16" if vocab().lex("half_precision").contains(label) else label


def _after(low: str, match: re.Match[str]) -> str:
    """The qualifier written right after a figure ("(稀疏)", "（不含稀疏）"), up to the next clause."""
    end = min(len(low), match.end() + _AFTER_REACH)
    for ch in _AFTER_STOPS:
        found = low.find(ch, match.end(), end)
        if found >= 0:
            end = found
    tail = low[match.end():end]
    next_label = vocab().lex("spec_labels").search(tail)
    return tail[:next_label.start()] if next_label is not None else tail


def _figure(scan: Scan, match: re.Match[str]) -> Figure | None:
    low = scan.low
    lists = vocab().lists
    precision = _precision(match.group("label"))
    if match.group("snum") is not None:
        raw, prefix = match.group("snum"), match.group("sp")
    else:
        raw, prefix = match.group("wnum"), match.group("wp")
        gap = match.group("wgap")
        if not lists["compute_words"].contains(gap) and _BARE_GAP.fullmatch(gap) is None:
            return None
    try:
        value = float(raw.replace(",", ""))
    except ValueError:
        return None
    if prefix in ("p", "peta"):
        value *= 1000
    around = match.group(0) + _after(low, match)
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
    found_at: set[int] = set()
    regex = figure_regex()
    for anchor in anchors:
        if not any(kind == "spec" for kind, _ in anchor.targets):
            continue
        line_start, line_end = ctx.line_bounds(low, anchor.start)
        left, right = max(line_start, anchor.start - _WINDOW), min(line_end, anchor.end + _WINDOW)
        for match in regex.finditer(low, left, right):
            # the figure this anchor belongs to: its label or its unit
            if match.start() > anchor.start or match.end() < anchor.end or match.start() in found_at:
                continue
            found_at.add(match.start())
            figure = _figure(scan, match)
            if figure is not None:
                figures.append(figure)
    if not figures:
        return []
    best = max(figures, key=lambda f: f.tpp)
    domestic = _domestic(low)  # a spec in a domestic-only notice is a domestic part
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
    in_scope = (latest is not None or h20_class) and domestic is None
    date_text = scan.date or "unknown date"
    bandwidth_on_date = h20_class and (scan.date is None or scan.date >= trigger.from_)
    if status_class is not None:
        status = f"{status_class} under {on_date.name} on {date_text}: {figures_text}"
    elif bandwidth_on_date and scan.date is not None:
        status = f"licence required (DRAM bandwidth {dram:,.0f} GB/s >= {trigger.dram_gbps_min:,.0f}) on {date_text}"
    else:
        status = f"below the thresholds of {on_date.name} on {date_text}: {figures_text}"
    if status_class is not None or bandwidth_on_date:
        rule_status = RESTRICTED
    else:
        rule_status = RESTRICTED_LATER if in_scope else NOT_RESTRICTED
    if domestic is not None:
        reason = f"figures for a domestic part ('{domestic.group(0)}'): {figures_text}"
    elif in_scope:
        reason = f"spec-only accelerator over the thresholds ({latest or 'DRAM bandwidth trigger'}): {figures_text}"
    else:
        reason = f"spec-only accelerator below the thresholds: {figures_text}"
    category = "server" if _server_doc(low) else "chip"
    found = scan.finding(
        best.start, best.end,
        category=category, item=None, provider=None,
        confidence=0.7 if in_scope else 0.4,
        in_scope=in_scope, rule_group="uncontrolled", reason=reason,
    )
    found.control_status = status
    found.rule_status = rule_status
    found.rule = on_date.citation if status_class is not None or not h20_class else trigger.citation
    return [found]


def _domestic(low: str) -> re.Match[str] | None:
    """The first domestic word that is not inside a ban clause ("不接受国产替代方案")."""
    regex = vocab().lex("domestic_words").regex
    for match in regex.finditer(low) if regex is not None else ():
        if ctx.ban_clause(low, match.start(), match.end()) is None:
            return match
    return None


def _server_doc(low: str) -> bool:
    regex = vocab().lex("server_words").regex
    if regex is None:
        return False
    existing = vocab().lex("existing_words")
    return any(not existing.contains(low[max(0, m.start() - 12):m.start()]) for m in regex.finditer(low))
