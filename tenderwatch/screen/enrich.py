"""Merge a source of extra names into a list: the partial Entity List transcription gives Chinese
names and aliases (and two removal dates) for entries the regulation's text holds in English only."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from tenderwatch.screen.entries import ListEntry
from tenderwatch.screen.normalize import analyse

_TAIL_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
FUZZY_MIN = 92  # token-sort ratio for a row whose names match no entry exactly (the list's own typos)


def _keys(name: str) -> list[str]:
    """A name's keys, with its place qualifiers: "Huawei Technologies (Australia) Pty Ltd." is another
    entry than "Huawei Technologies Co., Ltd." (the transcription's Chinese name 华为 belongs to the latter)."""
    keys = []
    for text in dict.fromkeys((name, _TAIL_PAREN.sub("", name))):
        analysed = analyse(text)
        if analysed.script == "latin" and analysed.key:
            keys.append(analysed.key + "".join(f" @{q}" for q in sorted(analysed.qualifiers)))
    return keys


def enrich(entries: list[ListEntry], extra: list[ListEntry]) -> str:
    """Add the names of each ``extra`` row to the entry of ``entries`` it shares a (Latin) name with.
    A row that shares none but carries a removal date is kept as a removed entry (the list in force
    no longer holds it); the others are dropped. Returns what happened, for the version note."""
    index: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for name in (*entry.names(), *entry.subunits):
            for key in _keys(name):
                index.setdefault(key, i)
    matched = removed = dropped = 0
    for row in extra:
        keys = [k for name in row.names() for k in _keys(name)]
        target = next((index[k] for k in keys if k in index), None)
        if target is None:  # "Suma Techology", "NetForward Mircroelectronics": the list's spelling differs
            for key in keys:
                # a misspelling, not another place: only among the names of the same place qualifiers
                place = key.partition(" @")[2]
                same = [k for k in index if k.partition(" @")[2] == place]
                best = process.extractOne(key, same, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_MIN)
                if best is not None:
                    target = index[best[0]]
                    break
        if target is not None:
            entry = entries[target]
            known = {*entry.names(), *entry.subunits}
            entry.aliases.extend(n for n in dict.fromkeys(row.names()) if n not in known)
            entry.start_date = entry.start_date or row.start_date
            entry.end_date = entry.end_date or row.end_date
            matched += 1
        elif row.end_date:
            model = entries[0]
            row.list_name, row.programs = model.list_name, model.programs
            row.remarks = f"removed {row.end_date}; no longer in the list text (partial transcription row)"
            entries.append(row)
            removed += 1
        else:
            dropped += 1
    return f"{matched} rows matched, {removed} removed entries kept, {dropped} rows not found dropped"
