"""READ stage: file bytes -> ``TextDoc`` records (or ``ReadFailure`` with a reason).

Public API::

    read_bytes(data, path, limits=None) -> list[TextDoc | ReadFailure]
    walk(roots, follow_symlinks) -> Iterator[Input]      # every input, or why it is not read
    collect(roots) -> Iterator[tuple[Path, str]]        # (file on disk, display path), read ones
    Limits                                               # size / page / archive / time bounds
    GuardedReader(limits, timeout).read(data, path)      # hard timeout for PDF/Office/zip

Module map: ``core`` (sniff + dispatch, never raises), ``sniff`` (magic bytes),
``decode`` (BOM / UTF-8 / declared charset / GB18030-vs-Big5 / detector),
``html`` + ``htmltext`` + ``templates`` (selectolax; page templates and label
vocabulary in ``data/read/html_templates.yaml``), ``scripttext`` (JS-rendered
pages), ``mhtml``, ``pdf`` (pypdfium2), ``docx`` (python-docx), ``xlsx``
(openpyxl), ``records`` (JSON/JSONL exports; field map in
``data/read/record_fields.yaml``), ``archive`` (zip), ``collect`` (the input walker), ``guard``,
``valid`` (valid text, escaped names), ``complexity`` (HTML depth bound), ``deadline``.

Container paths: a record or member is ``PATH#KEY`` (nested zips:
``a.zip#inner.zip#doc.html``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .collect import Input, collect, walk
from .limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from .core import read_bytes
    from .guard import GuardedReader

__all__ = ["DEFAULT_LIMITS", "GuardedReader", "Input", "Limits", "collect", "read_bytes", "walk"]

# The readers are imported when first asked for: listing the inputs (``walk``) or ``Limits`` does not load
# them (``core``: HTML, charsets, archives; ~0.05 s of CPU), which a scan's writer whose workers read the
# files (a Dask client) never needs. (``collect`` and ``limits`` load at once: a submodule imported
# elsewhere would otherwise stand in this package for the function of its name.)
_WHERE = {"read_bytes": "core", "GuardedReader": "guard"}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
