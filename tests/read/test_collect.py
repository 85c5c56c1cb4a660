"""collect(): display paths, order, hidden files."""

from __future__ import annotations

from pathlib import Path

from tenderwatch.read import collect


def test_collect_paths_and_order(tmp_path: Path) -> None:
    root = tmp_path / "scan"
    (root / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.html").write_text("x")
    (root / "b" / "c.pdf").write_text("x")
    (root / "B.txt").write_text("x")
    (root / ".hidden.txt").write_text("x")
    (root / ".DS_Store").write_text("x")
    (root / ".git" / "config").write_text("x")
    (root / "labels-dA.jsonl").write_text("{}")
    single = tmp_path / "one.json"
    single.write_text("{}")
    got = [(p.relative_to(tmp_path).as_posix(), d) for p, d in collect([root, single, tmp_path / "missing"])]
    assert got == [
        ("scan/B.txt", "B.txt"),
        ("scan/a.html", "a.html"),
        ("scan/labels-dA.jsonl", "labels-dA.jsonl"),
        ("scan/b/c.pdf", "b/c.pdf"),
        ("one.json", "one.json"),
    ]
