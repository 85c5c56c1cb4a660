"""Security for the workbench: headers, CSRF tokens, the operator token for writes.

- Every response carries a strict Content-Security-Policy (no script at all).
- Forms carry a CSRF token (double submit: an HttpOnly SameSite=Strict cookie and a
  hidden field that must match), and a POST whose Origin is another site is refused.
- When the server is bound to a non-loopback address, writes need the operator
  token (form field ``token`` or header ``X-Tenderwatch-Token``).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",  # "no-referrer" would make browsers send Origin: null
    "cross-origin-opener-policy": "same-origin",
    "cache-control": "no-store",  # pages show review state and may hold notes: never cached
}
CSRF_COOKIE = "tw_csrf"
TOKEN_ENV = "TENDERWATCH_TOKEN"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    if not host.strip():  # an empty --host binds every interface (an unset shell variable)
        return False
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


def origin_ok(headers: Headers) -> bool:
    """A browser POST must come from this site (Origin absent, or same host)."""
    origin = headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    host = headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/") == host


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in SECURITY_HEADERS]
                raw += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = raw
            await send(message)

        await self.app(scope, receive, send_with_headers)
