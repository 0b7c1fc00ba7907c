"""A border crossing named by the towns on its two sides: "معبر القائم –
البوكمال الحدودي", "معبر البوكمال-القائم", "the Albu Kamal-Qaim crossing".

The scanner finds the crossing by one town ("معبر القائم", "Qaim crossing")
and the other town as a place of its own.  Joined by a dash or a slash, the
two are one name: the crossing's mention covers both, and the town's mention
goes.  The town must be on the other side of the border (another country) or
the crossing's own town, so two towns of one country joined by a dash
("Raqqa-Tal Abyad crossing", a road) stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .model import Mention

__all__ = ["crossing_pairs"]

_QUOTES = "\"“”«»„'’"
# Between the two names: a dash or slash, spaces and quote marks around it; Arabic text
# also sets a lone tatweel as a dash ("معبر القائم ـ البوكمال").
_JOIN = re.compile(rf"[\s{_QUOTES}]*[-–—‐‑/\u0640][\s{_QUOTES}]*")
# A country or a province beside a crossing is where it leads, not its name.
_TOWNS = frozenset({"city", "town", "village"})
_OPENING = '“«„"'
_CLOSING = '”»"'


def crossing_pairs(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each crossing and the other side's town joined."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and _joined(text, m, nxt):
            crossing = m if _is_crossing(m) else nxt
            if _pair(crossing, nxt if crossing is m else m):
                out.append(_covering(text, crossing, m.start, nxt.end))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _joined(text: str, a: Mention, b: Mention) -> bool:
    return a.end <= b.start and _JOIN.fullmatch(text, a.end, b.start) is not None


def _is_crossing(m: Mention) -> bool:
    return m.entity.kind == "facility" and m.entity.type == "border-crossing"


def _pair(crossing: Mention, town: Mention) -> bool:
    if not _is_crossing(crossing) or town.entity.kind != "place" or town.entity.type not in _TOWNS:
        return False
    entity = crossing.entity
    return town.id == entity.parent or (town.entity.country is not None and town.entity.country != entity.country)


def _covering(text: str, crossing: Mention, start: int, end: int) -> Mention:
    span = text[start:end]
    # A quote opened inside the name closes right after it: "معبر “القائم – البوكمال”".
    if text[end : end + 1] in _CLOSING and sum(span.count(q) for q in _OPENING) > sum(span.count(q) for q in _CLOSING):
        end += 1
    return attrs.evolve(crossing, start=start, end=end, text=text[start:end])
