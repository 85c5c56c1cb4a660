"""Fixtures for the watch tests over the kit in watchkit.py."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from watchkit import FakeCollect, Hook, Mailbox, start_hook, start_smtp


@pytest.fixture()
def smtp() -> Iterator[Mailbox]:
    box = Mailbox()
    controller = start_smtp(box)
    yield box
    controller.stop()


@pytest.fixture()
def hook() -> Iterator[Hook]:
    receiver = Hook()
    server = start_hook(receiver)
    yield receiver
    server.shutdown()
    server.server_close()


@pytest.fixture()
def fake_collect() -> FakeCollect:
    return FakeCollect()


@pytest.fixture(scope="session")
def tls_cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made with the openssl command)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"openssl could not make a test certificate: {exc}")
    return cert, key
