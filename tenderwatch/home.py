"""Where tenderwatch keeps its own files (the list store, the on-disk caches): one answer for every stage."""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)
_warned_no_home = False


def home_dir(home: str | os.PathLike[str] | None = None) -> Path:
    """``home``, else ``$TENDERWATCH_HOME``, else ``~/.tenderwatch``. With no home directory at all (HOME
    unset and no passwd entry, as for some service accounts), a path that can be neither read nor written:
    the bundled lists are used and nothing is cached (each reader and writer treats the OSError as "not
    there"), with one warning."""
    global _warned_no_home
    if home:
        return Path(home).expanduser()
    env = os.environ.get("TENDERWATCH_HOME")
    if env:
        return Path(env).expanduser()
    try:
        return Path.home() / ".tenderwatch"
    except RuntimeError as exc:
        if not _warned_no_home:
            _warned_no_home = True
            log.warning("no home directory (%s): screening uses the bundled lists and nothing is cached;"
                        " set TENDERWATCH_HOME to keep a list store", exc)
        return Path(os.devnull) / ".tenderwatch"
