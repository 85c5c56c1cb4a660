"""Priority of a lead, from the evidence, with the reasons in words (``data/store/priority.yaml``).

Computed from the export row (so anyone can recompute it from the JSONL export): the rule
status of what is sought on the notice date, parties listed on that date, a state-linked
buyer, a US cloud named with GPU capacity, the amount, and how recent the notice is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from tenderwatch.yamlfile import Check, load_checked, load_yaml, record

DATA = Path(__file__).resolve().parent.parent / "data" / "store" / "priority.yaml"


@record
class Points:
    points: float
    words: str


@record
class ClassPoints:
    points: dict[str, float]
    words: str


@record
class Step:
    min: float
    points: float


@record
class AmountPoints:
    steps: list[Step]
    words: str


@record
class Recency:
    from_: Annotated[str, Check(pattern=r"^\d{4}-\d{2}-\d{2}$")]  # "from" in the file
    years: Annotated[float, Check(gt=0)]
    points: float
    words: str


@record
class Weights:
    version: int
    source: Annotated[str, Check(min_length=5)]
    rule_status: dict[str, Points]
    listed: dict[str, Points]
    state_linked: ClassPoints
    us_cloud_gpu: Points
    amount: AmountPoints
    recency: Recency


KINDS = frozenset((__name__, kind.__name__) for kind in (Points, ClassPoints, Step, AmountPoints, Recency, Weights))


def _check(texts: Sequence[str]) -> Weights:
    """priority.yaml validated by pydantic (imported only here; the weights are kept checked on disk)."""
    from pydantic import TypeAdapter

    data = load_yaml(texts[0])
    recency = data.get("recency") if isinstance(data, dict) else None
    if isinstance(recency, dict) and "from" in recency:  # "from" is a Python keyword: the field is from_
        data["recency"] = {("from_" if key == "from" else key): value for key, value in recency.items()}
    weights: Weights = TypeAdapter(Weights).validate_python(data)
    return weights


@lru_cache(maxsize=1)
def weights() -> Weights:
    return load_checked([DATA.read_text(encoding="utf-8")], _check, Weights, Path(__file__), KINDS)


def _day(value: Any) -> date | None:
    text = str(value or "")[:10]
    try:
        return date.fromisoformat(text if len(text) == 10 else text[:7] + "-01")
    except ValueError:
        return None


def _listed(row: dict[str, Any], w: Weights) -> tuple[float, list[str]]:
    """The best listing evidence of any party: on the date > date unknown > added later."""
    best: tuple[float, str] = (0.0, "")
    for hit in row.get("screening") or []:
        if hit.get("relation") == "affiliate":  # a subsidiary of a listed party is not itself listed
            continue
        state = hit.get("listed_on_date")
        key = "on_date" if state is True else ("after" if state is False else "date_unknown")
        rule = w.listed[key]
        words = rule.words.format(role=hit.get("role", "party"), name=hit.get("name", ""),
                                  list=hit.get("list") or hit.get("list_name") or "list",
                                  since=hit.get("listed_since") or "date unknown")
        if rule.points > best[0]:
            best = (rule.points, words)
    return (best[0], [best[1]]) if best[1] else (0.0, [])


def priority(row: dict[str, Any]) -> tuple[float, list[str]]:
    """(score, reasons) of one export row; (0, []) for a notice that is not a lead."""
    if not row.get("relevant"):
        return 0.0, []
    w = weights()
    score, reasons = 0.0, []
    live = [f for f in row.get("findings") or [] if not f.get("negated")]
    status = row.get("rule_status")
    if status in w.rule_status:
        items = sorted({f.get("item") or f.get("provider") or f["category"] for f in live
                        if f.get("rule_status") == status})
        score += w.rule_status[status].points
        reasons.append(w.rule_status[status].words.format(items=", ".join(items) or "items"))
    points, words = _listed(row, w)
    score += points
    reasons += words
    buyer = next((p for p in row.get("parties") or [] if p.get("role") == "buyer"), None)
    cls = buyer.get("class") if buyer else None
    if cls in w.state_linked.points:
        score += w.state_linked.points[cls]
        reasons.append(w.state_linked.words.format(cls=cls))
    clouds = [f for f in live if f["category"] == "cloud" and f.get("provider") and f.get("item")]
    if clouds:
        provider = clouds[0]["provider"]
        items = sorted({str(f["item"]) for f in clouds if f["provider"] == provider})
        score += w.us_cloud_gpu.points
        reasons.append(w.us_cloud_gpu.words.format(provider=provider, items=", ".join(items)))
    amount = row.get("amount_cny")
    if isinstance(amount, int | float):
        step = max((s for s in w.amount.steps if amount >= s.min), key=lambda s: s.min, default=None)
        if step is not None:
            score += step.points
            reasons.append(w.amount.words.format(kind=row.get("amount_kind") or "amount", cny=f"{amount:,.0f}"))
    day, origin = _day(row.get("notice_date")), _day(w.recency.from_)
    if day is not None and origin is not None and day > origin:
        share = min(1.0, (day - origin).days / (365.25 * w.recency.years))
        score += round(w.recency.points * share, 1)
        reasons.append(w.recency.words.format(date=row.get("notice_date")))
    return round(score, 1), reasons
