"""Word units: a text cut into words reduced for matching.

Each word of a text (or of an alias) becomes a *unit*: the word reduced as
in a name key, with its offsets in the original text and what its script and
capitals say.  Articles and stop words become skippable units, designator
phrases ("air base", "محافظة") one marker unit.  The scanner
(``borderlex.scanning``) compares texts and aliases unit by unit.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from typing import Any, overload

import attrs

from .arabic_script import arabic_letters, is_arabic_script, is_arabic_word_char, orthographic_form
from .folding import chunk_words, normalize, word_chunks
from .model import DESIGNATES
from .name_keys import designator_table, is_skippable, key_parts, match_designator
from .vocabulary import vocabulary

__all__ = [
    "ARTICLES",
    "CASE_FREE_DESIGNATORS",
    "FRENCH_WORDS",
    "LINKING_WORDS",
    "MARKERS",
    "Shape",
    "Unit",
    "Units",
    "case_free",
    "lam_before_article",
    "letters_of",
    "opening_word",
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
    {"governorate", "district", "air-base", "border-crossing", "base", "oil-field", "dam", "prison", "region"}
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
    linking: bool = False  # "of", "de", "du", "des", "d'": joins a designator to the name after it


def word_unit(word: str) -> str:
    return _word_unit_cached(word) if len(word) <= 64 else "".join(key_parts(word))


def opening_word(text: str, u: Unit) -> str:
    """A Latin designator unit that opens a name, read as its first word:
    "Camp" of "Camp Speicher", "Wilayat" of "Wilayat Raqqa"."""
    return word_unit(normalize(text[u.start : u.end]).split()[0])


@lru_cache(maxsize=65536)
def _word_unit_cached(word: str) -> str:
    return "".join(key_parts(word))


# What a unit is but for its offsets and whether it is attached, as one tuple
# that every occurrence of a word shares: (length, unit, skip, marker, Arabic,
# capital initial, all capitals, Latin, article, proclitic, possessive, linking).
_Shape = tuple[int, str, bool, str | None, bool, bool, bool, bool, bool, bool, bool, bool]
#: A unit's shape, as the scanner's hit walk reads it (see :class:`Units`).
Shape = _Shape
#: The function words that join a designator or an institution's head to the name after it:
#: "the province of Idlib", "la province d'Idleb"; not "in", "on", "and" ("the refinery in
#: Homs" is the city).
LINKING_WORDS = frozenset({"of", "de", "du", "des", "d"})
#: Romanized articles that French also writes as words: "en" (*in*), "et" (*and*); apart from
#: the name they are those words ("État islamique en Irak", "En Turquie").
FRENCH_WORDS = frozenset({"en", "et"})
# The marks before a possessive "s": the typewriter and typographic apostrophes, and the
# opening quote some outlets type for it ("Iran‘s").
_POSSESSIVE_MARKS = "'’‘"

# What one word reduces to, by the word as written (its normalized form, its
# span in the text, where its last letter but one is): texts repeat their
# words, and a stream's chunks one another's.  Bounded; emptied when full.
_SHAPES: dict[tuple[str, str, int], _Shape] = {}
_SHAPES_MAX = 100_000
_SHAPE_SPAN_MAX = 64  # a longer word is not kept
# The same for a plain ASCII word, by the word as written alone (None: a
# designator's first word, which takes the general path).
_PLAIN: dict[str, _Shape | None] = {}
_UNKNOWN: Any = object()
_MADE_MAX = 4096  # units a Units keeps once made (bounded; the older half dropped when full)


class Units(Sequence[Unit]):
    """A text's units, kept as one shared shape and one start offset per
    unit: no object per word (issue 17).  A :class:`Unit` is made when asked
    for — around the hits, mostly — and kept a while.

    An Arabic unit spans its whole written word: letters that fold to
    nothing (ʿayn, hamza) leave a unit short of its word, "العراق" would
    start at ر and "الشرع" end before ع.  It is widened to the letters
    around it up to its neighbours (the unit before it widened first), so a
    mention never starts or ends inside a word; a proclitic is read off only
    at a word's start (after an article, in الفرقة, a ف is the name's).
    """

    __slots__ = ("_made", "_n", "_starts", "_text", "shapes")

    def __init__(self, text: str, shapes: list[_Shape], starts: array[int]) -> None:
        self._text = text
        self.shapes = shapes  # read by the scanner's hit walk
        self._starts = starts
        self._n = len(shapes)
        self._made: dict[int, Unit] = {}

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> Unit: ...
    @overload
    def __getitem__(self, i: slice) -> list[Unit]: ...
    def __getitem__(self, i: int | slice) -> Unit | list[Unit]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        made = self._made
        u = made.get(i)
        if u is None:
            if len(made) >= _MADE_MAX:
                # The scan moves forward: the units made first are the ones behind it.
                for k in list(islice(made, _MADE_MAX // 2)):
                    del made[k]
            u = made[i] = self._unit(i)
        return u

    def __iter__(self) -> Iterator[Unit]:
        return map(self._unit, range(self._n))

    def start_of(self, i: int) -> int:
        """Where unit ``i`` starts, before an Arabic unit is widened over its word."""
        return self._starts[i]

    def key_of(self, i: int, base: int) -> tuple[object, ...]:
        """Every field of unit ``i``, its offsets relative to ``base``, as a
        memo key: for a unit that is not Arabic, its shape, start and whether
        it is attached, without making it."""
        shape = self.shapes[i]
        if shape[4]:
            u = self[i]
            return shape, u.start - base, u.end - base, u.attached, u.proclitic
        start = self._starts[i]
        return shape, start - base, i > 0 and start <= self._starts[i - 1] + self.shapes[i - 1][0]

    def _unit(self, i: int) -> Unit:
        shapes, starts = self.shapes, self._starts
        size, unit, skip, marker, arabic, upper_initial, all_upper, latin, article, proclitic, possessive, linking = (
            shapes[i]
        )
        start = starts[i]
        end = start + size
        prev_end = starts[i - 1] + shapes[i - 1][0] if i else -1
        attached = start <= prev_end
        if arabic:
            text = self._text
            lo = 0
            if i:
                lo = prev_end
                if shapes[i - 1][4]:  # the Arabic word before reaches up to this unit
                    while lo < start and is_arabic_word_char(text[lo]):
                        lo += 1
            hi = starts[i + 1] if i + 1 < self._n else len(text)
            if not skip and marker is None:  # an article or designator keeps its start: a proclitic is not the name's
                while start > lo and is_arabic_word_char(text[start - 1]):
                    start -= 1
            while end < hi and is_arabic_word_char(text[end]):
                end += 1
            attached = i > 0 and start <= lo
            proclitic = (
                not skip and marker is None and reads_proclitic(text, start) and not (attached and shapes[i - 1][8])
            )
        return Unit(
            unit,
            start,
            end,
            skip,
            marker,
            arabic,
            upper_initial,
            all_upper,
            latin,
            attached,
            article,
            proclitic,
            possessive,
            linking,
        )


# Designator phrases are this many words long at most.
_LONGEST = max([2, *map(len, designator_table())])


def units_of(text: str) -> Units:
    """Cut ``text`` into units with their original offsets."""
    shapes: list[_Shape] = []
    starts = array("q")
    add_shape, add_start = shapes.append, starts.append
    plain = _PLAIN
    pending: list[tuple[str, int, int, int]] = []  # words waiting for the words after them
    for m in word_chunks(text):
        g = m.group(1)
        if g is not None:  # a plain ASCII word: its shape is known by the word as written
            if not pending:
                shape = plain.get(g, _UNKNOWN)
                if shape is _UNKNOWN:
                    shape = None if g.lower() in _DESIGNATOR_FIRST else _word_shape(g.lower(), g, len(g) - 2)
                    if len(g) <= _SHAPE_SPAN_MAX:
                        if len(plain) >= _SHAPES_MAX:
                            plain.clear()
                        plain[g] = shape
                if shape is not None:
                    add_shape(shape)
                    add_start(m.start(1))
                    continue
            start, end = m.start(1), m.end(1)
            pending.append((g.lower(), start, end - 1, end - 2 if end - start > 1 else -1))
        else:
            base = m.start()
            for w, first, last, before in chunk_words(m.group()):
                pending.append((w, first + base, last + base, before + base if before >= 0 else -1))
        _take(text, pending, add_shape, add_start, final=False)
    _take(text, pending, add_shape, add_start, final=True)
    for m in _VOWEL_ARTICLE.finditer(text):
        # "Ahrar a-Sham": the article written as its vowel, joined by a hyphen; alone, "a" is a word.
        i = bisect.bisect_left(starts, m.start())
        if i < len(shapes) and starts[i] == m.start() and shapes[i][1] == "a":
            size, _, _, _, arabic, upper_initial, all_upper, latin, *_ = shapes[i]
            shapes[i] = (size, "", True, None, arabic, upper_initial, all_upper, latin, True, False, False, False)
    return Units(text, shapes, starts)


_VOWEL_ARTICLE = re.compile(r"(?<![^\W\d_])[aA][-\u2010\u2011](?=[^\W\d_]{2})")


def _take(
    text: str,
    pending: list[tuple[str, int, int, int]],
    add_shape: Callable[[_Shape], None],
    add_start: Callable[[int], None],
    *,
    final: bool,
) -> None:
    """The units of the words in ``pending``, from the first, removed as they
    are taken; a designator's first word waits for the words after it
    (``final``: there are no more)."""
    known = _SHAPES
    while pending:
        w, start, last, before = pending[0]
        if w not in _DESIGNATOR_FIRST and not (text[start] in ARABIC_PROCLITICS and w[1:] in _DESIGNATOR_FIRST):
            # One word, whatever its neighbours: what it becomes is known by itself.
            del pending[0]
            span = text[start : last + 1]
            key = (w, span, before - start if before >= 0 else -1)
            shape = known.get(key)
            if shape is None:
                shape = _word_shape(*key)
                if len(span) <= _SHAPE_SPAN_MAX:
                    if len(known) >= _SHAPES_MAX:
                        known.clear()
                    known[key] = shape
            add_shape(shape)
            add_start(start)
            continue
        if len(pending) < _LONGEST and not final:
            return  # a designator phrase ("air base", "محافظة") may go on
        raw = [x[0] for x in pending[:_LONGEST]]
        found = match_designator(raw, 0) if w in _DESIGNATOR_FIRST else None
        if found is None and text[start] in ARABIC_PROCLITICS and w[1:] in _DESIGNATOR_FIRST:
            # "بمعبر القائم": a proclitic before an Arabic designator stays out of it.
            found = match_designator([w[1:], *raw[1:3]], 0)
            if found is not None:
                start += 1
        # Keys fold ع, ه/ح, ة: "هي" (*she*) is no "حي", "قادة" (*leaders*) no "قاعدة", "سعد" no "سد".
        if (
            found is not None
            and is_arabic_script(text[start])
            and not _spelled_as_designator(text[start : pending[found[0] - 1][2] + 1])
        ):
            found = None
            if start > pending[0][1]:
                start -= 1
        size = found[0] if found else 1
        if size > 1:
            _, _, last, before = pending[size - 1]
        word = " ".join(raw[:size])
        del pending[:size]
        # A possessive "'s" ends the name: "Daesh’s", "Iraq's".
        possessive = False
        if (
            size == 1
            and len(w) > 2
            and w.endswith("s")
            and last >= 1
            and text[last - 1] in _POSSESSIVE_MARKS
            and last - 1 > before
        ):
            last = before
            word = w[:-1]
            possessive = True
        end = last + 1
        span = text[start:end]
        arabic, latin, upper_initial, all_upper = _case_flags(span)
        flags = (arabic, upper_initial, all_upper, latin)
        if found:
            add_shape((end - start, MARKERS[found[1]], False, found[1], *flags, False, False, False, False))
        elif is_skippable(word):
            add_shape((end - start, "", True, None, *flags, word in ARTICLES, False, False, word in LINKING_WORDS))
        else:
            proclitic = arabic and reads_proclitic(span)
            add_shape((end - start, word_unit(word), False, None, *flags, False, proclitic, possessive, False))
        add_start(start)


def _spelled_as_designator(written: str) -> bool:
    """Whether Arabic words spell one of the Arabic designators, orthographic variants aside."""
    return orthographic_form(written) in _arabic_designators()


@lru_cache(maxsize=1)
def _arabic_designators() -> frozenset[str]:
    return frozenset(orthographic_form(p) for p in _WORDS.designators if is_arabic_script(p[0]))


def _word_shape(w: str, span: str, before: int) -> _Shape:
    """The shape of the one-word unit of ``w``, written ``span``
    (``before``: the offset in ``span`` of its last letter but one)."""
    word = w
    last = len(span) - 1
    # A possessive "'s" ends the name: "Daesh’s", "Iraq's".
    possessive = (
        len(w) > 2 and w.endswith("s") and last >= 1 and span[last - 1] in _POSSESSIVE_MARKS and last - 1 > before
    )
    if possessive:
        span = span[: before + 1]
        word = w[:-1]
    arabic, latin, upper_initial, all_upper = _case_flags(span)
    if is_skippable(word):
        linking = word in LINKING_WORDS
        return (
            len(span),
            "",
            True,
            None,
            arabic,
            upper_initial,
            all_upper,
            latin,
            word in ARTICLES,
            False,
            False,
            linking,
        )
    proclitic = arabic and reads_proclitic(span)
    return (
        len(span),
        word_unit(word),
        False,
        None,
        arabic,
        upper_initial,
        all_upper,
        latin,
        False,
        proclitic,
        possessive,
        False,
    )


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


def reads_proclitic(word: str, at: int = 0) -> bool:
    """Whether the Arabic word at ``at`` in ``word`` may start with a proclitic (و ف ب ك ل):
    not ف before a bare alif that opens no article, the first letters of given names
    ("فاطمة", "فادي", "فارس"; the proclitic before a name with hamza keeps it: "فأطمة").
    Only its first three letters are read: no slice of the word is made."""
    return word[at : at + 1] in ARABIC_PROCLITICS and not (word[at : at + 2] == "فا" and word[at + 2 : at + 3] != "ل")


def lam_before_article(text: str, at: int) -> bool:
    """Whether the article unit at ``at`` (the lam of "للبنان", *to Lebanon*)
    follows a lam that opens its word, perhaps after و or ف: the word may be
    ل and a name that opens with lam ("لبنان"), as well as ل, the article
    (its alif dropped) and the rest ("للبصرة", *to Basra*)."""
    if at < 1 or text[at : at + 1] != "ل" or text[at - 1] != "ل":
        return False
    k = at - 1
    if k and text[k - 1] in "وف":
        k -= 1
    return not k or not is_arabic_word_char(text[k - 1])


def stops_of(text: str, units: Iterable[Unit]) -> tuple[str, ...]:
    """The function words among ``units`` (not articles), normalized; the words
    that link a name to a place are one ("Al-Qaïda d'Irak" is "al-Qaeda in Iraq").
    French "en" and "et" spell an article only joined by a hyphen ("en-Nabk"):
    apart, they are words ("État islamique en Irak et au Levant", "d'Irak et du Levant")."""
    words = (normalize(text[u.start : u.end]) for u in units if u.skip and (not u.article or _french_word(text, u)))
    return tuple("of" if w in _LINK_WORDS else w for w in words)


# "of", "in" and the French "de", "d'", "du", "des", "en", "au", "aux" between the words of a name.
_LINK_WORDS = frozenset({"of", "in", "en", "de", "d", "du", "des", "au", "aux"})


def _french_word(text: str, u: Unit) -> bool:
    return text[u.start : u.end] in FRENCH_WORDS and text[u.end : u.end + 1] == " "


def letters_of(text: str, units: Iterable[Unit], skip_first: int = 0, before: Unit | None = None) -> str:
    """The Arabic letters of the content words among ``units`` (designators
    and skipped words left out; ``skip_first`` characters of the first unit,
    a proclitic, too).  ``before``, the article unit before them, gives the
    letters it took after "ال": normalization folds an ʿayn away, so in
    "العائدين" (*the returnees*) the article unit is "الع", and the name
    read after it must not lose the ع (it is not أيدين, Aydın)."""
    parts = []
    if before is not None and before.article and before.arabic:
        tail = text[before.start : before.end]
        at = tail.find("ال")
        # "للعراق": after the proclitic ل, the article is a ل without its alif.
        rest = tail[at + 2 :] if at >= 0 else tail[tail.rfind("ل") + 1 :] if "ل" in tail else ""
        if rest:
            parts.append(rest)
    for u in units:
        if not u.skip and u.marker is None:
            parts.append(text[u.start + skip_first : u.end])
        skip_first = 0
    return arabic_letters(" ".join(parts))
