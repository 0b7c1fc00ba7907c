"""Another name of the same thing, in brackets right after it.

Reports give a second name in brackets: "Kobané (Aïn al-Arab)", "Deir
ez-Zor (دير الزور)", "Sulaymaniyah (Slemani)".  A spelling the tables hold
only by its key, or weakly, is not enough alone in running text; right
after a mention of the entity it names, in brackets, it is: the text says
the two are one.  (Acronyms so defined are ``borderlex.text_acronyms``'.)
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from .model import Match, Mention, Method

__all__ = ["bracketed_names"]

# "(Aïn al-Arab)": a short name alone in brackets, no digits or sentence marks.
_BRACKETED = re.compile(r"[ \u00a0]?\(([^()\d\n,;:.!?،؛]{3,40})\)")


def bracketed_names(
    text: str, mentions: list[Mention], resolve: Callable[[str], Match | None], taken: Callable[[int, int], bool]
) -> list[Mention]:
    """Mentions of the names in brackets right after a mention, when
    ``resolve`` gives them the same entity (not by a guess: no fuzzy match)
    and nothing found covers them (``taken``), as method ``context``."""
    found: list[Mention] = []
    for m in mentions:
        bracket = _BRACKETED.match(text, m.end)
        if bracket is None:
            continue
        start, end = bracket.span(1)
        name = bracket.group(1)
        if name != name.strip() or taken(start, end):
            continue
        match = resolve(name)
        if match is None or match.id != m.id or match.method is Method.FUZZY:
            continue
        match = attrs.evolve(match, method=Method.CONTEXT, weak=False)
        found.append(Mention(start, end, name, m.id, m.entity, match))
    return found
