"""Writers for the fifth held-out corpus: the third corpus's writers (HTML in several
encodings, text, DOCX, PDF), pointed at this folder's ``corpus``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

_spec = importlib.util.spec_from_file_location("_heldout3_gen_common", HERE.parent / "heldout3" / "_gen_common.py")
assert _spec is not None and _spec.loader is not None
_writers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_writers)
_writers.CORPUS = CORPUS  # the writers write into the module's CORPUS

esc = _writers.esc
write_html = _writers.write_html
write_txt = _writers.write_txt
html_table = _writers.html_table
write_docx = _writers.write_docx
write_pdf = _writers.write_pdf

__all__ = ["CORPUS", "esc", "html_table", "write_docx", "write_html", "write_pdf", "write_txt"]
