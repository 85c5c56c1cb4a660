"""Resource limits for the read stage.

Every reader is bounded so that a hostile or broken file can neither hang the
scan nor exhaust memory. One ``Limits`` object is passed down through
containers (zip -> member -> reader).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Limits:
    """Bounds applied while reading one input file.

    Attributes:
        max_file_bytes: larger inputs (or zip members) fail with ``TOO_LARGE``.
        max_chars: extracted text longer than this is cut; ``meta["truncated"]``
            then holds the original length.
        max_pdf_pages: only the first N pages of a PDF are read
            (``meta["truncated"]`` says so).
        max_zip_members: archives with more entries fail with ``UNSAFE_ARCHIVE``.
        max_zip_total_bytes: cap on the summed uncompressed size of all members.
        max_zip_ratio: a member whose uncompressed/compressed ratio is above this
            is refused as a probable zip bomb.
        max_zip_depth: zips nested deeper than this are refused.
        max_seconds: time budget for one PDF/DOCX/XLSX; pages or rows after it
            are skipped (``meta["truncated"]`` says so).
        max_records: JSON/JSONL exports yield at most this many records; the rest
            are reported as one ``TOO_LARGE`` failure.
    """

    max_file_bytes: int = 50 * 1024 * 1024
    max_chars: int = 2_000_000
    max_pdf_pages: int = 500
    max_zip_members: int = 2_000
    max_zip_total_bytes: int = 200 * 1024 * 1024
    max_zip_ratio: float = 200.0
    max_zip_depth: int = 3
    max_seconds: float = 30.0
    max_records: int = 200_000


DEFAULT_LIMITS = Limits()
