"""WARC index files (CDX, CDXJ), which wget --warc-cdx, pywb and Browsertrix write beside the
WARC files: recognised so that a scan of a crawl folder stores them as "not a notice"."""

from __future__ import annotations

import re

# CDX: a " CDX " legend line; CDXJ: "SURT-key TIMESTAMP {json}" lines (the key holds a ")")
_CDX_LEGEND = re.compile(r" ?CDX(?: [A-Za-z]){3,}")
_CDXJ_LINE = re.compile(r"[^\s)]*\)\S* \d{14} \{")


def looks_like_warc_index(text: str) -> bool:
    """Is this text a CDX or CDXJ index (by its first line)?"""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return bool(_CDX_LEGEND.match(first) or _CDXJ_LINE.match(first))
