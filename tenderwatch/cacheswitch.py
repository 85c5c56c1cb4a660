"""The one switch for the on-disk caches of vocabulary, checked records and compiled patterns.

In a module of its own, importing nothing heavy: :mod:`tenderwatch.patterncache` asks it before PyYAML is
imported, so that PyYAML's module-level patterns are read back from the pattern cache too."""

from __future__ import annotations

import os


def enabled() -> bool:
    """``TENDERWATCH_VOCAB_CACHE=0`` (or false, no, off) switches the caches off."""
    return os.environ.get("TENDERWATCH_VOCAB_CACHE", "1").strip().lower() not in ("0", "false", "no", "off")
