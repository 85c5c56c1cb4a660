"""Exceptions readers raise; :func:`tenderwatch.read.core.read_bytes` turns them
into ``ReadFailure`` records."""

from __future__ import annotations

import zipfile
import zlib

from ..model import FailReason

# What damaged packages raise inside zipfile / zlib / lxml (XMLSyntaxError is a
# SyntaxError) / python-docx / openpyxl: reported as CORRUPT, not as a bug.
CORRUPTION_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    NotImplementedError,
    SyntaxError,
)


class ReadError(Exception):
    """A reader could not produce text; carries the failure reason."""

    def __init__(self, reason: FailReason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
