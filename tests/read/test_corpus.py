"""Every file of the shared dev and real corpora reads without an internal error;
dev notices yield text holding the labelled buyer and suppliers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc

from tenderwatch.model import FailReason, ReadFailure, TextDoc
from tenderwatch.read import collect, read_bytes

_WS = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _WS.sub("", text)


def test_every_corpus_file_reads(shared: Path) -> None:
    roots = [shared / "corpus" / "dev", shared / "corpus" / "real"]
    files = list(collect(roots))
    assert len(files) > 90
    for disk, display in files:
        results = read_bytes(disk.read_bytes(), display)
        assert results, display
        for r in results:
            assert not (isinstance(r, ReadFailure) and r.reason is FailReason.INTERNAL_ERROR), r
            if isinstance(r, TextDoc):
                assert r.text.strip(), r.path
                assert r.path == display or r.path.startswith(display + "#")


def test_dev_notices_contain_labelled_parties(shared: Path) -> None:
    dev = shared / "corpus" / "dev"
    to_simplified = opencc.OpenCC("t2s")
    labels = [
        json.loads(line)
        for f in sorted(dev.glob("labels-*.jsonl"))
        for line in f.read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert len(labels) >= 90
    for label in labels:
        results = read_bytes((dev / label["file"]).read_bytes(), label["file"])
        assert len(results) == 1, label["file"]
        doc = results[0]
        assert isinstance(doc, TextDoc), doc
        assert doc.fmt == label["file"].rsplit(".", 1)[1], label["file"]
        text = _squash(to_simplified.convert(doc.text))
        for party in [label["buyer"], *label["suppliers"]]:
            if party:
                assert _squash(party) in text, (label["file"], party)
        title = doc.meta.get("title")
        if title:
            assert _squash(title) in _squash(doc.text), label["file"]


def test_damaged_corpus_files_never_crash_the_reader(shared: Path) -> None:
    """Seeded mutations (truncation, byte flips, cuts, inserts) of real files:
    every outcome is a document or a failure with a reason, never an internal error."""
    import random

    rng = random.Random(20261127)
    files = [
        (disk.read_bytes(), shown)
        for disk, shown in collect([shared / "corpus" / "dev"])
        if not shown.endswith(".jsonl")
    ]
    reasons: set[FailReason] = set()
    for _ in range(400):
        data, shown = rng.choice(files)
        cut = rng.randrange(len(data))
        op = rng.randrange(4)
        if op == 0:
            data = data[:cut]
        elif op == 1:
            buf = bytearray(data)
            for _ in range(rng.randrange(1, 50)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
            data = bytes(buf)
        elif op == 2:
            data = data[:cut] + data[cut + rng.randrange(1, 500) :]
        else:
            data = data[:cut] + rng.randbytes(rng.randrange(1, 200)) + data[cut:]
        for r in read_bytes(data, shown):
            if isinstance(r, ReadFailure):
                assert r.reason is not FailReason.INTERNAL_ERROR, (shown, op, r.detail)
                reasons.add(r.reason)
    assert FailReason.CORRUPT in reasons
