"""Imports go only downward through the stages (ARCHITECTURE.md): a module may import its own
sub-package and any lower layer, never a higher one (the store never imports the report)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tenderwatch"

# lowest first; modules on one line are one layer
LAYERS: list[set[str]] = [
    {"model", "fx", "yamlfile", "cacheswitch", "safepickle", "tempfiles", "patterncache", "home", "__init__", "data", "examples"},
    {"read"},
    {"normalize"},
    {"notice"},
    {"detect"},
    {"screen"},
    {"parties", "pipeline", "warm"},
    {"store"},
    {"scan", "scaninput", "warcscan"},
    {"collect"},
    {"report"},
    {"web"},
    {"watch"},
    {"cli"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _unit(parts: tuple[str, ...]) -> str:
    """The layer name of a module path under tenderwatch/ (sub-package or top-level module)."""
    head = parts[0]
    return head[:-3] if head.endswith(".py") else head


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "tenderwatch":
                names = [f"tenderwatch.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "tenderwatch" and len(parts) > 1:
                found.append((parts[1], node.lineno))
    return found


def test_every_module_has_a_layer() -> None:
    units = {_unit(p.relative_to(PACKAGE).parts) for p in PACKAGE.rglob("*.py")}
    assert units <= set(RANK), f"add these to LAYERS: {sorted(units - set(RANK))}"


def test_imports_only_go_down() -> None:
    upward: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        unit = _unit(path.relative_to(PACKAGE).parts)
        for target, line in _imports(path):
            if target in RANK and unit in RANK and RANK[target] > RANK[unit]:
                upward.append(f"{path.relative_to(PACKAGE)}:{line} imports tenderwatch.{target}")
    assert not upward, "imports that go up a layer:\n" + "\n".join(upward)
