"""Arabic armed groups named without their unit word.

"لواء أبو الفضل العباس" (the Abu al-Fadl al-Abbas Brigade) is "مليشيا أبو
الفضل العباس" in a report that calls it a militia: the name after the
tables' unit word (vocabulary ``arabic_unit_heads``: لواء، كتائب، سرايا …)
is the group's too.  Three words or more must be left, and no other entity
may have them as a name ("كتائب حزب الله" leaves Hezbollah's): a weak name,
and one that counts only right after a word for "militia" or "organisation"
(vocabulary ``leading_descriptors``; ``borderlex.scan_support``), for such
names are also those of the people and places the groups are named after
(Abu al-Fadl al-Abbas is a shrine's saint; "أنصار السنة" was another group).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .arabic_script import has_arabic_script, orthographic_form
from .model import Entity
from .vocabulary import vocabulary

__all__ = ["is_unit_core", "unit_cores"]

_LEAST = 4  # words in the full name: the unit word and three


def unit_cores(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """By organisation id, its Arabic names without their opening unit word."""
    entities = list(entities)
    names: dict[str, set[str]] = {}  # every name as written, orthography aside: the entities that have it
    for e in entities:
        for name in (*e.strong_names, *e.weak):
            names.setdefault(orthographic_form(name), set()).add(e.id)
    out: dict[str, list[str]] = {}
    for e in entities:
        cores = [c for c in _cores(e) if names.get(orthographic_form(c), {e.id}) == {e.id}]
        if cores:
            out[e.id] = list(dict.fromkeys(cores))
    return out


def is_unit_core(entity: Entity, alias: str) -> bool:
    """Whether ``alias`` is one of ``entity``'s names without its unit word (see :func:`unit_cores`)."""
    if not has_arabic_script(alias) or alias in entity.strong_names:
        return False
    core = orthographic_form(alias)
    return any(orthographic_form(c) == core for c in _cores(entity))


def _cores(entity: Entity) -> list[str]:
    """An organisation's Arabic names of four words or more that open with a unit word, without it."""
    if entity.kind != "org":
        return []
    heads = _unit_heads()
    return [
        " ".join(words[1:])
        for name in entity.strong_names
        if has_arabic_script(name) and len(words := name.split()) >= _LEAST and orthographic_form(words[0]) in heads
    ]


@functools.cache
def _unit_heads() -> frozenset[str]:
    return frozenset(orthographic_form(h) for h in vocabulary().arabic_unit_heads)
