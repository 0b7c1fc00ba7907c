"""A town's name that opens a quarter's name is no mention.

Arabic names a town's old quarter, its station quarter or its new quarters
by the town's name and a word after it: "درعا البلد" (the old town of Daraa),
"درعا المحطة", "حمص القديمة", "حلب الجديدة".  Such a name is another place,
one the tables lack when it is not an alias (the longest match keeps those
they hold, "الموصل القديمة"): the town alone would move the event to its
centre.  Whole name or nothing, as for capitalised runs; the words are the
vocabulary ``quarter_words_after``.

English names a town's old quarter "the Old City" after the town's name
("Mosul’s Old City", "the Old City of Mosul"), and then alone: that is the
quarter the tables hold as "Old <town>" (``place:old-mosul``), when they do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from .arabic_script import words_after
from .model import Match, Mention, Method
from .vocabulary import vocabulary

__all__ = ["old_city_mentions", "outside_quarter_names"]

# Not a country's or a governorate's name: "سوريا الجديدة" is *the new Syria*.
_TOWNS = frozenset({"city", "town", "village"})


def outside_quarter_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without the towns whose name opens a quarter's name."""
    words = vocabulary().quarter_words_after
    return [
        m for m in mentions if not (m.entity.kind == "place" and m.entity.type in _TOWNS and _before(text, m, words))
    ]


def _before(text: str, m: Mention, words: frozenset[str]) -> bool:
    after = words_after(text, m.end, 1)
    return bool(after) and after[0][0] == m.end + 1 and after[0][1] in words


_OLD_CITY = re.compile(r"(?<![\w-])Old City(?![\w-])")
# What joins a town to "Old City" before it ("Mosul’s ", "Mosul ") and after it (" of ", " of the ").
_JOIN_BEFORE = re.compile(r"(?:['’]s)? ")
_JOIN_AFTER = re.compile(r" of (?:the )?")


def old_city_mentions(text: str, mentions: Sequence[Mention], resolve: Callable[[str], Match | None]) -> list[Mention]:
    """``mentions`` with each "Old City" the text names a town's: right after
    the town's name and its possessive, or before "of" and its name; the
    others ("Old City" alone) are the first such one's. ``resolve`` finds
    the quarter, "Old <town>", which must be a part of that town."""
    hits = [h for h in _OLD_CITY.finditer(text) if not any(m.start < h.end() and h.start() < m.end for m in mentions)]
    if not hits:
        return list(mentions)
    towns = [m for m in mentions if m.entity.kind == "place" and m.entity.type in _TOWNS]
    found: list[tuple[int, int, Match]] = []
    for hit in hits:
        start, end = hit.span()
        town = next((t for t in towns if t.end <= start and _JOIN_BEFORE.fullmatch(text, t.end, start)), None)
        town = town or next((t for t in towns if end <= t.start and _JOIN_AFTER.fullmatch(text, end, t.start)), None)
        if town is None:
            continue
        quarter = resolve(f"Old {town.entity.name}")
        if quarter is not None and quarter.entity.parent == town.id:
            found.append((start, end, quarter))
    if not found:
        return list(mentions)
    first = found[0][2]
    taken = {start for start, _, _ in found}
    found += [(h.start(), h.end(), first) for h in hits if h.start() not in taken]
    added = [
        Mention(
            start, end, text[start:end], q.id, q.entity, attrs.evolve(q, query=text[start:end], method=Method.CONTEXT)
        )
        for start, end, q in found
    ]
    return sorted([*mentions, *added], key=lambda m: m.start)
