"""Latin-script name comparison: token alignment with typo tolerance.

Score = mean similarity of aligned tokens, multiplied by a factor per token left unaligned
(a place word or a number costs more). So one extra word ("Electronic", "Chile", "Systems")
keeps two names apart, while spelling variants (Wallmart / Walmart) still match.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Indel

from tenderwatch.screen.normalize import Name
from tenderwatch.screen.vocab import vocab


def stem(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def token_sim(a: str, b: str) -> float:
    if a == b or stem(a) == stem(b):
        return 1.0
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < 4:
        return 0.0
    return float(Indel.normalized_similarity(a, b))


def align(a: list[str], b: list[str], fuzzy_min: float) -> tuple[list[float], list[str], list[str]]:
    """Align tokens: exact, then concatenations (good will / goodwill), then fuzzy."""
    sims: list[float] = []
    rest_a: list[str] = []
    rest_b = list(b)
    for tok in a:
        if tok in rest_b:
            rest_b.remove(tok)
            sims.append(1.0)
        else:
            rest_a.append(tok)
    if not rest_a or not rest_b:  # nothing left to pair (the same words, or extra words on one side)
        return sims, rest_a, rest_b
    for side_a, side_b in ((rest_a, rest_b), (rest_b, rest_a)):
        for tok in list(side_a):
            for i in range(len(side_b) - 1):
                if side_b[i] + side_b[i + 1] == tok:
                    side_a.remove(tok)
                    del side_b[i: i + 2]
                    sims.append(1.0)
                    break
    for tok in list(rest_a):
        best, best_j = 0.0, -1
        for j, other in enumerate(rest_b):
            sim = token_sim(tok, other)
            if sim > best:
                best, best_j = sim, j
        if best >= fuzzy_min:
            sims.append(best)
            rest_a.remove(tok)
            del rest_b[best_j]
    return sims, rest_a, rest_b


@lru_cache(maxsize=100_000)
def _legalish(token: str) -> bool:
    """A leftover legal-form word, possibly misspelt or cut (JOYNT STOCK COMPAN)."""
    words = vocab().latin_legal_words
    if token in words or token in vocab().brand_fillers:  # 科技 in 商汤科技 / SenseTime
        return True
    if len(token) < 4:
        return False
    if token in _legal_prefixes():
        return True
    # similarity 2*lcs/(len a + len b) >= 0.8 needs 2*min(len) >= 0.8*(len a + len b): other lengths skipped
    near = _legal_words_near(len(token))
    # the best similarity over those words in one C call (no score_cutoff: rapidfuzz rounds a cutoff
    # into a distance bound; the best score itself is what Indel.normalized_similarity gives)
    best = process.extractOne(token, near, scorer=Indel.normalized_similarity) if near else None
    return best is not None and best[1] >= 0.8


@lru_cache(maxsize=1)
def _legal_prefixes() -> frozenset[str]:
    """Every prefix of a legal-form word (a cut word: COMPAN, LIMIT)."""
    return frozenset(w[:i] for w in vocab().latin_legal_words for i in range(1, len(w) + 1))


@lru_cache(maxsize=64)
def _legal_words_near(length: int) -> tuple[str, ...]:
    """The legal-form words a token of ``length`` letters could be 0.8 similar to (a margin kept)."""
    return tuple(w for w in sorted(vocab().latin_legal_words)
                 if 2 * min(length, len(w)) >= 0.79 * (length + len(w)))


def unmatched_factor(rest_a: list[str], rest_b: list[str], places: frozenset[str]) -> tuple[float, list[str]]:
    s = vocab().settings
    factor = 1.0
    reasons: list[str] = []
    nums_a = [t for t in rest_a if t.isdigit()]
    nums_b = [t for t in rest_b if t.isdigit()]
    pairs = min(len(nums_a), len(nums_b))
    if pairs:
        factor *= s.number_mismatch_factor**pairs
        reasons.append(f"different numbers ({', '.join(nums_a)} vs {', '.join(nums_b)})")
    others = nums_a[pairs:] + nums_b[pairs:] + [t for t in rest_a + rest_b if not t.isdigit()]
    for tok in others:
        if _legalish(tok):
            factor *= s.unmatched_legal_factor
        elif tok in places:
            factor *= s.unmatched_place_factor
        else:
            factor *= s.unmatched_token_factor
    if others:
        reasons.append("words in only one name: " + ", ".join(others))
    return factor, reasons


def compare_latin(q: Name, c: Name) -> tuple[float, list[str]]:
    s = vocab().settings
    a, b = list(q.tokens), list(c.tokens)
    if "".join(a) == "".join(b):
        return 0.98, ["same letters, different spacing"]
    if (len(a) == 1 and a[0] in c.acronyms) or (len(b) == 1 and b[0] in q.acronyms):  # PLA
        return 0.9, ["one name is the initials of the other"]
    sims, rest_a, rest_b = align(a, b, s.token_fuzzy_min)
    if not sims and len(a) > 1 and a[0] in c.acronyms:  # PLA China / People's Liberation Army
        sims, rest_a = [0.9], a[1:]
    if not sims:
        return 0.0, ["no word in common"]
    places = vocab().latin_places
    extra = q.places | c.places  # mostly empty, or words already in latin_places: no copy of the set
    if not extra <= places:
        places = places | extra
    factor, reasons = unmatched_factor(rest_a, rest_b, places)
    score = sum(sims) / len(sims) * factor
    one_side = rest_a or rest_b
    regions = vocab().latin_regions
    if not (rest_a and rest_b) and one_side and all(t in regions for t in one_side) and min(sims) == 1.0:
        score = max(score, s.score_one_sided_place)  # FABERLIC EUROPE / FABERLIC: its regional arm
        reasons.append("the same name with a world region on one side only: may be its regional entity")
    fuzzy = sum(1 for x in sims if x < 1.0)
    head = f"{len(sims)} words aligned" + (f" ({fuzzy} with spelling differences)" if fuzzy else "")
    return score, [head, *reasons]
