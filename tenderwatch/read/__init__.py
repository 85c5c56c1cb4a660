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

if TYPE_CHECKING:
    from .collect import Input, collect, walk
    from .core import read_bytes
    from .guard import GuardedReader
    from .limits import DEFAULT_LIMITS, Limits

__all__ = ["DEFAULT_LIMITS", "GuardedReader", "Input", "Limits", "collect", "read_bytes", "walk"]

# Each name is imported from its module when first asked for: listing the inputs (``walk``) or ``Limits``
# does not load the readers (``core``: HTML, charsets, archives; ~0.05 s of CPU), which a scan's writer
# whose workers read the files (a Dask client) never needs.
_WHERE = {"Input": "collect", "collect": "collect", "walk": "collect", "read_bytes": "core",
          "GuardedReader": "guard", "DEFAULT_LIMITS": "limits", "Limits": "limits"}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
