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

from collections.abc import Iterable

from .arabic_script import has_arabic_script, orthographic_form
from .model import Entity
from .vocabulary import vocabulary

__all__ = ["is_unit_core", "unit_cores"]

_LEAST = 4  # words in the full name: the unit word and three


def unit_cores(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """By organisation id, its Arabic names without their opening unit word."""
    entities = list(entities)
    heads = {orthographic_form(h) for h in vocabulary().arabic_unit_heads}
    names: dict[str, set[str]] = {}  # every name as written, orthography aside: the entities that have it
    for e in entities:
        for name in (*e.strong_names, *e.weak):
            names.setdefault(orthographic_form(name), set()).add(e.id)
    out: dict[str, list[str]] = {}
    for e in entities:
        if e.kind != "org":
            continue
        cores = [
            " ".join(words[1:])
            for name in e.strong_names
            if has_arabic_script(name) and len(words := name.split()) >= _LEAST and orthographic_form(words[0]) in heads
        ]
        cores = [c for c in cores if names.get(orthographic_form(c), {e.id}) == {e.id}]
        if cores:
            out[e.id] = list(dict.fromkeys(cores))
    return out


def is_unit_core(entity: Entity, alias: str) -> bool:
    """Whether ``alias`` is one of ``entity``'s names without its unit word (see :func:`unit_cores`)."""
    if entity.kind != "org" or not has_arabic_script(alias) or alias in entity.strong_names:
        return False
    heads = {orthographic_form(h) for h in vocabulary().arabic_unit_heads}
    core = orthographic_form(alias)
    return any(
        len(words) >= _LEAST and orthographic_form(words[0]) in heads and orthographic_form(" ".join(words[1:])) == core
        for words in (n.split() for n in entity.strong_names)
    )
