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


# -- arguments are checked, never silently misread ---------------------------------------


def test_kinds_must_be_an_iterable_of_known_kinds() -> None:
    with pytest.raises(TypeError, match="kinds must be an iterable of kinds such as \\['org'\\]"):
        borderlex.scan("ISIS", kinds="org")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kinds: unknown kind 'orgs'"):
        borderlex.scan("ISIS", kinds=["orgs"])
    with pytest.raises(TypeError, match="kinds must be an iterable"):
        borderlex.scan("ISIS", kinds=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="kinds must be an iterable of kinds"):
        borderlex.scan_iter("ISIS", kinds="org")  # type: ignore[arg-type]
    assert [m.id for m in borderlex.scan("ISIS left Homs", kinds=("org",))] == ["org:islamic-state"]


def test_kind_is_checked_everywhere() -> None:
    for call in (
        lambda: borderlex.resolve("ISIS", kind="orgs"),
        lambda: borderlex.candidates("ISIS", kind="orgs", limit=0),
        lambda: borderlex.resolve_many(["ISIS"], kind="orgs"),
    ):
        with pytest.raises(ValueError, match="unknown kind 'orgs'"):
            call()
    with pytest.raises(TypeError, match="kind must be a str or None"):
        borderlex.resolve("ISIS", kind=["org"])  # type: ignore[arg-type]


def test_resolve_many_refuses_one_string() -> None:
    with pytest.raises(TypeError, match="values must be an iterable of names"):
        borderlex.resolve_many("ISIS")
    with pytest.raises(TypeError, match="values must be an iterable of names"):
        borderlex.resolve_many(5)  # type: ignore[arg-type]


def test_limit_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match="limit must be at least 0, not -1"):
        borderlex.candidates("Albuqmal", limit=-1)
    with pytest.raises(ValueError, match="limit must be at least 0, not -1"):
        borderlex.Resolver.default().explain("Albuqmal", limit=-1)
    with pytest.raises(TypeError, match="limit must be an int"):
        borderlex.candidates("Albuqmal", limit=2.5)  # type: ignore[arg-type]
    assert borderlex.candidates("Albuqmal", limit=0) == []


def test_name_key_takes_a_str() -> None:
    with pytest.raises(TypeError, match="name_key takes a normalized str, not tuple"):
        name_key(("x",))  # type: ignore[arg-type]


# -- expansion is bounded ----------------------------------------------------------------


@pytest.mark.parametrize("char", ["\ufdfa", "\ufdfb", "\u3316", "\u337f"])
def test_phrase_ligatures_do_not_multiply_the_input(char: str) -> None:
    # U+FDFA expands to 18 letters under NFKC; a million of them took 1.7 GB.
    text = char * 100_000
    assert len(normalize(text)) <= len(text)
    assert len(word_spans(text)) <= 1
    assert borderlex.scan(text + " Daesh")[0].text == "Daesh"


def test_normalized_length_is_a_small_multiple_of_the_input() -> None:
    # Every character folds to at most MAX_FOLDED letters (CJK: a syllable and a space).
    from borderlex.normalization import MAX_FOLDED

    for cp in list(range(0x80, 0x3400)) + list(range(0xF900, 0x10000)):
        ch = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        assert len(normalize(ch)) <= MAX_FOLDED, hex(cp)


def test_allah_ligature_is_still_a_word() -> None:
    assert normalize("\ufdf2") == normalize("الله")


# -- streaming: bounded chunks whatever the input's shape ------------------------------------


@pytest.mark.parametrize(
    "text",
    ["a b\n" * 100_000, "word " * 50_000, "x" * 10_000 + " " + "y" * 10, "ب" * 20_000],
    ids=["many lines", "one long line", "a long word", "no space at all"],
)
def test_chunks_of_one_string_are_bounded_and_lose_nothing(text: str) -> None:
    from borderlex.streaming import chunks

    found = list(chunks(text, size=1000))
    assert "".join(t for _, t in found) == text
    assert all(text[o : o + len(t)] == t for o, t in found)
    assert max(len(t) for _, t in found) <= 3000


def test_scan_iter_of_one_long_string_equals_scan_of_its_parts() -> None:
    text = "ISIS fled Albu Kamal.\n\n" * 5000  # ~115k characters: several chunks
    assert [(m.start, m.id) for m in borderlex.scan_iter(text)] == [
        (i * 23 + off, eid) for i in range(5000) for off, eid in ((0, "org:islamic-state"), (10, "place:al-bukamal"))
    ]
