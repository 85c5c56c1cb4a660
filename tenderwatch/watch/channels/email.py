"""Alerts by e-mail: one message per alert over SMTP (STARTTLS, SSL or plain), smtplib.

Credentials come from the environment variables the config names. Each message has a
Message-ID made from its outbox key, the same on every resend, so a mail client or
list server can drop the copy a crash between sending and recording may cause;
``X-Tenderwatch-Attempt`` counts the sends begun.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from email.message import EmailMessage
from email.utils import formatdate, parseaddr

from tenderwatch.report.alerts import alert_text, alert_title
from tenderwatch.store.outbox import OutboxItem
from tenderwatch.watch.channels.base import ChannelError, Send
from tenderwatch.watch.config import EmailConfig

log = logging.getLogger(__name__)


class EmailChannel:
    name = "email"

    def __init__(self, cfg: EmailConfig, base_url: str, env: Mapping[str, str]) -> None:
        self.cfg = cfg
        self.base_url = base_url
        self.user = env.get(cfg.user_env, "") if cfg.user_env else ""
        self.password = env.get(cfg.password_env, "") if cfg.password_env else ""
        self.target = f"smtp {cfg.host}:{cfg.port} ({cfg.security}) to {', '.join(cfg.to)}"
        self.domain = parseaddr(cfg.sender)[1].rpartition("@")[2] or "tenderwatch.invalid"

    def _tls(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.cfg.ca_file is not None:
            context.load_verify_locations(cafile=str(self.cfg.ca_file))
        return context

    def _connect(self) -> smtplib.SMTP:
        cfg = self.cfg
        where = f"SMTP {cfg.host}:{cfg.port}"
        smtp: smtplib.SMTP | None = None
        try:
            if cfg.security == "ssl":
                smtp = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=self._tls())
            else:
                smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
                smtp.ehlo()
                if cfg.security == "starttls":
                    smtp.starttls(context=self._tls())
                    smtp.ehlo()
            if self.user:
                smtp.login(self.user, self.password)
            return smtp
        except (OSError, smtplib.SMTPException, ssl.SSLError) as exc:
            if smtp is not None:
                smtp.close()
            raise ChannelError(f"{where}: {type(exc).__name__}: {exc}") from exc

    def message(self, item: OutboxItem) -> EmailMessage:
        msg = EmailMessage()
        msg["Subject"] = f"{self.cfg.subject_prefix} {alert_title(item.alert)}".strip()
        msg["From"] = self.cfg.sender
        msg["To"] = ", ".join(self.cfg.to)
        msg["Date"] = formatdate(usegmt=True)
        msg["Message-ID"] = f"<{item.key}@{self.domain}>"
        msg["X-Tenderwatch-Alert"] = item.alert_key
        msg["X-Tenderwatch-Attempt"] = str(item.attempts + 1)
        msg.set_content(alert_text(item.alert, self.base_url))
        return msg

    @contextmanager
    def session(self) -> Iterator[Send]:
        smtp = self._connect()

        def send(item: OutboxItem) -> None:
            try:
                refused = smtp.send_message(self.message(item))
            except (OSError, smtplib.SMTPException) as exc:
                raise ChannelError(f"SMTP {self.cfg.host}:{self.cfg.port}: {type(exc).__name__}: {exc}") from exc
            if refused:  # the others accepted it: it counts as sent (a resend would double it for them)
                log.warning("alert %s: SMTP refused recipients %s; sent to the others", item.key,
                            ", ".join(sorted(refused)))

        try:
            yield send
        finally:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()

    def check(self) -> str:
        smtp = self._connect()
        try:
            code, _ = smtp.noop()
            if code != 250:
                raise ChannelError(f"SMTP {self.cfg.host}:{self.cfg.port}: NOOP answered {code}")
        except (OSError, smtplib.SMTPException) as exc:
            raise ChannelError(f"SMTP {self.cfg.host}:{self.cfg.port}: {type(exc).__name__}: {exc}") from exc
        finally:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()
        login = f", logged in as {self.user}" if self.user else ""
        return f"{self.target}: connected{login}"
