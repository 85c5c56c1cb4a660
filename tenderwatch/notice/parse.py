"""``parse_notice``: read the fields of one notice from its normalised text.

Reader hints in ``doc.meta`` (crawl exports, page templates) win over prose; a
fact from ``meta`` has span ``-1``. Every other fact, amount, lot and item row
carries its span in ``doc.text`` (mapped through ``NormText.to_source``) and the
raw text as written there.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left

from tenderwatch.model import Amount, Fact, ItemRow, Lot, NoticeFields, TextDoc
from tenderwatch.normalize import NormText, normalize
from tenderwatch.notice import frames, parties
from tenderwatch.notice.amounts import find_money, tax_flag
from tenderwatch.notice.dates import RANGE_AFTER, date_pattern, date_value, parse_date, taiwanese
from tenderwatch.notice.furniture import clean_value, drop_type_prefix, furniture, furniture_zones, in_zones
from tenderwatch.notice.kind import clean_title, guess_title, notice_kind
from tenderwatch.notice.labels import vocab
from tenderwatch.notice.lots import LotSpan, find_lots, item_rows
from tenderwatch.notice.money import collect
from tenderwatch.notice.offices import institution
from tenderwatch.notice.scan import Pair, Scan, scan_text

log = logging.getLogger(__name__)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_DEADLINE = re.compile(r"截止|开标|开启|获取|递交|提交|期限|至|原公告|(?i:closing|deadline|opening|submission|due)")
_SHEET_NAME = re.compile(r"\[[^\[\]\n]*\]")
# a date that opens a sentence of the body ("2024年9月2日，公司与…签订") dates its event, not the page
_CLAUSE_AFTER = re.compile(r"[ \t]*[，,][ \t]*[\u4e00-\u9fffA-Za-z]")
# Words before a date label that make it some other date ("原公告发布日期", "投标截止日期", "Closing date";
# 首次公告日期: the first notice's date that the national 更正公告 format repeats before the 更正日期).
_NOT_PUBLISHED = re.compile(r"原|首次|截止|开标|开启|递交|提交|获取|(?i:closing|deadline|opening|submission|due|expiry)")
_KIND = {"corrected": "other"}
_PUBLICATION_RANK = 2  # date labels ranked up to this name the publication (3: a bare 日期 / Date)


class _Src:
    """Map normalised spans to source spans and raw text."""

    __slots__ = ("doc", "identity", "norm")

    def __init__(self, doc: TextDoc, norm: NormText) -> None:
        self.doc = doc
        self.norm = norm
        self.identity = norm.identity  # to_source returns spans unchanged

    def fact(self, name: str, value: object, start: int, end: int) -> Fact:
        s, e = (start, end) if self.identity else self.norm.to_source(start, end)
        return Fact(name, self.doc.text[s:e], value, s, e)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return (start, end) if self.identity else self.norm.to_source(start, end)


# The reader hints the parser reads (the others: site, region, template ... are not normalised).
_META_KEYS = frozenset({"title", "notice_type_hint", "pub_date", "buyer", "agency", "project_no", "winner",
                        "budget", "bid_amount"})


def _norm_meta(doc: TextDoc) -> dict[str, str]:
    """The reader hints the parser reads, normalised in one call (NFKC, traditional -> simplified);
    plain ASCII values need no normalising."""
    out: dict[str, str] = {}
    keys = []
    for k, v in doc.meta.items():
        if k in _META_KEYS and v and "\n" not in v:
            if v.isascii():
                out[k] = v
            else:
                keys.append(k)
    if not keys:
        return out
    joined = normalize("\n".join(doc.meta[k] for k in keys)).text.split("\n")
    if len(joined) != len(keys):
        out.update((k, normalize(doc.meta[k]).text) for k in keys)
    else:
        out.update(zip(keys, joined, strict=True))
    return out


def _meta_fact(doc: TextDoc, meta: dict[str, str], key: str, name: str) -> Fact | None:
    raw = (doc.meta.get(key) or "").strip()
    if not raw:
        return None
    return Fact(name, raw, (meta.get(key) or raw).strip())


def _date(scan: Scan, src: _Src, doc: TextDoc, meta: dict[str, str]) -> tuple[Fact | None, str]:
    """The publication date and how it was found (see ``NoticeFields.date_source``)."""
    raw = doc.meta.get("pub_date", "")
    text = scan.text
    roc = taiwanese(text, doc.encoding)
    date_re = date_pattern(roc)
    if raw:
        value = parse_date(meta.get("pub_date", raw), roc)
        if value is None and raw.strip().isdigit() and len(raw.strip()) in (10, 13):
            from datetime import datetime, timedelta, timezone

            stamp = int(raw.strip()) / (1000 if len(raw.strip()) == 13 else 1)
            value = datetime.fromtimestamp(stamp, timezone(timedelta(hours=8))).date().isoformat()
        if value:
            return Fact("notice_date", raw, value), "meta"
    dated = [p for p in scan.pairs if p.field == "date"]
    dated.sort(key=lambda p: p.rank)
    # publication labels (发布时间, 信息时间, 更正日期, Published …) first; a bare 日期 / Date after the top line
    found = _labelled_date(text, src, [p for p in dated if p.rank <= _PUBLICATION_RANK], date_re)
    if found is not None:
        return found, "label"
    lines = scan.head()
    for n, (start, end) in enumerate(lines):  # a date heading the notice: "2021年10月27日 15:20 来源:…"
        m = date_re.match(text, start, end)
        if m and (value := date_value(m)) and len(value) == 10:
            if n and _DEADLINE.search(text, lines[n - 1][0], lines[n - 1][1]):
                continue  # "(二)响应文件递交截止" then the deadline on its own line
            if RANGE_AFTER.match(text, m.end()) or _DEADLINE.search(text, m.end(), end):
                continue  # "2024年3月1日至3月8日 获取文件", "2024年3月8日9:30 开标": a period or a deadline
            if _CLAUSE_AFTER.match(text, m.end(), end):
                continue  # "2024年9月2日，公司与某某签订了…": a sentence of the body, dated by its event
            return src.fact("notice_date", value, m.start(), m.end()), "head"
    found = _labelled_date(text, src, [p for p in dated if p.rank > _PUBLICATION_RANK], date_re, bare=True)
    if found is not None:
        return found, "bare"
    for start, end in reversed(scan.tail()):  # the date under the signature
        m = date_re.match(text, start, end)
        if m and m.end() >= end - 1 and (value := date_value(m)) and len(value) == 10:
            return src.fact("notice_date", value, m.start(), m.end()), "signature"
    for m in date_re.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _DEADLINE.search(text, line_start, m.start()):
            continue
        value = date_value(m)
        if value and len(value) == 10:
            return src.fact("notice_date", value, m.start(), m.end()), "body"
    return None, ""


def _labelled_date(text: str, src: _Src, pairs: list[Pair], date_re: re.Pattern[str],
                   bare: bool = False) -> Fact | None:
    """The first full date among date pairs, skipping those whose label is qualified as another
    date ("原公告发布日期", "投标截止日期", "Closing date"); with ``bare``, a generic label
    (日期, Date) only counts standing alone ("合同签订日期" is not a publication date)."""
    for pair in pairs:
        line_start = text.rfind("\n", 0, pair.start) + 1
        if _NOT_PUBLISHED.search(text, max(line_start, pair.start - len(pair.label) - 12), pair.start):
            continue
        if bare:
            head = text[max(line_start, pair.start - len(pair.label) - 8):pair.start].rstrip(" \t:：")
            if len(head) > len(pair.label) and head[-len(pair.label) - 1].isalpha():
                continue
        m = date_re.search(pair.value)
        if m and (value := date_value(m)) and len(value) == 10:
            return src.fact("notice_date", value, pair.start + m.start(), pair.start + m.end())
    return None


def _title(scan: Scan, src: _Src, doc: TextDoc, meta: dict[str, str]) -> Fact | None:
    fact = _meta_fact(doc, meta, "title", "title")
    if fact is not None:
        fact.value = clean_title(str(fact.value))
        return fact
    zones = furniture_zones(scan.text)  # never the title of a listed other notice
    lines = (line for line in scan.iter_lines() if not in_zones(zones, line[0])) if zones else scan.iter_lines()
    if doc.fmt == "xlsx":  # the "[name]" line the reader puts before each sheet's rows is not a title
        lines = (line for line in lines if not _SHEET_NAME.fullmatch(scan.text, line[0], line[1]))
    span = guess_title(scan.text, lines)
    if span is None:
        return None
    return src.fact("title", clean_title(scan.text[span[0]:span[1]]), *span)


def _party_fact(src: _Src, name: str, found: tuple[str, int, int] | None) -> Fact | None:
    if found is None:
        return None
    return src.fact(name, found[0], found[1], found[2])


_FRAME_FIELDS = frozenset({"buyer", "agency", "supplier", "project_no", "budget", "ceiling", "award", "contract"})


def _framed(scan: Scan, kind: str, title: Fact | None) -> bool:
    """The document is a procurement notice (a type cue, procurement labels or a procurement title),
    not news or commentary that only mentions organisations."""
    if kind != "other" or any(p.field in _FRAME_FIELDS for p in scan.pairs):
        return True
    return title is not None and vocab().frame.search(str(title.value)) is not None


def _buyer(scan: Scan, src: _Src, doc: TextDoc, meta: dict[str, str], title: Fact | None, kind: str) -> Fact | None:
    """The buyer, as the institution when the notice names its purchasing office (:mod:`.offices`)."""
    fact = _find_buyer(scan, src, doc, meta, title, kind)
    if fact is None or not isinstance(fact.value, str):
        return fact
    named = _full_english_name(scan.text, fact.value)
    if named is not None:  # "The Institute awarded …" -> the Institute's full name on the page
        return src.fact("buyer", named[0], named[1], named[1] + len(named[0]))
    titled = _full_english_name(doc.meta.get("page_title", ""), fact.value)
    if titled is not None:  # only in the page's <title> (its header and footer are not the notice's text)
        return Fact("buyer", titled[0], titled[0])
    head = institution(fact.value)
    if head == fact.value:
        return fact
    at = fact.raw.find(head)
    if at >= 0 and fact.start >= 0:
        return Fact(fact.name, head, head, fact.start + at, fact.start + at + len(head))
    return Fact(fact.name, fact.raw, head, fact.start, fact.end)


_BACK_REFERENCE = re.compile(r"(?i)the\s+([a-z]+)")


def _full_english_name(text: str, value: str) -> tuple[str, int] | None:
    """For a buyer written only as "The Institute", the longest proper name on the page holding that
    noun ("Lion Rock Institute of Higher Education", often in the page's header or copyright line)."""
    ref = _BACK_REFERENCE.fullmatch(value.strip())
    if ref is None:
        return None
    noun = ref.group(1).capitalize()
    pattern = re.compile(rf"(?:[A-Z][\w'&.-]*\s+){{1,6}}{noun}(?:\s+(?:of|for|and|in|on|[A-Z][\w'&-]*)){{0,6}}")
    best: tuple[str, int] | None = None
    for m in pattern.finditer(text):
        name = m.group(0).rstrip()
        while name.split()[-1] in ("of", "for", "and", "in", "on"):
            name = name.rsplit(" ", 1)[0]
        if name.split()[0] in ("The", "This", "Our", "A", "An") or len(name) <= len(value):
            continue
        if best is None or len(name) > len(best[0]):
            best = (name, m.start())
    return best


def _find_buyer(scan: Scan, src: _Src, doc: TextDoc, meta: dict[str, str], title: Fact | None,
                kind: str) -> Fact | None:
    fact = _meta_fact(doc, meta, "buyer", "buyer")
    if fact is not None:
        fact.value = parties.clean_name(str(fact.value)) or fact.value
        return fact
    found = parties.buyer(scan) or parties.table_buyer(scan)
    if found is not None:
        return _party_fact(src, "buyer", found)
    for finder in (frames.spaced_buyer, frames.prose_buyer, frames.invite_buyer):
        labelled = finder(scan.text)  # "采购人 X 联系人：…", "招标人为X", "X现邀请供应商…报价"
        if labelled is not None:
            return src.fact("buyer", labelled[0], labelled[1], labelled[1] + len(labelled[0]))
    if not _framed(scan, kind, title):  # news / commentary: no buyer from headlines or signatures
        return None
    heads = [meta.get("title", "")] + [scan.text[s:e] for s, e in scan.head()[:2]]
    for head in heads:
        org = frames.site_org(head)
        if org:
            return _named_buyer(scan, src, org)
    found_org = frames.signature_org(scan.text, scan.tail()) or frames.contact_org(scan.text)
    if found_org is not None:
        org, at = found_org
        return src.fact("buyer", org, at, at + len(org))
    if title is not None and _CJK.search(str(title.value)):
        prefix = frames.org_prefix(str(title.value))
        if prefix:
            at = scan.text.find(prefix)
            if at >= 0:
                return src.fact("buyer", prefix, at, at + len(prefix))
            return Fact("buyer", prefix, prefix, title.start, title.end)
    english = frames.english_buyer(scan.text) or frames.english_inviter(scan.text)
    if english is not None:
        return src.fact("buyer", english[0], english[1], english[2])
    site = frames.english_title_org(doc.meta.get("page_title", ""))
    return None if site is None else _named_buyer(scan, src, site)


def _named_buyer(scan: Scan, src: _Src, org: str) -> Fact:
    """A buyer read from a title (the page's, or a heading line of the text): its span where the text writes it,
    else none."""
    at = scan.text.find(org)
    return src.fact("buyer", org, at, at + len(org)) if at >= 0 else Fact("buyer", org, org)


def parse_notice(doc: TextDoc, norm: NormText) -> NoticeFields:
    """Parse one notice. Never raises for odd text: missing fields stay ``None``/empty."""
    src = _Src(doc, norm)
    meta = _norm_meta(doc)
    scan = scan_text(norm.text)
    notice = NoticeFields()
    notice.lang = "zh" if _CJK.search(norm.text, 0, 4000) else "en"
    notice.title = _title(scan, src, doc, meta)
    title_text = str(notice.title.value) if notice.title else ""
    notice.notice_type = notice_kind(title_text, meta.get("notice_type_hint", ""), norm.text)
    if notice.title is not None:  # the aggregator's type tag, read for the type above, is not the title
        notice.title.value = drop_type_prefix(title_text)
    notice.notice_date, notice.date_source = _date(scan, src, doc, meta)
    notice.buyer = _buyer(scan, src, doc, meta, notice.title, notice.notice_type)
    notice.agency = _meta_fact(doc, meta, "agency", "agency") or _party_fact(src, "agency", parties.agency(scan))
    notice.project_no = _meta_fact(doc, meta, "project_no", "project_no")
    if notice.project_no is None:
        for pair in sorted((p for p in scan.pairs if p.field == "project_no"), key=lambda p: p.rank):
            value = pair.value.split()[0] if pair.value.split() else ""
            if 3 <= len(value) <= 60:
                notice.project_no = src.fact("project_no", value, pair.start, pair.start + len(value))
                break
    spans = find_lots(scan, notice.notice_type == "intention")
    _suppliers(notice, scan, src, doc, meta, spans)
    _amounts(notice, scan, src, doc, meta, spans)
    for lot in notice.lots:
        lot.suppliers = [f for f in notice.suppliers if lot.start <= f.start < lot.end]
    for row, start, end in item_rows(scan):
        s, e = src.span(start, end)
        notice.items.append(ItemRow(row.name, row.brand, row.model, row.quantity, row.unit_price, s, e))
    _clean_parties(notice)
    return notice


def _clean_parties(notice: NoticeFields) -> None:
    """No masked name and no member-wall words in a party field (aggregator pages)."""
    def clean(fact: Fact | None) -> Fact | None:
        if fact is None or not isinstance(fact.value, str):
            return fact
        value = clean_value(fact.value)
        if value is None:
            return None
        if value != fact.value:
            wall = furniture().wall.search(fact.raw)
            raw = fact.raw[:wall.start()].rstrip() if wall is not None else fact.raw
            return Fact(fact.name, raw, value, fact.start, fact.start + len(raw) if fact.start >= 0 else -1)
        return fact
    notice.buyer = clean(notice.buyer)
    notice.agency = clean(notice.agency)
    notice.suppliers = [f for f in map(clean, notice.suppliers) if f is not None]


def _suppliers(notice: NoticeFields, scan: Scan, src: _Src, doc: TextDoc, meta: dict[str, str],
               spans: list[LotSpan]) -> None:
    winner = doc.meta.get("winner")
    raw_winners = [w.strip() for w in re.split(r"[;；]", winner) if w.strip()] if winner else []
    if raw_winners:
        clean = [w.strip() for w in re.split(r"[;；]", meta.get("winner", "")) if w.strip()]
        if len(clean) != len(raw_winners):
            clean = raw_winners
        notice.suppliers = [Fact("supplier", w, c) for w, c in zip(raw_winners, clean, strict=True)]
        return
    if notice.notice_type in ("tender", "intention"):
        return
    others = {str(f.value) for f in (notice.buyer, notice.agency) if f is not None}
    found = parties.suppliers(scan, strict=notice.notice_type not in ("award", "contract"))
    found += parties.lot_winners(scan.text, [(lot.start, lot.title) for lot in spans if lot.table is None])
    if not found:  # "经评审，确定某某公司为成交供应商" (no label, no table)
        found = parties.prose_suppliers(scan.text)
    seen: set[str] = set()
    for name, start, end in sorted(found, key=lambda item: item[1]):
        if name not in others and name not in seen:
            seen.add(name)
            notice.suppliers.append(src.fact("supplier", name, start, end))


def _amounts(notice: NoticeFields, scan: Scan, src: _Src, doc: TextDoc, meta: dict[str, str],
             spans: list[LotSpan]) -> None:
    for key, kind in (("budget", "budget"), ("bid_amount", "award")):
        raw = doc.meta.get(key, "").strip()
        if raw:
            for money in find_money(meta.get(key, raw), "元")[:1]:
                cny = money.value if money.currency == "CNY" else None
                notice.amounts.append(Amount(kind, raw, cny, money.currency, money.value, tax_flag(raw)))
    found = collect(scan)
    text, span = doc.text, src.span
    for item in found:
        s, e = span(item.start, item.end)
        notice.amounts.append(Amount(item.kind, text[s:e], item.value_cny, item.currency, item.value,
                                     item.tax, None, s, e))
    if not spans:
        return
    # each amount belongs to the innermost lot that holds it (lots are sorted by start)
    located = sorted((a for a in notice.amounts if a.start >= 0), key=lambda a: a.start)
    starts = [a.start for a in located]
    for lot in spans:
        s, e = src.span(lot.start, lot.end)
        lo, hi = bisect_left(starts, s), bisect_left(starts, e)
        inside = [a for a in located[lo:hi] if a.end <= e]
        for amount in inside:
            amount.lot = lot.key
        notice.lots.append(Lot(lot.key, lot.title, s, e, inside, numbered=lot.numbered))
