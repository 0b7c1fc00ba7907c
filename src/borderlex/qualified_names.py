"""Names written with a word that qualifies them, in a query.

A country's adjective stands before a name in English ("US CENTCOM", "Iraqi
PMF") and after it in French and Arabic ("l'armée syrienne", "الحشد الشعبي
العراقي"); an Arabic facility's name may end in an adjective that says what
it is ("سجن صيدنايا العسكري", *the military prison of Saydnaya*); a
person's name may hold a nickname in quote marks ("Michael “Erik” Kurilla");
an Arabic organisation's name may follow a word for "movement", "channel"
… that its alias lacks ("حركة أحرار الشام", "قناة الجزيرة"); a state's
institution may be written with "of", "d'", "de" and its country's name
("Counter Terrorism Service of Iraq"; :func:`country_named_after`, asked second).
The lookup tiers ask :func:`qualifier_of` when the whole query names nothing: the rest
is looked up alone, and the qualifier must agree with what it finds — the
entity is of that country — or the query names nothing ("Syrian Hezbollah").
The words are data (vocabularies ``country_adjectives`` and
``facility_adjectives``).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .arabic_script import has_arabic_script, orthographic_form
from .folding import normalize
from .vocabulary import vocabulary

__all__ = [
    "FACILITY_CLASSES",
    "STATE_INSTITUTIONS",
    "Qualified",
    "adjective_moved",
    "country_named_after",
    "country_of_adjective",
    "qualifier_of",
]

#: The designator classes that name facilities (the others name places).
FACILITY_CLASSES = frozenset({"air-base", "border-crossing", "base", "oil-field", "dam", "prison"})
#: The types of a state's organisations, whose names say whose they are.
STATE_INSTITUTIONS = frozenset({"government", "state-force", "intelligence"})


class Qualified(NamedTuple):
    """A query read as a name and the word qualifying it."""

    rest: str
    word: str
    #: The ISO code of the country the word names, when it is an adjective of
    #: nationality; ``None`` when the word may be a country's own name ("US"),
    #: which the caller looks up.
    country: str | None
    #: Whether the word is an adjective of an Arabic facility's name.
    facility: bool = False
    #: Whether the word is a nickname in quote marks inside a person's name.
    nickname: bool = False
    #: Whether the word is an Arabic organisation's head word before its name.
    head: bool = False
    #: Whether the word is a country's name after "of", "d'", "de" …: it says
    #: whose a state institution is ("Haute Commission électorale indépendante d'Irak").
    owner: bool = False


def qualifier_of(query: str) -> Qualified | None:
    """The qualifier ``query`` is written with, if any (``query`` has its
    spaces collapsed)."""
    quoted = _NICKNAME.fullmatch(query)
    if quoted is not None:  # "Michael “Erik” Kurilla"
        return Qualified(f"{quoted['first']} {quoted['last']}", quoted["nick"], None, nickname=True)
    words = query.split(" ")
    if len(words) < 2:
        return None
    rest_before, rest_after = " ".join(words[:-1]), " ".join(words[1:])
    if orthographic_form(words[0]) in _arabic_org_heads():  # "حركة أحرار الشام", "قناة الجزيرة"
        return Qualified(rest_after, words[0], None, head=True)
    last = words[-1]
    if has_arabic_script(last):
        if last in vocabulary().facility_adjectives and _facility_designator(words[0]):
            return Qualified(rest_before, last, None, facility=True)
        code = country_of_adjective(last)
        return Qualified(rest_before, last, code) if code else None
    code = country_of_adjective(words[0])
    if code:
        return Qualified(rest_after, words[0], code)
    code = country_of_adjective(last)
    if code:
        return Qualified(rest_before, last, code)
    # "US CENTCOM", "U.S. Department of Defense": perhaps a country's name.
    return Qualified(rest_after, words[0], None) if words[0][:1].isupper() else None


def country_named_after(query: str) -> Qualified | None:
    """``query`` read as a Latin name, then "of", "d'", "de", "du" … and a
    capitalised name (which the caller looks up as a country's), if it is."""
    found = _OF_COUNTRY.fullmatch(query)
    if found is None or not found["word"][:1].isupper() or has_arabic_script(query):
        return None
    return Qualified(found["rest"], found["word"], None, owner=True)


# A name, a word linking it to its owner, and a capitalised name of up to three words.
_OF_COUNTRY = re.compile(
    r"(?P<rest>\S.*?) (?:of (?:the )?|de l['’]|de (?:la )?|du |des |d['’])"
    r"(?P<word>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,2})"
)


def adjective_moved(name: str, country: str) -> str | None:
    """A French institution's name with ``country``'s adjective in its other
    place: the press writes "ministère syrien de la Défense" as often as
    "ministère de la Défense syrien", the adjective after the head word or
    after the whole name, when a linking word ("de", "du", "des", "d'")
    opens the rest.  ``None`` when ``name`` is not of that shape."""
    words = name.split()
    if len(words) < 4 or has_arabic_script(name):
        return None
    if country_of_adjective(words[1]) == country and _FRENCH_LINK.match(words[2]):
        return " ".join([words[0], *words[2:], words[1]])
    if country_of_adjective(words[-1]) == country and _FRENCH_LINK.match(words[1]):
        return " ".join([words[0], words[-1], *words[1:-1]])
    return None


_FRENCH_LINK = re.compile(r"(?:de|du|des|d['’]\S+)\Z")


def country_of_adjective(word: str) -> str | None:
    """The country (ISO 3166-1 code, upper case) an adjective of nationality
    names (vocabulary ``country_adjectives``): "Syrian", "syrienne", "السورية"
    (the Arabic article and feminine ending read off)."""
    adjectives = vocabulary().country_adjectives
    if has_arabic_script(word):
        bare = word[2:] if word.startswith("ال") else word
        code = adjectives.get(bare[:-1] if bare.endswith("ة") else bare)
    else:
        code = adjectives.get(normalize(word))
    return code.upper() if code else None


# A nickname in quote marks between the words of a name.
_NICKNAME = re.compile(
    r"(?P<first>[^\W\d_][\w.'’-]*)[ \u00a0][“\"‘«](?P<nick>[^\W\d_][\w'’-]*)[”\"’»][ \u00a0](?P<last>\S.*)"
)


@functools.cache
def _arabic_org_heads() -> frozenset[str]:
    """The Arabic words for "movement", "party", "channel", "organisation" …
    that open an organisation's name or stand before it (vocabularies
    ``quoted_name_heads``, ``media_words`` and ``leading_descriptors``), as
    spelled, orthography aside."""
    words = vocabulary()
    heads = words.quoted_name_heads | words.media_words | words.leading_descriptors
    return frozenset(orthographic_form(w) for w in heads if has_arabic_script(w) and " " not in w)


def _facility_designator(word: str) -> bool:
    """Whether an Arabic word is a facility's designator ("سجن", "معبر")."""
    return vocabulary().designators.get(word) in FACILITY_CLASSES
