"""What a query and an alias must agree on to match, and the forms of a
query the tiers try.

Designators must fit the entity's type; in the fuzzy tier every word must
have a counterpart on the other side, a demonym ("Syrian") never matches its
place, and short keys need a higher score (:func:`fuzzy_threshold`).  A query
is also tried without leading titles and trailing descriptors ("Col.",
"the", "group").  The tiers themselves are in ``borderlex.tiers``.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING

from .arabic_script import arabic_letters, bare_words, has_arabic_script
from .folding import normalize
from .model import DESIGNATES, Entity
from .name_keys import NameKey, designator_table, is_org_generic, leading_descriptors, name_key
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from .index import AliasEntry
    from .model import Entity

__all__ = [
    "MIN_FUZZY_KEY",
    "arabic_letters_agree",
    "demonym_of",
    "designator_fit",
    "fuzzy_threshold",
    "governorates_behind",
    "numbers_differ",
    "query_variants",
    "ratio",
    "repair_designators",
    "romanized_place",
    "same_letters",
    "script_fits",
    "trim_words",
    "words_agree",
]

#: Shorter name keys are never matched fuzzily, as query or as candidate.
MIN_FUZZY_KEY = 5


def fuzzy_threshold(length: int, table_keys: int = 0) -> float | None:
    """The Indel ratio (0–100) a fuzzy candidate needs.

    It rises for short query keys, where one edit changes the name, and for
    large tables, where a chance neighbour is likelier (measured on GeoNames
    tables of 10k–1M aliases, see docs/performance.md): +3 per tenfold above
    a thousand keys, at most +9.  ``None`` below 5 characters: no fuzzy match.
    """
    if length < MIN_FUZZY_KEY:
        return None
    base = 85.0 if length <= 7 else 82.0 if length <= 11 else 80.0
    bump = min(9.0, max(0.0, 3.0 * (math.log10(table_keys) - 3.0))) if table_keys > 0 else 0.0
    return min(99.0, base + bump)


def _compatible(designators: frozenset[str], entity: Entity) -> bool:
    return entity.type is not None and any(entity.type in DESIGNATES.get(c, ()) for c in designators)


def designator_fit(query: NameKey, entry: AliasEntry) -> bool:
    """Whether a query may name an alias's entity, as far as designators go.

    A designator in the query must be the alias's or fit the entity's type
    ("Homs province" → a governorate).  A designator in the alias must be in
    the query: the bare name is usually the town, not the facility named
    after it ("Hamadan" is not "Hamadan air base").
    """
    if query.designators:
        return query.designators == entry.key.designators or _compatible(query.designators, entry.entity)
    return not entry.key.designators


# Adjectival endings that turn a place name into a demonym ("Syrian",
# "Iraqi", "Iranian"); the fuzzy tier never bridges them.
_DEMONYM_ENDINGS = frozenset({"n", "an", "ian", "i", "ni", "is", "ans", "ians", "ais", "iya"})


def demonym_of(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.startswith(short) and long_[len(short) :] in _DEMONYM_ENDINGS


@functools.cache
def _fuzz() -> ModuleType:
    """``rapidfuzz.fuzz``, imported on first fuzzy use (`import borderlex`
    stays light) and then found without an import statement per call."""
    from rapidfuzz import fuzz  # noqa: PLC0415

    return fuzz


def ratio(a: str, b: str) -> float:
    return float(_fuzz().ratio(a, b))


def _covered(token: str, tokens: tuple[str, ...], joined: str) -> bool:
    """Whether ``token`` has a counterpart in the other name."""
    if is_org_generic(token):
        # The same form word, or a typo of it ("Brigdae"), which keeps its
        # first letter (the window may open a letter early); never another one
        # ("Army" is not "Forces").
        if token in tokens:
            return True
        window = _spelt_in(token, tokens, joined, 80.0) if len(token) >= 4 else None
        return window is not None and token[0] in window[:2]
    if len(token) <= 3:
        return token in joined
    need = 75.0 if len(token) >= 7 else 80.0
    return _spelt_in(token, tokens, joined, need) is not None or any(_vowels_apart(token, t) for t in tokens)


def _spelt_in(token: str, tokens: tuple[str, ...], joined: str, need: float) -> str | None:
    """The part of ``joined`` (the other name's ``tokens`` joined) that spells
    ``token`` another way, if any: it opens where one of its words does (a
    letter either way), for an ending with letters of the word before it is
    none ("Vaccters" is not "Disasters" for the "is" of "Emergencies"). At
    the end of ``joined`` the window shrinks: a shorter counterpart must open
    like the word (an inflected "syrienne" for "Syrie"), for a shared ending
    alone is none ("Migration" is not "Education")."""
    found = _fuzz().partial_ratio_alignment(token, joined, score_cutoff=need)
    if found is None:
        return None
    starts, at = [], 0
    for t in tokens:
        starts.append(at)
        at += len(t)
    if all(abs(found.dest_start - s) > 1 for s in starts):
        return None
    window = joined[found.dest_start : found.dest_end]
    return window if len(window) >= len(token) - 1 or window[:4] == token[:4] else None


def _vowels_apart(a: str, b: str) -> bool:
    """Whether one word is the other with only vowels left out: a long vowel
    Arabic spellings of foreign names write or omit ("ترمب" and "ترامب",
    Trump; "برزاني" and "بارزاني"), never a different letter."""
    short, long = sorted((a, b), key=len)
    if short == long or len(short) < 4 or len(long) - len(short) > 2:
        return False
    i = 0
    for ch in long:
        if i < len(short) and ch == short[i]:
            i += 1
        elif ch not in _VOWELS:
            return False
    return i == len(short)


def governorates_behind(entities: Iterable[Entity]) -> frozenset[str]:
    """The governorates among ``entities`` that a place among them lies in:
    on a tie they come after it, for a governorate is named after its seat
    ("Souleimaniyeh": the bare name is the town)."""
    found = list(entities)
    parents = {e.parent for e in found if e.kind == "place"}
    return frozenset(e.id for e in found if e.type == "governorate" and e.id in parents)


def words_agree(a: NameKey, b: NameKey) -> bool:
    """Every word of ``a`` has a counterpart in ``b`` and vice versa.

    Organisation-form words ("force", "liwa", "army") must be present on both
    sides as such; other words may differ in spelling.  Two-letter words with
    a vowel are left out (they are often split-off particles: "bu" in "Albu
    Kamal"); one without is an Arabic name's key ("ly", علي) and counts.
    """
    aj, bj = a.joined, b.joined
    return all(_covered(t, b.tokens, bj) for t in a.tokens if _counted(t)) and all(
        _covered(t, a.tokens, aj) for t in b.tokens if _counted(t)
    )


#: Below this, two Arabic spellings are different names, however close their keys:
#: romanization folds خ to h and drops ع, so "الخضراء" and "درعا" key one edit apart.
_ARABIC_LETTERS_AGREE = 80.0


def arabic_letters_agree(a: str, b: str) -> bool:
    """Whether two Arabic-script names agree letter by letter, as written
    (orthographic variants and articles aside), word by word when they have
    as many words, and no word of one is the other's word with a feminine ة added: "سليماني" (a nisba, a surname) is
    not "السليمانية" (Sulaymaniyah)."""
    wa, wb = bare_words(a), bare_words(b)
    if any(x + "ه" == y or y + "ه" == x or _other_nisba(x, y) for x in wa for y in wb):
        return False
    if len(wa) == len(wb) > 1 and any(
        len(x) >= 4 and len(y) >= 4 and x[0] != y[0] and ratio(x, y) < _ARABIC_LETTERS_AGREE
        for x, y in zip(wa, wb, strict=True)
    ):
        # Word by word too, where a word does not even open with the same letter: "تل المانع" is
        # not "تل الضمان", however close joined (but "رائد شاكل جودت" is "رائد شاكر جودت").
        return False
    return ratio("".join(wa), "".join(wb)) >= _ARABIC_LETTERS_AGREE


def _other_nisba(x: str, y: str) -> bool:
    """Whether two words in -ية (ة folded) are one with a long vowel و or ي
    added: another stem's nisba, another town, not a spelling ("المحمودية",
    al-Mahmudiya, is not "المحمدية"; "الرشيدية" is not "الرشدية")."""
    if not (x.endswith("يه") and y.endswith("يه")) or abs(len(x) - len(y)) != 1:
        return False
    short, long = sorted((x, y), key=len)
    return any(long[i] in "وي" and long[:i] + long[i + 1 :] == short for i in range(1, len(long) - 2))


def numbers_differ(a: NameKey, b: NameKey) -> bool:
    """Whether two names do not carry the same numbers (ordinal words of the
    vocabulary or digits): "الفرقة السابعة" (the 7th Division) is not
    "الفرقة الرابعة" (the 4th), "5th Corps" not "4th Corps", "France 2" not
    "France24"; and a name with a number is not one without ("Europe 1" is
    not Europe)."""
    return _numbers(a) != _numbers(b)


def _numbers(key: NameKey) -> set[str]:
    ordinals = _ordinal_numbers()
    out = set()
    for t in key.tokens:
        if t in ordinals:
            out.add(ordinals[t])
        else:
            # Digits anywhere in a word: "France24" is no "France 2".
            out.update(d.lstrip("0") or "0" for d in _DIGITS.findall(t))
    return out


_DIGITS = re.compile(r"\d+")


@functools.cache
def _ordinal_numbers() -> dict[str, str]:
    """The name-key token of each ordinal word, with its number."""
    out = {}
    for word, number in vocabulary().ordinals.items():
        tokens = name_key(normalize(word)).tokens
        if len(tokens) == 1:
            out[tokens[0]] = number
    return out


def _counted(token: str) -> bool:
    return len(token) > 2 or (len(token) == 2 and not _VOWELS.intersection(token))


_VOWELS = frozenset("aeiou")


@functools.cache
def _designator_words() -> tuple[str, ...]:
    return tuple(sorted({w for phrase in designator_table() for w in phrase if len(w) >= 5 and w.isascii()}))


def repair_designators(norm: str) -> str:
    """Replace each word that is one typo away from a designator word
    ("provinec", "crkossing") with that word; other words stay."""
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - see _fuzz

    words = norm.split()
    for i, w in enumerate(words):
        if len(w) < 5 or w in _designator_words():
            continue
        hit = process.extractOne(w, _designator_words(), scorer=fuzz.ratio, score_cutoff=85)
        if hit is not None:
            words[i] = hit[0]
    return " ".join(words)


@functools.cache
def _leading(arabic: bool) -> frozenset[str]:
    # Titles, "تنظيم" and qualifiers ("the so-called Islamic State"); in an Arabic query only
    # its own script's words: "عمر" (Omar) folds to "mr", which is no "Mr" there.
    words = vocabulary()
    return leading_descriptors() if arabic else words.titles | leading_descriptors() | words.qualifiers


def _core(words: list[str], fold: Callable[[str], str] = str, *, arabic: bool = False) -> tuple[int, int]:
    """The span of ``words`` left when leading titles ("Col.", "the",
    "تنظيم") and trailing descriptors ("group", "militia") are dropped;
    ``fold`` gives a word's normalized form (asked only of the words looked at)."""
    start, end = 0, len(words)
    leading = _leading(arabic)
    descriptors = vocabulary().org_descriptors
    while start < end - 1 and fold(words[start]) in leading:
        start += 1
    while end - 1 > start and fold(words[end - 1]) in descriptors:
        end -= 1
    return start, end


def trim_words(text: str) -> str:
    """``text`` without leading titles and trailing descriptors, as written:
    "the IS group" → "IS", "Col. Garver" → "Garver"."""
    words = text.split()
    start, end = _core(words, _normalized_word, arabic=has_arabic_script(text))
    return " ".join(words[start:end])


_normalized_words = functools.lru_cache(maxsize=1 << 14)(normalize)


def _normalized_word(word: str) -> str:
    # Words recur from query to query; a hostile megabyte-long one is folded but not kept.
    return _normalized_words(word) if len(word) <= 64 else normalize(word)


def query_variants(norm: str, *, arabic: bool = False) -> list[tuple[NameKey, str]]:
    """The query's key, then the key of its core (see ``_core()``; ``arabic``: the query
    was written in Arabic script)."""
    words = norm.split()
    variants = [(name_key(norm), "")]
    start, end = _core(words, arabic=arabic)
    if (start, end) != (0, len(words)):
        dropped = " ".join(words[:start] + words[end:])
        variants.append((name_key(" ".join(words[start:end])), f"ignored {dropped!r}"))
    return variants


def script_fits(entry: AliasEntry, arabic_query: bool) -> bool:
    """Beyond the exact tier, a query meets aliases in its own script, or any
    alias of an entity with none in that script: "أعظم" (*greatest*) is not
    the Azm alliance through its Latin name once its Arabic name differs."""
    if entry.arabic == arabic_query:
        return True
    has_arabic, has_latin = _scripts(entry.entity)
    return not (has_arabic if arabic_query else has_latin)


@functools.lru_cache(maxsize=1 << 16)
def _scripts(entity: Entity) -> tuple[bool, bool]:
    """Whether an entity has names in Arabic script, and in another script."""
    arabic = [has_arabic_script(n) for n in (entity.name, *entity.aliases, *entity.weak)]
    return any(arabic), not all(arabic)


_WORD_BREAKS = re.compile(r"[^\w\u064b-\u065f\u0670\u0640]+")  # hyphens, dashes, dots: word breaks as spaces are


def same_letters(written: str, alias: str) -> bool:
    """Whether an Arabic query is spelled as an Arabic alias (see
    :func:`~borderlex.arabic_script.arabic_letters`), a proclitic allowed before it."""
    target = arabic_letters(_WORD_BREAKS.sub(" ", alias))
    written = _WORD_BREAKS.sub(" ", written).strip()
    if arabic_letters(written) == target:
        return True
    return written[:1] in vocabulary().proclitics and arabic_letters(written[1:]) == target


def romanized_place(entry: AliasEntry) -> bool:
    """Whether romanization folds and fuzzy matching may reach this alias: not
    a Latin name of a place of a country whose names the press does not
    romanize from the region's languages (vocabulary ``romanized_from``)."""
    e = entry.entity
    if entry.arabic or e.kind != "place" or e.country is None:
        return True  # Arabic meets Arabic letter for letter (see same_letters)
    return e.country in vocabulary().romanized_from


def reordered_institution(query: str) -> str | None:
    """An Arabic institution's name with head and adjective first and the
    place after ل ("المجلس العسكري لمنبج", "المجلس العسكري لمدينة منبج"),
    as its tables write it: "مجلس منبج العسكري" (vocabulary
    ``arabic_reordered_heads``); ``None`` for any other query."""
    words = query.split()
    if len(words) < 3 or not words[0].startswith("ال") or words[0][2:] not in vocabulary().arabic_reordered_heads:
        return None
    adjective, place = words[1], words[2:]
    if not adjective.startswith("ال") or not adjective.endswith(("ي", "ية")) or place[0][:1] != "ل":
        return None
    first = place[0][1:]
    if vocabulary().designators.get(first) is not None and len(place) > 1:
        place = place[1:]  # "لمدينة منبج": the designator is not part of the name
    else:
        place = ["ا" + first if first.startswith("ل") else first, *place[1:]]  # "للرقة" is ل + الرقة
    return " ".join([words[0][2:], *place, adjective])
