"""What the words around a found name say about it.

The scanner decides which entity a span names from the span and the text's
other names; the words right around it can still say the span is no name at
all, or a name read otherwise: tanween marks an indefinite word ("حديثاً",
*recently*), an Arabic place name (or a weak name with the article) may be the
adjective it agrees with, a place name part of a person's name, and a capital
may stand for its country's government ("Washington said").
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .arabic_agreement import nisba_of_name, reads_as_adjective, reads_as_verb
from .arabic_names import in_personal_name
from .arabic_script import has_tanween
from .government_seats import stands_for_government
from .model import Entity, Match, Method

__all__ = ["read_around"]


def read_around(
    text: str,
    start: int,
    end: int,
    match: Match,
    *,
    arabic: bool,
    given: Callable[[], frozenset[str]],
    entity: Callable[[str | None], Entity | None],
) -> Match | None:
    """``match`` for ``text[start:end]`` as the words around it read it, or
    ``None`` when they say it names nothing.  ``given`` gives the tables'
    given names as spelled; ``entity`` an entity of the tables by id."""
    if arabic and has_tanween(text[start:end]) and not has_tanween(match.alias):
        return None  # "حديثاً", *recently*: tanween marks an indefinite word, not a name
    # Arabic has no capitals: a place's one-word name may be an adjective or
    # part of a person's name, as the words around show.
    if (
        match.entity.kind == "place"
        and arabic
        and (
            reads_as_adjective(text, start, end)
            or reads_as_verb(text, start, end)
            or nisba_of_name(text[start:end], match.alias, match.entity.all_names)
            # A country's name is no one's family name: "طالب العراق" is *Iraq demanded*.
            or (match.entity.type != "country" and in_personal_name(text, start, end, given()))
        )
    ):
        return None
    # So may any weak one-word name with the article, a common word: "تحالف قلعة الجماهير الوطنية"
    # (*national*) is not Allawi's al-Wataniya (without it, "مصادر لـ روزنة" is Rozana's sources).
    if (
        arabic
        and match.alias in match.entity.weak
        and text.startswith("ال", start)
        and reads_as_adjective(text, start, end)
    ):
        return None
    if match.entity.type == "city" and stands_for_government(text, start, end):
        country = entity(match.entity.parent)
        if country is not None and country.type == "country":
            return attrs.evolve(match, id=country.id, entity=country, method=Method.CONTEXT, score=90.0)
    return match
