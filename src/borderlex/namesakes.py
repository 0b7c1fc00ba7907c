"""Names that entities of several places bear, read by the places the text names.

"Quatre convois précédents, partis de Beyrouth ou de Tripoli": the tables'
Tripoli is the Libyan capital, but the text names Lebanon's capital and
never Libya.  A town's or a district's name that a place of the same type
also bears (strong or weak) names that namesake when the text names more of
its surroundings: a place of its governorate or district ("ناحية ربيعة …
محافظة نينوى" is Nineveh's Rabia, not Latakia's subdistrict of the name),
or else its country, where it names nothing of the first one's.  Otherwise
the tables' choice stands.

An Arabic organisation's name followed by another country's adjective is
that country's organisation of the name, or none the tables hold: "حزب الله
اللبناني" is Lebanon's Hezbollah in an article on Iraqi factions, "الحزب
الديمقراطي الكوردستاني الإيراني" is not the KDP of Iraq.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from .arabic_script import has_arabic_script, words_after
from .folding import normalize
from .model import Entity, Mention
from .qualified_names import country_of_adjective

__all__ = ["TOWNS", "by_the_adjective_after", "with_namesakes"]

#: The place types whose names recur from country to country, and governorate to governorate.
TOWNS = frozenset({"city", "town", "village", "subdistrict", "district"})


def with_namesakes(
    mentions: list[Mention],
    namesakes: Callable[[str], Iterable[Entity]],
    parents: Callable[[Entity], set[str]],
) -> list[Mention]:
    """``mentions`` with each town re-read by the places the text names (see
    the module's docstring); ``namesakes(normalized)``: the entities that bear
    a name; ``parents(entity)``: the ids of its parents up to its country."""
    places = [m for m in mentions if m.entity.kind == "place"]
    if len({m.entity.id for m in places}) < 2:
        return mentions
    out = []
    for mention in mentions:
        m, e = mention, mention.entity
        if e.kind == "place" and e.type in TOWNS:
            others = [p.entity for p in places if p.entity.id != e.id]
            near = {i for o in others for i in (o.id, *parents(o))}
            countries = {o.country for o in others if o.country}

            def support(x: Entity, near: set[str] = near, countries: set[str] = countries) -> int:
                # 2: the text names a place of its governorate (or district); 1: of its country.
                return 2 if parents(x) & near else 1 if x.country in countries else 0

            own = support(e)
            found = [n for n in namesakes(normalize(m.text)) if n.id != e.id and n.kind == "place" and n.type == e.type]
            better = {n.id: n for n in found if support(n) > own}
            best = max((support(n) for n in better.values()), default=0)
            top = [n for n in better.values() if support(n) == best]
            if len(top) == 1:
                other = top[0]
                match = attrs.evolve(m.match, id=other.id, entity=other)
                m = attrs.evolve(m, id=other.id, entity=other, match=match)
        out.append(m)
    return out


def by_the_adjective_after(
    text: str, mentions: list[Mention], named: Callable[[str], Iterable[Entity]]
) -> list[Mention]:
    """``mentions`` with each Arabic organisation followed by another
    country's adjective re-read (see the module's docstring); ``named(normalized)``:
    the entities that bear a name."""
    out = []
    for m in mentions:
        e = m.entity
        after = words_after(text, m.end, 1) if e.kind == "org" and e.country and has_arabic_script(m.text) else []
        country = country_of_adjective(after[0][1]) if after and after[0][0] == m.end + 1 else None
        if country is None or country == e.country:
            out.append(m)
            continue
        found = {n.id: n for n in named(normalize(m.text)) if n.kind == "org" and n.country == country}
        if len(found) == 1:
            (other,) = found.values()
            out.append(
                attrs.evolve(m, id=other.id, entity=other, match=attrs.evolve(m.match, id=other.id, entity=other))
            )
    return out
