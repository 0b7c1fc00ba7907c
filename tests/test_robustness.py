"""Hostile input: huge, adversarial, mixed-script.  Nothing raises but the
documented errors, and every call returns (a catastrophic regex would hang CI)."""

from __future__ import annotations

import pytest

import borderlex
from borderlex.normalization import name_key, normalize, word_spans

ADVERSARIAL = {
    "ascii megabyte": "Albuqmal " * 120_000,
    "arabic 90k": "البوكمال " * 10_000,
    "articles": "al-" * 100_000 + "Bukamal",
    "combining stack": "a" + "\u0301" * 100_000,
    "nul and controls": "\x00\x1b\x07" * 50_000,
    "initialism dots": "U." * 100_000,
    "elisions": "l'" * 100_000,
    "apostrophes": "'" * 100_000 + "Daesh",
    "hyphens": "-" * 100_000,
    "one long word": "a" * 500_000,
    "one long arabic word": "ب" * 200_000,
    "bidi and joiners": "\u200f\u200d\u202e" * 50_000 + "Daesh",
    "emoji": "😀" * 100_000,
    "mixed scripts": "Dаesh داعش 😀 \u200f " * 5_000,
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_input_returns(name: str) -> None:
    text = ADVERSARIAL[name]
    normalize(text)
    name_key(normalize(text))
    word_spans(text)
    borderlex.resolve(text)
    borderlex.candidates(text)
    borderlex.explain(text)
    for m in borderlex.scan(text):
        assert text[m.start : m.end] == m.text


def test_lookalike_letters_read_as_latin() -> None:
    # A deliberate choice (docs/concepts.md): a Cyrillic а inside Latin text
    # is read as a Latin a, since scraped text mixes scripts by accident.
    assert borderlex.resolve("Dаesh").id == "org:islamic-state"
    assert [m.id for m in borderlex.scan("fighters of Dаesh")] == ["org:islamic-state"]


@pytest.mark.parametrize("bad", [None, 3, b"Daesh", ["Daesh"], 2.5])
def test_non_strings_are_type_errors(bad: object) -> None:
    for fn in (borderlex.resolve, borderlex.candidates, borderlex.explain, borderlex.scan, normalize):
        with pytest.raises(TypeError):
            fn(bad)  # type: ignore[operator]
