"""Scanning notices screens their parties for the notice's date: a supplier on one of the fuller
lists only (an Inspur unit added to the Entity List on 2025-03-28, 90 FR 14048) is a hit with its
list, listing date and meaning; a notice from before the listing says "listed later"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tenderwatch.scan import scan
from tenderwatch.store.db import Store
from tenderwatch.store.queries import iter_rows

NOTICE = """示例大学GPU服务器采购项目成交公告
{date} 来源：示例政府采购网

一、项目编号：SL-{no}
二、项目名称：示例大学GPU服务器采购项目
三、成交信息
供应商名称：浪潮电子信息产业股份有限公司
成交金额：人民币壹佰贰拾万元整（￥1,200,000.00）
四、主要标的信息
名称\t品牌\t规格型号\t数量\t单价（元）
GPU服务器\t浪潮\tNF5688M7（8卡NVIDIA H800 80GB）\t2台\t600,000.00
五、采购人信息
名称：示例大学
"""


def _scan(tmp_path: Path) -> tuple[dict[str, dict[str, object]], list[tuple[object, ...]]]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "before.txt").write_text(NOTICE.format(date="2024年09月10日", no="2024-0910"), encoding="utf-8")
    (folder / "after.txt").write_text(NOTICE.format(date="2025年06月12日", no="2025-0612"), encoding="utf-8")
    db = tmp_path / "s.db"
    with Store(db) as store:
        scan([folder], store)
        rows = {str(row["path"]): row for row in iter_rows(store)}
    conn = sqlite3.connect(db)
    try:
        hits = conn.execute("SELECT d.path, h.list_name, h.listed_since, h.listed_on_date, h.list_meaning"
                            " FROM screen_hits h JOIN documents d ON d.id = h.doc_id ORDER BY d.path").fetchall()
    finally:
        conn.close()
    return rows, hits


def _entity_list_hit(row: dict[str, object]) -> dict[str, object]:
    screening = row["screening"]
    assert isinstance(screening, list)
    return next(h for h in screening if h["role"] == "supplier" and h["list"] == "Entity List")


def test_a_supplier_only_on_the_new_lists_is_a_hit_dated_by_the_notice(tmp_path: Path) -> None:
    rows, stored = _scan(tmp_path)
    after, before = _entity_list_hit(rows["after.txt"]), _entity_list_hit(rows["before.txt"])
    for hit in (after, before):
        assert hit["entry_name"] == "Inspur Electronic Information Industry Co., Ltd."
        assert hit["listed_since"] == "2025-03-28"
        assert str(hit["list_meaning"]).startswith("BIS Entity List: a licence is needed")
    assert after["listed_on_date"] is True and "listed on 2025-06-12" in after["reasons"][0]  # type: ignore[index]
    assert before["listed_on_date"] is False
    assert "listed later (after 2024-09-10)" in before["reasons"][0]  # type: ignore[index]
    # the store's columns carry the same facts (the Overview counts read them)
    by_path = {(path, lst): (since, on, meaning) for path, lst, since, on, meaning in stored}
    assert by_path[("before.txt", "BIS Entity List")][:2] == ("2025-03-28", 0)
    assert by_path[("after.txt", "BIS Entity List")][:2] == ("2025-03-28", 1)
