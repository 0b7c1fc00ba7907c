"""Electoral alliances named with another word for "alliance".

The press names an Iraqi electoral alliance by its own word and the reader's:
the tables' "Azm Alliance" is "Azm Coalition" elsewhere, and "Nasr" (the
Victory alliance) is "the Nasr Coalition".  A political party's or
coalition's Latin name that ends (English) or opens (French) with a word of
the vocabulary ``bloc_heads`` is also written with each other word of its
language, and its short name (one of its weak aliases, or a one-word name)
with each English one:
strong names, for a capitalised head word says what the name names.  Arabic
puts the head word outside the name ("كتلة الفتح" is the Fatah bloc, named
الفتح; the corpus guide): a word of ``quoted_name_heads`` before a weak name
vouches for it instead (``borderlex.scan_support``).

A news agency's Arabic name is written with or without the word for "news"
("وكالة فارس", "وكالة أنباء فارس"): an outlet's Arabic name opening with a
phrase of the vocabulary ``agency_heads`` is also written with each other.
"""

from __future__ import annotations

from .arabic_script import has_arabic_script
from .folding import normalize
from .model import Entity
from .vocabulary import vocabulary

__all__ = ["agency_names", "bloc_names"]

_POLITICAL = frozenset({"political-party", "coalition"})


def bloc_names(entity: Entity) -> tuple[str, ...]:
    """The names of ``entity`` with another bloc word (see the module's docstring)."""
    if entity.kind != "org" or entity.type not in _POLITICAL:
        return ()
    heads = vocabulary().bloc_heads
    forms: list[str] = []
    for name in entity.strong_names:
        words = name.split()
        if len(words) < 2:
            continue
        if has_arabic_script(name):
            continue
        if normalize(words[-1]) in heads["en"]:
            forms += [f"{' '.join(words[:-1])} {h.title()}" for h in heads["en"]]
        elif normalize(words[0]) in heads["fr"]:
            forms += [f"{h.title()} {' '.join(words[1:])}" for h in heads["fr"]]
    # Its short name, weak or a one-word name of its own ("Sadiqoon Bloc"), with each English one.
    for short in (*entity.weak, *(n for n in entity.strong_names if len(n.split()) == 1)):
        if not has_arabic_script(short) and short[:1].isupper():
            forms += [f"{short} {h.title()}" for h in heads["en"]]
    own = set(entity.strong_names)
    return tuple(dict.fromkeys(f for f in forms if f not in own))


def agency_names(entity: Entity) -> tuple[str, ...]:
    """The Arabic names of an outlet with another agency phrase (see the module's docstring)."""
    if entity.kind != "org" or entity.type != "media":
        return ()
    # Longest first: "وكالة أنباء فارس" opens with "وكالة أنباء", not with "وكالة" and a name "أنباء فارس".
    heads = sorted(vocabulary().agency_heads, key=len, reverse=True)
    forms: list[str] = []
    for name in entity.strong_names:
        head = next((h for h in heads if name.startswith(h + " ")), None)
        if head is None:
            continue
        rest = name[len(head) + 1 :]
        if rest.startswith("ال"):
            continue  # "وكالة الأنباء الألمانية": an adjective, not a name, follows
        forms += [f"{h} {rest}" for h in heads if h != head]
    own = set(entity.strong_names)
    return tuple(dict.fromkeys(f for f in forms if f not in own))
