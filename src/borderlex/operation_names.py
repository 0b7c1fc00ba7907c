"""A place's name inside a military operation's name is no mention.

Operations are named with a place: "درع الفرات" (*Euphrates Shield*), "عاصفة
الجزيرة" (*Jazira Storm*), "Bouclier de l'Euphrate", "Wrath of Khabur".  Operations are not
entities (the annotation guide leaves them out), and the river or region in
the name is not where anything happened.  Arabic has no capitals to show the
name's run, so the word that opens it (vocabulary ``operation_heads``) does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .arabic_names import word_before
from .arabic_script import CLOSING_QUOTES, OPENING_QUOTES, words_before
from .folding import normalize
from .model import Mention
from .texts_country import WORD_BEFORE
from .vocabulary import vocabulary

__all__ = ["outside_operation_names"]

# A Latin head, then "de", "du", "de la" or "d'"/"de l'", or "of" (perhaps "the"), right before a name.
_LATIN_HEAD = re.compile(
    r"([^\W\d_]+)[ \u00a0]+"
    r"(?:de[ \u00a0]+la[ \u00a0]+|du[ \u00a0]+|de[ \u00a0]+l?['’]?|d['’]|[Oo]f[ \u00a0]+(?:[Tt]he[ \u00a0]+)?)\Z"
)
_QUOTES = "\"“”«»„'"


def outside_operation_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without the places that are part of an operation's name."""
    heads = vocabulary().operation_heads
    return [
        m
        for m in mentions
        if m.entity.kind != "place"
        or not (_after_head(text, m.start, heads) or _after_quoted_head(text, m.start) or _in_quoted_operation(text, m))
    ]


def _after_quoted_head(text: str, start: int) -> bool:
    """Whether a word of vocabulary ``quoted_operation_heads`` stands right
    before ``start`` with an opening quote mark before it: «غضب الفرات», « Colère
    de l'Euphrate » (unquoted, the word is *anger*: "يثير غضب بغداد")."""
    heads = vocabulary().quoted_operation_heads
    before = words_before(text, start, 1)
    if before:
        at, word = before[0]
        return word in heads and text[:at].rstrip(" \u00a0")[-1:] in OPENING_QUOTES
    latin = _LATIN_HEAD.search(text, max(0, start - 40), start)
    return (
        latin is not None
        and normalize(latin.group(1)) in heads
        and text[: latin.start()].rstrip(" \u00a0")[-1:] in OPENING_QUOTES
    )


def _in_quoted_operation(text: str, m: Mention) -> bool:
    """Whether ``m`` is a word of a quoted name after a word for an
    operation or a battle (vocabulary ``operation_words``): "عملية “غضب
    الفرات”", "l'opération «Griffes du Tigre»"; not the quotation's whole
    name ("معركة “الرقة”", "Opération « Mossoul »": the place it is for)."""
    opened = max(text.rfind(q, max(0, m.start - _REACH), m.start) for q in OPENING_QUOTES)
    if opened < 0 or any(q in text[opened + 1 : m.start] for q in CLOSING_QUOTES):
        return False
    closed = min((i for q in CLOSING_QUOTES if (i := text.find(q, m.end, m.end + _REACH)) >= 0), default=-1)
    if closed < 0 or text[opened + 1 : closed].strip(" \u00a0") == m.text:
        return False
    forms = word_before(text, opened)
    latin = WORD_BEFORE.search(text, max(0, opened - 30), opened)
    words = (*forms, *(f.removeprefix("ال") for f in forms), *([normalize(latin.group(1))] if latin else []))
    return any(f in vocabulary().operation_words for f in words)


def _hashtag_word_before(text: str, start: int) -> tuple[str, ...]:
    """The Arabic word joined to ``start`` by a hashtag's underscore
    ("#درع_الفرات"), as :func:`word_before` gives it; nothing otherwise."""
    if start < 2 or text[start - 1] != "_":
        return ()
    return word_before(text[: start - 1] + " ", start)


# How far a quotation's marks may stand from the mention inside it.
_REACH = 60


def _after_head(text: str, start: int, heads: frozenset[str]) -> bool:
    if any(f in heads for f in (*word_before(text, start), *_hashtag_word_before(text, start))):
        return True
    latin = _LATIN_HEAD.search(text, max(0, start - 40), start)
    return latin is not None and normalize(latin.group(1).strip(_QUOTES)) in heads
