"""The curated alias table (data/screen/aliases.yaml), indexed by normalised key, and the numbered
institutes of data/screen/institutes.yaml (ids ``inst:<group>-<kind>-<number>``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tenderwatch.screen.institutes import group_rests, institute_ids, known_institutes
from tenderwatch.screen.normalize import Name, analyse
from tenderwatch.screen.vocab import AliasEntry, vocab


@dataclass(slots=True)
class AliasTable:
    by_key: dict[str, frozenset[str]]
    entries: dict[str, AliasEntry]
    names: dict[str, list[Name]]

    def ids(self, name: Name) -> frozenset[str]:
        """The alias entries a name resolves to, with the numbered institute it names (institutes.py)."""
        if not name.key:
            return frozenset()
        found = self.by_key.get(name.script + ":" + name.key, frozenset())
        if not found:  # a unit written after its group's name, the unit in the table
            for rest in group_rests(name):
                found = self.by_key.get("zh:" + analyse(rest).key, frozenset())
                if found:
                    break
        institutes = institute_ids(name)
        if not institutes:
            return found
        self.add_institutes(institutes)
        return found | institutes

    def add_institutes(self, idents: frozenset[str] | set[str]) -> None:
        """Entries for the numbered institutes among ``idents`` that the table does not hold yet."""
        for ident in idents - self.entries.keys():
            if ident.startswith("inst:"):
                self._add_institute(ident)

    def _add_institute(self, ident: str) -> None:
        known = known_institutes().get(ident)
        if known is not None:
            self.entries[ident] = AliasEntry(ident, [known.label, *known.names], f"institutes.yaml: {known.source}")
            self.names[ident] = [n for n in map(analyse, known.names) if n.key]
        else:
            group, kind, number = ident.removeprefix("inst:").rsplit("-", 2)
            self.entries[ident] = AliasEntry(ident, [f"{group.upper()} {kind} {number}"],
                                             "group and number read from the name (institutes.yaml groups)")
            self.names[ident] = []


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
