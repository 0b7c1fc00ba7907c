"""Acronyms a text defines, and a country written before its own organisation.

A report introduces an acronym once, in brackets after the full name
("Kataib Hezbollah (KH)"), and uses it alone afterwards; the tables cannot
list every such acronym ("KH" alone is too short to list), so the scanner
reads the definition: the bracketed capitals, when their letters start the
name's words in order, name the same entity wherever the text writes them
whole.  And "U.S. CENTCOM", like "US State Department", is one name: a
country right before one of its own organisations joins it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from .literal_hits import finditer
from .located_places import parents
from .model import Entity, Match, Mention, Method
from .vocabulary import vocabulary

__all__ = [
    "abbreviates",
    "acronym_defined_at",
    "defined_acronyms",
    "initials_of_named",
    "spelled_out_acronyms",
    "with_country_prefix",
]

# "(KH)", "( SDF )", "(KH, Brigades du Hezbollah)": two to six capitals, alone or before a gloss.
_DEFINITION = re.compile(r"\s*\(\s*([A-Z]{2,6})\s*(?:\)|[,;]\s)")
_SMALL = frozenset(("al", "el", "of", "the", "and", "for", "de", "du", "des", "la", "le", "et", "l", "d"))


def acronym_defined_at(text: str, end: int) -> str | None:
    """The acronym ``text`` defines in brackets right at ``end`` ("… Service (ICTS)"), if any."""
    d = _DEFINITION.match(text, end)
    return d.group(1) if d is not None else None


def defined_acronyms(text: str, mentions: list[Mention], taken: Callable[[int, int], bool]) -> list[Mention]:
    """Mentions of the acronyms ``text`` defines right after a mention of a
    capitalised name, wherever it writes them as whole words (the
    definition's own included) and ``taken(start, end)`` is false."""
    found: list[Mention] = []
    for m in mentions:
        acronym = acronym_defined_at(text, m.end)
        if acronym is None or not m.text[:1].isupper() or not abbreviates(acronym, m.text):
            continue
        for a in finditer(rf"(?<![\w-]){acronym}(?![\w-])", text, acronym):
            if not taken(a.start(), a.end()):
                match = attrs.evolve(m.match, query=acronym, score=90.0, method=Method.CONTEXT, weak=False)
                found.append(Mention(a.start(), a.end(), acronym, m.id, m.entity, match))
    return found


def initials_of_named(
    text: str, mentions: list[Mention], taken: Callable[[int, int], bool], resolve: Callable[[str], Match | None]
) -> list[Mention]:
    """Mentions of an organisation's initials that the text writes after
    naming it in full but never defines: "The strikes on Kataib Hizbollah …
    three KH locations". Only initials the tables give nothing (``resolve``
    finds nothing), of one organisation the text names by capitalised words,
    written whole outside a line of capitals ("WHAT IS LEFT" is no Islamic
    State) and no title or office ("PM"), where ``taken(start, end)`` is false."""
    first: dict[str, Mention] = {}
    owners: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity.kind != "org" or m.match.method is Method.FUZZY:
            continue
        for acronym in _initials(m.text):
            first.setdefault(acronym, m)
            owners.setdefault(acronym, set()).add(m.id)
    words = vocabulary()
    found: list[Mention] = []
    for acronym, m in first.items():
        rank = acronym.lower()
        if len(owners[acronym]) > 1 or rank in words.offices or rank in words.titles or resolve(acronym) is not None:
            continue  # "PM" after the Popular Mobilization is the prime minister
        for a in finditer(rf"(?<![\w-]){acronym}(?![\w-])", text, acronym):
            if a.start() < m.end or taken(a.start(), a.end()) or _in_capitals(text, a.start(), a.end()):
                continue
            match = attrs.evolve(m.match, query=acronym, score=90.0, method=Method.CONTEXT, weak=False)
            found.append(Mention(a.start(), a.end(), acronym, m.id, m.entity, match))
    return found


def _initials(name: str) -> set[str]:
    """The initials of a name of two or more capitalised words (small words and
    articles skipped or not: "Hayat Tahrir al-Sham" is HTS and HTAS), two to six."""
    words, _, bare = _name_words(name)
    if len(bare) < 2 or not all(w[:1].isupper() for w in bare):
        return set()
    return {a for a in (_first_letters(bare), _first_letters(words)) if 2 <= len(a) <= 6}


_CAPITALS = re.compile(r"[A-Z]{2,}")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the word at start..end stands beside another word of capitals."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    return any(_CAPITALS.fullmatch(w.strip(".,:;!?\"'’“”")) for w in before[-1:] + after[:1])


def spelled_out_acronyms(text: str, mentions: list[Mention], resolve: Callable[[str], Match | None]) -> list[Mention]:
    """The acronyms among ``mentions`` read as what the text spells out: when
    the text writes a capitalised name whose initials are the acronym
    ("Danish Refugee Council (DRC)", "the Directorate General of Internal
    Security Forces … the ISF said") and no such name is the entity the
    tables give the acronym, the acronym is that name's: its entity when it
    resolves to one, otherwise no mention (not DR Congo, not the Iraqi
    Security Forces)."""
    read: dict[str, Match | None] = {}
    out: list[Mention] = []
    by_id: dict[str, list[Mention]] = {}
    for m in mentions:
        by_id.setdefault(m.id, []).append(m)
    for m in mentions:
        if not _ACRONYM.fullmatch(m.text):
            out.append(m)
            continue
        if m.text not in read:
            # Where a mention of the entity holds the spelled-out name ("UN Office for the
            # Coordination of Humanitarian Affairs (OCHA)"), the text spells it out as that entity.
            spans = [(x.start, x.end) for x in by_id[m.id] if x is not m]
            read[m.text] = _spelled_out(text, m, resolve, spans)
        match = read[m.text]
        if match is not None and match.id == m.id:
            out.append(m)
        elif match is not None:
            match = attrs.evolve(match, query=m.text, score=90.0, method=Method.CONTEXT, weak=False)
            out.append(Mention(m.start, m.end, m.text, match.id, match.entity, match))
    return out


def _spelled_out(
    text: str, m: Mention, resolve: Callable[[str], Match | None], spans: list[tuple[int, int]]
) -> Match | None:
    """What the acronym of ``m`` names in ``text``: ``m.match`` unless the
    text spells out the acronym only as names of something else (``spans``:
    the mentions of ``m``'s entity, whose words are its own)."""
    named: dict[str | None, Match | None] = {}  # what each spelled-out name resolves to
    for run in _initials_pattern(m.text).finditer(text):
        if any(a <= run.start() and run.end() <= b for a, b in spans):
            return m.match
        found = resolve(run.group())
        if found is not None and found.id == m.id:
            return m.match
        # Another entity's only where the text defines the acronym for it: "Internal Security
        # Forces" may be another country's, as "Syrian Internal Security Forces" without "Syrian".
        defined = (d := _DEFINITION.match(text, run.end())) is not None and d.group(1) == m.text
        named[found.id if found is not None and defined else None] = found if defined else None
    if not named:
        return m.match
    # One other entity, or one unknown name: the acronym is its; several: none of them for sure.
    return next(iter(named.values())) if len(named) == 1 else None


def _initials_pattern(acronym: str) -> re.Pattern[str]:
    small = "|".join(sorted(_SMALL))
    gap = rf"(?:[ \-]+(?:(?:{small})[ \-]+)*)"
    # The first capital comes first, the lookbehind after it: re then looks for that letter at C
    # speed instead of trying every position of the text (issue 17).
    first = rf"{acronym[0]}(?<![\w'’-]{acronym[0]})[\w'’]+"
    return re.compile(gap.join([first, *(rf"{c}[\w'’]+" for c in acronym[1:])]) + r"(?![\w'’-])")


# A mention written in three to six capitals: an acronym whose letters a
# text spells out by chance only rarely (two, "IS", are any "Iraqi Shia").
_ACRONYM = re.compile(r"[A-Z]{3,6}")


def abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are the initials of the name's words
    in order, the small words ("of", "al-") skipped or not (a hyphen parts
    words: "Kata'ib al-Imam Ali")."""
    return acronym in tuple(map(_first_letters, _name_words(name)))


def _name_words(name: str) -> tuple[list[str], list[str], list[str]]:
    """A name's words (a hyphen parts them), those that are no small word, and
    those that are no article either: "Deir ez-Zor Military Council (DZMC)", a
    romanized Arabic article is no word of its own."""
    words = [w for w in re.split(r"[\s\-\u2010]+", name) if w]
    content = [w for w in words if w.lower().strip("'’") not in _SMALL]
    articles = vocabulary().articles
    return words, content, [w for w in content if w.lower() not in articles]


def _first_letters(words: list[str]) -> str:
    return "".join(w[0] for w in words).upper()


def with_country_prefix(
    text: str,
    mentions: list[Mention],
    resolve: Callable[[str], Match | None],
    entity: Callable[[str | None], Entity | None],
) -> list[Mention]:
    """ "U.S. CENTCOM": a country's abbreviation ("US", "U.S.", "UK") right
    before a mention of one of its own organisations, one space between, is
    part of that name; and so is an organisation's ("UN") before one of its
    own bodies ("UN Commission of Inquiry on Syria"), found through the
    ``parent`` links (``entity`` gives an entity by id)."""
    out: list[Mention] = []
    for mention in mentions:
        m = mention
        before = _ABBREVIATION_BEFORE.search(text, max(0, m.start - 8), m.start) if m.entity.kind == "org" else None
        owner = resolve(before.group(1)) if before is not None else None
        if before is not None and owner is not None and _owns(owner.entity, m.entity, entity):
            start = before.start(1)
            while out and out[-1].end > start:  # the abbreviation's own mention, if it was taken
                out.pop()
            m = Mention(start, m.end, text[start : m.end], m.id, m.entity, m.match)
        out.append(m)
    return out


def _owns(owner: Entity, org: Entity, entity: Callable[[str | None], Entity | None]) -> bool:
    """Whether ``owner`` is the country of ``org``, or an organisation above it."""
    if owner.type == "country":
        return org.country is not None and owner.country == org.country
    return owner.kind == "org" and owner.id in parents(org, entity)


# "US ", "U.S. ", "UK " right before a name (no letter or dot before it).
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3}|[A-Z]{2,3}) $")
