"""Local context checks around an anchor: boundaries, identifiers, rooms, ban clauses.

All functions work on ``low``, the lowercased normalised text, and on half-open
spans into it. They look only at a few dozen characters around the anchor, so the
cost stays proportional to the number of anchors, not to the text length.
"""

from __future__ import annotations

import re
from functools import cache

from tenderwatch.detect.vocab import vocab

# Clause delimiters: a ban clause reaches from its trigger to the next of these.
_SEG_DELIMS = "，,。；;\n!?！？"
_SEG_REACH = 160
_LINE_DELIMS = "\n"
_RUN_CHARS = re.compile(r"[a-z0-9_\-./]")
_LEFT_PREFIX_OK = re.compile(r"^(?:rtx|geforce|tesla|nvidia|hgx|dgx|instinct|amd|\d{1,3}x|x)$")
_RIGHT_SUFFIX_OK = re.compile(r"^(?:sxm\d?|pcie|nvl|gpu|\d{1,3}gb?|g|x\d{1,2})$")
_SPLIT = re.compile(r"[-_/.]")
# Brand words between a prefix negation and the model: "非RTX 4090D", "非 NVIDIA H20".
_BRAND_TAIL = re.compile(r"(?:(?:nvidia|英伟达|geforce|rtx|tesla|amd|instinct|intel|英特尔)[ ()（）]*)+$")
# "不得少于8块H100" is a quantity floor, not a ban.
_NOT_A_BAN = re.compile(r"^ ?(?:低于|少于|小于|超过|高于|晚于|早于|大于|短于|劣于|多于"
                        r"|less|more|later|earlier|fewer|lower|higher|exceed|only|limited"
                        r"|型号|产品|方案|品牌|为)")  # "替代型号：A800" names an allowed substitute
# A ban trigger governs the product list that follows it, not a whole long sentence.
_BAN_REACH = 60
_QUANTITY = re.compile(r"\d+ ?(?:块|张|颗|卡|片|个|台|套|pcs)")
# "除英伟达A100外" (except ... ): the item is excluded
_EXCEPT_BEFORE = re.compile(r"除(?:了)?[^，。；\n]{0,30}$")
_EXCEPT_AFTER = re.compile(r"[^，。；\n]{0,30}?(?:以)?外")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# An out-of-scope remark after a system word reaches to the end of its sentence or bracket.
_SCOPE_STOPS = "。;；\n)）"
_SCOPE_REACH = 40
_SENTENCE_STOPS = "。；;\n!?！？"
_HOST_REACH = 60  # a host word governs the card written at most this far after it
_SUBSTITUTE = re.compile(r"替代|代替|替换|其他型号|其它型号|同类|等同|(?i:substitut|alternative|equivalent)")
_SENTENCE_END = re.compile(r"(?:[.!?;]\s|\n)")
LINE_REACH = 2000  # the longest stretch of a line read around a mention (notice lines are far shorter)
_RUN_REACH = 64  # the longest glued run read around a token (model names with suffixes are far shorter)


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def line_bounds(low: str, pos: int) -> tuple[int, int]:
    """The line around ``pos``, read at most ``LINE_REACH`` characters each way: a longer line (a 2 MB
    one-line file) is cut there, so every caller stays constant-time per mention."""
    floor = max(0, pos - LINE_REACH)
    start = low.rfind("\n", floor, pos) + 1 or floor
    ceiling = min(len(low), pos + LINE_REACH)
    end = low.find("\n", pos, ceiling)
    return start, ceiling if end < 0 else end


# The clauses found in the last text (the text itself, and (start, end) -> clause): the checks of one
# mention ask for the same clause several times. One text at a time, and at most _CLAUSES_KEPT spans.
_clauses: tuple[str, dict[tuple[int, int], tuple[int, int]]] = ("", {})
_CLAUSES_KEPT = 4096


def segment_bounds(low: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between the nearest delimiters, at most ``_SEG_REACH`` away."""
    global _clauses
    memo = _clauses  # read once: a thread that swaps in another text's memo cannot mix the two
    if memo[0] is not low or len(memo[1]) >= _CLAUSES_KEPT:
        memo = _clauses = (low, {})
    found = memo[1].get((start, end))
    if found is None:
        found = memo[1][start, end] = span_between(low, start, end, _SEG_DELIMS, _SEG_REACH)
    return found


def span_between(text: str, start: int, end: int, stops: str, limit: int) -> tuple[int, int]:
    """[left, right) around [start, end) up to the nearest ``stops`` characters, at most ``limit`` away."""
    # Hot path (tens of calls per mention): one regex per side instead of a str.find per stop character.
    last_stop, first_stop = _stop_patterns(stops)
    left = max(0, start - limit)
    found = last_stop.match(text, left, start)
    if found is not None:
        left = found.end()
    right = min(len(text), end + limit)
    found = first_stop.search(text, end, right)
    if found is not None:
        right = found.start()
    return left, right


@cache
def _stop_patterns(stops: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the text up to and including the last of ``stops``, the first of ``stops``) as regexes: the
    greedy ``.*`` backs off from the window's end, so the first pattern finds the last stop."""
    chars = "[" + re.escape(stops) + "]"
    return re.compile("(?s).*" + chars), re.compile(chars)


def window(low: str, start: int, end: int, width: int, same_line: bool = True) -> str:
    """Text within ``width`` characters of the span, cut at line ends when ``same_line``."""
    left, right = max(0, start - width), min(len(low), end + width)
    if same_line:
        line_start, line_end = line_bounds(low, start)
        left, right = max(left, line_start), min(right, line_end)
    return low[left:right]


def boundaries_ok(low: str, start: int, end: int) -> bool:
    """The token is not glued to other ASCII letters/digits (A1003, 84090356, 2024090167).

    The glued run is read at most ``_RUN_REACH`` characters each way: a longer run is an identifier
    or junk (``H100H100H100…``), and a bounded walk keeps each call constant-time on hostile text."""
    if start > 0 and is_ascii_alnum(low[start - 1]):
        left = start
        floor = max(0, start - _RUN_REACH)
        while left > floor and is_ascii_alnum(low[left - 1]):
            left -= 1
        if (left == floor and left > 0 and is_ascii_alnum(low[left - 1])) or not _LEFT_PREFIX_OK.match(low[left:start]):
            return False
    if end < len(low) and is_ascii_alnum(low[end]):
        right = end
        ceiling = min(len(low), end + _RUN_REACH)
        while right < ceiling and is_ascii_alnum(low[right]):
            right += 1
        if (right == ceiling and right < len(low) and is_ascii_alnum(low[right])) \
                or not _RIGHT_SUFFIX_OK.match(low[end:right]):
            return False
    return True


def inside_identifier(low: str, start: int, end: int) -> bool:
    """The token is one segment of an ID, UUID, URL, part or project number.

    The run of ``[a-z0-9_-./]`` around the token is split on ``-_/.``; any other
    segment that is not a known model suffix (SXM4, 80GB, PCIE ...) marks an identifier:
    ``ZJHX-A1003``, ``YHJY-2024-4090``, ``MI300-DN200-E2``, ``...-a100-...`` in a UUID.
    """
    left = start
    floor = max(0, start - _RUN_REACH)
    while left > floor and _RUN_CHARS.match(low[left - 1]):
        left -= 1
    right = end
    ceiling = min(len(low), end + _RUN_REACH)
    while right < ceiling and _RUN_CHARS.match(low[right]):
        right += 1
    if left == start and right == end:
        return False
    if (left == floor and left > 0 and _RUN_CHARS.match(low[left - 1])) \
            or (right == ceiling and right < len(low) and _RUN_CHARS.match(low[right])):
        return True  # a run longer than any model name with its suffixes: an identifier or junk
    run = low[left:right]
    if "://" in run or "www." in run or ".com" in run or ".cn" in run:
        return True
    ok = vocab().lex("id_segments_ok")
    model = vocab().any_chip
    before = [s for s in _SPLIT.split(low[left:start]) if s]
    after = [s for s in _SPLIT.split(low[end:right]) if s]
    # The segment glued to the token (e.g. "rtx" in "rtx4090") was judged by boundaries_ok.
    if before and low[start - 1] not in "-_/.":
        before = before[:-1]
    if after and low[end] not in "-_/.":
        after = after[1:]
    return any(ok.search(seg) is None and model.fullmatch(seg) is None for seg in before + after)


def ban_clause(low: str, start: int, end: int) -> str | None:
    """The ban/exclusion trigger governing the mention, or None."""
    lists = vocab().lists
    seg_start, seg_end = segment_bounds(low, start, end)
    english = english_sentence_start(low, start)
    if english is not None:
        en_before = low[english:start]
        for match in lists["negation_before_en"].regex.finditer(en_before) if lists["negation_before_en"].regex else ():
            if not _NOT_A_BAN.match(en_before[match.end():]):
                return match.group(0)
    before = low[max(seg_start, start - _BAN_REACH):start]
    triggers = lists["negation_before"].regex
    if triggers is not None:
        for match in triggers.finditer(before):
            if not _NOT_A_BAN.match(before[match.end():]):
                return match.group(0)
    prefix = _BRAND_TAIL.sub("", low[max(seg_start, start - 16):start]).rstrip()[-4:]
    hit = lists["negation_prefix"].search(prefix)
    if hit is not None and prefix.endswith(hit.group(0)):
        return hit.group(0)
    after = lists["negation_after"].search(low[end:seg_end])
    if after is not None and not _refuses_alternatives(low, end, end + after.start(), seg_end):
        return after.group(0)
    if _EXCEPT_BEFORE.search(low, seg_start, start) and _EXCEPT_AFTER.match(low, end, seg_end):
        return "除…外"
    return None


def _refuses_alternatives(low: str, end: int, trigger: int, seg_end: int) -> bool:
    """"RTX 4090 24GB（不接受RTX 4090D或其他型号替代）": a bracket opened after the token refuses
    substitutes for it (another model, 替代 / 其他型号), it does not exclude the token itself."""
    bracket = low.find("(", end, trigger)
    if bracket < 0:
        return False
    close = low.find(")", trigger, seg_end)
    inside = low[trigger:close if close >= 0 else seg_end]
    return _SUBSTITUTE.search(inside) is not None


def code_quoted(low: str, start: int, end: int) -> bool:
    """`A100` in Markdown: the word is mentioned (documentation), not bought."""
    return low[start - 1:start] == "`" and low[end:end + 1] == "`"


def english_sentence_start(low: str, start: int, limit: int = 300) -> int | None:
    """Start of the sentence around ``start`` when the text before it is English, else None."""
    floor = max(0, start - limit)
    line_start = low.rfind("\n", floor, start) + 1 or floor
    near = low[max(line_start, start - 60):start]
    if _CJK.search(near) is not None or sum(c.isalpha() for c in near) < 8:
        return None
    sentence_start = line_start
    for match in _SENTENCE_END.finditer(low, line_start, start):
        sentence_start = match.end()
    return sentence_start


def comparison(low: str, start: int) -> str | None:
    """A benchmark comparison right before the token ("性能不低于A100")."""
    seg_start, _ = segment_bounds(low, start, start)
    near = low[max(seg_start, start - 14):start]
    hit = vocab().lex("comparison_before").search(near)
    if hit is None or _QUANTITY.search(near, hit.end()) is not None:  # "不低于8块A100" is a count
        return None
    return hit.group(0)


def rented_class(low: str, start: int, end: int) -> str | None:
    """Rental wording that makes "不低于H200等级" the class of capacity rented, or None.

    The sentence must carry rental wording (租用, 卡时, 算力服务 ...), and either a class word
    follows the token ("H200等级", "H100级", "A100同等性能") or no other part is named in the
    sentence (a spec of another named part keeps the token as its yardstick)."""
    sent_start, sent_end = span_between(low, start, end, _SENTENCE_STOPS, 200)
    rent = vocab().lex("rental_class").search(low[sent_start:sent_end])
    if rent is None:
        return None
    if vocab().lex("class_after").search(low[end:min(sent_end, end + 40)]) is not None:
        return rent.group(0)
    for match in vocab().any_chip.finditer(low, sent_start, sent_end):
        if (match.end() <= start or match.start() >= end) and boundaries_ok(low, match.start(), match.end()):
            return None
    return rent.group(0)


def teaching_sentence(low: str, start: int, end: int) -> str | None:
    """Teaching / training content about a model ("课程包括：ChatGPT、Claude…的原理与比较"):
    the teaching word of the sentence when no access wording (API, 账号, 订阅 ...) sits in it."""
    sent_start, sent_end = span_between(low, start, end, _SENTENCE_STOPS, 200)
    sentence = low[sent_start:sent_end]
    hit = vocab().lex("teaching_frame").search(sentence)
    if hit is None or vocab().lex("ai_access").contains(sentence):
        return None
    return hit.group(0)


def comparison_after(low: str, end: int) -> str | None:
    """"以A100为基准", "达到H100水平": the model is the yardstick."""
    hit = vocab().lex("comparison_after").search(low[end:end + 8])
    return hit.group(0) if hit is not None else None


def room_number(low: str, start: int, end: int) -> bool:
    """H100报告厅, 理科楼H100, H20会议室, L4层, L40号机柜, H100、H102实验室."""
    lists = vocab().lists
    if lists["room_after"].search(low[end:end + 40]) is not None:
        return True
    return lists["room_before"].search(low[max(0, start - 4):start]) is not None


def existing_before(low: str, start: int, name: str = "existing_chip", width: int = 12) -> str | None:
    """An 'already owned / compatible with' word governing the token: before it in the same
    clause, with no purchase verb in between ("为现有服务器采购A100" buys the A100)."""
    seg_start, _ = segment_bounds(low, start, start)
    before = low[max(seg_start, start - width):start]
    matches = _finditer(name, before)
    owned = matches[-1] if matches else None
    if owned is None or vocab().lex("purchase_verbs").contains(before[owned.end():]):
        return None
    return owned.group(0)


def out_of_scope(low: str, start: int, end: int, width: int = 28) -> str | None:
    """A system word inside an existing-equipment / not-in-scope clause ("安装于现有HGX载板",
    "利旧原有DGX", "整机不在本次采购范围"): the word that says so, or None."""
    owned = existing_before(low, start, "existing_words", width)
    if owned is not None:
        return owned
    seg_start, _ = segment_bounds(low, start, start)
    not_bought = vocab().lex("out_of_scope_before").search(low[max(seg_start, start - 12):start])
    if not_bought is not None:
        return not_bought.group(0)
    stop = len(low)
    for ch in _SCOPE_STOPS:
        found = low.find(ch, end, end + _SCOPE_REACH)
        if 0 <= found < stop:
            stop = found
    hit = vocab().lex("out_of_scope_after").search(low[end:min(stop, end + _SCOPE_REACH)])
    return hit.group(0) if hit is not None else None


def system_containing(low: str, start: int, reach: int = _HOST_REACH) -> str | None:
    """A machine bought with the card inside, written before the card in the same sentence
    ("图形工作站，每台配置RTX 4090显卡×4", "渲染主机：内置RTX 4090"): the host word, or None.

    The host must not be existing or out-of-scope equipment, a containment verb must sit
    between host and card with no card word before it ("工作站显卡" is a card), and no
    upgrade wording ("升级", "更换") may sit between them."""
    sent_start, _ = span_between(low, start, start, _SENTENCE_STOPS, reach)
    lex = vocab().lex
    hosts = _finditer("host_words", low[sent_start:start])
    for host in reversed(hosts):
        h_start, h_end = sent_start + host.start(), sent_start + host.end()
        between = low[h_end:start]
        verb = lex("contain_verbs").search(between)
        if verb is None or lex("card_words").contains(between[:verb.start()]):
            continue
        if lex("upgrade_words").contains(between) or out_of_scope(low, h_start, h_end) is not None:
            return None
        return host.group(0)
    return None


def _finditer(name: str, text: str) -> list[re.Match[str]]:
    regex = vocab().lex(name).regex
    return list(regex.finditer(text)) if regex is not None else []


def near_words(low: str, start: int, end: int, name: str, width: int, same_line: bool = True) -> str | None:
    hit = vocab().lex(name).search(window(low, start, end, width, same_line))
    return hit.group(0) if hit is not None else None


def segment_has(low: str, start: int, end: int, name: str) -> str | None:
    seg_start, seg_end = segment_bounds(low, start, end)
    hit = vocab().lex(name).search(low[seg_start:seg_end])
    return hit.group(0) if hit is not None else None


def line_has(low: str, pos: int, name: str, width: int = 120) -> str | None:
    """A word of list ``name`` on the same line, at most ``width`` characters away."""
    hit = vocab().lex(name).search(window(low, pos, pos, width))
    return hit.group(0) if hit is not None else None
