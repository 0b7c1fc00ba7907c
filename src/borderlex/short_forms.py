"""An organisation's name without its form word, after the text named it in
full: "the Northern Hawks" after "the Northern Hawks Brigade", "the Hamza"
not (one word is too little).

Reports name a group in full once and shorten it afterwards; the tables
cannot list every short form (many are words or other names alone), so the
scanner reads them from the text, as it reads a person's surname
(``borderlex.surnames``): the capitalised words of the full name before its
last word, when that word is an organisation-form word (vocabulary
``org_words``: "Brigade", "Division", "Forces", "Front" …), two words or
more, written whole after the full name, name that organisation — unless two
organisations of the text share them.
"""

from __future__ import annotations

import re

import attrs

from .arabic_script import has_arabic_script
from .folding import normalize
from .literal_hits import finditer
from .mention_edges import is_nationality
from .model import Mention, Method
from .placed_mentions import PlacedMentions
from .vocabulary import vocabulary

__all__ = ["short_form_mentions"]

# A capitalised word right after a short form makes it part of a longer name.
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_][\w'’-]*)")
_NISBA = ("ي", "ية", "يه")


def short_form_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the short forms of the organisations named in full,
    where they stand alone after the full name (method ``context``)."""
    owners: dict[str, set[str]] = {}
    full: dict[str, Mention] = {}
    for m in mentions:
        form = _short_form(m)
        if form is not None:
            owners.setdefault(form, set()).add(m.id)
            full.setdefault(form, m)
    placed = PlacedMentions(mentions)
    added = False
    for form, ids in owners.items():
        if len(ids) != 1:
            continue  # two organisations of the text share it
        org = full[form]
        arabic = not form.isascii()
        # An Arabic short form may follow a proclitic ("بوزارة الدفاع"), which stays outside.
        before = "(?<!\\w)[وبلفك]?" if arabic else "(?<![\\w‐-])"
        for hit in finditer(rf"{before}({re.escape(form)})(?![\w‐-])", text, form, 1 if arabic else 0):
            start, end = hit.span(1)
            after = _NEXT_WORD.match(text, end)
            # A capitalised word, or an Arabic adjective with the article, makes a longer name
            # ("وزارة الدفاع الروسية", the Russian one).
            longer = after is not None and (
                after.group(1)[:1].isupper()
                or (arabic and after.group(1).startswith("ال") and after.group(1).endswith(_NISBA))
            )
            if start < org.end or longer:
                continue
            if placed.overlapping(start, end):
                continue
            match = attrs.evolve(org.match, query=form, score=90.0, method=Method.CONTEXT, weak=False)
            placed.append(Mention(start, end, form, org.id, org.entity, match))
            added = True
    out = placed.items if added else mentions
    found = _back_references(text, out)
    return sorted(out + found, key=lambda m: m.start) if found else out


# "the Observatory", "l'Observatoire": a head noun, capitalised, after an article.
_LATIN_HEAD = re.compile(r"(?<![\w‐-])(?:[Tt]he[ \u00a0]+|[Ll]['’]|[Ll][ea][ \u00a0]+)([A-Z][a-zé]+)(?![\w‐-])")
# A French complement after the noun makes a longer name ("le Parti du renouveau"), as does an
# adjective ("la Coalition internationale").
_FRENCH_OF = re.compile(r"[ \u00a0]+(?:du|des|de[ \u00a0]+la|de[ \u00a0]+l['’])[ \u00a0]*[a-zé]")
_FRENCH_ADJECTIVE = re.compile(r"[ \u00a0]+[a-zé]+(?:al|ale|aux|ien|ienne|ais|aise|ique|aire|iste|ain|aine)\b")


def _back_references(text: str, mentions: list[Mention]) -> list[Mention]:
    """The head nouns (vocabulary ``back_references``) that name the one
    organisation of the text whose name has them, after that name: "the
    Observatory", "l'Observatoire" after the Syrian Observatory for Human
    Rights named in full."""
    heads = vocabulary().back_references
    owners: dict[str, dict[str, Mention]] = {}
    for m in mentions:
        if m.entity.kind == "org":
            for word in _head_words(m.text, heads):
                owners.setdefault(word, {}).setdefault(m.id, m)
    found: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for hit, word in _head_hits(text, owners):
        start, end = hit
        if len(owners[word]) != 1 or any(s < end and start < e for s, e in taken):
            continue
        org = next(iter(owners[word].values()))
        if start < org.end:
            continue
        query = text[start:end]
        match = attrs.evolve(org.match, query=query, score=90.0, method=Method.CONTEXT, weak=False)
        found.append(Mention(start, end, query, org.id, org.entity, match))
        taken.append((start, end))
    return found


def _head_words(name: str, heads: frozenset[str]) -> list[str]:
    """The back-reference words of an organisation's Latin-script name."""
    return [w for w in (normalize(x) for x in name.split()) if w in heads] if name.isascii() else []


def _head_hits(text: str, owners: dict[str, dict[str, Mention]]) -> list[tuple[tuple[int, int], str]]:
    out: list[tuple[tuple[int, int], str]] = []
    for m in _LATIN_HEAD.finditer(text) if owners else ():
        word = normalize(m.group(1))
        if word in owners and not _longer_after(text, m.end(1), french=not m.group().lower().startswith("the")):
            out.append((m.span(1), word))
    return out


def _longer_after(text: str, end: int, *, french: bool) -> bool:
    """Whether a capitalised word, or "of"/"de" and one, or "for"/"pour"
    follows: a longer name."""
    after = _NEXT_WORD.match(text, end)
    if after is not None and after.group(1)[:1].isupper():
        return True
    if re.match(r"[ \u00a0]+(?:of|de|d['’]|du|des)[ \u00a0]*[A-Z]", text[end : end + 12]):
        return True
    if re.match(r"[ \u00a0]+(?:for|pour)[ \u00a0]", text[end : end + 8]):
        return True  # "le Parti pour une vie libre du Kurdistan", "the Party for Free Life"
    if french and _FRENCH_OF.match(text, end):
        return True  # "le Parti du renouveau": French names go on in lower case after "du", "de la"
    return french and _FRENCH_ADJECTIVE.match(text, end) is not None


def _short_form(m: Mention) -> str | None:
    """The capitalised words before a Latin organisation name's form word; an
    Arabic organisation name without its last word, a nationality ("وزارة
    الدفاع السورية" → "وزارة الدفاع", the Syrian defence ministry)."""
    if m.entity.kind != "org":
        return None
    if not m.text.isascii():
        return _arabic_short_form(m.text)
    words = m.text.split()
    if len(words) < 3 or normalize(words[-1]) not in vocabulary().org_words:
        return None
    head = words[:-1]
    words_of = vocabulary()
    if not all(w[:1].isupper() for w in head) or normalize(head[0]) in words_of.org_words:
        return None
    # A nationality or an adjective is no name: "Free Syrian" (Army), "Syrian Democratic" (Forces).
    if any(normalize(w) in words_of.demonyms for w in head) or _ADJECTIVE.search(head[-1]):
        return None
    return " ".join(head)


# English adjective endings: "Democratic", "National", "Revolutionary", "Kurdish".
_ADJECTIVE = re.compile(r"(?:ic|al|an|ish|ese|ary)$")


def _arabic_short_form(text: str) -> str | None:
    words = text.split()
    if len(words) < 3 or not has_arabic_script(text):
        return None
    return " ".join(words[:-1]) if is_nationality(words[-1]) else None
