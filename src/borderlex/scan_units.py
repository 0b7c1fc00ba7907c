"""Word units: a text cut into words reduced for matching.

Each word of a text (or of an alias) becomes a *unit*: the word reduced as
in a name key, with its offsets in the original text and what its script and
capitals say.  Articles and stop words become skippable units, designator
phrases ("air base", "محافظة") one marker unit.  The scanner
(``borderlex.scanning``) compares texts and aliases unit by unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import attrs

from .arabic_script import arabic_letters, is_arabic_script, is_arabic_word_char
from .folding import normalize, word_spans
from .model import DESIGNATES
from .name_keys import designator_table, is_skippable, key_parts, match_designator
from .vocabulary import vocabulary

__all__ = [
    "CASE_FREE_DESIGNATORS",
    "MARKERS",
    "Unit",
    "case_free",
    "letters_of",
    "stops_of",
    "units_of",
    "word_unit",
]

# The vocabularies (data/vocabulary.toml) this module reads, bound when it is
# first imported: on the first scan, not at `import borderlex`.
_WORDS = vocabulary()
ARABIC_PROCLITICS, ARTICLES = _WORDS.proclitics, _WORDS.articles


#: Designator classes whose words belong to a name in any case ("Anbar
#: province", "Al-Tanf camp").  Others ("river", "desert") must be
#: capitalised to count as part of the name.
CASE_FREE_DESIGNATORS = frozenset(
    {"governorate", "district", "air-base", "border-crossing", "base", "oil-field", "dam", "prison"}
)


# Each designator class is one private-use character in a unit's key.
_MARK_BASE = 0xE000


def _marker(cls: str) -> str:
    return chr(_MARK_BASE + sorted(DESIGNATES).index(cls))


MARKERS = {cls: _marker(cls) for cls in DESIGNATES}
_DESIGNATOR_FIRST = frozenset(words[0] for words in designator_table())


@attrs.define(slots=True)
class Unit:
    """One word (or designator phrase) of a text, reduced for matching.

    Not frozen, unlike the public value classes: a text makes one per word,
    and a frozen class's ``__init__`` cost four times as much (issue 17).
    Nothing changes a unit once ``units_of`` has returned it."""

    unit: str  # "" for skippable words
    start: int  # offsets into the original text
    end: int
    skip: bool
    marker: str | None  # designator class
    arabic: bool
    upper_initial: bool
    all_upper: bool
    latin: bool
    attached: bool  # no space between this unit and the previous one
    article: bool
    proclitic: bool = False  # Arabic word that may start with و ف ب ك ل
    possessive: bool = False  # ended by "'s", which ends a name


def word_unit(word: str) -> str:
    return _word_unit_cached(word) if len(word) <= 64 else "".join(key_parts(word))


@lru_cache(maxsize=65536)
def _word_unit_cached(word: str) -> str:
    return "".join(key_parts(word))


# What one word reduces to, by the word as written (its normalized form, its
# span in the text, where its last letter but one is): texts repeat their
# words, and a stream's chunks one another's.  Bounded; emptied when full.
_Shape = tuple[int, str, bool, bool, bool, bool, bool, bool, bool, bool]
_SHAPES: dict[tuple[str, str, int], _Shape] = {}
_SHAPES_MAX = 100_000
_SHAPE_SPAN_MAX = 64  # a longer word is not kept


def units_of(text: str) -> list[Unit]:
    """Cut ``text`` into units with their original offsets."""
    words = word_spans(text)
    units: list[Unit] = []
    append = units.append
    shapes = _SHAPES
    raw: list[str] | None = None
    arabic_at: list[int] = []  # the indexes of Arabic units
    i = 0
    prev_end = -1
    n = len(words)
    while i < n:
        w, start, last, before = words[i]
        if w not in _DESIGNATOR_FIRST and not (text[start] in ARABIC_PROCLITICS and w[1:] in _DESIGNATOR_FIRST):
            # One word, whatever its neighbours: what it becomes is known by itself.
            span = text[start : last + 1]
            key = (w, span, before - start if before >= 0 else -1)
            shape = shapes.get(key)
            if shape is None:
                shape = _word_shape(*key)
                if len(span) <= _SHAPE_SPAN_MAX:
                    if len(shapes) >= _SHAPES_MAX:
                        shapes.clear()
                    shapes[key] = shape
            size, unit, skip, article, arabic, latin, upper_initial, all_upper, proclitic, possessive = shape
            end = start + size
            append(
                Unit(
                    unit,
                    start,
                    end,
                    skip,
                    None,
                    arabic,
                    upper_initial,
                    all_upper,
                    latin,
                    start <= prev_end,
                    article,
                    proclitic,
                    possessive,
                )
            )
            if arabic:
                arabic_at.append(len(units) - 1)
            prev_end = end
            i += 1
            continue
        # A designator phrase ("air base", "محافظة"), perhaps after a proclitic.
        if raw is None:
            raw = [word for word, _, _, _ in words]
        found = match_designator(raw, i) if w in _DESIGNATOR_FIRST else None
        if found is None and text[start] in ARABIC_PROCLITICS and w[1:] in _DESIGNATOR_FIRST:
            # "بمعبر القائم": a proclitic before an Arabic designator stays out of it.
            found = match_designator([w[1:], *raw[i + 1 : i + 3]], 0)
            if found is not None:
                start += 1
        size = found[0] if found else 1
        _, _, last, before = words[i + size - 1]
        word = " ".join(raw[i : i + size])
        # A possessive "'s" ends the name: "Daesh’s", "Iraq's".
        possessive = False
        if size == 1 and len(w) > 2 and w.endswith("s") and last >= 1 and text[last - 1] in "'’" and last - 1 > before:
            last = before
            word = w[:-1]
            possessive = True
        end = last + 1
        span = text[start:end]
        arabic, latin, upper_initial, all_upper = _case_flags(span)
        if arabic:
            arabic_at.append(len(units))
        attached = prev_end >= 0 and start <= prev_end
        if found:
            cls = found[1]
            append(Unit(MARKERS[cls], start, end, False, cls, arabic, upper_initial, all_upper, latin, attached, False))
        elif is_skippable(word):
            append(
                Unit("", start, end, True, None, arabic, upper_initial, all_upper, latin, attached, word in ARTICLES)
            )
        else:
            append(
                Unit(
                    word_unit(word),
                    start,
                    end,
                    False,
                    None,
                    arabic,
                    upper_initial,
                    all_upper,
                    latin,
                    attached,
                    False,
                    arabic and span[:1] in ARABIC_PROCLITICS,
                    possessive,
                )
            )
        prev_end = end
        i += size
    _arabic_edges(text, units, arabic_at)
    return units


def _word_shape(w: str, span: str, before: int) -> _Shape:
    """(length, unit, skip, article, Arabic, Latin, capital initial, all
    capitals, proclitic, possessive) of the one-word unit of ``w``, written
    ``span`` (``before``: the offset in ``span`` of its last letter but one)."""
    word = w
    last = len(span) - 1
    # A possessive "'s" ends the name: "Daesh’s", "Iraq's".
    possessive = len(w) > 2 and w.endswith("s") and last >= 1 and span[last - 1] in "'’" and last - 1 > before
    if possessive:
        span = span[: before + 1]
        word = w[:-1]
    arabic, latin, upper_initial, all_upper = _case_flags(span)
    if is_skippable(word):
        return len(span), "", True, word in ARTICLES, arabic, latin, upper_initial, all_upper, False, False
    proclitic = arabic and span[:1] in ARABIC_PROCLITICS
    return len(span), word_unit(word), False, False, arabic, latin, upper_initial, all_upper, proclitic, possessive


def _arabic_edges(text: str, units: list[Unit], arabic_at: list[int]) -> None:
    """Arabic units span whole written words.

    Letters that fold to nothing (ʿayn, hamza) leave a unit short of its
    word: "العراق" would start at ر and "الشرع" end before ع.  Each Arabic
    unit is widened to the letters around it up to its neighbours, so a
    mention never starts or ends inside a word.  A proclitic is read off
    only at a word's start: after an article (الفرقة) a ف is the name's.
    Units are changed in place, from the first: ``arabic_at`` lists the
    indexes of the Arabic ones.
    """
    out = units
    n = len(out)
    for i in arabic_at:
        u = out[i]
        lo = out[i - 1].end if i else 0
        hi = units[i + 1].start if i + 1 < n else len(text)
        start, end = u.start, u.end
        if not u.skip and u.marker is None:  # an article or designator keeps its start: a proclitic is not the name's
            while start > lo and is_arabic_word_char(text[start - 1]):
                start -= 1
        while end < hi and is_arabic_word_char(text[end]):
            end += 1
        prev = out[i - 1] if i else None
        attached = prev is not None and start <= prev.end
        proclitic = (
            not u.skip
            and u.marker is None
            and text[start] in ARABIC_PROCLITICS
            and not (attached and prev is not None and prev.article)
        )
        u.start, u.end, u.attached, u.proclitic = start, end, attached, proclitic


def _case_flags(span: str) -> tuple[bool, bool, bool, bool]:
    """(Arabic script, Latin script, capital initial, all capitals) of a word."""
    if span.isascii() and span[:1].isalpha():
        # The common case, without looking at each letter.
        return False, True, span[0].isupper(), span.isupper() and sum(c.isalpha() for c in span) >= 2
    letters = [c for c in span if c.isalpha()]
    arabic = bool(letters) and is_arabic_script(letters[0])
    return arabic, bool(letters) and not arabic, _upper_initial(span), _all_upper(letters)


def _upper_initial(span: str) -> bool:
    for c in span:
        if c.isalpha():
            return c.isupper()
    return False


def _all_upper(letters: list[str]) -> bool:
    return len(letters) >= 2 and all(c.isupper() for c in letters if c.isascii())


def case_free(u: Unit) -> bool:
    return u.marker is not None and u.marker in CASE_FREE_DESIGNATORS


def stops_of(text: str, units: Iterable[Unit]) -> tuple[str, ...]:
    """The function words among ``units`` (not articles), normalized."""
    return tuple(normalize(text[u.start : u.end]) for u in units if u.skip and not u.article)


def letters_of(text: str, units: Iterable[Unit], skip_first: int = 0) -> str:
    """The Arabic letters of the content words among ``units`` (designators
    and skipped words left out; ``skip_first`` characters of the first unit,
    a proclitic, too)."""
    parts = []
    for u in units:
        if not u.skip and u.marker is None:
            parts.append(text[u.start + skip_first : u.end])
        skip_first = 0
    return arabic_letters(" ".join(parts))
