"""The progress line on the terminal: windows, pages, notices, leads so far, next request.
Written to stderr only when it is a terminal; silent otherwise (cron, pipes, tests)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.window = ""
        self.window_no = 0
        self.windows = 0
        self.pages = 0
        self.notices = 0
        self.leads = 0
        self.next_request: float | None = None
        self._last = 0.0

    def show(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.2:
            return
        self._last = now
        wait = ""
        if self.next_request is not None and self.next_request > time.time():
            wait = "  next request " + time.strftime("%H:%M:%S", time.localtime(self.next_request))
        line = (f"window {self.window_no}/{self.windows} {self.window[:40]}  pages {self.pages}  "
                f"notices {self.notices}  leads {self.leads}{wait}")
        self.stream.write("\r" + line[:150].ljust(100))
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.show(force=True)
            self.stream.write("\n")
            self.stream.flush()
