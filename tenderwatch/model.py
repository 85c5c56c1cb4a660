"""Records passed between the pipeline stages.

The per-document pipeline is a pure function: ``bytes + path -> list[DocResult]``
(see :mod:`tenderwatch.pipeline`). Every stage speaks in these types; the store,
the exports and the web layer read them back.

Spans: every ``start``/``end`` pair is a half-open character range in
``TextDoc.text`` (the *source* text as read, before normalisation). Stages that
work on the normalised text map their spans back with ``NormText.to_source``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# Rule status of a finding on its notice date (issue 9), strongest first.
RESTRICTED = "restricted"  # a licence was required for the item to China on the notice date
RESTRICTED_LATER = "restricted_later"  # not then, but a later rule required one
NOT_RESTRICTED = "not_restricted"  # never (so far): uncontrolled, domestic, or access from a distance
RULE_STATUSES = (RESTRICTED, RESTRICTED_LATER, NOT_RESTRICTED)


def strongest_rule_status(statuses: list[str]) -> str | None:
    """The strongest of ``statuses`` (restricted > restricted_later > not_restricted), or None."""
    present = [s for s in RULE_STATUSES if s in statuses]
    return present[0] if present else None


class FailReason(StrEnum):
    """Why a document could not be read. Stored with the failed document."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNSUPPORTED_FORMAT = "unsupported_format"
    UNDECODABLE = "undecodable"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    NO_TEXT = "no_text"
    TIMEOUT = "timeout"
    UNSAFE_ARCHIVE = "unsafe_archive"
    INTERNAL_ERROR = "internal_error"
    NOT_A_NOTICE = "not_a_notice"  # e.g. an evaluation-labels or export file: stored as skipped, not failed
    TOO_COMPLEX = "too_complex"  # nested deeper than a reader can take in bounded time (limit named)
    STORE_ERROR = "store_error"  # the document could not be written to the store as read (reason given)
    # Inputs the scan was given but did not read (stored as skipped, with the reason):
    SYMLINK_OUTSIDE = "symlink_outside"  # a symlink to a file outside the scanned folders
    NOT_A_FILE = "not_a_file"  # a FIFO, socket or device, a dangling or looping symlink
    UNREADABLE = "unreadable"  # a folder or file the scan has no permission to read
    VANISHED = "vanished"  # deleted (or replaced) between listing and reading


SKIP_REASONS = frozenset({
    FailReason.NOT_A_NOTICE, FailReason.SYMLINK_OUTSIDE, FailReason.NOT_A_FILE, FailReason.UNREADABLE,
    FailReason.VANISHED,
})
"""Failure reasons whose document is stored with status ``skipped`` (not ``failed``)."""


@dataclass(slots=True)
class TextDoc:
    """One notice as read from a file (or from one record/member of a container).

    ``meta`` carries structured hints a reader could see without parsing prose:
    keys used so far: ``title``, ``pub_date`` (raw), ``buyer``, ``agency``,
    ``winner`` (may be several names joined by ``;``), ``budget`` (raw),
    ``bid_amount`` (raw), ``notice_type_hint`` (raw breadcrumb / subtype text),
    ``project_no``, ``site``, ``region``, ``url`` (where the page says it lives). Values are
    raw strings as found.
    """

    path: str
    text: str
    fmt: str
    encoding: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ReadFailure:
    path: str
    reason: FailReason
    detail: str
    fmt: str = ""


@dataclass(slots=True)
class Fact:
    """One extracted field value with where it came from.

    ``raw`` is the text as written, ``value`` the cleaned value, ``start``/``end``
    the span in the source text (``-1`` when it came from ``TextDoc.meta``).
    """

    name: str
    raw: str
    value: Any
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class Amount:
    """A money amount found in a notice. ``kind`` is one of
    ``budget``, ``ceiling`` (最高限价), ``award``, ``contract``, ``unit_price``,
    ``fee``, ``bid`` (a price in a bidder list), ``corrected`` (the new value in a
    correction), ``other``. ``value_cny`` is in yuan; ``None`` when only a
    foreign currency was given (``currency`` then says which)."""

    kind: str
    raw: str
    value_cny: float | None
    currency: str = "CNY"
    value: float | None = None  # amount in ``currency``
    tax_included: bool | None = None
    lot: str | None = None
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class Lot:
    """A 包/标段/采购包 or one project row of an intention list."""

    key: str
    title: str
    start: int
    end: int  # span of the lot's section in the source text
    amounts: list[Amount] = field(default_factory=list)
    suppliers: list[Fact] = field(default_factory=list)
    numbered: bool = True  # ``key`` is the notice's lot number (包1 …), not a row count: the same
    # number in another table or section (award table, goods table) is the same lot


@dataclass(slots=True)
class ItemRow:
    """One row of the 主要标的信息 / goods table."""

    name: str
    brand: str = ""
    model: str = ""
    quantity: str = ""
    unit_price: str = ""
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class NoticeFields:
    notice_type: str = "other"  # tender, award, intention, single_source, contract, correction, other
    title: Fact | None = None
    project_no: Fact | None = None
    notice_date: Fact | None = None  # value: "YYYY-MM-DD" (or "YYYY-MM" if no day)
    buyer: Fact | None = None
    agency: Fact | None = None
    suppliers: list[Fact] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    lots: list[Lot] = field(default_factory=list)
    items: list[ItemRow] = field(default_factory=list)
    region: Fact | None = None
    lang: str = "zh"
    # how notice_date was found: meta (reader hint), label (发布日期 …), head (a date line at the top),
    # bare (a bare 日期 / Date label), signature (the date under the signature), body (any other date)
    date_source: str = ""
    # organisations a document that is not the buyer's own names (news, seller pages): kept as
    # context for the notices and parties they name, never as buyer or supplier (issue 10)
    mentions: list[Fact] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """One place a finding is written: its span in the source text and the sentence around it."""

    start: int
    end: int
    evidence: str
    quantity: int | None = None


@dataclass(slots=True)
class Finding:
    """A lead: controlled (or notable uncontrolled) compute named in a notice.

    ``category``: chip, server, cloud, ai_model, rental.
    ``item``: canonical accelerator name (A100, H20, RTX 4090D, ...) or None.
    ``provider``: AWS, Microsoft Azure, Google Cloud, Oracle Cloud, OpenAI,
    Anthropic, Google, or None.
    ``in_scope``: whether the item counts toward relevance whatever the date (a US
    accelerator of the catalogue, a system containing one, US cloud / AI model, GPU
    rental of such a part). Domestic and uncontrolled parts are still reported with
    ``in_scope=False`` so a reviewer sees them.
    ``rule_status``: restricted / restricted_later / not_restricted on the notice date
    (cloud, model access and rental are not an export: not_restricted); ``controlled``
    agrees with it: True exactly when the item was restricted on the notice date.
    ``negated``: the mention sits in a ban / exclusion clause or is not a purchase.
    ``control_status``: what the rules said about ``item`` on the notice date,
    with the rule's citation, e.g. "3A090.a; licence required since 2023-11-17
    (88 FR 73458)".
    ``start``/``end``/``evidence`` are the first mention; ``mentions`` lists every place the
    same item is named in the same role (one entry per span; empty means just the first).
    ``quantity`` is a count of the item bought when the text gives one, and ``quantity_note``
    says how it was read ("2 servers × 8 cards = 16 cards", "8 GPUs per instance").
    """

    category: str
    item: str | None
    provider: str | None
    evidence: str
    start: int
    end: int
    confidence: float
    controlled: bool = True
    negated: bool = False
    quantity: int | None = None
    control_status: str = ""
    rule: str = ""
    reason: str = ""  # why the detector decided (e.g. "instance type p4d.24xlarge -> 8xA100")
    # restricted / restricted_later / not_restricted on the notice date (issue 9); "" until set
    rule_status: str = ""
    in_scope: bool = True
    quantity_note: str = ""
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class PartyRecord:
    """A buyer, agency or supplier named in a notice, resolved and screened.

    ``key`` resolves the same party written differently across notices;
    ``party_class`` is the state-linked class (university, cas_institute,
    pla_unit, central_soe, local_soe, government, hospital, other) with its reason;
    ``hits`` are restricted-list hits as dicts (list, entry, version, score, reasons) and,
    for listing dates (issue 11): ``list`` (the list's short name), ``listed_since``
    ("YYYY-MM-DD" or None), ``listed_on_date`` (True/False, None without a notice date or
    a listing date) and ``list_meaning`` (one line on what the list means).
    """

    role: str  # buyer, agency, supplier
    name: str
    key: str
    party_class: str = "other"
    class_reason: str = ""
    start: int = -1
    end: int = -1
    hits: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Provenance:
    """Where and when a document was fetched from the web, and where its archived copy is.

    Set by the collect stage for fetched notices and by the WARC reader for records of any
    tool's WARC file; ``None`` for files a user already had. ``warc_file`` is the archive
    file's name (relative to the archive folder when known), ``warc_record_id`` the
    ``WARC-Record-ID`` of the response record, ``payload_digest`` its ``WARC-Payload-Digest``
    (``sha1:BASE32`` or ``sha256:...``).
    """

    url: str
    fetched_at: str | None = None  # ISO 8601 UTC, e.g. "2024-03-01T08:00:00Z"
    source: str | None = None  # collect source name (ccgp, ggzy, zcy) or the WARC tool
    http_status: int | None = None
    warc_file: str | None = None
    warc_record_id: str | None = None
    payload_digest: str | None = None


@dataclass(slots=True)
class DocResult:
    """Everything the pipeline learned about one document."""

    path: str
    sha256: str
    fmt: str
    text: str = ""
    encoding: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    notice: NoticeFields | None = None
    findings: list[Finding] = field(default_factory=list)
    relevant: bool = False
    amount_cny: float | None = None  # the amount the export reports (see corpus/README.md)
    failure: ReadFailure | None = None
    parties: list[PartyRecord] = field(default_factory=list)
    provenance: Provenance | None = None
    # what the document is (issue 10): procurement_notice, disclosure, news, comparison, seller,
    # aggregator, listing (a list of notices), policy (a government circular), other ... with the reasons a reader would give; "" until classified
    doc_kind: str = ""
    doc_kind_reasons: list[str] = field(default_factory=list)
    # strongest rule status of the findings on the notice date (issue 9): restricted,
    # restricted_later, not_restricted, or None when there is no finding
    rule_status: str | None = None
    # what a limit cut (e.g. "pages: 500 of 2000"); None when read whole (issue 12)
    truncated: str | None = None
