"""Capitals that stand for their country's government.

Reporting writes "Washington" for the US government ("Washington said",
"soutenue par Washington", "مدعومة من واشنطن"); the corpus guide reads it
as the United States, and the city only where the text places something in
it ("in Washington", "à Washington", "في واشنطن", "بواشنطن"), sends someone
there ("زيارة الشيباني لواشنطن", "visited Washington") or files the report
from it (a dateline: "WASHINGTON (Reuters) -").  Which capitals read so,
and which words place something in a city or send someone to it, are
vocabularies (``government_seats``, ``locatives``, ``travel_words``,
``destination_words``).
"""

from __future__ import annotations

import re

from .arabic_script import has_arabic_script, words_before
from .folding import normalize
from .vocabulary import vocabulary

__all__ = ["is_dateline", "stands_for_government"]

_LATIN_WORD_BEFORE = re.compile(r"([^\W\d_]+)['’]?\s*$")
# A dateline after the name: "WASHINGTON (Reuters) -", "Washington, Oct. 5 -", "واشنطن - ",
# "SULAIMANIYAH, Kurdistan region 'Iraq', —".
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,[^\n,\-–—]{1,25}){0,2},?[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[-–—]-?\s")
# "Washington, D.C.", "Washington DC": the city, by its district.
_DISTRICT_AFTER = re.compile(r",?[ \t]*D\.?[ \t]?C\b")


def stands_for_government(text: str, start: int, end: int) -> bool:
    """Whether the city name ``text[start:end]`` is a government seat used
    for its country's government: listed, and not after a locative word."""
    words = vocabulary()
    name = text[start:end]
    if is_dateline(text, start, end) or _DISTRICT_AFTER.match(text, end):
        return False
    if has_arabic_script(name):
        if name.strip() not in words.government_seats:
            return False
        if start > 0 and text[start - 1] == "ب":  # "بواشنطن", in Washington
            return False
        before = words_before(text, start, 1)
        return not (before and before[0][1] in words.locatives) and not _travelled_to(text, start)
    if normalize(name) not in words.government_seats:
        return False
    # "à Washington" and "l'" are read off the text: "à" is a word of one letter.
    m = _LATIN_WORD_BEFORE.search(text[max(0, start - 20) : start])
    return (m is None or normalize(m.group(1)) not in words.locatives) and not _travelled_to(text, start)


def _travelled_to(text: str, start: int) -> bool:
    """Whether the name at ``start`` is where someone goes: right after a
    travel word ("يصل واشنطن"), or after a word for "to" (or a glued ل)
    with a travel word earlier in its sentence ("زيارة الشيباني لواشنطن")."""
    words = vocabulary()
    clause = text[max(0, start - _CLAUSE_CHARS) : start]
    clause = clause[max(clause.rfind(c) for c in _SENTENCE_ENDS) + 1 :]
    glued_to = clause[-1:] == "ل"  # "لواشنطن": the proclitic is outside the span
    before = [_bare(w) for w in _WORD.findall(clause[:-1] if glued_to else clause)]
    if not before:
        return False
    if before[-1] in words.travel_words:
        return True
    if glued_to:
        return any(w in words.travel_words for w in before)
    return before[-1] in words.destination_words and any(w in words.travel_words for w in before[:-1])


# How far back, at most, a sentence is read for a travel word; what ends one.
_CLAUSE_CHARS = 120
_SENTENCE_ENDS = ".!?؟\n"
_WORD = re.compile(r"[^\W\d_]+")


def _bare(word: str) -> str:
    """A word as the vocabularies hold it: Latin normalized; Arabic without a
    proclitic و or ف ("ووصل")."""
    if not has_arabic_script(word):
        return normalize(word)
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the name opens a line as a dateline does: the city the
    report was filed from ("Washington - The Kurdistan Regional Government …"),
    or fills a line in capitals ("WASHINGTON" above the story)."""
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip():
        return False
    if _DATELINE_AFTER.match(text, end) is not None:
        return True
    name = text[start:end]
    line_end = text.find("\n", end)
    return name.isupper() and len(name) > 2 and not text[end : line_end if line_end >= 0 else len(text)].strip()
