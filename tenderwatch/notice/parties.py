"""Buyer, agency and suppliers: pick the labelled candidates and clean the names."""

from __future__ import annotations

import re
from functools import lru_cache

from tenderwatch.notice.labels import label_key, vocab
from tenderwatch.notice.scan import Pair, Scan

_CUT = re.compile(r"[\t;，；。]|,(?!\s*(?:Ltd|Limited|Inc|LLC|Co\b|Corp|PLC|GmbH|S\.A))|\s{2,}"
                  r"|\s(?=地址|联系|电话)|(?:地址|联系人|联系方式|联系电话)[:：]")
_NOTE = re.compile(r"\((?:[^()]*?(?:以下|简称|盖章|公章|签字)[^()]*)\)?$")
_WRAP_TAIL = re.compile(r"[^\s,;，；。:：()\t]{1,12}")
_PLACEHOLDER = re.compile(r"^(?:详见|见附件|(?:无|/|待定|略|暂无|—|-|N/?A|不适用)(?:$|[\s,，。;；(/])|以.{0,6}为准)")
_WINNER_WORDS = ("中标", "成交", "中选", "得标", "入围")
_WIDEN_RANK = 3  # labels ranked up to this (采购人, 招标人 ...) may give a fuller form of the name
_JUNK = re.compile(r"_{2,}|盖章|签字|\d{3,}[-—]\d{3,}")
_ENGLISH_ORG = re.compile(
    r"(?:^|[.:]\s+)The (?P<name>(?:[A-Z][A-Za-z&'.]*\s+){0,8}(?:University|Council|Authority|Department|Hospital|"
    r"Institute|Company|Limited|Bureau|Commission|Board|Office|Centre|Center|Academy|Laboratory|Agency)"
    r"(?:\s+(?:for|of|on)(?:\s+(?:and|&|the|of|for|[A-Z][A-Za-z'-]+))+)?)\b",
    re.M,
)
# "The X (the Institute)", "The X (the “University”)", "The X (hereinafter …)": the document defines a
# short name for the body, so its name proper is written without the article.
_DEFINED = re.compile(r"[ \t]*\((?:[Tt]he[ \t]+[\"“”'‘’]?[A-Z]|[\"“”'‘’][A-Z]|[Hh]ereinafter\b)")
_PROSE_PUNCT = re.compile(r"[,，。;；:：!?！？]")


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
    if supplier and "(" in text:
        head = text[: text.index("(")]
        if head.endswith(vocab().company_forms):
            text = head
    return text.strip()


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


_PROSE_BUYER = re.compile(r"(?:招标人|采购人|采购单位|项目业主|业主单位)\s*(?:为|是)\s*(?P<org>[^\s,，。;；:：()]{4,40})")
_PROSE_WINNER = re.compile(
    r"确定(?P<a>[^\s,，。;；:：]{4,40}?)为(?:本项目的?|本包的?)?(?:中标|成交|中选)(?:人|供应商|单位)"
    r"|(?:中标|成交|中选)(?:人|供应商|单位)(?:为|是)\s*(?P<b>[^\s,，。;；:：()]{4,40})"
    r"|(?:awarded|granted) to\s+(?P<c>[A-Z][A-Za-z0-9&'.,() -]{3,80}?(?:Company Limited|Co\.,? Ltd\.?|Limited|Ltd\.?|Inc\.?|LLC|Corporation|Company))"
)
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


@lru_cache(maxsize=1)
def _spaced_labels() -> re.Pattern[str]:
    """A buyer label, then (normalisation dropped the space) an organisation, then a separator or
    another label: ``采购人长沙某某有限公司联系电话:…``."""
    v = vocab()
    words = sorted((k for k, (f, _) in v.labels.items() if f == "buyer" and len(k) >= 2 and not k.isascii()),
                   key=len, reverse=True)
    others = [re.escape(w) for w in v.written if len(w) >= 2 and not w.isascii()]
    forms = "|".join(map(re.escape, v.org_forms))
    return re.compile(rf"(?:^|(?<=[\s,，;；。]))(?:{'|'.join(map(re.escape, words))})[ \t]*(?![为是])"
                      rf"(?P<org>[^\s,，。;；:：()]{{2,40}}?(?:{forms}))"
                      rf"(?=[\s,，。;；]|$|(?:{'|'.join(others)})[ \t]*[:：])", re.M)


def spaced_buyer(text: str) -> tuple[str, int] | None:
    """``采购人 某某有限公司 联系人：…`` (a label, a space, no colon) -> the organisation."""
    for m in _spaced_labels().finditer(text):
        org = m.group("org")
        if valid_name(org):
            return org, m.start("org")
    return None


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
                if valid_name(candidate) and len(candidate) <= 40 and not _PROSE_PUNCT.search(candidate):
                    best = candidate
            at = text.find(form, at + 1)
    return best


def english_buyer(text: str) -> tuple[str, int, int] | None:
    """``The X Institute for Y`` -> the name with its article, unless the document also writes it without
    one (a letterhead line ``X Institute for Y``): then that form."""
    m = _ENGLISH_ORG.search(text)
    if m is None:
        return None
    name = m.group("name")
    if _DEFINED.match(text, m.end("name")):
        return name, m.start("name"), m.end("name")
    at = text.find(name)
    while at >= 0:
        if not text[max(0, at - 4):at].lower().endswith("the "):
            return name, m.start("name"), m.end("name")
        at = text.find(name, at + 1)
    start = m.start("name") - 4
    return text[start:m.end("name")], start, m.end("name")


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
            winner_col = any(w in table.keys[col] for w in _WINNER_WORDS)
            # a supplier next to an award / contract amount column is the winner of that row
            awarded = "award" in table.roles or "contract" in table.roles
            if not (winner_col or awarded or table.section == "award"):
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
