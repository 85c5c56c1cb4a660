"""FollowTheMoney and OCDS exports, validated by followthemoney's model and the OCDS 1.1.5 schema."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tenderwatch.report.ftm import write_ftm
from tenderwatch.report.ocds import ocds_package, write_ocds
from tenderwatch.store.db import Store
from tenderwatch.store.queries import iter_rows

ftm_model = pytest.importorskip("followthemoney").model
RELEASE_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"


def _rows(db: Path) -> list[dict[str, Any]]:
    with Store(db, readonly=True) as store:
        return list(iter_rows(store))


def _entities(db: Path) -> list[dict[str, Any]]:
    out = io.StringIO()
    count = write_ftm(_rows(db), out)
    entities = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(entities)
    return entities


def test_ftm_entities_pass_followthemoney_validation(fixture_db: Path) -> None:
    entities = _entities(fixture_db)
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for data in entities:
        schema = ftm_model.get(data["schema"])
        assert schema is not None
        assert schema.validate(data) is None, data
        proxy = ftm_model.get_proxy(data, cleaned=False)
        assert proxy.to_dict()["properties"] == ftm_model.get_proxy(proxy.to_dict()).to_dict()["properties"]
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, f"{data['schema']}.{prop.name} points outside the export"


def test_ftm_mapping(fixture_db: Path) -> None:
    entities = _entities(fixture_db)
    by_schema: dict[str, list[dict[str, Any]]] = {}
    for e in entities:
        by_schema.setdefault(e["schema"], []).append(e)
    names = {n for e in by_schema["Organization"] for n in e["properties"]["name"]}
    assert {"北京示例大学", "北京星河示例科技有限公司", "中国科学院示例研究所"} <= names
    calls = {e["properties"]["authorityReferenceId"][0] for e in by_schema["CallForTenders"]}
    assert {"BJSL-2024-0315", "SLNY-2024-0601"} <= calls
    award = next(a for a in by_schema["ContractAward"] if a["properties"].get("callForTenders"))
    call = next(c for c in by_schema["CallForTenders"] if c["id"] == award["properties"]["callForTenders"][0])
    assert call["properties"]["authorityReferenceId"] == ["BJSL-2024-0315"]  # award linked to its tender
    (link,) = [x for x in by_schema["UnknownLink"] if "same city" in x["properties"]["description"][0]]
    assert "Entity List (test)" in link["properties"]["role"][0]
    assert "same city" in link["properties"]["description"][0]
    assert link["properties"]["object"] in [x["properties"]["entity"] for x in by_schema["Sanction"]]


def _validator(shared: Path) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    from referencing.jsonschema import DRAFT4

    folder = shared / "schemas" / "ocds-1.1.5"
    release = json.loads((folder / "release-schema.json").read_text(encoding="utf-8"))
    package = json.loads((folder / "release-package-schema.json").read_text(encoding="utf-8"))
    registry = referencing.Registry().with_resources([(RELEASE_URL, DRAFT4.create_resource(release))])
    return jsonschema.Draft4Validator(
        package, registry=registry, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def test_ocds_package_validates_against_the_1_1_5_schema(fixture_db: Path, shared: Path) -> None:
    package = ocds_package(_rows(fixture_db))
    errors = [f"{list(e.path)}: {e.message}" for e in _validator(shared).iter_errors(package)]
    assert errors == []
    assert len(package["releases"]) == 10  # every document of tests/web/fixtures/leads.yaml
    broken = json.loads(json.dumps(package))
    del broken["releases"][0]["ocid"]
    broken["releases"][1]["tender"]["value"] = {"amount": 1, "currency": "YUAN"}
    assert len(list(_validator(shared).iter_errors(broken))) >= 2  # the validator does check


def test_ocds_mapping(fixture_db: Path) -> None:
    releases = {r["tender"]["title"]: r for r in ocds_package(_rows(fixture_db))["releases"]}
    tender = releases["北京示例大学高性能计算平台GPU服务器采购项目公开招标公告"]
    award = releases["北京示例大学高性能计算平台GPU服务器采购项目中标公告"]
    assert tender["ocid"] == award["ocid"]  # one contracting process per project number
    assert tender["tag"] == ["tender"] and award["tag"] == ["award"]
    assert tender["tender"]["value"] == {"amount": 3_200_000.0, "currency": "CNY"}
    assert tender["tender"]["items"][0]["description"] == "NVIDIA A100 80GB GPU 8块"
    assert award["awards"][0]["value"]["amount"] == 3_150_000.0
    assert award["awards"][0]["suppliers"][0]["name"] == "北京星河示例科技有限公司"
    assert award["buyer"]["name"] == "北京示例大学"
    assert award["date"] == "2024-04-20T00:00:00+08:00"


def test_export_command_writes_ftm_and_ocds(fixture_db: Path, tmp_path: Path, shared: Path) -> None:
    from tenderwatch.cli.scan_cmds import export_cmd

    runner = CliRunner()
    for fmt, name in (("ftm", "out.ftm.json"), ("ocds", "out.ocds.json")):
        result = runner.invoke(export_cmd, ["--db", str(fixture_db), "--format", fmt, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    lines = (tmp_path / "out.ftm.json").read_text(encoding="utf-8").splitlines()
    assert all(ftm_model.get_proxy(json.loads(line)).id for line in lines)
    package = json.loads((tmp_path / "out.ocds.json").read_text(encoding="utf-8"))
    assert list(_validator(shared).iter_errors(package)) == []
    relevant = runner.invoke(export_cmd, ["--db", str(fixture_db), "--format", "ocds", "--relevant-only"])
    assert len(json.loads(relevant.stdout)["releases"]) == 9


def test_writers_skip_failed_documents() -> None:
    failed = {"path": "x.pdf", "status": "failed", "failure": {"reason": "corrupt", "detail": "bad"}}
    assert write_ftm([failed], io.StringIO()) == 0
    assert write_ocds([failed], io.StringIO()) == 0


def test_exports_carry_the_url_a_notice_was_published_at(tmp_path: Path, shared: Path) -> None:
    from warcbuild import Rec, build_warc, notice_html

    from tenderwatch.scan import scan

    tender_url = "http://www.ccgp.gov.cn/cggg/zygg/gkzb/202403/t20240301_9.htm"
    award_url = "http://www.ccgp.gov.cn/cggg/zygg/zbgg/202404/中标_9.htm"  # non-ASCII: percent-encoded in OCDS
    award = notice_html(title="北京示例大学GPU服务器采购项目中标公告").replace(
        "</body>", "<p>中标供应商：北京星河示例科技有限公司</p><p>中标金额：315万元</p></body>")
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(build_warc([
        Rec(tender_url, notice_html().encode("utf-8"), headers=[("Content-Type", "text/html; charset=utf-8")]),
        Rec(award_url, award.encode("utf-8"), headers=[("Content-Type", "text/html; charset=utf-8")],
            date="2024-04-20T10:00:00Z"),
    ]))
    db = tmp_path / "tw.db"
    with Store(db) as store:
        scan([warc], store)
    rows = _rows(db)
    assert {r["url"] for r in rows} == {tender_url, award_url}
    package = ocds_package(rows)
    assert [f"{list(e.path)}: {e.message}" for e in _validator(shared).iter_errors(package)] == []
    documents = [d for r in package["releases"] for part in (r["tender"], *r.get("awards", []))
                 for d in part.get("documents", [])]
    assert {d["url"] for d in documents} == {tender_url, "http://www.ccgp.gov.cn/cggg/zygg/zbgg/202404/%E4%B8%AD%E6%A0%87_9.htm"}
    assert {d["documentType"] for d in documents} == {"tenderNotice", "awardNotice"}
    assert "fetched 2024-04-20T10:00:00Z" in {d.get("description") for d in documents}
    out = io.StringIO()
    write_ftm(rows, out)
    entities = [json.loads(line) for line in out.getvalue().splitlines()]
    sources = {u for e in entities if e["schema"] in ("CallForTenders", "Contract", "ContractAward")
               for u in e["properties"].get("sourceUrl", [])}
    assert tender_url in sources and any(u.startswith("http://www.ccgp.gov.cn/cggg/zygg/zbgg/") for u in sources)
    assert all(ftm_model.get(e["schema"]).validate(e) is None for e in entities)
