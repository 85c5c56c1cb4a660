"""Mutated WARC files (bytes flipped, cut, inserted, removed) never make the WARC reader or
``archive verify`` raise: damage is reported, never a crash. Fixed seeds, so a failure repeats."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from warcbuild import Rec, build_warc, notice_html

from tenderwatch.read.warc import PayloadReader, WarcPayload, iter_warc
from tenderwatch.read.warcverify import verify_file


def _bases() -> list[bytes]:
    records = [
        Rec("http://a.cn/0", kind="request"), Rec("http://a.cn/0", notice_html(0).encode()),
        Rec("http://a.cn/1", notice_html(1).encode("gbk"), encode="gzip+chunked"),
        Rec("http://a.cn/2", notice_html(2).encode(), encode="br"),
        Rec("http://a.cn/3", b'{"data": [{"id": 1, "title": "GPU"}]}', headers=[("Content-Type", "application/json")]),
        Rec("http://a.cn/4", b"", kind="revisit"),
    ]
    return [build_warc(records, compress=True), build_warc(records, compress=False)]


def _mutate(rng: random.Random, data: bytearray) -> bytes:
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        at, op = rng.randrange(len(data)), rng.random()
        if op < 0.5:
            data[at] = rng.randrange(256)
        elif op < 0.7:
            del data[at:at + rng.randint(1, 200)]
        elif op < 0.85:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 50)))
        else:
            del data[at:]
    return bytes(data)


@pytest.mark.parametrize("seed", [1, 2])
def test_mutated_warcs_never_raise(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    bases = _bases()
    path = tmp_path / "mutated.warc"
    reported = 0
    for _ in range(300):
        data = _mutate(rng, bytearray(rng.choice(bases)))
        for entry in iter_warc(io.BytesIO(data), "mutated.warc", None, len(data)):
            if isinstance(entry, WarcPayload) and entry.failure is None:
                PayloadReader(entry.media_type, entry.charset)(entry.data, entry.path, None)
        path.write_bytes(data)
        reported += not verify_file(path).ok
    assert reported > 200  # the damage is seen, not only survived
