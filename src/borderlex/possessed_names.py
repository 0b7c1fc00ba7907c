"""A state's institution after its country's possessive: "Iraq's Ministry of
Water Resources", "Syria's Defense Ministry", "Turkey's Defence Ministry".

The tables list such a body with its country's adjective ("Iraqi Ministry of
Water Resources"), and its name alone ("Ministry of Water Resources") names
no one country's.  After a country's mention and "'s", the capitalised words
that follow are read with the country's adjective, longest first, and taken
when they so name an organisation of that country, exactly or by its key.
The country keeps its own mention; a title ("Iraq's Prime Minister …") is
no institution's name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .folding import normalize
from .model import Match, Mention, Method
from .vocabulary import vocabulary

__all__ = ["after_possessive_country"]

# "'s" right after the country, then capitalised words with "of", "and", "for", "the" between.
_RUN = re.compile(r"['’]s ([A-Z][\w’'-]*(?: (?:of|and|for|the|[A-Z][\w’'-]*))*)")
_SMALL = frozenset(("of", "and", "for", "the"))
_LONGEST = 7  # words of a name read


def after_possessive_country(
    text: str, mentions: list[Mention], resolve: Callable[[str], Match | None]
) -> list[Mention]:
    """``mentions`` and the institutions named after a country's possessive."""
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        out.append(m)
        code = m.entity.country if m.entity.type == "country" else None
        run = _RUN.match(text, m.end) if code is not None else None
        if run is None or code is None:
            continue
        limit = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        found = _institution(text, run, limit, code, resolve)
        if found is not None:
            out.append(found)
    return out


def _institution(
    text: str, run: re.Match[str], limit: int, code: str, resolve: Callable[[str], Match | None]
) -> Mention | None:
    """The longest run of the words ``run`` read (ending before ``limit``)
    that the adjective of the country ``code`` before it makes one of its organisations."""
    adjective = _adjective(code)
    start = run.start(1)
    words = run.group(1).split(" ")[:_LONGEST]
    if adjective is None or normalize(words[0]) in _titles():
        return None
    for n in range(len(words), 0, -1):
        if words[n - 1] in _SMALL:
            continue
        stop = start + len(" ".join(words[:n]))
        if stop > limit:
            continue
        found = resolve(f"{adjective} {text[start:stop]}")
        if (
            found is not None
            and not found.weak
            and found.method in _TRUSTED
            and found.entity.kind == "org"
            and found.entity.country == code
        ):
            return Mention(start, stop, text[start:stop], found.id, found.entity, found)
    return None


_TRUSTED = frozenset((Method.EXACT, Method.NORMALIZED, Method.NAME_KEY))


@functools.cache
def _titles() -> frozenset[str]:
    words = vocabulary()
    return words.titles | words.offices


@functools.cache
def _adjective(code: str) -> str | None:
    """The country's English adjective: the first of vocabulary
    ``country_adjectives`` for it (the English table comes first)."""
    lowered = code.lower()
    return next((w for w, c in vocabulary().country_adjectives.items() if c == lowered and w.isascii()), None)
