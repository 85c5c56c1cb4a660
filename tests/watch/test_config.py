"""watch.toml validation (each problem by name), ``watch --check`` trying each channel once,
``--once`` from the command line, and a clean stop on SIGTERM."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from watchkit import EXAMPLES, LEADS, Hook, Mailbox, write_config

from tenderwatch.cli.main import main
from tenderwatch.watch.config import ConfigError, load_config, parse_config

GOOD = 'db = "tw.db"\n[[search]]\nname = "all"\n[alerts.feed]\npath = "out/leads.atom"\n'


def _problems(text: str, env: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "/srv/tw/watch.toml", env or {})
    return caught.value.problems


def test_a_good_config_takes_paths_from_its_own_folder() -> None:
    cfg = parse_config(GOOD, "/srv/tw/watch.toml", {})
    assert cfg.db == Path("/srv/tw/tw.db")
    assert cfg.alerts.feed is not None and cfg.alerts.feed.path == Path("/srv/tw/out/leads.atom")
    assert [s.name for s in cfg.search] == ["all"] and cfg.search[0].params() == {}


def test_unknown_keys_are_named_with_where_they_are() -> None:
    problems = _problems('db = "tw.db"\nevery_hour = 6\n[alerts.email]\nhots = "x"\nhost = "h"\n'
                         'from = "a@b.org"\nto = ["c@d.org"]\n[[search]]\nname = "s"\nbuyer = "x"\n')
    assert "every_hour: unknown key" in problems
    assert "alerts.email.hots: unknown key" in problems
    assert "search[0].buyer: unknown key" in problems


def test_bad_urls_addresses_and_values_are_named() -> None:
    problems = _problems('db = "tw.db"\nworkbench_url = "localhost:8765"\n[alerts.webhook]\nurl = "ftp://x.org/h"\n'
                         '[alerts.email]\nhost = "h"\nfrom = "nobody"\nto = ["c@d.org"]\n'
                         '[[search]]\nname = "s"\nrule_status = "banned"\n[[search]]\nname = "t"\nquery = "sort=date&x=1"\n')
    text = "\n".join(problems)
    assert "workbench_url: not an http(s) URL" in text
    assert "alerts.webhook.url: not an http(s) URL: 'ftp://x.org/h'" in text
    assert "alerts.email.from: not an e-mail address" in text
    assert "search[0].rule_status: one of restricted" in text
    assert "search[1].query: unknown filter sort, x" in text


def test_credentials_named_but_missing_from_the_environment() -> None:
    config = ('db = "tw.db"\n[alerts.email]\nhost = "h"\nfrom = "a@b.org"\nto = ["c@d.org"]\n'
              'user_env = "TW_SMTP_USER"\npassword_env = "TW_SMTP_PASSWORD"\n'
              '[alerts.webhook]\nurl = "https://hooks.example.org/tw"\nsecret_env = "TW_HOOK_SECRET"\n')
    problems = _problems(config, {"TW_SMTP_USER": "desk"})
    assert problems == ["alerts.email.password_env: environment variable TW_SMTP_PASSWORD is not set",
                        "alerts.webhook.secret_env: environment variable TW_HOOK_SECRET is not set"]
    env = {"TW_SMTP_USER": "desk", "TW_SMTP_PASSWORD": "pw", "TW_HOOK_SECRET": "s"}
    assert parse_config(config, "/srv/tw/watch.toml", env).alerts.email is not None


def test_not_toml_and_unreadable_files_are_config_errors(tmp_path: Path) -> None:
    assert _problems("db = \n")[0].startswith("not valid TOML")
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")


def test_cli_reports_every_problem_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "watch.toml"
    path.write_text('db = "tw.db"\nevery_hours = 0\ncolour = "red"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", "--config", str(path), "--check"])
    assert result.exit_code == 2
    assert "2 problem(s)" in result.output and "colour: unknown key" in result.output
    assert "every_hours: Input should be greater than 0" in result.output


def test_check_tries_each_channel_once_and_sends_no_alert(tmp_path: Path, smtp: Mailbox, hook: Hook) -> None:
    path = write_config(tmp_path, smtp_port=smtp.port, hook_url=hook.url, feed="feeds/leads.atom", sources="[]")
    result = CliRunner().invoke(main, ["watch", "--config", str(path), "--check"])
    assert result.exit_code == 0, result.output
    for name in ("store", "email", "webhook", "feed"):
        assert any(line.startswith(f"ok   {name}:") for line in result.output.splitlines()), (name, result.output)
    assert smtp.messages == [] and hook.ids() == []
    assert [r["body"]["event"] for r in hook.received] == ["tenderwatch.ping"]
    assert not (tmp_path / "feeds" / "leads.atom").exists()


def test_check_names_the_channel_that_fails(tmp_path: Path, hook: Hook) -> None:
    hook.status = 500
    (tmp_path / "ro").mkdir()
    os.chmod(tmp_path / "ro", 0o500)
    try:
        path = write_config(tmp_path, smtp_port=1, hook_url=hook.url, feed="ro/leads.atom", sources="[]")
        result = CliRunner().invoke(main, ["watch", "--config", str(path), "--check"])
    finally:
        os.chmod(tmp_path / "ro", 0o700)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("FAIL email: SMTP 127.0.0.1:1") for line in lines), result.output
    assert any(line.startswith("FAIL webhook:") and "HTTP 500" in line for line in lines), result.output
    if os.geteuid() != 0:  # root writes anywhere
        assert any(line.startswith("FAIL feed:") for line in lines), result.output


def _scan_config(folder: Path, hook: Hook, every_hours: float = 6) -> Path:
    inbox = folder / "inbox"
    inbox.mkdir()
    (inbox / LEADS[0]).write_bytes((EXAMPLES / LEADS[0]).read_bytes())
    path = folder / "watch.toml"
    path.write_text(f'db = "tw.db"\nevery_hours = {every_hours}\n[scan]\npaths = ["inbox"]\n'
                    f'[[search]]\nname = "all"\n[alerts.webhook]\nurl = "{hook.url}"\n', encoding="utf-8")
    return path


def test_once_from_the_command_line(tmp_path: Path, hook: Hook) -> None:
    path = _scan_config(tmp_path, hook)
    result = CliRunner().invoke(main, ["watch", "--config", str(path), "--once"])
    assert result.exit_code == 0, result.output
    assert len(hook.ids()) == 1
    again = CliRunner().invoke(main, ["watch", "--config", str(path), "--once"])
    assert again.exit_code == 0 and len(hook.ids()) == 1


def test_sigterm_ends_the_loop_cleanly_between_rounds(tmp_path: Path, hook: Hook) -> None:
    path = _scan_config(tmp_path, hook)
    proc = subprocess.Popen([sys.executable, "-c", "from tenderwatch.cli.main import main; main()", "watch",
                             "--config", str(path)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and not hook.ids():
            assert proc.poll() is None, proc.communicate()[0].decode(errors="replace")
            time.sleep(0.1)
        assert hook.ids(), "no alert arrived"
        time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, out.decode(errors="replace")
    with sqlite3.connect(tmp_path / "tw.db") as conn:
        assert [r[0] for r in conn.execute("SELECT status FROM watch_rounds")] == ["ok"]
        assert conn.execute("SELECT status FROM alert_outbox").fetchall() == [("sent",)]


def test_a_second_watch_on_the_same_store_is_refused(tmp_path: Path, hook: Hook) -> None:
    from tenderwatch.watch.lock import WatchLock

    path = _scan_config(tmp_path, hook)
    with WatchLock(tmp_path / "tw.db"):
        result = CliRunner().invoke(main, ["watch", "--config", str(path), "--once"])
    assert result.exit_code == 3 and "another watch" in result.output


def test_a_looping_watch_reports_a_failing_channel_by_name_at_start_up(tmp_path: Path, hook: Hook,
                                                                        caplog: pytest.LogCaptureFixture) -> None:
    import threading

    from tenderwatch.watch.loop import run_watch

    hook.status = 500
    path = _scan_config(tmp_path, hook)
    stop = threading.Event()
    stop.set()  # start, check, stop before the first round's steps
    with caplog.at_level("INFO", logger="tenderwatch.watch"):
        assert run_watch(load_config(path, {}), stop) == 0
    assert any("channel webhook fails at start-up" in r.getMessage() and "HTTP 500" in r.getMessage()
               for r in caplog.records)
    with sqlite3.connect(tmp_path / "tw.db") as conn:
        row = conn.execute("SELECT last_error, failing_since FROM watch_channels WHERE channel = 'webhook'").fetchone()
    assert row is not None and "HTTP 500" in row[0] and row[1]
