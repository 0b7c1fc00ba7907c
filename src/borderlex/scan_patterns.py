"""Alias patterns, and the tests a span of text must pass to match one.

A pattern is one way to write one entity's name, as units (see
``borderlex.scan_units``); a span is a stretch of text that some patterns
fit.  Whether a pattern still counts for its span depends on the span's
capitals, its script, the Arabic article, the alias's strength and the words
around the span (a longer name the tables do not know).

The module is a little over 500 lines because those tests read the same
units around a span, and are kept beside the patterns they test.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

import attrs

from .arabic_script import OPENING_QUOTES, bare_words, has_arabic_script, orthographic_form, words_after
from .countryless import countryless_forms
from .folding import normalize
from .index import AliasEntry, Strength, acronym_form
from .mention_edges import is_media_word
from .model import DESIGNATES, Method
from .name_keys import key_parts, leading_descriptors, name_key
from .scan_units import CASE_FREE_DESIGNATORS, MARKERS, case_free, letters_of, opening_word, stops_of, units_of
from .unit_names import is_unit_core
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from .model import Entity
    from .scan_units import Unit

__all__ = [
    "GENERIC_HEADS",
    "QUOTED_REACH",
    "QUOTED_WORD",
    "Pattern",
    "Span",
    "abroad",
    "after_preposition",
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
]

# Words that head Arabic organisation names; a known name right after one
# of them is part of an unknown organisation ("Kata'ib Hezbollah").  Read from
# the vocabulary when this module is first imported: on the first scan.
_ORG_HEADS = frozenset("".join(key_parts(w)) for w in vocabulary().org_heads)  # the units these words become
_MEDIA_WORDS_AFTER = frozenset(u.unit for w in vocabulary().media_words_after for u in units_of(w) if u.unit)
# Compass points: between a designator and "of" they say where the next name lies, not what it is.
_COMPASS = frozenset(
    u.unit
    for w in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
    for u in units_of(w)
    if u.unit
)
_LOWERCASE_HEADS = frozenset(u.unit for w in vocabulary().lowercase_heads for u in units_of(w) if u.unit)
# Capitalised words before a designator that are not a name it closes ("the Syrian province of Idlib").
_NOT_NAMES = frozenset(
    u.unit
    for w in (*vocabulary().demonyms, *vocabulary().directions, *vocabulary().country_adjectives)
    for u in units_of(w)
    if u.unit
)


def _arabic_words(phrases: frozenset[str]) -> frozenset[str]:
    """The words of the Arabic ``phrases`` (see ``bare_words``)."""
    return frozenset(w for p in phrases if has_arabic_script(p) for w in bare_words(p))


# Compared as spelled, not by their units' keys: the key folds ش to "sh", and "وصلوا" less
# two letters of its key is "لوا" (لواء).
_ARABIC_HEADS = _arabic_words(vocabulary().media_words | set(vocabulary().institution_heads.get("ar", ())))
_DIRECTIONS = _arabic_words(vocabulary().directions)
# "Front" heads a group's name ("جبهة تحرير سوريا") but, right before a place, is its front line
# ("على جبهة حرستا", *on the Harasta front*).
_FRONT = _arabic_words(frozenset({"جبهة"}))


# Designators of facilities, whose word before a town's name in Arabic names
# the facility ("معبر الدرباسية", the Darbasiyah crossing).
_FACILITY_DESIGNATORS = CASE_FREE_DESIGNATORS - {"governorate", "district"}

#: Opens the key of an Arabic name that is a designator word alone ("القاعدة", al-Qaeda; *the
#: base*): no unit's key holds it, so the hit walk finds the name only by its own rule.
QUOTED_WORD = "«"

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
    countryless: bool = False  # an institution's name without its country (borderlex.countryless)
    unit_core: bool = False  # an armed group's name without its unit word (borderlex.unit_names)


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
    "Ministry of" name with its head after the subject, a Latin name
    followed by a designator of its type ("Anbar province"), a facility's
    name without its designator (weak: "Roj"), and an organisation's name
    without its country's adjective (weak: "Interior Ministry")."""
    patterns: dict[str, list[Pattern]] = {}
    cores: dict[str, list[Pattern]] = {}
    for entry in _with_countryless(entries):
        if entry.alias.rstrip().endswith(")"):
            # A label with its qualifier or acronym in brackets ("Ministry of Transport (Syria)",
            # "… Development (USAID)"): written so, the name and its acronym are two mentions,
            # and a span of the label would end inside the brackets.
            continue
        units = units_of(entry.alias)
        content = [u for u in units if not u.skip]
        if not content:
            continue
        core = _facility_core(entry, content)
        if core is not None:
            letters = letters_of(entry.alias, core) if entry.arabic else None
            weak = attrs.evolve(entry, strength=Strength.WEAK)
            cores.setdefault("".join(u.unit for u in core), []).append(Pattern(weak, _flags(core), None, letters))
        # A leading designator is a marker only in Arabic ("محافظة حمص");
        # in English "base in al-Tanf" is not a name, but "Camp Speicher" is.
        if content[0].marker is not None and not content[0].arabic:
            content[0] = attrs.evolve(content[0], unit=opening_word(entry.alias, content[0]), marker=None)
        key = "".join(u.unit for u in content)
        if not key.strip("".join(MARKERS.values())):
            if entry.arabic and entry.strength is not Strength.WEAK and len(content) == 1:
                # Only in quote marks is the word a name: «القاعدة» (see Scanner._hits).
                letters = letters_of(entry.alias, content)
                patterns.setdefault(QUOTED_WORD + orthographic_form(entry.alias), []).append(
                    Pattern(entry, _flags(content), None, letters)
                )
            continue
        flags = _flags(content)
        lead = units[units.index(content[0]) - 1] if entry.arabic and units[0] is not content[0] else None
        letters = letters_of(entry.alias, content, before=lead) if entry.arabic else None
        # As in text, where a span opens with its first content word: "The" of "The Guardian" is no stop.
        stops = stops_of(entry.alias, units[next(i for i, u in enumerate(units) if not u.skip) :])
        bare = entry.strength is Strength.WEAK and entry.alias in countryless_forms(entry.entity)
        unit_core = entry.strength is Strength.WEAK and is_unit_core(entry.entity, entry.alias)
        patterns.setdefault(key, []).append(Pattern(entry, flags, None, letters, stops, bare, unit_core))
        reordered = head_after_subject(entry.alias, units)
        if reordered is not None:  # "Iraqi Ministry of Defence" written "Iraqi Defence Ministry"
            reordered_key = "".join(u.unit for u in reordered)
            patterns.setdefault(reordered_key, []).append(Pattern(entry, _flags(reordered), None, countryless=bare))
        # "Anbar province", "Homs city", "Euphrates River": a bare name of a
        # governorate, city, river … followed by a designator of its type;
        # Arabic puts designators first ("طرطوس ومدينة حمص" is two places).
        # A weak name too: the designator that fits its type names it ("the Samah neighbourhood").
        latin = entry.strength is not Strength.ACRONYM and not entry.arabic
        # "Shayrat base" for "Shayrat Air Base": a facility's name with another
        # designator of its type in place of its own.
        named = content if all(u.marker is None for u in content) else core if content[-1].latin else None
        if latin and entry.entity.type and named:
            named_key, named_flags = "".join(u.unit for u in named), _flags(named)
            for cls, types in DESIGNATES.items():
                if entry.entity.type in types and (named is content or cls != content[-1].marker):
                    gflags = named_flags if cls in CASE_FREE_DESIGNATORS else (*named_flags, True)
                    generated = Pattern(entry, gflags, cls, letters, stops, bare)
                    patterns.setdefault(named_key + MARKERS[cls], []).append(generated)
    for key, pats in cores.items():
        if key not in patterns:  # "Hol camp" is no bare "Hol": that is the town's name
            patterns[key] = pats
    return {key: tuple(pats) for key, pats in patterns.items()}


def _with_countryless(entries: Iterable[AliasEntry]) -> Iterator[AliasEntry]:
    """``entries``, and after each organisation's first its names without its
    country's adjective, weak (``borderlex.countryless``): for running text
    only, where the text's country may vouch for them; a lookup alone has no
    country to go by ("Interior Ministry")."""
    seen: set[str] = set()
    for entry in entries:
        yield entry
        e = entry.entity
        if e.id not in seen:
            seen.add(e.id)
            for form in sorted(countryless_forms(e)):
                norm = normalize(form)
                yield AliasEntry(e, form, Strength.WEAK, norm, name_key(norm), has_arabic_script(form))


def _facility_core(entry: AliasEntry, content: list[Unit]) -> list[Unit] | None:
    """A facility's name without the designator that opens or ends it ("Roj
    camp", "Camp Speicher", "مخيم روج"): a weak name, which counts after a
    designator that fits ("le camp de Roj") or where the text names the
    facility in full ("… Roj est là pour durer").  Not for an acronym, nor a
    name that is all designator."""
    if entry.entity.kind != "facility" or entry.strength is Strength.ACRONYM or len(content) < 2:
        return None
    first, last = content[0], content[-1]
    if last.marker is not None and last.latin:
        core = content[:-1]
    elif first.marker is not None:
        core = content[1:]
    else:
        return None
    return core if core and all(u.marker is None for u in core) else None


def _flags(units: Sequence[Unit]) -> tuple[bool, ...]:
    return tuple(u.upper_initial for u in units if u.latin and not case_free(u))


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


_FRENCH_STOP_WORDS = frozenset(vocabulary().stop_words_by_language.get("fr", ()))


def _french(span: str, latin: Sequence[Unit]) -> bool:
    """Whether a Latin span reads as French: an accented letter or a French function word
    ("Forces de mobilisation populaire"). English writes "Iraqi air force" for a description."""
    return not span.isascii() or any(u.unit in _FRENCH_STOP_WORDS for u in latin)


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
    if (
        len(flags) >= 3
        and len(want) == len(flags)  # word for word: "you to be" is not "YouTube" by its key
        and not any(flags[1:])
        and want[0]
        and entry.strength is Strength.STRONG
        and entry.entity.kind == "org"
        and (not any(want[1:]) or (flags[0] and _french(text[start:end], latin)))
    ):
        # French writes names in sentence case, or all lowercase: "les forces démocratiques
        # syriennes", "la Haute commission électorale indépendante" (the tables' "Haute Commission").
        return True
    if len(flags) == len(want):
        if len(flags) > 1 and not flags[0] and want[0] and latin[0].unit in _LOWERCASE_HEADS and any(flags[1:]):
            flags[0] = True  # "la force al-Qods": French writes the head in lowercase
        return all(f or not w for f, w in zip(flags, want, strict=True))
    if all(want):
        return all(flags)
    return flags[0] or not want[0]


def inside_unknown_name(
    text: str, units: Sequence[Unit], first: int, last: int, pats: list[Pattern], *, proclitic: str = ""
) -> bool:
    # "Tanf oil field": a province or facility word (or a capitalised
    # designator) right after the name, that no pattern took in.
    # For a person's or group's name only a capitalised designator counts
    # ("Sadr City" is a district, not Muqtada al-Sadr).
    nxt = last + 1
    places = any(p.entry.entity.kind in ("place", "facility") for p in pats)
    if nxt < len(units) and not units[last].possessive and not units[last].marker:
        u = units[nxt]
        # Arabic designators come before their name: "الموصل ومحافظة نينوى" is Mosul and Nineveh.
        # A lowercase facility word after a country's name is a facility of the country's, not
        # named after it: "another US base".
        if (
            not u.arabic
            and u.marker is not None
            and (u.upper_initial or (places and u.marker in CASE_FREE_DESIGNATORS))
            and u.marker not in {p.generated for p in pats}
            and not (
                not u.upper_initial
                and u.marker in _FACILITY_DESIGNATORS
                and all(p.entry.entity.type == "country" for p in pats)
            )
        ):
            return True
        # "al-Forat news reported", "الفرات نيوز": a media word after a place's name makes it an outlet's.
        if places and u.unit in _MEDIA_WORDS_AFTER and u.start - units[last].end == 1:
            return True
        # "زاد الاردن الاخباري" (*Jordan Zad News*): an Arabic media word with the article.
        if (
            places
            and u.arabic
            and u.article
            and nxt + 1 < len(units)
            and units[nxt + 1].unit in _MEDIA_WORDS_AFTER
            and u.start - units[last].end == 1
        ):
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
        # "Radio-Canada", "Télé-Liban": a media word joined by a hyphen makes the place's name an outlet's.
        if u.latin and places and text[u.end : units[first].start] == "-" and is_media_word(text[u.start : u.end]):
            return True
    if units[first].arabic and _agency_of(text, units, prev, first, last, pats=pats):
        return True
    if after_preposition(proclitic):
        return False  # "مكتب تابع لروسيا", "قاعدة لإيران": after a preposition, a name is no word in construct
    if (
        prev >= 0
        and units[prev].arabic
        and units[prev].marker in _FACILITY_DESIGNATORS
        and all(p.entry.entity.kind == "place" for p in pats)
    ):
        return True
    # Patterns of the other script fall later (``supported``): only the span's own count here.
    own = [p for p in pats if p.entry.arabic == units[first].arabic]
    if not own or not all(p.entry.entity.kind == "place" for p in own):
        return False
    # Only an Arabic name sits in an Arabic quoted name (the scanner's memo keys the quotes around Arabic hits).
    return _arabic_head_before(text, units, prev) or (
        units[first].arabic and _in_quoted_name(text, units[first].start, units[last].end, joined="و" in proclitic)
    )


def _agency_of(text: str, units: Sequence[Unit], prev: int, first: int, last: int, *, pats: list[Pattern]) -> bool:
    """Whether an organisation's Arabic name stands between a word of
    ``purpose_heads`` in construct and a purpose opening with ل: "صندوق
    الأمم المتحدة للسكان" is the UN Population Fund, not the United Nations
    ("قوات الأمم المتحدة في الجانب", "مكتب الأمم المتحدة في العراق" are; so
    is a quoted name: منظمة "الخوذ البيضاء" للدفاع المدني)."""
    nxt = last + 1
    if prev < 0 or nxt >= len(units) or not all(p.entry.entity.kind == "org" for p in pats):
        return False
    head, after = units[prev], units[nxt]
    if not (head.arabic and after.arabic) or head.skip:
        return False
    # Nothing but spaces (and the name's article) before the name, and spaces after it: no quote
    # mark sets the name apart.
    space = _SPACES.match(text, units[last].end)
    if _GAP.fullmatch(text, head.end, units[first].start) is None or space is None or space.end() > after.start:
        return False
    word = orthographic_form(text[head.start : head.end])
    if word not in _PURPOSE_HEADS and not (word[:1] == "و" and word[1:] in _PURPOSE_HEADS):
        return False
    # The whole word after (with the article its units are two: "للسكان").
    purpose = orthographic_form(_WORD_AT.match(text, space.end()).group())  # type: ignore[union-attr]
    return purpose[:1] == "ل" and len(purpose) > 3 and purpose not in _CLAUSE_WORDS


def after_preposition(proclitic: str) -> bool:
    """Whether the proclitic read off before a name (as written, vowel mark and all) is
    the preposition ل or ب: the name is then no word in construct with the word before."""
    return "ل" in proclitic or "ب" in proclitic


# How far from a name's ends the quote marks of an Arabic quoted name are looked for.
QUOTED_REACH = 80
# The most words a quoted name has ("قيادة عمليات فرض الأمن في كركوك" has six).
_QUOTED_NAME_WORDS = 7
_QUOTED = re.compile(f"[{OPENING_QUOTES}]" + r"([^“”\"«»\n.،:]{1,80})[”\"»]")


def _in_quoted_name(text: str, start: int, end: int, *, joined: bool = False) -> bool:
    """Whether the place's name at ``start``…``end`` sits inside a quoted
    name that an Arabic institution head opens: “قيادة عمليات فرض الأمن في
    كركوك” is a command the tables lack, not Kirkuk; or ends a short one
    (below), unless ``joined`` to the words before by a proclitic "و"."""
    lo = max(0, start - QUOTED_REACH)
    for m in _QUOTED.finditer(text, lo, min(len(text), end + QUOTED_REACH)):
        if m.start(1) < start and end <= m.end(1):
            head = orthographic_form(m.group(1).split(maxsplit=1)[0])
            if head in _ARABIC_HEADS or head == _COMMAND:
                # A name, not a sentence quoted: “قوات النظام تقدمت في شمال مدينة حلب بغطاء جوي روسي”;
                # but a dash parts two names (“باب الهوى- حلب”, a road between them).
                return len(m.group(1).split()) <= _QUOTED_NAME_WORDS and not _DASHES.intersection(
                    text[m.start(1) : start]
                )
            # “دجوار خبات” (a commander), "منسقو استجابة سوريا" (a group): a short quoted name
            # ending in a place's names someone else, unless the words before are clause words
            # (“إلى الرقة”), designators (“مدينة الرقة”) or what a place names («اتفاق سنجار»).
            before = text[m.start(1) : start]
            words = bare_words(before)
            return (
                not text[end : m.end(1)].strip()
                and not joined
                and not _AND_BEFORE.search(before)  # “ذيبان والطيانة”: two places, joined by "and"
                and 1 <= len(words) <= 2
                and not _DASHES.intersection(before)
                and all(len(w) > 2 and w not in _CLAUSE_WORDS for w in words)
                and not any(u.marker for w in words for u in units_of(w))
                and not _NAMED_AFTER.intersection(orthographic_form(w) for w in before.split())
            )
    return False


# Prepositions and particles: a quote opening with one is speech, not a name.
_CLAUSE_WORDS = _arabic_words(vocabulary().prepositions | vocabulary().arabic_particles)
_NAMED_AFTER = frozenset(orthographic_form(w) for w in vocabulary().named_after_heads)
_PURPOSE_HEADS = _arabic_words(vocabulary().purpose_heads)
_WORD_AT = re.compile(r"[^\s،,.:;]*")
# "و" glued to the name (and to its article, which the units read apart).
_AND_BEFORE = re.compile(r"(?:^|\s)و(?:ال)?\Z")
_GAP = re.compile(r"\s+(?:ال)?")
_SPACES = re.compile(r"\s+")
_DASHES = frozenset("-–—‐‑/")


# "Command" heads a quoted name; outside quotes it is too often "led by" ("بقيادة واشنطن").
_COMMAND = orthographic_form("قيادة")
# "بقيادة", "بزعامة", "برئاسة": *led by*, between a head word and a place that is not its name.
_LED_BY = frozenset(orthographic_form(w) for w in ("قيادة", "زعامة", "رئاسة"))


def _arabic_head_before(text: str, units: Sequence[Unit], j: int) -> bool:
    """Whether an Arabic media word or institution head stands at unit ``j``,
    or one word before it across a word in construct (no article, no
    preposition): "قناة الفرات", the Al-Furat channel; "شرطة صلاح الدين",
    Salahuddin Police; "مجلس محافظة الأنبار", Anbar Provincial Council; "غرفة
    صناعة حلب", the Aleppo Chamber of Industry; not "جبهة" right before the
    name ("جبهة حرستا", the Harasta front)."""
    proclitics = vocabulary().proclitics
    prepositions = vocabulary().prepositions
    for step in range(2):
        if j < 0 or not units[j].arabic or units[j].skip:
            return False
        u = units[j]
        if j > 0 and units[j - 1].article and u.attached:
            return False  # "دخل الجيش حلب": with the article a word heads no construct
        word = orthographic_form(text[u.start : u.end])
        bare = [word]  # "وشرطة", "لشرطة"
        while u.proclitic and len(bare) < 3 and bare[-1][:1] in proclitics:
            bare.append(bare[-1][1:])
        if any(b in _ARABIC_HEADS for b in bare):
            return step > 0 or not any(b in _FRONT for b in bare)
        if any(b in _DIRECTIONS for b in bare):
            return False  # "جزيرة غربي دير الزور": west of the city, not its island
        if text[u.start : u.end] in prepositions or (word[:1] == "ب" and word[1:] in _LED_BY):
            return False  # "مجلس الأمن في حلب": the council is not Aleppo's; "قوات بقيادة …", *led by*
        j -= 1
    return False


_NISBA = ("ي", "ية", "يه", "يين", "يون")
_ROMANIZED_FROM = vocabulary().romanized_from


def article_agrees(pats: list[Pattern], article: bool, last_word: str, words_written: int) -> list[Pattern]:
    """In Arabic the article is part of a name as written: "قرية" is "a
    village", not al-Qurayya (القرية).  And an article on a name written
    without one, ending like a nisba, makes an adjective: "السورية" is
    "Syrian", "التركية" "Turkish", not the country; on the name of a place
    far from the region (its country not in vocabulary ``romanized_from``),
    which has one spelling, it makes another word: "الجوبة" is not Juba; on a
    one-word name ending in ة, an adjective too: "الحديثة" (*the modern*) is
    not Haditha.  A construct's head never takes the article: written in as
    many words as the alias, "الناحية أمام" (*the district, before …*) is not
    ناحية الإمام."""
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
        if article and not has and len(words) == words_written > 1 and words[1].startswith("ال"):
            continue
        if article and not has and (last_word.endswith(_NISBA) or _far(p.entry.entity)):
            continue
        if article and not has and len(words) == 1 and last_word.endswith("ة"):
            continue  # "المجسمات الحديثة", *the modern statues*: an adjective, not Haditha (حديثة)
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


def abroad(entity: Entity) -> bool:
    """Whether the entity is a place outside Syria and Iraq (or in no country's table)."""
    return entity.kind == "place" and entity.country not in (None, "SY", "IQ")


def _far(entity: Entity) -> bool:
    """A place in a country whose names the region's press does not romanize."""
    return entity.kind == "place" and entity.country is not None and entity.country not in _ROMANIZED_FROM


def designator_beside(text: str, units: Sequence[Unit], first: int, last: int) -> str | None:
    """The class of a designator before the name at units ``first``…``last``
    (see :func:`designator_before`), or else right after it.  After an
    indefinite article the designator is a part of the place, not the unit
    of that name: "a shattered district of Homs" is a quarter of the city."""
    before = designator_before(units, first)
    if before is not None and _INDEFINITE_BEFORE.search(text, max(0, units[first].start - 60), units[first].start):
        return None
    return before or _designator_after(text, units, last)


# "a district of ", "une ville de ", "an old district of the ": an indefinite article, up to two
# adjectives and the designator, then "of"/"de", right before a name.
_INDEFINITE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:[Aa]n?|[Oo]ne|[Aa]nother|[Uu]ne?)\s+(?:[a-zéè]+\s+){0,2}[a-zéè]+\s+"
    r"(?:of(?:\s+the)?\s+|d(?:e|u|es)\s+(?:la\s+|l['’])?|d['’])\Z"
)


def _designator_after(text: str, units: Sequence[Unit], last: int) -> str | None:
    """ "the Samah neighbourhood": the class of a Latin designator right after
    the name at unit ``last`` (left outside the name when not capitalised),
    unless a possessive ends the name, or a comma, a colon or a bracket stands
    between ("Esenyurt, quartier des marges": a description, not the name's word)."""
    after = units[last + 1] if last + 1 < len(units) else None
    if after is None or not after.latin or units[last].arabic or units[last].possessive:
        return None  # "Aleppo's airport": the airport of Aleppo, the city
    if _APART.search(text, units[last].end, after.start):
        return None
    return after.marker


# Punctuation that sets a designator apart from the name before it.
_APART = re.compile(r"[,;:()\[\]]")


def _closes_a_name(before: Unit, designator: Unit) -> bool:
    """Whether a lowercase Latin designator closes the capitalised name right
    before it (in a title, "the Contested District of Sinjar", all words have capitals)."""
    return (
        before.latin
        and designator.latin
        and not designator.upper_initial
        and before.upper_initial
        and not before.skip
        and not before.possessive
        and not designator.attached
        and before.unit not in _NOT_NAMES
    )


def designator_before(units: Sequence[Unit], first: int) -> str | None:
    """ "the province of Deir Ezzor": the class of a designator before the
    name at unit ``first``, joined by "of" or "de" (not "in": "the refinery in
    Homs" is the city), which asks for the entity of that type with the same
    name."""
    j = first - 1
    while j >= 0 and units[j].skip and units[j].article:
        j -= 1
    cls = units[j - 1].marker if j >= 1 else None
    if cls is not None and j >= 2 and _closes_a_name(units[j - 2], units[j - 1]):
        return None  # "the Jobar district of Damascus": the district is Jobar, Damascus the city
    if (
        cls is None
        and j >= 2
        and units[j - 1].latin
        and not units[j - 1].upper_initial
        and not units[j - 1].skip
        and units[j - 1].unit not in _COMPASS  # "Homs province northeast of Damascus": where, not which
    ):
        cls = units[j - 2].marker  # "la province orientale de Deir Ezzor": an adjective between
        if cls is None and j >= 3 and units[j - 2].skip and not units[j - 2].article:
            cls = units[j - 3].marker  # "le camp de réfugiés de Zaatari": a noun's complement between
    if cls is not None and units[j].linking and not units[j - 1].arabic:
        return cls
    return None
