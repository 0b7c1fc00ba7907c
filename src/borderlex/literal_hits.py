"""A pattern's matches over a whole text, looked for only where a literal
part of every match stands.

The passes that read a name again across the text (a person's surname, an
organisation's short form, a defined acronym) run one pattern per name, and
a pattern that opens with a lookbehind is tried by ``re`` at every position:
over a long text with many names that was quadratic (issue 17).  ``str.find``
finds the literal at C speed, and the pattern is tried only just before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["finditer"]


def finditer(pattern: str, text: str, literal: str, reach: int = 0) -> Iterator[re.Match[str]]:
    """The matches of ``re.finditer(pattern, text)``, given that each contains
    ``literal`` at most ``reach`` characters after its start."""
    compiled = _compiled(pattern)
    end = 0
    at = text.find(literal)
    while at >= 0:
        for start in range(max(end, at - reach), at + 1):
            hit = compiled.match(text, start)
            if hit is not None:
                yield hit
                end = hit.end()
                break
        at = text.find(literal, max(at + 1, end))


# One pattern per name a text repeats, thousands over a long text: more than re's own cache keeps.
@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
