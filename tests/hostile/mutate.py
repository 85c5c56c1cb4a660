"""A seeded mutator for fuzzing ``tenderwatch scan``: hostile copies of real inputs.

Seeds are the bundled example notices and the test fixtures (every format the
readers know). Each input is one seed put through one to three mutations: byte
flips, truncation, insertion of hostile bytes (lone surrogate escapes, half GBK
characters, NUL, right-to-left override, 400-digit numbers, NaN), deep nesting
(HTML tags, JSON arrays), format swaps (a wrong or missing extension), zip
wrapping (duplicate, junk and non-UTF-8 member names) and JSON crawl records with
wrong value types. File names are hostile too (``#``, bytes that are not UTF-8).
The same seed number gives the same inputs.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_DIRS = [ROOT / "tenderwatch" / "examples" / "notices", *sorted((ROOT / "tests").glob("*/fixtures"))]

HOSTILE: list[bytes] = [
    b"\\ud800", b"\\udfff", b"&#xD800;", b"&#55296;", b"\xb2", b"\xa1", b"\x00", "\u202e".encode(),
    b"9" * 400, b"NaN", b"1e999", b"-1e999", b"\xef\xbb\xbf", b"\r", b"\x1b[2J", "\ufeff".encode(),
    "预算金额：".encode() + b"9" * 420 + "元".encode(), "发布日期：99999年13月45日".encode(),
    b"<![CDATA[", b"<!--", b"<script>", b"</html>", b"\"", b"{", b"]",
]
EXTENSIONS = ["", ".txt", ".html", ".htm", ".json", ".jsonl", ".pdf", ".docx", ".xlsx", ".zip", ".doc", ".gz"]


def seeds() -> list[tuple[str, bytes]]:
    """(name, bytes) of every seed file, in a fixed order."""
    out: list[tuple[str, bytes]] = []
    for folder in SEED_DIRS:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.stat().st_size < 2_000_000:
                out.append((path.name, path.read_bytes()))
    return out


def _flip(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data or b" ")
    for _ in range(rng.randint(1, 12)):
        buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    return bytes(buf)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _insert(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice(HOSTILE) + data[at:]
    return data


def _nest(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([50, 500, 1900, 2100, 8000, 30000])
    open_, close = rng.choice([(b"<div>", b"</div>"), (b"<ul><li>", b""), (b"<table><tr><td>", b""),
                               (b"<b><i>", b""), (b"[", b"]"), (b'{"a":', b"}")])
    return open_ * depth + data + close * depth


def _record_value(rng: random.Random) -> object:
    return rng.choice([
        10**400, -(10**30), 2**64, 1.5e308, float("nan"), float("inf"), -1, 0, 99999999999999, "99999-01-01",
        "0000-00-00", None, True, [], {}, ["a", {"b": None}], "\ud800", "2024-02-30", "",
    ])


def _records(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    records = []
    for n in range(rng.randint(1, 6)):
        record: dict[str, object] = {"id": rng.choice([str(n), n, f"x#{n}", None]), "title": text[:40],
                                     "content": text}
        for key in rng.sample(["publishTime", "budget", "buyer", "title", "content", "id", "noticeType"], 3):
            record[key] = _record_value(rng)
        records.append(record)
    if rng.random() < 0.5:
        return json.dumps(records, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    return "\n".join(json.dumps(r) for r in records).encode("utf-8", "surrogatepass")


def _zip(rng: random.Random, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        names = ["a.html", "a.html", "b/a.html", "x.json#1", "__MACOSX/._a", ".DS_Store", "c.txt", "d.pdf"]
        for _ in range(rng.randint(1, 4)):
            name = rng.choice(names)
            info = zipfile.ZipInfo(name)
            if rng.random() < 0.2:  # a legacy (GBK) name without the UTF-8 flag
                info = zipfile.ZipInfo("采购公告.html".encode("gbk").decode("cp437"))
            archive.writestr(info, _flip(rng, data) if rng.random() < 0.5 else data)
    return buf.getvalue()


MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    _flip, _truncate, _insert, _insert, _nest, _records, _zip,
]


def _name(rng: random.Random, number: int, seed_name: str) -> bytes:
    stem = os.path.splitext(seed_name)[0][:30]
    ext = rng.choice(EXTENSIONS) if rng.random() < 0.3 else os.path.splitext(seed_name)[1]
    name = f"{number:05d}-{stem}{ext}".encode()
    if rng.random() < 0.05:
        name = f"{number:05d}-".encode() + "采购公告".encode("gbk") + ext.encode()
    if rng.random() < 0.05:
        name += b"#1"
    return name


def generate(seed: int, count: int, folder: Path) -> Iterator[Path]:
    """Write ``count`` mutated inputs into ``folder``; yield each path (bytes names kept)."""
    rng = random.Random(seed)
    pool = seeds()
    folder.mkdir(parents=True, exist_ok=True)
    base = os.fsencode(folder)
    for number in range(count):
        seed_name, data = rng.choice(pool)
        for mutation in rng.sample(MUTATIONS, rng.randint(1, 3)):
            data = mutation(rng, data)
        raw = base + b"/" + _name(rng, number, seed_name)
        with open(raw, "wb") as handle:
            handle.write(data)
        yield Path(os.fsdecode(raw))
