"""XLSX 采购意向 lists: one document per workbook, rows as tab-separated lines."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from tenderwatch.model import FailReason, ReadFailure
from tenderwatch.read import read_bytes

from .builders import one_doc


def build_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "意向"
    ws.append(["采购项目名称", "采购需求概况", "预算金额（万元）", "预计采购时间"])
    ws.append(["GPU服务器采购", "采购8卡H20服务器2台", 560.0, dt.datetime(2025, 3, 1)])
    ws.append([None, None, None, None])
    ws.append(["云服务", None, 12.5, "2025年06月"])
    second = wb.create_sheet("说明")
    second["B2"] = "以上为意向，以采购公告为准"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_rows_and_sheets() -> None:
    doc = one_doc(read_bytes(build_xlsx(), "intent.xlsx"))
    assert doc.fmt == "xlsx"
    assert doc.text.split("\n") == [
        "[意向]",
        "采购项目名称\t采购需求概况\t预算金额（万元）\t预计采购时间",
        "GPU服务器采购\t采购8卡H20服务器2台\t560\t2025-03-01",
        "云服务\t\t12.5\t2025年06月",
        "[说明]",
        "\t以上为意向，以采购公告为准",
    ]
    assert doc.path == "intent.xlsx"


def test_empty_workbook_is_no_text() -> None:
    buf = io.BytesIO()
    openpyxl.Workbook().save(buf)
    results = read_bytes(buf.getvalue(), "empty.xlsx")
    assert len(results) == 1
    fail = results[0]
    assert isinstance(fail, ReadFailure) and fail.reason is FailReason.NO_TEXT


def test_an_intention_workbook_gets_its_title_and_the_buyer_signed_under_the_list() -> None:
    from tenderwatch.pipeline import process_bytes

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "采购意向"
    ws.append(["2025年第二季度政府采购意向公开"])
    ws.append(["序号", "采购项目名称", "采购需求概况", "预算金额（元）", "预计采购时间", "备注"])
    ws.append([1, "医用耗材采购", "一次性医用耗材", 1200000, "2025年4月"])
    ws.append([2, "医学影像AI算力平台", "GPU服务器1台（配置4块NVIDIA A100 80GB）", 1850000, "2025年5月"])
    ws.append(["采购单位：示例市第一人民医院", None, None, None, "公开日期：2025年3月28日"])
    buf = io.BytesIO()
    wb.save(buf)
    (result,) = process_bytes(buf.getvalue(), "intention.xlsx")
    notice = result.notice
    assert result.relevant and notice is not None
    # the "[采购意向]" line the reader writes before the sheet's rows is not the title
    assert notice.title is not None and notice.title.value == "2025年第二季度政府采购意向公开"
    # the signature line under the list ends the table (it was read as a wrapped row of it)
    assert notice.buyer is not None and notice.buyer.value == "示例市第一人民医院"
    assert notice.notice_date is not None and notice.notice_date.value == "2025-03-28"
    assert result.amount_cny == 1850000


def _intentions(buyers: list[str]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "采购意向"
    ws.append(["采购单位", "采购项目名称", "采购需求概况", "预算金额（万元）", "预计采购时间"])
    for i, buyer in enumerate(buyers):
        ws.append([buyer, f"算力租赁{i}", "租用A800 GPU算力服务，不少于128卡", 560, "2026年9月"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_an_intention_list_of_one_buyer_names_it_and_is_an_intention() -> None:
    """The 采购单位 column names the buyer when every row names the same one; the 预计采购时间 column is the
    intention format's own."""
    from tenderwatch.pipeline import process_bytes

    (one,) = process_bytes(_intentions(["某市大数据中心", "某市大数据中心"]), "intent.xlsx")
    assert one.notice.buyer is not None and one.notice.buyer.value == "某市大数据中心"
    assert one.notice.notice_type == "intention" and one.relevant
    (many,) = process_bytes(_intentions(["某市大数据中心", "某市气象局"]), "intents.xlsx")
    assert many.notice.buyer is None  # a list of several buyers' plans names none of them as the buyer
