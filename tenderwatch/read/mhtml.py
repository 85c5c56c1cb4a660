"""MHTML (``.mht``/``.mhtml``, "web page, single file"): a MIME message whose
first ``text/html`` part is the page. Browsers and Word save notices this way."""

from __future__ import annotations

import re

from .decode import decode_bytes
from .html import declared_charset, extract_html

_MHTML_HEAD = re.compile(rb"^\s*(?:[\w-]+:[^\n]*\n)*?\s*(?:MIME-Version|Content-Type)\s*:", re.IGNORECASE)


def looks_like_mhtml(head: bytes) -> bool:
    return bool(_MHTML_HEAD.match(head)) and b"multipart/related" in head.lower()


def read_mhtml(data: bytes) -> tuple[str, str | None, dict[str, str]] | None:
    """``(text, encoding, meta)`` of the first HTML (else plain-text) part; ``None`` if there is none."""
    import email  # imported when a page is MHTML (~15 ms of start-up for every scan otherwise)
    import email.policy

    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    for wanted in ("text/html", "text/plain"):
        for part in msg.walk():
            if part.get_content_type() != wanted:
                continue
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes) or not payload.strip():
                continue
            declared = part.get_content_charset() or (
                declared_charset(payload) if wanted == "text/html" else None
            )
            decoded, encoding = decode_bytes(payload, declared)
            if wanted == "text/html":
                text, meta = extract_html(decoded)
                return text, encoding, meta
            return decoded.replace("\r\n", "\n"), encoding, {}
    return None
