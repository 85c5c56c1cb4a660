"""Text search over the leads: the query and the text are folded the same way (NFKC,
traditional -> simplified, lower case: ``Ａ１００`` finds ``A100``, ``深圳大學`` finds
``深圳大学``), snippets with the match, and why a search and the item filter may differ."""

from __future__ import annotations

from dataclasses import dataclass

from tenderwatch.normalize import fold

SNIPPET_REACH = 40  # characters shown each side of the match


@dataclass(slots=True)
class Snippet:
    """The text around the first match: ``before`` + ``match`` + ``after`` (as written)."""

    before: str
    match: str
    after: str
    start: int


def fts_phrase(text: str) -> str:
    """One FTS5 phrase: the user's text cannot become query syntax."""
    return '"' + text.replace('"', '""') + '"'


def folded_query(q: str) -> str:
    return fold(" ".join(q.split()))


def snippet(text: str, q: str) -> Snippet | None:
    """The first match of ``q`` in ``text`` whatever its script or width, as written there.
    Folding keeps one character for one, so the offsets in the folded text are the text's."""
    needle = folded_query(q)
    if not needle or not text:
        return None
    at = fold(text).find(needle)
    if at < 0:
        return None
    end = at + len(needle)
    left, right = max(0, at - SNIPPET_REACH), min(len(text), end + SNIPPET_REACH)
    before = ("…" if left else "") + " ".join(text[left:at].split())
    after = " ".join(text[end:right].split()) + ("…" if right < len(text) else "")
    return Snippet(before, text[at:end], after, at)


def item_named(q: str, items: list[str]) -> str | None:
    """The item of the Item filter that the search text names exactly, if any."""
    needle = folded_query(q)
    return next((item for item in items if fold(item) == needle), None)


def agreement_notes(q: str, item: str, by_text: set[int], by_item: set[int]) -> list[str]:
    """Why a text search for an item and the item filter give different leads."""
    notes: list[str] = []
    text_only, item_only = len(by_text - by_item), len(by_item - by_text)
    if text_only:
        notes.append(f"{text_only} of these leads write '{q}' but have no {item} finding bought in them "
                     f"(a ban clause, an identifier, another item's lead); the {item} item filter leaves them out")
    if item_only:
        notes.append(f"{item_only} leads with an {item} finding do not write '{q}' (found through an instance "
                     f"type, a variant or a system name); the {item} item filter shows them")
    return notes
