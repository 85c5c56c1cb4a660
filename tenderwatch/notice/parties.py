"""Buyer, agency and suppliers: pick the labelled candidates and clean the names."""

from __future__ import annotations

import re

from tenderwatch.notice.labels import vocab
from tenderwatch.notice.scan import Pair, Scan

_CUT = re.compile(r"[\t,;，；。]|\s{2,}|\s(?=地址|联系|电话)|(?:地址|联系人|联系方式|联系电话)[:：]")
_NOTE = re.compile(r"\((?:[^()]*?(?:以下|简称|盖章|公章|签字)[^()]*)\)?$")
_WRAP_TAIL = re.compile(r"[^\s,;，；。:：()\t]{1,12}")
_PLACEHOLDER = re.compile(r"^(?:详见|见附件|无|/|待定|略|暂无|—|-|N/?A|不适用|以.{0,6}为准)")
_JUNK = re.compile(r"_{2,}|盖章|签字|\d{3,}[-—]\d{3,}")
_ENGLISH_ORG = re.compile(
    r"(?:^|[.:]\s+)(?P<name>The\s+[A-Z][A-Za-z&'. ]{3,80}?(?:University|Council|Authority|Department|Hospital|"
    r"Institute|Company|Limited|Bureau|Commission|Board|Office))\b",
    re.M,
)


def clean_name(raw: str, supplier: bool = False) -> str:
    """First name in ``raw``; a bracketed note after a company form is dropped for suppliers."""
    text = raw.strip()
    m = _CUT.search(text)
    if m:
        text = text[: m.start()]
    text = text.strip(" :：.、")
    if "(" in text:
        note = _NOTE.search(text)
        if note:
            text = text[: note.start()]
    if supplier and "(" in text:
        head = text[: text.index("(")]
        if head.endswith(vocab().company_forms):
            text = head
    return text.strip()


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
    _, _, name, start, end = cands[0]
    offices = vocab().offices
    for _, _, other, ostart, oend in cands[1:]:
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


def agency(scan: Scan) -> tuple[str, int, int] | None:
    return _party(scan.text, scan.pairs, "agency")


_CONTINUE = frozenset("城校区路街镇村园楼馆")
_TITLE_STOP = re.compile(r"\d|关于|[(（]")
_SITE_ORG = re.compile(r"[-_|｜—]\s*(?P<org>[^-_|｜—\s]{2,30}?(?:大学|学院|医院|研究院|研究所|科学院|公司))"
                       r"(?:[^-_|｜—\s]{0,12}(?:采购|招标|招投标|资产|设备|管理|办公室|中心|处|网))")


def site_org(title_line: str) -> str | None:
    """The institution whose own purchasing site published the page (``…公告-重庆大学采购与招标管理中心``)."""
    m = _SITE_ORG.search(title_line)
    return m.group("org") if m else None


_PROSE_BUYER = re.compile(r"(?:招标人|采购人|采购单位|项目业主|业主单位)(?:为|是)\s*(?P<org>[^\s,，。;；:：()]{4,40})")
_CONTACT = re.compile(r"联系人[:：]\s*(?P<org>\S{4,40})")


def office_org(line: str, need_office: bool) -> str | None:
    """``南京航空航天大学招标办公室`` -> ``南京航空航天大学``; ``…股份有限公司董事会`` -> the company."""
    line = line.strip()
    v = vocab()
    for office in v.offices:
        at = line.find(office) if need_office else (len(line) - len(office) if line.endswith(office) else -1)
        if at > 3:
            head = line[:at]
            if head.endswith(v.org_forms) and valid_name(head):
                return head
    if need_office or len(line) > 40 or not line.endswith(v.org_forms) or not valid_name(line):
        return None
    return line


def signature_org(text: str, lines: list[tuple[int, int]]) -> tuple[str, int] | None:
    """The organisation signing above the closing date (last lines of the notice)."""
    from tenderwatch.notice.dates import DATE

    tail = lines[-12:]
    for n in range(len(tail) - 1, 0, -1):
        start, end = tail[n]
        m = DATE.match(text, start, end)
        if m and m.end() >= end - 1:
            pstart, pend = tail[n - 1]
            org = office_org(text[pstart:pend], need_office=False)
            if org:
                return org, pstart
    return None


def prose_buyer(text: str) -> tuple[str, int] | None:
    """``…招标人为南京地铁运营有限责任公司，…`` -> the company."""
    forms = vocab().org_forms
    for m in _PROSE_BUYER.finditer(text):
        org = m.group("org")
        if org.endswith(forms) and valid_name(org):
            return org, m.start("org")
    return None


def contact_org(text: str) -> tuple[str, int] | None:
    """``联系人：重庆大学采购中心 向老师`` -> ``重庆大学``."""
    for m in _CONTACT.finditer(text):
        org = office_org(m.group("org"), need_office=True)
        if org:
            return org, m.start("org")
    return None


def org_prefix(text: str) -> str | None:
    """The organisation a title starts with (``金开新能源股份有限公司关于…`` -> the company)."""
    stop = _TITLE_STOP.search(text)
    if stop:
        text = text[: stop.start()]
    best = None
    for form in vocab().org_forms:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            nxt = text[end: end + 1]
            if end >= 4 and nxt not in _CONTINUE and (best is None or end > len(best)):
                candidate = text[:end]
                if valid_name(candidate) and len(candidate) <= 40:
                    best = candidate
            at = text.find(form, at + 1)
    return best


def english_buyer(text: str) -> tuple[str, int, int] | None:
    m = _ENGLISH_ORG.search(text)
    if m is None:
        return None
    return m.group("name"), m.start("name"), m.end("name")


def suppliers(scan: Scan, strict: bool) -> list[tuple[str, int, int]]:
    """Winners / proposed suppliers named by labels, contact blocks and winner columns."""
    out: list[tuple[str, int, int]] = []
    seen: set[str] = set()

    forms = vocab().org_forms

    def add(raw: str, start: int) -> None:
        name = clean_name(raw, supplier=True)
        end = start + len(name)
        if name and raw.startswith(name) and end == start + len(raw.rstrip()):
            name, end = complete_name(scan.text, name, end)
        if valid_name(name) and name not in seen and any(form in name for form in forms):
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
            winner_col = "中标" in table.keys[col] or "成交" in table.keys[col]
            if not (winner_col or table.section == "award"):
                continue
            for row in table.rows:
                if col < len(row):
                    add(row[col].text, row[col].start)
    return out


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
