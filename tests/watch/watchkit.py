"""Test kit for the watch: loopback receivers (an aiosmtpd SMTP server, a local HTTP webhook),
a fake collect that writes real example notices into the store through the real pipeline,
and config files. Fixtures over these are in conftest.py."""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tenderwatch.model import Provenance
from tenderwatch.read import Limits
from tenderwatch.scan import pipeline_version, process_file
from tenderwatch.store.db import Store
from tenderwatch.watch.collecting import SourceOutcome
from tenderwatch.watch.config import WatchConfig

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "tenderwatch" / "examples" / "notices"
# example notices the pipeline finds leads in (and one it does not)
LEADS = ["ccgp-a800-cards-award.html", "aws-account-single-source.txt", "provincial-h200-server-tender-gbk.html",
         "repost-h100-rental-big5.html", "spec-only-gpu-server-tender.pdf", "intention-list-h20-row.xlsx"]
NOT_A_LEAD = "ban-clause-domestic-cloud.html"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- SMTP ------------------------------------------------------------------------------


@dataclass
class Mailbox:
    """An aiosmtpd handler that keeps every message; ``refuse`` answers 554 to DATA;
    ``on_message`` runs after a message is kept (e.g. to kill the sender)."""

    messages: list[EmailMessage] = field(default_factory=list)
    refuse: bool = False
    on_message: Callable[[EmailMessage], None] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return "554 5.7.1 refused (test)"
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        with self.lock:
            self.messages.append(msg)
        if self.on_message is not None:
            self.on_message(msg)
        return "250 OK"

    def ids(self) -> list[str]:
        with self.lock:
            return [str(m["Message-ID"]) for m in self.messages]


def start_smtp(box: Mailbox, **kwargs: Any) -> Any:
    from aiosmtpd.controller import Controller

    box.port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=box.port, **kwargs)
    controller.start()
    return controller




def server_tls(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    return context


# -- webhook ---------------------------------------------------------------------------


@dataclass
class Hook:
    """A loopback webhook: keeps each POST (headers, JSON body); answers ``status``."""

    received: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200
    refuse: Callable[[dict[str, Any]], int | None] | None = None  # a status for this body, or None
    on_post: Callable[[dict[str, Any]], None] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def ids(self) -> list[str]:
        with self.lock:
            return [str(r["body"].get("id")) for r in self.received if r["body"].get("event") == "tenderwatch.lead"]


def start_hook(hook: Hook) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status = hook.status
            if hook.refuse is not None:
                status = hook.refuse(json.loads(raw)) or status
            if status < 300:
                item = {"headers": {k.lower(): v for k, v in self.headers.items()}, "raw": raw,
                        "body": json.loads(raw)}
                with hook.lock:
                    hook.received.append(item)
                if hook.on_post is not None:
                    hook.on_post(item)
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hook.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    return server




# -- a fake collect ----------------------------------------------------------------------


class FakeCollect:
    """Stands in for ``tenderwatch.collect.run_collect``: each call "fetches" the notices queued
    for its source and writes them into the store through the real pipeline, with provenance."""

    def __init__(self) -> None:
        self.queue: dict[str, list[str]] = {}
        self.calls: list[tuple[str, date | None, date | None]] = []
        self.blocked: dict[str, str] = {}

    def add(self, source: str, *names: str) -> None:
        self.queue.setdefault(source, []).extend(names)

    def __call__(self, cfg: WatchConfig, source: str, date_from: date | None, date_until: date | None) -> SourceOutcome:
        self.calls.append((source, date_from, date_until))
        if source in self.blocked:
            return SourceOutcome(source, False, blocked=self.blocked[source], exit_code=3)
        new = leads = 0
        with Store(cfg.db) as store:
            for name in self.queue.pop(source, []):
                data = (EXAMPLES / name).read_bytes()
                url = f"http://{source}.example.test/notices/{name}"
                results = process_file(data, url, Limits(), 60.0)
                for result in results:
                    result.provenance = Provenance(url=url, fetched_at="2024-06-01T08:00:00Z", source=source,
                                                   http_status=200)
                store.save_file(url, data, hashlib.sha256(data).hexdigest(), pipeline_version(), results)
                new += len(results)
                leads += sum(r.relevant for r in results)
        return SourceOutcome(source, True, new_documents=new, leads=leads)




# -- config files ------------------------------------------------------------------------


def write_config(folder: Path, *, smtp_port: int | None = None, hook_url: str | None = None,
                 feed: str | None = "leads.atom", searches: str = '[[search]]\nname = "all"\n',
                 extra: str = "", sources: str = '["ccgp"]') -> Path:
    parts = ['db = "tw.db"', "every_hours = 6", 'workbench_url = "http://127.0.0.1:8765"', extra,
             f"[collect]\nsources = {sources}\ncontact = \"desk@example.org\"\ndelay = 0\n", searches]
    if smtp_port is not None:
        parts.append(f'[alerts.email]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\n'
                     'from = "tenderwatch@example.org"\nto = ["desk@example.org"]\ntimeout = 5\n')
    if hook_url is not None:
        parts.append(f'[alerts.webhook]\nurl = "{hook_url}"\ntimeout = 5\n')
    if feed is not None:
        parts.append(f'[alerts.feed]\npath = "{feed}"\n')
    path = folder / "watch.toml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
