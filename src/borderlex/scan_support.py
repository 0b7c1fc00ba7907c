"""Which candidate spans the text supports.

A strong alias counts wherever its case fits; a weak one (a bare surname, a
name that is also a word, a short form) only where the text vouches for it:
a strong name of the same entity elsewhere in the text, a designator or a
list that fits it, a title or a word for "regime" beside a surname, a media
word or a credit beside an outlet's name, quote marks around an Arabic name.
Candidate spans come from ``borderlex.scan_candidates``; what a pattern is,
from ``borderlex.scan_patterns``.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import attrs

from .arabic_names import person_word_before, word_before
from .arabic_script import arabic_spelling, has_arabic_script, orthographic_form
from .common_words import is_common_word
from .folding import normalize
from .government_seats import is_dateline
from .index import AliasEntry, Strength
from .mention_edges import capital_before
from .middle_names import is_tribal_surname
from .model import DESIGNATES
from .org_partners import in_an_org_list
from .place_partners import in_a_list, in_their_parent, quarters_elsewhere, with_their_city
from .qualified_names import country_of_adjective
from .scan_patterns import GENERIC_HEADS, Pattern, Span, abroad, after_preposition, designator_before, designator_beside
from .texts_country import (
    WORD_AFTER,
    WORD_BEFORE,
    after_their_country,
    before_their_adjective,
    of_the_texts_country,
    regions_of_the_texts_country,
    texts_country,
)
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .designated_lists import Lists
    from .model import Entity
    from .scan_units import Unit

__all__ = ["quoted_whole", "supported"]


def _and_a_particle(c: Span, text: str) -> Span:
    """ "وان عددًا" is "وأن عددًا" (*and that a number*): a one-word Arabic
    name that reads as "و" or "ف" and a particle (vocabulary
    ``arabic_particles``) is that, not a weak alias ("وان", Van), unless
    a designator stands before it ("مدينة وان")."""
    if c.first != c.last or c.text[:1] not in "وف" or arabic_spelling(c.text[1:]) not in _particles():
        return c
    keep = [p for p in c.patterns if p.entry.strength is not Strength.WEAK or _designated(text, c, p.entry)]
    return c._replace(patterns=keep)


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(arabic_spelling(w) for w in vocabulary().arabic_particles)


def _same_script(c: Span) -> Span:
    """Only aliases written in the span's own script match it: the Latin
    key of "الفاو" is not the English word "few", and "الباب" in Arabic
    text is weak (it is also "the door") though "El Bab" is strong."""
    arabic = has_arabic_script(c.text)
    keep = [p for p in c.patterns if p.entry.arabic == arabic]
    return c._replace(patterns=keep) if len(keep) != len(c.patterns) else c


def supported(
    spans: list[Span],
    text: str,
    units: Sequence[Unit],
    lists: Lists,
    entity: Callable[[str | None], Entity | None],
) -> list[Span]:
    """Weak aliases count only when a strong alias names the same entity in
    the text, or, in Arabic, when the alias fills a quotation: Arabic has no
    capitals, and quote marks set names apart (لـ«العربي الجديد», حركة «حقوق»).
    An Arabic designator right before a weak alias that it fits names the
    entity as strongly as a strong alias ("مدينة الطبقة", the city of Tabqa;
    الطبقة alone is also *the layer*), as a word for "regime", "government"
    … does a person's ("نظام الأسد"; vocabulary ``person_heads``). In Latin
    script a title, an office or such a word beside a person's bare surname
    does the same ("Gen. Austin", "the Biden administration"), a word for
    "coalition", "list" … beside an organisation's ("la coalition Al-Fatah"),
    and a designator joined by "of" or "de" that fits the entity's type does
    for a place ("the town of al-Bab", "la ville d'Al-Bab"), as do a list
    of ``lists`` (``borderlex.designated_lists.latin_lists`` of the text), a
    place of the same country joined by "and" or a comma ("Erbil and
    Sulaimani") and, for a place in Syria or Iraq, a word of ``locatives``
    right before it ("in Sulaimani", not Soleimani's surname)."""
    read = (_with_article(_pronoun_ending(_and_a_particle(_same_script(c), text)), text, units) for c in spans)
    spans = [c for c in (_fits_designator(text, _common_word(c, units), units) for c in read) if c.patterns]
    strong = {p.entry.entity.id for c in spans for p in c.patterns if p.entry.strength is not Strength.WEAK}
    strong |= {p.entry.entity.id for c in spans for p in c.patterns if _designated(text, c, p.entry)}
    # "le quartier pauvre de Nabaa": after a designator with "of"/"de", a name read only by its
    # key is a place's or a facility's (not the newsletter al-Naba's, whose key "Nabaa" shares).
    spans = [c for c in spans if designator_before(units, c.first) is None or _place_or_written(c)]
    designated: dict[tuple[int, int], list[str]] = {}  # by span, the classes a designator or a list gives
    for c in spans:
        cls = designator_beside(text, units, c.first, c.last)
        classes = [cls] if cls is not None else []
        classes += lists.holding(c.start, c.end)
        designated[c.start, c.end] = classes
        norm = normalize(c.text)
        for cls in classes:
            # "the villages of Sahliyah, Kassarah …": local ones, not Kayseri by a key of its old names;
            # in Arabic not by a weak name at all ("قريتي عاليا وكنطري" are not Aley in Lebanon).
            strong |= {
                p.entry.entity.id
                for p in c.patterns
                if p.entry.entity.type in DESIGNATES.get(cls, ())
                and not (abroad(p.entry.entity) and (p.entry.normalized != norm or p.entry.arabic))
            }
    # «النصرة» in quote marks, then النصرة without them: a name the text once set apart is a name.
    strong |= {
        c.patterns[0].entry.entity.id
        for c in spans
        if c.patterns[0].entry.arabic
        and c.patterns[0].entry.entity.kind != "person"  # "(الدليمي)" refers back to someone named before
        and len({p.entry.entity.id for p in c.patterns}) == 1
        and quoted_whole(text, c.start, c.end)
    }
    # "the Security Council" where the text names the United Nations: an organisation's weak
    # name counts where its parent organisation is named.
    strong |= {
        p.entry.entity.id
        for c in spans
        for p in c.patterns
        if p.entry.entity.kind == "org" and p.entry.entity.parent is not None and p.entry.entity.parent in strong
    }
    strong |= in_a_list(spans, text, strong)
    strong |= in_an_org_list(spans, text, strong)
    strong |= in_their_parent(spans, text, strong, entity)
    strong |= with_their_city(spans, strong)
    strong |= after_their_country(spans, text)
    strong |= before_their_adjective(spans, text)
    country = texts_country(spans)
    strong |= regions_of_the_texts_country(spans, country)
    by_country = of_the_texts_country(spans, text, country, strong)
    elsewhere = quarters_elsewhere(spans, entity)
    people_end = {c.end for c in spans if any(p.entry.entity.kind == "person" for p in c.patterns)}
    out = []
    for c in spans:
        quoted = c.patterns[0].entry.arabic and quoted_whole(text, c.start, c.end)
        beside = _kinds_vouched_beside(text, c.start, c.end) if not c.patterns[0].entry.arabic else _NEITHER
        vouched = beside
        if _POSSESSIVE_BEFORE.match(text, c.start - 3) and c.start - 3 in people_end:
            vouched |= _ORG  # "Nouri al-Maliki's State of Law": a leader's party or bloc
        if _credited(text, c.start, c.end):
            vouched = vouched | _MEDIA

        if "said" in vouched and all(p.entry.entity.kind == "person" for p in c.patterns):
            vouched |= _PERSON  # "Erdogan said"; not "Sulaimani said", also the city's authorities
        if "person" in vouched and not _one_person(c):
            vouched -= _PERSON  # "President Barzani": which one, the text must say
        # "SULAIMANI — In a major escalation": a dateline names the place a report was filed from.
        dateline = any(p.entry.entity.kind == "place" for p in c.patterns) and is_dateline(text, c.start, c.end)
        if dateline:
            vouched |= _LOCATIVE
        described = c.patterns[0].entry.arabic and _described(text, c)
        # "لصحيفة «تشرين»", "مراسل الميادين": an Arabic media word right before vouches for an
        # outlet (looked for only where an outlet or a place could be read).
        outlet = (
            c.patterns[0].entry.arabic
            and any(p.entry.entity.type == "media" or p.entry.entity.kind in ("place", "facility") for p in c.patterns)
            and _outlet_word_before(text, c.start)
        )
        if outlet:
            vouched |= _MEDIA
        told = outlet or "media" in beside  # a media word or an attribution beside it, not a credit's brackets
        keep = [
            p
            for p in c.patterns
            if _counts(p, quoted, vouched, strong, by_country, described=described)
            and not (p.entry.entity.id in elsewhere and _a_guess(p, c, designated[c.start, c.end]))
        ]
        if (
            keep
            and not c.patterns[0].entry.arabic
            and (nationality := capital_before(text, c.start, after_hyphen=False)) in vocabulary().demonyms
        ):
            # "The Syrian Arab Coalition": a nationality before an organisation's weak name makes it
            # another body's name, not the weak one's (the US-led coalition's), unless it is the
            # organisation's own country's ("Syrian General Security"; "pro-Iranian" is no nationality).
            country = country_of_adjective(nationality)
            keep = [
                p
                for p in keep
                if not (
                    p.entry.strength is Strength.WEAK
                    and p.entry.entity.kind == "org"
                    and (p.entry.entity.country is None or country != p.entry.entity.country)
                )
            ]
        if "person" in vouched and "org" not in vouched and any(p.entry.entity.kind == "person" for p in keep):
            # "Sadr said", "President Assad": a person's word beside a name a person shares with a place.
            keep = [p for p in keep if p.entry.entity.kind == "person"]
        elif "locative" in vouched and "media" not in vouched and not _POSSESSIVE_AFTER.match(text, c.end):
            # "à Sadr, à l'est de Bagdad", "in Sadr": a place a person's name shares is the place there.
            # A place abroad stays when spelled as written: "en Suède" is Sweden, not as-Suwayda by a key.
            norm = normalize(c.text)
            keep = [
                p
                for p in keep
                if p.entry.entity.kind == "place" and (not abroad(p.entry.entity) or p.entry.normalized == norm)
            ] or keep
        if dateline:
            keep = [p for p in keep if p.entry.entity.kind == "place"]
            # "SULAIMANIYAH, Kurdistan region": a report is filed from the city, not its governorate;
            # but not from a town by a weak name of its against the province's own ("صلاح الدين (العراق)"
            # is the province, not Pirmam, a resort that shares Saladin's name).
            settled = [p for p in keep if p.entry.entity.type in _SETTLEMENTS]
            if any(p.entry.strength is not Strength.WEAK for p in settled) or all(
                p.entry.strength is Strength.WEAK for p in keep
            ):
                keep = settled or keep
        if "media" in vouched:
            # After a media word an outlet of the tables is the outlet ("مراسل الميادين", not the
            # town); else a place read only by a key is an outlet the tables lack ("l'agence de
            # presse turque Dogan" is not Dukan, "لصحيفة «تشرين»" not the Tishrin Dam).
            norm, unlike = normalize(c.text), ("place", "facility") if outlet else ("place",)
            keep = [p for p in keep if told and p.entry.entity.type == "media"] or [
                p for p in keep if p.entry.entity.kind not in unlike or p.entry.normalized == norm
            ]
        if quoted and any(p.entry.entity.type == "media" for p in keep):
            # «الشرق الأوسط», "(الشرق الأوسط)": the Arabic press quotes an outlet's name, and
            # writes the region of the same words bare ("في الشرق الأوسط").
            keep = [p for p in keep if p.entry.entity.type == "media"]
        if keep:
            out.append(c._replace(patterns=keep))
    return out


def _outlet_word_before(text: str, start: int) -> bool:
    """Whether an Arabic media word ("صحيفة", *newspaper*; perhaps after a
    proclitic) stands right before ``start``, perhaps with a quote mark between."""
    while start > 0 and text[start - 1] in _OPENING:
        start -= 1
    return any(orthographic_form(w) in _arabic_media_words() for w in word_before(text, start))


@functools.cache
def _arabic_media_words() -> frozenset[str]:
    return frozenset(orthographic_form(w) for w in vocabulary().media_words if has_arabic_script(w))


def _a_guess(p: Pattern, c: Span, classes: list[str]) -> bool:
    """Whether a quarter's weak alias names it only by a guess where its city is
    not named: an Arabic alias (quarters are named by words: الصناعة, *industry*),
    or a Latin one read by its key alone ("Rumayleh" for Rumaila) with no word
    for "quarter" or list of quarters beside it ("les quartiers de … Seif al-Dawla";
    "the village of Rumayleh" names no quarter)."""
    quarter = any(p.entry.entity.type in DESIGNATES.get(cls, ()) for cls in classes)
    return p.entry.arabic or (p.entry.normalized != normalize(c.text) and not quarter)


def _counts(
    p: Pattern, quoted: bool, vouched: frozenset[str], strong: set[str], by_country: set[str], *, described: bool
) -> bool:
    """Whether a pattern counts where it stands (see :func:`supported`)."""
    e = p.entry.entity
    if p.countryless:
        return e.id in by_country
    if p.unit_core:
        return described
    return (
        quoted
        or p.entry.strength is not Strength.WEAK
        or p.generated is not None
        or e.id in strong
        or e.kind in vouched
        or (e.type == "media" and "media" in vouched)
        or (e.kind == "place" and "locative" in vouched and not abroad(e))
    )


# What a quarter is not named after, though many are ("حي الجولان", the Jolan
# quarter of Fallujah; "حي فلسطين").
_NOT_A_QUARTER = frozenset({"country", "governorate", "region", "district", "subdistrict", "desert", "river"})


_NOT_A_TOWN = frozenset({"country", "region"})


def _fits_designator(text: str, c: Span, units: Sequence[Unit]) -> Span:
    """A designator beside a span names a local place of its class: after a
    word for "quarter" the name is not a country's or a region's (nor a city's
    abroad), and after one for "village" or "town" not a city abroad read only
    by its key ("the village of al-Kom" is not Qom); after either, not a
    facility's."""
    if not c.patterns:
        return c
    cls = designator_beside(text, units, c.first, c.last)
    j = c.first - 1
    while j >= 0 and units[j].skip and units[j].article:
        j -= 1
    # "حي الجولان": Arabic puts it right before; not across a preposition ("قرية لإيران", *a village for
    # Iran*), nor as "the city" (a head takes no article) or before "and" ("المدينة وسد الفرات").
    if (
        cls is None
        and j >= 0
        and units[j].arabic
        and not after_preposition(text[units[c.first].start : c.start])
        and not (j > 0 and units[j].attached and units[j - 1].article)
        and not _after_and(text, c.start)
    ):
        cls = units[j].marker
    if cls not in ("neighbourhood", "city"):
        return c
    norm = normalize(c.text)
    # "قرية السعودية", a village near Rabia, is not Saudi Arabia: right after an Arabic word for a
    # town, the name is no country's or region's ("la deuxième ville d'Irak" is Iraq's city).
    right_after = j >= 0 and units[j].arabic and units[j].marker == cls

    def misfit(p: Pattern) -> bool:
        e = p.entry.entity
        if e.kind == "facility":
            return True  # "قرب بلدة حميميم", the town the Hmeimim base is named after
        if e.kind != "place":
            return False
        if cls == "neighbourhood":
            return e.type in _NOT_A_QUARTER or (abroad(e) and e.type == "city")
        return (right_after and e.type in _NOT_A_TOWN) or (
            abroad(e) and e.type == "city" and p.entry.normalized != norm
        )

    keep = [p for p in c.patterns if not misfit(p)]
    return c._replace(patterns=keep) if len(keep) != len(c.patterns) else c


def _after_and(text: str, start: int) -> bool:
    """Whether the Arabic word at ``start`` opens with "و" or "ف" (*and*) read off before it."""
    word = start
    while word > 0 and not text[word - 1].isspace():
        word -= 1
    return word < start and text[word] in "وف" and not text.startswith("ال", word)


def _pronoun_ending(c: Span) -> Span:
    """An Arabic name ending in ة written with a final ه is weak there: that
    ه is mostly the pronoun "his" ("في حديثه", *in his talk*, is not Haditha,
    حديثة), and the press writes a name's ة as ة.  It counts where a weak
    alias would: a designator before it, the name spelled right elsewhere in
    the text, quote marks."""
    if not c.text.endswith("ه") or not any(p.entry.arabic and p.entry.alias.endswith("ة") for p in c.patterns):
        return c
    weak = [
        attrs.evolve(p, entry=attrs.evolve(p.entry, strength=Strength.WEAK))
        if p.entry.arabic and p.entry.alias.endswith("ة")
        else p
        for p in c.patterns
    ]
    return c._replace(patterns=weak)


def _with_article(c: Span, text: str, units: Sequence[Unit]) -> Span:
    """ "The Guardian", "Le Monde": an article that opens an outlet's or an
    institution's own name ("The New York Times", not "Associated Press") is
    part of its mention where the text writes it so, capital and all; the
    span takes it in, with only those aliases.  Elsewhere an alias that
    opens with an article does not match: "Independent" is not The
    Independent, "the Observatory" is read as a back reference."""
    if not units[c.first].latin:
        return c
    norm = normalize(c.text)
    with_article = [p for p in c.patterns if _article_before(p.entry.normalized, norm)]
    if not with_article:
        return c
    article = units[c.first - 1] if c.first > 0 else None
    if article is not None and text[article.end : c.start] in _ARTICLE_GAPS:
        written = text[article.start : article.end]
        own = [p for p in with_article if p.entry.alias.startswith(written) and p.entry.entity.name.startswith(written)]
        if own:
            return c._replace(start=article.start, first=c.first - 1, patterns=own, text=text[article.start : c.end])
    return c._replace(patterns=[p for p in c.patterns if p not in with_article])


def _article_before(alias: str, norm: str) -> bool:
    """Whether the normalized ``alias`` is ``norm`` after an article."""
    first, _, rest = alias.partition(" ")
    return rest == norm and first in _LEADING_ARTICLES


_LEADING_ARTICLES = frozenset(("the", "le", "la", "les", "l"))
_ARTICLE_GAPS = frozenset((" ", "'", "’"))


def _common_word(c: Span, units: Sequence[Unit]) -> Span:
    """ "Back" folds to Ba'ac: a Latin word of ``data/common-words.tsv`` names
    something only as an alias spells it, or after a designator that asks for
    a place ("the town of Haram", Harim)."""
    if c.first != c.last or not units[c.first].latin or not is_common_word(c.text):
        return c
    if designator_before(units, c.first) is not None:
        return c
    norm = normalize(c.text)
    return c._replace(patterns=[p for p in c.patterns if p.entry.normalized == norm])


def _place_or_written(c: Span) -> bool:
    norm = normalize(c.text)
    return any(p.entry.entity.kind in ("place", "facility") or p.entry.normalized == norm for p in c.patterns)


def _one_person(c: Span) -> bool:
    """Whether the span's weak aliases of people name one person: a title or a
    verb beside a surname two people share does not say which, nor beside a
    tribe's name that thousands bear (vocabulary ``tribal_surnames``)."""
    people = {
        p.entry.entity.id for p in c.patterns if p.entry.entity.kind == "person" and p.entry.strength is Strength.WEAK
    }
    return len(people) <= 1 and not (people and is_tribal_surname(c.text))


@functools.cache
def _org_heads() -> frozenset[str]:
    """The Arabic words of ``quoted_name_heads`` ("كتلة", "تحالف" …), as
    :func:`~borderlex.arabic_script.orthographic_form` writes them."""
    return frozenset(orthographic_form(w) for w in vocabulary().quoted_name_heads if has_arabic_script(w))


def _described(text: str, c: Span, heads: frozenset[str] = frozenset()) -> bool:
    """Whether a word for "militia", "organisation" … (vocabulary ``leading_descriptors``
    but قوات), or one of ``heads``, stands right before an Arabic span, perhaps after a proclitic."""
    return any(normalize(w) in GENERIC_HEADS or orthographic_form(w) in heads for w in word_before(text, c.start))


def _designated(text: str, c: Span, entry: AliasEntry) -> bool:
    """Whether an Arabic designator that fits the entity's type (perhaps
    after a proclitic: "بمدينة") or for a country one of ``country_heads``
    ("دولة"), for a person a word of ``person_heads``, ``arabic_titles`` or
    ``speech_verbs``, for an organisation one of ``leading_descriptors`` (but
    قوات) or ``quoted_name_heads``, stands right before the span."""
    if not entry.arabic or entry.strength is not Strength.WEAK:
        return False
    forms = word_before(text, c.start)
    if not forms:
        return False
    if entry.entity.kind == "person":  # "نظام الأسد", Assad's regime; "الرئيس الأسد"; "وقال الحلبوسي"
        only_people = all(p.entry.entity.kind == "person" for p in c.patterns)
        return only_people and _one_person(c) and person_word_before(text, c.start)
    if entry.entity.kind == "org":  # "ميليشيا الحشد", "كتلة الفتح": a word for "militia" or "bloc" before it
        return _described(text, c, _org_heads())
    words = vocabulary()
    if entry.entity.type == "country" and any(w in words.country_heads for w in forms):
        return True  # "دولة الإمارات": the State of the Emirates
    cls = next((words.designators[w] for w in forms if w in words.designators), None)
    return cls is not None and entry.entity.type in DESIGNATES.get(cls, ())


# A word, then "of", "de", "du", "des" or "de la", and perhaps an elided "l'", right before a name.
_HEAD_OF_BEFORE = re.compile(
    r"([^\W\d_]+)[ \u00a0]+(?:(?:of|de|du|des|de[ \u00a0]+la)[ \u00a0]+(?:[lL]['’])?|[dD]['’])\Z"
)
_GLUED_BEFORE = frozenset({"pro", "anti"})
_SETTLEMENTS = frozenset({"city", "town", "village"})
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
# One or two words, then an opening quote, right before a name; its closing quote after it.
_QUOTE_BEFORE = re.compile(r"((?:[^\W\d_]+[ \u00a0]+){1,2})[«“\"][ \u00a0]*\Z")
_CLOSE_QUOTE_AFTER = re.compile(r"[ \u00a0]*[»”\"]")


def _kinds_vouched_beside(text: str, start: int, end: int) -> frozenset[str]:
    """Latin text: the kinds of entity whose bare name a word right beside
    the span vouches for.  A person's: a title or office ("Gen. Austin",
    "M. Assad") or a word of ``person_heads`` ("l'administration Trump",
    "the Biden administration").  An organisation's: a word for "coalition",
    "list", "party" … (``quoted_name_heads``: "la coalition Al-Fatah", "the
    Nasr list").  Both: a glued "pro-" or "anti-" ("pro-Assad").  A media
    word vouches for an outlet only ("media": "the Anadolu news agency", not
    "the General Security agency"); a word of ``locatives`` for a place in
    Syria or Iraq only ("locative": "in Hit", the town); a verb of saying
    (``speech_verbs``) after it for a person, when the name is no other
    kind's ("said": "Erdogan said"; "Erbil said" is its government's)."""
    words = vocabulary()
    kinds: set[str] = set()
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        word = normalize(before.group(1))
        if before.group(2).strip(" \u00a0."):  # a hyphen or dash
            return _BOTH if word in _GLUED_BEFORE else _NEITHER
        if word in words.titles or word in words.offices or word in words.person_heads:
            kinds.add("person")
        if word in words.quoted_name_heads:
            kinds.add("org")
        if word in words.locatives:  # "in Sulaimani": the city, not Soleimani
            kinds.add("locative")
    if _media_word_before(text, start, words.media_words) or _attributed(text, start, words.attributions):
        kinds.add("media")  # "l'agence de presse turque Anadolu"; "told Al-Monitor", "a confié à Sputnik"
    of = _HEAD_OF_BEFORE.search(text, max(0, start - 40), start)
    if of is not None and normalize(of.group(1)) in words.quoted_name_heads:
        kinds.add("org")  # "la coalition de l'État de droit", "the coalition of Al-Fatah"
    quoted = _QUOTE_BEFORE.search(text, max(0, start - 60), start)
    if quoted is not None and _CLOSE_QUOTE_AFTER.match(text, end):
        # "le parti « Progrès »", "le parti sunnite « Progrès »": a quoted name after the head, an adjective between.
        *head, last = quoted.group(1).split()
        heads = [last, *head[-1:]] if last.islower() else [last]
        if any(normalize(w) in words.quoted_name_heads for w in heads):
            kinds.add("org")
    after = WORD_AFTER.match(text, end, end + 40)
    if after is not None:
        word = normalize(after.group(1))
        if word in words.person_heads:
            kinds.add("person")  # "the Biden administration"
        if word in words.speech_verbs:
            kinds.add("said")  # "Erdogan said"; but "Erbil said", a city for its government
        media = word in words.media_words or word in words.media_words_after
        if word in words.quoted_name_heads or (word in words.org_words and after.group(1).islower() and not media):
            kinds.add("org")  # "the Nasr list", "the Badr organization"; "agency" vouches for an outlet only
        if media:
            kinds.add("media")  # "the Anadolu news agency", not "the General Security agency"
    return frozenset(kinds)


# Up to four words right before a name, nothing but spaces between them.
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_]+[ \u00a0]+){1,4}\Z")


def _media_word_before(text: str, start: int, media_words: frozenset[str]) -> bool:
    """Whether a media word stands up to four words before ``start``, the
    words after it lowercase ("agence de presse turque")."""
    found = _WORDS_BEFORE.search(text, max(0, start - 60), start)
    if found is None:
        return False
    run = found.group().split()
    return any(normalize(w) in media_words and all(x.islower() for x in run[i + 1 :]) for i, w in enumerate(run))


# Up to four words, then perhaps an elided article, right before a name ("a déclaré à l'AFP").
_PHRASE_BEFORE = re.compile(r"((?:[^\W\d_]+[ \u00a0]+){1,4})(?:[lL]['’])?\Z")


def _attributed(text: str, start: int, attributions: frozenset[str]) -> bool:
    """Whether a phrase of ``attributions`` ends right before ``start``."""
    found = _PHRASE_BEFORE.search(text, max(0, start - 60), start)
    if found is None:
        return False
    run = [normalize(w) for w in found.group(1).split()]
    while run and run[-1] in vocabulary().time_words:
        run.pop()  # "a rapporté mardi Sputnik": the day between the verb and the outlet
    return any(" ".join(run[i:]) in attributions for i in range(len(run)))


_BOTH, _NEITHER, _MEDIA, _PERSON, _LOCATIVE, _ORG = (
    frozenset({"person", "org"}),
    frozenset[str](),
    frozenset({"media"}),
    frozenset({"person"}),
    frozenset({"locative"}),
    frozenset({"org"}),
)
_POSSESSIVE_BEFORE = re.compile("['’]s ")

# "لـ روزنة", "لـ«عنب بلدي»": told to an outlet (a detached lam, then perhaps a quote mark).
_TOLD_TO = re.compile('لـ[ \u00a0]*[«"“]?[ \u00a0]*\\Z')
# A "ل" (*to*) glued to the name, which then lacks its article's alif: "للأناضول" is ل + "لأناضول".
_GLUED_TO = re.compile("(?<![^\\W\\d_])ل\\Z")
# "إن", "أن", "إنه" … (*that*) right after the name: "قال … للجزيرة إن", told Al Jazeera that.
_THAT_AFTER = re.compile(r"[ \u00a0]+[إأ]ن(?:ه|ها|هم)?[ \u00a0]")
# The words before such a "ل", up to four, in its sentence and outside quotes ("قال: "قررنا
# السماح للمدن"" is *for the cities*, not the outlet al-Modon).
_CLAUSE_BEFORE = re.compile('((?:[^\\s.:!?؟«»“”"]+[ \u00a0]+){1,4})\\Z')


def _said_before(text: str, end: int) -> bool:
    """Whether a verb of saying or a word for a statement (vocabularies
    ``speech_verbs``, ``statement_words``) is among the four words before ``end``."""
    words = vocabulary()
    before = _CLAUSE_BEFORE.search(text, max(0, end - 60), end)
    if before is None:
        return False
    said = words.speech_verbs | words.statement_words
    bare = (w.strip("،,") for w in before.group(1).split())
    return any(w in said or (w[:1] in "وف" and w[1:] in said) for w in bare)


# "مراسل الأناضول", *Anadolu's correspondent*: a correspondent's word in construct before the outlet.
_CORRESPONDENT = re.compile("(?<![^\\W\\d_])[وفل]{0,2}مراسل(?:ة|و|ي)?[ \u00a0]+\\Z")
# An outlet's dateline or byline: "سمارت - درعا", "SMART - Daraa", or the name alone on its line.
_CREDIT_AFTER = re.compile(r"[ \t]*(?:[-–—][ \t]|\n|\Z)")
# A reporter's byline with the outlet after a slash, ending its line: "ليث الجنيدي / الأناضول",
# "بغداد/ الصباح".
_BYLINE_SLASH = re.compile(r"[ \t]?/[ \t]*\Z")
# A picture's credit: "(الأناضول/أرشيف)", "Huseyin Nasir/Anadolu via Getty Images".
_SLASH_IN_BRACKETS = re.compile(r"[ \t]*/[^()\n]{1,25}\)")
_VIA_AFTER = re.compile(r"[ \t]+via[ \t]")


def _credited(text: str, start: int, end: int) -> bool:
    """Whether the span is credited as an outlet: after a detached "لـ"
    ("told to"), a glued one after a verb of saying or a word for a statement
    ("في تصريح للأناضول") or a correspondent's word ("مراسل الأناضول"), alone in
    brackets or before a slash in them ("(الأناضول/أرشيف)"), after a slash
    before "via" ("Huseyin Nasir/Anadolu via Getty Images"), opening its line
    as a dateline or a byline does, or ending a byline after a slash ("ليث
    الجنيدي / الأناضول")."""
    if _TOLD_TO.search(text, max(0, start - 5), start) or _CORRESPONDENT.search(text, max(0, start - 12), start):
        return True
    if _GLUED_TO.search(text, max(0, start - 3), start) and (
        _said_before(text, start - 1) or _THAT_AFTER.match(text, end) is not None
    ):
        return True  # "في تصريح للأناضول", "… هادي العبد الله للجزيرة إن": told to the outlet (that …)
    if text[start - 1 : start] + text[end : end + 1] in ("()", "[]"):
        return True  # a credit in brackets: "(الأناضول)", "[Getty]"
    if text[start - 1 : start] == "(" and _SLASH_IN_BRACKETS.match(text, end):
        return True
    if text[start - 1 : start] == "/" and _VIA_AFTER.match(text, end):
        return True
    line = text.rfind("\n", 0, start) + 1
    if _BYLINE_SLASH.search(text, line, start) and text[end : end + 1] in ("\n", ""):
        return True
    return not text[line:start].strip() and _CREDIT_AFTER.match(text, end) is not None


# Arabic text writes “ and ” either way round.
# A name of two words or more alone in brackets is set apart as well: "(بغداد اليوم)", the
# outlet; one word there is often a note ("(صور)", *pictures*, not Tyre) or a back-reference,
# or an outlet's credit ("(الأناضول)", see _credited).
# Braces too: Asharq Al-Awsat's pages print its quote marks so ("زعيم قبلي لـ {الشرق الأوسط}").
_OPENING = frozenset('«“”"„‹{″')  # the double prime too: some Arabic sites quote with it (″العربية″)
_CLOSING = frozenset('»”“"›}″')


def quoted_whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone in quote marks (or, two words or more, in brackets)."""
    if start == 0:
        return False
    before, after = text[start - 1], text[end : end + 1]
    if before == "(" and after == ")":
        return " " in text[start:end]
    return before in _OPENING and after in _CLOSING
