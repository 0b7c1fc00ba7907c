"""A hit becomes a candidate span, or nothing: the rules that read the
words and text around an alias found in a text (case, currency signs,
punctuation, function words, Arabic letters and articles, a longer unknown
name), and the key of what they read, by which ``borderlex.scanning``
remembers each decision (texts repeat their names in the same contexts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .arabic_script import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    arabic_spelling,
    final_alif_as_ta,
    is_arabic_mark,
    is_arabic_word_char,
    orthographic_form,
)
from .article_forms import common_given_pair, family_takes_article, never_takes_article, opens_with_article
from .common_words import common_word_around, in_an_arabic_date, opens_an_idiom
from .folding import HYPHENS, normalize
from .index import Strength, acronym_form, in_short_capitals
from .name_runs import in_capitals, sentence_start
from .query_rules import romanized_place
from .scan_patterns import (
    GENERIC_HEADS,
    QUOTED_REACH,
    Pattern,
    Span,
    abroad,
    article_agrees,
    case_ok,
    family_names_agree,
    inside_unknown_name,
)
from .scan_units import ARTICLES, FRENCH_WORDS, Unit, Units, letters_of, stops_of
from .vocabulary import vocabulary

__all__ = ["candidate", "window"]

# What never sits inside a name: commas, brackets, colons, sentence ends, a blank line or a line
# break beside a space (a heading's end).  One bare line break is hard-wrapped text's space
# ("Nouri\nal-Maliki").  A dot after a lone capital is an abbreviation's ("U.N. Security Council").
_BREAK = re.compile(r"[,،;؛:!?()\[\]{}]|\s\n|\n\s|(?<!(?<![A-Za-z])[A-Z])\.\s")
_CURRENCY = frozenset("$€£¥")
_QUOTES = frozenset(OPENING_QUOTES + CLOSING_QUOTES)
_PREPOSITIONS = vocabulary().prepositions

# "post-", "pre-" glued before a name: the era after or before what it names.
_ERA_BEFORE = re.compile(r"(?<![\w-])(?:[Pp]ost|[Pp]re)[-‐]\Z")
_NON_SPACE = re.compile(r"\S*")


def _closed_inside(span: str) -> bool:
    """Whether a quote mark closes inside ``span`` that did not open in it.
    Arabic text writes “ and ” either way round: a mark after a space opens,
    one after a letter closes."""
    opened = 0
    for i, ch in enumerate(span):
        if ch not in _QUOTES:
            continue
        if i == 0 or span[i - 1].isspace():
            opened += 1
        elif opened:
            opened -= 1
        else:
            return True
    return False


def _latin_closed_inside(span: str) -> bool:
    """Whether a double quote mark or guillemet closes inside a Latin ``span``
    that did not open in it (these have one direction; ' and ’ are apostrophes too)."""
    opened = 0
    for ch in span:
        if ch in "«“":
            opened += 1
        elif ch in "»”":
            if not opened:
                return True
            opened -= 1
    return False


def _and_words(words: str) -> int:
    """How many of the Arabic ``words`` open with و."""
    return sum(1 for w in words.split() if w.startswith("و"))


def candidate(
    text: str, units: Sequence[Unit], hit: tuple[int, int, tuple[Pattern, ...]], wanted: frozenset[str] | None
) -> Span | None:
    """The span of a hit (``first``, ``last``, ``patterns``: unit indexes,
    ``first`` as ``-i - 1`` when a proclitic was read off unit ``i``), with the
    patterns its case allows, or ``None``.

    Reads only the units and the text :func:`window` puts in its key."""
    first, last, patterns = hit
    proclitic = first < 0
    if proclitic:
        first = -first - 1
    start = units[first].start + (1 if proclitic else 0)
    end = units[last].end
    while proclitic and start < end and is_arabic_mark(text[start]):
        start += 1  # "وَبغداد": the proclitic's vowel is the proclitic's
    span_units = [x for x in units[first : last + 1] if not x.skip]
    ok = [
        p
        for p in patterns
        if (wanted is None or p.entry.entity.kind in wanted) and case_ok(text, start, end, span_units, p)
    ]
    if ok and in_capitals(text, units, first, last):
        # "WHAT IS NEXT": in a line of capitals a two-letter acronym is just a word.
        ok = [p for p in ok if not (p.entry.strength is Strength.ACRONYM and len(acronym_form(p.entry.alias)) <= 2)]
    if ok and span_units[0].latin:
        written = normalize(text[start:end]).replace(" ", "")
        spelled_only = len(written) <= 2 or (len(span_units) == 1 and span_units[0].all_upper and end - start <= 5)
        # "GNN" is not CNN, "Ce" (French *this*) not al-Qaa by the key "ka", "Kia" not the CIA: a word
        # in capitals, any two letters and an alias in short capitals name by their spelling only, as
        # resolve() reads them.
        ok = [
            p
            for p in ok
            if p.entry.normalized.replace(" ", "") == written or not (spelled_only or in_short_capitals(p.entry.alias))
        ]
    if ok and len(span_units) == 1 and span_units[0].latin:
        ok = [p for p in ok if _as_an_outlet_spells(p, text[start:end])]
    if text[end : end + 1] in _CURRENCY:
        return None  # "US$1,000": a currency, not the country
    if proclitic and not is_arabic_word_char(text[start]):
        return None  # "وquot;": a proclitic takes an Arabic word; this is markup left in scraped text
    if len(span_units) > 1 and _ERA_BEFORE.search(text, max(0, start - 6), start):
        # "a post-Assad government" is not the Assad government ("post-ISIS" still names ISIS).
        ok = [p for p in ok if p.entry.entity.kind != "org"]
    if _BREAK.search(text, start, end):
        # A name holds no comma, bracket or sentence end, unless its alias does ("Hit, Iraq").
        ok = [p for p in ok if _BREAK.search(p.entry.alias)]
    if units[first].latin and _latin_closed_inside(text[max(0, start - 1) : end]):
        # "« une plainte au Conseil de sécurité » de l’ONU": the quote ended the name (a nickname's
        # quote may open right before the span: "Michael “Erik” Kurilla").
        ok = [p for p in ok if _latin_closed_inside(p.entry.alias)]
    if ok and units[first].arabic and last > first and text[start : units[first].end] in _PREPOSITIONS:
        # "التي تسيطر على شرقي الفرات": a preposition as written ("على", *on*) is no name's word
        # it folds to ("علي الشرقي", the subdistrict Ali al-Sharqi).
        ok = [p for p in ok if p.entry.alias.split(" ", 1)[0] == text[start : units[first].end]]
    if units[first].arabic and _closed_inside(text[start:end]):
        # "“الإدارة الذاتية” لشمال شرقي سوريا": a quote that closes inside the span set a name
        # apart before its end (one opened inside is part of it: سد “تشرين, مطار «تي فور» العسكري).
        ok = [p for p in ok if _closed_inside(p.entry.alias)]
    if any(u.possessive for u in units[first:last]):
        # "Bashar al-Assad's regime": a possessive ends a name, unless its alias has one.
        ok = [p for p in ok if "'" in p.entry.alias or "’" in p.entry.alias]
    if len(span_units) > 1 and (
        any(u.latin and u.end - u.start == 1 for u in span_units)
        or all(u.arabic and len(arabic_spelling(text[u.start : u.end])) <= 2 for u in span_units)
    ):
        # "Geir O. Pedersen": an initial joins no other word into one word of an alias ("Geir O" is
        # not Cairo, "M. Assad a" not "El Mes `ade"); nor do Latin letters spelled out in Arabic
        # ("آر بي جي", *RPG*, is not بيجي, Baiji).  The alias's articles are no words of it here,
        # as they are no units of the span.
        ok = [p for p in ok if sum(w not in ARTICLES for w in p.entry.normalized.split()) >= len(span_units)]
    stops = stops_of(text, units[first : last + 1])
    ok = [p for p in ok if p.stops == stops]  # "Deir and Ezzor" is not Deir ez-Zor
    if ok and units[first].arabic:
        # Arabic names match letter for letter: the Latin key drops ʿayn
        # and merges ص/س, ح/ه, so عمار would otherwise be "Mar".
        before = units[first - 1] if first > 0 and not proclitic else None
        letters = letters_of(text, units[first : last + 1], skip_first=int(proclitic), before=before)
        if units[first].skip:
            letters = "ل" + letters  # "للبنان": the hit opens at the article unit, the lam of "لبنان"
        same = [p for p in ok if p.letters is None or p.letters == letters]
        if not same and units[first].proclitic and not proclitic:
            # "وولاية": the key folded the doubled و away; the letters show the proclitic.
            letters = letters_of(text, units[first : last + 1], skip_first=1, before=before)
            same = [p for p in ok if p.letters == letters]
            if same and start == units[first].start:
                start += 1
        ok = same
        if ok and first < last:
            # "اقليم كردستان والعراق" is the Kurdistan Region *and* Iraq: a و that opens a later
            # word is "and", unless the alias has it there too ("في العراق والشام").
            ands = _and_words(text[units[first].end : end])
            ok = [p for p in ok if _and_words(p.entry.alias.partition(" ")[2]) >= ands]
        if ok and opens_an_idiom(text, start, end):
            return None  # "القائم بالأعمال", *the chargé d'affaires*: not al-Qaim
        one_word = first == last or (units[first].skip and first + 1 == last)
        if ok and one_word and in_an_arabic_date(text, start, end):
            return None  # "20 من تشرين الأول", *20 October*: a month, not the Tishrin Dam
        if ok and one_word and common_word_around(text, start, end):
            # "حلفائه" (*his allies*) folds to حلفايا: a common word names nothing unless spelled as an alias.
            ok = [p for p in ok if arabic_spelling(p.entry.alias) == arabic_spelling(text[start:end])]
    if not ok or inside_unknown_name(text, units, first, last, ok, proclitic=text[units[first].start : start]):
        return None
    # The article in "al-Tanf", "Al Bukamal", "البوكمال" belongs to the name.
    if first > 0 and not proclitic:
        prev = units[first - 1]
        if (
            prev.article
            and (
                units[first].attached
                or text[prev.start : prev.end].lower() in ("al", "el")
                or text[prev.end : units[first].start] in HYPHENS  # "a-Hol camp", "ash-Shaddadi"
                # "At Tanf", "As Sukhnah": capitalised inside a sentence, it is the article; not the
                # French "en", "et" apart ("En Turquie", "RETROUVÉS EN TURQUIE": *in Turkey*)
                or (
                    prev.upper_initial
                    and not sentence_start(text, prev)
                    and text[prev.start : prev.end].lower() not in FRENCH_WORDS
                )
            )
        ):
            start = prev.start
    if units[first].latin and opens_with_article(normalize(text[start:end])):
        # "al-Rawad", "Alwan": a name with the article is none whose spellings never take it
        # (Arwad, أرواد; Van, وان), though its key drops the article.
        ok = [p for p in ok if not never_takes_article(p.entry.entity)]
        if not ok:
            return None
    if units[first].latin and common_given_pair(normalize(text[start:end])):
        # "Mohamed Hassan" is too many men's to be Mohamed Al Hassan by a key that drops his article.
        ok = [p for p in ok if not (p.entry.entity.kind == "person" and family_takes_article(p.entry.alias))]
        if not ok:
            return None
    if units[first].arabic and first < last and normalize(text[start : units[first].end]) in GENERIC_HEADS:
        # "تنظيم الدولة الإسلامية": the word for "organisation" heads the
        # name without being part of it (nor the quote mark after it).
        first += 1
        start = units[first].start
    if units[first].arabic:
        # Designator words too: "القاعدة" is al-Qaeda, "قاعدة" a base.
        article = start < units[first].start or text.startswith("ال", start)
        agreeing = article_agrees(ok, article, text[units[last].start : end], len(text[start:end].split()))
        ok = family_names_agree(agreeing, text, start, end)
        if not ok:
            return None
    if units[first].arabic and any(abroad(p.entry.entity) for p in ok):
        # A place abroad only as spelled, orthography aside: "آنفة" (*aforesaid*) is
        # not أنفا (Casablanca); the Syrian and Iraqi press varies only its own names.
        spelled = {orthographic_form(text[start:end])}
        if text[start - 1 : start + 1] == "لل":  # "للسعودية": after the proclitic ل, the article's alif is dropped
            spelled.add("ا" + orthographic_form(text[start:end]))
        # A final alif for tāʾ marbūṭa after ي, as in every Arabic text (borderlex.arabic_script.arabic_letters):
        # "أنطاكيا" is "أنطاكية".
        spelled |= {final_alif_as_ta(w) for w in spelled}
        ok = [p for p in ok if not abroad(p.entry.entity) or orthographic_form(p.entry.alias) in spelled]
        if not ok:
            return None
    if not all(map(romanized_place, (p.entry for p in ok))):
        # A far place only as spelled ("Qaboun" is not Gabon): see borderlex.query_rules.romanized_place.
        norm = normalize(text[start:end])
        ok = [p for p in ok if romanized_place(p.entry) or p.entry.normalized == norm]
        if not ok:
            return None
    return Span(start, end, first, last, ok, text[start:end])


_APOSTROPHES = str.maketrans("", "", "'’‘ʿʾ`")


def _as_an_outlet_spells(p: Pattern, written: str) -> bool:
    """Whether a one-word outlet's name and the word written agree on their
    apostrophes, which write ʿayn and hamza: "San'a", a village, is not the
    agency Sana (though "Roudaw" is Rudaw).  Other patterns pass."""
    alias = p.entry.alias
    if p.entry.entity.type != "media" or p.entry.strength is Strength.ACRONYM or " " in alias:
        return True
    return len(written) - len(written.translate(_APOSTROPHES)) == len(alias) - len(alias.translate(_APOSTROPHES))


def window(text: str, units: Sequence[Unit], n: int, first: int, last: int) -> tuple[tuple[object, ...], int]:
    """What the rules of :func:`candidate` read of a hit from unit
    ``first`` to ``last``, as a key relative to the first unit's start (the
    second value): every field of the units from the one before the articles
    before the hit to the one after it, and the text they cover, from the
    three characters before the first of them (``sentence_start``) and back
    to the start of that run of non-space characters (``common_word_around``
    reads back over the letters of the word) to one character after the run
    of non-space characters the last ends in (an Arabic unit's end is
    widened over its word; the currency sign), and for an Arabic hit the
    text a quoted name around it may span, when it holds quote marks.  The
    patterns of a hit follow from its units' keys and whether a proclitic
    was read off, which the caller adds.

    Over :class:`~borderlex.scan_units.Units` the fields come from the
    units' shapes (:meth:`~borderlex.scan_units.Units.key_of`), and no unit
    is made but an Arabic one."""
    if isinstance(units, Units):
        shapes = units.shapes
        lo = first - 1
        while lo >= 0 and shapes[lo][2] and shapes[lo][8]:  # skipped articles
            lo -= 1
        lo = max(lo, 0)
        hi = min(last + 1, n - 1)
        base = units.start_of(first)
        a = units.start_of(lo)
        b = units.start_of(hi) + shapes[hi][0]  # its end, before an Arabic unit is widened
        key_of = units.key_of
        fields: tuple[object, ...] = tuple(key_of(k, base) for k in range(lo, hi + 1))
    else:
        lo = first - 1
        while lo >= 0 and units[lo].skip and units[lo].article:
            lo -= 1
        lo = max(lo, 0)
        hi = min(last + 1, n - 1)
        base = units[first].start
        a = units[lo].start
        b = units[hi].end
        fields = tuple(
            (
                u.unit,
                u.start - base,
                u.end - base,
                u.skip,
                u.marker,
                u.arabic,
                u.upper_initial,
                u.all_upper,
                u.latin,
                u.attached,
                u.article,
                u.proclitic,
                u.possessive,
            )
            for u in units[lo : hi + 1]
        )
    a = max(a - 3, 0)
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = _NON_SPACE.match(text, b).end() + 1  # type: ignore[union-attr]  # it matches the empty string
    return (text[a:b], a - base, first - lo, last - first, fields, _quotes_around(text, base, b)), base


def _quotes_around(text: str, start: int, end: int) -> str:
    """The text a quoted Arabic name around a hit may span (see
    ``scan_patterns._in_quoted_name``), when there are quote marks in it."""
    if start >= len(text) or not is_arabic_word_char(text[start]):
        return ""
    around = text[max(0, start - QUOTED_REACH) : end + QUOTED_REACH]
    return around if any(q in around for q in OPENING_QUOTES) else ""
