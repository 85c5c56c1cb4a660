"""Reading WARC files: records -> payloads with provenance, skips with reasons, damage with offsets."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pytest
from warcbuild import Rec, build_warc, notice_html

from tenderwatch.model import FailReason, ReadFailure, TextDoc
from tenderwatch.read import Limits
from tenderwatch.read.warc import PayloadReader, WarcPayload, WarcSkip, iso_utc, iter_warc

from .builders import make_pdf


def _entries(data: bytes, name: str = "t.warc.gz", limits: Limits | None = None) -> list[object]:
    return list(iter_warc(io.BytesIO(data), name, limits, len(data)))


def _payloads(entries: list[object]) -> list[WarcPayload]:
    return [e for e in entries if isinstance(e, WarcPayload)]


def _read(payload: WarcPayload) -> list[TextDoc | ReadFailure]:
    return PayloadReader(payload.media_type, payload.charset)(payload.data, payload.path, None)


def test_a_crawl_of_mixed_records() -> None:
    pdf = make_pdf(["Procurement of GPU servers: NVIDIA A100"])
    data = build_warc([
        Rec("http://www.ccgp.gov.cn/cggg/a.htm", kind="request"),
        Rec("http://www.ccgp.gov.cn/cggg/a.htm", notice_html().encode("gbk"),
            headers=[("Content-Type", "text/html; charset=GBK")]),
        Rec("http://www.ccgp.gov.cn/download?id=7", pdf, headers=[("Content-Type", "application/pdf")]),
        Rec("http://www.ccgp.gov.cn/gone.htm", b"<html>not found</html>", status="404 Not Found"),
        Rec("http://www.ccgp.gov.cn/robots.txt", b"User-agent: *\nDisallow:", headers=[("Content-Type", "text/plain")]),
        Rec("http://www.ccgp.gov.cn/logo.png", b"\x89PNG\r\n\x1a\n", headers=[("Content-Type", "image/png")]),
        Rec("http://www.ccgp.gov.cn/cggg/a.htm", kind="revisit"),
        Rec("http://www.ccgp.gov.cn/note.txt", "采购人：北京示例大学".encode(), kind="resource",
            headers=[("Content-Type", "text/plain; charset=utf-8")]),
        Rec("metadata://tool/log.txt", b"log", kind="resource"),
    ], info="wget/1.21")
    entries = _entries(data, "crawl.warc.gz")
    html, pdf_payload, resource = _payloads(entries)
    assert html.url == html.path == "http://www.ccgp.gov.cn/cggg/a.htm"
    prov = html.provenance
    assert (prov.fetched_at, prov.http_status, prov.warc_file, prov.source) == (
        "2024-03-01T08:00:00Z", 200, "crawl.warc.gz", "wget/1.21")
    assert prov.warc_record_id and prov.warc_record_id.startswith("<urn:uuid:")
    assert prov.payload_digest and prov.payload_digest.startswith("sha1:")
    (doc,) = _read(html)
    assert isinstance(doc, TextDoc) and doc.path == html.url and doc.fmt == "html"
    assert "北京示例大学" in doc.text and doc.encoding == "gb18030"
    (pdf_doc,) = _read(pdf_payload)
    assert isinstance(pdf_doc, TextDoc) and pdf_doc.fmt == "pdf" and "A100" in pdf_doc.text
    assert resource.url == "http://www.ccgp.gov.cn/note.txt" and resource.provenance.http_status is None
    skips = {e.reason: e for e in entries if isinstance(e, WarcSkip)}
    assert set(skips) == {
        "warcinfo record", "request record", "HTTP 404", "robots.txt", "media type image/png",
        "revisit record (the payload is not repeated)", "not a web address (metadata URI)",
    }
    assert skips["HTTP 404"].provenance is not None and skips["HTTP 404"].provenance.http_status == 404
    assert skips["request record"].provenance is None


def test_http_charset_is_trusted_only_when_it_decodes_cleanly() -> None:
    gbk = notice_html().replace("<head>", '<head><meta charset="gbk">').encode("gbk")
    data = build_warc([
        Rec("http://a.cn/1", notice_html().encode("gbk"), headers=[("Content-Type", "text/html; charset=gbk")]),
        Rec("http://a.cn/2", gbk, headers=[("Content-Type", "text/html; charset=utf-8")]),  # wrong header
        Rec("http://a.cn/3", gbk, headers=[("Content-Type", "text/html; charset=iso-8859-1")]),  # server default
    ])
    for payload in _payloads(_entries(data)):
        (doc,) = _read(payload)
        assert isinstance(doc, TextDoc) and "北京示例大学" in doc.text, payload.url
        assert doc.encoding == "gb18030"


@pytest.mark.parametrize("encode", ["gzip", "br", "chunked", "gzip+chunked", "br+chunked"])
def test_transfer_and_content_encodings_are_removed(encode: str) -> None:
    body = notice_html().encode()
    (payload,) = _payloads(_entries(build_warc([Rec("http://a.cn/x.htm", body, encode=encode)])))
    assert payload.data == body


def test_a_json_answer_is_read_as_records_under_its_url() -> None:
    answer = ('{"data": [{"id": "n1", "title": "GPU服务器采购公告", "url": "http://a.cn/n1.html"},'
              ' {"id": "n2", "title": "办公家具采购公告", "url": "http://a.cn/n2.html"}]}').encode()
    data = build_warc([
        Rec("http://a.cn/api/list", answer, headers=[("Content-Type", "application/json;charset=UTF-8")]),
    ])
    (payload,) = _payloads(_entries(data))
    docs = _read(payload)
    assert [d.path for d in docs] == ["http://a.cn/api/list#n1", "http://a.cn/api/list#n2"]
    assert isinstance(docs[0], TextDoc) and docs[0].meta["url"] == "http://a.cn/n1.html"


def test_post_answers_at_one_address_are_separate_documents(shared: Path) -> None:
    data = (shared / "warc" / "post-test.warc.gz").read_bytes()
    paths = [p.path for p in _payloads(_entries(data))]
    assert len(set(paths)) == 3 and all("#POST:" in p for p in paths)
    assert paths[0].startswith("http://httpbin.org/post#POST:")


def test_a_record_over_the_size_limit_fails_alone() -> None:
    data = build_warc([Rec("http://a.cn/big", b"x" * 5000), Rec("http://a.cn/small", notice_html().encode())])
    big, small = _payloads(_entries(data, limits=Limits(max_file_bytes=2000)))
    assert big.failure is not None and big.failure.reason is FailReason.TOO_LARGE and big.data == b""
    assert "offset" in big.failure.detail
    assert small.failure is None and small.data


@pytest.mark.parametrize("encode", ["gzip", "br", "br+chunked"])
def test_a_compressed_body_over_the_size_limit_fails_without_being_inflated(encode: str) -> None:
    bomb = Rec("http://a.cn/bomb", b"<p>" + b"0" * 5_000_000, encode=encode)  # a few KB compressed
    data = build_warc([bomb, Rec("http://a.cn/small", notice_html().encode())])
    big, small = _payloads(_entries(data, limits=Limits(max_file_bytes=100_000)))
    assert len(data) < 100_000
    assert big.failure is not None and big.failure.reason is FailReason.TOO_LARGE and big.data == b""
    assert small.failure is None and small.data


def test_a_damaged_br_body_is_a_failure_naming_the_offset() -> None:
    data = build_warc([Rec("http://a.cn/z", b"not brotli at all", headers=[("Content-Type", "text/html"),
                                                                          ("Content-Encoding", "br")])])
    (payload,) = _payloads(_entries(data))
    assert payload.failure is not None and payload.failure.reason is FailReason.CORRUPT
    assert "br body cannot be decoded" in payload.failure.detail and "offset" in payload.failure.detail


def _gzipped(body: bytes) -> Rec:
    return Rec("http://a.cn/g", body, headers=[("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Encoding", "gzip")])


def test_a_gzip_body_cut_short_or_damaged_is_read_up_to_the_break_and_marked() -> None:
    import gzip
    import random

    page = notice_html().encode() + "".join(
        f"<p>{random.Random(i).random()}</p>" for i in range(3000)).encode()  # not too compressible
    packed = gzip.compress(page)
    broken = bytearray(packed)
    broken[len(packed) // 2:len(packed) // 2 + 64] = bytes(64)
    for body, what in ((packed[: len(packed) // 2], "cut short"), (bytes(broken), "damaged")):
        (payload,) = _payloads(_entries(build_warc([_gzipped(body)])))
        assert payload.failure is None and payload.damage is not None, what  # before: silently shortened
        assert what in payload.damage and "offset" in payload.damage
        assert 0 < len(payload.data) <= len(page)
        if what == "cut short":
            assert page.startswith(payload.data)  # (damaged deflate data may decode to garbage before the check fails)
    (plain,) = _payloads(_entries(build_warc([_gzipped(page)])))  # marked gzip, stored decoded
    assert plain.data == page and plain.damage is None


def test_a_target_uri_with_an_unclosed_bracket_is_read() -> None:
    (payload,) = _payloads(_entries(build_warc([Rec("http://[a.cn/x.htm", notice_html().encode())])))
    assert payload.url == "http://[a.cn/x.htm" and payload.data  # before: ValueError from urlsplit


def test_an_undecodable_content_encoding_is_a_failure() -> None:
    data = build_warc([Rec("http://a.cn/z", b"abc", headers=[("Content-Type", "text/html"),
                                                                ("Content-Encoding", "zstd")])])
    (payload,) = _payloads(_entries(data))
    assert payload.failure is not None and payload.failure.reason is FailReason.UNSUPPORTED_FORMAT


def _three(compress: bool) -> bytes:
    return build_warc([Rec(f"http://a.cn/{i}", notice_html(i).encode()) for i in range(3)], compress=compress)


def test_a_cut_plain_warc_keeps_the_good_records_and_marks_the_cut_one() -> None:
    data = _three(False)
    entries = _entries(data[:-200], "cut.warc")
    payloads = _payloads(entries)
    assert [p.url for p in payloads] == ["http://a.cn/0", "http://a.cn/1", "http://a.cn/2"]
    assert payloads[0].damage is None and payloads[1].damage is None
    assert payloads[2].damage is not None and "cut short" in payloads[2].damage
    assert f"offset {payloads[2].offset}" in payloads[2].damage


def test_a_cut_gzipped_warc_keeps_the_good_records_and_names_the_offset() -> None:
    data = _three(True)
    payloads = _payloads(_entries(data[: len(data) - 150], "cut.warc.gz"))  # cut inside the last body
    assert [p.url for p in payloads] == ["http://a.cn/0", "http://a.cn/1", "http://a.cn/2"]
    assert re.fullmatch(rf"WARC record at offset {payloads[2].offset}: record cut short: its Content-Length "
                        r"is (\d+) bytes, the file holds (\d+)", payloads[2].damage or "")
    entries = _entries(data[: len(data) - 400], "cut.warc.gz")  # cut inside the last header
    assert [p.url for p in _payloads(entries)] == ["http://a.cn/0", "http://a.cn/1"]
    failure = entries[-1]
    assert isinstance(failure, ReadFailure) and failure.reason is FailReason.CORRUPT
    assert failure.path == f"cut.warc.gz#offset={payloads[2].offset}"
    assert f"offset {payloads[2].offset}" in failure.detail and "Content-Length" in failure.detail


def test_a_malformed_header_stops_the_walk_with_its_offset() -> None:
    data = _three(False)
    second = data.index(b"WARC/1.1", data.index(b"http://a.cn/0"))
    broken = data[:second] + b"NOT A WARC HEADER\r\n" + data[second:]
    entries = _entries(broken, "bad.warc")
    assert [p.url for p in _payloads(entries)] == ["http://a.cn/0"]
    failure = entries[-1]
    assert isinstance(failure, ReadFailure) and failure.path == f"bad.warc#offset={second}"
    assert f"WARC damaged at offset {second}" in failure.detail and "first line" in failure.detail


def test_a_missing_content_length_stops_the_walk() -> None:
    data = _three(False)
    at = data.index(b"Content-Length", data.index(b"http://a.cn/1"))
    end = data.index(b"\r\n", at) + 2
    entries = _entries(data[:at] + data[end:], "nolen.warc")
    assert [p.url for p in _payloads(entries)] == ["http://a.cn/0"]
    assert isinstance(entries[-1], ReadFailure) and "Content-Length" in entries[-1].detail


def test_a_flipped_byte_is_read_but_marked() -> None:
    data = bytearray(_three(False))
    at = data.index("预算金额".encode(), data.index(b"http://a.cn/1"))
    data[at] ^= 0x01
    payloads = _payloads(_entries(bytes(data)))
    assert [p.damage is not None for p in payloads] == [False, True, False]
    assert "WARC-Payload-Digest does not match" in (payloads[1].damage or "")


def test_every_shared_warc_reads_without_raising(shared: Path) -> None:
    seen: dict[str, list[object]] = {}
    for path in sorted((shared / "warc").glob("*.warc*")):
        data = path.read_bytes()
        seen[path.name] = _entries(data, path.name)
    assert [p.url for p in _payloads(seen["example.warc.gz"])] == ["http://example.com/"]
    assert [p.url for p in _payloads(seen["example-wget-bad-target-uri.warc.gz"])] == ["http://example.com/"]
    assert [p.url for p in _payloads(seen["example-bad-non-chunked.warc.gz"])] == ["http://example.com/"]
    (trunc,) = _payloads(seen["example-trunc.warc"])
    assert trunc.damage is not None and "offset 1197" in trunc.damage
    assert _payloads(seen["example-digest.warc"]) == []  # request records only
    for entries in seen.values():
        for entry in entries:
            if isinstance(entry, WarcPayload):
                (doc,) = _read(entry)
                assert isinstance(doc, TextDoc) and doc.text


def test_single_gzip_stream_warc_is_read_through(shared: Path) -> None:
    data = gzip.compress(gzip.decompress((shared / "warc" / "example.warc.gz").read_bytes()))
    assert [p.url for p in _payloads(_entries(data))] == ["http://example.com/"]


@pytest.mark.parametrize(("written", "expected"), [
    ("2024-03-01T08:00:00Z", "2024-03-01T08:00:00Z"),
    ("2024-03-01T08:00:00.123456Z", "2024-03-01T08:00:00Z"),
    ("2024-03-01T16:00:00+08:00", "2024-03-01T08:00:00Z"),
    ("20240301080000", "2024-03-01T08:00:00Z"),
    ("yesterday", None),
])
def test_warc_dates(written: str, expected: str | None) -> None:
    assert iso_utc(written) == expected


def test_document_path_is_the_path_a_scan_gives(shared: Path) -> None:
    from tenderwatch.read.warc import document_path

    data = (shared / "warc" / "post-test.warc.gz").read_bytes()
    entries = _entries(data, "post-test.warc.gz")
    from warcio.archiveiterator import ArchiveIterator

    requests = [(r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
                for r in ArchiveIterator(io.BytesIO(data)) if r.rec_type == "request"]
    assert [p.path for p in _payloads(entries)] == [document_path(url, "POST", body) for url, body in requests]
    assert document_path("http://a.cn/x") == "http://a.cn/x"


def test_chunked_framing_that_breaks_or_ends_early_is_marked() -> None:
    page = notice_html().encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(page[i:i + 100]), page[i:i + 100]) for i in range(0, len(page), 100))
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked")]
    cases = {
        "whole": chunked + b"0\r\n\r\n",
        "cut short": chunked[:250],
        "broken part way": chunked[:212] + b"zz\r\n" + chunked[212:],
        "not chunked at all": page,  # stored de-chunked, the header kept
    }
    got = {name: _payloads(_entries(build_warc([Rec("http://a.cn/c", body, headers=headers)])))[0]
           for name, body in cases.items()}
    assert got["whole"].data == page and got["whole"].damage is None
    assert got["not chunked at all"].data == page and got["not chunked at all"].damage is None
    assert "cut short" in (got["cut short"].damage or "") and page.startswith(got["cut short"].data)
    assert "chunked framing broken" in (got["broken part way"].damage or "")  # before: silently read on
