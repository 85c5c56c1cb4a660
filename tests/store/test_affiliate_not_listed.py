"""An affiliate of a listed party (a city-named subsidiary, issue 11) is a hit to review, not a
listed party: the headline's "listed on the notice date" counts leave it out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tenderwatch.read import Limits
from tenderwatch.scan import process_file
from tenderwatch.store.db import Store
from tenderwatch.store.leads import LeadFilter, query_leads
from tenderwatch.store.overview import overview
from tenderwatch.store.priority import priority

LEAD = """示例大学GPU服务器采购项目中标公告
2024年03月12日
一、项目编号：SL-2024-0312
二、中标信息 供应商名称：样例科技有限公司 中标金额：120万元
三、主要标的：8卡H800服务器 2台
四、采购人信息 名称：示例信息产业(苏州)有限公司
"""


@pytest.mark.parametrize(("relation", "counted"), [("match", 1), ("affiliate", 0)])
def test_only_a_listed_party_itself_counts_as_listed(tmp_path: Path, relation: str, counted: int) -> None:
    data = LEAD.encode("utf-8")
    (result,) = process_file(data, "a.txt", Limits(), 60.0)
    assert result.relevant
    buyer = next(p for p in result.parties if p.role == "buyer")
    buyer.hits = [{"list_name": "BIS Entity List", "list": "Entity List", "entry_id": "1",
                   "entry_name": "Shili Information Industry Co., Ltd.", "score": 0.95, "relation": relation,
                   "reasons": ["test"], "listed_since": "2023-03-06", "listed_on_date": True,
                   "list_meaning": "licence required"}]
    with Store(tmp_path / "s.db") as store:
        store.save_file("a.txt", data, result.sha256, "v", [result])
        numbers = overview(store)
        filtered = query_leads(store, LeadFilter(listed="on_date")).total
    assert numbers["listed_on_date_buyers"] == counted
    assert numbers["listed_on_date_leads"] == counted
    assert filtered == counted  # the Leads page's "listed on the notice date" filter agrees


@pytest.mark.parametrize(("relation", "named"), [("match", True), ("affiliate", False)])
def test_priority_gives_listing_points_only_to_a_listed_party(relation: str, named: bool) -> None:
    hit = {"role": "buyer", "name": "示例信息产业(苏州)有限公司", "list": "Entity List", "relation": relation,
           "listed_since": "2023-03-06", "listed_on_date": True}
    row = {"relevant": True, "findings": [], "screening": [hit]}
    plain = priority({**row, "screening": []})
    scored = priority(row)
    assert (scored[0] > plain[0]) is named
    assert any("Entity List" in reason for reason in scored[1]) is named
