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

from collections import Counter
from collections.abc import Callable, Iterable

import attrs

from .arabic_script import CLOSING_QUOTES, has_arabic_script, words_after
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
    named = {m.entity.id: m.entity for m in mentions if m.entity.kind == "place"}
    if len(named) < 2:
        return mentions
    # What the text names around each place, counted once per place it names: a town's own
    # mentions are taken off when it is judged (linear in the text's places, not quadratic).
    chains = {i: {i, *parents(e)} for i, e in named.items()}
    near = Counter(i for chain in chains.values() for i in chain)
    countries = Counter(e.country for e in named.values() if e.country)
    chosen: dict[tuple[str, str], Entity] = {}
    out = []
    for mention in mentions:
        m, e = mention, mention.entity
        if e.kind == "place" and e.type in TOWNS:
            key = (e.id, normalize(m.text))
            if key not in chosen:
                chosen[key] = _namesake(
                    e, key[1], namesakes=namesakes, parents=parents, own=chains[e.id], near=near, countries=countries
                )
            if chosen[key] is not e:
                m = _as(m, chosen[key])
        out.append(m)
    return out


def _namesake(
    e: Entity,
    norm: str,
    *,
    namesakes: Callable[[str], Iterable[Entity]],
    parents: Callable[[Entity], set[str]],
    own: set[str],
    near: Counter[str],
    countries: Counter[str],
) -> Entity:
    """``e``, or the one namesake the text names more of the surroundings of."""

    def support(x: Entity) -> int:
        # 2: the text names a place of its governorate (or district); 1: of its country.
        if any(near[i] > (i in own) for i in parents(x)):
            return 2
        return 1 if x.country and countries[x.country] > (x.country == e.country) else 0

    base = support(e)
    found = {n.id: n for n in namesakes(norm) if n.id != e.id and n.kind == "place" and n.type == e.type}
    scored = [(support(n), n) for n in found.values()]
    best = max((score for score, _ in scored), default=0)
    top = [n for score, n in scored if score == best]
    return top[0] if best > base and len(top) == 1 else e


def by_the_adjective_after(
    text: str, mentions: list[Mention], named: Callable[[str], Iterable[Entity]]
) -> list[Mention]:
    """``mentions`` with each Arabic organisation followed by another
    country's adjective re-read (see the module's docstring); ``named(normalized)``:
    the entities that bear a name."""
    out = []
    for m in mentions:
        e = m.entity
        # The adjective may follow the name's closing quote mark: “حزب الله” اللبناني.
        end = m.end + 1 if text[m.end : m.end + 1] in CLOSING_QUOTES else m.end
        after = words_after(text, end, 1) if e.kind == "org" and e.country and has_arabic_script(m.text) else []
        country = country_of_adjective(after[0][1]) if after and after[0][0] == end + 1 else None
        if country is None or country == e.country:
            out.append(m)
            continue
        found = {n.id: n for n in named(normalize(m.text)) if n.kind == "org" and n.country == country}
        if len(found) == 1:
            out.append(_as(m, *found.values()))
    return out


def _as(m: Mention, other: Entity) -> Mention:
    """The mention ``m`` read as a mention of ``other``, its span and match otherwise kept."""
    return attrs.evolve(m, id=other.id, entity=other, match=attrs.evolve(m.match, id=other.id, entity=other))
