"""Capitalised name runs: a name is found whole or not at all.

A span the tables know may be part of a longer capitalised name the tables
do not know ("Hassan al-Obeidi" is not the town al-Ubaydi).  The scanner
(``borderlex.scanning``) asks :class:`NameRuns` for the run of capitalised
words around each span it found, and takes the whole run or nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .folding import HYPHENS, normalize
from .scan_units import LINKING_WORDS
from .text_acronyms import abbreviates
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .scan_patterns import Span
    from .scan_units import Unit

__all__ = ["NameRuns", "in_capitals", "in_institution_name", "sentence_start"]

# The vocabularies (data/vocabulary.toml) this module reads, bound when it is
# first imported: on the first scan, not at `import borderlex`.
_WORDS = vocabulary()
NAME_PARTICLES = _WORDS.name_particles
TITLES, OFFICES, DEMONYMS, TIME_WORDS = _WORDS.titles, _WORDS.offices, _WORDS.demonyms, _WORDS.time_words
DIRECTIONS = _WORDS.directions
RUN_BREAKS, OPENING_BREAKS = _WORDS.run_breaks, _WORDS.opening_breaks
ORG_WORDS = _WORDS.org_words
MEDIA_WORDS_AFTER = _WORDS.media_words_after
# English heads before "of", French ones before "de", "du", "des", "d'": "Brigade" heads a French name only.
_HEADS = {link: frozenset(_WORDS.institution_heads.get("en" if link == "of" else "fr", ())) for link in LINKING_WORDS}
_BODY_HEADS = {
    link: frozenset(_WORDS.body_heads.get("en" if link == "of" else "fr", ())) | _HEADS[link] for link in _HEADS
}
_FEATURE_HEADS = {link: frozenset(_WORDS.feature_heads.get("en" if link == "of" else "fr", ())) for link in _HEADS}
_OPEN_GAPS = frozenset((" “", ' "', " «"))
_CLOSE_GAPS = frozenset(("” ", '" ', "» "))


class NameRuns:
    """Capitalised word runs around Latin-script spans.

    A run is the longest stretch of capitalised words (with the articles and
    particles that sit inside names: al-, bin, abu) around a span, on one
    line, without punctuation; titles, offices, demonyms, days and months,
    designators and a sentence's first word end it.  When the run is longer
    than the span, the span is part of a longer name.  Lines in title case
    (headlines) have no runs: their capitals prove nothing.
    """

    def __init__(self, text: str, units: Sequence[Unit]) -> None:
        self.text = text
        self.units = units
        self.title_lines: dict[int, bool] = {}

    def around(self, c: Span) -> tuple[int, int] | None:
        units, text = self.units, self.text
        first, last = c.first, c.last
        if not units[first].latin or self._title_case(c.start):
            return None
        lo = first
        i = first - 1
        # "the US Tanf garrison": capitals before a facility's name are its owner's, as "the US" is.
        facility = all(p.entry.entity.kind == "facility" for p in c.patterns)
        while i >= 0 and self._joined(units[i], units[i + 1]) and not units[i].possessive:
            if facility and units[i].all_upper and units[i].end - units[i].start <= 4:
                break
            kind = self._kind(units[i])
            if kind == "stop" or (kind == "name" and (sentence_start(text, units[i]) or self._compound(i))):
                break
            if kind == "name" and i == first - 1 and _word(text, units[i]) in OPENING_BREAKS:
                break  # "Central Syria"; but "Khan Sheikhoun Central Hospital" is one name
            if kind == "name" or (units[i].upper_initial and not units[i].skip):
                lo = i  # a capitalised particle opens a name: "Abu Qasra" is not the village Qasra
            i -= 1
        if (
            first == last
            and lo < first
            and _acronym_of(text[c.start : c.end], text[units[lo].start : units[first - 1].end])
        ):
            return None  # "Shaam News Network SNN": the acronym after its name stands alone
        hi = last
        j = last + 1
        # A name that ends in a lowercase word ("Forces démocratiques syriennes") has
        # ended: a capitalised word after it starts another ("… syriennes Ebu Leyla").
        ended = units[last].latin and not (units[last].upper_initial or units[last].all_upper)
        # "Rudaw TV", "BBC News": a media word after an outlet's name is its own (borderlex.mention_edges).
        outlet = all(p.entry.entity.type == "media" for p in c.patterns)
        # "the pro-Iran Coordination Framework": a name glued to "pro-" or "anti-" is an adjective's, ended.
        stance = _STANCE.search(text, max(0, c.start - 6), c.start) is not None
        if not units[last].possessive and not ended and not stance:
            while j < len(units) and self._joined(units[j - 1], units[j]):
                kind = "name" if self._title_of_a_head(j) else self._kind(units[j])
                if kind == "stop" or self._compound(j - 1):
                    break
                if outlet and _word(text, units[j]) in MEDIA_WORDS_AFTER:
                    break
                if _acronym_of(text[units[j].start : units[j].end], text[c.start : c.end]):
                    break  # "Shaam News Network SNN": the name, then its acronym
                if kind == "name":
                    hi = j
                    if units[j].possessive:
                        break
                j += 1
        if lo == first and hi == last:
            return None
        if first == last and units[first].all_upper and not self._org_words(lo, hi, first):
            # An acronym stands alone beside a name ("Kudrish YPG fighters", "l'ONU Ban
            # Ki-moon"), not beside the words of a longer organisation name ("UN Human Rights Council").
            return None
        start = min(units[lo].start, c.start)
        end = max(units[hi].end, c.end)
        if units[hi].possessive:
            end = units[hi].end
        return start, end

    def _title_of_a_head(self, j: int) -> bool:
        """Whether unit ``j`` is a title that qualifies the organisation or
        institution word after it: "Mosul General Hospital", "General Command"."""
        units, text = self.units, self.text
        if j + 1 >= len(units) or _word(text, units[j]) not in TITLES:
            return False
        after = units[j + 1]
        word = _word(text, after)
        return after.upper_initial and self._joined(units[j], after) and (word in ORG_WORDS or word in _HEADS["of"])

    def _org_words(self, lo: int, hi: int, skip: int) -> bool:
        return any(
            normalize(self.text[u.start : u.end]) in ORG_WORDS
            for k, u in enumerate(self.units[lo : hi + 1], lo)
            if k != skip
        )

    def words(self, c: Span) -> int:
        """How many content words the span has."""
        return sum(1 for u in self.units[c.first : c.last + 1] if not u.skip and u.marker is None)

    def _compound(self, i: int) -> bool:
        """Two names joined by a hyphen are two names: "Iran-Iraq war", and
        with the second's article between them, "the Aleppo-al-Hasakah road"."""
        units = self.units
        a, b = units[i], units[i + 1]
        if "-" not in self.text[a.end : b.start] or self._kind(a) != "name":
            return False
        if b.article and self.text[b.end : b.end + 1] in HYPHENS and i + 2 < len(units):
            b = units[i + 2]  # the article is hyphened to the name after it ("al-Hasakah"; not "Bab-al Hawra")
        return self._kind(b) == "name"

    def _joined(self, a: Unit, b: Unit) -> bool:
        """Only spaces or a hyphen between two units of one line, or the quote
        marks around one word of the name (a nickname: "Michael “Erik” Kurilla")."""
        text = self.text
        gap = text[a.end : b.start]
        if len(gap) <= 2 and all(ch == " " or ch in HYPHENS for ch in gap):
            return True
        if gap in _OPEN_GAPS:  # the quoted word is b
            return text[b.end : b.end + 2] in _CLOSE_GAPS
        if gap in _CLOSE_GAPS:  # the quoted word is a
            return text[a.start - 2 : a.start] in _OPEN_GAPS
        return False

    def _kind(self, u: Unit) -> str:
        """ "name" (a capitalised word), "inside" (an article or particle), "stop"."""
        word = normalize(self.text[u.start : u.end])
        if u.skip:
            # An article inside a name is "al"/"el" or hyphened ("ez-Zor");
            # French "en", "et" alone are words of the sentence.
            attached = self.text[u.end : u.end + 1] in HYPHENS
            return "inside" if u.article and (attached or word in ("al", "el")) else "stop"
        if word in NAME_PARTICLES:
            return "inside"
        if u.marker is not None or not u.latin or not (u.upper_initial or u.all_upper):
            return "stop"
        if word in TITLES or word in OFFICES or word in DEMONYMS or word in TIME_WORDS or word in DIRECTIONS:
            return "stop"
        if word in RUN_BREAKS:  # "… Revolutionary Guards By Reuters"
            return "stop"
        after = self.text[u.end : u.end + 2]
        if u.end - u.start <= 3 and after[:1] in HYPHENS and after[1:].isdigit():
            return "stop"  # a model, not a name: "an Israeli Air Force F-15", "Su-24", "MQ-9"
        return "name"

    def _title_case(self, at: int) -> bool:
        line_start = self.text.rfind("\n", 0, at) + 1
        known = self.title_lines.get(line_start)
        if known is None:
            line_end = self.text.find("\n", at)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            if _BYLINE.match(line):
                # "By Kamal Naama and Raheem Salman": names, in the capitals they always have.
                self.title_lines[line_start] = False
                return False
            # The first word is capitalised in any case.
            words = [
                w for w in _WORD.findall(line)[1:] if len(w) > 1 and _latin_word(w) and w.lower() not in _SMALL_WORDS
            ]
            caps = sum(w[0].isupper() for w in words)
            known = self.title_lines[line_start] = len(words) >= 3 and caps >= 0.85 * len(words)
        return known


# Words a title-case headline leaves in lower case.
_SMALL_WORDS = _WORDS.headline_small_words
# A word of a line, for its capital; an apostrophe inside is the word's ("Kata’ib", "Ma'arrat").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# "pro-" or "anti-" glued to the name after it, as a word of its own.
_STANCE = re.compile(r"(?<![^\W\d_])(?:[pP]ro|[aA]nti)[-\u2010\u2011]\Z")
_BYLINE = re.compile(r"\s*(?:By|BY|Par|PAR) [A-Z]")  # a byline: "By Kamal Naama and Raheem Salman"


def sentence_start(text: str, u: Unit) -> bool:
    if _after_a_bullet(text, u.start):
        return True  # "-- Near Raqqa, three strikes …": a list item opens like a sentence
    before = text[max(0, u.start - 3) : u.start].rstrip(" \t\u00a0\"“'‘(«")  # "« Si Bagdad …" opens with "Si"
    if before.endswith("."):
        # "Gen. Michael Kurilla", "Geir O. Pedersen": a title's or an initial's period ends no sentence.
        word = _ABBREVIATED.search(text, max(0, u.start - 16), u.start)
        if word is not None and (len(word.group(1)) == 1 or normalize(word.group(1)) in TITLES):
            return False
    return not before or before[-1] in ".!?\n:;—–"


def _after_a_bullet(text: str, start: int) -> bool:
    """Whether a list's bullet ("-", "--", "•", "*") and a space stand right
    before ``start``, the bullet alone after a space or a line's start (not a
    hyphen inside a word)."""
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    k = j
    while k > 0 and text[k - 1] in _BULLETS:
        k -= 1
    return k < j < start and (k == 0 or text[k - 1].isspace())


_BULLETS = frozenset("-–—•*·▪")
_ABBREVIATED = re.compile(r"(?<![\w.])([A-Za-z]+)\.[ \u00a0]+\Z")


def in_capitals(text: str, units: Sequence[Unit], first: int, last: int) -> bool:
    """Whether the words on both sides (or the one there is) are also written
    in capitals, as in a headline; one acronym beside another is not ("the
    BBC's US partner"), nor one beyond a colon, a comma or the line's end ("US: SDF captures")."""
    around = [
        units[j]
        for j, gap in ((first - 1, (first - 1, first)), (last + 1, (last, last + 1)))
        if 0 <= j < len(units) and _spaces_only(text[units[gap[0]].end : units[gap[1]].start])
    ]
    return bool(around) and all(u.latin and u.all_upper for u in around)


def _spaces_only(gap: str) -> bool:
    return bool(gap) and not gap.strip(" \t\u00a0")


def in_institution_name(text: str, units: Sequence[Unit], first: int, *, place: bool) -> bool:
    """Whether the Latin-script name starting at unit ``first`` follows an
    institution's head and its linking word: "Central Bank of Iraq",
    "Banque centrale d'Irak", "Banque Centrale de Syrie", "Brigade des
    douanes de Baalbeck" (vocabulary ``institution_heads``; for a ``place``'s
    name, ``body_heads`` too).  The name is then part of the institution's,
    which the tables do not know."""
    i = first - 1
    if i >= 1 and units[i].skip and units[i - 1].skip and _word(text, units[i]) in _INNER_ARTICLES:
        i -= 1  # "Central Bank of the Kurdistan Region": the article after the link
    link = _word(text, units[i]) if i >= 0 and units[i].skip else ""
    heads = (_BODY_HEADS if place else _HEADS).get(link)
    if heads is None:
        return False
    features = _FEATURE_HEADS[link] if place else frozenset()
    # Each unit before the name as a letter, read back to a gap that is not
    # spaces or an elision: a head, a capitalised or lowercase word, a link, an article.
    shape = []
    for j in range(i, max(i - _INSTITUTION_UNITS, -1), -1):
        u = units[j]
        if not u.latin or (j < i and not _spaced(text[u.end : units[j + 1].start])):
            break
        word = _word(text, u)
        if u.skip:
            shape.append("L" if word in LINKING_WORDS else "A" if word in _INNER_ARTICLES else "|")
        elif u.upper_initial:
            shape.append("H" if word in heads else "F" if word in features else "C")
        else:
            shape.append("w")
    return _INSTITUTION_SHAPE.search("".join(reversed(shape))) is not None


# A head, perhaps qualified ("Banque Centrale", "Cour pénale internationale"),
# up to two phrases of lowercase words ("des douanes", "de la jeunesse"),
# then the link before the name; a sea's head takes the link at once ("Gulf
# of Oman", not "Gulf state of Qatar").  A verb between ("Conseil condamne la
# destruction de") has no link before its object's article, and ends it.
_INSTITUTION_SHAPE = re.compile(r"(?:H(?:C|w{1,2})?(?:LA?w{1,2}){0,2}|F)L\Z")
_INSTITUTION_UNITS = 12
_INNER_ARTICLES = frozenset(("la", "l", "the"))


def _latin_word(word: str) -> bool:
    """An ASCII word, or one with a typographic apostrophe inside ("Kata’ib")."""
    return word.replace("’", "'").isascii()


def _acronym_of(word: str, name: str) -> bool:
    """Whether ``word`` is in capitals, two letters or more, the initials of ``name``."""
    return len(word) >= 2 and word.isupper() and word.isalpha() and abbreviates(word, name)


def _word(text: str, u: Unit) -> str:
    return normalize(text[u.start : u.end])


def _spaced(gap: str) -> bool:
    return 0 < len(gap) <= 2 and all(ch in " \u00a0'’" for ch in gap)
