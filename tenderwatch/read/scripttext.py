"""Last resort for pages rendered by JavaScript: the notice then sits in a
string literal or JSON blob inside a <script>. String literals are read with a
regular expression and JSON string unescaping; nothing is ever executed."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

_DQ = re.compile(r'"((?:[^"\\\n]|\\.){10,})"')
_SQ = re.compile(r"'((?:[^'\\\n]|\\.){10,})'")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_ESCAPED = re.compile(r"[\u4e00-\u9fff]|\\u[4-9][0-9a-fA-F]{3}")
_TAG = re.compile(r"<(?:p|div|br|table|tr|td|span|h[1-6]|li)\b[^>]*>", re.IGNORECASE)
MIN_CJK_IN_SCRIPT = 30
MIN_CJK_IN_STRING = 10


def _unescape(literal: str, quote: str) -> str | None:
    if quote == "'":
        literal = literal.replace("\\'", "'").replace('"', '\\"')
    try:
        value = json.loads(f'"{literal}"')
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def script_strings(sources: list[str], html_to_text: Callable[[str], str]) -> str:
    """Chinese text found in string literals of ``sources`` (script bodies)."""
    out: list[str] = []
    seen: set[str] = set()
    if sum(len(_CJK_ESCAPED.findall(src[:200_000])) for src in sources) < MIN_CJK_IN_SCRIPT:
        return ""
    for src in sources:
        for pattern, quote in ((_DQ, '"'), (_SQ, "'")):
            for m in pattern.finditer(src):
                value = _unescape(m.group(1), quote)
                if value is None or len(_CJK.findall(value)) < MIN_CJK_IN_STRING or value in seen:
                    continue
                seen.add(value)
                out.append(html_to_text(value) if _TAG.search(value) else value.strip())
    return "\n".join(x for x in out if x)
