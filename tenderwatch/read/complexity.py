"""Bound HTML before it is parsed: a linear count of how deep its tags nest.

The HTML parser (lexbor, C code) is fast on real pages but slows down faster than
quadratically on deeply nested markup (50,000 nested table cells, 200,000 nested
lists), and no signal can interrupt it there. So the nesting depth is estimated
from the raw markup first, in one regular-expression pass, and a page nested
deeper than the limit is refused as ``TOO_COMPLEX`` with the limit named.

The estimate counts open tags minus their end tags, leaving out void elements
and elements whose end tag HTML lets a page omit (``p``, ``li``, ``td``...): an
unclosed paragraph does not nest, so real pages stay far below the limit.
"""

from __future__ import annotations

import re

from ..model import FailReason
from .errors import ReadError

MAX_HTML_DEPTH = 2_000  # nesting a page may have; 2,000 levels parse in about 0.1 s

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})")
_VOID = "area base br col embed hr img input link meta param source track wbr keygen command basefont frame"
_END_OPTIONAL = "p li dt dd td th tr thead tbody tfoot colgroup caption option optgroup rb rt rp rtc html head body"
_NOT_NESTING = frozenset(f"{_VOID} {_END_OPTIONAL}".split())  # closed implicitly: they do not nest


def html_depth(text: str, stop_at: int = MAX_HTML_DEPTH) -> int:
    """Estimated nesting depth of the markup in ``text``; stops counting past ``stop_at``."""
    depth = deepest = 0
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in _NOT_NESTING:
            continue
        if match.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_at:
                    break
    return deepest


def check_html_depth(text: str, limit: int = MAX_HTML_DEPTH) -> None:
    """Raise ``ReadError(TOO_COMPLEX)`` when ``text`` nests tags deeper than ``limit``."""
    if text.count("<") <= limit:
        return  # cannot nest deeper than it has tags
    if html_depth(text, limit) > limit:
        raise ReadError(
            FailReason.TOO_COMPLEX,
            f"HTML nests tags more than {limit} levels deep (limit {limit}); not parsed",
        )
