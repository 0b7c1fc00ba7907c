"""Module-level shortcuts over [`Resolver.default()`][borderlex.Resolver.default] (the bundled tables)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar, overload

from .explanation import Explanation
from .model import Entity, Kind, Match, Mention
from .resolver import _MISSING, Resolver

T = TypeVar("T")

__all__ = [
    "ancestors",
    "candidates",
    "children",
    "current",
    "entities",
    "explain",
    "get",
    "lineage",
    "resolve",
    "resolve_many",
    "scan",
    "scan_iter",
    "within",
]


def resolve(query: str, *, kind: Kind | None = None, as_of: Any = None) -> Match | None:
    """The entity ``query`` names in the bundled tables, or ``None``;
    ``as_of`` (a date) settles a spelling shared over time.

    Examples:
        >>> resolve("Albu Kamal").id
        'place:al-bukamal'
        >>> resolve("Liwa al-Muatasim") is None
        True
    """
    return Resolver.default().resolve(query, kind=kind, as_of=as_of)


def candidates(query: str, *, kind: Kind | None = None, limit: int = 5, as_of: Any = None) -> list[Match]:
    """The best match for each entity ``query`` could name, best first."""
    return Resolver.default().candidates(query, kind=kind, limit=limit, as_of=as_of)


def explain(query: str, *, kind: Kind | None = None, as_of: Any = None) -> Explanation:
    """How ``query`` was resolved: forms, tiers, candidates and the reason."""
    return Resolver.default().explain(query, kind=kind, as_of=as_of)


@overload
def get(entity_id: str) -> Entity: ...
@overload
def get(entity_id: str, default: T) -> Entity | T: ...


def get(entity_id: str, default: Any = _MISSING) -> Any:
    """The entity with this id; raises [`UnknownEntityError`][borderlex.UnknownEntityError]
    (a ``LookupError``) unless ``default`` is given, which is then returned.  A renamed id
    gives the entity under its new id (``data/redirects.toml``; "Renamed ids" in the docs).

    Examples:
        >>> get("place:al-bukamal").name
        'Al-Bukamal'
    """
    return Resolver.default().get(entity_id, default)


def entities(kind: Kind | None = None) -> Iterator[Entity]:
    """All bundled entities, or those of one kind."""
    return Resolver.default().entities(kind)


def scan(text: str, *, kinds: Iterable[Kind] | None = None, fuzzy: bool = False, as_of: Any = None) -> list[Mention]:
    """Every mention of a bundled entity in ``text``, sorted by start.

    Examples:
        >>> print(*(f"{m.text}={m.id}" for m in scan("ISIS fled Albu Kamal.")))
        ISIS=org:islamic-state Albu Kamal=place:al-bukamal
    """
    return Resolver.default().scan(text, kinds=kinds, fuzzy=fuzzy, as_of=as_of)


def resolve_many(values: Iterable[str], *, kind: Kind | None = None, as_of: Any = None) -> list[Match | None]:
    """``resolve`` for each value, in order, resolving repeated values once."""
    return Resolver.default().resolve_many(values, kind=kind, as_of=as_of)


def lineage(entity_id: str) -> list[Entity]:
    """Predecessors, the entity and its successors, oldest first.

    Examples:
        >>> print(*(e.id for e in lineage("org:jabhat-fatah-al-sham")))
        org:jabhat-al-nusra org:jabhat-fatah-al-sham org:hayat-tahrir-al-sham
    """
    return Resolver.default().lineage(entity_id)


def current(entity_id: str, *, as_of: Any = None) -> Entity:
    """The entity in force at ``as_of`` (today when ``None``) in this entity's line of successors.

    Examples:
        >>> current("org:jabhat-al-nusra", as_of="2018-06").id
        'org:hayat-tahrir-al-sham'
    """
    return Resolver.default().current(entity_id, as_of=as_of)


def ancestors(entity_id: str) -> list[Entity]:
    """What contains the entity, nearest first, up to its country.

    Examples:
        >>> print(*(e.id for e in ancestors("place:al-bukamal")))
        place:deir-ez-zor-governorate place:syria
    """
    return Resolver.default().ancestors(entity_id)


def within(entity_id: str, ancestor_id: str) -> bool:
    """Whether ``ancestor_id`` is one of the entity's ancestors.

    Examples:
        >>> within("place:al-bukamal", "place:deir-ez-zor-governorate")
        True
    """
    return Resolver.default().within(entity_id, ancestor_id)


def children(entity_id: str) -> list[Entity]:
    """The entities whose nearest ancestor is this one, in table order."""
    return Resolver.default().children(entity_id)


def scan_iter(
    pieces: str | Iterable[str], *, kinds: Iterable[Kind] | None = None, fuzzy: bool = False, as_of: Any = None
) -> Iterator[Mention]:
    """Mentions in a text of any size (a string, or a file's lines), as they
    are found, in bounded memory; offsets are in the whole text.

    Examples:
        >>> for m in scan_iter(("ISIS fled\\n", "Albu Kamal.\\n")):
        ...     print(m.start, m.id)
        0 org:islamic-state
        10 place:al-bukamal
    """
    return Resolver.default().scan_iter(pieces, kinds=kinds, fuzzy=fuzzy, as_of=as_of)
