"""Hostile repetition: findings stay bounded per item, the count is kept, the real lead survives."""

from __future__ import annotations

from tenderwatch.detect.bound import KEEP
from tenderwatch.detect.context import LINE_REACH, boundaries_ok, inside_identifier, line_bounds
from tenderwatch.pipeline import process_bytes

NOTICE = """某某研究院算力服务器采购项目询价公告
采购人：某某研究院
预算金额：980,000.00元
采购需求：AI训练服务器1台，配置8块NVIDIA H800 80GB
发布日期：2024年4月9日
"""


def test_a_clause_repeated_thousands_of_times_keeps_the_first_spans_and_the_count() -> None:
    text = NOTICE + "本批次采购GPU服务器配置A100，" * 3000
    (result,) = process_bytes(text.encode("utf-8"), "hostile.txt")
    assert result.relevant
    a100 = [f for f in result.findings if f.item == "A100"]
    assert 0 < len(a100) <= KEEP
    assert any("3000 in all" in f.reason for f in a100)
    assert any(f.item == "H800" and not f.negated for f in result.findings)


def test_a_glued_run_of_model_names_is_junk_and_the_lead_survives() -> None:
    (result,) = process_bytes((NOTICE + "H100" * 15000).encode("utf-8"), "glued.txt")
    assert result.relevant
    assert [f.item for f in result.findings if not f.negated] == ["H800"]


def test_boundary_walks_are_bounded_but_still_judge_short_runs() -> None:
    low = "x" * 10 + "h100" * 5000
    assert not boundaries_ok(low, 10 + 4 * 2500, 10 + 4 * 2501)
    assert inside_identifier(low, 10 + 4 * 2500, 10 + 4 * 2501)
    assert boundaries_ok("配置 h100 显卡", 3, 7)
    assert not inside_identifier("配置 h100-sxm5 显卡", 3, 7)


def test_line_bounds_are_read_within_a_reach_on_a_huge_line() -> None:
    low = "x" * (10 * LINE_REACH)
    start, end = line_bounds(low, 5 * LINE_REACH)
    assert (start, end) == (4 * LINE_REACH, 6 * LINE_REACH)
    assert line_bounds("ab\ncd h100 ef\ngh", 6) == (3, 13)
