"""Names that entities of several places bear, read by the places the text names.

"Quatre convois précédents, partis de Beyrouth ou de Tripoli": the tables'
Tripoli is the Libyan capital, but the text names Lebanon's capital and
never Libya.  A town's or a district's name that a place of the same type
also bears (strong or weak) names that namesake when the text names more of
its surroundings: a place of its governorate or district ("ناحية ربيعة …
محافظة نينوى" is Nineveh's Rabia, not Latakia's subdistrict of the name),
or else its country, where it names nothing of the first one's.  Otherwise
the tables' choice stands.

A region's name that is also the short form of a name with a side of the
compass is not that region beside another side: "الغوطة الغربية" (Western
Ghouta) is not Eastern Ghouta, whose tables' "الغوطة" it begins with.

A Latin organisation's name followed by "of", "de" or "d'" and another
country is that country's namesake: "le Parti démocratique du Kurdistan
d'Iran", "the Kurdistan Democratic Party of Iran" are not the KDP of Iraq,
and the country is a word of that name.

An Arabic organisation's name followed by another country's adjective is
that country's organisation of the name, or none the tables hold: "حزب الله
اللبناني" is Lebanon's Hezbollah in an article on Iraqi factions, "الحزب
الديمقراطي الكوردستاني الإيراني" is not the KDP of Iraq.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable

import attrs

from .arabic_script import CLOSING_QUOTES, arabic_spelling, has_arabic_script, words_after
from .folding import normalize
from .model import Entity, Mention
from .qualified_names import country_of_adjective
from .vocabulary import vocabulary

__all__ = ["TOWNS", "by_the_adjective_after", "of_another_country", "on_another_side", "with_namesakes"]

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


# "of", "of the", "de", "du", "d'" right after a name, before a capital.
_OF = re.compile(r" (?:of (?:the )?|d['’]|de |du )(?=[A-Z])")


def of_another_country(text: str, mentions: list[Mention], named: Callable[[str], Iterable[Entity]]) -> list[Mention]:
    """``mentions`` with each Latin organisation followed by "of" or "de" and
    another country re-read (see the module's docstring): its namesake of
    that country when the tables hold one, else no mention; the country is
    part of the name either way."""
    out: list[Mention] = []
    skip = -1
    for i, m in enumerate(mentions):
        if i == skip:
            continue
        e, after = m.entity, mentions[i + 1] if i + 1 < len(mentions) else None
        of = _OF.match(text, m.end) if e.kind == "org" and e.country and not has_arabic_script(m.text) else None
        if (
            of is None
            or after is None
            or after.start != of.end()
            or after.entity.type != "country"
            or after.entity.country == e.country
        ):
            out.append(m)
            continue
        skip = i + 1
        found = {n.id: n for n in named(normalize(m.text)) if n.kind == "org" and n.country == after.entity.country}
        if len(found) == 1:
            out.append(_as(m, *found.values()))
    return out


def _as(m: Mention, other: Entity) -> Mention:
    """The mention ``m`` read as a mention of ``other``, its span and match otherwise kept."""
    return attrs.evolve(m, id=other.id, entity=other, match=attrs.evolve(m.match, id=other.id, entity=other))


def on_another_side(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the places named with a side of the compass
    (vocabulary ``compass_adjectives``: after an Arabic name, before a Latin
    one) that differs from the side one of their own names has with the same
    words: "الغوطة الغربية", "Western Ghouta" are not Eastern Ghouta."""
    out = []
    for m in mentions:
        arabic = has_arabic_script(m.text)
        side = _side_beside(text, m, arabic) if m.entity.kind == "place" else None
        if side is None or not _named_for_another_side(m, side, arabic):
            out.append(m)
    return out


# A capitalised Latin word and a space right before a name.
_LATIN_BEFORE = re.compile(r"([A-Z][a-z]+)[ \u00a0]\Z")


def _spelled(text: str, arabic: bool) -> list[str]:
    """The words of ``text``: Arabic as spelled (vowel marks dropped), Latin normalized."""
    return [w for w in map(arabic_spelling, text.split()) if w] if arabic else normalize(text).split()


@functools.cache
def _sides(arabic: bool) -> dict[str, str]:
    words = vocabulary().compass_adjectives
    return {" ".join(_spelled(w, arabic)): side for w, side in words.items() if has_arabic_script(w) == arabic}


def _side_beside(text: str, m: Mention, arabic: bool) -> str | None:
    if arabic:
        after = words_after(text, m.end, 1)
        word = after[0][1] if after and after[0][0] == m.end + 1 else ""
    else:
        before = _LATIN_BEFORE.search(text, max(0, m.start - 20), m.start)
        word = before.group(1) if before is not None else ""
    return _sides(arabic).get(" ".join(_spelled(word, arabic))) if word else None


def _named_for_another_side(m: Mention, side: str, arabic: bool) -> bool:
    """Whether one of the entity's names is ``m``'s words with a side other than ``side``."""
    name, sides = _spelled(m.text, arabic), _sides(arabic)
    e = m.entity
    for alias in (e.name, *e.aliases, *e.weak):
        words = _spelled(alias, arabic)
        if len(words) != len(name) + 1:
            continue
        word, rest = (words[-1], words[:-1]) if arabic else (words[0], words[1:])
        if rest == name and sides.get(word, side) != side:
            return True
    return False
