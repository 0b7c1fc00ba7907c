"""Capitals that stand for their country's government.

Reporting writes "Washington" for the US government ("Washington said",
"soutenue par Washington", "مدعومة من واشنطن"); the corpus guide reads it
as the United States, and the city only where the text places something in
it ("in Washington", "à Washington", "في واشنطن", "بواشنطن") or files the
report from it (a dateline: "WASHINGTON (Reuters) -").  Which capitals
read so, and which words place something in a city, are vocabularies
(``government_seats``, ``locatives``).
"""

from __future__ import annotations

import re

from .arabic_script import has_arabic_script, words_before
from .folding import normalize
from .vocabulary import vocabulary

__all__ = ["stands_for_government"]

_LATIN_WORD_BEFORE = re.compile(r"([^\W\d_]+)['’]?\s*$")
# A dateline after the name: "WASHINGTON (Reuters) -", "Washington, Oct. 5 -", "واشنطن - ".
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,[^\n,\-–—]{1,25})?[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[-–—]\s")


def stands_for_government(text: str, start: int, end: int) -> bool:
    """Whether the city name ``text[start:end]`` is a government seat used
    for its country's government: listed, and not after a locative word."""
    words = vocabulary()
    name = text[start:end]
    if _dateline(text, start, end):
        return False
    if has_arabic_script(name):
        if name.strip() not in words.government_seats:
            return False
        if start > 0 and text[start - 1] == "ب":  # "بواشنطن", in Washington
            return False
        before = words_before(text, start, 1)
        return not (before and before[0][1] in words.locatives)
    if normalize(name) not in words.government_seats:
        return False
    # "à Washington" and "l'" are read off the text: "à" is a word of one letter.
    m = _LATIN_WORD_BEFORE.search(text[max(0, start - 20) : start])
    return m is None or normalize(m.group(1)) not in words.locatives


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether the name opens a line as a dateline does: the city the
    report was filed from ("Washington - The Kurdistan Regional Government …")."""
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip() and _DATELINE_AFTER.match(text, end) is not None
