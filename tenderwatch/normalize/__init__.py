"""Normalise stage: NFKC, traditional -> simplified, spacing, with a source map."""

from tenderwatch.normalize.text import NormText, normalize

__all__ = ["NormText", "normalize"]
