"""Labels of a line on its own: the label run before a colon, a line that is only a label,
a line that starts with a label, and whether a line reads as the value of a field.

Pure functions of short strings, cached where the same strings recur across notices.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tenderwatch.notice.labels import Vocab, label_key, org_form_re, vocab

# Numbering before a label at a line start: 一、 / 2. / (三)
_NUMBERING = re.compile(r"^\s*(?:[(]?[一二三四五六七八九十\d]{1,3}[)]?\s*[、.)]|[(][一二三四五六七八九十\d]{1,3}[)])?\s*")
# ``label:`` where the label starts a line, a cell or a clause.
_KV = re.compile(
    r"(?:^|(?<=[\t ,;，；。]))[ \t]*(?:[(]?[一二三四五六七八九十\d]{1,3}[)]?[ \t]*[、.)][ \t]*)?"
    r"(?P<label>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z()/ .]{0,23}?)[ \t]*[:：][ \t]*",
    re.M,
)
# A line holding only a short label, numbered or not, with or without a colon.
_BARE_NUMBERING = r"(?:[(]?[一二三四五六七八九十\d]{1,3}[)]?[ \t]*[、.)]|[(][一二三四五六七八九十\d]{1,3}[)])?[ \t]*"
_BARE_LABEL = r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z() \t]{0,23}"
_BARE = re.compile(rf"{_BARE_NUMBERING}({_BARE_LABEL})[:：]?")
# A line that reads as a bare label (searched on "\n" + text; group 1 is the line, blanks around it
# included): only such lines are looked up, so lines of prose, numbers or punctuation never reach Python.
# The look-ahead (at most 30 characters once stripped) fails fast on long lines; the label run is
# possessive (what may follow it, a colon or blanks, is not a label character but a blank is one,
# and blanks are taken after it anyway), so no line is tried twice.
SHORT_LINE_NL = re.compile(rf"\n(?=[^\S\n]*+\S[^\n]{{0,29}}+[^\S\n]*+(?:\n|$))"
                           rf"([^\S\n]*+{_BARE_NUMBERING}{_BARE_LABEL}+[:：]?[^\S\n]*+)(?=\n|$)")
_DATE_LIKE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d{2}")
_MONEY_LIKE = re.compile(r"\d\s*(?:元|万|亿|%)|[¥$€£]|RMB|CNY|人民币|[壹贰叁肆伍陆柒捌玖拾佰仟]{2}")
_NUM_START = frozenset("一二三四五六七八九十(0123456789")
_COMPOUND = re.compile(r"[、/]|及(?=地址|联系)")  # "名称、地址", "名称及地址": several fields, one value
_FORMER = ("原", "更正前", "变更前", "修改前", "调整前")


def glued(v: Vocab, label: str) -> str:
    """The known label glued at the end of ``label`` (longest), else ``label``."""
    paren = ""
    if label.endswith(")") and "(" in label:
        cut = label.rindex("(")
        label, paren = label[:cut], label[cut:]
    written = v.written_set
    probe = label.lower() if label.isascii() else label
    for k in range(min(len(label) - 1, 16), 1, -1):
        if probe[-k:] in written:
            head = label[:-k]
            if head.endswith(_FORMER):  # "原公告发布日期", "原预算金额": the old value
                return label + paren
            if v.labels.get(probe[-k:], ("",))[0] == "supplier" and any(w in head for w in v.losing):
                return label + paren  # "其他报价供应商", "未中标供应商", "第一中标候选人": not a winner
            return label[-k:] + paren
    return label + paren


@lru_cache(maxsize=32768)
def run_label(rev_run: str) -> tuple[str, int, bool] | None:
    """The label in the run of text before a colon (given reversed, as the scan finds it), how far
    before the colon it starts and whether it is worth reading (a known label, not a stop word, a
    contact-block header or ``…信息名称``); None when the run is no label. Cached: runs repeat."""
    v = vocab()
    run = rev_run[::-1]
    stripped = run.strip().lstrip(".、)）").lstrip()
    if not stripped or not (stripped[0].isalpha() or stripped[0] in "(（"):
        return None
    if stripped[0] == "(" and stripped[-1] == ")":  # "(可填写下浮率、折扣率或费率):" is a hint
        return None
    label = _NUMBERING.sub("", stripped, count=1) if stripped[0] in _NUM_START else stripped
    key = label_key(label)[0]
    if key not in v.labels and key not in v.contact and len(label) > 4:
        head = _COMPOUND.split(label, 1)[0]
        tail = label.rsplit(" ", 1)[-1]
        if head != label and label_key(head)[0] in v.labels:  # "拟定供应商名称、地址": the name
            label = head
        else:
            label = tail if label_key(tail)[0] in v.labels else glued(v, label)
    key = label_key(label)[0]
    known = v.labels.get(key)
    useful = (known is not None and known[0] != "stop") or key in v.contact or (
        key.endswith("名称") and key[:-2] in v.contact)
    return label, len(label.rstrip()) + (len(run) - len(run.rstrip())), useful


def labelled(v: Vocab, line: str) -> bool:
    """The line starts with a ``label:`` of its own (so it is not the value of the line above)."""
    m = _KV.match(line)
    if m is None:
        return False
    label = m.group("label").strip()
    key = label_key(label)[0]
    return key in v.labels or key in v.contact or (len(label) <= 8 and "(" not in label)


@lru_cache(maxsize=16384)
def bare_label(line: str) -> tuple[str, str, str] | None:
    """(label, field, contact block) when a short line is only a known label or a contact-block
    header (``1.采购人信息``), numbered or not, colon or not; field / block are "" when not one."""
    m = _BARE.fullmatch(line)
    if m is None:
        return None
    label = m.group(1).rstrip()
    v = vocab()
    key = label_key(label)[0]
    known = v.labels.get(key)
    field_name = known[0] if known is not None and known[0] not in ("stop", "name") else ""
    block = v.contact.get(key, "")
    return (label, field_name, block) if field_name or block else None


@lru_cache(maxsize=16384)
def bare_line(raw: str) -> tuple[int, int, str, str, str] | None:
    """``bare_label`` of a raw line (blanks around it allowed): (offset of the stripped line in
    ``raw``, its length, label, field, contact block), None when the line is no bare label or
    longer than 30 characters once stripped. Cached: short lines repeat across notices."""
    stripped = raw.strip()
    if not stripped or len(stripped) > 30:
        return None
    hit = bare_label(stripped)
    if hit is None:
        return None
    return (len(raw) - len(raw.lstrip()), len(stripped), *hit)


def looks_like(v: Vocab, field_name: str, value: str) -> bool:
    value = value.strip()
    if field_name in ("buyer", "agency", "supplier"):
        return len(value) <= 120 and org_form_re().search(value) is not None
    if field_name == "date":
        return _DATE_LIKE.search(value) is not None
    if field_name == "project_no":
        return len(value) <= 60 and any(c.isdigit() for c in value)
    if field_name == "title":
        return len(value) <= 120
    return _MONEY_LIKE.search(value) is not None
