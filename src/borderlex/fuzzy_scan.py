"""The fuzzy pass of a scan: misspelt names ("Albuqmal") in capitalised
Latin-script word runs that no alias matched, looked up with the resolver's
fuzzy tier.  Off by default (see ``docs/performance.md``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Mention, Method
from .name_runs import sentence_start

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .dates import Period
    from .model import Match
    from .scan_units import Unit

    # What the scanner resolves a span with (borderlex.scanning.ResolveFunction).
    ResolveFunction = Callable[..., Match | None]

__all__ = ["fuzzy_mentions"]

# At most this many words per span; a single word needs this many letters and
# must not open a sentence (capitals there prove nothing).
_FUZZY_MAX_WORDS = 4
_FUZZY_MIN_LETTERS = 6
_FUZZY_MIN_SCORE = 75.0


def _name_like(units: Sequence[Unit], i: int, taken: bytearray) -> bool:
    u = units[i]
    if u.skip or u.marker is not None or not u.latin or not u.upper_initial or 1 in taken[u.start : u.end]:
        return False
    # Acronyms are matched in their written case only, never fuzzily.
    return not (u.all_upper and u.end - u.start <= 4)


def fuzzy_mentions(
    resolve: ResolveFunction,
    text: str,
    units: Sequence[Unit],
    taken: bytearray,
    *,
    wanted: frozenset[str] | None,
    as_of: Period | None,
) -> list[Mention]:
    """Mentions the fuzzy tier finds in capitalised Latin-script word runs
    that no alias matched (``taken`` marks the characters already matched,
    and gains the new mentions')."""
    out: list[Mention] = []
    n = len(units)
    i = 0
    while i < n:
        if not _name_like(units, i, taken):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and len(run) < _FUZZY_MAX_WORDS:
            if _name_like(units, j, taken):
                run.append(j)
            elif units[j].article and j + 1 < n and _name_like(units, j + 1, taken):
                pass  # "Deir al-Zoor": the article joins the run
            else:
                break
            j += 1
        found = _fuzzy_in_run(resolve, text, units, run, wanted=wanted, as_of=as_of)
        if found is None:
            i = run[0] + 1
            continue
        out.append(found)
        taken[found.start : found.end] = b"\x01" * (found.end - found.start)
        i = run[-1] + 1
    return out


def _fuzzy_in_run(
    resolve: ResolveFunction,
    text: str,
    units: Sequence[Unit],
    run: list[int],
    *,
    wanted: frozenset[str] | None,
    as_of: Period | None,
) -> Mention | None:
    for size in range(len(run), 0, -1):
        for k in range(len(run) - size + 1):
            first, last = run[k], run[k + size - 1]
            start, end = units[first].start, units[last].end
            span = text[start:end]
            if size == 1 and (
                sum(c.isalpha() for c in span) < _FUZZY_MIN_LETTERS or sentence_start(text, units[first])
            ):
                continue
            match = resolve(span, as_of=as_of)
            if match is None or match.method is not Method.FUZZY or match.score < _FUZZY_MIN_SCORE:
                continue
            if wanted is not None and match.entity.kind not in wanted:
                continue
            if first > 0 and units[first - 1].article and units[first].attached:
                start = units[first - 1].start
                span = text[start:end]
            return Mention(start, end, span, match.id, match.entity, match)
    return None
