"""The per-document function: pure, total, and every fact points into the source text."""

from __future__ import annotations

from tenderwatch.pipeline import process_bytes

PAGE = """<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="示例大学GPU服务器采购项目中标公告">
<meta name="PubDate" content="2024-03-20 10:00"></head><body>
<div class="vF_detail_main"><div class="vF_detail_header"><h2 class="tc">示例大学GPU服务器采购项目中标公告</h2></div>
<div class="vF_detail_content"><p>一、项目编号：SL-2024-0320</p><p>二、中标信息：供应商名称：样例智算科技有限公司，
中标金额：1,280,000.00元</p><p>三、主要标的：GPU服务器1台，配置8卡NVIDIA H800 80GB</p><p>采购人：示例大学</p></div></div>
</body></html>"""


def test_facts_and_findings_point_at_their_source_text() -> None:
    (result,) = process_bytes(PAGE.encode("utf-8"), "page.html")
    assert result.failure is None and result.relevant
    notice = result.notice
    assert notice is not None
    for fact in (notice.title, notice.buyer, notice.project_no, *notice.suppliers):
        assert fact is not None
        assert 0 <= fact.start < fact.end <= len(result.text), fact
        assert result.text[fact.start:fact.end] == fact.raw, fact
    for finding in result.findings:
        assert 0 <= finding.start < finding.end <= len(result.text)
        assert finding.evidence and result.text[finding.start:finding.end] in finding.evidence


def test_same_bytes_give_the_same_result() -> None:
    first = process_bytes(PAGE.encode("utf-8"), "page.html")
    second = process_bytes(PAGE.encode("utf-8"), "page.html")
    assert first == second


def test_bad_input_is_a_failed_result_not_an_exception() -> None:
    for data in (b"", b"\x00\xff" * 100, b"%PDF-1.7\n truncated", b"PK\x03\x04broken zip"):
        results = process_bytes(data, "bad.pdf")
        assert results and all(r.failure is not None for r in results)
        assert all(r.failure.detail for r in results if r.failure is not None)


def test_a_listed_credit_code_next_to_a_supplier_is_a_hit_whatever_the_name() -> None:
    from tenderwatch.parties import resolve_parties

    text = (
        "示例大学服务器采购项目成交公告\n采购人：示例大学\n"
        "成交供应商：样例光电有限公司（统一社会信用代码：9113100033607322XK）\n成交金额：12万元\n"
    )
    (result,) = process_bytes(text.encode("utf-8"), "uscc.txt")
    resolve_parties(result)
    supplier = next(p for p in result.parties if p.role == "supplier")
    assert supplier.hits, supplier
    assert any("9113100033607322XK" in " ".join(hit["reasons"]) for hit in supplier.hits)
    buyer = next(p for p in result.parties if p.role == "buyer")
    assert buyer.hits == []  # the code sits by the supplier, not the buyer


def test_credit_codes_on_one_line_belong_to_the_party_they_follow() -> None:
    from tenderwatch.parties import resolve_parties

    text = (
        "示例大学服务器采购项目成交公告\n"
        "采购人：示例大学；成交供应商：样例光电有限公司，统一社会信用代码：9113100033607322XK；成交金额：12万元\n"
    )
    (result,) = process_bytes(text.encode("utf-8"), "one-line.txt")
    resolve_parties(result)
    hits = {p.role: bool(p.hits) for p in result.parties}
    assert hits.get("supplier") is True and hits.get("buyer") is False


def test_merged_finding_keeps_every_mention_traceable_in_the_export_row() -> None:
    from tenderwatch.pipeline import process_bytes
    from tenderwatch.store.docrow import doc_row

    text = "公开招标公告\n采购人：某大学\n发布日期：2024年3月1日\n采购亚马逊云AWS服务。AWS账号1个；AWS对象存储。"
    (result,) = process_bytes(text.encode("utf-8"), "aws.txt")
    row = doc_row(result)
    (aws,) = [f for f in row["findings"] if f["provider"] == "AWS" and not f["item"]]
    assert len(aws["mentions"]) == 4  # 亚马逊云, AWS, AWS, AWS
    for mention in aws["mentions"]:
        start, end = mention["span"]
        assert mention["raw"] == result.text[start:end] and mention["raw"] in mention["evidence"]
    assert aws["rule_status"] == "not_restricted" and aws["controlled"] is False


def test_notice_and_its_findings_share_one_date() -> None:
    """An intention list dated only in its text (公开时间：2025年06月30日): the notice showed "date
    unknown" while its finding's status was taken on 2025-06-30 (issue 9, notice 408)."""
    from pathlib import Path

    from tenderwatch.pipeline import process_bytes

    examples = Path(__file__).resolve().parents[2] / "tenderwatch" / "examples"
    path = next(examples.rglob("intention-list-h20-row.xlsx"))
    (result,) = process_bytes(path.read_bytes(), str(path))
    assert result.notice is not None and result.notice.notice_date is not None
    date = result.notice.notice_date
    assert date.value == "2025-06-30" and result.text[date.start:date.end] == date.raw == "2025年06月30日"
    assert all("(on 2025-06-30)" in f.control_status for f in result.findings if not f.negated)


def test_crawl_record_region_and_url_are_kept_and_exported() -> None:
    import json

    from tenderwatch.pipeline import process_bytes
    from tenderwatch.store.docrow import doc_row

    record = {"id": "R-1", "title": "某大学GPU服务器采购项目公开招标公告", "area": "广东",
              "url": "https://ggzy.example.gov.cn/jyxx/R-1.html", "sourceName": "示例公共资源交易网",
              "content": "公开招标公告\n采购人：某大学\n发布日期：2024年3月1日\n采购NVIDIA H100 GPU 8块，预算金额：100万元。"}
    results = process_bytes(json.dumps([record], ensure_ascii=False).encode("utf-8"), "crawl.json")
    (result,) = [r for r in results if r.notice is not None]
    row = doc_row(result)
    assert row["region"] == "广东"
    assert row["url"] == "https://ggzy.example.gov.cn/jyxx/R-1.html"
    assert row["site"] == "示例公共资源交易网"


def _lots_notice(lot1: str, lot2: str) -> bytes:
    return ("某某大学显卡采购项目成交结果公告\n发布时间：2024-02-27\n采购人：某某大学\n四、成交信息\n"
            "包1：甲科技有限公司，成交金额：67,200.00元\n包2：乙电子有限公司，成交金额：119,992.00元\n"
            "成交总金额：￥187,192.00\n五、主要标的信息\n包号\t名称\t规格型号\t数量\t成交供应商\n"
            f"1\t显卡\t{lot1}\t4块\t甲科技有限公司\n2\t显卡\t{lot2}\t8块\t乙电子有限公司\n").encode()


def test_a_lot_of_uncontrolled_us_cards_is_part_of_the_purchase_a_domestic_lot_is_not() -> None:
    # an RTX 4090D lot beside an RTX 4090 lot: both buy US accelerators (the export's items), so the
    # amount is the notice's; a lot of domestic cards is not part of it (only the A100 lot's amount)
    (both,) = process_bytes(_lots_notice("GeForce RTX 4090 24G", "GeForce RTX 4090D 24G"), "a.txt")
    assert both.relevant and both.amount_cny == 187192.0
    (one,) = process_bytes(_lots_notice("NVIDIA A100 80GB PCIe", "华为昇腾910B加速卡"), "b.txt")
    assert one.relevant and one.amount_cny == 67200.0
