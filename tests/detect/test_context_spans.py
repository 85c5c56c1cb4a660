"""``span_between``: the clause window around a span, as the per-character search defines it."""

from __future__ import annotations

import random

from tenderwatch.detect.context import span_between

_STOPS = ("，,。；;\n!?！？", "\n。；;", "。；;\n!?！？", "\n", "-]^\\")


def _reference(text: str, start: int, end: int, stops: str, limit: int) -> tuple[int, int]:
    """The window by definition: after the last stop before ``start``, before the first stop from ``end``."""
    left = max(0, start - limit)
    before = [i for i in range(left, start) if text[i] in stops]
    right = min(len(text), end + limit)
    after = [i for i in range(end, right) if text[i] in stops]
    return (before[-1] + 1 if before else left), (after[0] if after else right)


def test_span_between_matches_the_definition_on_random_texts() -> None:
    rng = random.Random(13)
    alphabet = "ab1 ，,。；;\n!?！？-]^\\甲乙"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        stops = rng.choice(_STOPS)
        limit = rng.randint(0, 12)
        assert span_between(text, start, end, stops, limit) == _reference(text, start, end, stops, limit)


def test_span_between_stops_at_the_nearest_delimiters_within_the_limit() -> None:
    text = "采购内容：A100，数量8块；交货期30天"
    at = text.index("A100")
    assert span_between(text, at, at + 4, "，；", 60) == (0, text.index("，"))
    assert span_between(text, at, at + 4, "，；", 2) == (at - 2, at + 4)
    assert span_between(text, at + 5, at + 6, "，；", 2) == (at + 5, at + 8)


def test_segment_bounds_remembers_clauses_per_text_not_across_texts() -> None:
    from tenderwatch.detect.context import segment_bounds

    one = "采购A100，共8块"
    other = "采购A100共8块，另购网线"
    at = one.index("A100")
    for _ in range(2):  # asked again, in turn: each text keeps its own clause
        assert segment_bounds(one, at, at + 4) == (0, one.index("，"))
        assert segment_bounds(other, at, at + 4) == (0, other.index("，"))
        assert segment_bounds(one.lower(), at, at + 4) == (0, one.index("，"))
