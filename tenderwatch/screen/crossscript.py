"""Chinese <-> Latin comparison through translation and pinyin.

Each dictionary word of the Chinese name must be accounted for by a word of the English name
(translation: 航空航天 -> aeronautics astronautics; or pinyin: 国防 -> guofang, 中北 -> zhongbei),
and each English word by the Chinese name. Unaccounted words cost a factor each, as in
:mod:`tenderwatch.screen.latin`.
"""

from __future__ import annotations

from tenderwatch.screen.aliases import alias_table
from tenderwatch.screen.latin import stem, token_sim, unmatched_factor
from tenderwatch.screen.normalize import Name, analyse
from tenderwatch.screen.translit import Segment, segments
from tenderwatch.screen.vocab import vocab

_MAX_RUN = 4
_UNIVERSITY_ENDINGS = ("大学", "学院", "学校")


def _find(tokens: list[str], used: list[bool], want: str, fuzzy_min: float) -> int:
    """Index of an unused token equal (or close, for long words) to ``want``; -1 if none."""
    sw = stem(want)
    for i, tok in enumerate(tokens):
        if not used[i] and (tok == want or stem(tok) == sw):
            return i
    if len(want) >= 6:  # one letter more or less: Jiatong / Jiaotong
        for i, tok in enumerate(tokens):
            if not used[i] and abs(len(tok) - len(want)) <= 1 and token_sim(tok, want) >= fuzzy_min:
                return i
    if len(want) >= 5 and want not in vocab().latin_places:  # the list's own typos: Bowel / Bowei, Uygar / Uygur
        for i, tok in enumerate(tokens):
            if not used[i] and _one_letter_off(tok, want):
                return i
    return -1


def _one_letter_off(tok: str, want: str) -> bool:
    """Same length, same first two letters, one letter different (not a place word: Hebei / Hefei)."""
    return (len(tok) == len(want) and tok[:2] == want[:2] and tok not in vocab().latin_places
            and sum(a != b for a, b in zip(tok, want, strict=True)) == 1)


def _try_alt(alt: tuple[str, ...], tokens: list[str], used: list[bool], fuzzy_min: float) -> list[int] | None:
    stop = vocab().latin_stop
    picked: list[int] = []
    trial = list(used)
    for word in alt:
        if word in stop:
            continue
        i = _find(tokens, trial, word, fuzzy_min)
        if i >= 0:
            trial[i] = True
            picked.append(i)
            continue
        pair = next((j for j in range(len(tokens) - 1)  # "micro electronics" for microelectronics
                     if not trial[j] and not trial[j + 1] and tokens[j] + tokens[j + 1] == word), -1)
        if pair < 0:
            return None
        trial[pair] = trial[pair + 1] = True
        picked.extend((pair, pair + 1))
    return picked or None


def _try_pinyin(py: str, tokens: list[str], used: list[bool], fuzzy_min: float) -> list[int] | None:
    i = _find(tokens, used, py, fuzzy_min)
    if i >= 0:
        return [i]
    for start in range(len(tokens)):  # pinyin written as several words: jin chu kou
        acc = ""
        for end in range(start, min(len(tokens), start + _MAX_RUN)):
            if used[end]:
                break
            acc += tokens[end]
            if acc == py:
                return list(range(start, end + 1))
            if not py.startswith(acc):
                break
    return None


def cover(
    segs: tuple[Segment, ...], tokens: list[str], pre_used: int | None = None
) -> tuple[list[Segment], list[bool], list[str]]:
    """Greedy alignment; returns (uncovered segments, token used flags, how each was covered)."""
    v = vocab()
    fuzzy_min = max(v.settings.token_fuzzy_min, 0.85)
    used = [False] * len(tokens)
    if pre_used is not None:
        used[pre_used] = True
    uncovered: list[Segment] = []
    how: list[str] = []
    i = 0
    while i < len(segs):
        seg = segs[i]
        if seg.text in v.zh_ignore:
            i += 1
            continue
        best: list[int] | None = None
        for alt in seg.alts:
            picked = _try_alt(alt, tokens, used, fuzzy_min)
            if picked is not None and (best is None or len(picked) > len(best)):
                best = picked
        if best is not None:
            for k in best:
                used[k] = True
            how.append(f"{seg.text}={' '.join(tokens[k] for k in best)}")
            i += 1
            continue
        for run in range(min(_MAX_RUN, len(segs) - i), 0, -1):
            py = "".join(s.pinyin for s in segs[i: i + run])
            picked = _try_pinyin(py, tokens, used, fuzzy_min)
            if picked is not None:
                for k in picked:
                    used[k] = True
                how.append(f"{''.join(s.text for s in segs[i: i + run])}={' '.join(tokens[k] for k in picked)} (pinyin)")
                i += run
                break
        else:
            uncovered.append(seg)
            i += 1
    return uncovered, used, how


def _alias_prefix(zh: Name, tokens: list[str]) -> tuple[str, int, str] | None:
    """An English word the alias table knows (CETC) whose Chinese name starts the Chinese name
    (中国电子科技集团公司第54研究所): (rest of the Chinese name, token index, reason)."""
    table = alias_table()
    for i, tok in enumerate(tokens):
        for ident in table.ids(analyse(tok)):
            for name in table.names[ident]:
                prefix = name.full or name.key
                if name.script == "zh" and len(prefix) >= 2 and zh.key.startswith(prefix) and zh.key != prefix:
                    return zh.key[len(prefix):], i, f"{prefix}={tok} (alias table {ident})"
    return None


def compare_cross(zh: Name, la: Name) -> tuple[float, list[str]]:
    s = vocab().settings
    tokens = list(la.tokens)
    core = zh.key
    pre_used: int | None = None
    pre_how: list[str] = []
    prefix = _alias_prefix(zh, tokens) if tokens else None
    if prefix is not None:
        core, pre_used, reason = prefix
        pre_how.append(reason)
    segs = segments(core)
    if not tokens or not segs:
        return 0.0, ["nothing to compare across scripts"]
    uncovered, used, how = cover(segs, tokens, pre_used)
    how = pre_how + how
    if not how:
        return 0.0, ["no word of the Chinese name found in the English name"]
    reasons: list[str] = []
    cap = 1.0
    # A leading place or parent body the English name leaves out (无锡江南计算技术研究所 / Jiangnan
    # Institute of Computing Technology; 中国科学院物理研究所 / Institute of Physics) - not for
    # universities, where the place is part of the name (桂林电子科技大学).
    omissible = set(vocab().independent_parents)
    while uncovered and uncovered[0] is segs[0] and not zh.key.endswith(_UNIVERSITY_ENDINGS):
        lead = segs[0]
        if not (lead.is_place or lead.text in omissible):
            break
        uncovered, segs = uncovered[1:], segs[1:]
        cap = s.score_one_sided_place
        reasons.append(f"leading {lead.text} not in the English name")
    rest_en = [t for t, u in zip(tokens, used, strict=True) if not u]
    rest_zh = [seg.text for seg in uncovered]
    tail = "".join(rest_zh)
    if len(rest_zh) > 1 and tail in vocab().brand_fillers and list(uncovered) == list(segs[-len(uncovered):]):
        rest_zh = [tail]  # 海康威视数字技术 / Haikang Weishi: the scope words after the brand, left out
    places = la.places | frozenset(seg.text for seg in uncovered if seg.is_place) | vocab().latin_places
    factor, more = unmatched_factor(rest_zh, rest_en, places)
    return min(cap, s.score_cross_script * factor), ["cross-script: " + "; ".join(how), *reasons, *more]
