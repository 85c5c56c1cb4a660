"""Buyer, agency and suppliers: pick the labelled candidates and clean the names."""

from __future__ import annotations

import re

from tenderwatch.notice.labels import label_key, org_form_re, vocab
from tenderwatch.notice.scan import Pair, Scan, Table

_CUT = re.compile(r"[\t;，；。]|,(?!\s*(?:Ltd|Limited|Inc|LLC|Co\b|Corp|PLC|GmbH|S\.A))|\s{2,}"
                  r"|\s(?=地址|联系|电话)|(?:地址|联系人|联系方式|联系电话)[:：]")
_NOTE = re.compile(r"\s*\((?:[^()]*?(?:以下|简称|盖章|公章|签字|(?i:the\s+[\"“'‘]|hereinafter|referred to as))[^()]*)\)?\.?$")
_SENTENCE_OPENERS = frozenset("本我该现兹特")
_WRAP_TAIL = re.compile(r"[^\s,;，；。:：()\t]{1,12}")
_PLACEHOLDER = re.compile(r"^(?:详见|见附件|(?:无|/|待定|略|暂无|—|-|N/?A|不适用)(?:$|[\s,，。;；(/])|以.{0,6}为准)")
_WINNER_WORDS = ("中标", "成交", "中选", "得标", "入围")
_LIST_SEP = re.compile("、")
_WIDEN_RANK = 3  # labels ranked up to this (采购人, 招标人 ...) may give a fuller form of the name
_JUNK = re.compile(r"_{2,}|盖章|签字|\d{3,}[-—]\d{3,}")


def clean_name(raw: str, supplier: bool = False) -> str:
    """First name in ``raw``; a bracketed note after a company form is dropped for suppliers.
    A label glued before the name (``名称：X`` under ``成交供应商：``) is dropped: no label word
    ever starts a name."""
    text = raw.strip()
    m = _CUT.search(text)
    if m:
        text = text[: m.start()]
    text = text.strip(" :：.、")
    text = _drop_label(text)
    if "(" in text:
        note = _NOTE.search(text)
        if note:
            text = text[: note.start()]
    if "(" in text and (supplier or text.endswith(")")):
        text = _drop_alias(text, supplier)
    return text.strip()


def _drop_alias(text: str, supplier: bool) -> str:
    """``某某有限公司(某某研究院)`` -> ``某某有限公司``: a bracket after a company's legal form is an
    alias or a note, not part of the name (a place inside the name, ``某某(上海)有限公司``, comes
    before the form; a status ``(筹)`` stays). Suppliers drop any bracket after the form."""
    v = vocab()
    cut = text.index("(")
    head = text[:cut]
    if not head.endswith(v.company_forms):
        return text
    if supplier:
        return head
    inner = text[cut + 1:-1].strip()
    if inner in v.name_status or "(" in inner or ")" in inner:
        return text
    return head


def _drop_label(text: str) -> str:
    """``名称:X`` / ``供应商名称：X`` -> ``X`` when the part before the first colon is a known label."""
    cut = text.find(":")
    if cut < 0:
        cut = text.find("：")
    if 0 < cut <= 16:
        labels = vocab().labels
        if label_key(text[:cut])[0] in labels:
            return text[cut + 1:].strip(" :：.、")
    return text


def complete_name(text: str, name: str, end: int) -> tuple[str, int]:
    """A name broken over two lines (PDF): ``中国科学院深圳先进技`` + ``术研究院`` -> the whole name.

    Only joins when the name does not already end with an organisation form and the
    joined one does. Returns the name and its end position.
    """
    forms = vocab().org_forms
    if name.endswith(forms) or end >= len(text) or text[end] != "\n":
        return name, end
    m = _WRAP_TAIL.match(text, end + 1)
    if m is None:
        return name, end
    tail = m.group(0)
    if tail[0] in _SENTENCE_OPENERS:  # "…资讯科技处" + "本院现邀请…": the next line is a new sentence
        return name, end
    for cut in range(len(tail), 0, -1):
        if (name + tail[:cut]).endswith(forms):
            return name + tail[:cut], end + 1 + cut
    return name, end


def valid_name(name: str) -> bool:
    if not 2 <= len(name) <= 60 or _PLACEHOLDER.match(name) or _JUNK.search(name):
        return False
    letters = sum(map(str.isalpha, name))
    return letters >= max(2, len(name) // 2)


def _best(cands: list[tuple[int, int, str, int, int]]) -> tuple[str, int, int] | None:
    """(rank, order, name, start, end) -> the best, widened to a fuller form that contains it."""
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    rank, _, name, start, end = cands[0]
    offices = vocab().offices
    for orank, _, other, ostart, oend in cands[1:]:
        if orank > max(rank, _WIDEN_RANK):  # 需求单位 / 使用单位 name a sub-unit (the end user), not the buyer
            continue
        if name in other and len(name) < len(other) <= len(name) + 20 and not other.rstrip(")").endswith(offices):
            name, start, end = other, ostart, oend
    return name, start, end


def _party(text: str, pairs: list[Pair], field_name: str) -> tuple[str, int, int] | None:
    cands = []
    for order, pair in enumerate(pairs):
        if pair.section == "bidders":
            continue
        rank = None
        if pair.field == field_name:
            rank = pair.rank
        elif pair.field == "name" and pair.ctx == field_name:
            rank = 2
        if rank is None:
            continue
        name = clean_name(pair.value)
        end = pair.start + len(name)
        if name and pair.value.startswith(name) and end == pair.end:
            name, end = complete_name(text, name, end)
        if valid_name(name):
            cands.append((rank, order, name, pair.start, end))
    return _best(cands)


def buyer(scan: Scan) -> tuple[str, int, int] | None:
    return _party(scan.text, scan.pairs, "buyer")


def table_buyer(scan: Scan) -> tuple[str, int, int] | None:
    """The buyer a table names in a buyer column (采购单位 | 采购项目名称 | … of an intention list), when
    every row names the same one; a list of several buyers' items names none of them as the buyer."""
    columns = vocab().buyer_columns
    for table in scan.tables:
        col = next((i for i, key in enumerate(table.keys) if key in columns), -1)
        if col < 0:
            continue
        cells = [row[col] for row in table.rows if len(row) == len(table.keys)]
        names = {cell.text for cell in cells}
        if len(names) == 1 and cells:
            name = clean_name(cells[0].text)
            if name and valid_name(name):
                return name, cells[0].start, cells[0].start + len(name)
    return None


def agency(scan: Scan) -> tuple[str, int, int] | None:
    return _party(scan.text, scan.pairs, "agency")


# Every alternative starts with a character of the leading class (a pattern that starts with a
# character class is searched fast): 确定…, 中标/中选/成交…, awarded/granted (the contract) to …
_PROSE_WINNER = re.compile(
    r"[确中成ag](?:(?<=确)定(?P<a>[^\s,，。;；:：]{4,40}?)为(?:本项目的?|本包的?)?(?:中标|成交|中选)(?:人|供应商|单位)"
    r"|(?:(?<=中)[标选]|(?<=成)交)(?:人|供应商|单位)(?:为|是)\s*(?P<b>[^\s,，。;；:：()]{4,40})"
    r"|(?:(?<=a)warded|(?<=g)ranted)(?: the (?:above |said |subject )?(?:contract|tender|project|order|quotation))? to\s+(?P<c>[A-Z][A-Za-z0-9&'.,() -]{3,80}?"
    r"(?:Company Limited|Co\.,? Ltd\.?|Limited|Ltd\.?|Inc\.?|LLC|Corporation|Company)))"
)
def prose_suppliers(text: str) -> list[tuple[str, int, int]]:
    """``确定北京某某科技有限公司为成交供应商`` / ``中标人为…公司`` / ``awarded to X Limited``."""
    out = []
    forms = vocab().company_forms
    for m in _PROSE_WINNER.finditer(text):
        org = (m.group("a") or m.group("b") or m.group("c") or "").strip()
        start = m.start("a") if m.group("a") else m.start("b") if m.group("b") else m.start("c")
        org = clean_name(org, supplier=True)
        if org and any(form in org for form in forms) and valid_name(org):
            out.append((org, start, start + len(org)))
    return out


def suppliers(scan: Scan, strict: bool) -> list[tuple[str, int, int]]:
    """Winners / proposed suppliers named by labels, contact blocks and winner columns."""
    out: list[tuple[str, int, int]] = []
    seen: set[str] = set()

    has_form = org_form_re().search

    def add(raw: str, start: int) -> None:
        if "、" in raw:  # "入围供应商：A公司、B公司、C公司": several winners in one value
            parts = _LIST_SEP.split(raw)
            if len(parts) > 1 and sum(1 for part in parts if has_form(part)) > 1:
                at = start
                for part in parts:
                    one(part, at)
                    at += len(part) + 1
                return
        one(raw, start)

    def one(raw: str, start: int) -> None:
        name = clean_name(raw, supplier=True)
        end = start + len(name)
        if name and raw.startswith(name) and end == start + len(raw.rstrip()):
            name, end = complete_name(scan.text, name, end)
        if valid_name(name) and name not in seen and has_form(name):
            seen.add(name)
            out.append((name, start, end))

    for pair in scan.pairs:
        if pair.section == "bidders":
            continue
        if (pair.field == "supplier" and (pair.rank <= 2 or not strict)) or (pair.field == "name" and pair.ctx == "supplier"):
            add(pair.value, pair.start)
    for table in scan.tables:
        if table.section == "bidders":
            continue
        for col, role in enumerate(table.roles):
            if role != "supplier":
                continue
            winner_col = any(w in table.keys[col] for w in _WINNER_WORDS)
            # a supplier next to an award / contract amount column is the winner of that row
            awarded = "award" in table.roles or "contract" in table.roles
            if not (winner_col or awarded or table.section == "award" or _winner_table(scan.text, table)):
                continue
            for row in table.rows:
                if col < len(row):
                    add(row[col].text, row[col].start)
    return out


def _winner_table(text: str, table: Table) -> bool:
    """The header says its rows are winners (``入围序号``, ``中标序号``), or the caption line above it
    does (``入围结果如下：``, ``成交信息``); a candidate or losing list never is."""
    v = vocab()
    for key in table.keys:
        if key.startswith(_WINNER_WORDS) and not any(w in key for w in v.losing):
            return True
    end = text.rfind("\n", 0, table.start)
    if end <= 0:
        return False
    caption = text[text.rfind("\n", 0, end) + 1:end].strip()
    return (len(caption) <= 40 and v.sections["award"].search(caption) is not None
            and not v.sections["bidders"].search(caption))


def lot_winners(text: str, heads: list[tuple[int, str]]) -> list[tuple[str, int, int]]:
    """``包1：成都某科技有限公司，地址：…`` -> the company named right after a lot header."""
    out = []
    company = vocab().company_forms
    for start, title in heads:
        name = clean_name(title, supplier=True)
        if not name or not name.endswith(company) or not valid_name(name):
            continue
        at = text.find(name, start)
        if at >= 0:
            out.append((name, at, at + len(name)))
    return out
