"""Lots (包/标段/采购包/包组/标项) and item-table rows.

A lot is either a section that starts with a lot header line (``包1：…``,
``标包：A``, ``第二标段``) and runs to the next lot header or section heading, or
one data row of a table that has a lot column; in a 采购意向 list every project
row is a lot. Spans here are in the normalised text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tenderwatch.model import ItemRow
from tenderwatch.notice.scan import Scan, Table

_LOT_HEAD = re.compile(
    r"^[ \t]*(?:第\s*(?P<n1>[一二三四五六七八九十\d]{1,3})\s*(?:包|标段|采购包|包组|标项|分标)"
    r"|(?:采购包|标包|包组|标段|标项|分包|包|(?i:lot))\s*(?P<n2>[A-Za-z]?\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})"
    r"(?=\s*[:：\t ,，、()\-—]|$)"
    r"|(?:标包|包号|采购包|标段)\s*[:：]\s*(?P<n3>[A-Za-z\d]{1,3})(?=\s|$|[,，;；])"
    r"|(?P<n4>[A-Z\d]{1,2}|[一二三四五六七八九十]{1,3})\s*(?:包|标段|标包)(?=\s*[:：\t ,，、)]|$))",
    re.M,
)
_SECTION_END = re.compile(
    r"^[ \t]*(?:[一二三四五六七八九十]{1,3}\s*[、.]|第[一二三四五六七八九十]{1,3}[章节部分]"
    r"|(?:成交|中标|合同|项目)?(?:总金额|总价|总计|合计)|说明|注[:：])",
    re.M,
)
# The same patterns run on "\n" + text: a literal first character is found fast, where a
# multi-line "^" is tried at every position. m.start() is then the line start in text. The lot header's
# look-ahead holds the first characters of its four forms, so a line starting otherwise (most lines) is
# dropped by one class test instead of each form tried in turn.
_LOT_HEAD_INDENT = r"^[ \t]*"
assert _LOT_HEAD.pattern.startswith(_LOT_HEAD_INDENT)
_LOT_HEAD_NL = re.compile(r"\n[ \t]*(?=[第采标包分lLA-Z\d一二三四五六七八九十])" + _LOT_HEAD.pattern[len(_LOT_HEAD_INDENT):],
                          re.M)
_SECTION_END_NL = re.compile("\n" + _SECTION_END.pattern[1:], re.M)


class LotSpan:
    """A lot in normalised coordinates (converted to ``model.Lot`` by the parser)."""

    __slots__ = ("end", "key", "numbered", "start", "table", "title")

    def __init__(self, key: str, title: str, start: int, end: int, table: Table | None = None,
                 numbered: bool = True) -> None:
        self.key = key
        self.title = title
        self.start = start
        self.end = end
        self.table = table
        self.numbered = numbered  # the key is the notice's own lot number (not a row count)


def _norm_key(key: str) -> str:
    digits = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
              "十": "10"}
    key = key.strip().upper()
    return digits.get(key, key)


def find_lots(scan: Scan, intention: bool) -> list[LotSpan]:
    text = scan.text
    lots: list[LotSpan] = []
    in_table: set[int] = set()
    for table in scan.tables:
        lot_col = table.roles.index("lot") if "lot" in table.roles else -1
        money_col = any(r in ("budget", "award", "contract", "ceiling", "total") for r in table.roles)
        winners = "supplier" in table.roles and table.section != "bidders" and len(table.rows) > 1 and any(
            r in ("award", "contract") for r in table.roles)
        if lot_col < 0 and not (intention and money_col and "name" in table.roles) and not winners:
            continue
        name_col = table.roles.index("name") if "name" in table.roles else -1
        for n, (row, span) in enumerate(zip(table.rows, table.spans, strict=True)):
            key = row[lot_col].text if 0 <= lot_col < len(row) else str(n + 1)
            title = row[name_col].text if 0 <= name_col < len(row) else ""
            lots.append(LotSpan(_norm_key(re.sub(r"^(?:包|标包|采购包|包组|标段)", "", key) or key), title,
                                span[0], span[1], table, lot_col >= 0))
            in_table.add(span[0])
    nl_text = "\n" + text  # the patterns start with a literal "\n": positions in text are one less
    found = list(_LOT_HEAD_NL.finditer(nl_text))
    if found:
        heads = [m.start() for m in found]
        ends = sorted(set(heads) | {m.start() for m in _SECTION_END_NL.finditer(nl_text)})
        for m in found:
            start, head_end = m.start(), m.end() - 1
            if start in in_table:
                continue
            i = bisect_left(ends, start)
            stop = ends[i + 1] - 1 if i + 1 < len(ends) else len(text)
            line_end = text.find("\n", head_end)
            title = text[head_end: line_end if line_end >= 0 else len(text)].strip(" :：\t")[:60]
            key = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4") or ""
            lots.append(LotSpan(_norm_key(key), title, start, max(stop, start), None))
    if intention and not lots:
        lots = _project_blocks(scan)
    lots.sort(key=lambda lot: lot.start)
    return lots


def _project_blocks(scan: Scan) -> list[LotSpan]:
    """An intention list written as blocks (``1.采购项目名称：…`` then its 预算金额 …): each block,
    from one project-name label to the next, is a project (a lot)."""
    text = scan.text
    starts = [p for p in scan.pairs if p.field == "title"]
    if len(starts) < 2:
        return []
    out = []
    for n, pair in enumerate(starts):
        begin = text.rfind("\n", 0, pair.start) + 1
        stop = text.rfind("\n", 0, starts[n + 1].start) if n + 1 < len(starts) else len(text)
        out.append(LotSpan(str(n + 1), pair.value[:60], begin, max(stop, begin), None, False))
    return out


def item_rows(scan: Scan) -> list[tuple[ItemRow, int, int]]:
    """Rows of goods tables: (row, start, end) in normalised coordinates."""
    out: list[tuple[ItemRow, int, int]] = []
    for table in scan.tables:
        roles = table.roles
        if "name" not in roles or not ({"brand", "model", "unit_price", "quantity"} & set(roles)):
            continue
        if "supplier" in roles and table.section == "bidders":
            continue

        def cell(row: list[str], role: str, roles: list[str] = roles) -> str:
            if role not in roles:
                return ""
            col = roles.index(role)
            return row[col] if col < len(row) else ""

        for row, (start, end) in zip(table.rows, table.spans, strict=True):
            texts = [c.text for c in row]
            name = cell(texts, "name")
            if not name:
                continue
            out.append((ItemRow(name, cell(texts, "brand"), cell(texts, "model"), cell(texts, "quantity"),
                                cell(texts, "unit_price")), start, end))
    return out
