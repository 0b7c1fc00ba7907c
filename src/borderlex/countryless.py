"""Institutions named without their country: "the Interior Ministry".

Reporting on one country names its institutions without the country's
adjective: in a story about Syria, "the Interior Ministry", "وزارة الداخلية"
and "le ministère de la Défense" are Syria's.  An organisation of a country
whose name holds that country's adjective ("Syrian Ministry of Interior",
"وزارة الداخلية السورية", "ministère syrien de la Défense") is also indexed
without it, as a weak name; the scanner takes such a name where the text is
about that country (``borderlex.scan_support``) or names the institution in
full, as it takes any weak name.
"""

from __future__ import annotations

import functools

from .arabic_script import has_arabic_script
from .folding import normalize
from .model import Entity
from .qualified_names import country_of_adjective
from .vocabulary import vocabulary

__all__ = ["countryless_forms"]


@functools.cache
def countryless_forms(entity: Entity) -> frozenset[str]:
    """``entity``'s strong names without the adjective of its own country,
    for an organisation of a country (not an outlet); two words or more left."""
    if entity.kind != "org" or entity.country is None or entity.type == "media":
        return frozenset()  # "وكالة الأنباء" is any news agency
    forms = set()
    for name in entity.strong_names:
        words = name.split()
        own = [i for i, w in enumerate(words) if country_of_adjective(w) == entity.country]
        if len(own) == 1 and len(words) >= 3:
            rest = words[: own[0]] + words[own[0] + 1 :]
            # "رئاسة الجمهورية العربية السورية": the country's formal name goes with its adjective
            # (vocabulary ``formal_name_words``).
            rest = [w for i, w in enumerate(rest) if not (abs(i - own[0]) <= 1 and _formal(w))] or rest
            if _name_like(rest):
                forms.add(" ".join(rest))
    return frozenset(forms - set(entity.strong_names))


def _formal(word: str) -> bool:
    words = vocabulary().formal_name_words
    return word in words or normalize(word) in words


def _name_like(words: list[str]) -> bool:
    """Whether what is left still reads as a name: in Latin script a capital
    ("Interior Ministry", "ministère de l'Intérieur"; not "security forces"),
    in Arabic a head word in construct ("وزارة الداخلية"; not "القوات الأمنية",
    *the security forces*)."""
    if has_arabic_script(words[0]):
        return not words[0].startswith("ال")
    return any(w[:1].isupper() or w[2:3].isupper() for w in words)
