"""Writers for the sixth held-out corpus: the third corpus's writers (HTML in several encodings, text, DOCX,
PDF) pointed at this folder's ``corpus``, and the fifth corpus's page shells."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_writers = _load("_heldout3_gen_common", HERE.parent / "heldout3" / "_gen_common.py")
_writers.CORPUS = CORPUS  # the writers write into the module's CORPUS
esc = _writers.esc
write_html = _writers.write_html
write_txt = _writers.write_txt
html_table = _writers.html_table
write_docx = _writers.write_docx
write_pdf = _writers.write_pdf
_shells5 = _load("_heldout5_shells", HERE.parent / "heldout5" / "_shells.py")  # imports esc from here
ccgp = _shells5.ccgp
ggzy = _shells5.ggzy
campus = _shells5.campus
aggregator = _shells5.aggregator
plain = _shells5.plain

__all__ = ["CORPUS", "aggregator", "campus", "ccgp", "esc", "ggzy", "html_table", "plain", "write_docx",
           "write_html", "write_pdf", "write_txt"]
