"""Explanations: why a query resolved the way it did.

[`Resolver.explain`][borderlex.Resolver.explain] records each tier it tried
as a :class:`Step` and returns an :class:`Explanation`, whose ``reason``
says in words why the winner won (or why nothing matched), including when
the date decided.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .dates import valid_during
from .model import Match, Method

if TYPE_CHECKING:
    from .cells import CellReading
    from .dates import Period
    from .model import Entity
    from .name_keys import NameKey

__all__ = ["Explanation", "Step", "date_reason", "reason"]


@attrs.frozen(slots=True)
class Step:
    """One tier as tried by [`Resolver.explain`][borderlex.Resolver.explain]."""

    tier: str
    looked_up: str
    found: tuple[str, ...]
    note: str = ""


@attrs.frozen(slots=True)
class Explanation:
    """Why a query resolved the way it did."""

    query: str
    normalized: str
    key: tuple[str, ...]
    designators: tuple[str, ...]
    skeleton: str
    steps: tuple[Step, ...]
    candidates: tuple[Match, ...]
    match: Match | None
    reason: str
    cell: CellReading | None = None
    """How the query was read as a dataset cell, when it has that structure."""

    def __str__(self) -> str:
        lines = [
            f"query:       {self.query!r}",
            f"normalized:  {self.normalized!r}",
            f"name key:    {' '.join(self.key) or '(empty)'}"
            + (f"  designators: {', '.join(self.designators)}" if self.designators else ""),
            f"skeleton:    {self.skeleton or '(too short)'}",
        ]
        for step in self.steps:
            found = ", ".join(step.found) if step.found else "nothing"
            lines.append(
                f"tier {step.tier:<11} {step.looked_up!r} -> {found}" + (f"  ({step.note})" if step.note else "")
            )
        if self.candidates:
            lines.append("candidates:")
            for m in self.candidates:
                flags = "".join((" weak" if m.weak else "", " ambiguous" if m.ambiguous else ""))
                lines.append(f"  {m.score:5.1f}  {m.id:<40} via {m.alias!r} [{m.method}]{flags}")
        if self.cell is not None:
            lines.append(f"cell:        rule {self.cell.rule}")
            lines.extend(f"  {part}" for part in self.cell.parts)
        lines.append(f"result:      {self.match.id if self.match else 'no match'}")
        lines.append(f"why:         {self.reason}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """A plain dict (JSON-ready)."""
        return {
            "query": self.query,
            "normalized": self.normalized,
            "key": list(self.key),
            "designators": list(self.designators),
            "skeleton": self.skeleton,
            "steps": [attrs.asdict(s) for s in self.steps],
            "candidates": [m.to_dict() for m in self.candidates],
            "match": self.match.to_dict() if self.match else None,
            "reason": self.reason,
            "cell": self.cell.to_dict() if self.cell else None,
        }


def date_reason(match: Match | None, rivals: list[Entity], period: Period | None) -> str:
    """What the date decided, if anything: ``rivals`` would have won or tied
    without it; those that did not exist then lost to the date."""
    if match is None or period is None:
        return ""
    gone = [
        f"{e.id} ({e.valid_from or '…'} to {e.valid_to or '…'})"
        for e in rivals
        if e.id != match.id and not valid_during(e, period)
    ]
    if not gone:
        return ""
    return f"; the date decided: as of {period}, {', '.join(gone)} did not exist"


def reason(match: Match | None, ranked: list[Match], key: NameKey, steps: list[Step]) -> str:
    if match is None:
        if not key.tokens:
            return "the query has no name words (only generic words or punctuation)"
        if ranked:
            best = ranked[0]
            return f"no tier matched; the closest name is {best.alias!r} ({best.id})"
        if len(key.joined) < 5:
            return "no alias has this key, and the key is too short for fuzzy matching"
        return "no alias has this key, and no fuzzy candidate scored high enough with all words agreeing"
    tier = {
        Method.EXACT: "the query is an alias as written",
        Method.NORMALIZED: "the query equals an alias after normalization",
        Method.NAME_KEY: "the query has the same name key as an alias",
        Method.FUZZY: f"the closest alias by edit distance (score {match.score:.1f}), all words agreeing",
        Method.CONTEXT: "the scanned text names it so (a surname after the full name, an acronym it defines)",
    }[match.method]
    why = f"{tier}: {match.alias!r} of {match.id}"
    qualified = next((s for s in steps if s.tier == "qualified" and s.found), None)
    if qualified is not None and not any(s.found for s in steps if s.tier in ("exact", "normalized", "name_key")):
        why = f"without its qualifier, {why[0].lower()}{why[1:]} ({qualified.note})"
    if match.ambiguous:
        why += (
            f"; tied with {', '.join(match.alternatives)}, won by the table rule "
            "(higher priority, then strong before weak, then id)"
        )
    return why
