"""A place's name with a number after it names something else.

Camps, sites and wells are numbered after the place they are near: "Jeddah
5" and "Jeddah 1" are camps south of Mosul, not the Saudi city; "Hol 2".
In well-edited text a number does not otherwise follow a place's name
without punctuation, but for a date ("Damascus 12 March") or a quantity
("Mosul 3 km"), which still name the place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .folding import normalize
from .model import Mention
from .vocabulary import vocabulary

__all__ = ["outside_numbered_names"]

# One or two digits right after the name (not a decimal, a percentage or a
# longer number), then the next word, if any.
_NUMBER_AFTER = re.compile(r"[ \u00a0]\d{1,2}(?![\d%]|[.,:/-]\d)(?:[ \u00a0]+([^\W\d_]+))?")


def outside_numbered_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without the places followed by a number that makes another
    name: in Arabic, only a number that ends the line or the clause."""
    return [m for m in mentions if m.entity.kind != "place" or not _numbered(text, m)]


def _numbered(text: str, m: Mention) -> bool:
    after = _NUMBER_AFTER.match(text, m.end)
    if after is None:
        return False
    if after.group(1) is None:
        return True  # "Syria 24", "سورية 24": an outlet's name, a camp's
    if not m.text[:1].isascii():
        return False  # Arabic writes a date or a quantity after a place with words not listed
    word, words = normalize(after.group(1)), vocabulary()
    return word not in words.measure_words and word not in words.time_words
