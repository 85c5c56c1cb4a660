"""Every collect setting in one place, with why it has its value.

``CollectOptions.settings`` overrides any key of :data:`DEFAULTS` (lower case) or any Scrapy
setting (upper case). :func:`scrapy_settings` turns them into the crawl's Scrapy settings.
The rules of conduct behind them are in ``../shared/reference/sources.md`` §5: honour
robots.txt and Crawl-delay, one request at a time per host, several seconds between requests,
honour Retry-After, a daily budget, an honest User-Agent with a contact address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tenderwatch import __version__


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    why: str


SETTINGS: tuple[Setting, ...] = (
    Setting("delay", 5.0, "seconds between two requests to one host (--delay). Crawlers of these "
            "sites used 1-6 s; 5 s keeps a month of one keyword list to about a night. 0 only on loopback"),
    Setting("jitter", 0.5, "each pause is delay x (1 + up to this fraction), so requests do not come "
            "on a fixed beat; the pause never falls below the delay"),
    Setting("autothrottle", True, "Scrapy's AutoThrottle raises the pause when the site answers "
            "slowly (never below the delay)"),
    Setting("autothrottle_max_delay", 60.0, "the most AutoThrottle may raise the pause to"),
    Setting("concurrency_per_host", 1, "one request at a time per host (sources.md §5)"),
    Setting("obey_robots", True, "robots.txt is obeyed, Disallow and Crawl-delay (a larger "
            "Crawl-delay replaces the delay); not a setting a user should turn off"),
    Setting("retry_times", 2, "bounded retries of 5xx, 408, 429 and timeouts: a site in trouble "
            "is not hammered; the window is marked incomplete and retried next run"),
    Setting("retry_after_default", 60.0, "seconds to wait after a 429/503 without Retry-After"),
    Setting("retry_after_max", 900.0, "a Retry-After longer than this stops the source for this run "
            "(window incomplete) instead of holding the process"),
    Setting("timeout", 60.0, "seconds before a request counts as timed out (then retried)"),
    Setting("daily_budget", 3000, "requests per source per day (China date), kept in the store so it "
            "holds across runs; spent: the source stops with the window incomplete"),
    Setting("window_days", 1, "days per date window; progress is kept per (query, window)"),
    Setting("overlap_days", 2, "a run without --from restarts this many days before the end of the "
            "last complete stretch, for late notices and corrections"),
    Setting("first_run_days", 7, "a source's first run without --from collects this many days"),
    Setting("max_pages", 50, "list pages per query and window; ccgp crawlers keep to 50 pages "
            "(1,000 results) and narrow the window instead"),
    Setting("ggzy_cap", 1000, "ggzy's total stops at 1,000: a window at the cap is split by "
            "province, then by DEAL_STAGE (sources.md §2)"),
    Setting("ggzy_stages", [], "ggzy DEAL_STAGE codes to ask for (0201 notice, 0202 award, 0203 "
            "contract, 0204 correction); empty: left out, as the site's own script does for 'any'"),
    Setting("ggzy_source_type", "1", "ggzy SOURCE_TYPE: 1 provincial platforms, 2 central SOEs"),
    Setting("keywords", None, "search terms; None: derived from the detection vocabulary "
            "(tenderwatch/collect/keywords.py), so what we ask and what the scanner finds stay in step"),
    Setting("ccgp_mode", "search", "ccgp: 'search' (keywords x day windows) or 'channels' (the "
            "channel lists, a fallback when the search is not usable)"),
    Setting("ccgp_channels", ["zygg/gkzb", "zygg/zbgg", "dfgg/gkzb", "dfgg/zbgg", "dfgg/cjgg"],
            "ccgp channel lists walked in channels mode (central/local x tender/award/deal)"),
    Setting("zcy_category", "110-175885", "政采云 categoryCode of the announcement list asked for"),
    Setting("refetch", False, "fetch notice pages again even when the store has them"),
    Setting("archive_max_bytes", 500_000_000, "a WARC file is closed and a new one started past "
            "this size"),
    Setting("notice_timeout", 60.0, "seconds the per-document pipeline may spend on one notice"),
)
DEFAULTS: dict[str, Any] = {s.name: s.default for s in SETTINGS}


def merged(overrides: dict[str, Any], delay: float) -> dict[str, Any]:
    """Our settings: defaults, then the run's overrides, with ``delay`` from --delay."""
    unknown = [k for k in overrides if k.islower() and k not in DEFAULTS]
    if unknown:
        raise ValueError(f"unknown collect settings: {', '.join(sorted(unknown))}")
    out = dict(DEFAULTS)
    out.update({k: v for k, v in overrides.items() if k.islower()})
    out["delay"] = float(delay)
    return out


def user_agent(contact: str) -> str:
    return f"tenderwatch/{__version__} (+{contact})"


_MW = "tenderwatch.collect.middlewares"


def scrapy_settings(ours: dict[str, Any], contact: str, overrides: dict[str, Any]) -> dict[str, Any]:
    """Scrapy settings for one crawl. Upper-case keys of ``overrides`` win."""
    delay = float(ours["delay"])
    settings: dict[str, Any] = {
        "USER_AGENT": user_agent(contact),
        "ROBOTSTXT_OBEY": bool(ours["obey_robots"]),
        "ROBOTSTXT_USER_AGENT": "tenderwatch",
        "CONCURRENT_REQUESTS": 1,
        "CONCURRENT_REQUESTS_PER_DOMAIN": int(ours["concurrency_per_host"]),
        "DOWNLOAD_DELAY": delay,
        # our pacing middleware adds the jitter on top, so the pause never drops below the delay
        "DOWNLOAD_DELAY_JITTER": 0,
        "LOG_INSTALL_ROOT_HANDLER": False,
        "AUTOTHROTTLE_ENABLED": bool(ours["autothrottle"]) and delay > 0,
        "AUTOTHROTTLE_START_DELAY": max(delay, 1.0),
        "AUTOTHROTTLE_MAX_DELAY": float(ours["autothrottle_max_delay"]),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": int(ours["retry_times"]),
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "DOWNLOAD_TIMEOUT": float(ours["timeout"]),
        "DOWNLOAD_FAIL_ON_DATALOSS": True,
        "COOKIES_ENABLED": True,  # cookies a server sets are kept; none are ever made up
        "REDIRECT_ENABLED": True,
        "METAREFRESH_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "DOWNLOADER_MIDDLEWARES": {
            f"{_MW}.BudgetMiddleware": 120,  # after robots.txt (100): a disallowed URL costs nothing
            f"{_MW}.PacingMiddleware": 560,  # Retry-After / Crawl-delay, before RetryMiddleware (550)
            f"{_MW}.BlockMiddleware": 940,  # block pages, after they are archived
            f"{_MW}.ArchiveMiddleware": 950,  # closest to the wire: every exchange, as sent and received
        },
        "SPIDER_MIDDLEWARES": {},
        "ITEM_PIPELINES": {},
        # no consoles or control ports on the collecting machine; our own progress line replaces LogStats
        "EXTENSIONS": {"scrapy.extensions.telnet.TelnetConsole": None,
                       "scrapy.extensions.remote_control.RemoteControl": None,
                       "scrapy.extensions.logstats.LogStats": None},
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
    settings.update({k: v for k, v in overrides.items() if k.isupper()})
    return settings
