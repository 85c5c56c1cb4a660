"""Small pieces of the workbench: highlighting, the read time limit, loopback detection."""

from __future__ import annotations

import sqlite3

import pytest

from tenderwatch.store.leads import fts_phrase, like_pattern
from tenderwatch.store.readlimit import QueryTimeout, time_limit
from tenderwatch.web.highlight import segments
from tenderwatch.web.security import is_loopback


def test_segments_cover_the_text_and_mark_overlaps() -> None:
    segs, bad = segments("abcdefghij", [(1, 2, 5), (2, 4, 7), (3, 8, 20), (4, -1, 2)])
    assert "".join(s.text for s in segs) == "abcdefghij"
    assert [(s.text, s.finding_ids) for s in segs] == [
        ("ab", ()), ("cd", (1,)), ("e", (1, 2)), ("fg", (2,)), ("hij", ()),
    ]
    assert [s.first_of for s in segs if s.first_of] == [(1,), (2,)]
    assert bad == [3, 4]


def test_segments_of_empty_text() -> None:
    assert segments("", [(1, 0, 1)]) == ([], [1])


def test_time_limit_interrupts_a_runaway_query() -> None:
    conn = sqlite3.connect(":memory:")
    with pytest.raises(QueryTimeout), time_limit(conn, 0.05):
        conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c").fetchone()
    assert conn.execute("SELECT 1").fetchone() == (1,)  # the connection still works


def test_search_text_is_quoted() -> None:
    assert fts_phrase('a" OR b') == '"a"" OR b"'
    assert like_pattern("5%_\\") == "%5\\%\\_\\\\%"


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False), ("192.168.1.5", False),
    ("example.org", False), ("", False), ("  ", False),  # an empty host binds every interface
])
def test_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
