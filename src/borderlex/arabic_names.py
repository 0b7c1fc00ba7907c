"""Arabic personal names, read whole by their given names.

Arabic has no capitals to show where a name starts, so the scanner reads
the words before a person's mention: the person's own first name joins the
mention ("أحمد أبو خولة", Ahmad al-Khubayl's first name and kunya; across one
more name, "محمد ريكان الحلبوسي"), while another given name makes it someone
else's name ("حسين علي الشرع" is not Ahmed al-Sharaa): no mention.  Given
names are the first words of the tables' Arabic personal names.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .arabic_script import NOT_GIVEN, arabic_spelling, has_arabic_script, orthographic_form, words_after, words_before
from .model import Method
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from .index import AliasEntry
    from .model import Entity, Match

__all__ = [
    "compound_given_before",
    "given_name_start",
    "given_names",
    "in_personal_name",
    "is_kunya",
    "person_word_before",
    "son_named_before",
    "word_before",
]

_SON_OF = frozenset(("بن", "ابن", "بنت"))


def given_names(entries: Iterable[AliasEntry], form: Callable[[str], str] = orthographic_form) -> frozenset[str]:
    """The first words (as ``form`` gives them; by default
    :func:`~borderlex.arabic_script.orthographic_form`: the article kept, so
    "التقى", *met*, is not "تقي", Taqi) of the Arabic personal names of two
    words or more among ``entries``."""
    return frozenset(
        form(word)
        for e in entries
        if e.entity.kind == "person" and e.arabic and len(words := e.alias.split()) > 1
        for i, word in enumerate(words[:-1])
        # The first word, and a father's name after it ("محمد جاسم الخ"): not a
        # kunya or "son of", nor a word with the article (a family name).
        if orthographic_form(word) not in NOT_GIVEN
        and (i == 0 or not word.startswith("ال"))
        and (i == 0 or orthographic_form(words[i - 1]) not in NOT_GIVEN)
    )


def given_name_start(text: str, start: int, entity: Entity, given: frozenset[str]) -> int | None:
    """Where the mention of ``entity`` at ``start`` begins once the given
    names before it are read; ``None`` when they make it another person's."""
    before = words_before(text, start, 2)
    if not before:
        return start
    own = {
        orthographic_form(n.split()[0]) for n in entity.strong_names if len(n.split()) > 1 and has_arabic_script(n)
    } - NOT_GIVEN
    for i, (at, word) in enumerate(before):
        if orthographic_form(word) in own:
            return at if i == 0 or orthographic_form(before[0][1]) not in own else before[0][0]
    # "على" (*on*) is no "علي" (Ali), "أن" (*that*) no "آن" (Anne), "أيمن" before a city its right
    # bank: a preposition, a particle or a direction as written is no given name.
    word = before[0][1]
    if _not_a_name(word):
        return start
    if compound_given_before(text, start):
        return None  # "علي عبد الامير علاوي": another man's
    return None if orthographic_form(word) in given else start


def son_named_before(
    text: str, start: int, end: int, resolve: Callable[[str], Match | None]
) -> tuple[int, Match] | None:
    """Where the given name right before the full name at ``start``…``end``
    begins, and the person it names with the family name, when the tables
    know them (not by a guess nor only weakly): "بافل جلال طالباني" is Bafel
    Talabani, his father's name between, not Jalal Talabani; ``None`` otherwise."""
    before = words_before(text, start, 1)
    words = text[start:end].split()
    if not before or len(words) < 2:
        return None
    at, given = before[0]
    match = resolve(f"{given} {words[-1]}")
    if match is None or match.weak or match.method is Method.FUZZY or match.entity.kind != "person":
        return None
    return at, match


def compound_given_before(text: str, start: int) -> bool:
    """Whether a compound given name opened by "عبد" (*servant of*) stands
    right before ``start``, in one word or two ("عبدالله", "عبد الأمير"): the
    name after it ends that man's name ("علي عبد الامير علاوي" is not Ayad
    Allawi), whichever given names the tables hold."""
    before = words_before(text, start, 2)
    if not before:
        return False
    first = orthographic_form(before[0][1])
    return (len(first) > len(_SERVANT) and first.startswith(_SERVANT)) or (
        len(before) == 2 and orthographic_form(before[1][1]) in (_SERVANT, "و" + _SERVANT)
    )


# "عبد" (*servant of*) opens a compound given name: "عبد الأمير", "عبدالله".
_SERVANT = "عبد"


def _after_title_and_names(text: str, start: int, word: str) -> bool:
    """ "الشيخ قطري سمرمد العبيدي", "الشيخ العبيدي": a nisba with the article
    right after a title or its run of one or two names is the family name of
    the person the title names, known to the tables or not, not the town
    al-Ubaydi."""
    if not (word.startswith("ال") and word.endswith("ي")):
        return False
    before = words_before(text, start, 3)
    titles = vocabulary().arabic_titles
    for i, (_, w) in enumerate(before):
        if w in titles:
            names = [n for _, n in before[:i]]
            return not any(_not_a_name(n) or n.startswith("ال") or n in titles for n in names)
    return False


def _not_a_name(word: str) -> bool:
    """Whether an Arabic word as written is a preposition, a particle or a
    direction ("أيمن الموصل", the right bank of Mosul), never a given name."""
    words = vocabulary()
    return word in words.prepositions or word in words.arabic_particles or word in words.directions


# "Father of", "mother of": a kunya's first word ("أبو محمد الجولاني"), orthography aside.
_KUNYA = frozenset({"ابو", "ام"})


def is_kunya(word: str) -> bool:
    """Whether ``word`` opens a kunya: "أبو", "أم" (orthography aside)."""
    return orthographic_form(word) in _KUNYA


def in_personal_name(text: str, start: int, end: int, spelled: frozenset[str]) -> bool:
    """Whether the one-word name ``text[start:end]`` (a place's) is part of a
    person's: right after a given name it is a family name ("محمد العبيدي" is
    not the town al-Ubaydi), and itself a given name right before another, a
    first name ("جاسم محمد" is not the town Jasim), as it is before "son of"
    ("جاسم بن حمد") and before a father's name and a family name ("جاسم كاظم
    الموسوي"); after a kunya, a family name ("أبو الليث خشام").  Given names are compared
    as spelled (``spelled``: ``given_names(entries, arabic_spelling)``): a
    place's name is strong evidence, and "بأن" (*that*) is not "بان" (Ban)."""
    word = text[start:end]
    if len(word.split()) != 1:
        return False
    before = words_before(text, start, 2)
    if before and arabic_spelling(before[0][1]) in spelled and not _not_a_name(before[0][1]):
        return True
    if len(before) == 2 and is_kunya(before[1][1]) and not before[0][1].startswith("و"):
        return True  # "أبو الليث خشام": after a kunya, a family name, not the village Khusham
    if _after_title_and_names(text, start, word):
        return True
    after = words_after(text, end, 1)
    if not after:
        return False
    following = arabic_spelling(after[0][1])
    # "جاسم بن حمد": a name before "son of" is a person's given name.
    if following in _SON_OF or (arabic_spelling(word) in spelled and following in spelled):
        return True
    # "جاسم العميري": a given name right before a family name (the article and a nisba), not a
    # direction ("ريف جاسم الغربي" is western Jasim).
    if arabic_spelling(word) in spelled and _family_nisba(following):
        return True
    # "جاسم كاظم الموسوي", "صفوان شيخ أحمد": a given name, a father's name, then a
    # family name (the article and a nisba) or another given name.
    two = words_after(text, end, 2)
    if arabic_spelling(word) not in spelled or len(two) < 2 or following.startswith(("و", "ال")):
        return False
    last = arabic_spelling(two[1][1])
    return last in spelled or (last.startswith("ال") and last.endswith("ي"))


def _family_nisba(word: str) -> bool:
    """Whether a word (as spelled) reads as a family name: the article and a
    nisba ending in ي, five letters or more after the article, not a direction."""
    return word.startswith("ال") and word.endswith("ي") and len(word) >= 7 and word[2:] not in vocabulary().directions


def word_before(text: str, start: int) -> tuple[str, ...]:
    """The Arabic word right before ``start`` as written and without a
    leading proclitic ("بمدينة", "مدينة"); nothing at the start of a text."""
    before = words_before(text, start, 1)
    if not before:
        return ()
    word = before[0][1]
    return (word, word[1:]) if word[:1] in vocabulary().proclitics else (word,)


def person_word_before(text: str, start: int) -> bool:
    """Whether the Arabic word right before ``start`` (perhaps after a
    proclitic) says a person's name follows: a word of ``person_heads``
    ("نظام الأسد"), ``arabic_titles`` ("الرئيس الأسد") or ``speech_verbs``
    ("وقال الصدر"), orthographic variants aside ("اكد" is "أكد")."""
    return any(orthographic_form(w) in _person_words() for w in word_before(text, start))


@functools.cache
def _person_words() -> frozenset[str]:
    words = vocabulary()
    found = words.person_heads | words.arabic_titles | words.speech_verbs
    return frozenset(orthographic_form(w) for w in found if has_arabic_script(w))
