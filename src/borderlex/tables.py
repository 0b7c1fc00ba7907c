"""Alias tables: reading TOML files and checking them.

A table is a TOML file with an array of ``[[entity]]`` tables (see
``docs/tables.md``).  Loading never executes code: files are parsed with
``tomllib`` and only the paths given are read (see ``borderlex.table_files``
for which files are).  Every fault is reported as a
[`TableError`][borderlex.TableError] naming the file, the entity and the
reason; ``check()`` collects all of them instead of stopping at the first,
and ``review()`` adds what was skipped and which user aliases lose to
another entity's by priority.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from .errors import TableError, TableWarning
from .folding import normalize, spelling
from .model import DESIGNATES, KINDS, TYPES, Entity
from .table_files import table_files

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

__all__ = [
    "BUNDLED",
    "MAX_TABLE_BYTES",
    "Catalog",
    "TableReport",
    "TableSources",
    "check",
    "checked_catalog",
    "load_catalog",
    "read_sources",
    "read_table",
    "review",
]

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
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
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
            elif key == "name" and not normalize(value):
                bad(f"name {value!r} normalizes to nothing: it could never be found")
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
            if isinstance(raw[key], _dt.datetime):
                bad(f"{key!r} must be a date, not a date-time")
            elif value is None:
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
        if m and m.group(1) not in KINDS:
            bad(f"id prefix {m.group(1)!r} is not a kind (expected one of {', '.join(KINDS)})")
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


def _tomllib() -> ModuleType:
    """The TOML parser, imported when a table is parsed: a compiled index
    loads without it (``import borderlex`` stays light)."""
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415

        return tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli  # noqa: PLC0415

        return tomli


def _parse_failure(e: Exception) -> str:
    """What the parser's exception says, for hostile input too."""
    if isinstance(e, RecursionError):
        return "nested too deeply"
    if isinstance(e, MemoryError):
        return "too large to parse in memory"
    if not isinstance(e, _tomllib().TOMLDecodeError) and "integer string conversion" in str(e):
        return f"an integer has more than {sys.get_int_max_str_digits()} digits"
    return str(e)


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
        data: dict[str, Any] = _tomllib().loads(text)
    except (ValueError, RecursionError, MemoryError) as e:  # TOMLDecodeError is a ValueError
        _problem(problems, path, None, f"invalid TOML: {_parse_failure(e)}")
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
    here = os.path.join(os.path.dirname(__file__), "data", "aliases")
    if os.path.isdir(here):
        # The common case, an unpacked package: plain os calls (importlib.resources costs more to import).
        for name in sorted(os.listdir(here)):
            full = os.path.join(here, name)
            if name.endswith(".toml") and os.path.isfile(full):
                with open(full, "rb") as f:
                    yield f"{BUNDLED}/{name}", f.read()
        return
    from importlib import resources  # noqa: PLC0415 - a zipped package

    root = resources.files("borderlex").joinpath("data").joinpath("aliases")
    for item in sorted(root.iterdir(), key=lambda t: t.name):
        if item.name.endswith(".toml") and item.is_file():
            yield f"{BUNDLED}/{item.name}", item.read_bytes()


class Catalog:
    """Entities by id, merged from one or more layers of tables.

    Later layers extend the earlier ones.  An id already defined in an
    earlier layer is an error unless the new entry says ``override = true``
    (replace it) or ``extend = true`` (add names to it).
    """

    __slots__ = ("entities",)

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        # A dict, or a compiled file's entities decoded on demand (borderlex.compiled).
        self.entities = entities

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def __len__(self) -> int:
        return len(self.entities)


@attrs.frozen
class TableReport:
    """What checking tables found (see ``review()``).

    Each item is a [`TableError`][borderlex.TableError] record naming the
    file, the entity (or ``None``) and the reason.  ``problems`` are faults;
    ``skipped`` are paths in a table directory named like tables that were
    not loaded (a sub-directory, a FIFO, a dangling link...); ``notes`` are
    strong aliases or acronyms of a user table that lose by ``priority`` to a
    name from another file, or take a bundled entity's over.  Only problems
    stop a load.
    """

    problems: tuple[TableError, ...] = ()
    skipped: tuple[TableError, ...] = ()
    notes: tuple[TableError, ...] = ()


class _Merged(NamedTuple):
    entities: dict[str, Entity]
    added: dict[str, dict[str, str]]
    """For an extended entity: each name an extension added, and the extension's file."""
    order: dict[str, int]
    """When each entity's entry was read (the last override counts)."""


def _extension_conflicts(old: Entity, ext: Entity, path: str, problems: list[TableError]) -> bool:
    """Whether ``ext`` lists as weak a strong alias of ``old``, or the other way round."""
    found = False
    for names, others, how in ((ext.weak, old.aliases, "strong"), (ext.aliases, old.weak, "weak")):
        listed = {spelling(n) for n in others}
        for n in names:
            if spelling(n) in listed:
                _problem(problems, path, ext.id, f"{n!r} is already a {how} alias of {ext.id}")
                found = True
    return found


def _merge(layers: Iterable[list[_Entry]], problems: list[TableError]) -> _Merged:
    merged: dict[str, Entity] = {}
    added: dict[str, dict[str, str]] = {}
    order: dict[str, int] = {}
    origin: dict[str, int] = {}
    seq = 0
    for layer_no, entries in enumerate(layers):
        # A layer's extensions apply after its definitions, wherever they stand
        # in it: the bundled tables are one layer, read in file-name order, and
        # places-countries.toml extends place:united-states of places.toml.
        for entry in sorted(entries, key=lambda entry: entry.extend):
            e = entry.entity
            path = e.table or "?"
            old = merged.get(e.id)
            if entry.extend:
                if old is None:
                    _problem(problems, path, e.id, "'extend' names an id that no earlier table defines")
                    continue
                if _extension_conflicts(old, e, path, problems):
                    continue
                # The entity keeps its own table; the names it gains remember theirs.
                mine = added.setdefault(e.id, {})
                for name in (*e.aliases, *e.weak, *e.acronyms):
                    if name not in old.all_names:
                        mine.setdefault(name, path)
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
                    how = "say 'override = true' to replace it or 'extend = true' to add names"
                    _problem(problems, path, e.id, f"id already defined in {old.table}; {how}")
                    continue
                added.pop(e.id, None)
            elif entry.override:
                _problem(problems, path, e.id, "'override' names an id that no earlier table defines")
            merged[e.id] = e
            origin[e.id] = layer_no
            order[e.id] = seq
            seq += 1
    return _Merged(merged, added, order)


class _Rule(NamedTuple):
    """Names that no two entities may share at the same priority."""

    label: str
    noun: str
    advice: str
    names: Callable[[Entity], tuple[str, ...]]
    key: Callable[[str], str]


_SHARED_NAME_RULES = (
    _Rule(
        "strong alias",
        "a name",
        "give one of them a different 'priority' or make the alias weak",
        lambda e: e.strong_names,
        normalize,
    ),
    _Rule(
        "acronym", "an acronym", "give one a different 'priority'", lambda e: e.acronyms, lambda a: a.replace(".", "")
    ),
)


def _claim(rule: _Rule, merged: _Merged, e: Entity, key: str) -> tuple[str, str]:
    """The name of ``e`` with this key, and the file that gave ``e`` the name."""
    name = next(n for n in rule.names(e) if rule.key(n) == key)
    return name, merged.added.get(e.id, {}).get(name) or e.table or "?"


def _shared_names(
    rule: _Rule, merged: _Merged, bundled: frozenset[str], problems: list[TableError], notes: list[TableError]
) -> None:
    """Names that several entities claim: the same priority is a problem.  A
    user's name that loses by priority to a name from another file, or wins
    over a bundled entity's, is a note."""
    winners: dict[str, Entity] = {}
    losers: list[tuple[str, Entity]] = []
    for e in merged.entities.values():
        seen: set[str] = set()
        for name in rule.names(e):
            key = rule.key(name)
            if key in seen:
                continue
            seen.add(key)
            other = winners.get(key)
            if other is None or e.priority > other.priority:
                winners[key] = e
                if other is not None:
                    losers.append((key, other))
            elif other.priority == e.priority:
                where = _claim(rule, merged, other, key)[1]
                reason = f"{rule.label} {name!r} is also {rule.noun} of {other.id} ({where}); {rule.advice}"
                _problem(problems, _claim(rule, merged, e, key)[1], e.id, reason)
            else:
                losers.append((key, e))
    for key, lost in losers:
        won = winners[key]
        (lost_name, lost_path), (won_name, won_path) = _claim(rule, merged, lost, key), _claim(rule, merged, won, key)
        if lost_path == won_path:
            continue  # one file set both priorities
        priorities = f"by priority {won.priority} over {lost.priority}"
        if lost_path not in bundled:
            reason = f"{rule.label} {lost_name!r} resolves to {won.id} ({won_path}) {priorities}"
            _problem(notes, lost_path, lost.id, reason)
        elif won_path not in bundled:
            reason = f"{rule.label} {won_name!r} takes over {lost.id} ({lost_path}) {priorities}"
            _problem(notes, won_path, won.id, reason)


def _cycles(merged: _Merged, problems: list[TableError]) -> None:
    """Parent and successor chains that come back to where they started."""
    entities = merged.entities
    for ref_field in ("parent", "successor"):
        done: set[str] = set()
        for start in entities:
            chain: dict[str, int] = {}
            node: str | None = start
            while node is not None and node in entities and node not in done and node not in chain:
                chain[node] = len(chain)
                node = getattr(entities[node], ref_field)
            done.update(chain)
            if node is None or node not in chain:
                continue
            cycle = list(chain)[chain[node] :]
            if len(cycle) < 2:
                continue  # an entity that names itself is reported on its own
            # Blame the entity read last: the one that closed the cycle.
            last = max(range(len(cycle)), key=lambda i: merged.order[cycle[i]])
            ring = [*cycle[last:], *cycle[:last], cycle[last]]
            blamed = entities[cycle[last]]
            _problem(problems, blamed.table or "?", blamed.id, f"{ref_field} cycle: {' -> '.join(ring)}")


def _dated_successor(e: Entity, entities: dict[str, Entity]) -> Entity | None:
    """The first successor down the line that has a ``valid_from``: undated
    links are passed over, so a lineage is ordered by ``valid_from`` too."""
    seen = {e.id}
    after = entities.get(e.successor) if e.successor else None
    while after is not None and after.valid_from is None and after.id not in seen:
        seen.add(after.id)
        after = entities.get(after.successor) if after.successor else None
    return after


def _cross_check(merged: _Merged, bundled: frozenset[str], problems: list[TableError], notes: list[TableError]) -> None:
    entities = merged.entities
    for e in entities.values():
        path = e.table or "?"
        for ref_field in ("parent", "successor"):
            ref = getattr(e, ref_field)
            if ref is not None and ref not in entities:
                _problem(problems, path, e.id, f"{ref_field} {ref!r} is not a known id")
            if ref == e.id:
                _problem(problems, path, e.id, f"{ref_field} is the entity itself")
        after = _dated_successor(e, entities)
        if after is not None and e.valid_from and after.valid_from:
            n = min(len(e.valid_from), len(after.valid_from))  # partial dates: compare what both say
            if after.valid_from[:n] < e.valid_from[:n]:
                _problem(
                    problems,
                    path,
                    e.id,
                    f"successor {after.id} begins ({after.valid_from}) before this entity does ({e.valid_from})",
                )
    _cycles(merged, problems)
    for rule in _SHARED_NAME_RULES:
        _shared_names(rule, merged, bundled, problems, notes)


class TableSources(NamedTuple):
    """The bytes of the tables to load, read but not parsed.

    ``items`` are in reading order: ``(layer, name, bytes)`` for a file, or
    a :class:`TableError` for a path that could not be read, where it was met
    (so problems are reported in the same order whatever the loader).
    """

    items: tuple[tuple[int, str, bytes] | TableError, ...]
    layers: int
    bundled: frozenset[str]
    skipped: tuple[TableError, ...]

    @property
    def readable(self) -> bool:
        """Whether every path could be read (parsing may still find faults)."""
        return not any(isinstance(item, TableError) for item in self.items)


def read_sources(paths: Iterable[str | Path], include_default: bool) -> TableSources:
    """Read the bundled tables (unless ``include_default`` is false) and the
    tables at ``paths``: the bundled tables are one layer, each user file one
    of its own, in the order given (a directory's in name order)."""
    items: list[tuple[int, str, bytes] | TableError] = []
    skipped: list[TableError] = []
    bundled: set[str] = set()
    layer = 0
    if include_default:
        for name, data in _bundled_files():
            bundled.add(name)
            items.append((0, name, data))
        layer = 1
    for path in paths:
        problems: list[TableError] = []
        for name, data in table_files(path, MAX_TABLE_BYTES, problems, skipped):
            items.extend(problems)
            problems.clear()
            items.append((layer, name, data))
            layer += 1
        items.extend(problems)
    return TableSources(tuple(items), layer, frozenset(bundled), tuple(skipped))


def _collect_sources(sources: TableSources) -> tuple[dict[str, Entity], TableReport]:
    problems: list[TableError] = []
    layers: list[list[_Entry]] = [[] for _ in range(sources.layers)]
    for item in sources.items:
        if isinstance(item, TableError):
            problems.append(item)
        else:
            layer, name, data = item
            layers[layer].extend(read_table(data, name, problems))
    merged = _merge(layers, problems)
    notes: list[TableError] = []
    _cross_check(merged, sources.bundled, problems, notes)
    return merged.entities, TableReport(tuple(problems), sources.skipped, tuple(notes))


def _collect(paths: Iterable[str | Path], include_default: bool) -> tuple[dict[str, Entity], TableReport]:
    return _collect_sources(read_sources(paths, include_default))


def warn_skipped(skipped: tuple[TableError, ...], stacklevel: int = 3) -> None:
    """One :class:`~borderlex.errors.TableWarning` listing the paths skipped, if any."""
    if skipped:
        warnings.warn(TableWarning(skipped), stacklevel=stacklevel)


def review(paths: Iterable[str | Path] = (), *, include_default: bool = True) -> TableReport:
    """Check the given tables (and the bundled ones): every problem, every
    path skipped in a table directory and every note, without warning."""
    return _collect(paths, include_default)[1]


def load_catalog(paths: Iterable[str | Path] = (), *, include_default: bool = True) -> Catalog:
    """Load the bundled tables (unless ``include_default`` is false) and the
    tables at ``paths`` (files, or directories of ``*.toml``).

    Raises [`TableError`][borderlex.TableError] for the first fault found;
    the message counts the others (``check()`` lists them all).  Paths a
    directory holds but that cannot be loaded are skipped with one
    [`TableWarning`][borderlex.TableWarning] listing them.
    """
    return checked_catalog(read_sources(paths, include_default), stacklevel=4)


def checked_catalog(sources: TableSources, *, stacklevel: int = 3) -> Catalog:
    """The catalog of tables read by :func:`read_sources`, checked as
    :func:`load_catalog` checks them (the same warning, the same error)."""
    entities, report = _collect_sources(sources)
    warn_skipped(report.skipped, stacklevel)
    problems = report.problems
    if problems:
        first = problems[0]
        if len(problems) > 1:
            raise TableError(first.path, first.entity, f"{first.reason} (and {len(problems) - 1} more problems)")
        raise first
    return Catalog(entities)


def check(paths: Iterable[str | Path] = (), *, include_default: bool = True) -> list[TableError]:
    """Every problem in the given tables (and the bundled ones), as a list;
    skipped paths are warned about as by ``load_catalog()``
    (``review()`` returns them instead)."""
    report = _collect(paths, include_default)[1]
    warn_skipped(report.skipped)
    return list(report.problems)
