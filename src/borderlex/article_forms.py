"""The Arabic article in a name as written, and whether an entity's names ever take it.

The press writes "al-Rawad", "Alwan", "Al-Anbar": a name with the article. Read by its
key, the article is dropped, and "al-Rawad" would be Arwad (أرواد), "Alwan" the Turkish
Van (وان): names that never take the article in any of the tables' spellings, Arabic
ones among them. A name written with the article is no name of such an entity.
"""

from __future__ import annotations

import functools

from .arabic_script import has_arabic_script
from .folding import normalize
from .model import Entity
from .name_keys import split_glued_article
from .vocabulary import vocabulary

__all__ = ["never_takes_article", "opens_with_article"]

# The article alone, or glued to the word ("Alwan", "Elbab"); not the other romanized articles
# ("as", "an", "at" are English words), which the tables' spellings show for the entity's side.
_OPENING = frozenset({"al", "el"})


def opens_with_article(norm: str) -> bool:
    """Whether the normalized name ``norm`` opens with the article "al"/"el", apart
    ("al rawad") or glued ("alwan")."""
    words = norm.split()
    if not words:
        return False
    if words[0] in _OPENING:
        return len(words) > 1
    return split_glued_article(words[0]) != words[0] and words[0][:2] in _OPENING


@functools.lru_cache(maxsize=1 << 16)
def never_takes_article(entity: Entity) -> bool:
    """Whether the tables show that no name of ``entity`` takes the article: it has
    an Arabic name, and neither that nor any romanized one has it ("أرواد", "Arwad";
    not "الأنبار", "Deir ez-Zor", "عين العرب"). Without an Arabic name the tables do
    not tell ("al-Matraba" may well be the Matraba crossing)."""
    names = (entity.name, *entity.aliases, *entity.weak)
    if not any(map(has_arabic_script, names)):
        return False
    articles = vocabulary().articles
    return not any(
        w.startswith("ال") or w in articles or split_glued_article(w) != w
        for name in names
        for w in (name.split() if "ال" in name else normalize(name).split())
    )
