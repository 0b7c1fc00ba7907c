"""Module-level shortcuts over :meth:`Resolver.default` (the bundled tables)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .model import Entity, Match, Mention
from .resolver import _MISSING, Explanation, Resolver

__all__ = ["candidates", "entities", "explain", "get", "resolve", "resolve_many", "scan", "scan_iter"]


def resolve(query: str, *, kind: str | None = None) -> Match | None:
    """The entity ``query`` names in the bundled tables, or ``None``.

    >>> resolve("Albu Kamal").id
    'place:al-bukamal'
    >>> resolve("Jaysh al-Izza") is None
    True
    """
    return Resolver.default().resolve(query, kind=kind)


def candidates(query: str, *, kind: str | None = None, limit: int = 5) -> list[Match]:
    """The best match for each entity ``query`` could name, best first."""
    return Resolver.default().candidates(query, kind=kind, limit=limit)


def explain(query: str, *, kind: str | None = None) -> Explanation:
    """How ``query`` was resolved: forms, tiers, candidates and the reason."""
    return Resolver.default().explain(query, kind=kind)


def get(entity_id: str, default: Any = _MISSING) -> Any:
    """The entity with this id; raises :class:`~borderlex.errors.UnknownEntityError`
    (a ``LookupError``) unless ``default`` is given.

    >>> get("place:al-bukamal").name
    'Al-Bukamal'
    """
    return Resolver.default().get(entity_id, default)


def entities(kind: str | None = None) -> Iterator[Entity]:
    """All bundled entities, or those of one kind."""
    return Resolver.default().entities(kind)


def scan(text: str, *, kinds: Iterable[str] | None = None, fuzzy: bool = False) -> list[Mention]:
    """Every mention of a bundled entity in ``text``, sorted by start.

    >>> [(m.text, m.id) for m in scan("ISIS fled Albu Kamal.")]
    [('ISIS', 'org:islamic-state'), ('Albu Kamal', 'place:al-bukamal')]
    """
    return Resolver.default().scan(text, kinds=kinds, fuzzy=fuzzy)


def resolve_many(values: Iterable[str], *, kind: str | None = None) -> list[Match | None]:
    """``resolve`` for each value, in order, resolving repeated values once."""
    return Resolver.default().resolve_many(values, kind=kind)


def scan_iter(
    pieces: str | Iterable[str], *, kinds: Iterable[str] | None = None, fuzzy: bool = False
) -> Iterator[Mention]:
    """Mentions in a text of any size (a string, or a file's lines), as they
    are found, in bounded memory; offsets are in the whole text.

    >>> for m in scan_iter(("ISIS fled\\n", "Albu Kamal.\\n")):
    ...     print(m.start, m.id)
    0 org:islamic-state
    10 place:al-bukamal
    """
    return Resolver.default().scan_iter(pieces, kinds=kinds, fuzzy=fuzzy)
