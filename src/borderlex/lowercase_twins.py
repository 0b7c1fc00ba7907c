"""A word capitalised only because a sentence or a headline opens with it,
which the same text writes in lowercase elsewhere, is a common noun: "Sarin
was used in Syria attack … traces of sarin" names the nerve agent, not the
village Sirrin (whose map spelling "Serrin" has its key).  Only a match that
is not an alias as written is dropped so: a name the tables hold as written
keeps its say ("Coalition strikes … the coalition said" is the coalition)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Mention, Method

__all__ = ["without_lowercase_twins"]

# What may stand between a sentence's end (or a line's start) and its first word.
_OPENERS = " \t\"“'‘(«"
_ENDS = ".!?\n:;—–"
_ONE_WORD = re.compile(r"[A-Z][a-zà-ÿ]+")
# A word as the twin is looked for: a run of word characters and hyphens ("sarin", not "sarin-laced").
_WORD = re.compile(r"[\w-]+")


def without_lowercase_twins(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without one-word Latin names read by their key or folded
    spelling at a sentence's start whose lowercase form the text also writes."""
    words: set[str] | None = None  # the text's words, read once if a mention needs them
    out = []
    for m in mentions:
        if _opens_a_sentence_by_key(text, m):
            if words is None:
                words = set(_WORD.findall(text))
            if m.text.lower() in words:
                continue
        out.append(m)
    return out


def _opens_a_sentence_by_key(text: str, m: Mention) -> bool:
    if not _ONE_WORD.fullmatch(m.text):
        return False
    if m.match.method is Method.EXACT:
        return False
    before = text[max(0, m.start - 4) : m.start].rstrip(_OPENERS)
    return not before or before[-1] in _ENDS
