"""``watch.toml``: validated at this boundary by pydantic, every problem reported by name.

Unknown keys, bad values and URLs, and credentials named but missing from the
environment are all collected into one :class:`ConfigError`. Relative paths are taken
from the folder of the config file, so cron and systemd can start the watch anywhere.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from email.utils import parseaddr
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tenderwatch.store.leads import REVIEW_STATUSES, RULE_STATUSES
from tenderwatch.web.forms import FILTER_KEYS, filter_query, lead_filter, valid_date

CONTACT_ENV = "TENDERWATCH_CONTACT"


class ConfigError(Exception):
    """The config cannot be used; ``problems`` names each one."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__(f"{path}: " + "; ".join(problems))
        self.path = path
        self.problems = problems


def http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {value!r}")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SearchConfig(_Strict):
    """A saved search: the Leads page's filters (each optional) or its query string."""

    name: str = Field(min_length=1, max_length=100)
    query: str = ""  # a Leads page query string, e.g. "item=A100&listed=yes"
    q: str = ""
    category: str = ""
    item: str = ""
    provider: str = ""
    listed: Literal["", "yes", "no", "on_date"] = ""
    party: int | None = None
    buyer_class: str = ""
    region: str = ""
    notice_type: str = ""
    doc_kind: str = ""  # notice, aggregator, disclosure, news ... (issue 10)
    rule_status: str = ""
    site: str = ""
    review: str = ""
    date_from: str = ""
    date_to: str = ""
    all: bool = False

    @field_validator("rule_status")
    @classmethod
    def _rule_status(cls, value: str) -> str:
        if value and value not in RULE_STATUSES:
            raise ValueError(f"one of {', '.join(RULE_STATUSES)}")
        return value

    @field_validator("review")
    @classmethod
    def _review(cls, value: str) -> str:
        if value and value not in (*REVIEW_STATUSES, "none"):
            raise ValueError(f"one of {', '.join((*REVIEW_STATUSES, 'none'))}")
        return value

    @field_validator("date_from", "date_to")
    @classmethod
    def _date(cls, value: str) -> str:
        if value and not valid_date(value):
            raise ValueError("a date YYYY-MM-DD or month YYYY-MM")
        return value

    @field_validator("query")
    @classmethod
    def _query(cls, value: str) -> str:
        unknown = sorted({key for key, _ in parse_qsl(value.lstrip("?"))} - set(FILTER_KEYS))
        if unknown:
            raise ValueError(f"unknown filter {', '.join(unknown)} (filters: {', '.join(FILTER_KEYS)})")
        return value

    @model_validator(mode="after")
    def _values(self) -> SearchConfig:
        params = self.params()
        kept = dict(parse_qsl(filter_query(lead_filter(params))))
        dropped = sorted(key for key in params if key not in kept)
        if dropped:
            raise ValueError(f"bad value for {', '.join(dropped)} in query")
        return self

    def params(self) -> dict[str, str]:
        """The filters as Leads page query parameters (keys given here override ``query``)."""
        params = dict(parse_qsl(self.query.lstrip("?")))
        for key in FILTER_KEYS:
            value = getattr(self, key)
            if key == "all":
                if value:
                    params["all"] = "1"
            elif value not in ("", None):
                params[key] = str(value)
        return params


class CollectConfig(_Strict):
    sources: list[str] = Field(default_factory=list)
    contact: str = ""  # or env TENDERWATCH_CONTACT
    delay: float = Field(5.0, ge=0)
    # each round collects from today - lookback_days; unset: collect resumes from its last complete window
    lookback_days: int | None = Field(None, ge=0, le=92)
    base_url: dict[str, str] = Field(default_factory=dict)  # per source, for mirrors
    province: dict[str, str] = Field(default_factory=dict)  # per source (zcy portals)
    settings: dict[str, Any] = Field(default_factory=dict)  # overrides of the collect settings

    @field_validator("base_url")
    @classmethod
    def _urls(cls, value: dict[str, str]) -> dict[str, str]:
        for url in value.values():
            http_url(url)
        return value

    @model_validator(mode="after")
    def _known(self) -> CollectConfig:
        for table in ("base_url", "province"):
            extra = sorted(set(getattr(self, table)) - set(self.sources))
            if extra:
                raise ValueError(f"{table} names sources not in collect.sources: {', '.join(extra)}")
        return self


class ScanConfig(_Strict):
    """Folders or files scanned each round (e.g. where another tool drops WARC files)."""

    paths: list[Path] = Field(min_length=1)
    timeout: float = Field(60.0, gt=0)


class EmailConfig(_Strict):
    host: str = Field(min_length=1)
    port: int = Field(587, ge=1, le=65535)
    sender: str = Field(alias="from")
    to: list[str] = Field(min_length=1)
    security: Literal["starttls", "ssl", "none"] = "starttls"
    user_env: str = ""  # name of the environment variable holding the SMTP user
    password_env: str = ""  # ... and the password
    ca_file: Path | None = None  # trust this CA bundle too (a company's own CA)
    timeout: float = Field(30.0, gt=0)
    subject_prefix: str = "[tenderwatch]"

    @field_validator("sender")
    @classmethod
    def _sender(cls, value: str) -> str:
        return _address(value)

    @field_validator("to")
    @classmethod
    def _to(cls, value: list[str]) -> list[str]:
        return [_address(v) for v in value]


def _address(value: str) -> str:
    _, address = parseaddr(value)
    if "@" not in address or address.startswith("@") or address.endswith("@"):
        raise ValueError(f"not an e-mail address: {value!r}")
    return value


class WebhookConfig(_Strict):
    url: str
    headers: dict[str, str] = Field(default_factory=dict)
    headers_env: dict[str, str] = Field(default_factory=dict)  # header -> env variable with its value
    secret_env: str = ""  # env variable with a secret: the body is signed (X-Tenderwatch-Signature)
    timeout: float = Field(10.0, gt=0)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return http_url(value)


class FeedConfig(_Strict):
    path: Path
    url: str = ""  # where the file is published (the feed's self link); default its file: URL
    title: str = "tenderwatch alerts"
    max_entries: int = Field(500, ge=1, le=100_000)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return http_url(value) if value else value


class AlertsConfig(_Strict):
    email: EmailConfig | None = None
    webhook: WebhookConfig | None = None
    feed: FeedConfig | None = None


class WatchConfig(_Strict):
    db: Path
    archive: Path | None = None  # collect's WARC folder (default: beside the store)
    every_hours: float = Field(6.0, gt=0, le=24 * 31)
    workbench_url: str = "http://127.0.0.1:8765"  # links in alerts point here
    collect: CollectConfig | None = None
    scan: ScanConfig | None = None
    search: list[SearchConfig] = Field(default_factory=list)
    alerts: AlertsConfig = Field(default_factory=AlertsConfig)

    @field_validator("workbench_url")
    @classmethod
    def _workbench(cls, value: str) -> str:
        return http_url(value).rstrip("/")

    @model_validator(mode="after")
    def _unique_names(self) -> WatchConfig:
        names = [s.name for s in self.search]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"search names used twice: {', '.join(twice)}")
        return self

    def contact(self, env: Mapping[str, str]) -> str:
        return (self.collect.contact if self.collect else "") or env.get(CONTACT_ENV, "")


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _problems(exc: ValidationError) -> list[str]:
    problems = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        if error["type"] == "extra_forbidden":
            problems.append(f"{_where(loc)}: unknown key")
        else:
            message = str(error["msg"]).removeprefix("Value error, ")
            problems.append(f"{_where(loc)}: {message}")
    return problems


def env_problems(cfg: WatchConfig, env: Mapping[str, str]) -> list[str]:
    """Credentials and settings named in the config but missing from the environment."""
    wanted: list[tuple[str, str]] = []
    email, hook = cfg.alerts.email, cfg.alerts.webhook
    if email is not None:
        wanted += [("alerts.email.user_env", email.user_env), ("alerts.email.password_env", email.password_env)]
        if bool(email.user_env) != bool(email.password_env):
            return ["alerts.email: set both user_env and password_env, or neither"]
    if hook is not None:
        wanted.append(("alerts.webhook.secret_env", hook.secret_env))
        wanted += [(f"alerts.webhook.headers_env.{h}", name) for h, name in hook.headers_env.items()]
    problems = [f"{key}: environment variable {name} is not set" for key, name in wanted if name and not env.get(name)]
    if cfg.collect is not None and cfg.collect.sources and not cfg.contact(env):
        problems.append(f"collect.contact: set a contact address here or in {CONTACT_ENV} (sites are told who asks)")
    return problems


def _resolve(base: Path, path: Path) -> Path:
    return path if path.is_absolute() else base / path


def parse_config(text: str, path: str = "watch.toml", env: Mapping[str, str] | None = None) -> WatchConfig:
    """Parse and validate a config's text; relative paths are taken from ``path``'s folder."""
    env = os.environ if env is None else env
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [f"not valid TOML: {exc}"]) from exc
    try:
        cfg = WatchConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(path, _problems(exc)) from exc
    problems = env_problems(cfg, env)
    if problems:
        raise ConfigError(path, problems)
    base = Path(path).resolve().parent
    cfg.db = _resolve(base, cfg.db)
    cfg.archive = _resolve(base, cfg.archive) if cfg.archive else None
    if cfg.scan is not None:
        cfg.scan.paths = [_resolve(base, p) for p in cfg.scan.paths]
    if cfg.alerts.feed is not None:
        cfg.alerts.feed.path = _resolve(base, cfg.alerts.feed.path)
    if cfg.alerts.email is not None and cfg.alerts.email.ca_file is not None:
        cfg.alerts.email.ca_file = _resolve(base, cfg.alerts.email.ca_file)
    return cfg


def load_config(path: str | Path, env: Mapping[str, str] | None = None) -> WatchConfig:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), [f"cannot read: {exc}"]) from exc
    return parse_config(text, str(path), env)
