"""WARC files written with warcio for the tests: responses of any kind, requests, revisits."""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field

import brotli
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass
class Rec:
    """One record to write. ``kind``: response, resource, request, revisit, metadata."""

    url: str
    body: bytes = b""
    kind: str = "response"
    status: str = "200 OK"
    headers: list[tuple[str, str]] = field(default_factory=lambda: [("Content-Type", "text/html")])
    date: str = "2024-03-01T08:00:00Z"
    method: str = "GET"  # for requests
    encode: str = ""  # "gzip"/"br": compress the body and say so; "chunked": chunked transfer; "gzip+chunked"


def _chunked(body: bytes, size: int = 100) -> bytes:
    out = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size]) for i in range(0, len(body), size))
    return out + b"0\r\n\r\n"


def build_warc(records: list[Rec], compress: bool = True, info: str = "tenderwatch-tests/1.0") -> bytes:
    """The bytes of a WARC/1.1 file: a warcinfo record, then ``records`` in order."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": info}))
    for rec in records:
        writer.write_record(make_record(writer, rec))
    return buf.getvalue()


def make_record(writer: WARCWriter, rec: Rec) -> object:
    headers = list(rec.headers)
    body = rec.body
    if "gzip" in rec.encode:
        body = gzip.compress(body)
        headers.append(("Content-Encoding", "gzip"))
    elif "br" in rec.encode:
        body = brotli.compress(body)
        headers.append(("Content-Encoding", "br"))
    if "chunked" in rec.encode:
        body = _chunked(body)
        headers.append(("Transfer-Encoding", "chunked"))
    warc_headers = {"WARC-Date": rec.date}
    if rec.kind == "request":
        http = StatusAndHeaders(f"{rec.method} / HTTP/1.1", headers, is_http_request=True)
        return writer.create_warc_record(rec.url, "request", payload=io.BytesIO(body), http_headers=http,
                                         warc_headers_dict=warc_headers)
    if rec.kind == "revisit":
        return writer.create_revisit_record(rec.url, "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                            "http://example.cn/original", rec.date)
    if rec.kind in ("resource", "metadata"):
        content_type = dict(rec.headers).get("Content-Type", "text/plain")
        return writer.create_warc_record(rec.url, rec.kind, payload=io.BytesIO(body),
                                         warc_content_type=content_type, warc_headers_dict=warc_headers)
    http = StatusAndHeaders(rec.status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(rec.url, "response", payload=io.BytesIO(body), http_headers=http,
                                     warc_headers_dict=warc_headers)


NOTICE_HTML = (
    "<html><head><title>{title}</title></head><body><h1>{title}</h1>"
    "<p>采购人：北京示例大学</p><p>项目编号：BJSL-2024-{n:04d}</p>"
    "<p>采购内容：GPU服务器1台，配置NVIDIA A100 80GB GPU 8块，预算金额：320万元。</p>"
    "<p>发布日期：2024年3月1日</p></body></html>"
)


def notice_html(n: int = 1, title: str = "北京示例大学GPU服务器采购项目公开招标公告") -> str:
    return NOTICE_HTML.format(title=title, n=n)


def build_wacz(members: dict[str, bytes]) -> bytes:
    """The bytes of a WACZ package (as Browsertrix writes): the WARC files under ``archive/``,
    ``datapackage.json`` and a pages list; members stored, not compressed again."""
    import hashlib
    import json
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as package:
        for name, data in members.items():
            package.writestr(f"archive/{name}", data)
        package.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0", "id": "pages"}\n')
        resources = [{"name": name, "path": f"archive/{name}", "bytes": len(data),
                      "hash": "sha256:" + hashlib.sha256(data).hexdigest()} for name, data in members.items()]
        package.writestr("datapackage.json", json.dumps({"profile": "data-package", "wacz_version": "1.1.1",
                                                         "resources": resources}))
    return buf.getvalue()


def build_arc(records: list[tuple[str, bytes]]) -> bytes:
    """The bytes of an ARC v1 file (Heritrix's and the Internet Archive's older format): HTML
    responses at 2024-03-01 08:00 UTC."""
    about = b"1 0 tenderwatch-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    out = b"filedesc://test.arc 0.0.0.0 20240301080000 text/plain %d\n%s\n" % (len(about), about)
    for url, body in records:
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        out += b"%s 192.0.2.1 20240301080000 text/html %d\n%s\n" % (url.encode(), len(block), block)
    return out
