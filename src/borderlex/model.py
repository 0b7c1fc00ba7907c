"""Value classes: entities, matches and mentions (frozen and slotted)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Literal, get_args

import attrs

from .errors import UnknownKindError
from .folding import spelling

__all__ = ["DESIGNATES", "KINDS", "TYPES", "Entity", "Kind", "Match", "Mention", "Method", "as_kind"]

Kind = Literal["org", "person", "place", "facility"]
"""The entity kinds, as a type: a type checker flags ``kind="plase"``.  An id is ``kind:slug``."""

KINDS: tuple[Kind, ...] = get_args(Kind)
"""The entity kinds at run time, in this order: ``("org", "person", "place", "facility")``."""


def as_kind(value: object) -> Kind:
    """``value`` as a [`Kind`][borderlex.Kind]: ``TypeError`` unless it is a
    ``str``, [`UnknownKindError`][borderlex.UnknownKindError] (a ``ValueError``)
    unless it is one of [`KINDS`][borderlex.KINDS]."""
    if not isinstance(value, str):
        raise TypeError(f"kind must be a str, not {type(value).__name__}")
    if value not in KINDS:
        raise UnknownKindError(value, KINDS)
    return value


class Method(str, enum.Enum):
    """Which tier produced a match, from the most to the least certain."""

    EXACT = "exact"
    """The query is an alias as written."""
    NORMALIZED = "normalized"
    """The query and an alias normalize to the same string."""
    NAME_KEY = "name_key"
    """They agree after articles, romanization alternations and designators are folded."""
    FUZZY = "fuzzy"
    """They are close by edit distance and agree on every distinctive word."""
    CONTEXT = "context"
    """In a scanned text, the text itself names it so: a surname after the
    person's full name, an acronym the text defines, a capital standing for
    its country's government ("Washington said")."""

    def __str__(self) -> str:
        return self.value


def _tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen(slots=True, eq=True, order=False, repr=False)
class Entity:
    """One canonical entity and the names it goes by.

    ``aliases`` are strong names, matched anywhere; ``weak`` aliases match on
    lookup but in running text only when the document supports them (the full
    name occurs too); ``acronyms`` match only in their written case.  The
    ``name`` is strong too, unless ``weak`` lists it: a display name such as
    "Hit" is too often another word to match alone.
    """

    id: str
    kind: Kind = attrs.field(converter=as_kind)
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    weak: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    acronyms: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    type: str | None = None
    parent: str | None = None
    country: str | None = None
    successor: str | None = None
    geonames: int | None = None
    wikidata: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    priority: int = 0
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    table: str | None = attrs.field(default=None, eq=False)
    """The file the entity was loaded from."""

    def __repr__(self) -> str:
        return f"Entity({self.id!r}, name={self.name!r})"

    @property
    def strong_names(self) -> tuple[str, ...]:
        """The names matched anywhere: the name (unless listed as weak) and the aliases."""
        if self.weak and spelling(self.name) in {spelling(w) for w in self.weak}:
            return self.aliases
        return (self.name, *self.aliases)

    @property
    def all_names(self) -> tuple[str, ...]:
        """The canonical name, strong aliases, weak aliases and acronyms."""
        seen: dict[str, None] = {}
        for n in (self.name, *self.aliases, *self.weak, *self.acronyms):
            seen.setdefault(n, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, object]:
        """A plain dict (JSON-ready), without empty fields."""
        out: dict[str, object] = {}
        for f in attrs.fields(Entity):
            v = getattr(self, f.name)
            if v is None or v == () or (f.name == "priority" and v == 0):
                continue
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out


@attrs.frozen(slots=True, repr=False)
class Match:
    """The result of resolving a query.

    ``score`` is 0–100; 100 means the query and ``alias`` have equal keys.
    ``ambiguous`` is true when other entities (``alternatives``) matched as
    well and ``entity`` won by the table's priority rule.
    """

    id: str
    entity: Entity
    alias: str
    query: str
    score: float
    method: Method
    weak: bool = False
    ambiguous: bool = False
    alternatives: tuple[str, ...] = ()

    def __repr__(self) -> str:
        flags = "".join(
            (
                ", weak=True" if self.weak else "",
                f", ambiguous=True, alternatives={self.alternatives!r}" if self.ambiguous else "",
            )
        )
        return (
            f"Match({self.id!r}, alias={self.alias!r}, query={self.query!r}, "
            f"score={self.score:.1f}, method={self.method.value!r}{flags})"
        )

    @property
    def confidence(self) -> float:
        """The measured precision (0–1) of matches like this one: same tier,
        same score band, on real articles annotated by hand (see
        ``docs/trust.md``).  A cut-off on it trades recall for precision."""
        from .calibration import confidence  # noqa: PLC0415 - data read on first use

        return confidence(self.method.value, self.score)

    def to_dict(self) -> dict[str, object]:
        """A plain dict (JSON-ready)."""
        return {
            "query": self.query,
            "id": self.id,
            "name": self.entity.name,
            "kind": self.entity.kind,
            "alias": self.alias,
            "score": round(self.score, 1),
            "method": self.method.value,
            "confidence": self.confidence,
            "weak": self.weak,
            "ambiguous": self.ambiguous,
            "alternatives": list(self.alternatives),
        }


@attrs.frozen(slots=True, repr=False)
class Mention:
    """An entity named in a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    id: str
    entity: Entity
    match: Match

    def __repr__(self) -> str:
        return f"Mention({self.start}, {self.end}, {self.text!r}, {self.id!r})"

    def to_dict(self) -> dict[str, object]:
        """A plain dict (JSON-ready)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "id": self.id,
            "score": round(self.match.score, 1),
            "method": self.match.method.value,
            "ambiguous": self.match.ambiguous,
        }


#: The ``type`` values an entity of each kind may have.
TYPES: dict[str, frozenset[str]] = {
    "place": frozenset(
        [
            "country",
            "governorate",
            "district",
            "subdistrict",
            "city",
            "town",
            "village",
            "river",
            "desert",
            "mountains",
            "region",
            "lake",
            "valley",
            "area",
        ]
    ),
    "facility": frozenset(
        [
            "air-base",
            "border-crossing",
            "military-base",
            "camp",
            "oil-field",
            "gas-field",
            "dam",
            "prison",
            "port",
            "airport",
            "checkpoint",
        ]
    ),
    "org": frozenset(
        [
            "armed-group",
            "state-force",
            "militia-umbrella",
            "political-party",
            "coalition",
            "government",
            "media",
            "monitor",
            "think-tank",
            "intelligence",
        ]
    ),
    "person": frozenset(),
}

#: Which entity types each designator class names ("Homs province" → a governorate).
DESIGNATES: dict[str, frozenset[str]] = {
    "governorate": frozenset({"governorate"}),
    "district": frozenset({"district", "subdistrict", "area"}),  # "the Baba Amr district", a quarter
    "city": frozenset({"city", "town", "village"}),
    "air-base": frozenset({"air-base", "airport"}),
    "border-crossing": frozenset({"border-crossing"}),
    "base": frozenset({"military-base", "camp", "air-base"}),  # "Ain al-Asad base" is the air base
    "river": frozenset({"river"}),
    "desert": frozenset({"desert"}),
    "mountains": frozenset({"mountains"}),
    "oil-field": frozenset({"oil-field", "gas-field"}),
    "dam": frozenset({"dam"}),
    "prison": frozenset({"prison"}),
    "neighbourhood": frozenset({"area"}),
    "region": frozenset({"region"}),  # "the Nineveh plain"
}
