"""Read the vocabulary YAML files with libyaml's C loader when PyYAML has it (several
times faster than the pure-Python loader, which matters for short scans)."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML safely (no arbitrary objects), like ``yaml.safe_load``."""
    return yaml.load(text, Loader=_LOADER)
