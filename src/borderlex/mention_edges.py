"""Where a mention's edges fall once it is found: the last dot of "U.S.", an
ʿayn mark before "‘Amaq", the adjective of an Arabic facility's name, no
tatweel after a proclitic ("لـحزب الله"), a lowercase word that makes an
organisation's name another's ("the Hezbollah brigades") or read on over
"and" ("the Islamic State in Iraq and Levant"), an Arabic
institution named after the place that ends it ("المجلس العسكري لمنبج")."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from .arabic_script import OPENING_QUOTES, has_arabic_script, orthographic_form, words_before
from .folding import normalize
from .model import DESIGNATES, Entity, Match, Mention, Method
from .qualified_names import STATE_INSTITUTIONS, country_of_adjective
from .text_acronyms import abbreviates, acronym_defined_at
from .vocabulary import vocabulary

__all__ = [
    "after_a_title",
    "after_kunya_word",
    "capital_before",
    "family_beside",
    "is_media_word",
    "is_nationality",
    "whole_mention",
    "with_and_tail",
    "with_arabic_head",
    "with_institution_before",
    "with_lowercase_head",
    "without_demonym",
    "without_title",
]


def whole_mention(text: str, m: Mention) -> Mention:
    """``m`` with the marks and words around it that belong to its name."""
    m = _with_adjectives(text, _with_facility_word(text, _with_ayn(text, _with_final_dot(text, _without_tatweel(m)))))
    return _with_initial(text, _with_media_word(text, _with_own_adjective(text, _without_media_tail(m))))


# A capital's initial and its period, one space, right before a name: "D. Trump".
_INITIAL_BEFORE = re.compile(r"(?<![\w.])([A-Z])\. \Z")


def _with_initial(text: str, m: Mention) -> Mention:
    """ "D. Trump": the initial of a person's given name right before the
    surname that named them is part of the name."""
    if m.entity.kind != "person" or (initial := _INITIAL_BEFORE.search(text, max(0, m.start - 3), m.start)) is None:
        return m
    if not m.entity.name.startswith(initial.group(1)) or m.entity.name.split()[0] == m.text.split()[0]:
        return m
    start = initial.start()
    return attrs.evolve(m, start=start, text=text[start : m.end])


def _with_facility_word(text: str, m: Mention) -> Mention:
    """ "قاعدة الشعيرات العسكرية": an Arabic designator right before a
    facility's name, of a class that fits it, is the name's head word, though
    the alias that matched has another ("مطار الشعيرات")."""
    if m.entity.kind != "facility" or not has_arabic_script(m.text[:1]):
        return m
    designators = vocabulary().designators

    def fits(word: str) -> bool:
        cls = designators.get(word)
        return cls is not None and m.entity.type in DESIGNATES.get(cls, ())

    return _with_head_word(text, m, fits) or m


def _with_head_word(text: str, m: Mention, fits: Callable[[str], bool]) -> Mention | None:
    """``m`` read together with the Arabic word right before it, when that
    word, less up to two proclitics, ``fits``; the proclitics stay out
    ("لحركة أحرار الشام", "لقاعدة الشعيرات")."""
    before = words_before(text, m.start, 1)
    if not before or before[0][0] + len(before[0][1]) + 1 != m.start:
        return None
    at, word = before[0]
    skip = next((k for k in range(3) if fits(word[k:])), None)
    if skip is None or not all(c in vocabulary().proclitics for c in word[:skip]):
        return None
    longer = text[at + skip : m.end]
    return attrs.evolve(m, start=at + skip, text=longer, match=attrs.evolve(m.match, query=longer))


def _without_media_tail(m: Mention) -> Mention:
    """ "SANA news agency", "Fars news agency": media words the text writes in
    lowercase after an outlet's Latin name describe it, as "the group" would,
    though a table lists them with the name: the mention is the name ("[SANA]
    news agency", as the seed gold has "[Amaq] news agency")."""
    if m.entity.type != "media" or not m.text.isascii():
        return m
    words = m.text.split(" ")
    keep = len(words)
    while keep > 1 and words[keep - 1].islower() and is_media_word(words[keep - 1]):
        keep -= 1
    if keep == len(words) or not any(c.isupper() for c in words[keep - 1]):
        return m
    name = " ".join(words[:keep])
    return attrs.evolve(m, end=m.start + len(name), text=name)


def is_media_word(word: str) -> bool:
    """Whether a Latin word, normalized, is one of ``media_words`` or ``media_words_after``
    ("agency", "news", "TV", "radio", "télé")."""
    return normalize(word) in _media_words()


@functools.cache
def _media_words() -> frozenset[str]:
    words = vocabulary()
    return words.media_words | words.media_words_after


def _with_media_word(text: str, m: Mention) -> Mention:
    """ "Rudaw TV", "BBC News", "NRT TV": a capitalised media word right after
    an outlet's Latin name is the name's (vocabulary ``media_words_after``, but
    the words of ``media_words`` that describe an outlet: "Asharq Al-Awsat
    Newspaper" is the newspaper named)."""
    if m.entity.type != "media" or not m.text[-1:].isascii():
        return m
    found = _WORD_AFTER.match(text, m.end)
    if found is None or not found.group(1)[:1].isupper():
        return m
    word, words = normalize(found.group(1)), vocabulary()
    if word not in words.media_words_after or word in words.media_words:
        return m
    return attrs.evolve(m, end=found.end(), text=text[m.start : found.end()])


def _without_tatweel(m: Mention) -> Mention:
    """ "لـحزب الله": the tatweel that joins a proclitic to the name belongs to
    neither; the mention starts after it."""
    lead = len(m.text) - len(m.text.lstrip("\u0640"))
    if not lead or lead == len(m.text):
        return m
    return attrs.evolve(m, start=m.start + lead, text=m.text[lead:])


# An abbreviation written with periods ("U.S", "U.N" as the words end), or a company's
# abbreviated last word ("North Oil Co", "British Broadcasting Corp").
_DOTTED = re.compile(r"(?<![A-Za-z.])(?:[A-Za-z]\.)+[A-Za-z]$| (?:Co|Corp|Inc|Ltd)$")


def _with_final_dot(text: str, m: Mention) -> Mention:
    """ "U.S." and "U.N." keep their last period: it belongs to the
    abbreviation (at a sentence's end it serves both); so does "North Oil Co."."""
    if text[m.end : m.end + 1] != "." or _DOTTED.search(m.text) is None:
        return m
    return attrs.evolve(m, end=m.end + 1, text=text[m.start : m.end + 1])


def _with_ayn(text: str, m: Mention) -> Mention:
    """ "‘Amaq", "ʿAli": a mark for ʿayn right before a Latin name is its first
    letter; a quote mark that closes after the name ("‘Amaq’") is a quote."""
    i = m.start - 1
    if i < 0 or text[i] not in "‘ʿʻ'" or not m.text[:1].isupper() or (i and text[i - 1].isalnum()):
        return m
    if text[i] in "‘'" and text[m.end : m.end + 1] in ("’", "'"):
        return m
    return attrs.evolve(m, start=i, text=text[i : m.end])


# An Arabic word after a space ("العسكري", "الجوية").
_CLOSING_QUOTES = '”»"’'
_ARABIC_WORD_AFTER = re.compile("(?: ([\u0621-\u064a]+))(?![\u0621-\u064a])")


def _with_adjectives(text: str, m: Mention) -> Mention:
    """ "سجن صيدنايا العسكري", "قاعدة عين الأسد الجوية العسكرية": the adjectives
    after an Arabic facility's name that say what it is (vocabulary
    ``facility_adjectives``) belong to it; others stay outside: a nationality
    says whose it is ("قاعدة حميميم الروسية"), and "الاستراتيجي" is the writer's."""
    if m.entity.kind != "facility" or not has_arabic_script(m.text.rstrip(_CLOSING_QUOTES)[-1:]):
        return m
    end = m.end
    # "قاعدة “التنف” العسكرية": a quoted name opened inside the mention closes before its adjectives.
    if text[end : end + 1] in _CLOSING_QUOTES and any(q in m.text for q in OPENING_QUOTES):
        end += 1
    while (found := _ARABIC_WORD_AFTER.match(text, end)) is not None and orthographic_form(
        found.group(1)
    ) in _facility_adjectives():
        end = found.end()
    if end == m.end + 1:
        end = m.end  # the closing quote alone stays outside
    return m if end == m.end else attrs.evolve(m, end=end, text=text[m.start : end])


@functools.cache
def _facility_adjectives() -> frozenset[str]:
    # In either orthography: "مطار الضبعة العسكري" is also written "مطار الضبعه العسكرى".
    return frozenset(map(orthographic_form, vocabulary().facility_adjectives))


def _with_own_adjective(text: str, m: Mention) -> Mention:
    """ "الشرطة الاتحادية العراقية": the adjective of a state institution's own
    country after its Arabic name belongs to it, where the tables name it so
    ("Iraqi Federal Police"); not after an armed group's or a party's proper
    name ("كتائب حزب الله العراقية", "حزب الله اللبناني").  So does a word
    for the level of the state (vocabulary ``state_adjectives``: "وزارة
    المالية الاتحادية"), before its country's adjective if one follows."""
    e = m.entity
    if e.type not in STATE_INSTITUTIONS or e.country is None or not has_arabic_script(m.text[-1:]):
        return m
    level = _ARABIC_WORD_AFTER.match(text, m.end)
    if level is not None and level.group(1) in vocabulary().state_adjectives:
        m = attrs.evolve(m, end=level.end(), text=text[m.start : level.end()])
    if not _named_with_adjective(e):
        return m
    found = _ARABIC_WORD_AFTER.match(text, m.end)
    if found is None or country_of_adjective(found.group(1)) != e.country:
        return m
    if country_of_adjective(m.text.split()[-1]) is not None:
        return m  # "الجيش العربي السوري": one adjective is the name's
    return attrs.evolve(m, end=found.end(), text=text[m.start : found.end()])


def _named_with_adjective(e: Entity) -> bool:
    """Whether a name of three words or more of ``e`` holds its own country's adjective."""
    return any(
        len(words) >= 3 and any(country_of_adjective(w) == e.country for w in words)
        for words in (n.split() for n in e.strong_names)
    )


def is_nationality(word: str) -> bool:
    """Whether an Arabic word is a nationality (vocabulary ``demonyms``), with
    or without the article, masculine or feminine: "الروسية", "سوري"."""
    word = word.removeprefix("ال")
    return (word[:-1] if word.endswith("ية") else word) in vocabulary().demonyms


# A word right before a Latin mention (not glued by a hyphen), and right after one.
_LATIN_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+\Z")
_UNHYPHENED_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)[ \u00a0]+\Z")
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")


def family_beside(text: str, m: Mention) -> bool:
    """Whether a word for "family" or "clan" (vocabulary ``family_words``)
    stands right before a mention ("عائلة الأسد", "le clan Assad") or right
    after it ("the Assad family"): the name is the family's, not a person's;
    before an Arabic place's name, the tribe's ("عشيرة البوعلوان"), not the
    place ("a Mosul family" is a family of the city)."""
    family = vocabulary().family_words
    before = words_before(text, m.start, 1)
    if before and before[0][1] in family:
        return True
    if m.entity.kind != "person":
        return False
    latin = _LATIN_BEFORE.search(text, max(0, m.start - 40), m.start)
    if latin is not None and normalize(latin.group(1)) in family:
        return True
    after = _WORD_AFTER.match(text, m.end)
    return after is not None and normalize(after.group(1)) in family


def after_kunya_word(text: str, m: Mention) -> bool:
    """Whether a word that opens a kunya (vocabulary ``kunya_words``) stands
    right before a person's or a place's name: "أبو عمر الإدلبي", "Abu Omar
    Idlibi" is another man than Omar Idlibi."""
    if m.entity.kind not in ("person", "place"):
        return False
    words = vocabulary().kunya_words
    before = words_before(text, m.start, 1)
    if before:
        return before[0][1] in words
    return capital_before(text, m.start) in words


# A lowercase word right after a name.
_LOWER_AFTER = re.compile(r"[ \u00a0]+([a-z]+)\b")


def with_lowercase_head(text: str, mentions: list[Mention], resolve: Callable[[str], Match | None]) -> list[Mention]:
    """``mentions`` with each Latin organisation's name read together with a
    lowercase organisation word after it (vocabulary ``org_words``) when, so
    read, it is another organisation's name: the press writes "the Hezbollah
    brigades" near al-Qaim for Kata'ib Hezbollah, whose alias is "Hezbollah
    Brigades", not for Lebanon's Hezbollah."""
    words = vocabulary().org_words
    out = []
    for i, m in enumerate(mentions):
        after = _LOWER_AFTER.match(text, m.end) if m.entity.kind == "org" and m.text[:1].isupper() else None
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        if after is not None and after.group(1) in words and after.end() <= nxt:
            longer = text[m.start : after.end()]
            found = resolve(longer)
            if (
                found is not None
                and found.id != m.id
                and found.entity.kind == "org"
                and not found.weak
                and found.method in (Method.EXACT, Method.NORMALIZED)
            ):
                out.append(Mention(m.start, after.end(), longer, found.id, found.entity, found))
                continue
        out.append(m)
    return out


# "and", perhaps "the", then capitalised words ("al-Shams", "Levant"), up to a break.
_AND_TAIL = re.compile(
    r"[ \u00a0]+and[ \u00a0]+(?:the[ \u00a0]+)?((?:[Aa]l-)?[A-Z][\w’'-]*(?:[ \u00a0]+[A-Z][\w’'-]*){0,3})"
)
_BY_KEY = (Method.EXACT, Method.NORMALIZED, Method.NAME_KEY)


def with_and_tail(text: str, mentions: list[Mention], resolve: Callable[[str], Match | None]) -> list[Mention]:
    """``mentions`` with a Latin organisation's name read on over "and" and
    the capitalised words after it when, so read, the whole is another
    organisation's name up to its key: "the Islamic State in Iraq and Levant"
    is the Islamic State, not the Islamic State of Iraq (the spellings the
    tables hold are matched whole already).  What the longer name covers is
    no mention of its own."""
    out: list[Mention] = []
    for m in mentions:
        if not (out and m.start < out[-1].end):
            out.append(_read_on(text, m, resolve))
    return out


def _read_on(text: str, m: Mention, resolve: Callable[[str], Match | None]) -> Mention:
    tail = _AND_TAIL.match(text, m.end) if m.entity.kind == "org" and m.text[:1].isupper() else None
    if tail is None:
        return m
    for w in reversed(list(re.finditer(r"\S+", tail.group(1)))):  # the longest reading that names one
        end = tail.start(1) + w.end()
        found = resolve(text[m.start : end])
        if found is not None and found.id != m.id and found.entity.kind == "org" and not found.weak:
            # The name read has "and" itself: the key drops it, and "the United Nations and the
            # World Food Programme" is two organisations, not the "United Nations World Food Programme".
            if found.method in _BY_KEY and " and " in found.alias.lower():
                return Mention(m.start, end, text[m.start : end], found.id, found.entity, found)
            return m
    return m


def with_arabic_head(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with an Arabic organisation's name read together with the
    word before it when one of the entity's own Arabic names opens with that
    word and goes on as the mention does: "حركة أحرار الشام", Harakat Ahrar
    al-Sham, though the alias that matched is "أحرار الشام"; not "تنظيم
    داعش" (no name of the group opens with "organisation").  A word of
    ``party_heads`` ("حزب", "حركة", "ائتلاف" …) opens any party's, movement's,
    coalition's or armed group's name so written ("حزب الاتحاد الوطني
    الكردستاني").  Proclitics stay out, as everywhere ("لحركة أحرار الشام")."""
    out: list[Mention] = []
    for m in mentions:
        longer = None
        if m.entity.kind == "org" and has_arabic_script(m.text[:1]):
            longer = _with_head_word(text, m, functools.partial(_heads_name, m))
        out.append(longer if longer is not None and not (out and out[-1].end > longer.start) else m)
    return out


def with_institution_before(
    text: str, mentions: list[Mention], resolve: Callable[[str], Match | None]
) -> list[Mention]:
    """``mentions`` with an Arabic place read together with the head and
    adjective before it when, so read, they name an organisation: "المجلس
    العسكري لمنبج" (and "… لمدينة منبج") is the Manbij Military Council, the
    tables' "مجلس منبج العسكري" (``borderlex.query_rules.reordered_institution``),
    not Manbij.  A proclitic before the head stays out ("والمجلس")."""
    out: list[Mention] = []
    for m in mentions:
        before = _INSTITUTION_BEFORE.search(text, max(0, m.start - 60), m.start) if m.entity.kind == "place" else None
        if before is not None and has_arabic_script(m.text[:1]) and not (out and out[-1].end > before.start(1)):
            longer = text[before.start(1) : m.end]
            found = resolve(longer)
            if found is not None and found.entity.kind == "org" and not found.weak:
                out.append(Mention(before.start(1), m.end, longer, found.id, found.entity, found))
                continue
        out.append(m)
    return out


# A head and an adjective, both with the article, then ل and perhaps a designator ("لمدينة ").
_INSTITUTION_BEFORE = re.compile(r"(?:^|(?<=[\s«\"(]))[وف]?(ال\w+ ال\w+ ل(?:\w+ )?)\Z")


# "The organisation": left out of a name even where a table spells it in ("تنظيم الدولة الإسلامية").
_GENERIC_HEADS = frozenset({"تنظيم"})


def _heads_name(m: Mention, head: str) -> bool:
    """Whether ``head`` opens ``m``'s name (:func:`_opens_name`, :func:`_party_head`)."""
    return _opens_name(m, head) or _party_head(m, head)


def _opens_name(m: Mention, head: str) -> bool:
    """Whether an Arabic name of ``m``'s entity is ``head`` and then the mention's words;
    for a broadcaster, "قناة" and "تلفزيون" (*channel*, *television*) are one head:
    "تلفزيون العراقية" is the channel the tables list as "قناة العراقية"."""
    if len(head) < 3 or head in _GENERIC_HEADS:
        return False
    heads = _BROADCAST_HEADS if head in _BROADCAST_HEADS and m.entity.type == "media" else (head,)
    wants = [orthographic_form(f"{h} {m.text}") for h in heads]
    return any(
        orthographic_form(n).startswith(want) and n.split()[0] != m.text.split()[0]
        for n in (*m.entity.strong_names, *m.entity.weak)
        if has_arabic_script(n) and " " in n
        for want in wants
    )


_BROADCAST_HEADS = ("قناة", "تلفزيون")
#: The types of organisation whose names a word of ``party_heads`` opens.
# Not an umbrella of militias: "تقييد حركة الحشد" is *restricting the Hashd's movement*.
_PARTY_TYPES = frozenset({"political-party", "coalition", "armed-group"})


def _party_head(m: Mention, head: str) -> bool:
    """Whether ``head`` is a word of ``party_heads`` that opens ``m``'s name:
    the entity is a party, coalition or armed group, and the mention does not
    already open with such a word ("حزب الله" after "حزب" is no "حزب حزب الله")."""
    heads = vocabulary().party_heads
    return m.entity.type in _PARTY_TYPES and head in heads and m.text.split()[0] not in heads


def without_title(mentions: list[Mention], resolve: Callable[[str], Match | None]) -> list[Mention]:
    """``mentions`` without the titles and offices that open a Latin person's
    mention, when an alias holds them and the rest alone names the same
    person: the guide leaves them out ("Grand Ayatollah [Ali Sistani]",
    though the tables list "Grand Ayatollah Ali al-Sistani")."""
    words = vocabulary()
    leading = words.titles | words.offices
    out = []
    for m in mentions:
        # Split at any one space character: hard-wrapped text breaks "Ayatollah\nKhamenei".
        parts = re.split(r"\s", m.text) if m.entity.kind == "person" and m.text.isascii() else []
        i = 0
        while i < len(parts) - 1 and (
            normalize(parts[i]) in leading or (parts[i] == "Grand" and normalize(parts[i + 1]) in leading)
        ):
            i += 1
        rest = m.text[len(m.text) - len(" ".join(parts[i:])) :]  # as written, its line breaks kept
        if i and i == len(parts) - 1:
            # "King Abdullah", an alias with its title: the name after the title is the person's
            # here, though it names no one alone.
            out.append(_cut(m, rest))
        else:
            out.append(_without_lead(m, rest, resolve) if i else m)
    return out


def after_a_title(text: str, m: Mention) -> bool:
    """Whether a place's one-word Latin mention follows a capitalised title or
    office ("King Salman", "President Assad"): a person's name, not the town
    as-Salman."""
    if m.entity.kind != "place" or " " in m.text or not m.text.isascii():
        return False
    word, words = capital_before(text, m.start), vocabulary()
    return word in words.titles or word in words.offices


def capital_before(text: str, start: int, *, after_hyphen: bool = True) -> str:
    """The capitalised Latin word right before ``start``, normalized ("" if none); with
    ``after_hyphen=False`` not one a hyphen joins to the word before it ("pro-Iranian"
    says whose side, not whose body)."""
    pattern = _LATIN_BEFORE if after_hyphen else _UNHYPHENED_BEFORE
    before = pattern.search(text, max(0, start - 40), start)
    return normalize(before.group(1)) if before is not None and before.group(1)[:1].isupper() else ""


def without_demonym(text: str, mentions: list[Mention], resolve: Callable[[str], Match | None]) -> list[Mention]:
    """``mentions`` without a leading Latin nationality word when the rest
    alone names the same entity and its own name lacks the word: the guide
    leaves it out ("Kurdish [Peshmerga]", though the tables list "Kurdish
    Peshmerga" for lookup; not the "Syrian Salvation Government", nor a name
    whose acronym the text defines with the word's initial: "the Iraqi
    Counter Terrorism Service (ICTS)")."""
    demonyms = vocabulary().demonyms
    out = []
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        if (
            rest
            and not has_arabic_script(m.text)  # Latin, accents too: "la Française Edith Bouvier"
            and normalize(first) in demonyms
            and first[:1].isupper()
            # Unless the name is the entity's own ("Syrian Salvation Government").
            and not normalize(m.entity.name).startswith(normalize(first) + " ")
            and not _spelled_by_acronym(text, m, rest)
        ):
            out.append(_without_lead(m, rest, resolve))
        else:
            out.append(m)
    return out


def _spelled_by_acronym(text: str, m: Mention, rest: str) -> bool:
    """Whether the acronym defined right after ``m`` spells all of it, not only ``rest``."""
    acronym = acronym_defined_at(text, m.end)
    return acronym is not None and abbreviates(acronym, m.text) and not abbreviates(acronym, rest)


def _without_lead(m: Mention, rest: str, resolve: Callable[[str], Match | None]) -> Mention:
    """``m`` cut to its last words ``rest`` when they alone name the same entity, not weakly."""
    found = resolve(rest)
    if found is None or found.id != m.id or found.weak:
        return m
    return _cut(m, rest)


def _cut(m: Mention, rest: str) -> Mention:
    """``m`` cut to its last words ``rest``."""
    return attrs.evolve(m, start=m.end - len(rest), text=rest, match=attrs.evolve(m.match, query=rest))
