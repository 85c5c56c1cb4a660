"""``archive verify``: every record's digests, cut-short records and damaged headers, per file."""

from __future__ import annotations

import base64
import hashlib
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcbuild import Rec, build_wacz, build_warc, notice_html

from tenderwatch.cli.main import main
from tenderwatch.read.warcverify import verify_file, verify_paths


def _good(compress: bool = True) -> bytes:
    return build_warc([
        Rec("http://a.cn/0", kind="request"),
        Rec("http://a.cn/0", notice_html(0).encode()),
        Rec("http://a.cn/1", notice_html(1).encode("gbk"), encode="gzip+chunked"),
        Rec("http://a.cn/2", notice_html(2).encode()),
    ], compress=compress)


def _resource(digest: str, body: bytes = b"GPU server tender") -> bytes:
    head = (f"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{len(digest) % 10}>\r\n"
            f"WARC-Date: 2024-03-01T08:00:00Z\r\nWARC-Target-URI: http://a.cn/r\r\nContent-Type: text/plain\r\n"
            f"WARC-Block-Digest: {digest}\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode() + body + b"\r\n\r\n"


def test_a_good_archive(tmp_path: Path) -> None:
    path = tmp_path / "good.warc.gz"
    path.write_bytes(_good())
    report = verify_file(path)
    assert report.ok and report.records == 5 and report.good == 5 and report.checked == 5
    result = CliRunner().invoke(main, ["archive", "verify", str(path)])
    assert result.exit_code == 0, result.output
    assert "ok, 5 records good" in result.output


@pytest.mark.parametrize("compress", [True, False])
def test_a_flipped_payload_byte_names_the_record(tmp_path: Path, compress: bool) -> None:
    data = bytearray(_good(compress=False))
    at = data.index("预算金额".encode(), data.index(b"WARC-Target-URI: http://a.cn/2"))
    data[at] ^= 0x01
    if compress:  # the same damage, then each record gzipped on its own as a collector writes it
        import gzip

        records = bytes(data).split(b"\r\n\r\nWARC/1.1")
        data = bytearray(b"".join(gzip.compress((b"WARC/1.1" if i else b"") + r + b"\r\n\r\n")
                                  for i, r in enumerate(records)))
    path = tmp_path / "flip.warc"
    path.write_bytes(bytes(data))
    report = verify_file(path)
    assert not report.ok and report.stopped is None
    (bad,) = report.damaged
    assert bad.uri == "http://a.cn/2" and bad.rec_type == "response" and bad.record_id.startswith("<urn:uuid:")
    assert any("WARC-Payload-Digest does not match" in p for p in bad.problems)
    assert any("WARC-Block-Digest does not match" in p for p in bad.problems)
    result = CliRunner().invoke(main, ["archive", "verify", str(path), "--json"])
    assert result.exit_code == 1
    out = json.loads(result.output)
    assert out["damaged_files"] == 1
    (damaged,) = out["files"][0]["damaged"]
    assert (damaged["offset"], damaged["record_id"]) == (bad.offset, bad.record_id)


def test_a_truncated_file(tmp_path: Path) -> None:
    data = _good()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:-120])
    report = verify_file(cut)
    assert not report.ok and report.good == 4
    (bad,) = report.damaged
    assert bad.uri == "http://a.cn/2" and "cut short" in bad.problems[0]
    header_cut = tmp_path / "header-cut.warc.gz"
    header_cut.write_bytes(data[:-380])
    report = verify_file(header_cut)
    assert report.good == 4 and report.stopped is not None and "Content-Length" in report.stopped[1]
    plain = tmp_path / "cut.warc"
    plain.write_bytes(_good(compress=False)[:-50])
    (bad,) = verify_file(plain).damaged
    assert "cut short" in bad.problems[0]
    result = CliRunner().invoke(main, ["archive", "verify", str(tmp_path)])
    assert result.exit_code == 1 and result.output.count("DAMAGED") == 3
    assert f"stopped at offset {report.stopped[0]}" in result.output


@pytest.mark.parametrize("algo", ["sha1", "sha256", "md5"])
def test_digests_in_base32_hex_and_base64(tmp_path: Path, algo: str) -> None:
    body = b"GPU server tender"
    raw = hashlib.new(algo, body).digest()
    written = [base64.b32encode(raw).decode(), raw.hex(), raw.hex().upper(), base64.b64encode(raw).decode(),
               base64.b32encode(raw).decode().rstrip("=").lower()]
    path = tmp_path / "forms.warc"
    path.write_bytes(b"".join(_resource(f"{algo}:{form}", body) for form in written)
                     + _resource(f"{algo}:{written[1]}", body + b"!"))  # the last one is wrong
    report = verify_file(path)
    assert report.good == len(written) and report.checked == len(written)
    (bad,) = report.damaged
    assert "does not match" in bad.problems[0]


def test_unknown_algorithm_and_missing_headers_are_problems(tmp_path: Path) -> None:
    record = _resource("whirlpool:ABC").replace(b"WARC-Date: 2024-03-01T08:00:00Z\r\n", b"")
    path = tmp_path / "odd.warc"
    path.write_bytes(record)
    (bad,) = verify_file(path).damaged
    assert "malformed header: no WARC-Date" in bad.problems and any("unknown algorithm" in p for p in bad.problems)


def test_the_shared_warcs(shared: Path) -> None:
    reports = {Path(r.path).name: r for r in verify_paths([shared / "warc"])}
    assert set(reports) == {p.name for p in (shared / "warc").glob("*.warc*")}
    assert reports["example.warc.gz"].ok and reports["post-test.warc.gz"].ok
    assert reports["example-wget-bad-target-uri.warc.gz"].ok
    (digest,) = reports["example-digest.warc"].damaged
    assert digest.offset == 0 and "WARC-Payload-Digest" in digest.problems[0]
    (trunc,) = reports["example-trunc.warc"].damaged
    assert trunc.offset == 1197 and any("separator" in p for p in trunc.problems)
    assert any("one gzip stream" in p for p in reports["example-bad-non-chunked.warc.gz"].problems)


def test_no_warc_found_exits_2(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not an archive")
    result = CliRunner().invoke(main, ["archive", "verify", str(tmp_path)])
    assert result.exit_code == 2


def test_a_wacz_package_is_verified_member_by_member(tmp_path: Path) -> None:
    good = tmp_path / "good.wacz"
    good.write_bytes(build_wacz({"data.warc.gz": _good(), "more.warc": _good(compress=False)}))
    report = verify_file(good)
    assert report.ok and report.records == 10
    flipped = bytearray(_good(compress=False))
    at = flipped.index("预算金额".encode(), flipped.index(b"WARC-Target-URI: http://a.cn/2"))
    flipped[at] ^= 0x01
    bad = tmp_path / "bad.wacz"
    bad.write_bytes(build_wacz({"data.warc.gz": _good(), "more.warc": bytes(flipped)}))
    result = CliRunner().invoke(main, ["archive", "verify", str(tmp_path), "--json"])
    assert result.exit_code == 1
    files = {Path(f["path"]).name: f for f in json.loads(result.output)["files"]}
    assert files["good.wacz"]["ok"] and not files["bad.wacz"]["ok"]
    (damaged,) = files["bad.wacz"]["damaged"]
    assert damaged["uri"] == "http://a.cn/2" and all(p.startswith("in archive/more.warc: ")
                                                     for p in damaged["problems"])


def test_an_arc_file_verifies_without_made_up_record_ids(tmp_path: Path) -> None:
    from warcbuild import build_arc

    arc = tmp_path / "crawl.arc"
    arc.write_bytes(build_arc([("http://a.cn/x.htm", notice_html().encode())]))
    assert verify_file(arc).ok and verify_file(arc).records == 2
    cut = tmp_path / "cut.arc"
    cut.write_bytes(arc.read_bytes()[:-50])
    (bad,) = verify_file(cut).damaged
    assert bad.record_id == "" and bad.uri == "http://a.cn/x.htm" and "cut short" in " ".join(bad.problems)


def test_a_wacz_member_that_does_not_match_its_datapackage_hash_is_reported(tmp_path: Path) -> None:
    import zipfile

    good = build_wacz({"data.warc.gz": _good()})
    other = _good()  # the same records written again: valid WARC, other bytes (new record ids)
    swapped = tmp_path / "swapped.wacz"
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(swapped, "w") as out:
        for item in src.infolist():
            out.writestr(item, other if item.filename == "archive/data.warc.gz" else src.read(item))
    report = verify_file(swapped)
    assert report.damaged == [] and not report.ok  # every record is fine; the package is not
    assert report.problems == [f"archive/data.warc.gz: its sha256 hash does not match datapackage.json "
                               f"(sha256:{hashlib.sha256(good_member(good)).hexdigest()})"]


def good_member(package: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(package)) as src:
        return src.read("archive/data.warc.gz")
