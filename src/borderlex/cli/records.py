"""The output contract: the fields of each command's records, the same in
tsv, csv and jsonl, for a hit and a miss alike (``None`` where a miss has
nothing to say)."""

from __future__ import annotations

import attrs

from ..model import Entity, Match, Mention

__all__ = [
    "CANDIDATE_FIELDS",
    "ENTITY_FIELDS",
    "LOOKUP_FIELDS",
    "MENTION_FIELDS",
    "SHOW_FIELDS",
    "candidate_record",
    "entity_record",
    "lookup_record",
    "mention_record",
]

LOOKUP_FIELDS = (
    "query",
    "id",
    "name",
    "kind",
    "alias",
    "score",
    "method",
    "confidence",
    "weak",
    "ambiguous",
    "alternatives",
    "error",
)
CANDIDATE_FIELDS = (
    "query",
    "rank",
    "id",
    "name",
    "kind",
    "alias",
    "score",
    "method",
    "chosen",
    "below_cutoff",
    "error",
)
MENTION_FIELDS = ("file", "start", "end", "text", "id", "name", "kind", "score", "method", "ambiguous")
ENTITY_FIELDS = tuple(f.name for f in attrs.fields(Entity))
SHOW_FIELDS = (*ENTITY_FIELDS, "lineage", "ancestors")


def lookup_record(query: str, match: Match | None, error: str | None = None) -> dict[str, object]:
    """A name and what it resolved to: every field of :data:`LOOKUP_FIELDS`."""
    record: dict[str, object] = dict.fromkeys(LOOKUP_FIELDS)
    if match is not None:
        record.update(match.to_dict())
    record["query"] = query  # as given (a Match keeps it too, but a miss has none)
    record["error"] = error
    return record


def candidate_record(
    query: str,
    rank: int | None,
    match: Match | None,
    *,
    chosen: bool = False,
    below: bool = False,
    error: str | None = None,
) -> dict[str, object]:
    """One candidate of a name (or the name alone, ``rank`` None, when it has none)."""
    record: dict[str, object] = dict.fromkeys(CANDIDATE_FIELDS)
    if match is not None:
        data = match.to_dict()
        record.update({k: data[k] for k in ("id", "name", "kind", "alias", "score", "method")})
        record["chosen"] = chosen
        record["below_cutoff"] = below
    record["query"] = query
    record["rank"] = rank
    record["error"] = error
    return record


def mention_record(file: str, mention: Mention) -> dict[str, object]:
    """A mention in a file: :data:`MENTION_FIELDS`."""
    data = mention.to_dict()
    data["file"] = file
    data["name"] = mention.entity.name
    data["kind"] = mention.entity.kind
    return data


def entity_record(entity: Entity) -> dict[str, object]:
    """Every field of an entity (:data:`ENTITY_FIELDS`), unset ones too
    (``None``, or an empty list), so that every record has the same keys."""
    record: dict[str, object] = {}
    for name in ENTITY_FIELDS:
        value = getattr(entity, name)
        record[name] = list(value) if isinstance(value, tuple) else value
    return record
