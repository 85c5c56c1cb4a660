"""The curated alias table (data/screen/aliases.yaml), indexed by normalised key."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tenderwatch.screen.normalize import Name, analyse
from tenderwatch.screen.vocab import AliasEntry, vocab


@dataclass(slots=True)
class AliasTable:
    by_key: dict[str, frozenset[str]]
    entries: dict[str, AliasEntry]
    names: dict[str, list[Name]]

    def ids(self, name: Name) -> frozenset[str]:
        if not name.key:
            return frozenset()
        return self.by_key.get(name.script + ":" + name.key, frozenset())


@cache
def alias_table() -> AliasTable:
    by_key: dict[str, set[str]] = {}
    entries: dict[str, AliasEntry] = {}
    names: dict[str, list[Name]] = {}
    for entry in vocab().aliases:
        entries[entry.id] = entry
        analysed = [analyse(n) for n in entry.names]
        names[entry.id] = analysed
        for a in analysed:
            if a.key:
                by_key.setdefault(a.script + ":" + a.key, set()).add(entry.id)
    return AliasTable({k: frozenset(v) for k, v in by_key.items()}, entries, names)
