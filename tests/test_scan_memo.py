"""The scanner remembers each hit's decision by what its rules read
(``borderlex.scan_candidates.window``), and each chosen span's match when
the text's context did not choose it (``Scanner._decide``): a remembered
decision must be the one the rules would take afresh, whatever text or
context the scanner saw before.

One scanner that remembers, shared by every text here (so decisions made in
one text and context are offered to the others), against one that decides
every hit afresh: same mentions on the corpus, 3,000 generated texts (those
of tests/test_scan_differential.py) and hypothesis's hostile text.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from strategies import RESOLVER, hostile_text
from test_scan_differential import CORPUS, generated_text

from borderlex.dates import Period
from borderlex.model import Match, Mention
from borderlex.scan_candidates import candidate
from borderlex.scan_patterns import Pattern, Span
from borderlex.scan_units import Units
from borderlex.scanning import Scanner


class AfreshScanner(Scanner):
    """The same rules, every hit decided anew (nothing remembered)."""

    __slots__ = ()

    def _candidates(self, text: str, units: Units, wanted: frozenset[str] | None) -> list[Span]:
        found = (candidate(text, units, hit, wanted) for hit in self._hits(text, units))
        return [s for s in found if s is not None]

    def _decide(
        self,
        span: str,
        pats: list[Pattern],
        context: dict[str, int],
        designator: str | None,
        *,
        as_of: Period | None = None,
    ) -> Match:
        return self._decided(span, pats, context, designator, as_of)[0]


SHARED = Scanner(RESOLVER.index, RESOLVER.resolve)
AFRESH = AfreshScanner(RESOLVER.index, RESOLVER.resolve)


def _mentions(found: list[Mention]) -> list[tuple[object, ...]]:
    return [(m.start, m.end, m.text, m.id, m.match.method, m.match.alias, m.match.ambiguous) for m in found]


def assert_same(text: str) -> None:
    assert _mentions(SHARED.scan(text)) == _mentions(AFRESH.scan(text)), text[:200]


def test_the_memo_is_used() -> None:
    # Otherwise the comparisons below would prove nothing.
    scanner = Scanner(RESOLVER.index, RESOLVER.resolve)
    scanner.scan("Daesh held Raqqa.")
    assert scanner._spans and scanner._matches
    before = dict(scanner._spans), dict(scanner._matches)
    scanner.scan("Daesh held Raqqa.")
    assert (scanner._spans, scanner._matches) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A currency sign after the name: "US$5" is dollars, not the country.
        ("Troops of the US left. It cost US$5 to enter. The US army left.", ["US", "US"]),
        # The capitalised article belongs to the name inside a sentence, not at its start.
        ("Fighters reached At Tanf on Monday. At Tanf, the base held.", ["At Tanf", "Tanf"]),
        # Word units alike, text not: "al", "el" belong to the name, the article "at" in lower case does not.
        ("Troops left al Tanf. Troops left at Tanf. Troops left el Tanf.", ["al Tanf", "Tanf", "el Tanf"]),
        # In a line of capitals a two-letter acronym is a word ("IS" in "WHAT IS NEXT").
        ("IS fighters fled.\nWHAT IS NEXT\nIS fighters fled.", ["IS", "IS"]),
    ],
)
def test_one_surface_in_several_contexts(text: str, expected: list[str]) -> None:
    # The same words, decided differently by their context, in one text and
    # one scanner: the first decision must not be reused for the others.
    for scanner in (Scanner(RESOLVER.index, RESOLVER.resolve), SHARED):
        assert [m.text for m in scanner.scan(text)] == expected


@pytest.mark.parametrize(
    ("before", "text"),
    [
        # A quoted Arabic name around a hit is read up to 80 characters away: the memo's key holds it.
        ("تقدمت في مدينة حلب اليوم صباحا", 'وأوضح أن "قوات النظام في مدينة حلب اليوم صباحا" تقدمت'),
        ("تقدمت في مدينة حلب اليوم صباحا", "وأوضح أن «قوات النظام في مدينة حلب اليوم صباحا» تقدمت"),
        # A Latin name before an Arabic quote's closing mark is no word of an Arabic quoted name.
        (
            "« Vous avez une occasion unique, fils et filles de Syrie », a-t-il souligné.",
            "“الظواهري)  ils et filles de Syrie », a-t-il souligné",
        ),
    ],
)
def test_a_decision_made_in_another_text_is_not_reused(before: str, text: str) -> None:
    scanner = Scanner(RESOLVER.index, RESOLVER.resolve)
    scanner.scan(before)
    assert _mentions(scanner.scan(text)) == _mentions(AFRESH.scan(text))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_texts(path: Path) -> None:
    assert_same(path.read_text(encoding="utf-8"))


@pytest.mark.slow  # thousands of queries or texts through both implementations
def test_three_thousand_generated_texts() -> None:
    rng = random.Random(6)
    for _ in range(3000):
        assert_same(generated_text(rng))


@given(hostile_text)
def test_hostile_text(text: str) -> None:
    assert_same(text)
