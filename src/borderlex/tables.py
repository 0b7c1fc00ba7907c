"""Alias tables: loading them in layers and checking them.

A table is a TOML file with an array of ``[[entity]]`` tables (see
``docs/tables.md``).  Loading never executes code: files are parsed with
``tomllib`` (``borderlex.table_reader`` reads one) and only the paths given
are read (see ``borderlex.table_files`` for which files are).  Every fault
is reported as a [`TableError`][borderlex.TableError] naming the file, the
entity and the reason; ``check()`` collects all of them instead of stopping
at the first, and ``review()`` adds what was skipped and which user aliases
lose to another entity's by priority.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

import attrs

from .errors import TableError, TableWarning
from .folding import normalize, spelling
from .model import Entity
from .redirects import redirect_problems, renamed
from .table_files import table_files
from .table_reader import MAX_TABLE_BYTES, Entry, problem, read_table

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "BUNDLED",
    "Catalog",
    "TableReport",
    "TableSources",
    "check",
    "checked_catalog",
    "load_catalog",
    "read_sources",
    "review",
]


#: Name under which the bundled tables are reported.
BUNDLED = "borderlex:data/aliases"


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
                problem(problems, path, ext.id, f"{n!r} is already a {how} alias of {ext.id}")
                found = True
    return found


def _merge(layers: Iterable[list[Entry]], problems: list[TableError]) -> _Merged:
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
                    problem(problems, path, e.id, "'extend' names an id that no earlier table defines")
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
                    problem(problems, path, e.id, f"duplicate id (also defined in {old.table})")
                    continue
                if not entry.override:
                    how = "say 'override = true' to replace it or 'extend = true' to add names"
                    problem(problems, path, e.id, f"id already defined in {old.table}; {how}")
                    continue
                added.pop(e.id, None)
            elif entry.override:
                problem(problems, path, e.id, "'override' names an id that no earlier table defines")
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
                problem(problems, _claim(rule, merged, e, key)[1], e.id, reason)
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
            problem(notes, lost_path, lost.id, reason)
        elif won_path not in bundled:
            reason = f"{rule.label} {won_name!r} takes over {lost.id} ({lost_path}) {priorities}"
            problem(notes, won_path, won.id, reason)


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
            problem(problems, blamed.table or "?", blamed.id, f"{ref_field} cycle: {' -> '.join(ring)}")


def _dated_successor(e: Entity, entities: dict[str, Entity]) -> Entity | None:
    """The first successor down the line that has a ``valid_from``: undated
    links are passed over, so a lineage is ordered by ``valid_from`` too."""
    seen = {e.id}
    after = entities.get(e.successor) if e.successor else None
    while after is not None and after.valid_from is None and after.id not in seen:
        seen.add(after.id)
        after = entities.get(after.successor) if after.successor else None
    return after


def _follow_renamed_links(entities: dict[str, Entity], notes: list[TableError]) -> None:
    """A table written before an id was renamed still loads: a ``parent`` or
    ``successor`` naming the old id is read as the new one (with a note).  The
    redirects are read only when a link names no entity."""
    for e in list(entities.values()):
        for ref_field in ("parent", "successor"):
            ref = getattr(e, ref_field)
            new = renamed(ref, entities) if ref is not None and ref not in entities else None
            if new is not None:
                old = entities[e.id]
                entities[e.id] = (
                    attrs.evolve(old, parent=new) if ref_field == "parent" else attrs.evolve(old, successor=new)
                )
                notes.append(TableError(e.table or "?", e.id, f"{ref_field} {ref!r} is a renamed id: read as {new!r}"))


def _cross_check(merged: _Merged, bundled: frozenset[str], problems: list[TableError], notes: list[TableError]) -> None:
    entities = merged.entities
    _follow_renamed_links(entities, notes)
    for e in entities.values():
        path = e.table or "?"
        for ref_field in ("parent", "successor"):
            ref = getattr(e, ref_field)
            if ref is not None and ref not in entities:
                problem(problems, path, e.id, f"{ref_field} {ref!r} is not a known id")
            if ref == e.id:
                problem(problems, path, e.id, f"{ref_field} is the entity itself")
        after = _dated_successor(e, entities)
        if after is not None and e.valid_from and after.valid_from:
            n = min(len(e.valid_from), len(after.valid_from))  # partial dates: compare what both say
            if after.valid_from[:n] < e.valid_from[:n]:
                problem(
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
    layers: list[list[Entry]] = [[] for _ in range(sources.layers)]
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
    entities, report = _collect_sources(read_sources(paths, include_default))
    if include_default:
        # Checked here, not on load: loading never reads the redirects (borderlex.redirects).
        report = attrs.evolve(report, problems=(*report.problems, *redirect_problems(entities)))
    return entities, report


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
