"""End to end: ``tenderwatch watch --once`` collects from the collect stage's loopback stand-in
site (tests/collect/site.py), scans what it fetched, and alerts once by e-mail, webhook and
Atom feed; the next round sends nothing again; a notice published later is alerted alone.
Skipped while the collect stage is not installed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from watchkit import Hook, Mailbox

from tenderwatch.cli.main import main

pytest.importorskip("tenderwatch.collect")
pytest.importorskip("scrapy")
site_module = pytest.importorskip("collect.site")  # tests/collect/site.py, with the collect stage

CHINA = timezone(timedelta(hours=8))


def _notice(nid: str, title: str, text: str) -> object:
    today = datetime.now(CHINA).date()
    return site_module.small_notice(nid, today, title, text)


def _config(folder: Path, url: str, smtp: Mailbox, hook: Hook) -> Path:
    path = folder / "watch.toml"
    path.write_text(
        'db = "tw.db"\narchive = "warc"\nworkbench_url = "http://127.0.0.1:8765"\n'
        f'[collect]\nsources = ["ccgp"]\ncontact = "tests@example.org"\ndelay = 0\n'
        f'base_url = {{ ccgp = "{url}" }}\nsettings = {{ keywords = ["A100", "H100"] }}\n'
        '[[search]]\nname = "all"\n'
        f'[alerts.email]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "none"\n'
        'from = "tenderwatch@example.org"\nto = ["desk@example.org"]\ntimeout = 5\n'
        f'[alerts.webhook]\nurl = "{hook.url}"\ntimeout = 5\n[alerts.feed]\npath = "leads.atom"\n',
        encoding="utf-8")
    return path


def test_watch_once_collects_from_the_loopback_site_and_alerts_once(tmp_path: Path, smtp: Mailbox,
                                                                     hook: Hook) -> None:
    site = site_module.Site([
        _notice("3001", "某大学H100服务器采购公告", "采购人：某大学。采购内容：配置8块NVIDIA H100 GPU的服务器2台，预算金额：300万元。"),
        _notice("3002", "某研究所A100加速卡采购公告", "采购人：某研究所。采购内容：NVIDIA A100 80GB 加速卡 8块，预算金额：120万元。"),
    ])
    runner = CliRunner()
    with site_module.ReplayServer(site) as url:
        config = _config(tmp_path, url, smtp, hook)
        first = runner.invoke(main, ["watch", "--config", str(config), "--once"])
        assert first.exit_code == 0, first.output
        alerts = [r["body"]["alert"] for r in hook.received if r["body"].get("event") == "tenderwatch.lead"]
        originals = sorted(a["links"]["original"] for a in alerts)
        assert len(alerts) == 2 and all(o.startswith(url) for o in originals)
        assert {o.rsplit("_", 1)[1] for o in originals} == {"3001.htm", "3002.htm"}
        assert all(a["notice"]["source"] == "ccgp" and a["evidence"]["sentence"] for a in alerts)
        assert len(smtp.messages) == 2
        assert (tmp_path / "leads.atom").read_text(encoding="utf-8").count("<entry>") == 2
        assert list((tmp_path / "warc").iterdir()), "collect archived what it fetched"

        again = runner.invoke(main, ["watch", "--config", str(config), "--once"])
        assert again.exit_code == 0, again.output
        assert len(hook.ids()) == 2 and len(smtp.messages) == 2

        site.notices.append(_notice("3003", "某中心H200算力租赁服务采购公告",
                                    "采购人：某中心。采购内容：租用H200 GPU 卡时1000小时，预算金额：100万元。"))
        settings = config.read_text(encoding="utf-8").replace('"H100"]', '"H100", "H200"]')
        config.write_text(settings, encoding="utf-8")
        third = runner.invoke(main, ["watch", "--config", str(config), "--once"])
        assert third.exit_code == 0, third.output
    ids = hook.ids()
    assert len(ids) == 3 == len(set(ids)) and len(set(smtp.ids())) == 3 == len(smtp.messages)
    newest = hook.received[-1]["body"]["alert"]
    assert newest["links"]["original"].endswith("_3003.htm")
