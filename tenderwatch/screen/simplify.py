"""Traditional / Hong Kong -> simplified Chinese (OpenCC ``hk2s``), skipped for a text it cannot change.

OpenCC changes a text only where one of its dictionary keys whose value differs from the key occurs in
it. ``data/screen/opencc_hk2s_witness.txt`` (made by ``scripts/opencc_witness.py``) holds one character
of each such key: a text holding none of them (most Chinese names: the characters of simplified names
are not among them) is returned as it is, without the conversion (a sixth of the cost of screening a
Chinese name). The file carries the SHA-256 of the dictionaries it was made from; when the installed
OpenCC's differ, every text is converted, as without the file.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import opencc

log = logging.getLogger(__name__)

T2S = opencc.OpenCC("hk2s")
WITNESS_FILE = Path(__file__).resolve().parent.parent / "data" / "screen" / "opencc_hk2s_witness.txt"
# a lone surrogate makes OpenCC's UTF-8 encoding fail: such a text still goes to OpenCC (and fails as before)
_SURROGATES = frozenset(map(chr, range(0xD800, 0xE000)))


def _files(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("file"), str):
            yield node["file"]
        for value in node.values():
            yield from _files(value)
    elif isinstance(node, list):
        for value in node:
            yield from _files(value)


def opencc_dictionaries(config: str | None = None) -> tuple[list[Path], str]:
    """The dictionary files of the ``hk2s`` configuration (``config``: its JSON file; default the one
    :data:`T2S` was made from), and the SHA-256 over their names and contents."""
    path = Path(config or T2S.config)
    names = list(dict.fromkeys(_files(json.loads(path.read_text(encoding="utf-8")))))
    files = [path.parent / name for name in names]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return files, digest.hexdigest()


@cache
def witnesses(file: Path = WITNESS_FILE, config: str | None = None) -> frozenset[str] | None:
    """The characters a text must hold for hk2s to change it (with the surrogates), or None when the
    file is missing or was made from other dictionaries than the installed ones."""
    try:
        _, digest, chars = file.read_text(encoding="utf-8").split("\n", 2)
        current = opencc_dictionaries(config)[1]
    except (OSError, ValueError) as exc:
        log.warning("OpenCC witness characters not used (%s): every Chinese name is converted", exc)
        return None
    if digest != current:
        log.info("OpenCC's dictionaries differ from those of %s: every Chinese name is converted", file.name)
        return None
    return frozenset(chars.strip()) | _SURROGATES


def to_simplified(text: str) -> str:
    """``T2S.convert(text)``, without calling OpenCC when the text holds no witness character."""
    found = witnesses()
    if found is not None and found.isdisjoint(text):
        return text
    return T2S.convert(text)  # type: ignore[no-any-return]
