"""A process made ready to scan before its first file: the scan stack imported and what it builds on first
use (vocabularies, compiled patterns, the screening index, the 大写-amount parser) built, by running one
small made-up notice through the pipeline and party screening.

Used where that work is shared or overlaps other work: in the writer just before it forks its pool workers
(they inherit it instead of each building its own), and on Dask workers, started by the client as soon as
it connects (while it opens the store and lists the inputs) or when a worker starts, with
``dask worker --preload tenderwatch.warm``. Nothing here changes a result: the caches it fills are the ones
the first real notice would fill.
"""

from __future__ import annotations

from typing import Any

WARM_UP_NOTICE = (
    "北京测试大学GPU服务器采购项目公开招标公告\n"
    "采购人：北京测试大学\n"
    "采购代理机构：北京测试招标有限公司\n"
    "预算金额：贰拾万元整（¥200,000.00元）\n"
    "采购需求：NVIDIA A100 80GB GPU服务器2台，H100 计算卡，阿里云GPU云服务器 ecs.gn7 实例\n"
    "中标供应商：北京测试科技有限公司，统一社会信用代码：91110108MA01TEST0X\n"
    "发布日期：2024年01月02日\n"
).encode()


def warm_up() -> None:
    """Build, in this process, what the first notice of a scan would build (a few tenths of a second)."""
    from tenderwatch.parties import resolve_parties
    from tenderwatch.pipeline import process_bytes

    process_bytes(WARM_UP_NOTICE, "warm-up.txt", finish=resolve_parties)


def warm_up_worker() -> None:
    """:func:`warm_up` in a worker process of this program's own (a pool worker not forked from a warm
    writer, a Dask worker): with the patterns compiled by an earlier process read back
    (:mod:`tenderwatch.patterncache`), and those it compiled first kept for the next."""
    from tenderwatch import patterncache

    patterncache.install()
    warm_up()
    patterncache.save()


async def warm_up_on_worker() -> None:
    """:func:`warm_up_worker` for ``Client.run(..., wait=False)`` (which takes only a coroutine function): run
    in the worker's event loop, so tasks that arrive meanwhile start after it."""
    warm_up_worker()


def dask_setup(worker: Any) -> None:
    """``dask worker --preload tenderwatch.warm``: warm the worker when it starts, not on its first task."""
    warm_up_worker()
