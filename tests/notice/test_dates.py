from __future__ import annotations

import pytest

from tenderwatch.notice.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年10月27日 15:20", "2021-10-27"),
        ("发布时间：2025/5/20", "2025-05-20"),
        ("2025-05-27 20:20", "2025-05-27"),
        ("2024.3.5", "2024-03-05"),
        ("二〇二四年三月五日", "2024-03-05"),
        ("二〇二四年十月十七日", "2024-10-17"),
        ("二○二三年十二月三十一日", "2023-12-31"),
        ("Issue Date 17 September 2024", "2024-09-17"),
        ("September 17, 2024", "2024-09-17"),
        ("2026年3月", "2026-03"),
    ],
)
def test_parse_date(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_impossible_dates_are_skipped() -> None:
    assert parse_date("2024-13-45") is None
    assert parse_date("电话 0571-2024-0930") is None
    assert parse_date("") is None
