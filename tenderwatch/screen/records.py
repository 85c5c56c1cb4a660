"""The index's records (list entries, analysed list names) kept as one marshalled string each and read
back on first use: a scan screens a few hundred names and touches only their candidates, so a new
process does not rebuild 66,000 objects it never looks at (0.17 s of reading the index cache); the
word index's postings likewise (:class:`LazyPostings`)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class LazyRecords(Sequence[T]):
    """A read-only sequence whose items are made from their stored form when first read."""

    __slots__ = ("_blobs", "_items", "_load")

    def __init__(self, blobs: list[bytes], load: Callable[[bytes], T]) -> None:
        self._blobs = blobs
        self._items: list[T | None] = [None] * len(blobs)
        self._load = load

    def __len__(self) -> int:
        return len(self._blobs)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._blobs)))]
        item = self._items[index]
        if item is None:
            item = self._items[index] = self._load(self._blobs[index])
        return item

    def __iter__(self) -> Iterator[T]:
        for index in range(len(self._blobs)):
            yield self[index]


class LazyPostings(Mapping[str, set[int]]):
    """Word -> list-name numbers as the cache keeps them (packed 32-bit integers), each made a set when
    first looked up: a scan looks up a few hundred of the 30,000 words (making them all cost 0.04 s of
    every start). Numbers go through ``number`` so that one int object per list name is shared (set
    algebra between postings then finds equal numbers by identity, without comparing int objects)."""

    __slots__ = ("_number", "_packed", "_sets")

    def __init__(self, packed: dict[str, bytes], number: Callable[[int], int]) -> None:
        self._packed = packed
        self._sets: dict[str, set[int]] = {}
        self._number = number

    def __getitem__(self, word: str) -> set[int]:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: set[int] | None = None) -> set[int] | None:  # type: ignore[override]
        """``self[word]``, or ``default`` for a word no list name holds (without raising KeyError inside:
        the candidate search asks for many such words)."""
        found = self._sets.get(word)
        if found is None:
            packed = self._packed.get(word)
            if packed is None:
                return default
            numbers = array("i")
            numbers.frombytes(packed)
            found = self._sets[word] = set(map(self._number, numbers))
        return found

    def __contains__(self, word: object) -> bool:
        return word in self._packed

    def __len__(self) -> int:
        return len(self._packed)

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)


LATIN_KEY_KINDS = ("joined:", "acro:")  # the keys only a Latin-script query looks up


class SplitKeys(Mapping[str, bytes]):
    """Name keys -> packed list-name numbers, with the keys only a Latin-script query looks up
    (``LATIN_KEY_KINDS``, ~57,000 of ~61,000) kept as one marshalled string until the first such query:
    notices in Chinese name their parties in Chinese, and a scan of them never reads those keys back."""

    __slots__ = ("_latin", "_latin_blob", "_load", "_other")

    def __init__(self, other: dict[str, bytes], latin_blob: bytes, load: Callable[[bytes], dict[str, bytes]]) -> None:
        self._other = other
        self._latin: dict[str, bytes] | None = None
        self._latin_blob = latin_blob
        self._load = load

    def _latin_keys(self) -> dict[str, bytes]:
        if self._latin is None:
            self._latin = self._load(self._latin_blob)
        return self._latin

    def _part(self, key: str) -> dict[str, bytes]:
        return self._latin_keys() if key.startswith(LATIN_KEY_KINDS) else self._other

    def __getitem__(self, key: str) -> bytes:
        return self._part(key)[key]

    def get(self, key: str, default: bytes | None = None) -> bytes | None:  # type: ignore[override]
        return self._part(key).get(key, default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._part(key)

    def __len__(self) -> int:
        return len(self._other) + len(self._latin_keys())

    def __iter__(self) -> Iterator[str]:
        yield from self._other
        yield from self._latin_keys()
