"""A person's name without the middle name: "Mohammed al-Sudani".

Arabic names are a given name, the father's name and a family name, and the
press drops the father's often: "Mohammed Shia al-Sudani" is "Mohammed
al-Sudani", "محمد غازي الجلالي" is "محمد الجلالي".  The index adds that form
of a personal name of three words when nothing in it says the words go
otherwise (a particle: "Mohammed bin Salman"; a compound given name: "Abd
al-Amir", "Nour al-Din", "أبو محمد"; an initial: "Lloyd J. Austin") and
when no other person in the tables bears the family name: "Ahmed
al-Jabouri" may be any of several Jabouris, and is left to the tables.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .arabic_script import has_arabic_script, orthographic_form
from .folding import normalize
from .model import Entity
from .name_keys import name_key
from .vocabulary import vocabulary

__all__ = ["is_tribal_surname", "latin_given_names", "read_names_before", "without_middle_names"]

# Words that make a name go otherwise: first words that open a compound given
# name or a kunya, particles and articles, honorifics that join the family
# name after them ("Lahur Sheikh Jangi", "Omar Haj Kadour").
_JOINING = frozenset(
    {"abd", "abdul", "abdel", "abdal", "abdol", "abu", "abou", "aboul", "abul", "umm"}
    | {"le", "la", "da", "del", "della", "des", "el", "al", "sheikh", "shaikh", "cheikh", "haj", "hajj", "hadj"}
    | {"عبد", "أبو", "ابو", "أم", "بن", "ابن", "بنت", "شيخ", "الشيخ", "حاج", "الحاج"}
)


def without_middle_names(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """By person id, their names of three words without the middle one."""
    people = [e for e in entities if e.kind == "person"]
    bearers: dict[str, set[str]] = {}  # a family name's key: the people whose names end with it
    for e in people:
        for name in (*e.strong_names, *e.weak):
            words = name.split()
            if len(words) >= 2:
                bearers.setdefault(_family_key(words[-1]), set()).add(e.id)
    out: dict[str, list[str]] = {}
    for e in people:
        forms = {
            name: f"{words[0]} {words[2]}"
            for name in e.strong_names
            if len(words := name.split()) == 3 and _drops_middle(words) and len(bearers[_family_key(words[2])]) == 1
        }
        # An Arabic name of three words is one of a name of three in Latin script too: "زلماي
        # خليل زاد" is Zalmay Khalilzad's two, written apart.
        if any(not has_arabic_script(name) for name in forms):
            out[e.id] = list(dict.fromkeys(forms.values()))
    return out


def latin_given_names(entities: Iterable[Entity]) -> frozenset[str]:
    """The first words of the Latin-script personal names of two words or
    more, by name key (one for "Karim" and "Kareem"), but for the words that
    open a compound given name, a kunya or a title ("Abu", "Abd", "Sheikh")."""
    joining = _JOINING | vocabulary().name_particles
    return frozenset(
        name_key(first).joined
        for e in entities
        if e.kind == "person"
        for name in e.strong_names
        if not has_arabic_script(name)
        and len(words := name.split()) > 1
        and (first := normalize(words[0])) not in joining
        and len(words[0]) > 2
        and not words[0].endswith(".")
    )


def read_names_before(before: str, entity: Entity, given: frozenset[str]) -> bool | None:
    """What the capitalised words ``before`` a person's name, in one run of
    capitals, say of it: ``True`` when they open a name of the same person
    ("Michael" before "Erik Kurilla": he is Michael Kurilla; "Mustafa" before
    "al-Khadimi"), ``False`` when they open a personal name of the tables and
    none of this person's ("Ahmed Mohammed al-Sudani" is not Mohammed
    al-Sudani: whole name or nothing), ``None`` when they are no given name
    (an owner: "du Pentagone Chuck Hagel")."""
    words = before.split()
    if not words or not all(w[:1].isupper() and not w.isupper() for w in words) or has_arabic_script(before):
        return None
    key = name_key(normalize(words[0])).joined
    if key not in given:
        return None
    return any(
        len(parts := name.split()) > 1 and name_key(normalize(parts[0])).joined == key
        for name in entity.strong_names
        if not has_arabic_script(name)
    )


def _family_key(word: str) -> str:
    """The family name as compared: its key, and its script."""
    return ("ar " if has_arabic_script(word) else "") + name_key(normalize(word)).joined


def _drops_middle(words: list[str]) -> bool:
    first, middle, family = words
    words_ = vocabulary()
    lead = normalize(first)
    if first.endswith(".") or lead in words_.titles or lead in words_.offices:
        return False  # "Gen. Michael Kurilla", "Ayatollah Ali al-Sistani"
    joining = _JOINING | words_.name_particles
    if any(word in joining or normalize(word) in joining for word in (first, middle)):
        return False
    if is_tribal_surname(family):
        return False  # "Mohammed Nouri al-Karbouli": thousands are Mohammed al-Karbouli
    if has_arabic_script(middle):
        # "نور الدين": a middle word with the article ends a compound given name.
        return not middle.startswith("ال") and len(middle) > 2 and has_arabic_script(family) and len(family) >= 3
    # A Latin middle name is a capitalised word of three letters or more, no initial
    # ("J."), nor the end of a compound given name ("Nour al-Din").
    if not middle[:1].isupper() or len(middle.rstrip(".")) < 3 or "-" in middle or middle.isupper():
        return False
    return (family[:1].isupper() or family.startswith(("al-", "el-"))) and not family.isupper() and len(family) >= 3


def is_tribal_surname(written: str) -> bool:
    """Whether a family name, without its article, is a tribe's (vocabulary
    ``tribal_surnames``): thousands bear it ("al-Dulaimi", "الجبوري")."""
    if has_arabic_script(written):
        bare = orthographic_form(written).removeprefix("ال")
    else:
        words = normalize(written).split()
        bare = " ".join(words[1:] if len(words) > 1 and words[0] in ("al", "el") else words)
    return bare in _tribes()


@functools.cache
def _tribes() -> frozenset[str]:
    return frozenset(orthographic_form(w) if has_arabic_script(w) else w for w in vocabulary().tribal_surnames)
