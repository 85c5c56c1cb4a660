"""Screening: match buyers and suppliers against US restricted-party lists, across scripts.

Public API::

    from tenderwatch.screen import get_screener, classify_party, party_key, compare, ScreenHit
    hits = get_screener().screen("北京航空航天大学网络空间安全学院", identifiers=())
"""

from tenderwatch.screen.classify import classify_party
from tenderwatch.screen.compare import Comparison, compare
from tenderwatch.screen.hits import ScreenHit
from tenderwatch.screen.party import party_key
from tenderwatch.screen.screener import Screener, get_screener, reset_screener_cache

__all__ = ["Comparison", "ScreenHit", "Screener", "classify_party", "compare", "get_screener", "party_key",
           "reset_screener_cache"]
