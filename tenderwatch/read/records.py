"""JSON and JSONL crawl exports: each record is one notice.

Shapes: a list of objects; an object holding the list under some key
(``{"notices": [...]}``, also one level deeper); JSONL (one object a line); a
single notice-like object (one record, path unchanged). Record paths are
``FILE#KEY`` with KEY an id-like field when present and unique, else the index.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tenderwatch.yamlfile import load_yaml

from ..model import FailReason, ReadFailure, TextDoc
from .errors import ReadError
from .html import extract_html

_HTML_VALUE = re.compile(r"<(?:p|div|br|table|tr|td|span|font|b|strong|h[1-6])\b[^>]*>", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_CST = dt.timezone(dt.timedelta(hours=8))
_KEY_UNSAFE = re.compile(r"[#\s/\\]+")


@dataclass(slots=True, frozen=True)
class RecordVocab:
    id_keys: tuple[str, ...]
    notice_keys: frozenset[str]
    meta: dict[str, tuple[str, int]]
    annotation_keys: tuple[frozenset[str], ...] = ()  # lower-cased record key -> (meta key, priority rank)


@lru_cache(maxsize=1)
def record_vocab() -> RecordVocab:
    raw = resources.files("tenderwatch").joinpath("data/read/record_fields.yaml").read_text("utf-8")
    doc = load_yaml(raw)
    meta: dict[str, tuple[str, int]] = {}
    for meta_key, names in doc["meta"].items():
        for rank, name in enumerate(names):
            meta.setdefault(str(name).lower(), (str(meta_key), rank))
    return RecordVocab(
        id_keys=tuple(str(k) for k in doc["id_keys"]),
        notice_keys=frozenset(str(k).lower() for k in doc["notice_keys"]),
        meta=meta,
        annotation_keys=tuple(frozenset(str(k) for k in keys) for keys in doc.get("annotation_keys", [])),
    )


def _is_annotation(records: list[Any]) -> bool:
    """Every record is a label or export row (see ``annotation_keys``), not a notice."""
    sets = record_vocab().annotation_keys
    return bool(records) and all(
        isinstance(rec, dict) and any(keys <= rec.keys() for keys in sets) for rec in records
    )


class NotJsonError(ValueError):
    """Neither JSON nor JSONL."""


def parse_json_or_jsonl(text: str) -> tuple[str, list[Any], list[int]]:
    """Return ``(kind, values, bad_line_numbers)``; kind is ``json`` or ``jsonl``."""
    try:
        return "json", [json.loads(text)], []
    except json.JSONDecodeError:
        pass
    values: list[Any] = []
    bad: list[int] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            values.append(json.loads(line))
        except json.JSONDecodeError:
            bad.append(n)
    if not values or len(bad) > len(values):
        raise NotJsonError("not valid JSON or JSONL")
    return "jsonl", values, bad


def _largest_list(obj: dict[str, Any], depth: int = 0) -> list[Any] | None:
    best: list[Any] | None = None
    for value in obj.values():
        cand: list[Any] | None = None
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            cand = value
        elif isinstance(value, dict) and depth < 1:
            cand = _largest_list(value, depth + 1)
        if cand is not None and (best is None or len(cand) > len(best)):
            best = cand
    return best


def split_records(kind: str, values: list[Any]) -> tuple[list[Any], bool]:
    """Return ``(records, single)``; ``single`` means one record with the file's own path."""
    if kind == "jsonl":
        return values, False
    top = values[0]
    if isinstance(top, list):
        return top, False
    if isinstance(top, dict):
        voc = record_vocab()
        notice_like = any(k.lower() in voc.notice_keys and isinstance(v, str) for k, v in top.items())
        inner = None if notice_like else _largest_list(top)
        if inner is not None:
            return inner, False
    return [top], True


def _keys(records: list[Any]) -> list[str]:
    voc = record_vocab()
    for key in voc.id_keys:
        vals = [r.get(key) if isinstance(r, dict) else None for r in records]
        if all(isinstance(v, str | int) and not isinstance(v, bool) and str(v).strip() for v in vals):
            strs = [_KEY_UNSAFE.sub("_", str(v).strip()) for v in vals]
            if len(set(strs)) == len(strs):
                return strs
    return [str(i) for i in range(len(records))]


def _date(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not -1e13 < value < 1e14:  # not a plausible Unix time in seconds or milliseconds
            return str(value)[:40]
        secs = value / 1000 if value > 1e11 else value
        try:
            return dt.datetime.fromtimestamp(secs, _CST).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return str(value)
    s = str(value).strip()
    m = _ISO_DATE.match(s)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return s


def _scalar(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if _HTML_VALUE.search(text):
        text = extract_html(text)[0]
    return text.strip()


def _walk(obj: Any, key: str, lines: list[str], found: dict[str, tuple[int, str]]) -> None:
    voc = record_vocab()
    if isinstance(obj, dict):
        for k, v in obj.items():
            _walk(v, str(k), lines, found)
    elif isinstance(obj, list):
        for v in obj:
            _walk(v, key, lines, found)
    elif obj is None or isinstance(obj, bool):
        return
    else:
        value = _scalar(obj)
        if not value:
            return
        lines.append(f"{key}: {value}")
        hit = voc.meta.get(key.lower())
        if hit is None:
            return
        meta_key, rank = hit
        if meta_key == "pub_date":
            value = _date(obj)
        value = " ".join(value.split())
        prev = found.get(meta_key)
        if meta_key == "winner" and prev is not None:
            if value not in prev[1].split(";"):
                found[meta_key] = (prev[0], prev[1] + ";" + value)
        elif prev is None or rank < prev[0]:
            found[meta_key] = (rank, value)


def record_doc(record: Any, path: str, fmt: str, encoding: str) -> TextDoc | ReadFailure:
    """One record -> TextDoc: title line, then ``key: value`` lines."""
    lines: list[str] = []
    found: dict[str, tuple[int, str]] = {}
    _walk(record, "value", lines, found)
    meta = {k: v for k, (_, v) in found.items()}
    title = meta.get("title", "")
    text = "\n".join(([title] if title else []) + lines)
    if not text.strip():
        return ReadFailure(path, FailReason.NO_TEXT, "record holds no text or number fields", fmt)
    return TextDoc(path=path, text=text, fmt=fmt, encoding=encoding, meta=meta)


def _guarded_record(record: Any, path: str, fmt: str, encoding: str) -> TextDoc | ReadFailure:
    """One record; a record that cannot be read fails alone, the file's other records go on."""
    try:
        return record_doc(record, path, fmt, encoding)
    except ReadError as exc:
        return ReadFailure(path, exc.reason, exc.detail, fmt)
    except RecursionError:
        return ReadFailure(path, FailReason.TOO_COMPLEX, "record nested too deeply for the reader", fmt)
    except (ValueError, OverflowError, TypeError) as exc:
        return ReadFailure(path, FailReason.CORRUPT, f"record value unreadable: {type(exc).__name__}: {exc}", fmt)


def read_records(text: str, path: str, encoding: str, max_records: int) -> Iterator[TextDoc | ReadFailure]:
    """Yield one TextDoc per record. Raises :class:`NotJsonError` if not JSON."""
    kind, values, bad = parse_json_or_jsonl(text)
    records, single = split_records(kind, values)
    if single:
        yield record_doc(records[0], path, kind, encoding)
        return
    if not records:
        yield ReadFailure(path, FailReason.EMPTY, f"{kind} export holds no records", kind)
        return
    if _is_annotation(records):
        yield ReadFailure(
            path, FailReason.NOT_A_NOTICE,
            f"{len(records)} records look like evaluation labels or a tenderwatch export "
            "(they carry file/path and relevant keys), not notices; not scanned",
            kind,
        )
        return
    over = len(records) - max_records
    records = records[:max_records]
    for key, rec in zip(_keys(records), records, strict=True):
        yield _guarded_record(rec, f"{path}#{key}", kind, encoding)
    if bad:
        shown = ", ".join(map(str, bad[:10]))
        yield ReadFailure(path, FailReason.CORRUPT, f"{len(bad)} JSONL line(s) are not JSON: {shown}", kind)
    if over > 0:
        yield ReadFailure(
            path, FailReason.TOO_LARGE, f"{over} records beyond the limit of {max_records} skipped", kind
        )
