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
from .name_keys import name_key, split_glued_article
from .vocabulary import vocabulary

__all__ = ["common_given_pair", "family_takes_article", "never_takes_article", "opens_with_article"]

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


def common_given_pair(norm: str) -> bool:
    """Whether the normalized name ``norm`` is two of the commonest given names
    (vocabulary ``common_given_names``) and no article: "mohamed hassan",
    "ali omar".  Such a name is too many men's to be one with an article
    that the key dropped (see :func:`family_takes_article`)."""
    words = norm.split()
    return len(words) == 2 and all(name_key(w).joined in _common_given() for w in words)


def family_takes_article(alias: str) -> bool:
    """Whether an alias's last word, the family name, takes the article:
    "Mohamed Al Hassan", "Ali al-Omar", "محمد الحسان"."""
    if has_arabic_script(alias):
        words = alias.split()
        return len(words) > 1 and words[-1].startswith("ال")
    words = normalize(alias).split()
    return len(words) > 2 and words[-2] in _OPENING


@functools.cache
def _common_given() -> frozenset[str]:
    return frozenset(name_key(w).joined for w in vocabulary().common_given_names)
