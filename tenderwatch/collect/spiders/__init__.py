"""One Scrapy spider per source, on the shared base in ``base.py``."""

from __future__ import annotations

from tenderwatch.collect.spiders.base import SourceSpider
from tenderwatch.collect.spiders.ccgp import CcgpSpider
from tenderwatch.collect.spiders.ggzy import GgzySpider
from tenderwatch.collect.spiders.zcy import ZcySpider

SPIDERS: dict[str, type[SourceSpider]] = {
    CcgpSpider.name: CcgpSpider,
    GgzySpider.name: GgzySpider,
    ZcySpider.name: ZcySpider,
}

__all__ = ["SPIDERS", "SourceSpider"]
