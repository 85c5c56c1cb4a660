"""The buyer where no label names it: an invitation sentence, a prose phrase, a label with no colon,
the signature above the closing date, the contact person's office, the purchasing site's name, the
organisation a title starts with, or an English letterhead ("The X University")."""

from __future__ import annotations

import re
from functools import lru_cache

from tenderwatch.notice.labels import vocab
from tenderwatch.notice.parties import valid_name

# Between the words of a name's "of …" part: spaces, or a line break after a word that cannot end the name
# ("… University of Science and⏎Technology" in a PDF); not after one that can: the next line is another
# line ("The X University of Science⏎Tender Notice: …").
_GAP = r"(?:[ \t]+|(?:(?<=\band)|(?<=\bof)|(?<=\bfor)|(?<=\bon)|(?<=\bthe)|(?<=&))[ \t]*\n[ \t]*)"
# the head nouns of an English organisation's name: public bodies, and the words a firm's or office's name ends with
_PUBLIC_BODIES = ("University|College|Polytechnic|Council|Authority|Department|Hospital|Institute|Bureau|Commission|"
                  "Board|Academy|Laboratory|Agency")
_FIRMS = "Company|Limited|Office|Centre|Center"
_SPACES, _WHITE = r"[ \t]+", r"\s+"


def _of_tail(gap: str) -> str:
    """The optional "of …" / "for …" part of a name ("Institute of Higher Education"), words apart by ``gap``."""
    return rf"(?:{gap}(?:for|of|on)(?:{gap}(?:and|&|the|of|for|[A-Z][A-Za-z'-]+))+)?"


_ENGLISH_ORG = re.compile(
    rf"(?:^|[.:]\s+)The (?P<name>(?:[A-Z][A-Za-z&'.]*\s+){{0,8}}(?:{_PUBLIC_BODIES}|{_FIRMS}){_of_tail(_GAP)})\b",
    re.M,
)
# "The X (the Institute)", "The X (the “University”)", "The X (hereinafter …)": the document defines a
# short name for the body, so its name proper is written without the article.
_DEFINED = re.compile(r"[ \t]*\((?:[Tt]he[ \t]+[\"“”'‘’]?[A-Z]|[\"“”'‘’][A-Z]|[Hh]ereinafter\b)")
_PROSE_PUNCT = re.compile(r"[,，。;；:：!?！？]")


_CONTINUE = frozenset("城校区路街镇村园楼馆")
_TITLE_STOP = re.compile(r"\d|关于|[(（]")
_SITE_ORG = re.compile(r"[-_|｜—]\s*(?P<org>[^-_|｜—\s]{2,30}?(?:大学|学院|医院|研究院|研究所|科学院|公司))"
                       r"(?:[^-_|｜—\s]{0,12}(?:采购|招标|招投标|资产|设备|管理|办公室|中心|处|网))")


def site_org(title_line: str) -> str | None:
    """The institution whose own purchasing site published the page (``…公告-重庆大学采购与招标管理中心``)."""
    m = _SITE_ORG.search(title_line)
    return m.group("org") if m else None


_PROSE_BUYER = re.compile(r"(?:招标人|采购人|采购单位|项目业主|业主单位)\s*(?:为|是)\s*(?P<org>[^\s,，。;；:：()]{4,40})")
# the agent's opening sentence: "某招标代理有限公司受某某医院委托，对…进行公开招标" (the principal buys)
_ENTRUSTED = re.compile(r"受(?P<org>[^\s,，。;；:：()受]{4,40}?)(?:的)?(?:委托|之托)")
_ENTRUSTED_WITHIN = 600
_ROLE_WORDS = frozenset({"采购人", "招标人", "业主单位", "采购单位", "建设单位", "项目业主", "委托人", "甲方"})


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
    """``…招标人为南京地铁运营有限责任公司，…`` -> the company; ``…招标代理有限公司受某某医院委托，…`` -> the
    hospital (the principal of the agent that publishes)."""
    forms = vocab().org_forms
    # the agent's sentence opens its notice (a list of projects may retell one further down)
    for pattern, end in ((_PROSE_BUYER, len(text)), (_ENTRUSTED, min(len(text), _ENTRUSTED_WITHIN))):
        for m in pattern.finditer(text, 0, end):
            org = m.group("org")
            if org.endswith(forms) and org not in _ROLE_WORDS and valid_name(org):
                return org, m.start("org")
    return None


_CLAUSE_END = re.compile(r"[\n,，。;；:：!！?？]")
_CLAUSE_MAX = 60  # an inviting organisation starts its clause within this many characters
_INVITE_LEAD = ("现", "特", "谨", "诚", "兹", "特此", "现诚")
_INVITED = re.compile(r"供应商|投标|报价|响应|参与|参加|厂商|有意|磋商|谈判|竞价")


def invite_buyer(text: str) -> tuple[str, int] | None:
    """``香港某某大学资讯科技处现邀请供应商就下列物品提交报价`` -> ``香港某某大学``: the organisation
    that invites suppliers, bids or quotations (the Chinese counterpart of "X invites quotations")."""
    at = text.find("邀")
    while at >= 0:
        if at == 0 or text[at - 1] != "受":  # 受邀 is the invitee
            lo = max(0, at - _CLAUSE_MAX)
            start = max(text.rfind(c, lo, at) for c in "\n,，。;；:：") + 1
            end_m = _CLAUSE_END.search(text, at, at + 30)
            end = end_m.start() if end_m else at + 30
            if (start > 0 or lo == 0) and _INVITED.search(text, at, end):
                head = text[start:at].strip()
                if head.endswith(("诚", "敬")):
                    head = head[:-1]
                for lead in _INVITE_LEAD:
                    if head.endswith(lead):
                        head = head[: -len(lead)]
                        break
                org = org_prefix(head) if head else None
                if org:
                    org = office_org(org, need_office=False) or org
                    return org, start + (len(text[start:at]) - len(text[start:at].lstrip()))
        at = text.find("邀", at + 1)
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
    # The label must open the text, a line or a clause: ``spaced_buyer`` checks that, so the pattern
    # starts with the label words and is searched fast.
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})[ \t]*(?![为是])"
                      rf"(?P<org>[^\s,，。;；:：()]{{2,40}}?(?:{forms}))"
                      rf"(?=[\s,，。;；]|$|(?:{'|'.join(others)})[ \t]*[:：])", re.M)


_CLAUSE_START = frozenset(",，;；。")


def spaced_buyer(text: str) -> tuple[str, int] | None:
    """``采购人 某某有限公司 联系人：…`` (a label, a space, no colon) -> the organisation."""
    pattern = _spaced_labels()
    m = pattern.search(text)
    while m is not None:
        at = m.start()
        if at and not (text[at - 1] in _CLAUSE_START or text[at - 1].isspace()):
            m = pattern.search(text, at + 1)  # inside a word: not a label
            continue
        org = m.group("org")
        if valid_name(org):
            return org, m.start("org")
        m = pattern.search(text, m.end())
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
                if valid_name(candidate) and len(candidate) <= 40 and not _PROSE_PUNCT.search(candidate):
                    best = candidate
            at = text.find(form, at + 1)
    return best


# "Harbour Lutheran College invites quotations …": a capitalised organisation name, without an article,
# opening its sentence right before "invites"
_ENGLISH_INVITER = re.compile(
    rf"(?:^|[.:]\s+)(?P<name>(?!The\b)(?:[A-Z][A-Za-z&'.-]*\s+){{1,8}}?(?:{_PUBLIC_BODIES}|School|{_FIRMS}))"
    r"\s+(?:hereby\s+)?invites\s+(?:tenders|quotations|bids|offers|proposals)\b",
    re.M,
)


def english_inviter(text: str) -> tuple[str, int, int] | None:
    """The organisation that ``invites quotations`` (or tenders, bids …), named without ``The``."""
    m = _ENGLISH_INVITER.search(text) if "invites" in text else None
    return None if m is None else (m.group("name"), m.start("name"), m.end("name"))


def _named_body(text: str, kind: str) -> tuple[str, int, int] | None:
    """The first name proper of a body of this kind (``Lion Rock Institute of Higher Education`` for
    ``Institute``): capitalised words before the kind word, and an of/for tail."""
    pattern = re.compile(rf"(?<![A-Za-z])(?P<name>(?!The\b)(?:[A-Z][A-Za-z&'.-]*[ \t]+){{1,8}}{kind}"
                         rf"{_of_tail(_SPACES)})\b")
    m = pattern.search(text)
    return None if m is None else (m.group("name"), m.start("name"), m.end("name"))


def english_buyer(text: str) -> tuple[str, int, int] | None:
    """``The X Institute for Y`` -> the name with its article, unless the document also writes it without
    one (a letterhead line ``X Institute for Y``): then that form."""
    m = _ENGLISH_ORG.search(text) if "The " in text else None  # the pattern needs "The "
    if m is None:
        return None
    name = m.group("name")
    if " " not in name:  # "The Institute": a reference back to the body named elsewhere
        named = _named_body(text, name)
        if named is not None:
            return named
    if _DEFINED.match(text, m.end("name")):
        return name, m.start("name"), m.end("name")
    at = text.find(name)
    while at >= 0:
        if not text[max(0, at - 4):at].lower().endswith("the "):
            return name, m.start("name"), m.end("name")
        at = text.find(name, at + 1)
    start = m.start("name") - 4
    return text[start:m.end("name")], start, m.end("name")


# the part of a page's <title> after its last separator, when it is an organisation's name proper
_TITLE_TAIL_CHARS = 200
_TITLE_TAIL = re.compile(r"(?:\s[-–—|]\s|\s*[|｜]\s*)(?P<name>[^-–—|｜]+)$")
_ENGLISH_BODY = re.compile(rf"(?:[A-Z][A-Za-z&'.-]*\s+){{1,8}}(?:{_PUBLIC_BODIES}|School){_of_tail(_WHITE)}")


def english_title_org(title: str) -> str | None:
    """The organisation an English page's <title> ends with ("Invitation to Quote: … - Victoria Harbour
    College"): a site names itself there. A public body's name proper only (not a portal or a newspaper)."""
    m = _TITLE_TAIL.search(title.strip()[-_TITLE_TAIL_CHARS:])  # a site's name ends it (and a hostile title is long)
    if m is None:
        return None
    name = m.group("name").strip()
    return name if _ENGLISH_BODY.fullmatch(name) and not name.startswith("The ") else None
