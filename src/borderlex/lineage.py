"""Lineages: entities that succeed one another over time.

An entity's ``successor`` names the entity that replaced it (Jabhat
al-Nusra → Jabhat Fatah al-Sham → Hayat Tahrir al-Sham).  Each entity has at
most one successor, so:

* a **merge** is several entities naming the same successor (the Syrian
  Salvation Government and the Syrian Interim Government both → the Syrian
  caretaker government); the lineage of the merged entity holds all of them;
* a **split** cannot be written as successors: the parts are entities of
  their own, and the one the tables treat as the continuation (if any) is
  the successor; the others say so in ``note``.

A lineage is ordered oldest first: every entity comes before its successor,
and, where the order is otherwise free (the branches of a merge), by
``valid_from``.  The tables are checked so that no successor starts before
its predecessor, which makes the two orders agree.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Mapping

from .dates import Period, date_range, first_day
from .errors import UnknownEntityError
from .model import Entity

__all__ = ["Lineages"]


class Lineages:
    """The successor links of a catalog, walked both ways."""

    __slots__ = ("_entities", "_predecessors")

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self._entities = entities
        self._predecessors: dict[str, list[str]] = {}
        for e in entities.values():
            if e.successor is not None:
                self._predecessors.setdefault(e.successor, []).append(e.id)

    def _get(self, entity_id: str) -> Entity:
        entity = self._entities.get(entity_id)
        if entity is None:
            raise UnknownEntityError(entity_id)
        return entity

    def lineage(self, entity_id: str) -> list[Entity]:
        """Every predecessor (transitively), the entity, then its successors, oldest first."""
        entity = self._get(entity_id)
        members = {entity.id}
        stack = [entity.id]
        while stack:
            for p in self._predecessors.get(stack.pop(), ()):
                if p not in members:
                    members.add(p)
                    stack.append(p)
        e = entity
        # The `not in members` guard keeps a malformed cycle from looping.
        while e.successor is not None and e.successor not in members and e.successor in self._entities:
            e = self._entities[e.successor]
            members.add(e.id)
        return self._ordered(members)

    def _ordered(self, members: set[str]) -> list[Entity]:
        # A topological order (predecessor before successor) that takes the
        # earliest ready entity first; undated ones go as early as they can.
        waiting = dict.fromkeys(members, 0)
        for m in members:
            s = self._entities[m].successor
            if s in waiting:
                waiting[s] += 1

        def key(e: Entity) -> tuple[dt.date, str]:
            return (first_day(e) or dt.date.min, e.id)

        ready = [key(self._entities[m]) for m, n in waiting.items() if n == 0]
        heapq.heapify(ready)
        out: list[Entity] = []
        while ready:
            e = self._entities[heapq.heappop(ready)[1]]
            out.append(e)
            s = e.successor
            if s in waiting:
                assert s is not None
                waiting[s] -= 1
                if waiting[s] == 0:
                    heapq.heappush(ready, key(self._entities[s]))
        placed = {e.id for e in out}
        # Only a cycle (which `check` refuses) leaves entities unplaced.
        out.extend(sorted((self._entities[m] for m in members - placed), key=key))
        return out

    def current(self, entity_id: str, period: Period) -> Entity:
        """Follow successors while the next one had taken over by the end of ``period``.

        A successor has taken over when its ``valid_from`` is reached; an
        undated one when its predecessor's ``valid_to`` has passed; when
        neither is dated, the link alone says it has.
        """
        e = self._get(entity_id)
        seen = {e.id}
        while e.successor is not None and e.successor not in seen:
            s = self._entities.get(e.successor)
            if s is None or not _took_over(e, s, period):
                break
            seen.add(s.id)
            e = s
        return e


def _took_over(before: Entity, after: Entity, period: Period) -> bool:
    start = first_day(after)
    if start is not None:
        return start <= period.end
    if before.valid_to is not None:
        return date_range(before.valid_to)[1] < period.end
    return True
