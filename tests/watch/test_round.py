"""Watch rounds end to end against loopback receivers: a fake collect writes real example
notices into a real store through the real pipeline; alerts arrive by SMTP, webhook and feed."""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import threading
from pathlib import Path

import pytest
from watchkit import LEADS, NOT_A_LEAD, FakeCollect, Hook, Mailbox, server_tls, start_smtp, write_config

from tenderwatch.store.db import Store
from tenderwatch.store.leads import LeadFilter
from tenderwatch.store.searches import save_search
from tenderwatch.watch.config import load_config
from tenderwatch.watch.round import run_round


def _round(config: Path, collect: FakeCollect, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    cfg = load_config(config, env or {})
    return run_round(cfg, threading.Event(), collect, env or {})


def _outbox(db: Path) -> dict[tuple[str, str], int]:
    with sqlite3.connect(db) as conn:
        return {(c, s): n for c, s, n in conn.execute(
            "SELECT channel, status, COUNT(*) FROM alert_outbox GROUP BY channel, status")}


def test_new_leads_reach_every_channel_once(tmp_path: Path, smtp: Mailbox, hook: Hook, fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path, smtp_port=smtp.port, hook_url=hook.url)
    fake_collect.add("ccgp", LEADS[0], NOT_A_LEAD)
    first = _round(config, fake_collect)
    assert first.exit_code == 0 and first.queued == 1
    assert len(smtp.messages) == 1 and len(hook.ids()) == 1
    feed = (tmp_path / "leads.atom").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 1

    # the same notice fetched again (an overlapping window) and a round with nothing new: nothing resent
    fake_collect.add("ccgp", LEADS[0])
    again = _round(config, fake_collect)
    assert again.queued == 0 and len(smtp.messages) == 1 and len(hook.ids()) == 1

    fake_collect.add("ccgp", LEADS[1], LEADS[2])
    third = _round(config, fake_collect)
    assert third.queued == 2
    assert len(smtp.messages) == 3 and len(set(smtp.ids())) == 3
    assert len(hook.ids()) == 3 and len(set(hook.ids())) == 3
    assert (tmp_path / "leads.atom").read_text(encoding="utf-8").count("<entry>") == 3
    assert _outbox(tmp_path / "tw.db") == {("email", "sent"): 3, ("webhook", "sent"): 3, ("feed", "sent"): 3}


def test_an_alert_names_buyer_item_rule_evidence_and_links(tmp_path: Path, smtp: Mailbox, hook: Hook,
                                                           fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path, smtp_port=smtp.port, hook_url=hook.url)
    fake_collect.add("ccgp", LEADS[0])
    _round(config, fake_collect)
    with sqlite3.connect(tmp_path / "tw.db") as conn:
        doc_id, buyer, url, row_json = conn.execute(
            "SELECT id, buyer, url, row_json FROM documents WHERE relevant = 1").fetchone()
    row = json.loads(row_json)
    finding = next(f for f in row["findings"] if f["controlled"] and not f["negated"])
    workbench = f"http://127.0.0.1:8765/notice/{doc_id}"

    body = hook.received[0]["body"]
    alert = body["alert"]
    assert body["event"] == "tenderwatch.lead" and body["attempt"] == 1
    assert hook.received[0]["headers"]["idempotency-key"] == body["id"]
    assert alert["notice"]["buyer"] == buyer and buyer
    assert finding["item"] in [s["item"] for s in alert["sought"]]
    assert alert["evidence"]["sentence"] == finding["evidence"]
    assert alert["evidence"]["control_status"] == finding["control_status"]
    assert alert["rule_status_text"]  # the rule status on the notice date, or "not assessed"
    assert alert["links"] == {"workbench": workbench, "original": url}
    assert url.startswith("http://ccgp.example.test/")

    msg = smtp.messages[0]
    text = msg.get_content()
    assert buyer in str(msg["Subject"]) and finding["item"] in str(msg["Subject"])
    for needed in (buyer, finding["evidence"], workbench, url, alert["rule_status_text"], "not proof"):
        assert needed in text
    assert msg["Message-ID"] == f"<{body['id'].replace('.webhook', '.email')}@example.org>"
    assert msg["X-Tenderwatch-Attempt"] == "1"


def test_leads_there_before_a_search_was_saved_are_not_alerted(tmp_path: Path, hook: Hook,
                                                              fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path, hook_url=hook.url, searches="")
    fake_collect.add("ccgp", LEADS[0], LEADS[1])
    _round(config, fake_collect)  # no search yet: leads are stored, nothing alerted
    assert hook.ids() == []
    with Store(tmp_path / "tw.db") as store:  # as the workbench saves it
        save_search(store, "everything", "", LeadFilter(), "workbench")
    fake_collect.add("ccgp", LEADS[2])
    report = _round(config, fake_collect)
    assert report.queued == 1 and len(hook.ids()) == 1
    assert hook.received[0]["body"]["alert"]["search"]["name"] == "everything"
    assert LEADS[2] in hook.received[0]["body"]["alert"]["links"]["original"]


def test_a_search_alerts_only_on_what_it_filters(tmp_path: Path, hook: Hook, fake_collect: FakeCollect) -> None:
    searches = '[[search]]\nname = "A800"\nitem = "A800"\n\n[[search]]\nname = "clouds"\nquery = "category=cloud"\n'
    config = write_config(tmp_path, hook_url=hook.url, searches=searches)
    fake_collect.add("ccgp", *LEADS)
    _round(config, fake_collect)
    by_search: dict[str, list[str]] = {}
    for item in hook.received:
        alert = item["body"]["alert"]
        by_search.setdefault(alert["search"]["name"], []).append(alert["notice"]["path"])
    assert by_search["A800"] == [f"http://ccgp.example.test/notices/{LEADS[0]}"]
    assert f"http://ccgp.example.test/notices/{LEADS[1]}" in by_search["clouds"]  # the AWS notice
    with sqlite3.connect(tmp_path / "tw.db") as conn:
        clouds = {p for (p,) in conn.execute(
            "SELECT DISTINCT d.path FROM documents d JOIN findings f ON f.doc_id = d.id"
            " WHERE d.relevant = 1 AND f.category = 'cloud' AND f.negated = 0")}
    assert set(by_search["clouds"]) == clouds


def test_a_failing_channel_is_retried_next_round_and_blocks_no_other(tmp_path: Path, smtp: Mailbox, hook: Hook,
                                                                    fake_collect: FakeCollect) -> None:
    smtp.refuse = True
    hook.status = 500
    (tmp_path / "blocker").write_text("a file where the feed's folder should be")
    config = write_config(tmp_path, smtp_port=smtp.port, hook_url=hook.url, feed="blocker/leads.atom")
    fake_collect.add("ccgp", LEADS[0], LEADS[1])
    failed = _round(config, fake_collect)
    assert failed.exit_code == 1
    assert {c.channel: (c.sent, c.waiting, bool(c.error)) for c in failed.channels} == {
        "email": (0, 2, True), "webhook": (0, 2, True), "feed": (0, 2, True)}
    errors = {c.channel: c.error or "" for c in failed.channels}
    assert "554" in errors["email"] and "HTTP 500" in errors["webhook"] and "blocker" in errors["feed"]
    with sqlite3.connect(tmp_path / "tw.db") as conn:
        status = {c: (e, f) for c, e, f in conn.execute("SELECT channel, last_error, failing_since FROM watch_channels")}
    assert all(error and since for error, since in status.values())

    # only the webhook recovers: it delivers, the others still wait
    hook.status = 200
    partial = _round(config, fake_collect)
    assert len(hook.ids()) == 2 and partial.exit_code == 1

    smtp.refuse = False
    (tmp_path / "blocker").unlink()
    fixed = _round(config, fake_collect)
    assert fixed.exit_code == 0
    assert len(smtp.messages) == 2 and len(hook.ids()) == 2
    assert (tmp_path / "blocker" / "leads.atom").read_text(encoding="utf-8").count("<entry>") == 2
    # a refused alert goes behind those tried less often: each of the two was refused once
    assert [m["X-Tenderwatch-Attempt"] for m in smtp.messages] == ["2", "2"]
    with sqlite3.connect(tmp_path / "tw.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM watch_channels WHERE failing_since IS NOT NULL").fetchone() == (0,)


def test_an_unreachable_smtp_server_does_not_stop_the_webhook(tmp_path: Path, hook: Hook,
                                                             fake_collect: FakeCollect) -> None:
    from watchkit import free_port

    config = write_config(tmp_path, smtp_port=free_port(), hook_url=hook.url)  # nothing listens there
    fake_collect.add("ccgp", LEADS[0])
    report = _round(config, fake_collect)
    assert len(hook.ids()) == 1
    email = next(c for c in report.channels if c.channel == "email")
    assert email.error and "ConnectionRefused" in email.error and email.waiting == 1


def test_starttls_with_login_from_the_environment(tmp_path: Path, tls_cert: tuple[Path, Path],
                                                  fake_collect: FakeCollect) -> None:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    logins: list[tuple[str, str]] = []

    def authenticator(server, session, envelope, mechanism, data):  # type: ignore[no-untyped-def]
        assert isinstance(data, LoginPassword)
        logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=data.password == b"s3cret")

    box = Mailbox()
    cert, key = tls_cert
    controller = start_smtp(box, tls_context=server_tls(cert, key), require_starttls=True,
                            authenticator=authenticator, auth_required=True)
    try:
        config = write_config(tmp_path)
        text = config.read_text().replace("[[search]]", f"""[alerts.email]
host = "127.0.0.1"
port = {box.port}
security = "starttls"
ca_file = "{cert}"
user_env = "TW_SMTP_USER"
password_env = "TW_SMTP_PASSWORD"
from = "tenderwatch@example.org"
to = ["desk@example.org", "second@example.org"]

[[search]]""", 1)
        config.write_text(text)
        fake_collect.add("ccgp", LEADS[0])
        report = _round(config, fake_collect, {"TW_SMTP_USER": "watcher", "TW_SMTP_PASSWORD": "s3cret"})
        assert report.exit_code == 0, report.lines()
        assert logins == [("watcher", "s3cret")]
        assert len(box.messages) == 1
        assert box.messages[0]["To"] == "desk@example.org, second@example.org"
    finally:
        controller.stop()


def test_webhook_body_is_signed_with_the_secret_from_the_environment(tmp_path: Path, hook: Hook,
                                                                    fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path, hook_url=hook.url)
    config.write_text(config.read_text().replace(
        "timeout = 5", 'timeout = 5\nsecret_env = "TW_HOOK_SECRET"\nheaders = { "X-Team" = "desk" }\n'
        'headers_env = { Authorization = "TW_HOOK_AUTH" }'))
    fake_collect.add("ccgp", LEADS[0])
    _round(config, fake_collect, {"TW_HOOK_SECRET": "k3y", "TW_HOOK_AUTH": "Bearer t0ken"})
    got = hook.received[0]
    expected = "sha256=" + hmac.new(b"k3y", got["raw"], hashlib.sha256).hexdigest()
    assert got["headers"]["x-tenderwatch-signature"] == expected
    assert got["headers"]["authorization"] == "Bearer t0ken" and got["headers"]["x-team"] == "desk"


def test_a_blocked_source_is_reported_and_the_others_go_on(tmp_path: Path, hook: Hook,
                                                          fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path, hook_url=hook.url, sources='["ccgp", "ggzy"]')
    fake_collect.blocked["ccgp"] = "captcha page (频繁访问)"
    fake_collect.add("ggzy", LEADS[1])
    report = _round(config, fake_collect)
    assert [s.source for s in report.sources] == ["ccgp", "ggzy"]
    assert not report.sources[0].ok and "captcha" in (report.sources[0].blocked or "")
    assert report.exit_code == 1 and len(hook.ids()) == 1
    with sqlite3.connect(tmp_path / "tw.db") as conn:
        status, summary = conn.execute("SELECT status, summary_json FROM watch_rounds").fetchone()
    assert status == "partial" and "captcha" in summary


def test_the_round_window_looks_back_or_lets_collect_resume(tmp_path: Path, fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path)
    _round(config, fake_collect)
    assert fake_collect.calls == [("ccgp", None, None)]  # collect continues from its last complete window
    config.write_text(config.read_text().replace("delay = 0", "delay = 0\nlookback_days = 3"))
    _round(config, fake_collect)
    source, date_from, date_until = fake_collect.calls[-1]
    assert source == "ccgp" and date_from and date_until and (date_until - date_from).days == 3


def test_a_stop_request_ends_the_round_between_steps(tmp_path: Path, hook: Hook, fake_collect: FakeCollect) -> None:
    config = write_config(tmp_path, hook_url=hook.url, sources='["ccgp", "ggzy"]')
    cfg = load_config(config, {})
    stop = threading.Event()

    def collect_then_stop(cfg, source, date_from, date_until):  # type: ignore[no-untyped-def]
        stop.set()  # a SIGTERM arrives while the first source is collected
        return fake_collect(cfg, source, date_from, date_until)

    fake_collect.add("ccgp", LEADS[0])
    report = run_round(cfg, stop, collect_then_stop)
    assert report.stopped and [s.source for s in report.sources] == ["ccgp"]
    assert hook.ids() == []
    # the next round (after a restart) alerts on what the stopped round collected
    again = run_round(cfg, threading.Event(), fake_collect)
    assert again.queued == 1 and len(hook.ids()) == 1


def test_removing_a_search_cancels_its_unsent_alerts(tmp_path: Path, hook: Hook, fake_collect: FakeCollect) -> None:
    from tenderwatch.store.searches import get_search, remove_search

    hook.status = 500
    config = write_config(tmp_path, hook_url=hook.url, feed=None, searches="")
    with Store(tmp_path / "tw.db") as store:
        save_search(store, "mine", "", LeadFilter(), "workbench")
    fake_collect.add("ccgp", LEADS[0])
    _round(config, fake_collect)
    with Store(tmp_path / "tw.db") as store:
        found = get_search(store, "mine")
        assert found is not None
        remove_search(store, found.id)
    hook.status = 200
    _round(config, fake_collect)
    assert hook.ids() == []
    assert _outbox(tmp_path / "tw.db") == {("webhook", "cancelled"): 1}


@pytest.mark.parametrize("origin", ["config", "workbench"])
def test_config_searches_follow_the_file(tmp_path: Path, fake_collect: FakeCollect, origin: str) -> None:
    from tenderwatch.store.searches import list_searches

    if origin == "workbench":
        with Store(tmp_path / "tw.db") as store:
            save_search(store, "kept", "item=H100", LeadFilter(item="H100"), "workbench")
    config = write_config(tmp_path, searches='[[search]]\nname = "a"\nrule_status = "restricted"\n')
    _round(config, fake_collect)
    config.write_text(config.read_text().replace('name = "a"\nrule_status = "restricted"', 'name = "b"'))
    _round(config, fake_collect)
    with Store(tmp_path / "tw.db") as store:
        active = {s.name: (s.query, s.origin) for s in list_searches(store)}
    expected = {"b": ("", "config")}
    if origin == "workbench":
        expected["kept"] = ("item=H100", "workbench")
    assert active == expected


def test_an_alert_the_webhook_refuses_as_such_is_set_aside_not_retried_every_round(
        tmp_path: Path, hook: Hook, fake_collect: FakeCollect) -> None:
    """A 422 for one alert: that alert is kept as rejected (with the refusal) and the channel goes on with
    the others; later rounds do not post it again until ``--retry-rejected``; a 404 is the channel's own
    failure: its alerts wait. (Before, a 4xx for one alert was retried every round, forever.)"""
    from tenderwatch.store.outbox import channel_status
    from tenderwatch.watch.round import requeue_rejected

    posts: dict[str, int] = {}
    refused: list[str] = []

    def refuse(body: dict[str, object]) -> int | None:
        key = str(body.get("id"))
        posts[key] = posts.get(key, 0) + 1
        if not refused or refused[0] == key:
            refused[:1] = [key]
            return 422
        return None

    hook.refuse = refuse
    config = write_config(tmp_path, hook_url=hook.url)
    fake_collect.add("ccgp", LEADS[0], LEADS[1])
    first = _round(config, fake_collect)
    assert first.exit_code == 1
    (channel,) = [c for c in first.channels if c.channel == "webhook"]
    assert (channel.sent, channel.waiting, channel.rejected, channel.error) == (1, 0, 1, None)
    assert "HTTP 422" in (channel.rejection or "") and any("rejected" in line for line in first.lines())
    assert _outbox(tmp_path / "tw.db")[("webhook", "rejected")] == 1
    with Store(tmp_path / "tw.db") as store:
        (status,) = [c for c in channel_status(store) if c["channel"] == "webhook"]
    assert status["rejected"] == 1 and "422" in status["rejection"] and not status["failing"]

    again = _round(config, fake_collect)
    assert again.exit_code == 0 and posts[refused[0]] == 1  # not posted again

    hook.refuse = None
    assert requeue_rejected(load_config(config, {})) == 1
    third = _round(config, fake_collect)
    assert third.exit_code == 0 and len(set(hook.ids())) == 2
    assert _outbox(tmp_path / "tw.db") == {("webhook", "sent"): 2, ("feed", "sent"): 2}

    hook.status = 404  # the address is wrong: the channel fails, the new alert waits, nothing is set aside
    fake_collect.add("ccgp", LEADS[2])
    gone = _round(config, fake_collect)
    (channel,) = [c for c in gone.channels if c.channel == "webhook"]
    assert (channel.waiting, channel.rejected) == (1, 0) and "HTTP 404" in (channel.error or "")
