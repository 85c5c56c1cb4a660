"""Lists parsed from the regulations' own text (eCFR Entity List and MEU List, the DoD 1260H list,
Treasury's NS-CMIC list), one row per entry with columns
``name, aliases, country, address, federal_register, first_cited, last_cited, effective_date, notes``.

The text folds several things into a few columns; they are taken apart here:

- a trailing ``(ACRONYM)`` of the name becomes an alias, ``(a subordinate institute of X)`` a parent;
- ``X subordinate institution: Y`` names Y, a subordinate institution of X (``part_of``);
- names in the address text before "The following addresses apply to the entity and (to) the N
  subordinate institutions" are subordinate institutions of the entry; so are aliases that are
  another name of the entry followed by an institute, centre, school ... ("Harbin Institute of
  Technology, Shenzhen Research Institute"), and 1260H subsidiaries "listed together";
- ``(a.k.a., A and B)`` at the start of an address and ``(f.k.a., X)`` in a name are aliases;
- the date first listed is the first Federal Register citation's date (``first_cited``); NS-CMIC
  rows carry a "Listing Date (CMIC)"; Unified Social Credit Codes in the notes are identifiers.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import datetime

from tenderwatch.screen.entries import ListEntry, ListFormatError, find_usccs
from tenderwatch.screen.loaders.ofac import decode

COLUMNS = {"name", "aliases", "country", "address", "federal_register", "first_cited", "effective_date", "notes"}

_SUB_IN_NAME = re.compile(r"^(?P<parent>.+?)\s+subordinate institution:\s*(?P<sub>.*)$", re.IGNORECASE)
_TAIL_PAREN = re.compile(r"\s*\(([^()]*)\)?\s*$")
_PARENT_NOTE = re.compile(r"^(?:a\s+)?(?:subsidiary|subordinate (?:institute|institution|entity)) of\s+(.+)$", re.I)
_AKA = re.compile(r"^(?:[fan]\.k\.a\.?,?)\s*(.+)$", re.IGNORECASE)
_ADDR_AKA = re.compile(r"^\s*\((?:[fan]\.k\.a\.?,?)\s*([^)]*)\),?\s*", re.IGNORECASE)
_ADDR_FOLLOWING = re.compile(r"^\s*(?:and\s+)?(?:a\.k\.a\.,?\s*)?the following \w+ alias(?:es)?:\s*", re.IGNORECASE)
_APPLY = re.compile(r"The following addresses? appl(?:y|ies) to the entity and (?:to )?the \w+ subordinate"
                    r" institutions?:\s*", re.IGNORECASE)
_SUB_PREFIX = re.compile(r"^Subordinate institution\s+", re.IGNORECASE)
_CUT_AT = re.compile(r",\s*(?:a\.k\.a\.|f\.k\.a\.|the following|No\.|\d)", re.IGNORECASE)
_ALIAS_JUNK = re.compile(r"the following \w+ alias|^\W*$", re.IGNORECASE)
_ALIAS_ADDRESS = re.compile(r"\.\s+(?=\d|No\.?\s|Room|Building|Floor|Unit\b)")
_LISTED_WITH = re.compile(r"Listed together with subsidiar(?:y|ies):\s*(.+?)(?:\s+\|\s+|$)", re.IGNORECASE)
_LEGAL_TAIL = re.compile(r"\s*(?:Ltd|Limited|Inc|LLC|PLC|L\.?P|S\.?L\.?U|USA|Corp|GmbH|AG|S\.?A)\b\.?\s*(?:[,()]|$)")
_CMIC_DATE = re.compile(r"Listing Date \(CMIC\):?\s*(\d{1,2} [A-Z][a-z]{2} \d{4})")
_SUB_WORDS = re.compile(r"\b(?:institutes?|institution|centers?|centres?|schools?|colleges?|laborator(?:y|ies)|labs?|"
                        r"campus|branch|hospital|department|faculty|park|base)\b", re.IGNORECASE)


def _acronym_like(text: str) -> bool:
    """CETC 38, NSCC-CS, BUAA, HiSilicon: short, and no lower-case word of its own."""
    words = text.split()
    if not words or len(text) > 24 or len(words) > 3:
        return False
    return all(any(c.isupper() or c.isdigit() for c in w) for w in words)


def _split_name(raw: str, places: frozenset[str]) -> tuple[str, list[str], str]:
    """(name, aliases, parent) from the name cell."""
    name, aliases, parent = raw.strip(), [], ""
    for _ in range(2):  # "X (f.k.a., Y) (ABC)" has two
        m = _TAIL_PAREN.search(name)
        if m is None or m.start() == 0:
            break
        inner = m.group(1).strip().rstrip(",")
        note = _PARENT_NOTE.match(inner)
        aka = _AKA.match(inner)
        if note:
            parent = note.group(1).strip()
        elif aka:
            aliases.append(aka.group(1).strip())
        elif _acronym_like(inner) and inner.lower() not in places:
            aliases.append(inner)
        else:
            break
        name = name[: m.start()].rstrip(" ,")
    return name, aliases, parent


def _clean_alias(alias: str) -> list[str]:
    alias = alias.strip().rstrip(";,")
    if not alias or (_ALIAS_JUNK.search(alias) and alias.endswith(":")):
        head = alias.split(", a.k.a.", 1)[0].strip()
        return [head] if head and head != alias else []
    alias = _ALIAS_ADDRESS.split(alias, maxsplit=1)[0].strip().rstrip(".")
    out: list[str] = []
    m = re.match(r"^(.*?)\s*\((?:f\.k\.a\.|a\.k\.a\.),?\s*([^)]*)\)?$", alias, re.IGNORECASE)
    if m:
        out.extend(p.strip() for p in m.groups() if p.strip())
    elif alias:
        out.append(alias)
    return out


def _address_parts(address: str) -> tuple[list[str], list[str], list[str]]:
    """(aliases, subordinate institutions, addresses) from the address cell."""
    aliases: list[str] = []
    subs: list[str] = []
    text = address.strip()
    m = _ADDR_AKA.match(text)
    if m:
        aliases.extend(p.strip() for p in re.split(r",\s*|\s+and\s+", m.group(1)) if p.strip())
        text = text[m.end():]
    text = _ADDR_FOLLOWING.sub("", text)
    apply = _APPLY.search(text)
    lead = _SUB_PREFIX.match(text)
    if apply:  # "A. B. Subordinate institution C. The following addresses apply to the entity and ..."
        for sentence in re.split(r"\.\s+", text[: apply.start()]):
            name = _SUB_PREFIX.sub("", sentence.strip()).rstrip(".")
            cut = _CUT_AT.search(name)
            name = (name[: cut.start()] if cut else name).strip()
            if name and len(name.split()) <= 12:
                subs.append(name)
        text = text[apply.end():]
    elif lead:  # "Subordinate institution X, a.k.a., the following one alias, No. 10, ... Road"
        body = text[lead.end():]
        cut = _CUT_AT.search(body)
        subs.append((body[: cut.start()] if cut else body).strip())
        text = _ADDR_FOLLOWING.sub("", re.sub(r"^,\s*a\.k\.a\.,?\s*", "", body[cut.start():])) if cut else ""
        text = re.sub(r"^,?\s*the following \w+ alias(?:es)?,\s*", "", text, flags=re.I)
    addresses = [a.strip(" .;") for a in re.split(r";\s*(?:and\s+)?", text) if a.strip(" .;")]
    return aliases, subs, addresses


def _top_level_items(text: str) -> list[str]:
    """Split a list of names at ", " outside brackets, keeping ", Inc." / ", Ltd." with their name."""
    items: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0 and not _LEGAL_TAIL.match(text, i + 1):
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return [re.sub(r"^\s*and\s+", "", item).strip(" .") for item in items if item.strip(" .")]


def _brackets(item: str) -> tuple[str, list[str]]:
    """"A (B (C))" -> ("A", ["B (C)"]): the name without its top-level brackets, and their contents."""
    base: list[str] = []
    inner: list[str] = []
    depth = 0
    current = ""
    for ch in item:
        if ch == "(":
            if depth:
                current += ch
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth:
                current += ch
            else:
                inner.append(current.strip())
                current = ""
        elif depth:
            current += ch
        else:
            base.append(ch)
    return " ".join("".join(base).split()), [i for i in inner if i]


def _listed_with(notes: str, places: frozenset[str]) -> list[str]:
    """1260H: "Listed together with subsidiaries: A, B (B2), C Co., Ltd., and D." (cut short with "...")."""
    m = _LISTED_WITH.search(notes)
    if m is None:
        return []
    text = m.group(1).strip()
    cut_short = text.endswith("...")
    items = _top_level_items(text.rstrip("."))
    if cut_short and items:
        items.pop()
    out: list[str] = []

    def is_place(part: str) -> bool:
        return part.lower() in places or part in ("BVI", "Group", "GROUP")

    for item in items:
        base, inner = _brackets(item)
        if any(is_place(part) for part in inner):  # "China Mobile Hong Kong (BVI) Limited" keeps its place
            base = " ".join(re.sub(r"\s*\(([^()]*)\)", lambda m: m.group(0) if is_place(m.group(1)) else "",
                                   item).split())
        out.append(base)
        out.extend(_brackets(re.sub(r"^formerly\s+", "", part, flags=re.I))[0] for part in inner if not is_place(part))
    out = [n for n in out if n.lower() not in places]
    return [n for n in dict.fromkeys(out) if len(n) >= 3]


def _is_subunit(alias: str, names: list[str]) -> bool:
    """An alias that is another name of the entry followed by an institute, centre, school ..."""
    low = alias.lower()
    for other in names:
        head = other.lower()
        if len(head) >= 6 and low.startswith(head) and len(low) > len(head) + 3:
            rest = alias[len(head):]
            if rest[:1] in (",", " ") and _SUB_WORDS.search(rest):
                return True
    return False


def _date(text: str) -> str:
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    for fmt in ("%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def _entry_id(prefix: str, name: str, country: str, seen: set[str]) -> str:
    base = prefix + "-" + hashlib.sha1(f"{name}|{country}".encode()).hexdigest()[:10]
    entry_id, n = base, 1
    while entry_id in seen:
        n += 1
        entry_id = f"{base}-{n}"
    seen.add(entry_id)
    return entry_id


def parse_regulation_csv(data: bytes, list_name: str, programme: str = "", id_prefix: str = "R",
                         places: frozenset[str] = frozenset(), dated: bool = True) -> list[ListEntry]:
    """Parse one file; ``dated=False`` when the file's dates are an edition's, not the listing's."""
    reader = csv.DictReader(io.StringIO(decode(data).lstrip("\ufeff")))
    columns = {(f or "").strip().lower() for f in reader.fieldnames or []}
    if not columns >= COLUMNS:
        raise ListFormatError(f"{list_name}: expected columns {', '.join(sorted(COLUMNS))}")
    out: list[ListEntry] = []
    seen: set[str] = set()
    for row in reader:
        cell = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        raw = cell.get("name", "")
        raw_aliases = [a for part in cell.get("aliases", "").split("|") for a in _clean_alias(part)]
        parent = ""
        sub = _SUB_IN_NAME.match(raw)
        if sub:
            parent, raw = sub.group("parent").strip(), sub.group("sub").strip()
            if not raw and raw_aliases:
                raw = raw_aliases.pop(0)
        if not raw:
            continue
        name, name_aliases, note_parent = _split_name(raw, places)
        parent = parent or note_parent
        notes = cell.get("notes", "")
        m = re.match(r"Subordinate institution of (.+)$", notes, re.I)
        if m and not parent:
            parent = m.group(1).strip().rstrip(".")
        addr_aliases, subs, addresses = _address_parts(cell.get("address", ""))
        aliases: list[str] = []
        names_so_far = [name]
        for alias in [*name_aliases, *raw_aliases, *addr_aliases]:
            if alias in names_so_far or alias in subs:
                continue
            if _is_subunit(alias, names_so_far):
                subs.append(alias)
            else:
                aliases.append(alias)
                names_so_far.append(alias)
        subs.extend(s for s in _listed_with(notes, places) if s not in subs and s not in names_so_far)
        citations = [c.strip(" .") for c in re.split(r"\n|\.\s+(?=\d+ FR)", cell.get("federal_register", "")) if c.strip(" .")]
        cmic = _CMIC_DATE.search(notes)
        since = _date(cmic.group(1)) if cmic else (cell.get("first_cited", "") if dated else "")
        country = cell.get("country", "")
        out.append(ListEntry(
            list_name=list_name, entry_id=_entry_id(id_prefix, name, country, seen), name=name,
            aliases=list(dict.fromkeys(aliases)), identifiers=find_usccs(notes), country=country,
            kind="entity", programs=programme, start_date=since, addresses=addresses, citations=citations,
            subunits=list(dict.fromkeys(subs)), part_of=parent, remarks=notes,
        ))
    if not out:
        raise ListFormatError(f"{list_name}: no named entries")
    return out
