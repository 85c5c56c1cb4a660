"""Bytes -> str for text-like inputs (HTML, TXT, JSON).

Order: byte-order mark, strict UTF-8, a declared charset (only if it decodes
cleanly; GBK/GB2312 are decoded as their superset GB18030, Big5 as CP950 /
Big5-HKSCS), then charset-normalizer detection.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Declared name -> codecs to try, in order (supersets first).
_ALIASES: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gb_2312": ("gb18030",),
    "gb_2312-80": ("gb18030",),
    "gbk": ("gb18030",),
    "x-gbk": ("gb18030",),
    "cp936": ("gb18030",),
    "gb18030": ("gb18030",),
    "hz-gb-2312": ("hz",),
    "big5": ("cp950", "big5hkscs"),
    "big5-hkscs": ("big5hkscs", "cp950"),
    "cp950": ("cp950", "big5hkscs"),
    "x-x-big5": ("cp950", "big5hkscs"),
}

# Single-byte codecs accept any bytes, so a (frequently wrong) declaration of
# one proves nothing about GBK/Big5 pages.
_SINGLE_BYTE = frozenset({"latin_1", "cp1252", "cp1250", "cp1251", "mac_roman", "cp437"})

# Encodings a detector may return as is; anything more exotic is treated as a misdetection.
_USUAL = frozenset(
    {"cp1252", "latin_1", "cp1250", "cp1251", "koi8_r", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949",
     "gb18030", "gb2312", "gbk", "big5", "cp950", "big5hkscs", "hz", "iso2022_jp", "iso2022_kr",
     "utf_16", "utf_16_le", "utf_16_be", "utf_32", "ascii", "utf_8"}
)  # fmt: skip

_CJK = frozenset({"gb18030", "cp950", "big5hkscs"})

_NEWLINES = re.compile(r"\r\n?")


class UndecodableError(ValueError):
    """No encoding decodes the bytes to plausible text."""


def normalize_newlines(text: str) -> str:
    """CRLF / CR -> LF."""
    if "\r" not in text:
        return text
    return _NEWLINES.sub("\n", text)


def _codecs_for(declared: str) -> tuple[str, ...]:
    name = declared.strip().strip("\"'").lower()
    if name in _ALIASES:
        return _ALIASES[name]
    try:
        return (codecs.lookup(name).name,)
    except LookupError:
        return ()


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """Frequent characters: GB2312 level 1 (3,755 simplified) and Big5 level 1
    (5,401 traditional), read from the codecs themselves."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("cp950"))
    chars.update("，。、；：？！“”‘’（）《》【】—…·０１２３４５６７８９％ ")
    return frozenset(chars)


def _plausibility(text: str) -> float:
    """Share of common Chinese characters among the non-ASCII ones (first 20k)."""
    common = _common_hanzi()
    sample = [ch for ch in text[:20_000] if ord(ch) > 0x7F]
    if not sample:
        return 1.0
    return sum(ch in common for ch in sample) / len(sample)


def _guess_chinese(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5, whichever decodes to more common Chinese text.

    Byte-statistics detectors are unreliable on short Chinese texts; the
    notices are Chinese, so the two Chinese encodings are tried first.
    """
    best: tuple[float, str, str] | None = None
    for enc in ("gb18030", "cp950", "big5hkscs"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is not None and best[0] >= 0.6:
        return best[1], best[2]
    return None


def decode_bytes(data: bytes, declared: str | tuple[str | None, ...] | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``. Newlines are not touched.

    ``declared``: a charset the source names (or several, tried in order, e.g. an HTTP
    header's then the page's <meta>). Raises ``UndecodableError`` when nothing decodes it.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in (declared,) if isinstance(declared, str) else declared or ():
        found = _declared(data, name) if name else None
        if found is not None:
            return found
    cjk = _guess_chinese(data)
    if cjk is not None:
        return cjk
    lossy = _damaged(data)
    if lossy is not None:
        return lossy
    # imported only here: its import costs more instructions than reading a typical page, and only bytes
    # no other way decodes get this far
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        enc = best.encoding
        if enc not in _USUAL and not enc.startswith("iso8859"):
            # Detectors pick exotic code pages for short Western text; cp1252 is the usual truth.
            with contextlib.suppress(UnicodeDecodeError):
                return data.decode("cp1252"), "cp1252"
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            return str(best), enc
    raise UndecodableError("no text encoding fits (tried UTF-8, declared charset, GB18030, Big5, detection)")


def _declared(data: bytes, declared: str) -> tuple[str, str] | None:
    """``data`` decoded by the declared charset, if that decodes it cleanly (and reads as Chinese
    for the Chinese code pages, which "cleanly" decode each other's bytes)."""
    for enc in _codecs_for(declared):
        if enc in _SINGLE_BYTE or enc.startswith("iso8859"):
            return None  # decodes anything "cleanly": let detection decide
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc not in _CJK or _plausibility(text) >= 0.6:
            return text, enc
        return None
    return None


def _damaged(data: bytes) -> tuple[str, str] | None:
    """UTF-8 / GB18030 / Big5 text with some broken bytes, decoded with U+FFFD
    for them. UTF-8 may be damaged up to 15% when its valid multi-byte
    characters outnumber the broken ones 2:1 (Latin-1 text has none); the
    Chinese code pages (which accept most byte pairs) only up to 1% and must
    read as Chinese."""
    best: tuple[int, str, str] | None = None
    for enc in ("utf-8", "gb18030", "cp950"):
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        if enc == "utf-8":
            valid = sum(1 for ch in text[:50_000] if ord(ch) > 0x7F) - min(bad, 50_000)
            if bad > len(text) * 0.15 or valid < 2 * min(bad, 50_000):
                continue
        elif bad > max(2, len(text) // 100) or _plausibility(text.replace("\ufffd", "")) < 0.6:
            continue
        if best is None or bad < best[0]:
            best = (bad, text, enc)
    return (best[1], best[2] + " (damaged)") if best is not None else None
