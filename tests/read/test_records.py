"""JSON / JSONL crawl exports: one document per record, structured fields to meta."""

from __future__ import annotations

import json

from tenderwatch.model import FailReason, ReadFailure, TextDoc
from tenderwatch.read import Limits, read_bytes

from .builders import one_doc, one_failure

JIANYU_LIKE = [
    {
        "id": "ABC1",
        "title": "某医院GPU服务器采购项目中标公告",
        "subtype": "中标",
        "buyer": "某医院",
        "agency": "某代理",
        "winner": "甲公司",
        "winnerInfo": [{"winner": "甲公司", "winnerId": "x"}, {"winner": "乙公司"}],
        "budget": 1320000,
        "bidAmount": 1250000.0,
        "publishTime": 1630496947,
        "area": "浙江",
        "projectInfo": {"projectNo": "ZJ-2021-1", "detail": "<p>采购内容：</p><p>A100 两块</p>"},
        "fileExists": True,
    },
    {"id": "ABC2", "title": "第二条", "publishTime": "2024-03-05T10:00:00Z", "noticeType": "招标公告"},
]


def docs(results: list[TextDoc | ReadFailure]) -> list[TextDoc]:
    assert all(isinstance(r, TextDoc) for r in results), results
    return [r for r in results if isinstance(r, TextDoc)]


def test_list_export_paths_meta_and_text() -> None:
    out = docs(read_bytes(json.dumps(JIANYU_LIKE, ensure_ascii=False).encode(), "dir/jy.json"))
    assert [d.path for d in out] == ["dir/jy.json#ABC1", "dir/jy.json#ABC2"]
    first = out[0]
    assert first.fmt == "json"
    assert first.meta["title"] == "某医院GPU服务器采购项目中标公告"
    assert first.meta["buyer"] == "某医院"
    assert first.meta["agency"] == "某代理"
    assert first.meta["winner"] == "甲公司;乙公司"
    assert first.meta["budget"] == "1320000"
    assert first.meta["bid_amount"] == "1250000"
    assert first.meta["pub_date"] == "2021-09-01"
    assert first.meta["notice_type_hint"] == "中标"
    assert first.meta["project_no"] == "ZJ-2021-1"
    assert first.meta["region"] == "浙江"
    lines = first.text.split("\n")
    assert lines[0] == "某医院GPU服务器采购项目中标公告"
    assert "buyer: 某医院" in lines
    assert "winner: 乙公司" in lines
    assert "detail: 采购内容：\nA100 两块" in first.text  # HTML inside a field is flattened
    assert "fileExists" not in first.text
    assert out[1].meta["pub_date"] == "2024-03-05"
    assert out[1].meta["notice_type_hint"] == "招标公告"


def test_object_with_list_under_a_key_and_duplicate_ids_use_index() -> None:
    export = {
        "fetchedAt": "2026-08-22",
        "source": "x",
        "notices": [{"id": "1", "title": "a"}, {"id": "1", "title": "b"}],
    }
    out = docs(read_bytes(json.dumps(export).encode(), "soe.json"))
    assert [d.path for d in out] == ["soe.json#0", "soe.json#1"]
    assert [d.meta["title"] for d in out] == ["a", "b"]


def test_nested_list_one_level_down() -> None:
    export = {"code": 0, "data": {"total": 2, "list": [{"infoid": "u-1", "title": "x"}, {"infoid": "u-2"}]}}
    out = docs(read_bytes(json.dumps(export).encode(), "api.json"))
    assert [d.path for d in out] == ["api.json#u-1", "api.json#u-2"]


def test_single_notice_object_is_one_record_with_plain_path() -> None:
    rec = {"title": "云服务采购", "content": "采购Azure OpenAI服务", "buyer": "某大学"}
    doc = one_doc(read_bytes(json.dumps(rec, ensure_ascii=False).encode(), "one.json"))
    assert doc.path == "one.json"
    assert doc.meta["buyer"] == "某大学"
    assert "content: 采购Azure OpenAI服务" in doc.text


def test_jsonl_records_and_bad_lines() -> None:
    lines = [
        json.dumps({"file": "a.html", "relevant": True, "buyer": "甲"}, ensure_ascii=False),
        "{broken",
        "",
    ]
    lines.append(json.dumps({"file": "b.html", "note": "no notice text here"}))
    out = read_bytes("\n".join(lines).encode(), "labels-x.jsonl")
    assert [r.path for r in out] == ["labels-x.jsonl#0", "labels-x.jsonl#1", "labels-x.jsonl"]
    assert isinstance(out[0], TextDoc) and out[0].fmt == "jsonl" and out[0].meta["buyer"] == "甲"
    assert isinstance(out[2], ReadFailure) and out[2].reason is FailReason.CORRUPT
    assert "line(s)" in out[2].detail


def test_invalid_json_file_is_corrupt() -> None:
    assert one_failure(read_bytes(b'{"a": [1, 2', "x.json")).reason is FailReason.CORRUPT


def test_record_limit() -> None:
    data = json.dumps([{"title": str(i)} for i in range(5)]).encode()
    out = read_bytes(data, "many.json", Limits(max_records=3))
    assert len(out) == 4
    assert isinstance(out[3], ReadFailure) and out[3].reason is FailReason.TOO_LARGE


def test_deeply_nested_json_does_not_crash() -> None:
    data = b"[" * 100_000 + b"]" * 100_000
    out = read_bytes(data, "deep.json")
    assert all(not (isinstance(r, ReadFailure) and r.reason is FailReason.INTERNAL_ERROR) for r in out)


def test_records_without_text_are_failures_not_empty_docs() -> None:
    for data in (b"{}", b'{"notices": []}', b'[{"a": null, "b": true}]'):
        out = read_bytes(data, "x.json")
        assert len(out) == 1
        assert isinstance(out[0], ReadFailure) and out[0].reason is FailReason.NO_TEXT, data


def test_label_and_export_files_are_not_notices() -> None:
    from tenderwatch.model import FailReason, ReadFailure
    from tenderwatch.read import read_bytes

    labels = b'{"file": "a.html", "relevant": true, "note": "8 x A100 bought via a reseller"}\n' * 3
    out = read_bytes(labels, "labels-x.jsonl")
    assert len(out) == 1
    assert isinstance(out[0], ReadFailure) and out[0].reason is FailReason.NOT_A_NOTICE
    export = b'[{"path": "a.html", "relevant": true, "findings": [{"item": "H100"}]}]'
    out = read_bytes(export, "export.json")
    assert isinstance(out[0], ReadFailure) and out[0].reason is FailReason.NOT_A_NOTICE
    crawl = b'{"title": "\xe9\x87\x87\xe8\xb4\xad", "relevant": true}\n{"title": "x"}\n'
    assert not any(isinstance(d, ReadFailure) for d in read_bytes(crawl, "crawl.jsonl"))
