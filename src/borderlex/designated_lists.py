"""A plural or dual designator before a list of names: "محافظات دير الزور
والرقة والحسكة" (the governorates of Deir ez-Zor, Raqqa and Hasakah),
"محافظتي اللاذقية وطرطوس" (the two governorates of Latakia and Tartus); and
an office's word before its seat: "محافظ البصرة", the governor of Basra.

The designator names the class of every name of the list, not only the first;
the words are vocabulary ``plural_designators``.  The mentions keep their
spans (the shared head stays outside, as the corpus guide writes them); only
their entity is steered, as a singular designator steers one name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from .arabic_script import words_before
from .model import DESIGNATES, Entity, Mention
from .vocabulary import vocabulary

__all__ = ["designated_lists"]

# What may stand between two names of a list: "و" (glued to the next name as
# a proclitic, so outside its span), commas, spaces.
_LINKS = frozenset({"و", "،", ",", "، و", ", و", "،و", ",و"})


def designated_lists(
    text: str, mentions: Sequence[Mention], steer: Callable[[Entity, str, str], Entity]
) -> list[Mention]:
    """``mentions`` with the names of each list after a plural designator
    steered to the designator's class by ``steer(entity, span, cls)``."""
    out = list(mentions)
    words = vocabulary()
    plural, proclitics = words.plural_designators, words.proclitics
    cls: str | None = None
    for i, m in enumerate(out):
        if cls is not None and _linked(text, out[i - 1], m):
            out[i] = _steered(m, steer(m.entity, m.text, cls), cls)
            continue
        cls = None
        at = m.start - 1 if m.start and text[m.start - 1] in proclitics else m.start  # "محافظا لكركوك"
        before = words_before(text, at, 1)
        if before and m.entity.kind == "place":
            word = before[0][1]
            # The classes were checked with the designators' (borderlex.name_keys).
            cls = plural.get(word) or (plural.get(word[1:]) if word[:1] in proclitics else None)
            if cls is not None:
                out[i] = _steered(m, steer(m.entity, m.text, cls), cls)
    return out


def _linked(text: str, previous: Mention, m: Mention) -> bool:
    gap = text[previous.end : m.start].strip()
    return m.entity.kind == "place" and " ".join(gap.split()) in _LINKS


def _steered(m: Mention, entity: Entity, cls: str) -> Mention:
    if entity is m.entity or entity.type not in DESIGNATES[cls]:
        return m
    match = attrs.evolve(m.match, id=entity.id, entity=entity)
    return attrs.evolve(m, id=entity.id, entity=entity, match=match)
