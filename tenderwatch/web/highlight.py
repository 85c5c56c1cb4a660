"""Cut a notice's text into segments at finding spans, for server-side highlighting.

The template escapes every segment; nothing from the notice is ever trusted as
markup. Overlapping spans are allowed: a segment lists every finding covering it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(slots=True)
class Segment:
    text: str
    finding_ids: tuple[int, ...] = ()
    first_of: tuple[int, ...] = ()  # findings that start here (anchor targets)


def segments(text: str, spans: Iterable[tuple[int, int, int]]) -> tuple[list[Segment], list[int]]:
    """``spans`` are (finding id, start, end) half-open character offsets into ``text``.

    Returns the segments and the ids of findings whose span does not fit the text
    (they are listed, not highlighted)."""
    good: list[tuple[int, int, int]] = []
    bad: list[int] = []
    for fid, start, end in spans:
        if start is None or end is None or not 0 <= start < end <= len(text):
            bad.append(fid)
        else:
            good.append((fid, start, end))
    cuts = sorted({0, len(text), *(s for _, s, _ in good), *(e for _, _, e in good)})
    out: list[Segment] = []
    for left, right in pairwise(cuts):
        covering = tuple(fid for fid, s, e in good if s <= left and right <= e)
        starting = tuple(fid for fid, s, _ in good if s == left)
        out.append(Segment(text[left:right], covering, starting))
    return out, bad
