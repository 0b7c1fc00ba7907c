"""Hierarchy: what contains what, up to the country.

An entity's ``parent`` names the entity that contains it (a facility → its
town → its governorate → its country).  Its ancestors are the parent chain,
nearest first, ending with the country: when the chain does not reach the
entity of its ``country`` code (the place of type ``country``), that is added
last.  ``children`` is the inverse: the entities whose nearest ancestor is
the given one.
"""

from __future__ import annotations

from collections.abc import Mapping

from .errors import UnknownEntityError
from .model import Entity

__all__ = ["Hierarchy"]


class Hierarchy:
    """The ``parent`` and ``country`` links of a catalog, walked both ways."""

    __slots__ = ("_children", "_countries", "_entities")

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self._entities = entities
        self._countries: dict[str, Entity] = {}
        for e in entities.values():
            if e.kind == "place" and e.type == "country" and e.country is not None:
                self._countries.setdefault(e.country, e)
        self._children: dict[str, list[Entity]] = {}
        for e in entities.values():
            up = self.ancestors(e.id)
            if up:
                self._children.setdefault(up[0].id, []).append(e)

    def _get(self, entity_id: str) -> Entity:
        entity = self._entities.get(entity_id)
        if entity is None:
            raise UnknownEntityError(entity_id)
        return entity

    def ancestors(self, entity_id: str) -> list[Entity]:
        """The parent chain, nearest first, then the entity's country unless the chain reached it."""
        entity = self._get(entity_id)
        seen = {entity.id}
        out: list[Entity] = []
        e = entity
        # The `not in seen` guard keeps a malformed cycle from looping.
        while e.parent is not None and e.parent not in seen and e.parent in self._entities:
            e = self._entities[e.parent]
            seen.add(e.id)
            out.append(e)
        country = self._countries.get(entity.country) if entity.country is not None else None
        if country is not None and country.id not in seen:
            out.append(country)
        return out

    def within(self, entity_id: str, ancestor_id: str) -> bool:
        """Whether ``ancestor_id`` is among the ancestors of ``entity_id``."""
        self._get(ancestor_id)
        return any(a.id == ancestor_id for a in self.ancestors(entity_id))

    def children(self, entity_id: str) -> list[Entity]:
        """The entities whose nearest ancestor is this one, in table order."""
        self._get(entity_id)
        return list(self._children.get(entity_id, ()))
