"""Parsers for restricted-party list formats. Each returns ``list[ListEntry]`` or raises
:class:`tenderwatch.screen.entries.ListFormatError` with a readable reason."""

from tenderwatch.screen.loaders.detect import detect_format, parse_bytes

__all__ = ["detect_format", "parse_bytes"]
