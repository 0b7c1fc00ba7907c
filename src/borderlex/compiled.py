"""The compiled index: a catalog and its alias index in one flat file.

Loading tables parses TOML, checks every entry and normalizes every alias;
a compiled file holds the result, so a process that finds one skips all
three.  It is made of records, each one JSON value on a line (never pickle:
any supported Python reads it, and reading it runs no code):

* the header line: format and version, the borderlex version, the content
  hash of the tables it was compiled from, the counts, where each lookup
  table starts, the size of the rest, and a CRC-32 of all that and the rest;
* one record per entity (its fields in :class:`~borderlex.model.Entity`
  order), then one per alias entry (its entity's number and its normalized
  forms), then the entity ids in table order;
* each lookup table of the index (:data:`borderlex.index.SECTIONS`, and
  ``ids``: entity numbers by id) cut into buckets by a CRC-32 of the key,
  one record per bucket;
* the offset of each record, as little-endian 64-bit integers.

Reading checks the header and the checksum and nothing more: a record is
decoded when first needed, so the first ``resolve`` of an alias as written
decodes one bucket, one entry and one entity.
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from .index import SECTIONS, AliasEntry, AliasIndex, Strength
from .model import Entity
from .normalization import NameKey
from .tables import Catalog

__all__ = ["FORMAT", "CompiledError", "decode", "encode"]

#: What the header's ``format`` says, and the version of the layout below it.
FORMAT = ("borderlex-compiled", 2)

_FIELDS = tuple(f.name for f in attrs.fields(Entity))
# Keys per bucket of a lookup table: a first lookup decodes about this many.
_BUCKET = 32


class CompiledError(ValueError):
    """A compiled file that cannot be used: truncated, altered, or compiled
    from other tables or by another version (the cache rebuilds it)."""


def _line(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _bucket(key: str, buckets: int) -> int:
    # CRC-32, not hash(): the same bucket in every process and Python version.
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % buckets


def _offsets(values: list[int]) -> bytes:
    table = array("Q", values)
    if sys.byteorder == "big":  # pragma: no cover - stored little-endian everywhere
        table.byteswap()
    return table.tobytes()


def encode(catalog: Catalog, index: AliasIndex, *, sources: str, version: str) -> bytes:
    """The compiled file of ``catalog`` and its ``index`` (built from it);
    ``sources`` is the content hash of the tables, ``version`` borderlex's."""
    ids = list(catalog.entities)
    number = {eid: i for i, eid in enumerate(ids)}
    records = [_line([getattr(e, f) for f in _FIELDS]) for e in catalog.entities.values()]
    for a in index.entries:
        record = [number[a.entity.id], a.alias, int(a.strength), a.normalized]
        records.append(_line([*record, a.key.tokens, sorted(a.key.designators), a.key.org_words, int(a.arabic)]))
    records.append(_line(ids))
    tables: dict[str, list[int]] = {}
    for name, table in (*((name, index.section(name)) for name in SECTIONS), ("ids", number)):
        buckets: list[dict[str, Any]] = [{} for _ in range(max(1, len(table) // _BUCKET))]
        for key, value in table.items():
            buckets[_bucket(key, len(buckets))][key] = value
        tables[name] = [len(records), len(buckets), len(table)]
        records.extend(_line(b) for b in buckets)
    starts = [0]
    for r in records:
        starts.append(starts[-1] + len(r))
    body = b"".join(records) + _offsets(starts)
    header: dict[str, Any] = {
        "format": FORMAT[0],
        "version": FORMAT[1],
        "borderlex": version,
        "sources": sources,
        "entities": len(ids),
        "aliases": len(index),
        "records": len(records),
        "tables": tables,
        "size": len(body),
    }
    header["crc32"] = _checksum(header, body)
    return _line(header) + body


def _checksum(header: dict[str, Any], body: bytes | memoryview) -> int:
    """CRC-32 of the header's other fields (as canonical JSON) and the body."""
    fields = {k: v for k, v in header.items() if k != "crc32"}
    return zlib.crc32(body, zlib.crc32(json.dumps(fields, sort_keys=True).encode()))


class _Store:
    """The records of a compiled file, each decoded on first use."""

    __slots__ = ("_body", "_buckets", "_entities", "_m", "_n", "_offsets", "_tables")

    def __init__(self, body: memoryview, offsets: array[int], n: int, m: int, tables: dict[str, list[int]]) -> None:
        self._body = body
        self._offsets = offsets
        self._n = n
        self._m = m
        self._tables = tables
        self._entities: list[Entity | None] = [None] * n
        self._buckets: dict[int, dict[str, Any]] = {}

    def _record(self, r: int) -> Any:
        return json.loads(bytes(self._body[self._offsets[r] : self._offsets[r + 1]]))

    def entity(self, i: int) -> Entity:
        found = self._entities[i]
        if found is None:
            # The tuple fields arrive as lists; Entity's converters make them tuples.
            found = self._entities[i] = Entity(*self._record(i))
        return found

    def entry(self, number: int) -> AliasEntry:
        e, alias, strength, norm, tokens, designators, org_words, arabic = self._record(self._n + number)
        key = NameKey(tuple(tokens), frozenset(designators), org_words)
        return AliasEntry(self.entity(e), alias, Strength(strength), norm, key, bool(arabic))

    def _bucket_of(self, r: int) -> dict[str, Any]:
        found = self._buckets.get(r)
        if found is None:
            found = self._buckets[r] = self._record(r)
        return found

    def get(self, section: str, key: str) -> Any:
        first, buckets, _ = self._tables[section]
        return self._bucket_of(first + _bucket(key, buckets)).get(key)

    def table(self, section: str) -> dict[str, Any]:
        first, buckets, _ = self._tables[section]
        items = [item for r in range(first, first + buckets) for item in self._bucket_of(r).items()]
        # Keys in the order of their first entry: the order of the table as built.
        items.sort(key=lambda kv: kv[1] if isinstance(kv[1], int) else kv[1][0])
        return dict(items)

    def size(self, section: str) -> int:
        return self._tables[section][2]

    def ids(self) -> list[str]:
        ids: list[str] = self._record(self._n + self._m)
        return ids


class _Entities(Mapping[str, Entity]):
    """Entities by id, decoded on first use (a read-only mapping)."""

    __slots__ = ("_order", "_store")

    def __init__(self, store: _Store) -> None:
        self._store = store
        self._order: list[str] | None = None

    def _number(self, entity_id: object) -> int | None:
        if not isinstance(entity_id, str):
            hash(entity_id)  # as a dict would: TypeError for an unhashable key
            return None
        found: int | None = self._store.get("ids", entity_id)
        return found

    def __getitem__(self, entity_id: str) -> Entity:
        i = self._number(entity_id)
        if i is None:
            raise KeyError(entity_id)
        return self._store.entity(i)

    def __iter__(self) -> Iterator[str]:
        if self._order is None:
            self._order = self._store.ids()
        return iter(self._order)

    def __len__(self) -> int:
        return self._store.size("ids")

    def __contains__(self, entity_id: object) -> bool:
        return self._number(entity_id) is not None


def decode(data: bytes, *, sources: str, version: str) -> tuple[Catalog, AliasIndex]:
    """The catalog and index of a compiled file, if it was compiled from the
    tables with content hash ``sources`` by borderlex ``version`` and is
    whole; otherwise :class:`CompiledError` says why."""
    end = data.find(b"\n")
    try:
        header = json.loads(data[:end]) if end > 0 else None
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT[0]:
        raise CompiledError("not a compiled borderlex index")
    for field, want in (("version", FORMAT[1]), ("borderlex", version), ("sources", sources)):
        if header.get(field) != want:
            raise CompiledError(f"compiled with {field} {header.get(field)!r}, not {want!r}")
    body = memoryview(data)[end + 1 :]  # no copy: records are copied out one by one
    if len(body) != header.get("size") or _checksum(header, body) != header.get("crc32"):
        raise CompiledError("its checksum does not match: the file is damaged")
    try:
        n, m, count, tables = header["entities"], header["aliases"], header["records"], header["tables"]
        offsets = array("Q")
        offsets.frombytes(body[len(body) - 8 * (count + 1) :])
    except (KeyError, TypeError, ValueError) as e:
        raise CompiledError(f"its header is incomplete ({e})") from None
    if sys.byteorder == "big":  # pragma: no cover
        offsets.byteswap()
    if offsets[0] != 0 or offsets[-1] != len(body) - 8 * (count + 1) or set(tables) != {*SECTIONS, "ids"}:
        raise CompiledError("its records do not add up")
    store = _Store(body, offsets, n, m, tables)
    return Catalog(_Entities(store)), AliasIndex.lazy(m, store)
