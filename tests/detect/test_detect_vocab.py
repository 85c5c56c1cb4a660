"""The vocabulary files load, validate and carry a source for every entry."""

from __future__ import annotations

import pytest
import yaml

from tenderwatch.detect import vocab as vocab_module
from tenderwatch.detect.anchors import automaton, find_anchors
from tenderwatch.detect.vocab import DATA_DIR, VocabError, vocab


def test_vocabulary_loads_with_versions() -> None:
    v = vocab()
    assert set(v.versions) == {"accelerators", "servers", "clouds", "ai_models", "rules", "context"}
    assert {"A100", "H20", "RTX 4090D", "Ascend 910B"} <= set(v.accelerators)


def test_every_entry_has_a_source() -> None:
    v = vocab()
    sources = [e.source for e in v.accelerators.values()] + [e.source for e in v.systems]
    sources += [e.source for e in v.providers] + [e.source for e in v.services]
    assert all(len(source) > 5 for source in sources)
    assert all(inst.source.startswith("https://") for inst in v.instances)
    assert all(p.source for periods in v.rules.values() for p in periods)
    raw = yaml.safe_load((DATA_DIR / "context.yaml").read_text(encoding="utf-8"))
    assert all("source" in spec for spec in raw["lists"].values())


def test_rule_periods_are_in_date_order() -> None:
    for periods in vocab().rules.values():
        dates = [p.from_ for p in periods]
        assert dates == sorted(dates)


@pytest.mark.parametrize(("written", "canonical"), [
    ("a100", "A100"), ("h 100", "H100"), ("h20a", "H20"), ("l40 s", "L40S"), ("4090 d", "RTX 4090D"),
    ("mi300x", "MI300X"), ("gaudi 3", "Gaudi 3"), ("hl-388", "Gaudi 3"), ("910b", "Ascend 910B"),
    ("升腾910", "Ascend 910"), ("思元370", "Cambricon MLU370"), ("6000 ada", "RTX 6000 Ada"),
])
def test_patterns_match_their_spellings(written: str, canonical: str) -> None:
    v = vocab()
    assert all(a == a.lower() for acc in v.accelerators.values() for a in acc.anchors)
    match = v.chip_patterns[canonical].match(written)
    assert match is not None and match.end() == len(written)


def test_relevant_parts_are_us_parts() -> None:
    assert all(a.origin == "us" for a in vocab().accelerators.values() if a.relevant)


def test_find_anchors_reports_positions() -> None:
    assert automaton() is automaton()
    low = "采购a100与aws账号"
    found = [(a.start, a.literal) for a in find_anchors(low)]
    assert (2, "a100") in found and (7, "aws") in found


def test_malformed_file_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setattr(vocab_module, "_read_text", lambda name: "version: x\n")
    with pytest.raises(VocabError):
        vocab_module._build()


def test_an_empty_anchor_literal_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    # pyahocorasick dropped an empty key; ahocorasick_rs refuses it (ValueError), which made every
    # document's detection fail on a vocabulary holding an empty anchor ('' in a list of anchors)
    from types import SimpleNamespace

    from tenderwatch.detect import anchors as anchors_module

    real = vocab()

    class WithEmptyAnchor:
        def __init__(self) -> None:
            self.accelerators = {**real.accelerators, "empty": SimpleNamespace(anchors=["", "a100"], canonical="A100")}

        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

    automaton.cache_clear()
    monkeypatch.setattr(anchors_module, "vocab", WithEmptyAnchor)
    try:
        found = [(a.start, a.end, a.literal) for a in find_anchors("采购a100与aws账号")]
    finally:
        automaton.cache_clear()  # the next test builds it from the real vocabulary
    assert (2, 6, "a100") in found and (7, 10, "aws") in found and all(end > start for start, end, _ in found)
