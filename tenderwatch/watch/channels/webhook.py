"""Alerts to a webhook: one JSON POST per alert (urllib), optionally signed.

The body is ``{"event": "tenderwatch.lead", "id": KEY, "attempt": N, "alert": {...}}``
with absolute links. ``Idempotency-Key`` carries the outbox key, the same on every
resend, so a receiver can drop the copy a crash between sending and recording may cause.
With ``secret_env`` set, ``X-Tenderwatch-Signature: sha256=HEX`` is the HMAC-SHA256 of
the body under that secret. Any answer but 2xx is a failure (redirects are not followed:
a POST must reach its final URL).

An answer that refuses the alert itself (400 Bad Request, 413 Content Too Large, 415 Unsupported
Media Type, 422 Unprocessable Content) is raised as ``AlertRejected``: the alert is set aside as
rejected, not retried every round, and the channel goes on with the next one. Every other failure
(401/403/404: the channel's address or credentials; 408/429/5xx, timeouts: the receiver for now)
stops the channel for the round and the alerts wait.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from tenderwatch import __version__
from tenderwatch.report.alerts import absolute
from tenderwatch.store.outbox import OutboxItem
from tenderwatch.watch.channels.base import AlertRejected, ChannelError, Send
from tenderwatch.watch.config import WebhookConfig

# RFC 9110: the receiver refuses the content of this request; the same request will be refused again
REJECTS_THE_ALERT = frozenset({400, 413, 415, 422})


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class WebhookChannel:
    name = "webhook"

    def __init__(self, cfg: WebhookConfig, base_url: str, env: Mapping[str, str]) -> None:
        self.cfg = cfg
        self.base_url = base_url
        self.target = f"POST {cfg.url}"
        self.secret = env.get(cfg.secret_env, "").encode() if cfg.secret_env else b""
        self.headers = {**cfg.headers, **{h: env.get(name, "") for h, name in cfg.headers_env.items()}}
        self.opener = urllib.request.build_opener(_NoRedirect)

    def body(self, item: OutboxItem) -> dict[str, Any]:
        alert = dict(item.alert)
        links = dict(alert.get("links") or {})
        links["workbench"] = absolute(self.base_url, links.get("workbench"))
        alert["links"] = links
        return {"event": "tenderwatch.lead", "id": item.key, "attempt": item.attempts + 1, "alert": alert}

    def post(self, payload: dict[str, Any], key: str | None, attempt: int) -> int:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {
            "Content-Type": "application/json; charset=utf-8", "User-Agent": f"tenderwatch/{__version__}",
            "X-Tenderwatch-Event": str(payload["event"]), "X-Tenderwatch-Attempt": str(attempt), **self.headers,
        }
        if key:
            headers["Idempotency-Key"] = key
        if self.secret:
            headers["X-Tenderwatch-Signature"] = "sha256=" + hmac.new(self.secret, data, hashlib.sha256).hexdigest()
        request = urllib.request.Request(self.cfg.url, data=data, headers=headers, method="POST")
        try:
            with self.opener.open(request, timeout=self.cfg.timeout) as response:
                response.read(65536)
                status = int(response.status)
        except urllib.error.HTTPError as exc:
            error = AlertRejected if key and exc.code in REJECTS_THE_ALERT else ChannelError
            raise error(f"webhook {self.cfg.url}: HTTP {exc.code} {exc.reason}") from exc
        except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections
            raise ChannelError(f"webhook {self.cfg.url}: {type(exc).__name__}: {exc}") from exc
        if not 200 <= status < 300:  # a 1xx/3xx final answer: not delivered
            raise ChannelError(f"webhook {self.cfg.url}: HTTP {status}")
        return status

    @contextmanager
    def session(self) -> Iterator[Send]:
        def send(item: OutboxItem) -> None:
            self.post(self.body(item), item.key, item.attempts + 1)

        yield send

    def check(self) -> str:
        status = self.post({"event": "tenderwatch.ping", "id": None}, None, 1)
        return f"{self.target}: HTTP {status} to a ping"
