"""A district's name written with its seat's other names: "قضاء الطوز".

An Iraqi district (قضاء) or a sub-district (ناحية) is named after the town
that is its seat, and the Arabic press writes the designator with whatever
name it gives that town: the tables' "قضاء طوزخورماتو" is "قضاء الطوز" as
often, and "ناحية سيدكان" is the sub-district whatever the town is called.
A district or sub-district of the tables whose Arabic name is such a
designator and a town's name — one town of the same governorate, so the
link is sure — is also indexed with the designator and each other Arabic
name of that town: a strong name, for the designator says what is named
(the bare town's name stays the town's).
"""

from __future__ import annotations

from collections.abc import Iterable

from .arabic_script import has_arabic_script, orthographic_form
from .model import Entity

__all__ = ["seat_names"]

#: The Arabic words that open a district's or a sub-district's name.
_DESIGNATORS = frozenset({"قضاء", "ناحية"})
_DIVISIONS = frozenset({"district", "subdistrict"})
_SEATS = frozenset({"city", "town", "village"})


def seat_names(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """By district or sub-district id, its designator with its seat's other Arabic names."""
    entities = list(entities)
    by_id = {e.id: e for e in entities}
    towns: dict[str, list[Entity]] = {}
    for e in entities:
        if e.kind == "place" and e.type in _SEATS:
            for name in e.strong_names:
                if has_arabic_script(name):
                    towns.setdefault(orthographic_form(name), []).append(e)
    out: dict[str, list[str]] = {}
    for e in entities:
        if e.kind != "place" or e.type not in _DIVISIONS:
            continue
        region = _governorate(e, by_id)
        own = set(e.strong_names) | set(e.weak)
        forms: list[str] = []
        for name in e.strong_names:
            head, _, rest = name.partition(" ")
            if head not in _DESIGNATORS or not rest:
                continue
            seats = {t.id: t for t in towns.get(orthographic_form(rest), ()) if t.parent == region}
            if len(seats) != 1:
                continue  # no town, or several of that name: nothing sure
            (seat,) = seats.values()
            forms += [f"{head} {other}" for other in seat.strong_names if has_arabic_script(other)]
        forms = [f for f in dict.fromkeys(forms) if f not in own]
        if forms:
            out[e.id] = forms
    return out


def _governorate(e: Entity, by_id: dict[str, Entity]) -> str | None:
    """The governorate ``e`` lies in: its parent's, up the chain of districts."""
    parent = e.parent
    for _ in range(3):
        up = by_id.get(parent) if parent is not None else None
        if up is None or up.type not in _DIVISIONS:
            return parent
        parent = up.parent
    return parent
