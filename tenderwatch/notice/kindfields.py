"""Fields that follow from what a document is (issue 10, ``corpus/web/README.md``).

* A buyer's own purchase disclosure: type ``contract``; buyer = the contracting entity, supplier = the
  counterparty, amount = the contract amount, date = the announcement's date (:mod:`.disclosure`).
* A document that is not the buyer's (news, seller page, job post, comparison, other): no buyer,
  suppliers, amounts or type; the organisations it names are kept as ``mentions`` (context for the
  notices and parties they name). Its date is its own publication date only: a page date, a labelled
  publication date, a date heading it or the dateline in its first lines; never a date from its body
  or a promotion period.
"""

from __future__ import annotations

import re

from tenderwatch.model import Amount, Fact, NoticeFields, TextDoc
from tenderwatch.normalize import NormText
from tenderwatch.notice.dates import RANGE_AFTER
from tenderwatch.notice.disclosure import name_before, terminated_sections
from tenderwatch.notice.dockind import DocKind, classify
from tenderwatch.notice.labels import org_form_re

# How a non-buyer document's date may have been found (NoticeFields.date_source).
_OWN_DATE = {
    "news": frozenset({"meta", "label", "head", "bare"}),
    "job": frozenset({"meta", "label", "head", "bare"}),
    "comparison": frozenset({"meta", "label", "head", "bare"}),
    "seller": frozenset({"meta", "label", "head", "bare", "signature"}),
    "other": frozenset({"meta", "label", "head", "bare", "signature"}),
    "policy": frozenset({"meta", "label", "head", "bare", "signature"}),  # its date is the organ's, signed
    "listing": frozenset({"meta", "label"}),  # its rows' dates are their notices' dates
}
_NO_DATELINE = frozenset({"listing"})  # a date in the first lines is a listed row's, not the page's


_MENTIONS = 10  # organisations kept per non-buyer page
# words a news text puts before a name that the name cut keeps ("近日示范学院"): not one name
_NOT_A_NAME = re.compile(r"(?:该|这|那|某|多家|一家|多所|一所|其|本|我|贵|空壳|小型|公司)")
# reporting words a name cut keeps before a name ("买家包括中国科学院", "彼时美国商务部")
_LEAD_IN = re.compile(r".*(?:包括|另有|彼时|以及|此外|例如|旗下|据悉|据了解|近日|日前|此前|今年|去年|目前|其中|显示|称|由)")
# the forms a named organisation ends with (not 中心, 局, 部: too often a common noun in prose)
_STRONG_FORM = re.compile(r"有限责任公司|股份有限公司|有限公司|研究院|研究所|科学院|大学|学院|医院")
_DATELINE_CHARS = 600
_DATELINE_LINES = 8
# before a date on its line: a period ("活动时间：…"), or a buyer's review or a reply on a shop page or forum
# ("评价(12):2024-03-02 买家…"; corpus/web/README.md: review dates are not publication dates)
_PERIOD_BEFORE = re.compile(r"活动|促销|优惠|特惠|有效期|期间|截止|报名|时间段|评价|评论|追评|晒单|买家|"
                            r"(?i:valid|offer|promotion|until|review)")


def _fact(doc: TextDoc, norm: NormText, name: str, value: object, start: int, end: int) -> Fact:
    s, e = norm.to_source(start, end)
    return Fact(name, doc.text[s:e], value, s, e)


def read_kind(doc: TextDoc, norm: NormText, notice: NoticeFields, possible: set[int] | None = None,
              starts: dict[int, list[int]] | None = None) -> DocKind:
    """Classify the document and make its fields follow from its kind (``possible``, ``starts``: as for
    ``classify``)."""
    title = str(notice.title.value) if notice.title is not None else doc.meta.get("title", "")
    kind = classify(norm.text, title, notice.notice_type, possible, starts)
    if kind.kind == "disclosure":
        kind.excluded = [norm.to_source(s, e) for s, e in terminated_sections(norm.text)]
    if kind.kind == "disclosure" and kind.side is not None:
        _disclosure_fields(doc, norm, notice, kind)
    elif not kind.lead:
        _not_the_buyers(notice, kind.kind, doc.text, _named_orgs(doc, norm))
    return kind


def _disclosure_fields(doc: TextDoc, norm: NormText, notice: NoticeFields, kind: DocKind) -> None:
    side = kind.side
    assert side is not None
    notice.notice_type = "contract"
    if side.buyer is not None:
        notice.buyer = _fact(doc, norm, "buyer", *side.buyer)
    if side.supplier is not None:
        notice.suppliers = [_fact(doc, norm, "supplier", *side.supplier)]
    else:
        notice.suppliers = []
    if side.amount is not None:
        value, _raw, start, end, tax = side.amount
        s, e = norm.to_source(start, end)
        notice.amounts = [Amount("contract", doc.text[s:e], value, "CNY", value, tax, None, s, e)]
        notice.lots = []
    if side.date is not None and notice.date_source != "meta":
        notice.notice_date = _fact(doc, norm, "notice_date", *side.date)
        notice.date_source = "signature"


def _dateline(date: Fact | None, text: str) -> bool:
    """The date stands in the page's head (an article's dateline "2024-08-24 09:15 来源：…", a byline
    "作者 … 发布于 2024-02-05"): within its first lines, before the body starts."""
    if date is None or date.start < 0:
        return False
    if date.start > _DATELINE_CHARS or text.count("\n", 0, date.start) >= _DATELINE_LINES:
        return False
    line_start = text.rfind("\n", 0, date.start) + 1
    # a period ("活动时间：2024年11月1日—11月30日") or a review's date, not the page's date
    return not (_PERIOD_BEFORE.search(text, line_start, date.start) or RANGE_AFTER.match(text, date.end))


def _named_orgs(doc: TextDoc, norm: NormText, limit: int = _MENTIONS) -> list[Fact]:
    """The organisations a page names ("据了解，示范学院近日…" -> 示范学院): a name ending in an
    organisation form, cut after the words that end the text before a name. At most ``limit``."""
    text = norm.text
    out: list[Fact] = []
    seen: set[str] = set()
    for m in _STRONG_FORM.finditer(text):
        found = name_before(text, m.end())
        if found is None:
            continue
        lead = _LEAD_IN.match(found[0])
        name, start = (found[0][lead.end():], found[1] + lead.end()) if lead else found
        if len(name) < 4 or name in seen or _NOT_A_NAME.match(name):
            continue
        seen.add(name)
        out.append(_fact(doc, norm, "mention", name, start, start + len(name)))
        if len(out) >= limit:
            break
    return out


def _not_the_buyers(notice: NoticeFields, kind: str, text: str, named_orgs: list[Fact]) -> None:
    has_form = org_form_re().search
    named = [f for f in (notice.buyer, notice.agency, *notice.suppliers)
             if f is not None and f.value and has_form(str(f.value)) and not _NOT_A_NAME.match(str(f.value))]
    notice.mentions = [Fact("mention", f.raw, f.value, f.start, f.end) for f in named]
    for fact in named_orgs:
        if all(fact.value != m.value for m in notice.mentions):
            notice.mentions.append(fact)
    notice.buyer = notice.agency = None
    notice.suppliers = []
    notice.amounts = []
    notice.lots = []
    notice.notice_type = "other"
    if notice.date_source not in _OWN_DATE.get(kind, frozenset()) and (
            kind in _NO_DATELINE or not _dateline(notice.notice_date, text)):
        notice.notice_date = None
        notice.date_source = ""
