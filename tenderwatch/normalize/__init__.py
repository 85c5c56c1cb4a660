"""Normalise stage: NFKC, traditional -> simplified, spacing, with a source map; the
length-keeping search form of a text (``fold``)."""

from tenderwatch.normalize.text import NormText, fold, normalize

__all__ = ["NormText", "fold", "normalize"]
