"""Alias patterns, and the tests a span of text must pass to match one.

A pattern is one way to write one entity's name, as units (see
``borderlex.scan_units``); a span is a stretch of text that some patterns
fit.  Whether a pattern still counts for its span depends on the span's
capitals, its script, the Arabic article, the alias's strength and the words
around the span (a longer name the tables do not know).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

import attrs

from .arabic_script import has_arabic_script, words_after, words_before
from .designated_lists import latin_lists, linked, plural_before
from .folding import normalize
from .index import AliasEntry, Strength, acronym_form
from .model import DESIGNATES, Method
from .name_keys import key_parts, leading_descriptors
from .scan_units import CASE_FREE_DESIGNATORS, MARKERS, case_free, letters_of, stops_of, units_of, word_unit
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .model import Entity
    from .scan_units import Unit

__all__ = [
    "GENERIC_HEADS",
    "Pattern",
    "Span",
    "alias_patterns",
    "article_agrees",
    "case_ok",
    "designator_before",
    "designator_beside",
    "family_names_agree",
    "head_after_subject",
    "inside_unknown_name",
    "pattern_rank",
    "span_method",
    "supported",
]

# Words that head Arabic organisation names; a known name right after one
# of them is part of an unknown organisation ("Kata'ib Hezbollah").  Read from
# the vocabulary when this module is first imported: on the first scan.
_ORG_HEADS = frozenset("".join(key_parts(w)) for w in vocabulary().org_heads)  # the units these words become
_MEDIA_WORDS = frozenset(u.unit for w in vocabulary().media_words for u in units_of(w) if u.unit)
_MEDIA_WORDS_AFTER = frozenset(u.unit for w in vocabulary().media_words_after for u in units_of(w) if u.unit)
_ARABIC_INSTITUTION_HEADS = frozenset(
    u.unit for w in vocabulary().institution_heads if has_arabic_script(w) for u in units_of(w) if u.unit
)


# Designators of facilities, whose word before a town's name in Arabic names
# the facility ("معبر الدرباسية", the Darbasiyah crossing).
_FACILITY_DESIGNATORS = CASE_FREE_DESIGNATORS - {"governorate", "district"}

#: Arabic words that head an organisation's name without being part of it
#: ("تنظيم الدولة الإسلامية"); "forces" is part of names (قوات سوريا الديمقراطية).
GENERIC_HEADS = leading_descriptors() - {normalize("قوات")}


@attrs.frozen(slots=True)
class Pattern:
    """One way to write one entity's name, as units."""

    entry: AliasEntry
    flags: tuple[bool, ...]  # capital initial of each Latin content unit of the alias
    generated: str | None  # designator class added to a bare alias, if any
    letters: str | None = None  # an Arabic alias's letters (see letters_of)
    stops: tuple[str, ...] = ()  # the function words inside the alias ("of", "and"), in order


class Span(NamedTuple):
    """A candidate mention: offsets, first and last unit, the patterns that fit, the text."""

    start: int
    end: int
    first: int
    last: int
    patterns: list[Pattern]
    text: str


def alias_patterns(entries: Iterable[AliasEntry]) -> dict[str, tuple[Pattern, ...]]:
    """Every way to write each alias, as units, by key: the alias itself, a
    "Ministry of" name with its head after the subject, and a Latin name
    followed by a designator of its type ("Anbar province")."""
    patterns: dict[str, list[Pattern]] = {}
    for entry in entries:
        units = units_of(entry.alias)
        content = [u for u in units if not u.skip]
        if not content:
            continue
        # A leading designator is a marker only in Arabic ("محافظة حمص");
        # in English "base in al-Tanf" is not a name.
        if content[0].marker is not None and not content[0].arabic:
            content[0] = attrs.evolve(content[0], unit=word_unit(normalize(entry.alias).split()[0]), marker=None)
        key = "".join(u.unit for u in content)
        if not key.strip("".join(MARKERS.values())):
            continue
        flags = tuple(u.upper_initial for u in content if u.latin and not case_free(u))
        letters = letters_of(entry.alias, content) if entry.arabic else None
        stops = stops_of(entry.alias, units)
        patterns.setdefault(key, []).append(Pattern(entry, flags, None, letters, stops))
        reordered = head_after_subject(entry.alias, units)
        if reordered is not None:  # "Iraqi Ministry of Defence" written "Iraqi Defence Ministry"
            rflags = tuple(u.upper_initial for u in reordered if u.latin and not case_free(u))
            patterns.setdefault("".join(u.unit for u in reordered), []).append(Pattern(entry, rflags, None))
        # "Anbar province", "Homs city", "Euphrates River": a bare name of a
        # governorate, city, river … followed by a designator of its type;
        # Arabic puts designators first ("طرطوس ومدينة حمص" is two places).
        # A weak name too: the designator that fits its type names it ("the Samah neighbourhood").
        latin = entry.strength is not Strength.ACRONYM and not entry.arabic
        if latin and entry.entity.type and all(u.marker is None for u in content):
            for cls, types in DESIGNATES.items():
                if entry.entity.type in types:
                    gflags = flags if cls in CASE_FREE_DESIGNATORS else (*flags, True)
                    patterns.setdefault(key + MARKERS[cls], []).append(Pattern(entry, gflags, cls, letters, stops))
    return {key: tuple(pats) for key, pats in patterns.items()}


def head_after_subject(alias: str, units: Sequence[Unit]) -> list[Unit] | None:
    """The content units of ``alias`` written with its head after a one-word
    subject ("… Defence Ministry" for "… Ministry of Defence"), if it has that form."""
    if len(units) < 4 or units[-2].skip is False or normalize(alias[units[-2].start : units[-2].end]) != "of":
        return None
    head = units[-3]
    if head.skip or normalize(alias[head.start : head.end]) not in vocabulary().heads_after_subject or units[-1].skip:
        return None
    before = [u for u in units[:-3] if not u.skip]
    return [*before, units[-1], head] if before else None


def pattern_rank(p: Pattern) -> int:
    """Strong before weak; an alias as written before one completed by a designator."""
    return (2 if p.entry.strength is not Strength.WEAK else 0) + (0 if p.generated else 1)


def span_method(span: str, norm: str, p: Pattern) -> tuple[Method, float]:
    """The tier a scanned span matched at; ``norm`` is ``normalize(span)``."""
    if span == p.entry.alias:
        return Method.EXACT, 100.0
    if norm == p.entry.normalized:
        return Method.NORMALIZED, 100.0
    return Method.NAME_KEY, 95.0


def case_ok(text: str, start: int, end: int, span_units: Sequence[Unit], p: Pattern) -> bool:
    entry = p.entry
    if entry.strength is Strength.ACRONYM:
        return acronym_form(text[start:end]) == acronym_form(entry.alias)
    latin = [u for u in span_units if u.latin and not case_free(u)]
    if not latin:
        return True
    if all(u.all_upper for u in latin) and sum(c.isalpha() for c in text[start:end]) >= 4:
        return True  # a headline or dateline in capitals: "BEIRUT"
    flags = [u.upper_initial for u in latin]
    want = p.flags
    if not want:
        return True
    if len(flags) == len(want):
        return all(f or not w for f, w in zip(flags, want, strict=True))
    if all(want):
        return all(flags)
    return flags[0] or not want[0]


def _same_script(c: Span) -> Span:
    """Only aliases written in the span's own script match it: the Latin
    key of "الفاو" is not the English word "few", and "الباب" in Arabic
    text is weak (it is also "the door") though "El Bab" is strong."""
    arabic = has_arabic_script(c.text)
    keep = [p for p in c.patterns if p.entry.arabic == arabic]
    return c._replace(patterns=keep) if len(keep) != len(c.patterns) else c


def supported(spans: list[Span], text: str, units: Sequence[Unit]) -> list[Span]:
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
    and a
    designator joined by "of" or "de" that fits the entity's type does for a
    place ("the town of al-Bab", "la ville d'Al-Bab")."""
    spans = [c for c in map(_same_script, spans) if c.patterns]
    strong = {p.entry.entity.id for c in spans for p in c.patterns if p.entry.strength is not Strength.WEAK}
    strong |= {p.entry.entity.id for c in spans for p in c.patterns if _designated(text, c.start, p.entry)}
    lists = latin_lists(text) if any(not p.entry.arabic for c in spans for p in c.patterns) else []
    # "le quartier pauvre de Nabaa": after a designator with "of"/"de", a name read only by its
    # key is a place's or a facility's (not the newsletter al-Naba's, whose key "Nabaa" shares).
    spans = [c for c in spans if designator_before(units, c.first) is None or _place_or_written(c)]
    for c in spans:
        cls = designator_beside(units, c.first, c.last)
        listed = [cls] if cls is not None else []
        listed += [kind for start, end, kind in lists if start <= c.start and c.end <= end]
        for cls in listed:
            strong |= {p.entry.entity.id for p in c.patterns if p.entry.entity.type in DESIGNATES.get(cls, ())}
    strong |= _listed_in_arabic(spans, text, strong)
    strong |= _after_their_country(spans, text)
    out = []
    for c in spans:
        quoted = c.patterns[0].entry.arabic and _quoted_whole(text, c.start, c.end)
        vouched = _kinds_vouched_beside(text, c.start, c.end) if not c.patterns[0].entry.arabic else _NEITHER
        if _credited(text, c.start, c.end):
            vouched = vouched | _ORG
        keep = [
            p
            for p in c.patterns
            if quoted
            or p.entry.strength is not Strength.WEAK
            or p.generated is not None
            or p.entry.entity.id in strong
            or p.entry.entity.kind in vouched
        ]
        if keep:
            out.append(c._replace(patterns=keep))
    return out


def _place_or_written(c: Span) -> bool:
    norm = normalize(c.text)
    return any(p.entry.entity.kind in ("place", "facility") or p.entry.normalized == norm for p in c.patterns)


def _after_their_country(spans: list[Span], text: str) -> set[str]:
    """The organisations whose weak name follows their country's name or
    abbreviation, one space between: "the US Department of Defense" (the
    abbreviation joins the mention: ``borderlex.text_acronyms``)."""
    countries: dict[int, set[str]] = {}
    for c in spans:
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
        )
        for p in c.patterns
        if p.entry.entity.kind == "org" and p.entry.entity.country in codes
    }


def _listed_in_arabic(spans: list[Span], text: str, strong: set[str]) -> set[str]:
    """The places whose weak Arabic names are in a list that names them: after
    a plural designator that fits them ("أحياء بستان القصر والفردوس والسكري",
    the neighbourhoods of …), or joined by "و" or a comma to a place the text
    names ("إلى الرقة والطبقة", to Raqqa and Tabqa; الطبقة is also *the layer*)."""
    found: set[str] = set()
    classes: dict[int, str | None] = {}  # by a list's name's end: the list's class
    places: set[int] = set()  # the ends of names of places the text names
    for c in spans:
        if not c.patterns[0].entry.arabic:
            continue
        before = next(
            (e for e in range(max(0, c.start - 4), c.start + 1) if e in classes and linked(text, e, c.start)), None
        )
        cls = classes[before] if before is not None else plural_before(text, c.start)
        weak_places = [
            p.entry.entity for p in c.patterns if p.entry.entity.kind == "place" and p.entry.strength is Strength.WEAK
        ]
        if cls is not None:
            found |= {e.id for e in weak_places if e.type in DESIGNATES.get(cls, ())}
        if before is not None and before in places:
            found |= {e.id for e in weak_places}
        classes[c.end] = cls
        if any(p.entry.entity.kind == "place" and p.entry.entity.id in strong | found for p in c.patterns):
            places.add(c.end)
    return found


def _designated(text: str, start: int, entry: AliasEntry) -> bool:
    """Whether an Arabic designator that fits the entity's type (perhaps
    after a proclitic: "بمدينة"), or for a person a word of
    ``person_heads``, stands right before ``start``."""
    if not entry.arabic or entry.strength is not Strength.WEAK:
        return False
    before = words_before(text, start, 1)
    if not before:
        return False
    word = before[0][1]
    designators = vocabulary().designators
    bare = word[1:] if word[:1] in vocabulary().proclitics else word
    if entry.entity.kind == "person":  # "نظام الأسد", Assad's regime
        return word in vocabulary().person_heads or bare in vocabulary().person_heads
    cls = designators.get(word) or designators.get(bare)
    return cls is not None and entry.entity.type in DESIGNATES.get(cls, ())


_WORD_BEFORE = re.compile(r"([^\W\d_]+)(\.?[ \u00a0]+|-)\Z")
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")
# A word, then "of", "de", "du", "des" or "de la", and perhaps an elided "l'", right before a name.
_HEAD_OF_BEFORE = re.compile(
    r"([^\W\d_]+)[ \u00a0]+(?:(?:of|de|du|des|de[ \u00a0]+la)[ \u00a0]+(?:[lL]['’])?|[dD]['’])\Z"
)
_GLUED_BEFORE = frozenset({"pro", "anti"})


def _kinds_vouched_beside(text: str, start: int, end: int) -> frozenset[str]:
    """Latin text: the kinds of entity whose bare name a word right beside
    the span vouches for.  A person's: a title or office ("Gen. Austin",
    "M. Assad") or a word of ``person_heads`` ("l'administration Trump",
    "the Biden administration").  An organisation's: a word for "coalition",
    "list", "party" … (``quoted_name_heads``: "la coalition Al-Fatah", "the
    Nasr list").  Both: a glued "pro-" or "anti-" ("pro-Assad")."""
    words = vocabulary()
    kinds: set[str] = set()
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        word = normalize(before.group(1))
        if before.group(2) == "-":
            return _BOTH if word in _GLUED_BEFORE else _NEITHER
        if word in words.titles or word in words.offices or word in words.person_heads:
            kinds.add("person")
        if word in words.quoted_name_heads:
            kinds.add("org")
    if _media_word_before(text, start, words.media_words):
        kinds.add("org")  # "l'agence de presse turque Anadolu"
    of = _HEAD_OF_BEFORE.search(text, max(0, start - 40), start)
    if of is not None and normalize(of.group(1)) in words.quoted_name_heads:
        kinds.add("org")  # "la coalition de l'État de droit", "the coalition of Al-Fatah"
    after = _WORD_AFTER.match(text, end, end + 40)
    if after is not None:
        word = normalize(after.group(1))
        if word in words.person_heads:
            kinds.add("person")
        if word in words.quoted_name_heads or word in words.media_words_after or word in words.media_words:
            kinds.add("org")  # "the Nasr list", "the Anadolu news agency"
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


_BOTH, _NEITHER, _ORG = frozenset({"person", "org"}), frozenset[str](), frozenset({"org"})
# "لـ روزنة", "لـ«عنب بلدي»": told to an outlet (a detached lam, then perhaps a quote mark).
_TOLD_TO = re.compile('لـ[ \u00a0]*[«"“]?[ \u00a0]*\\Z')
# An outlet's dateline or byline: "سمارت - درعا", "SMART - Daraa", or the name alone on its line.
_CREDIT_AFTER = re.compile(r"[ \t]*(?:[-–—][ \t]|\n|\Z)")


def _credited(text: str, start: int, end: int) -> bool:
    """Whether the span is credited as an outlet: after a detached "لـ"
    ("told to"), or opening its line as a dateline or a byline does."""
    if _TOLD_TO.search(text, max(0, start - 5), start):
        return True
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip() and _CREDIT_AFTER.match(text, end) is not None


# Arabic text writes “ and ” either way round.
_OPENING = frozenset('«“”"„‹')
_CLOSING = frozenset('»”“"›')


def _quoted_whole(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in _OPENING and text[end : end + 1] in _CLOSING


def inside_unknown_name(units: Sequence[Unit], first: int, last: int, pats: list[Pattern]) -> bool:
    # "Tanf oil field": a province or facility word (or a capitalised
    # designator) right after the name, that no pattern took in.
    # For a person's or group's name only a capitalised designator counts
    # ("Sadr City" is a district, not Muqtada al-Sadr).
    nxt = last + 1
    places = any(p.entry.entity.kind in ("place", "facility") for p in pats)
    if nxt < len(units) and not units[last].possessive and not units[last].marker:
        u = units[nxt]
        # Arabic designators come before their name: "الموصل ومحافظة نينوى" is Mosul and Nineveh.
        if (
            not u.arabic
            and u.marker is not None
            and (u.upper_initial or (places and u.marker in CASE_FREE_DESIGNATORS))
            and u.marker not in {p.generated for p in pats}
        ):
            return True
        # "al-Forat news reported", "الفرات نيوز": a media word after a place's name makes it an outlet's.
        if places and u.unit in _MEDIA_WORDS_AFTER and u.start - units[last].end == 1:
            return True
    # "Kata'ib Hezbollah": a capitalised Arabic organisation head word before it;
    # "معبر الدرباسية": an Arabic facility word before a place's name, that no
    # pattern took in, names a facility the tables lack, not the town.
    prev = first - 1
    while prev >= 0 and units[prev].skip and units[prev].article:
        prev -= 1
    if prev >= 0:
        u = units[prev]
        if u.latin and u.upper_initial and u.unit in _ORG_HEADS:
            return True
        if u.arabic and u.marker in _FACILITY_DESIGNATORS and all(p.entry.entity.kind == "place" for p in pats):
            return True
    # Patterns of the other script fall later (``supported``): only the span's own count here.
    own = [p for p in pats if p.entry.arabic == units[first].arabic]
    return bool(own) and all(p.entry.entity.kind == "place" for p in own) and _arabic_head_before(units, prev)


def _arabic_head_before(units: Sequence[Unit], j: int) -> bool:
    """Whether an Arabic media word or institution head stands at unit ``j``,
    or one word before it across a word in construct (no article): "قناة
    الفرات", the Al-Furat channel; "شرطة صلاح الدين", Salahuddin Police;
    "مجلس محافظة الأنبار", Anbar Provincial Council."""
    for _ in range(2):
        if j < 0 or not units[j].arabic or units[j].skip:
            return False
        u = units[j]
        if j > 0 and units[j - 1].article and u.attached:
            return False  # "دخل الجيش حلب": with the article a word heads no construct
        bare = (u.unit, u.unit[1:], u.unit[2:]) if u.proclitic else (u.unit,)  # "وشرطة", "لشرطة"
        if any(b in _MEDIA_WORDS or b in _ARABIC_INSTITUTION_HEADS for b in bare):
            return True
        j -= 1
    return False


_NISBA = ("ي", "ية", "يه", "يين", "يون")
_ROMANIZED_FROM = vocabulary().romanized_from


def article_agrees(pats: list[Pattern], article: bool, last_word: str) -> list[Pattern]:
    """In Arabic the article is part of a name as written: "قرية" is "a
    village", not al-Qurayya (القرية).  And an article on a name written
    without one, ending like a nisba, makes an adjective: "السورية" is
    "Syrian", "التركية" "Turkish", not the country; on the name of a place
    far from the region (its country not in vocabulary ``romanized_from``),
    which has one spelling, it makes another word: "الجوبة" is not Juba."""
    keep = []
    for p in pats:
        if not p.entry.arabic:
            keep.append(p)
            continue
        words = p.entry.alias.split()
        if len(words) > 1 and normalize(words[0]) in GENERIC_HEADS:
            words = words[1:]  # "تنظيم القاعدة": the name is القاعدة
        has = words[0].startswith("ال")
        if has and not article:
            continue
        if article and not has and (last_word.endswith(_NISBA) or _far(p.entry.entity)):
            continue
        keep.append(p)
    return keep


_RELATIVES = frozenset(("الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي"))


def family_names_agree(pats: list[Pattern], text: str, start: int, end: int) -> list[Pattern]:
    """In an Arabic personal name the article after the first word marks a
    family name: "محمد الجاسم" (of the Jasim family) and "محمد جاسم" may be
    one man, but not when the name runs on ("محمد جاسم العكيد" is someone
    else).  A person's alias of as many words as the span, whose later words
    differ from it in the article, keeps unless a word with the article,
    as a family name has it, follows (a relative pronoun aside)."""
    words = text[start:end].split()
    after = words_after(text, end, 1)
    runs_on = bool(after) and after[0][1].startswith("ال") and after[0][1] not in _RELATIVES
    keep = []
    for p in pats:
        alias = p.entry.alias.split()
        if (
            p.entry.arabic
            and p.entry.entity.kind == "person"
            and len(alias) == len(words) > 1
            and runs_on
            and any(a.startswith("ال") != w.startswith("ال") for a, w in zip(alias[1:], words[1:], strict=True))
        ):
            continue
        keep.append(p)
    return keep


def _far(entity: Entity) -> bool:
    """A place in a country whose names the region's press does not romanize."""
    return entity.kind == "place" and entity.country is not None and entity.country not in _ROMANIZED_FROM


def designator_beside(units: Sequence[Unit], first: int, last: int) -> str | None:
    """The class of a designator before the name at units ``first``…``last``
    (see :func:`designator_before`), or else right after it."""
    return designator_before(units, first) or _designator_after(units, last)


def _designator_after(units: Sequence[Unit], last: int) -> str | None:
    """ "the Samah neighbourhood": the class of a Latin designator right after
    the name at unit ``last`` (left outside the name when not capitalised)."""
    after = units[last + 1] if last + 1 < len(units) else None
    return after.marker if after is not None and after.latin and not units[last].arabic else None


def designator_before(units: Sequence[Unit], first: int) -> str | None:
    """ "the province of Deir Ezzor": the class of a designator before the
    name at unit ``first``, joined by "of" (a function word), which asks for
    the entity of that type with the same name."""
    j = first - 1
    while j >= 0 and units[j].skip and units[j].article:
        j -= 1
    cls = units[j - 1].marker if j >= 1 else None
    if cls is None and j >= 2 and units[j - 1].latin and not units[j - 1].upper_initial and not units[j - 1].skip:
        cls = units[j - 2].marker  # "la province orientale de Deir Ezzor": an adjective between
    if cls is not None and units[j].skip and not units[j].article and not units[j - 1].arabic:
        return cls
    return None
