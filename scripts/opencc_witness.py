"""Write tenderwatch/data/screen/opencc_hk2s_witness.txt (not run by the tests or the package).

    pip install marisa-trie   # reads OpenCC's dictionaries (a development tool, not a dependency)
    .venv/bin/python scripts/opencc_witness.py

OpenCC's hk2s conversion (traditional / Hong Kong -> simplified) changes a text only where one of its
dictionary keys whose value differs from the key occurs in it. For each such key the file keeps one
character of it (where key and value first differ): a text holding none of these characters holds none
of those keys, so converting it gives it back unchanged and the screener skips the conversion
(:func:`tenderwatch.screen.simplify.to_simplified`). The file records the SHA-256 of the dictionaries
it was made from; with other dictionaries installed the screener converts every text, as before.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import marisa_trie  # type: ignore[import-not-found]
import opencc

from tenderwatch.screen.simplify import WITNESS_FILE, opencc_dictionaries

HEADER = b"OPENCC_MARISA_0.2.5"


def keys_of(path: Path) -> list[str]:
    data = path.read_bytes()
    if not data.startswith(HEADER):
        raise SystemExit(f"{path}: not an OpenCC marisa dictionary")
    trie = marisa_trie.Trie()
    trie.frombytes(data[len(HEADER):])
    return list(trie.keys())


def changing_keys(path: Path) -> list[tuple[str, str]]:
    """(key, value) for the keys of one dictionary whose (first) value differs from the key, read by
    OpenCC itself through a configuration holding that dictionary alone."""
    config = {"name": path.stem, "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": str(path)}},
              "conversion_chain": [{"dict": {"type": "ocd2", "file": str(path)}}]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(config, fh)
    try:
        one = opencc.OpenCC(fh.name)
        return [(key, value) for key in keys_of(path) if (value := one.convert(key)) != key]
    finally:
        Path(fh.name).unlink()


def main() -> None:
    files, digest = opencc_dictionaries()
    witnesses: set[str] = set()
    for path in files:
        for key, value in changing_keys(path):
            if len(key) == len(value):
                witnesses.add(next(a for a, b in zip(key, value, strict=True) if a != b))
            else:
                witnesses.add(key[0])
    text = "".join(sorted(witnesses))
    WITNESS_FILE.write_text(f"# scripts/opencc_witness.py, OpenCC {opencc.__version__}\n{digest}\n{text}\n",
                            encoding="utf-8")
    print(f"{len(witnesses)} characters from {len(files)} dictionaries -> {WITNESS_FILE}")


if __name__ == "__main__":
    main()
