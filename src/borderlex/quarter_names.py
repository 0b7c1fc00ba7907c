"""A town's name that opens a quarter's name is no mention.

Arabic names a town's old quarter, its station quarter or its new quarters
by the town's name and a word after it: "درعا البلد" (the old town of Daraa),
"درعا المحطة", "حمص القديمة", "حلب الجديدة".  Such a name is another place,
one the tables lack when it is not an alias (the longest match keeps those
they hold, "الموصل القديمة"): the town alone would move the event to its
centre.  Whole name or nothing, as for capitalised runs; the words are the
vocabulary ``quarter_words_after``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .arabic_script import words_after
from .model import Mention
from .vocabulary import vocabulary

__all__ = ["outside_quarter_names"]

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
