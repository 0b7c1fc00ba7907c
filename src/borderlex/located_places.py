"""A place the text locates elsewhere is a namesake.

Many villages share a name ("المنصورة", "الحميدية"); Arabic reports say where
a small place is: "قرية المنصورة بريف حلب الغربي", al-Mansoura in the western
countryside of Aleppo.  When the place the tables know by that name lies in
another governorate (its parents do not reach the one the text names), the
text names a place the tables lack, and the mention is dropped: for a
village or a quarter, or a name the tables hold as weak (one too often
something else), not for a town's own name ("… حديثة في محافظة صلاح الدين"
may place the whole phrase it ends).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .model import Entity, Mention

__all__ = ["located_elsewhere", "parents"]

# "بريف", "في ريف", "بمحافظة", "في محافظة" between a place and the place it lies in.
_LOCATOR = re.compile(r"[ \u00a0]+(?:ب|في[ \u00a0]+)(ريف|محافظة)[ \u00a0]+")
# "بحلب", "في حلب", "وسط مدينة حلب" (in the middle of the city of Aleppo).
_IN = re.compile(r"[ \u00a0]+(?:ب|(?:في|وسط)[ \u00a0]+)(?:مدينة[ \u00a0]+)?")
_HEADS = ("ريف", "محافظة")
# The word for a city's quarter, perhaps after a proclitic, right before a name.
_QUARTER_BEFORE = re.compile(r"(?:^|[ \u00a0])[وفب]?ب?حي[ \u00a0]+\Z")
_LOCAL = frozenset({"city", "town", "village", "area", "subdistrict", "district"})
# Places so small that their names recur from governorate to governorate.
_SMALL = frozenset({"village", "area"})


def located_elsewhere(
    text: str,
    mentions: Sequence[Mention],
    entity: Callable[[str | None], Entity | None],
    resolve: Callable[[str], Entity | None],
) -> list[Mention]:
    """``mentions`` without the places the text locates in a governorate
    their parents do not reach; ``entity`` gives an entity by id,
    ``resolve`` the place a text names ("ريف دمشق", Rif Dimashq)."""
    out = list(mentions)
    for i in range(len(mentions) - 1, -1, -1):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is None or m.entity.kind != "place" or m.entity.type not in _LOCAL or nxt.entity.kind != "place":
            continue
        # "حي العمارة بجبلة": a quarter named after a town, in another town.
        quarter = _QUARTER_BEFORE.search(text, max(0, m.start - 8), m.start) is not None
        if not (m.match.weak or m.entity.type in _SMALL or quarter):
            continue  # a town's own name: "in Salahuddin" may locate the phrase it ends, not the town
        found = _LOCATOR.fullmatch(text, m.end, nxt.start)
        if found is None and not ((quarter or nxt.text.startswith(_HEADS)) and _IN.fullmatch(text, m.end, nxt.start)):
            continue  # "ببيلا بريف دمشق" whose "ريف دمشق" is the governorate's own name
        up = parents(m.entity, entity)
        if not up:
            continue  # where the tables put it is not known: nothing to disagree with
        where = {nxt.id, *parents(nxt.entity, entity)}
        if found is not None and found.group(1) == "ريف":  # "ريف دمشق" is a governorate of its own
            rural = resolve(f"ريف {nxt.text}")
            if rural is not None:
                where.add(rural.id)
        if not up & where:
            del out[i]
    return out


def parents(e: Entity, entity: Callable[[str | None], Entity | None]) -> set[str]:
    """The ids of ``e``'s parents up the chain (a few steps; no country)."""
    ids: set[str] = set()
    parent = entity(e.parent)
    while parent is not None and parent.id not in ids and parent.type != "country" and len(ids) < 6:
        ids.add(parent.id)
        parent = entity(parent.parent)
    return ids
