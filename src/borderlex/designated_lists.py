"""A plural or dual designator before a list of names: "محافظات دير الزور
والرقة والحسكة" (the governorates of Deir ez-Zor, Raqqa and Hasakah),
"محافظتي اللاذقية وطرطوس" (the two governorates of Latakia and Tartus); and
an office's word before its seat: "محافظ البصرة", the governor of Basra.
In English and French the designator heads the list with "of" or "de" ("the
neighbourhoods of Samah, Khadra and Karama", "les quartiers de Salaheddine et
Seif al-Dawla") or, in English, ends it ("the Samah and Khadra
neighbourhoods"): :func:`latin_lists` finds those lists, and a weak name in
one counts as named (``borderlex.scan_patterns``).

The designator names the class of every name of the list, not only the first
(quarters named after a city abroad are no mention: "أحياء عدن والقدس" in Mosul);
the words are vocabulary ``plural_designators``.  The mentions keep their
spans (the shared head stays outside, as the corpus guide writes them); only
their entity is steered, as a singular designator steers one name.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Container, Sequence

import attrs

from .arabic_script import arabic_spelling, has_arabic_script, words_before
from .folding import normalize
from .model import DESIGNATES, Entity, Mention
from .name_keys import match_designator
from .scan_patterns import abroad
from .vocabulary import vocabulary

__all__ = ["Lists", "arabic_lists", "designated_lists", "latin_lists", "linked", "partner_before", "plural_before"]

# What may stand between two names of a list: "و" (glued to the next name as
# a proclitic, so outside its span), "and", "et", commas, spaces.
_LINKS = frozenset({"و", "،", ",", "، و", ", و", "،و", ",و", "and", ", and", "et", ", et"})


# A Latin-script name of a list: capitalized words (up to four), an article
# or "de"/"of" inside ("Bab al-Sharqi", "Seif al-Dawla", "Deir ez-Zor"; not "et" or
# "en", French words).
_ARTICLES = r"(?:al|el|ad|ar|as|ash|az|ed|er|es|esh|ez|de|of)"
_NAME = rf"(?:(?:[Aa]l|[Ee]l)[-‐ ])?[A-Z][\w'’]*(?:[-‐ ](?:{_ARTICLES}[-‐ ])?[A-Z][\w'’]*){{0,3}}"
# Between two names of a list; French repeats "de" before each ("les gouvernorats
# d'Erbil et de Dohouk").
_SEPARATOR = r"(?:\s*,\s*(?:(?:and|et)\s+)?|\s+(?:and|et)\s+)(?:de\s+(?:l['’])?|d['’]|du\s+)?"
_NAME_AT = re.compile(_NAME)
_SEPARATOR_AT = re.compile(_SEPARATOR)
_ASIDE_AT = re.compile(r"[ \u00a0]*\([^()\n]{1,20}\)")
_LAST_NAMES = re.compile(rf"{_NAME}(?:{_SEPARATOR}{_NAME})+\s+\Z")


@functools.cache
def _latin_designators() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The Latin plural designators followed by "of"/"de" (heading a list),
    alone (ending one), and their classes."""
    classes = {w: c for w, c in vocabulary().plural_designators.items() if w.isascii()}
    words = "|".join(sorted(map(re.escape, classes), key=len, reverse=True)) or "(?!)"
    # French may put an adjective before "de" ("les provinces kurdes d'Erbil et Souleimaniye"),
    # and a list may stand in brackets ("trois provinces (Dohouk, Erbil et Souleimaniyeh)").
    heading = re.compile(
        rf"\b({words})(?:\s+(?:of\s+(?:the\s+)?|(?:[a-zé]+\s+)?(?:des?\s+|d['’]))|\s*\()", re.IGNORECASE
    )
    ending = re.compile(rf"\b({words})\b", re.IGNORECASE)
    return heading, ending, classes


class Lists:
    """A text's lists of names, ``(start, end, class)`` each, with those that
    hold a span found by bisection (a long text has thousands of each)."""

    def __init__(self, lists: Sequence[tuple[int, int, str]]) -> None:
        self._lists = lists
        self._order = sorted(range(len(lists)), key=lambda k: lists[k][0])
        self._starts = [lists[k][0] for k in self._order]
        self._longest = max((end - start for start, end, _ in lists), default=0)

    def holding(self, start: int, end: int) -> list[str]:
        """The classes of the lists that hold ``start``–``end``, in the lists' order."""
        near = self._order[
            bisect.bisect_left(self._starts, start - self._longest) : bisect.bisect_right(self._starts, start)
        ]
        return [self._lists[k][2] for k in sorted(near) if end <= self._lists[k][1]]


def latin_lists(text: str) -> list[tuple[int, int, str]]:
    """The lists of names that a Latin-script plural designator heads or
    ends in ``text``: (start, end, class) of each, in no particular order."""
    heading, ending, classes = _latin_designators()
    found = []
    for m in heading.finditer(text):
        end = m.end()
        name = _NAME_AT.match(text, end)
        names = 0
        while name is not None:
            end = name.end()
            names += 1
            aside = _ASIDE_AT.match(text, end)  # "Diyala (est) et Kirkouk (nord)"
            sep = _SEPARATOR_AT.match(text, aside.end() if aside else end)
            name = _NAME_AT.match(text, sep.end()) if sep is not None else None
        # One name is no list: "the eastern districts of Yabroud" are parts of the town.
        if names >= 2:
            found.append((m.end(), end, classes[m.group(1).lower()]))
    for m in ending.finditer(text):
        # Names before the word, two or more: "the Samah and Khadra neighbourhoods".
        before = _LAST_NAMES.search(text, max(0, m.start() - 200), m.start())
        if before is not None and m.group(1)[:1].islower():
            found.append((before.start(), before.end(), classes[m.group(1).lower()]))
    return found


def arabic_lists(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The lists of names that an Arabic plural designator heads in ``text``,
    read over the ``spans`` some alias matches: (start, end, class) of each,
    from the first name to the last linked to it ("بنواحي العباسي والرياض
    والرشاد": all three are subdistricts, though only the first follows the
    word)."""
    found: list[tuple[int, int, str]] = []
    cls: str | None = None
    first = last = 0
    for start, end in sorted(spans):
        if start < last:
            last = max(last, end)  # another reading of the same words
            continue
        if cls is not None and linked(text, last, start):
            last = end
            continue
        if cls is not None:
            found.append((first, last, cls))
        arabic = has_arabic_script(text[start : start + 1])
        cls = (plural_before(text, start) or _later_in_a_list(text, start)) if arabic else None
        first, last = start, end
    if cls is not None:
        found.append((first, last, cls))
    return found


def designated_lists(
    text: str,
    mentions: Sequence[Mention],
    steer: Callable[[Entity, str, str], Entity],
    lists: Lists,
) -> list[Mention]:
    """``mentions`` with the names of each list after a plural designator
    steered to the designator's class by ``steer(entity, span, cls)``;
    ``lists`` are the text's :func:`latin_lists` and :func:`arabic_lists`."""
    out: list[Mention | None] = list(mentions)
    for i, m in enumerate(mentions):
        for listed in lists.holding(m.start, m.end):
            out[i] = _steered(m, steer(m.entity, m.text, listed), listed)
    cls: str | None = None
    for i, m in enumerate(mentions):
        if cls is not None and m.entity.kind == "place" and linked(text, mentions[i - 1].end, m.start):
            out[i] = _steered(m, steer(m.entity, m.text, cls), cls)
            continue
        cls = plural_before(text, m.start) if m.entity.kind == "place" else None
        if cls is not None:
            out[i] = _steered(m, steer(m.entity, m.text, cls), cls)
    return [m for m in out if m is not None]


# Classes of the parts of a town or a country: a place abroad in their list is none of them
# ("أحياء عدن والقدس" are quarters of Mosul, "les champs pétroliers de Bay Hassan et Havana" no
# field in Cuba).
_PARTS = frozenset({"neighbourhood", "oil-field"})


def _opens_with_designator(name: str) -> bool:
    """Whether the mention ``name`` opens with its own designator: "قرى محافظة السويداء"
    (*villages of Suwayda governorate*) names the governorate, not a town in it."""
    return match_designator(normalize(name).split(), 0) is not None


def plural_before(text: str, start: int) -> str | None:
    """The class of an Arabic plural designator (or a governor's word) right
    before the name at ``start``, perhaps after a proclitic ("محافظا لكركوك")."""
    words = vocabulary()
    at = start - 1 if start and text[start - 1] in words.proclitics else start
    before = words_before(text, at, 1)
    return _plural_class(before[0][1]) if before else None


def _plural_class(written: str) -> str | None:
    words = vocabulary()
    plural, proclitics = words.plural_designators, words.proclitics
    word = arabic_spelling(written)  # "محافظتَي": vowel marks aside
    # The classes were checked with the designators' (borderlex.name_keys).
    return plural.get(word) or (plural.get(word[1:]) if word[:1] in proclitics else None)


def _later_in_a_list(text: str, start: int) -> str | None:
    """The class of the plural designator that heads the list the name at
    ``start`` is a later item of, after "و", though the items before it are no
    names of the tables ("أحياء نزال والمعلمين والجولان": the third of Fallujah's
    quarters): back over items of one or two words, each but the first opening
    with "و", to the designator."""
    if text[start - 1 : start] != "و":
        return None
    plain = 0
    for _, word in words_before(text, start - 1, _LIST_WORDS):
        cls = _plural_class(word)
        if cls is not None:
            return cls if plain else None
        if word[:1] == "و" and len(word) > 2:
            plain = 0
            continue
        plain += 1
        if plain > 2:
            return None
    return None


# How many words back, at most, a list is read for its designator.
_LIST_WORDS = 6


def partner_before(text: str, ends: Container[int], start: int) -> int | None:
    """The end of the name right before ``start`` in one list (see :func:`linked`),
    among the ``ends`` of names, or ``None``."""
    return next((e for e in range(max(0, start - 7), start + 1) if e in ends and linked(text, e, start)), None)


def linked(text: str, end: int, start: int) -> bool:
    """Whether the names ending at ``end`` and starting at ``start`` are next
    in one list: only "و", "and", "et", commas and spaces between them,
    perhaps after an aside in brackets ("محافظتي الرقة (شمال) والحسكة")."""
    aside = _ASIDE_AT.match(text, end, start)
    return " ".join(text[aside.end() if aside else end : start].split()) in _LINKS


def _steered(m: Mention, entity: Entity, cls: str) -> Mention | None:
    if cls in _PARTS and entity.type not in DESIGNATES[cls] and abroad(entity):
        return None  # "أحياء عدن والقدس" in Mosul: its quarters, not Aden and Jerusalem
    if entity is m.entity or entity.type not in DESIGNATES[cls] or _opens_with_designator(m.text):
        return m
    if m.entity.kind == "place" and entity.kind != "place":
        return m  # "the oil fields of Kirkuk and Khanaqin", "حقول كركوك": the fields in those places
    match = attrs.evolve(m.match, id=entity.id, entity=entity)
    return attrs.evolve(m, id=entity.id, entity=entity, match=match)
