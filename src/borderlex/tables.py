"""Alias tables: reading TOML files and checking them.

A table is a TOML file with an array of ``[[entity]]`` tables (see
``docs/tables.md``).  Loading never executes code: files are parsed with
``tomllib`` and only the paths given are read.  Every fault is reported as a
:class:`~borderlex.errors.TableError` naming the file, the entity and the
reason; :func:`check` collects all of them instead of stopping at the first.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from .dates import date_range
from .errors import TableError
from .model import DESIGNATES, KINDS, TYPES, Entity
from .normalization import normalize, spelling

if TYPE_CHECKING or sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["BUNDLED", "MAX_TABLE_BYTES", "Catalog", "check", "load_catalog", "read_table"]

#: Name under which the bundled tables are reported.
BUNDLED = "borderlex:data/aliases"

#: Larger table files are refused rather than read into memory.
MAX_TABLE_BYTES = 256 * 1024 * 1024

_ID = re.compile(r"^([a-z]+):[a-z0-9]+(?:-[a-z0-9]+)*$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_STR_FIELDS = ("name", "kind", "type", "parent", "country", "successor", "note", "wikidata")
_LIST_FIELDS = ("aliases", "weak", "acronyms", "sources")
_DATE_FIELDS = ("valid_from", "valid_to")
_KNOWN = frozenset(("id", "geonames", "priority", "override", "extend", *_STR_FIELDS, *_LIST_FIELDS, *_DATE_FIELDS))
_ALL_TYPES = frozenset().union(*TYPES.values())
assert all(t <= _ALL_TYPES for t in DESIGNATES.values())


class _Entry(NamedTuple):
    """One ``[[entity]]`` as read, before layers are merged."""

    entity: Entity
    override: bool
    extend: bool


def _problem(problems: list[TableError], path: str, entity: str | None, reason: str) -> None:
    problems.append(TableError(path, entity, reason))


def _iso_date(value: object) -> str | None:
    if isinstance(value, _dt.date):
        return value.isoformat()
    # Partial dates are common for armed groups ("2014", "2014-06").
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        try:
            parts = [int(p) for p in value.split("-")] + [1, 1]
            _dt.date(parts[0], parts[1], parts[2])
        except ValueError:
            return None
        return value
    return None


def _parse_entry(raw: object, path: str, index: int, problems: list[TableError]) -> _Entry | None:
    if not isinstance(raw, dict):
        _problem(problems, path, f"entity #{index + 1}", "is not a table")
        return None
    eid = raw.get("id")
    if not isinstance(eid, str) or not eid:
        _problem(problems, path, f"entity #{index + 1}", "missing 'id' (a string like 'place:homs')")
        return None
    before = len(problems)

    def bad(reason: str) -> None:
        _problem(problems, path, eid, reason)

    for key in sorted(set(raw) - _KNOWN):
        bad(f"unknown field {key!r}")
    m = _ID.match(eid)
    if not m:
        bad("id must be 'kind:slug' in lowercase ASCII letters, digits and hyphens")
    extend = raw.get("extend", False)
    override = raw.get("override", False)
    for flag, value in (("extend", extend), ("override", override)):
        if not isinstance(value, bool):
            bad(f"{flag!r} must be true or false")
    if extend is True and override is True:
        bad("'extend' and 'override' exclude each other")
    fields: dict[str, Any] = {}
    for key in _STR_FIELDS:
        if key in raw:
            value = raw[key]
            if not isinstance(value, str) or not value.strip():
                bad(f"{key!r} must be a non-empty string")
            else:
                fields[key] = value
    for key in _LIST_FIELDS:
        if key in raw:
            value = raw[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                bad(f"{key!r} must be a list of strings")
                continue
            for v in value:
                if key != "sources" and not normalize(v):
                    bad(f"{key[:-1] if key.endswith('s') else key} {v!r} normalizes to nothing")
                elif not v.strip():
                    bad(f"empty string in {key!r}")
            fields[key] = tuple(dict.fromkeys(v.strip() for v in value if v.strip()))
    for key in _DATE_FIELDS:
        if key in raw:
            value = _iso_date(raw[key])
            if value is None:
                bad(f"{key!r} must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
            else:
                fields[key] = value
    if "geonames" in raw:
        g = raw["geonames"]
        if isinstance(g, bool) or not isinstance(g, int) or g <= 0:
            bad("'geonames' must be a positive integer")
        else:
            fields["geonames"] = g
    if "priority" in raw:
        p = raw["priority"]
        if isinstance(p, bool) or not isinstance(p, int):
            bad("'priority' must be an integer")
        else:
            fields["priority"] = p
    if extend is True:
        # An extension only adds names and sources to an entity defined elsewhere.
        extra = set(fields) - {"aliases", "weak", "acronyms", "sources"}
        if extra:
            bad(f"an 'extend' entry may only add aliases, weak, acronyms and sources, not {sorted(extra)}")
        if len(problems) > before:
            return None
        kind = m.group(1) if m else ""
        return _Entry(Entity(id=eid, kind=kind, name=eid, table=path, **fields), override=False, extend=True)
    kind = fields.get("kind")
    if kind is None:
        bad("missing 'kind'")
    elif kind not in KINDS:
        bad(f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    elif m and m.group(1) != kind:
        bad(f"id prefix {m.group(1)!r} is not its kind {kind!r}")
    if "name" not in fields and "name" not in raw:
        bad("missing 'name'")
    etype = fields.get("type")
    if etype is not None and kind in TYPES and etype not in TYPES[kind]:
        allowed = ", ".join(sorted(TYPES[kind])) or "none"
        bad(f"type {etype!r} is not a type of {kind} (allowed: {allowed})")
    if "wikidata" in fields and not _WIKIDATA.match(fields["wikidata"]):
        bad(f"wikidata id {fields['wikidata']!r} must look like 'Q123'")
    if ("wikidata" in fields or "geonames" in fields) and not fields.get("sources"):
        bad("external ids need 'sources' naming where they were verified")
    for acr in fields.get("acronyms", ()):
        if acr.isascii() and acr == acr.lower():
            bad(f"acronym {acr!r} has no capital letter; acronyms match only in their written case")
    strong = {spelling(a) for a in fields.get("aliases", ())}  # the name may be weak: Entity.strong_names
    for w in fields.get("weak", ()):
        if spelling(w) in strong:
            bad(f"{w!r} is listed both as a strong and as a weak alias")
    vf, vt = fields.get("valid_from"), fields.get("valid_to")
    if vf and vt and vf > vt:
        bad(f"valid_from {vf} is after valid_to {vt}")
    if len(problems) > before:
        return None
    return _Entry(Entity(id=eid, table=path, **fields), override=override is True, extend=False)


def read_table(text: str | bytes, path: str, problems: list[TableError]) -> list[_Entry]:
    """Parse one table's text; faults are appended to ``problems``."""
    if isinstance(text, bytes):
        if len(text) > MAX_TABLE_BYTES:
            _problem(problems, path, None, f"file is larger than {MAX_TABLE_BYTES} bytes")
            return []
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as e:
            _problem(problems, path, None, f"not UTF-8 (byte {e.start}: {e.reason})")
            return []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        _problem(problems, path, None, f"invalid TOML: {e}")
        return []
    unknown = sorted(set(data) - {"entity", "schema"})
    if unknown:
        _problem(problems, path, None, f"unknown top-level keys {unknown}; entities go in [[entity]] tables")
    raw = data.get("entity", [])
    if not isinstance(raw, list):
        _problem(problems, path, None, "'entity' must be an array of tables ([[entity]])")
        return []
    entries = []
    for i, item in enumerate(raw):
        entry = _parse_entry(item, path, i, problems)
        if entry is not None:
            entries.append(entry)
    return entries


def _bundled_files() -> Iterator[tuple[str, bytes]]:
    from importlib import resources  # noqa: PLC0415 - only when the bundled tables load: a lighter import

    root = resources.files("borderlex").joinpath("data").joinpath("aliases")
    for item in sorted(root.iterdir(), key=lambda t: t.name):
        if item.name.endswith(".toml") and item.is_file():
            yield f"{BUNDLED}/{item.name}", item.read_bytes()


def _user_files(path: str | Path, problems: list[TableError]) -> Iterator[tuple[str, bytes]]:
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.suffix == ".toml" and f.is_file())
        if not files:
            _problem(problems, str(p), None, "directory holds no .toml tables")
    elif p.exists():
        files = [p]
    else:
        _problem(problems, str(p), None, "no such file or directory")
        return
    for f in files:
        try:
            size = f.stat().st_size
            if size > MAX_TABLE_BYTES:
                _problem(problems, str(f), None, f"file is larger than {MAX_TABLE_BYTES} bytes")
                continue
            yield str(f), f.read_bytes()
        except OSError as e:
            _problem(problems, str(f), None, f"cannot read: {e.strerror or e}")


class Catalog:
    """Entities by id, merged from one or more layers of tables.

    Later layers extend the earlier ones.  An id already defined in an
    earlier layer is an error unless the new entry says ``override = true``
    (replace it) or ``extend = true`` (add names to it).
    """

    __slots__ = ("entities",)

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def __len__(self) -> int:
        return len(self.entities)


def _merge(layers: Iterable[list[_Entry]], problems: list[TableError]) -> dict[str, Entity]:
    merged: dict[str, Entity] = {}
    origin: dict[str, int] = {}
    for layer_no, entries in enumerate(layers):
        for entry in entries:
            e = entry.entity
            path = e.table or "?"
            old = merged.get(e.id)
            if entry.extend:
                if old is None:
                    _problem(problems, path, e.id, "'extend' names an id that no earlier table defines")
                    continue
                merged[e.id] = attrs.evolve(
                    old,
                    aliases=tuple(dict.fromkeys((*old.aliases, *e.aliases))),
                    weak=tuple(dict.fromkeys((*old.weak, *e.weak))),
                    acronyms=tuple(dict.fromkeys((*old.acronyms, *e.acronyms))),
                    sources=tuple(dict.fromkeys((*old.sources, *e.sources))),
                )
                continue
            if old is not None:
                if origin[e.id] == layer_no:
                    _problem(problems, path, e.id, f"duplicate id (also defined in {old.table})")
                    continue
                if not entry.override:
                    _problem(
                        problems,
                        path,
                        e.id,
                        f"id already defined in {old.table}; say 'override = true' to replace it "
                        "or 'extend = true' to add names",
                    )
                    continue
            elif entry.override:
                _problem(problems, path, e.id, "'override' names an id that no earlier table defines")
            merged[e.id] = e
            origin[e.id] = layer_no
    return merged


def _cross_check(entities: dict[str, Entity], problems: list[TableError]) -> None:
    strong: dict[str, Entity] = {}
    acronyms: dict[str, Entity] = {}
    for e in entities.values():
        path = e.table or "?"
        for ref_field in ("parent", "successor"):
            ref = getattr(e, ref_field)
            if ref is not None and ref not in entities:
                _problem(problems, path, e.id, f"{ref_field} {ref!r} is not a known id")
            if ref == e.id:
                _problem(problems, path, e.id, f"{ref_field} is the entity itself")
        seen_here: set[str] = set()
        for alias in e.strong_names:
            key = normalize(alias)
            if key in seen_here:
                continue
            seen_here.add(key)
            other = strong.get(key)
            if other is not None and other.priority == e.priority:
                _problem(
                    problems,
                    path,
                    e.id,
                    f"strong alias {alias!r} is also a name of {other.id} ({other.table}); "
                    "give one of them a different 'priority' or make the alias weak",
                )
            elif other is None or e.priority > other.priority:
                strong[key] = e
        for acr in e.acronyms:
            key = acr.replace(".", "")
            other = acronyms.get(key)
            if other is not None and other.id != e.id and other.priority == e.priority:
                _problem(
                    problems,
                    path,
                    e.id,
                    f"acronym {acr!r} is also an acronym of {other.id}; give one a different 'priority'",
                )
            elif other is None or e.priority > other.priority:
                acronyms[key] = e


def _collect(paths: Iterable[str | Path], include_default: bool) -> tuple[dict[str, Entity], list[TableError]]:
    problems: list[TableError] = []
    layers: list[list[_Entry]] = []
    if include_default:
        bundled: list[_Entry] = []
        for name, data in _bundled_files():
            bundled.extend(read_table(data, name, problems))
        layers.append(bundled)
    user: list[_Entry] = []
    for path in paths:
        for name, data in _user_files(path, problems):
            user.extend(read_table(data, name, problems))
    if user or not include_default:
        layers.append(user)
    entities = _merge(layers, problems)
    _cross_check(entities, problems)
    _check_successor_dates(entities, problems)
    return entities, problems


def load_catalog(paths: Iterable[str | Path] = (), *, include_default: bool = True) -> Catalog:
    """Load the bundled tables (unless ``include_default`` is false) and the
    tables at ``paths`` (files, or directories of ``*.toml``).

    Raises :class:`~borderlex.errors.TableError` for the first fault found;
    the message counts the others (:func:`check` lists them all).
    """
    entities, problems = _collect(paths, include_default)
    if problems:
        first = problems[0]
        if len(problems) > 1:
            raise TableError(first.path, first.entity, f"{first.reason} (and {len(problems) - 1} more problems)")
        raise first
    return Catalog(entities)


def check(paths: Iterable[str | Path] = (), *, include_default: bool = True) -> list[TableError]:
    """Every problem in the given tables (and the bundled ones), as a list."""
    return _collect(paths, include_default)[1]


def _check_successor_dates(entities: dict[str, Entity], problems: list[TableError]) -> None:
    """No successor starts before its predecessor (partial dates by their first
    day), so a lineage ordered by succession is ordered by ``valid_from`` too.
    Undated successors are passed over to the next dated one."""
    for e in entities.values():
        if e.valid_from is None:
            continue
        seen = {e.id}
        s = entities.get(e.successor) if e.successor is not None else None
        while s is not None and s.id not in seen and s.valid_from is None:
            seen.add(s.id)
            s = entities.get(s.successor) if s.successor is not None else None
        if s is not None and s.valid_from is not None and date_range(s.valid_from)[0] < date_range(e.valid_from)[0]:
            _problem(
                problems,
                e.table or "?",
                e.id,
                f"successor {s.id!r} starts ({s.valid_from}) before this entity ({e.valid_from})",
            )
