"""The resolver: alias tables, their index, and every lookup over them.

A [`Resolver`][borderlex.Resolver] holds a catalog and its alias index;
it resolves queries (through the tiers of ``borderlex.tiers``), remembers
answers, explains them (``borderlex.explanation``), reads dataset cells
(``borderlex.cells``) and builds its scanner, lineages and hierarchy on
first use.  It pickles as a reference to its tables.

The module is a little over 500 lines because it is one class whose methods
are the public API (each a few lines that check arguments and call the
module that does the work); splitting the class would scatter that surface.
"""

from __future__ import annotations

import datetime
import functools
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .arguments import check_kind, check_kinds, check_limit, check_values
from .dates import Period, parse_as_of
from .errors import UnknownEntityError
from .explanation import Explanation, Step, date_reason, reason
from .folding import normalize, remembered
from .hierarchy import Hierarchy
from .index import AliasIndex, Strength
from .lineage import Lineages
from .model import Entity, Kind, Match, Mention, Method
from .name_keys import name_key, skeleton
from .query_rules import MIN_FUZZY_KEY, ratio
from .redirects import renamed
from .streaming import scan_chunks
from .tiers import FUZZY_CEILING, MAX_FUZZY_CHARS, search, to_matches

if TYPE_CHECKING:
    from pathlib import Path

    from .cells import CellLookups, CellReading
    from .model import Mention
    from .scanning import Scanner
    from .tables import Catalog

__all__ = ["Resolver"]


# How many answers resolve_many remembers across calls.
_MEMO_SIZE = 200_000

T = TypeVar("T")
_MISSING: Any = object()


class Resolver:
    """Resolves names against a catalog of alias tables.

    A resolver is immutable once built and safe to share between threads.
    It pickles as a reference to its tables (the bundled ones and the user
    paths), not as its index, so sending one to worker processes is cheap.
    """

    __slots__ = (
        "__weakref__",
        "_answers",
        "_catalog",
        "_hierarchy",
        "_index",
        "_lineages",
        "_lock",
        "_memo",
        "_scanner",
        "_spec",
    )

    _default: Resolver | None = None
    _default_lock = threading.Lock()

    def __init__(
        self,
        catalog: Catalog,
        *,
        _spec: tuple[tuple[str, ...], bool] | None = None,
        _index: AliasIndex | None = None,
    ) -> None:
        self._catalog = catalog
        self._index = AliasIndex(catalog) if _index is None else _index
        self._spec = _spec
        self._lock = threading.Lock()
        self._scanner: Scanner | None = None
        self._lineages: Lineages | None = None
        self._hierarchy: Hierarchy | None = None
        # Answers given: to plain queries (no kind, no date) by the query
        # itself, to the others by (query, kind, date).
        self._answers: dict[str, Match | None] = {}
        self._memo: dict[tuple[str, str | None, Period | None], Match | None] = {}

    @classmethod
    def default(cls) -> Resolver:
        """The resolver over the bundled tables, loaded once on first use."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = _load(cls, ((), True))
        return cls._default

    @classmethod
    def from_tables(cls, *paths: str | Path, include_default: bool = True) -> Resolver:
        """A resolver over user tables (files or directories of ``*.toml``),
        on top of the bundled tables unless ``include_default`` is false.

        Raises [`TableError`][borderlex.TableError] for a broken table.
        """
        # Absolute, not resolved: a symlink loop is for the table loader to name.
        spec = (tuple(os.path.abspath(p) for p in paths), include_default)
        return _load(cls, spec)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        if self._spec is None:
            raise TypeError("only resolvers made by default() or from_tables() can be pickled")
        paths, include_default = self._spec
        if not paths and include_default:
            return (Resolver.default, ())
        return (_from_spec, (paths, include_default))

    def __repr__(self) -> str:
        return f"<Resolver: {len(self._catalog)} entities, {len(self._index)} names>"

    # -- entities ---------------------------------------------------------

    @overload
    def get(self, entity_id: str) -> Entity: ...
    @overload
    def get(self, entity_id: str, default: T) -> Entity | T: ...

    def get(self, entity_id: str, default: Any = _MISSING) -> Any:
        """The entity with this id, or with the id it was renamed to (``data/redirects.toml``).
        Raises [`UnknownEntityError`][borderlex.UnknownEntityError] (a ``LookupError``) when there
        is none, unless ``default`` is given."""
        entities = self._catalog.entities
        entity = entities.get(entity_id)
        if entity is None:
            new = renamed(entity_id, entities)
            if new is not None:
                return entities[new]
            if default is _MISSING:
                raise UnknownEntityError(entity_id)
            return default
        return entity

    def _current_id(self, entity_id: str) -> str:
        """``entity_id``, or the id it was renamed to; the redirects are read only on a miss."""
        entities = self._catalog.entities
        if entity_id in entities:
            return entity_id
        return renamed(entity_id, entities) or entity_id

    def entities(self, kind: Kind | None = None) -> Iterator[Entity]:
        """All entities, or those of one kind, in table order."""
        check_kind(kind)
        return (e for e in self._catalog if kind is None or e.kind == kind)

    # -- time and place ---------------------------------------------------

    def lineage(self, entity_id: str) -> list[Entity]:
        """The entity with its predecessors and successors, oldest first.

        A merge shows as several predecessors of one entity; see
        ``borderlex.lineage``.  Raises [`UnknownEntityError`][borderlex.UnknownEntityError] for an
        unknown id.
        """
        return self.lineages().lineage(self._current_id(entity_id))

    def current(self, entity_id: str, *, as_of: Any = None) -> Entity:
        """The entity in force at ``as_of`` (today when ``None``) in this
        entity's line of successors: "org:jabhat-al-nusra" as of 2018 is
        Hayat Tahrir al-Sham.

        ``as_of`` is a ``datetime.date`` or an ISO date (``YYYY``,
        ``YYYY-MM``, ``YYYY-MM-DD``; a partial date means its last day here:
        the entity in force by the end of that year or month).  Successors
        are followed, never predecessors.
        """
        period = parse_as_of(as_of) or _today()
        return self.lineages().current(self._current_id(entity_id), period)

    def ancestors(self, entity_id: str) -> list[Entity]:
        """What contains the entity, nearest first, up to its country
        (a facility → its town → governorate → country); see
        ``borderlex.hierarchy``."""
        return self.hierarchy().ancestors(self._current_id(entity_id))

    def within(self, entity_id: str, ancestor_id: str) -> bool:
        """Whether ``ancestor_id`` is one of the entity's [`ancestors`][borderlex.Resolver.ancestors]."""
        return self.hierarchy().within(self._current_id(entity_id), self._current_id(ancestor_id))

    def children(self, entity_id: str) -> list[Entity]:
        """The entities whose nearest ancestor is this one, in table order."""
        return self.hierarchy().children(self._current_id(entity_id))

    def lineages(self) -> Lineages:
        """The successor links of the tables, built on first use."""
        return self._built("_lineages", lambda: Lineages(self._catalog.entities))

    def hierarchy(self) -> Hierarchy:
        """The parent and country links of the tables, built on first use."""
        return self._built("_hierarchy", lambda: Hierarchy(self._catalog.entities))

    def _built(self, slot: str, make: Callable[[], T]) -> T:
        """The value in ``slot``, made once (under the lock) on first use."""
        value: T | None = getattr(self, slot)
        if value is None:
            with self._lock:
                value = getattr(self, slot)
                if value is None:
                    value = make()
                    setattr(self, slot, value)
        return value

    # -- resolution -------------------------------------------------------

    def resolve(self, query: str, *, kind: Kind | None = None, as_of: Any = None) -> Match | None:
        """The entity ``query`` names, or ``None`` when nothing matches.

        ``as_of`` (a ``datetime.date`` or ``YYYY``, ``YYYY-MM``,
        ``YYYY-MM-DD``) settles a spelling several entities share: those
        that existed at that date win ("Syrian interim government" in 2018
        and in 2025).  A name still resolves to the entity it denotes:
        "Jabhat Fateh al-Sham" is JFS at any date ([`current`][borderlex.Resolver.current] gives
        what it became).
        """
        return self._resolve(query, kind, parse_as_of(as_of))

    def _resolve(self, query: str, kind: str | None, period: Period | None) -> Match | None:
        if kind is not None:
            check_kind(kind)
        elif period is None and type(query) is str:
            # Every answer to a plain query is remembered, whichever tier gave
            # it (exact, normalized, name key, fuzzy, a shared spelling, a
            # cell) or none: a column or a stream repeats its spellings.
            known: Match | None = self._answers.get(query, _MISSING)
            if known is not _MISSING:
                return known
            # Fast path: an alias as written, naming one entity (the common
            # case); its Match is made once (it is immutable) and reused.
            hit = self._index.exact_single(query)
            if hit is not None:
                if hit.strength is not Strength.WEAK:
                    made = Match(
                        id=hit.entity.id,
                        entity=hit.entity,
                        alias=hit.alias,
                        query=query,
                        score=100.0,
                        method=Method.EXACT,
                    )
                else:  # the full path: another entity may own the spelling strongly ("Akra")
                    made = self._rank(query, None, None)[0]
                if len(self._answers) >= _MEMO_SIZE:
                    self._answers.clear()
                self._answers[query] = made
                return made
        if type(query) is not str or len(query) > MAX_FUZZY_CHARS:
            ranked = self._rank(query, kind, None, period=period)
            return ranked[0] if ranked else None
        # Every other answer is remembered too, misses included: a column or
        # a stream repeats its spellings, found or not.
        plain = kind is None and period is None  # if so, looked for above
        key = (query, kind, period)
        if not plain:
            try:
                return self._memo[key]
            except KeyError:  # not asked yet (or forgotten by another thread just now)
                pass
        ranked = self._rank(query, kind, None, period=period)
        found = ranked[0] if ranked else None
        # A dataset cell ("QSD: Syrian Democratic Forces", "Mosul, Ninawa,
        # Iraq") is read by its structure; its answer is memoized like any other.
        reading = self._read_cell(query, kind, period, found)
        if reading is not None:
            found = reading.match
        with self._lock:
            memo: dict[Any, Match | None] = self._answers if plain else self._memo
            if len(memo) >= _MEMO_SIZE:
                memo.clear()  # simple and bounded; a column's spellings soon come back
            memo[query if plain else key] = found
        return found

    def candidates(
        self,
        query: str,
        *,
        kind: Kind | None = None,
        limit: int = 5,
        as_of: Any = None,
        score_cutoff: float | None = None,
    ) -> list[Match]:
        """The best match for each entity that could be meant, best first
        (with ``as_of``, those that existed then first among equal scores).

        With ``score_cutoff`` (0-100), near spellings that fail the
        resolver's own tests (its fuzzy threshold, every word agreeing)
        follow them, as ``fuzzy`` matches scored at least ``score_cutoff``:
        suggestions, most useful when nothing matched.  ``None`` (the
        default) lists only what passes."""
        period = parse_as_of(as_of)
        if check_limit(limit) == 0:
            check_kind(kind)
            return []
        ranked = self._rank(query, kind, None, everything=True, period=period)[:limit]
        if score_cutoff is None or len(ranked) >= limit:
            return ranked
        seen = {m.id for m in ranked}
        joined = name_key(normalize(query)).joined
        near: list[Match] = []
        if len(joined) >= MIN_FUZZY_KEY:
            raw_cutoff = min(100.0, max(0.0, score_cutoff) * 100.0 / FUZZY_CEILING)
            for cand_key, entries in self._index.fuzzy_candidates(joined, score_cutoff=raw_cutoff):
                score = ratio(joined, cand_key) * FUZZY_CEILING / 100.0
                for e in entries:
                    if score >= score_cutoff and e.entity.id not in seen and (kind is None or e.entity.kind == kind):
                        seen.add(e.entity.id)
                        near.append(Match(e.entity.id, e.entity, e.alias, query, score, Method.FUZZY))
        near.sort(key=lambda m: -m.score)
        return [*ranked, *near][:limit]

    def explain(self, query: str, *, kind: Kind | None = None, limit: int = 5, as_of: Any = None) -> Explanation:
        """Each tier's forms, the candidates and their scores, and why the
        winner won (or why nothing matched), including when the date did."""
        check_limit(limit)
        period = parse_as_of(as_of)
        steps: list[Step] = []
        ranked = self._rank(query, kind, steps, everything=True, period=period)
        norm = normalize(query)
        key = name_key(norm)
        skel = skeleton(key.joined)
        winner = self._rank(query, kind, None, period=period)
        match = winner[0] if winner else None
        # As in _resolve: only a str of a name's length is read as a cell.
        readable = isinstance(query, str) and len(query) <= MAX_FUZZY_CHARS
        cell = self._read_cell(query, kind, period, match) if readable else None
        if cell is not None:
            match = cell.match
        rivals: list[Entity] = []
        if period is not None:
            undated = self._rank(query, kind, None)
            if undated:
                rivals = [self.get(i) for i in (undated[0].id, *undated[0].alternatives)]
        return Explanation(
            query=query,
            normalized=norm,
            key=key.tokens,
            designators=tuple(sorted(key.designators)),
            skeleton=skel if len(skel) >= 3 else "",
            steps=tuple(steps),
            candidates=tuple(ranked[:limit]),
            match=match,
            reason=f"read as a cell ({cell.rule}): {cell.reason}"
            if cell is not None
            else reason(match, ranked, key, steps) + date_reason(match, rivals, period),
            cell=cell,
        )

    def _read_cell(
        self, query: str, kind: str | None, period: Period | None, plain: Match | None
    ) -> CellReading | None:
        return _cell_reader()(self._cell_lookups, query, kind, period, plain)

    def _cell_lookups(self) -> CellLookups:
        from .cells import CellLookups  # noqa: PLC0415 - as in _read_cell

        # Made per reading, not kept: a resolver holding its own bound methods would be a cycle.
        return CellLookups(
            resolve=self._resolve,
            rank=lambda text, kind, period: self._rank(text, kind, None, period=period),
            get=self.get,
            ancestors=self.ancestors,
        )

    def clear_cache(self) -> None:
        """Forget remembered answers (they are bounded anyway; answers never
        change, since a resolver's tables do not)."""
        with self._lock:
            self._memo.clear()
            self._answers.clear()

    def resolve_many(self, values: Iterable[str], *, kind: Kind | None = None, as_of: Any = None) -> list[Match | None]:
        """``resolve`` for each value, in order; repeated values are resolved
        once, and answers are remembered across calls (a bounded cache), so a
        worker that resolves partition after partition of one column looks
        each spelling up once.  ``as_of`` is one date for all values."""
        check_values(values)
        check_kind(kind)
        period = parse_as_of(as_of)
        values = values if isinstance(values, list) else list(values)
        if set(map(type, values)) <= {str}:
            # Repeats are dropped before anything is normalized, and rows are
            # matched to answers, in C: only the distinct spellings cost Python.
            answers: dict[str, Match | None] = dict.fromkeys(values)
            for v in answers:
                answers[v] = self._resolve(v, kind, period)
            return list(map(answers.__getitem__, values))
        seen: dict[str, Match | None] = {}
        out: list[Match | None] = []
        for v in values:
            found = seen.get(v, _MISSING) if type(v) is str else _MISSING
            if found is _MISSING:
                found = seen[v] = self._resolve(v, kind, period)
            out.append(found)
        return out

    def scan(
        self, text: str, *, kinds: Iterable[Kind] | None = None, fuzzy: bool = False, as_of: Any = None
    ) -> list[Mention]:
        """Every mention of a known entity in ``text`` (see ``borderlex.scanning``);
        ``as_of`` settles shared spellings as in [`resolve`][borderlex.Resolver.resolve]."""
        return self.scanner().scan(text, kinds=kinds, fuzzy=fuzzy, as_of=parse_as_of(as_of))

    def scan_iter(
        self,
        pieces: str | Iterable[str],
        *,
        kinds: Iterable[Kind] | None = None,
        fuzzy: bool = False,
        as_of: Any = None,
    ) -> Iterator[Mention]:
        """Mentions in a text of any size, as they are found, in bounded memory.

        ``pieces`` is a string or an iterable of strings read as one text (a
        file object opened in text mode yields its lines); offsets are in the
        whole text.  It is scanned in chunks cut between lines (see
        ``borderlex.streaming`` for what a chunk cannot see).
        """
        wanted = check_kinds(kinds)
        period = parse_as_of(as_of)
        scanner = self.scanner()

        def scan(text: str) -> list[Mention]:
            return scanner.scan(text, kinds=wanted, fuzzy=fuzzy, as_of=period)

        return (m for _, _, found in scan_chunks(pieces, scan) for m in found)

    def scanner(self) -> Scanner:
        """The text scanner over this resolver's tables, built on first use."""

        def make() -> Scanner:
            from .scanning import Scanner  # noqa: PLC0415 - keeps `import borderlex` light

            return Scanner(self._index, self.resolve)

        return self._built("_scanner", make)

    @property
    def index(self) -> AliasIndex:
        """The alias index (read-only)."""
        return self._index

    # -- internals --------------------------------------------------------

    def _rank(
        self,
        query: str,
        kind: str | None,
        steps: list[Step] | None,
        *,
        everything: bool = False,
        period: Period | None = None,
    ) -> list[Match]:
        if not isinstance(query, str):
            raise TypeError(f"query must be str, not {type(query).__name__}")
        check_kind(kind)
        scored = search(self._index, query, kind, steps, everything=everything, period=period)
        return to_matches(query, scored, period)

    @property
    def catalog(self) -> Catalog:
        """The entities (read-only)."""
        return self._catalog


_CellReader = Callable[
    [Callable[[], "CellLookups"], str, "str | None", "Period | None", "Match | None"], "CellReading | None"
]


@functools.cache
def _cell_reader() -> _CellReader:
    """``cells.read_cell``, imported on the first miss: not at ``import
    borderlex``, and not per query (an import statement costs microseconds)."""
    from .cells import read_cell  # noqa: PLC0415

    return read_cell


def _load(cls: type[Resolver], spec: tuple[tuple[str, ...], bool]) -> Resolver:
    """A resolver over the tables of ``spec``, through the cache of compiled
    indexes (:mod:`borderlex.cache`)."""
    from .cache import load_tables  # noqa: PLC0415 - keeps `import borderlex` light

    with remembered():
        catalog, index = load_tables(spec[0], include_default=spec[1])
    return cls(catalog, _spec=spec, _index=index)


_BY_SPEC: dict[tuple[tuple[str, ...], bool], Resolver] = {}
_BY_SPEC_LOCK = threading.Lock()


def _from_spec(paths: tuple[str, ...], include_default: bool) -> Resolver:
    """Unpickle a resolver: each process loads the same tables only once, so
    tasks sent to a worker share one index."""
    key = (paths, include_default)
    with _BY_SPEC_LOCK:
        found = _BY_SPEC.get(key)
        if found is None:
            found = _BY_SPEC[key] = Resolver.from_tables(*paths, include_default=include_default)
    return found


def _today() -> Period:
    today = datetime.date.today()
    return Period(today, today, today.isoformat())
