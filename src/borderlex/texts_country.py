"""The country a text is about, and whose its institutions are.

Reporting on one country names its institutions without the country
("the Interior Ministry", "وزارة الداخلية"; ``borderlex.countryless``) and
its organisations by weak names beside the country's name or adjective
("the US Department of Defense", "مفوضية الانتخابات العراقية").  The
scanner's support (``borderlex.scan_support``) asks this module which
such names the text vouches for: by the country the text is about, the
country's name or adjective beside the name, or the institution named in
full elsewhere in the text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .arabic_script import has_arabic_script
from .folding import normalize
from .index import Strength
from .qualified_names import country_of_adjective
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from .scan_patterns import Span

__all__ = [
    "WORD_AFTER",
    "WORD_BEFORE",
    "after_their_country",
    "before_their_adjective",
    "of_the_texts_country",
    "regions_of_the_texts_country",
    "texts_country",
]


def after_their_country(spans: list[Span], text: str) -> set[str]:
    """The organisations whose weak name follows their country's name or
    abbreviation, one space between: "the US Department of Defense" (the
    abbreviation joins the mention: ``borderlex.text_acronyms``), "Iraq's
    Federal Court" (the possessive is not the name's; names the tables lack
    so: ``borderlex.possessed_names``)."""
    countries: dict[int, set[str]] = {}
    for c in spans:
        if c.patterns[0].entry.arabic:
            continue  # Arabic puts a country after its institution: "العراق النصر" is Iraq … victory
        for p in c.patterns:
            e = p.entry.entity
            if e.type == "country" and e.country is not None:
                countries.setdefault(c.end, set()).add(e.country)
    if not countries:
        return set()
    return {
        p.entry.entity.id
        for c in spans
        if text[c.start - 1 : c.start] == " "
        and (
            codes := countries.get(c.start - 1)
            or (countries.get(c.start - 2) if text[c.start - 2 : c.start - 1] == "." else None)
            or (countries.get(c.start - 3) if text[c.start - 3 : c.start - 1] in _POSSESSIVES else None)
        )
        for p in c.patterns
        if p.entry.entity.kind == "org" and p.entry.entity.country in codes
    }


_POSSESSIVES = ("'s", "’s")


def before_their_adjective(spans: list[Span], text: str) -> set[str]:
    """The organisations whose weak name is followed by their country's
    adjective: "مفوضية الانتخابات العراقية", *the Iraqi electoral commission*
    (another country's adjective names another organisation:
    ``borderlex.namesakes.by_the_adjective_after``).  Not an Arabic name of
    one word: a word with the article and an adjective after it is a noun
    and its adjective ("للسيادة العراقية", *for Iraqi sovereignty*, is not the
    Siyada alliance)."""
    out = set()
    for c in spans:
        if c.patterns[0].entry.arabic and " " not in c.text.strip():
            continue
        code = _adjective_after(text, c.end)
        if code is not None:
            out |= {
                p.entry.entity.id for p in c.patterns if p.entry.entity.kind == "org" and p.entry.entity.country == code
            }
    return out


def _adjective_after(text: str, end: int) -> str | None:
    """The country whose adjective is the word right after ``end``, if any."""
    after = WORD_AFTER.match(text, end, end + 40)
    return country_of_adjective(after.group(1)) if after is not None else None


def texts_country(spans: list[Span]) -> str | None:
    """The country the text is about: the one its places and organisations,
    each named by a strong alias of one entity, name most often (at least
    twice, and more than any other)."""
    counts: dict[str, int] = {}
    for c in spans:
        if len({p.entry.entity.id for p in c.patterns}) == 1 and c.patterns[0].entry.strength is not Strength.WEAK:
            country = c.patterns[0].entry.entity.country
            if country is not None:
                counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return max(counts, key=counts.__getitem__)


def of_the_texts_country(spans: list[Span], text: str, country: str | None, strong: set[str]) -> set[str]:
    """The institutions named without their country ("the Interior Ministry",
    "وزارة الداخلية"; ``borderlex.countryless``) of the country the text is
    about (:func:`texts_country`).  Not where the text says whose the
    institution is: another country's adjective, a possessive or another
    capitalised name beside it ("مجلس النواب الأميركي", "Turkey's Interior
    Ministry", "Ezidxane Security Forces"), or a place after it ("وزارة
    الداخلية في كردستان", "the Ministry of Defense of the Interim
    Government").  In a text about any country, also the one institution
    such a name may be that the text names in full ("the Iraqi Ministry of
    Defence … the Ministry of Defence"): ``strong`` holds what it names so."""
    starts = {c.start for c in spans}
    found: set[str] = set()
    for c in spans:
        bare = [p.entry.entity for p in c.patterns if p.countryless]
        ours = {e.id for e in bare if e.country == country}
        if ours and not _owner_beside(text, c.start, c.end, starts, country):
            found |= ours
        named = {e for e in bare if e.id in strong}
        if len(named) == 1 and not _owner_beside(text, c.start, c.end, starts, (e := named.pop()).country):
            found.add(e.id)
    return found


def regions_of_the_texts_country(spans: list[Span], country: str | None) -> set[str]:
    """A region's short name is weak when it also names a wider or narrower
    area ("Kurdistan": the Kurdish lands, or Iraq's Kurdistan Region;
    "Ghouta"); in a text about the region's country it is the region."""
    return {
        p.entry.entity.id
        for c in spans
        for p in c.patterns
        if p.entry.entity.type == "region" and p.entry.entity.country == country and country is not None
    }


def _owner_beside(text: str, start: int, end: int, names: set[int], country: str | None) -> bool:
    """Whether words beside an institution's name say it is another
    country's, or some place's (see :func:`of_the_texts_country`);
    ``names``: where the text's candidate names start."""
    level = WORD_AFTER.match(text, end, end + 40)
    if level is not None and level.group(1) in vocabulary().state_adjectives:
        end = level.end()  # "وزارة النفط الاتحادية العراقية": the federal ministry, of Iraq
    adjective = _adjective_after(text, end)
    if adjective is not None:
        return adjective != country  # "مجلس النواب الأميركي", "le ministère de l'Intérieur turc"
    after = WORD_AFTER.match(text, end, end + 40)
    if has_arabic_script(text[start:end]):
        if after is not None and after.group(1) == "في":
            # "في كردستان", "في غربي كردستان" say where; "في بيان" (*in a statement*) does not.
            place = WORD_AFTER.match(text, after.end(), after.end() + 40)
            if place is not None and place.group(1) in vocabulary().directions:
                place = WORD_AFTER.match(text, place.end(), place.end() + 40)
            return place is not None and place.start(1) in names
        return after is not None and after.group(1)[1:] in _ARABIC_SEATS
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    if (
        before is not None
        and before.group(1)[:1].isupper()
        and normalize(before.group(1)) not in vocabulary().stop_words
    ):
        return True  # "the Turkish Interior Ministry", "Ezidxane Security Forces"
    owner_before = _OWNER_BEFORE.search(text, max(0, start - 20), start) is not None
    return owner_before or _OWNER_AFTER.match(text, end) is not None


# "لإقليم كردستان", "بحكومة الإقليم": after ل or ب, the region or government an institution is of.
_ARABIC_SEATS = frozenset({"إقليم", "حكومة", "محافظة"})
# "Turkey's Interior Ministry", "the Kurdistan Regional Government’s (KRG) Council of Ministers".
_OWNER_BEFORE = re.compile(r"['’]s?[ \u00a0]+(?:\([A-Z][A-Za-z]{1,9}\)[ \u00a0]+)?\Z")
_OWNER_AFTER = re.compile(r"[ \u00a0]+(?:of|in|de|du|des|d['’])[ \u00a0]*(?:the[ \u00a0]+|l['’]|la[ \u00a0]+)?[A-Z]")
# A word right before a name (then a space, or a hyphen or a dash as some copy writes it:
# "pro–Assad"), and right after one; the scanner's support reads words beside a name with them too.
WORD_BEFORE = re.compile(r"([^\W\d_]+)(\.?[ \u00a0]+|[-\u2010\u2011\u2013])\Z")
WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")
