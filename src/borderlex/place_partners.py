"""Places named weakly that the places beside them vouch for.

A weak place name (a name that is also a word, a surname or another place's)
counts in running text when the text names it as a place: in a list after a
plural designator that fits it, joined by "and", "و" or a comma to a place of
the same country ("Erbil and Sulaimani"; "للسعودية والإمارات", a country
beside a country), or followed by "in" and a place it lies in ("منطقة حرير
في إربيل").  A city's quarter named weakly needs its city in the text where
it is named by a word or by its key alone: many cities have a "حي الصناعة"
(industrial quarter) or a Rumaila, and a word for "quarter" says which kind
of place, not which city's.
``borderlex.scan_support`` asks; this module answers with the ids of the
places so vouched for (or, for quarters, the ids that are not).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .designated_lists import partner_before, plural_before
from .index import Strength
from .located_places import parents
from .model import DESIGNATES
from .scan_patterns import Span, abroad

if TYPE_CHECKING:
    from collections.abc import Callable

    from .model import Entity

__all__ = ["in_a_list", "in_their_parent", "quarters_elsewhere", "with_their_city"]


def in_a_list(spans: list[Span], text: str, strong: set[str]) -> set[str]:
    """The places whose weak names are in a list that names them: in Arabic
    after a plural designator that fits them ("أحياء بستان القصر والفردوس
    والسكري", the neighbourhoods of …); in any script joined by "and" ("و",
    "et") or a comma to a place the text names in the same country ("إلى الرقة
    والطبقة", to Raqqa and Tabqa, الطبقة is also *the layer*; "Erbil and
    Sulaimani", which also spells Soleimani's surname), before or after it;
    a country so joined to another country ("للسعودية والإمارات")."""
    found: set[str] = set()
    known = set(strong)  # strong | found, kept as found grows (a union per name was quadratic)

    def take(ids: set[str]) -> None:
        found.update(ids)
        known.update(ids)

    classes: dict[int, str | None] = {}  # by a list's name's end: the list's class
    places: dict[int, set[str | None]] = {}  # the ends of names of places the text names: their countries
    partners: list[tuple[Span, Span]] = []  # names next in one list
    ends = {c.end: c for c in spans}
    for c in spans:
        arabic = c.patterns[0].entry.arabic
        before = partner_before(text, ends, c.start)
        if before is not None and ends[before].patterns[0].entry.arabic == arabic:
            partners.append((ends[before], c))
        else:
            before = None
        weak_places = _weak_places(c)
        cls = (classes.get(before) if before is not None else plural_before(text, c.start)) if arabic else None
        if cls is not None:
            # Local places: "قرى وبلدات الصور" is no town abroad (Tyre).
            take({e.id for e in weak_places if e.type in DESIGNATES.get(cls, ()) and not abroad(e)})
        if before is not None and before in places:
            # A place of another country is no partner ("الرمادي والخالدية" in Anbar, not Homs).
            take({e.id for e in weak_places if e.country in places[before]})
        classes[c.end] = cls
        named = _named_countries(c, known)
        if named:
            places[c.end] = named
    for first, then in reversed(partners):  # "Sulaimani and Erbil": the partner after
        take({e.id for e in _weak_places(first) if e.country in _named_countries(then, known)})
    for first, then in partners:  # "للسعودية والإمارات": a country beside a country
        for one, other in ((first, then), (then, first)):
            if _names_a_country(other, known):
                take({e.id for e in _weak_places(one) if e.type == "country"})
    return found


def _names_a_country(c: Span, named: set[str]) -> bool:
    return any(p.entry.entity.type == "country" and p.entry.entity.id in named for p in c.patterns)


# "in", "à", "في", "وسط" (*in the middle of*) or a glued "ب" between a place and the place it
# lies in, and maybe a word for "central" or "the capital" ("وسط العاصمة بغداد", "in central Baghdad").
_IN_PLACE = re.compile(
    r"[ \u00a0]+(?:ب|(?:in|at|à|dans|في|وسط|في وسط)[ \u00a0]+)(?:(?:central|downtown|العاصمة)[ \u00a0]+)?"
)


def in_their_parent(
    spans: list[Span], text: str, strong: set[str], entity: Callable[[str | None], Entity | None]
) -> set[str]:
    """The weak places followed by "in" and a place they lie in, which the
    text names by a strong alias: "منطقة حرير في إربيل", "la Zone Verte à
    Bagdad" (Harir and Erbil share their governorate), "ساحة التحرير وسط
    العاصمة بغداد"."""
    found: set[str] = set()
    starting: dict[int, list[Span]] = {}
    for c in spans:
        starting.setdefault(c.start, []).append(c)
    for c in spans:
        weak = [
            p.entry.entity for p in c.patterns if p.entry.strength is Strength.WEAK and p.entry.entity.kind == "place"
        ]
        link = _IN_PLACE.match(text, c.end) if weak else None
        if link is None:
            continue
        there = {
            p.entry.entity
            for after in starting.get(link.end(), ())
            for p in after.patterns
            if p.entry.entity.kind == "place" and (p.entry.strength is not Strength.WEAK or p.entry.entity.id in strong)
        }
        where = {e.id for e in there} | {i for e in there for i in parents(e, entity)}
        found |= {e.id for e in weak if not abroad(e) and parents(e, entity) & where}
    return found


def with_their_city(spans: list[Span], strong: set[str]) -> set[str]:
    """The weak places of more than one word whose parent the text names by a
    strong alias anywhere: "المنطقة الخضراء" (*the green area*) in a text that
    names Baghdad is its Green Zone, "Tahrir Square" Baghdad's, not Cairo's."""
    return {
        e.id
        for c in spans
        for e in _weak_places(c)
        if e.parent is not None and e.parent in strong and not abroad(e) and " " in c.text.strip()
    }


def _weak_places(c: Span) -> list[Entity]:
    return [p.entry.entity for p in c.patterns if p.entry.entity.kind == "place" and p.entry.strength is Strength.WEAK]


def _named_countries(c: Span, named: set[str]) -> set[str | None]:
    return {p.entry.entity.country for p in c.patterns if p.entry.entity.kind == "place" and p.entry.entity.id in named}


def quarters_elsewhere(spans: list[Span], entity: Callable[[str | None], Entity | None]) -> set[str]:
    """The city quarters (``area`` places whose parent is a city) that the
    text names only weakly while it never names their city: "حي الصناعة" in
    a report from Deir ez-Zor is not Raqqa's industrial quarter."""
    named = {p.entry.entity.id for c in spans for p in c.patterns}
    strongly = {p.entry.entity.id for c in spans for p in c.patterns if p.entry.strength is not Strength.WEAK}
    out: set[str] = set()
    for e in {p.entry.entity for c in spans for p in c.patterns if p.entry.entity.type == "area"}:
        town = entity(e.parent)
        if town is not None and town.type == "city" and e.id not in strongly and town.id not in named:
            out.add(e.id)
    return out
