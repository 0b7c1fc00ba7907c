"""The faster tokenizer and hit walk (issue 17) against the old ones.

``tests/scan_reference.py`` keeps the tokenizer (``word_spans``,
``units_of``) and the hit walk of main before it (21a1fb0) verbatim.  Here the new
code must give the same word spans, the same units (every field), the same
hits and, with the scanner's decisions run over either, the same mentions —
on the seed articles, the corpus, every alias of the bundled tables, 3,000
seeded random texts and hypothesis's hostile text.

Differences allowed: none.  (Were one ever allowed, it would be listed here
with its reason and excluded by name below.)
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import scan_reference as ref
from hypothesis import given
from strategies import RESOLVER, hostile_text

from borderlex.folding import word_spans
from borderlex.model import Mention
from borderlex.scan_units import Unit, units_of
from borderlex.scanning import Scanner as NewScanner
from borderlex.scanning import _Hit
from borderlex.vocabulary import vocabulary

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*/*.txt"))
SCANNER = RESOLVER.scanner()


class ReferenceScanner(NewScanner):
    """The scanner's decisions over the old tokenizer and hit walk."""

    __slots__ = ()

    def _units(self, text: str) -> list[Unit]:
        return ref.units_of(text)  # type: ignore[return-value]  # the same fields, read by name

    def _hits(self, text: str, units: list[Unit]) -> list[_Hit]:
        return [_Hit(first, last, patterns) for first, last, patterns in ref.hits(self, units, text)]  # type: ignore[arg-type]


REFERENCE = ReferenceScanner(RESOLVER.index, RESOLVER.resolve)

FIELDS = ("unit", "start", "end", "skip", "marker", "arabic", "upper_initial", "all_upper", "latin")
FIELDS += ("attached", "article", "proclitic", "possessive", "linking")


def _fields(units: list[Unit] | list[ref.Unit]) -> list[tuple[object, ...]]:
    return [tuple(getattr(u, f) for f in FIELDS) for u in units]


def _mentions(found: list[Mention]) -> list[tuple[object, ...]]:
    return [(m.start, m.end, m.text, m.id, m.match.method, m.match.score, m.match.alias) for m in found]


def assert_same(text: str) -> None:
    assert word_spans(text) == ref.word_spans(text), text[:200]
    new, old = units_of(text), ref.units_of(text)
    assert _fields(new) == _fields(old), text[:200]
    assert [(h.first, h.last, h.patterns) for h in SCANNER._hits(text, new)] == ref.hits(SCANNER, old, text), text[:200]
    assert _mentions(SCANNER.scan(text)) == _mentions(REFERENCE.scan(text)), text[:200]


def test_the_reference_scanner_is_the_old_code() -> None:
    # The subclass really runs the old tokenizer: its units are the reference's class.
    assert type(REFERENCE._units("Raqqa")[0]) is ref.Unit
    assert type(units_of("Raqqa")[0]) is Unit


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_texts(path: Path) -> None:
    assert_same(path.read_text(encoding="utf-8"))


def test_seed_articles() -> None:
    seeds = ROOT.parent / "shared" / "seeds"
    texts = sorted(seeds.glob("*.txt"))
    if not texts:
        pytest.skip(f"no seed articles at {seeds} (this clone has no ../shared/)")
    for path in texts:
        assert_same(path.read_text(encoding="utf-8"))


def test_every_alias_alone() -> None:
    # The scanner builds its patterns from the aliases' units: they must not change either.
    for entry in RESOLVER.index.entries:
        alias = entry.alias
        assert _fields(units_of(alias)) == _fields(ref.units_of(alias)), alias
        assert word_spans(alias) == ref.word_spans(alias), alias


# -- generated texts -------------------------------------------------------------------

_WORDS = vocabulary()
PROCLITICS = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب"]
PUNCTUATION = [",", ".", ";", ":", "!", "?", "(", ")", '"', "'", "’", "-", "—", "/", "«", "»", "“", "”", "،", "؛"]
NOISE = ["2014", "3rd", "U.S.", "1,200", "al-", "Al", "the", "of", "\u200f", "\u200d", "ـ", "\u0651", "ｒａｑｑａ"]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", " - "]


def _sentences() -> list[str]:
    out = []
    for path in CORPUS:
        out.extend(s.strip() for s in path.read_text(encoding="utf-8").replace("\n", " ").split(". ") if s.strip())
    return out


SENTENCES = _sentences()
ALIASES = [e.alias for e in RESOLVER.index.entries]
ARABIC_ALIASES = [a for a in ALIASES if any("\u0600" <= c <= "\u06ff" for c in a)]


def _spelled(alias: str, rng: random.Random) -> str:
    """An alias as text writes it: re-cased, re-hyphenated, with an article,
    a possessive, quotes or a proclitic (Arabic)."""
    roll = rng.randrange(10)
    if roll == 0:
        return alias.upper()
    if roll == 1:
        return alias.lower()
    if roll == 2:
        return alias.replace(" ", "-") if " " in alias else alias.replace("-", " ")
    if roll == 3:
        return rng.choice(["al-", "Al ", "el-", "the "]) + alias
    if roll == 4:
        return alias + rng.choice(["’s", "'s", "s"])
    if roll == 5:
        return rng.choice(["«", "“", '"', "("]) + alias + rng.choice(["»", "”", '"', ")"])
    if roll == 6 and any("\u0600" <= c <= "\u06ff" for c in alias):
        return rng.choice(PROCLITICS) + alias
    return alias


def generated_text(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 12)):
        roll = rng.randrange(20)
        if roll < 5:
            sentence = rng.choice(SENTENCES)
            cut = rng.randrange(len(sentence) + 1)
            parts.append(sentence[cut : cut + rng.randint(5, 160)])
        elif roll < 11:
            parts.append(_spelled(rng.choice(ALIASES), rng))
        elif roll < 14:
            parts.append(rng.choice(PROCLITICS) + rng.choice(ARABIC_ALIASES))
        elif roll < 16:
            parts.append(rng.choice(PUNCTUATION))
        elif roll < 18:
            parts.append(rng.choice(NOISE))
        elif roll == 18:
            # A very long word, Latin or Arabic, sometimes glued to a name.
            parts.append(rng.choice(["a", "Raqqa", "ب", "الرقة", "x'"]) * rng.randint(20, 400))
        else:
            parts.append(rng.choice(["province", "governorate", "air base", "محافظة", "مطار", "river", "camp"]))
        parts.append(rng.choice(SPACES))
    return "".join(parts)


@pytest.mark.slow  # thousands of queries or texts through both implementations
def test_three_thousand_generated_texts() -> None:
    rng = random.Random(17)
    for _ in range(3000):
        assert_same(generated_text(rng))


@given(hostile_text)
def test_hostile_text(text: str) -> None:
    assert_same(text)
