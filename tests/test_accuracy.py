"""The open-world corpus (tests/corpus/) is well formed, and accuracy on its
held-out test part does not drop below the figures recorded in the repository
(tests/corpus/figures.json, written by ``python bench/accuracy.py --record``)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import borderlex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
MARGIN = 0.01  # what a figure may drop before CI fails: one mention in a hundred


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module
    spec.loader.exec_module(module)
    return module


accuracy = _scorer()


def test_manifest_lists_every_file_once_with_both_parts_in_each_language() -> None:
    rows = [line.split("\t") for line in (CORPUS / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    files = [r[0] for r in rows]
    assert len(files) == len(set(files))
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.txt")}
    assert set(files) == on_disk
    counts = {(r[1], r[2]) for r in rows}
    for lang, least in (("en", 20), ("ar", 15), ("fr", 10)):
        assert {(lang, "dev"), (lang, "test")} <= counts
        assert sum(1 for r in rows if r[1] == lang) >= least


@pytest.mark.parametrize("doc", accuracy.load("all"), ids=lambda d: d.name)
def test_gold_is_well_formed(doc: accuracy.Doc) -> None:  # type: ignore[name-defined]
    assert doc.text.split("\n", 1)[0].startswith("http")
    last_end = doc.body
    for g in doc.gold:
        assert doc.text[g.start : g.end] == g.text
        assert g.start >= last_end, f"{g.text!r} overlaps the mention before it or sits on the URL line"
        last_end = g.end
        assert g.kind in borderlex.KINDS
        if g.id is not None:
            assert borderlex.get(g.id).kind == g.kind or g.unsure, g


def test_test_part_does_not_drop_below_the_recorded_figures() -> None:
    recorded = json.loads((CORPUS / "figures.json").read_text(encoding="utf-8"))
    now = accuracy.evaluate(accuracy.load("test"))
    drops = []
    for lang, figures in recorded.items():
        for name in ("precision", "recall", "resolve"):
            then, current = figures[name], now[lang][0][name]
            if then is not None and current is not None and current < then - MARGIN:
                drops.append(f"{lang} {name}: {current:.3f} < recorded {then:.3f}")
        then, current = figures["unknown_linked"], now[lang][0]["unknown_linked"]
        if then is not None and current is not None and current > then + MARGIN:
            drops.append(f"{lang} unknown linked: {current:.3f} > recorded {then:.3f}")
    assert not drops, "; ".join(drops) + " (python bench/accuracy.py --split test --fails)"


def test_calibration_and_its_page_are_not_stale() -> None:
    spec = importlib.util.spec_from_file_location("calibrate", ROOT / "bench" / "calibrate.py")
    assert spec is not None and spec.loader is not None
    calibrate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(calibrate)
    assert calibrate.main(["--check"]) == 0, "run python bench/calibrate.py"


def test_confidence_orders_the_tiers() -> None:
    exact = borderlex.resolve("Albu Kamal")
    assert exact is not None and exact.method.value == "exact"
    fuzzy = borderlex.resolve("Albuqmal")
    assert fuzzy is not None and fuzzy.method.value == "fuzzy"
    assert 0.0 < fuzzy.confidence < exact.confidence <= 1.0
    assert exact.to_dict()["confidence"] == exact.confidence
