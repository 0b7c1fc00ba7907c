"""Arabic place names that read as adjectives, by agreement.

Arabic uses some place names as adjectives too: سورية is Syria and
*Syrian* (feminine), حديثة is Haditha and *modern*, السعودية is Saudi
Arabia and *the Saudi*.  An adjective agrees with the noun before it in
gender and definiteness, so the scanner reads a one-word place name as the
adjective when it agrees:

- without the article and ending in ة, after a word without the article
  ending in ة or ات that is not a place head (vocabulary ``place_heads``:
  "قرية حديثة" is the village of Haditha), or after a broken plural of
  things (vocabulary ``plural_heads``): "أسلحة حديثة", *modern weapons*;
  "جنسيات سورية", *Syrian nationalities*; "مصادر سورية", *Syrian sources*;
  or after "غير" (*non-*): "غير سورية"; or such a word and the second noun
  of its construct: "وسائل إعلام سورية", *Syrian media* (not a preposition:
  "من كبيسة الى سورية" is *to Syria*; vocabulary ``prepositions``);
- without the article and ending in ية, before "و" and another word so
  ending: "سورية وعراقية", *Syrian and Iraqi*;
- with the article and ending in ية (a nisba), after a word with the
  article: "القوات السعودية", *the Saudi forces*; not after a masculine
  nisba ("زار الكاظمي السعودية", *Kadhimi visited Saudi Arabia*).

- ending in يا, after the noun in the accusative that a number in figures
  counts: "722 نازحا سوريا", *722 Syrian displaced* (سوريًّا).

A one-word name opening with ت or ي right after a particle that takes
only a verb (لن، لم، كي، لكي) is that verb: "لم تدمر" is *did not destroy*,
not Palmyra ("أن" is also "أنّ", before a noun: "أكد أن تدمر تحت السيطرة").

And whatever the words around: a word ending in ية that reaches a name
ending in يا only by folding is that name's feminine nisba ("رومانية",
*Roman*, is not "رومانيا", Romania).
"""

from __future__ import annotations

from collections.abc import Iterable

from .arabic_script import arabic_spelling, words_after, words_before
from .vocabulary import vocabulary

__all__ = ["nisba_of_name", "reads_as_adjective", "reads_as_verb"]

_NISBA = ("ية", "يه")
_NOT = frozenset(("غير", "وغير"))  # "غير سورية", *non-Syrian*


def reads_as_adjective(text: str, start: int, end: int) -> bool:
    """Whether the one-word Arabic place name ``text[start:end]`` is an
    adjective agreeing with the word before it (see the module's docstring)."""
    name = arabic_spelling(text[start:end])
    if not name or len(text[start:end].split()) != 1:
        return False
    before = words_before(text, start, 1)
    previous = arabic_spelling(before[0][1]) if before else ""
    if name.startswith("ال"):
        return name.endswith(_NISBA) and _definite(previous) and not _masculine_nisba(previous)
    if name.endswith("يا") and _accusative_nisba(previous):
        return True  # "معسكرا عسكريا تركيا", *a Turkish military camp*: تركيًّا, not Turkey
    if name.endswith("يا") and before and _counted(text, *before[0]):
        return True  # "722 نازحا سوريا", *722 Syrian displaced*: a number's noun, then its adjective
    if not name.endswith(_NISBA) and not _adjective_shape(name):
        return False
    words = vocabulary()
    if previous in _NOT or _feminine_head(previous):
        return True
    # Across the second noun of a construct: "وسائل إعلام سورية", *Syrian media*.
    two = words_before(text, start, 2)
    if (
        len(two) == 2
        and previous
        and not _definite(previous)
        and previous not in words.place_heads
        and previous not in words.prepositions  # "من كبيسة الى سورية": *to* Syria
        and previous not in words.directions  # "مناطق شرق سورية": the areas of *east Syria*
        and _feminine_head(arabic_spelling(two[1][1]))
    ):
        return True
    after = words_after(text, end, 1)
    following = arabic_spelling(after[0][1]) if after else ""
    return (
        name.endswith(_NISBA)
        and following.startswith("و")
        and following.endswith(_NISBA)
        and not _definite(following[1:])
    )


def _adjective_shape(name: str) -> bool:
    """Whether a name in ة has the shape of a feminine adjective, فعيلة
    ("حديثة", *modern*; "جديدة", *new*), as a nisba has.  Any other name is
    the second noun of a construct after such a word: "حكومة أنقرة" is
    *Ankara's government*, "معركة حماة" the battle of Hama."""
    return len(name) == 5 and name[2] == "ي" and name.endswith("ة")


def _accusative_nisba(word: str) -> bool:
    """Whether a word without the article is an adjective in ـيًّا (the
    accusative of a nisba: "عسكريا", "جنديا"), after which a name in يا is
    another such adjective; not a broken plural ending so ("ضحايا سوريا", the
    victims of Syria) nor a place's name."""
    return (
        len(word) > 4
        and word.endswith("يا")
        and word[:2] != "ال"
        and word not in _PLURALS_IN_YA
        and word[1:] not in _PLURALS_IN_YA
        and word not in vocabulary().place_heads
    )


def _counted(text: str, offset: int, word: str) -> bool:
    """Whether ``word`` (at ``offset``) is the indefinite accusative noun
    that a number in figures before it counts ("722 نازحا", "15 لاجئا")."""
    spelled = arabic_spelling(word)
    if len(spelled) <= 2 or not spelled.endswith("ا") or spelled[:2] == "ال":
        return False
    i = offset  # back over the spaces, without copying the text before (a long text has many names)
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1].isdigit()


# Broken plurals that end in يا, after which a name is their complement.
_PLURALS_IN_YA = frozenset(
    (
        "ضحايا",
        "قضايا",
        "بقايا",
        "خلايا",
        "مزايا",
        "زوايا",
        "هدايا",
        "وصايا",
        "شظايا",
        "سرايا",
        "رعايا",
        "خفايا",
        "ثنايا",
    )
)


def _feminine_head(word: str) -> bool:
    """Whether a feminine adjective may agree with ``word``: a broken plural
    of things, or a word without the article ending in ة or ات that is not a
    place head."""
    words = vocabulary()
    if word[:1] in words.proclitics and word[1:] in words.place_heads:
        return False  # "بمدينة بورصة": in the city of Bursa
    if word[:1] in "وف" and word[1:] in words.plural_heads:
        return True  # "ومناطق سورية أخرى", *and other Syrian areas*
    return word in words.plural_heads or (
        len(word) > 2 and word.endswith(("ة", "ات")) and not _definite(word) and word not in words.place_heads
    )


def _masculine_nisba(word: str) -> bool:
    """Whether a word with the article is a masculine nisba, a surname or an
    adjective ("الكاظمي", "العراقي"), which a feminine adjective does not
    follow: "زار الكاظمي السعودية" is *visited Saudi Arabia*.  Not a broken
    plural of things ending so ("الأراضي السعودية", vocabulary ``plural_heads``)."""
    bare = word[word.find("ال") + 2 :] if "ال" in word[:4] else word
    return len(bare) > 3 and bare.endswith("ي") and bare not in vocabulary().plural_heads


def _definite(word: str) -> bool:
    """Whether an Arabic word has the article, perhaps after proclitics
    ("القوات", "والقوات", "للقوات")."""
    proclitics = vocabulary().proclitics
    for i in range(3):
        if word[i:].startswith("ال") or (i and word[i - 1 :].startswith("لل")):
            return len(word) > i + 3
        if word[i : i + 1] not in proclitics:
            return False
    return False


def nisba_of_name(written: str, alias: str, names: Iterable[str]) -> bool:
    """Whether ``written`` is the feminine nisba of a one-word ``alias``
    ending in يا rather than a spelling of it ("رومانية" of "رومانيا"):
    unless the entity's ``names`` spell it so ("سورية", Syria)."""
    word = arabic_spelling(written)
    if len(written.split()) != 1 or not word.endswith(_NISBA) or not arabic_spelling(alias).endswith("يا"):
        return False
    return all(arabic_spelling(n) != word for n in names)


# Particles that take only an imperfect verb: "لم تدمر", *it did not destroy*.
_BEFORE_VERB = frozenset(("لن", "ولن", "لم", "ولم", "فلم", "كي", "لكي"))


def reads_as_verb(text: str, start: int, end: int) -> bool:
    """Whether the one-word Arabic name ``text[start:end]``, opening with the
    ت or ي of an imperfect verb, follows a particle that takes a verb."""
    written = text[start:end]
    if len(written.split()) != 1 or written[:1] not in "تي":
        return False
    before = words_before(text, start, 1)
    return bool(before) and before[0][1] in _BEFORE_VERB
