"""A listed company's announcement: who acts in it, and the fields of a purchase it discloses.

A listed company announces contracts of its own and of its subsidiaries. It is a lead only when its
side buys or leases (``X向Y采购/购买/租用``, ``买方：<our subsidiary>``); when its side sells, provides
or wins a tender (``向客户提供``, ``作为服务提供方``, ``确认公司为…中标单位``) it is a seller's page.

Our side is the company (its letterhead line or the board's signature), ``公司``/``本公司``, and every
subsidiary it introduces (``全资子公司杭州某某科技有限公司（以下简称“某某”）``) with its short names.
For a purchase: buyer = the contracting entity on our side, supplier = the counterparty (交易对方),
amount = the contract amount (含税 before 不含税), never a terminated contract's total, a credit line,
registered capital, revenue or a cumulative related-party amount; the date is the announcement's
(the signature under 董事会), not the signing or board-meeting date.

PDF text breaks names across lines (``杭州某某智算科技有\\n限公司``): the text is read with those line
breaks removed, with a map back to source positions. Every pass is a regular-expression scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tenderwatch.notice.amounts import find_money, tax_flag
from tenderwatch.notice.dates import DATE, date_value
from tenderwatch.notice.labels import vocab

_CJK = "\u4e00-\u9fff"
_BREAK = re.compile(rf"(?<=[{_CJK}A-Za-z0-9(（])\n(?=[{_CJK}A-Za-z0-9)）])")
_ALIAS = re.compile(r"\((?:[^()\n]{0,30}?[,，、;；])?\s*(?:以下)?(?:简称|下称)[:：]?\s*[“\"'「]([^”\"'」()\n]{1,16})[”\"'」]"
                    r"(?:\s*(?:或|、|,|，)\s*[“\"'「]([^”\"'」()\n]{1,16})[”\"'」])?")
_NAME_CHARS = re.compile(rf"[{_CJK}A-Za-z0-9()（）·]{{2,60}}$")
# Words that end the text before a name: the name starts after the last of them.
# (PDF lines are joined, so a heading such as "一、合同签署概况" can end right before a name)
_BEFORE_NAME = re.compile(r".*(?:子公司|孙公司|附属公司|公司与|与|向|由|和|及|同|对|日|为|将|其|的|:|："
                          r"|概况|概述|情况|简介|关联方|关联人|交易对方|合同对方)")
# (附属公司: a Hong Kong announcement's subsidiary, "本公司之间接全资附属公司X")
_SUBSIDIARY = re.compile(rf"(?:全资|控股|控制的|参股|下属|二级)?(?:子公司|孙公司|附属公司)(?:[{_CJK}]{{0,6}}公司)?\s*"
                         rf"([{_CJK}A-Za-z0-9()（）]{{4,40}}?(?:有限责任公司|股份有限公司|有限公司|公司))")
_OURS_GENERIC = ("本公司", "公司", "我司", "我公司")
# X向Y<verb>: the act, its subject before 向 and its object after it
_ACT = re.compile(r"向([^,，。;；\n]{1,40}?)(?:拟)?(采购|购买|购置|订购|租用|承租|租赁|提供|出租|销售|出售)")
_BUY_VERBS = frozenset({"采购", "购买", "购置", "订购", "租用", "承租", "租赁"})
# X与Y签订《…采购合同》: the contract's name says what our side does
_SIGN = re.compile(r"与([^,，。;；\n]{2,60}?)(?:\([^()\n]{0,60}\))?\s*(?:正式)?(?:签订|签署|订立)了?\s*"
                   r"(?:《([^》\n]{1,40})》|([^,，。;；\n《]{0,20}?(?:合同|协议)))")
_BUY_CONTRACT = re.compile(r"采购|购买|购销|购置|买卖|承租|租用")
_SELL_CONTRACT = re.compile(r"销售|出租")
_CLAUSE_STOP = re.compile(r"[。;；\n]|[,，](?!\d)")
_ROLE = re.compile(r"(甲方|乙方|买方|卖方|承租方|出租方|采购方|供货方|供应方|服务方|委托方|受托方)"
                   r"(?:\((买方|卖方|承租方|出租方|采购方|供货方|服务方)\))?\s*[:：]\s*([^;；,，。\n]{2,60})")
_BUYER_ROLES = frozenset({"买方", "承租方", "采购方", "委托方"})
_SELLER_ROLES = frozenset({"卖方", "出租方", "供货方", "供应方", "服务方", "受托方"})
_SELLS = re.compile(r"作为(?:服务提供方|服务方|供货方|出租方|供应商|卖方|承建方)|向客户提供|为客户提供"
                    r"|确认(?:本?公司|我司)为[^\n]{0,60}?中标|收到[^\n]{0,60}?中标通知书|销售合同|项目中标")
_COUNTERPARTY_HEAD = re.compile(r"(?:交易对方|合同对方|交易对手方|关联方|对方当事人)[^\n]{0,12}(?:\n|$)")
_NAME_LABEL = re.compile(r"(?:公司名称|企业名称|名称)\s*[:：\t]\s*([^\t\n;；,，]{4,60})")
# (总代价: the consideration of a Hong Kong announcement's sale and purchase agreement)
_AMOUNT_LABEL = re.compile(r"(?:合同(?:总)?(?:金额|价款|总价|价格)|总价款|交易(?:总)?金额|租赁(?:总)?金额|服务费总额|总代价)")
_NOT_THIS_CONTRACT = re.compile(r"终止|解除|退还|退回|原合同|原采购|授信|注册资本|营业收入|营收|累计|预计额度|担保|投资总额|占公司")
_BOARD_DATE = re.compile(r"董事会\s*\n?\s*")
# a numbered section of the announcement ("一、原采购合同终止情况"): about a terminated contract or not
_SECTION = re.compile(r"(?m)^[ \t]*[一二三四五六七八九十]{1,3}[、.][^\n]*")
_TERMINATED_HEAD = re.compile(r"终止|解除|撤销|取消")
# the company builds or deploys computing of its own (a project filing): its side acquires
_OWN_PROJECT = re.compile(r"(?:投资建设|拟投资|建设内容|规划部署|部署)[^。;；\n]{0,40}?(?:服务器|GPU|算力|智算|显卡|计算卡)")


@dataclass(slots=True)
class Side:
    """Who acts in the announcement and, when its side buys, the purchase's fields (spans are source
    positions in the text given to :func:`disclosure_side`)."""

    buys: bool = False
    sells: bool = False
    builds: bool = False  # neither buys nor sells under a contract, but builds or deploys computing itself
    evidence: str = ""
    buyer: tuple[str, int, int] | None = None
    supplier: tuple[str, int, int] | None = None
    amount: tuple[float, str, int, int, bool | None] | None = None  # value_cny, raw, start, end, tax included
    date: tuple[str, int, int] | None = None
    ours: list[str] = field(default_factory=list)


class _Joined:
    """The text with line breaks inside words removed, and a map back to source positions."""

    __slots__ = ("pos", "text")

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        pos: list[int] = []
        last = 0
        for m in _BREAK.finditer(text):
            pieces.append(text[last:m.start()])
            pos.extend(range(last, m.start()))
            last = m.end()
        pieces.append(text[last:])
        pos.extend(range(last, len(text)))
        pos.append(len(text))
        self.text = "".join(pieces)
        self.pos = pos

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.pos[start], self.pos[end - 1] + 1 if end > start else self.pos[start]


@lru_cache(maxsize=1)
def _form_end() -> re.Pattern[str]:
    forms = sorted(vocab().org_forms, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, forms)) + r")\)?$")


def name_before(text: str, end: int) -> tuple[str, int] | None:
    """The organisation name that ends at ``end`` (before an alias bracket), with its start."""
    m = _NAME_CHARS.search(text, max(0, end - 60), end)
    if m is None:
        return None
    run = m.group(0)
    form = _form_end().search(run)
    if form is None:
        return None
    head = _BEFORE_NAME.match(run, 0, form.start())
    start = head.end() if head else 0
    name = run[start:]
    if len(name) < 4 or name in _OURS_GENERIC:
        return None
    return name, m.start() + start


def _clean(raw: str) -> str:
    name = raw.strip(" \t:：")
    m = re.match(rf"[{_CJK}A-Za-z0-9()（）·]+", name)
    return m.group(0) if m else ""


class _Parties:
    """Names and short names of our side and of the others, from the announcement's own definitions."""

    def __init__(self, joined: _Joined) -> None:
        text = joined.text
        self.full: dict[str, tuple[str, int, int]] = {}  # short or full name -> (full name, start, end)
        self.ours: set[str] = set(_OURS_GENERIC)
        head = text[:600]
        for line in head.split("\n")[:8]:  # the letterhead: "浙江某某科技股份有限公司"
            line = line.strip()
            if 6 <= len(line) <= 40 and _form_end().search(line) and _NAME_CHARS.fullmatch(line):
                self._add(line, text.find(line), ours=True)
                break
        for m in _SUBSIDIARY.finditer(text):
            found = name_before(text, m.end(1))
            if found is not None:
                self._add(found[0], found[1], ours=True)
        for m in _ALIAS.finditer(text):
            found = name_before(text, m.start())
            if found is None:
                continue
            name, start = found
            short = [a for a in m.groups() if a]
            ours = name in self.ours or any(a in ("公司", "本公司") for a in short)
            self._add(name, start, ours=ours)
            for alias in short:
                self.full.setdefault(alias, self.full[name])
                if ours:
                    self.ours.add(alias)

    def _add(self, name: str, start: int, ours: bool) -> None:
        if start < 0:
            return
        self.full.setdefault(name, (name, start, start + len(name)))
        if ours:
            self.ours.add(name)

    def resolve(self, words: str) -> tuple[str, int, int] | None:
        """The full name a short or full name in ``words`` stands for: the one named last (nearest the
        verb: "公司全资子公司X拟向…" is X acting), the longest among those ending there."""
        best: tuple[str, int, int] | None = None
        rank = (-1, 0)
        for short, full in self.full.items():
            at = words.rfind(short)
            if at >= 0 and (at + len(short), len(short)) > rank:
                best, rank = full, (at + len(short), len(short))
        return best

    def is_ours(self, words: str) -> bool:
        hit = max((w for w in self.ours if w in words), key=len, default="")
        if not hit:
            return False
        if hit in _OURS_GENERIC:  # "公司" as the tail of another company's full name is not us
            named = name_before(words.rstrip(), len(words.rstrip()))
            if named is not None and named[0] not in self.ours:
                return False
        others = max((w for w in self.full if w in words and w not in self.ours), key=len, default="")
        return len(hit) >= len(others)


def disclosure_side(text: str) -> Side:
    """Who acts in a listed company's announcement (``text``: normalised), and a purchase's fields."""
    joined = _Joined(text)
    jt = joined.text
    parties = _Parties(joined)
    side = Side(ours=sorted(parties.ours))
    buys: list[tuple[int, str, str, str]] = []  # (position, subject words, object words, evidence)
    sells = 0
    for m in _ACT.finditer(jt):
        clause_start = max((s.end() for s in _CLAUSE_STOP.finditer(jt, max(0, m.start() - 80), m.start())),
                           default=max(0, m.start() - 80))
        subject = jt[clause_start:m.start()]
        obj, verb = m.group(1), m.group(2)
        evidence = jt[clause_start:m.end()]
        subject_ours = parties.is_ours(subject)
        object_ours = parties.is_ours(obj) and not subject_ours
        if verb in _BUY_VERBS:
            if subject_ours or (not subject.strip() and not parties.is_ours(obj)):
                buys.append((m.start(), subject, obj, evidence))
            elif parties.resolve(subject) is not None:
                sells += 1  # the counterparty buys from us
        elif subject_ours and "客户" not in subject:
            sells += 1
            side.evidence = side.evidence or evidence
        elif object_ours:
            buys.append((m.start(), obj, subject, evidence))
        elif "客户" in obj:
            sells += 1
            side.evidence = side.evidence or evidence
    for m in _SIGN.finditer(jt):
        clause_start = max((s.end() for s in _CLAUSE_STOP.finditer(jt, max(0, m.start() - 80), m.start())),
                           default=max(0, m.start() - 80))
        subject = jt[clause_start:m.start()]
        contract = m.group(2) or m.group(3) or ""
        if not parties.is_ours(subject) or parties.is_ours(m.group(1)):
            continue
        if _BUY_CONTRACT.search(contract):
            buys.append((m.start(), subject, m.group(1), jt[clause_start:m.end()]))
        elif _SELL_CONTRACT.search(contract):
            sells += 1
            side.evidence = side.evidence or jt[clause_start:m.end()]
    buys.sort(key=lambda b: b[0])
    roles = _roles(jt, parties)
    sells += sum(1 for _ in _SELLS.finditer(jt))
    if roles.buyer_ours is True:
        buys.append((roles.at, roles.buyer, roles.seller, roles.evidence))
    elif roles.buyer_ours is False:
        sells += 1
    if len(buys) > sells:
        side.buys = True
        _purchase(side, joined, parties, buys, roles)
    elif sells:
        side.sells = True
        if not side.evidence:
            first = _SELLS.search(jt)
            side.evidence = first.group(0) if first else "the company's side provides or sells"
    elif (own := _OWN_PROJECT.search(jt)) is not None:
        side.builds = True
        side.evidence = own.group(0)
    return side


@dataclass(slots=True)
class _Roles:
    buyer: str = ""
    seller: str = ""
    at: int = 0
    evidence: str = ""
    buyer_ours: bool | None = None  # None: no buyer role named


def _roles(text: str, parties: _Parties) -> _Roles:
    """``买方：A；卖方：B`` / ``甲方（承租方）：A``: which side buys, by the role labels."""
    out = _Roles()
    for m in _ROLE.finditer(text):
        role = m.group(2) or m.group(1)
        name = _clean(m.group(3))
        if not name:
            continue
        if role in _BUYER_ROLES and not out.buyer:
            out.buyer, out.at, out.evidence, out.buyer_ours = name, m.start(), m.group(0), parties.is_ours(name)
        elif role in _SELLER_ROLES and not out.seller:
            out.seller = name
    return out


def _purchase(side: Side, joined: _Joined, parties: _Parties, buys: list[tuple[int, str, str, str]],
              roles: _Roles) -> None:
    jt = joined.text
    at, subject, obj, evidence = buys[0]
    side.evidence = evidence.strip()
    buyer = parties.resolve(subject) if parties.is_ours(subject) else None
    role_buyer = roles.buyer  # the contract's own 买方 / 承租方 is the contracting entity
    if role_buyer and roles.buyer_ours and _form_end().search(role_buyer):
        found = jt.find(role_buyer)
        if found >= 0:
            buyer = (role_buyer, found, found + len(role_buyer))
    if buyer is None:
        buyer = _letterhead(jt, parties)
    supplier = parties.resolve(obj) or _named_in_full(jt, obj, at)
    role_seller = roles.seller
    if role_seller and _form_end().search(role_seller) and not parties.is_ours(role_seller):
        found = jt.find(role_seller)
        if found >= 0:
            supplier = (role_seller, found, found + len(role_seller))
    if supplier is None or parties.is_ours(supplier[0]):
        supplier = _counterparty(jt, parties)
    if buyer is not None:
        side.buyer = (buyer[0], *joined.span(buyer[1], buyer[2]))
    if supplier is not None and supplier[0] not in parties.ours:
        side.supplier = (supplier[0], *joined.span(supplier[1], supplier[2]))
    side.amount = _contract_amount(joined, at)
    side.date = _signature_date(joined)


def _named_in_full(text: str, words: str, at: int) -> tuple[str, int, int] | None:
    """The organisation the act's object words end with, written in full where the act is
    ("与上海某某有限公司签订《…采购合同》"), when the announcement gives it no short name."""
    pos = text.find(words, at)
    found = name_before(text, pos + len(words)) if pos >= 0 else None
    if found is None:
        return None
    return found[0], found[1], found[1] + len(found[0])


def _letterhead(text: str, parties: _Parties) -> tuple[str, int, int] | None:
    for name in parties.ours:
        if name not in _OURS_GENERIC and name in parties.full and _form_end().search(name):
            return parties.full[name]
    return None


def _counterparty(text: str, parties: _Parties) -> tuple[str, int, int] | None:
    """The first name under a 交易对方 / 关联方 heading."""
    for head in _COUNTERPARTY_HEAD.finditer(text):
        m = _NAME_LABEL.search(text, head.end(), head.end() + 400)
        if m is not None:
            name = _clean(m.group(1))
            if name and not parties.is_ours(name) and _form_end().search(name):
                return name, m.start(1), m.start(1) + len(name)
    return None


def _contract_amount(joined: _Joined, at: int) -> tuple[float, str, int, int, bool | None] | None:
    """The contract amount: a labelled amount (合同金额, 总价款 ...) in a sentence that is not about
    another contract (terminated, original) or another figure (credit line, capital, revenue);
    the one nearest after the act first, 含税 before 不含税."""
    text = joined.text
    found: list[tuple[int, float, str, int, int, bool | None]] = []
    for m in _AMOUNT_LABEL.finditer(text):
        sentence_start = max((s.end() for s in re.finditer(r"[。;；\n]", text[max(0, m.start() - 120):m.start()])),
                             default=0) + max(0, m.start() - 120)
        stop = re.compile(r"[。;；\n]").search(text, m.end())
        sentence_end = stop.start() if stop else len(text)
        sentence = text[sentence_start:sentence_end]
        if _NOT_THIS_CONTRACT.search(sentence):
            continue
        tail = text[m.end():min(sentence_end, m.end() + 60)]
        for money in find_money(tail)[:2]:
            if money.currency != "CNY" or money.value <= 0:
                continue
            raw = tail[money.start:money.end]
            context = tail[money.start:money.end + 12]
            tax = tax_flag(context)
            order = 0 if m.start() >= at else 1
            found.append((order * 10 + (1 if tax is False else 0), money.value, raw,
                          m.end() + money.start, m.end() + money.end, tax))
            break
    if not found:
        return None
    found.sort(key=lambda f: (f[0], abs(f[3] - at)))
    _, value, raw, start, end, tax = found[0]
    s, e = joined.span(start, end)
    return value, raw, s, e, tax


def terminated_sections(text: str) -> list[tuple[int, int]]:
    """Spans of the sections headed as a terminated or cancelled contract ("一、原采购合同终止情况"):
    what they name was not bought."""
    heads = list(_SECTION.finditer(text))
    spans = []
    for n, head in enumerate(heads):
        if _TERMINATED_HEAD.search(head.group(0)):
            end = heads[n + 1].start() if n + 1 < len(heads) else len(text)
            spans.append((head.start(), end))
    return spans


def _signature_date(joined: _Joined) -> tuple[str, int, int] | None:
    """The date under the board's signature (else the last full date of the announcement)."""
    text = joined.text
    last: tuple[str, int, int] | None = None
    for board in _BOARD_DATE.finditer(text, max(0, len(text) - 400)):
        m = DATE.match(text, board.end())
        if m is not None and (value := date_value(m)) and len(value) == 10:
            last = (value, *joined.span(m.start(), m.end()))
    if last is not None:
        return last
    for m in DATE.finditer(text, max(0, len(text) - 200)):
        value = date_value(m)
        if value and len(value) == 10:
            last = (value, *joined.span(m.start(), m.end()))
    return last
