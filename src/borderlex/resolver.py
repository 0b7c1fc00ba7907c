"""Resolution: from a query string to an entity, tier by tier.

Tiers, in order, each tried only when the ones before found nothing:

1. ``exact`` — the query is an alias as written (acronyms: in their case);
2. ``normalized`` — equal after [`normalize`][borderlex.normalize];
3. ``name_key`` — equal name keys (articles, romanization alternations and
   designators folded); designators in the query steer the entity type;
4. ``fuzzy`` — candidates from the trigram/skeleton index, scored with
   rapidfuzz's Indel ratio on name keys, accepted above a threshold that
   grows for short names, and only when every word of each side has a
   counterpart in the other (so "Harakat Hezbollah al-Nujaba" is not
   "Hezbollah").

Ties between entities are broken by the tables' ``priority`` (then strong
before weak, then id) and the match is marked ``ambiguous``.
"""

from __future__ import annotations

import datetime
import functools
import math
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, overload

import attrs

from .arabic_script import has_arabic_script
from .arguments import check_kind, check_kinds, check_limit, check_values
from .dates import Period, parse_as_of, valid_during
from .errors import UnknownEntityError
from .folding import normalize, remembered
from .hierarchy import Hierarchy
from .index import AliasEntry, AliasIndex, Strength
from .lineage import Lineages
from .model import DESIGNATES, Entity, Kind, Match, Mention, Method
from .name_keys import NameKey, designator_table, is_org_generic, leading_descriptors, name_key, skeleton
from .streaming import scan_chunks
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from pathlib import Path

    from .cells import CellLookups, CellReading
    from .model import Mention
    from .scanning import Scanner
    from .tables import Catalog

__all__ = ["MAX_FUZZY_CHARS", "Explanation", "Resolver", "fuzzy_threshold"]

# How many entities an explanation lists per tier.
_EXPLAIN_MAX = 8

# How many answers resolve_many remembers across calls.
_MEMO_SIZE = 200_000

#: Queries longer than this (normalized) skip the fuzzy tier: no real name is
#: that long, and it bounds the cost of a hostile input.
MAX_FUZZY_CHARS = 200

# Fixed scores of the key tier; fuzzy scores are scaled below them.
_KEY_SCORE = 95.0
_FUZZY_CEILING = 94.0
_WEAK_PENALTY = 10.0
#: Shorter name keys are never matched fuzzily, as query or as candidate.
_MIN_FUZZY_KEY = 5
_CROSS_SCRIPT_SCORE = 85.0
_SINGLE_WORD_FUZZY = 92.0

T = TypeVar("T")
_MISSING: Any = object()


def fuzzy_threshold(length: int, table_keys: int = 0) -> float | None:
    """The Indel ratio (0–100) a fuzzy candidate needs.

    It rises for short query keys, where one edit changes the name, and for
    large tables, where a chance neighbour is likelier (measured on GeoNames
    tables of 10k–1M aliases, see docs/performance.md): +3 per tenfold above
    a thousand keys, at most +9.  ``None`` below 5 characters: no fuzzy match.
    """
    if length < _MIN_FUZZY_KEY:
        return None
    base = 85.0 if length <= 7 else 82.0 if length <= 11 else 80.0
    bump = min(9.0, max(0.0, 3.0 * (math.log10(table_keys) - 3.0))) if table_keys > 0 else 0.0
    return min(99.0, base + bump)


def _has_strong(found: list[_Scored]) -> bool:
    return any(sc.entry.strength is not Strength.WEAK for sc in found)


class _Scored(NamedTuple):
    """A candidate alias with its score (internal; a tuple is cheap to make)."""

    entry: AliasEntry
    score: float
    method: Method
    note: str


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


def _compatible(designators: frozenset[str], entity: Entity) -> bool:
    return entity.type is not None and any(entity.type in DESIGNATES.get(c, ()) for c in designators)


def _designator_fit(query: NameKey, entry: AliasEntry) -> bool:
    """Whether a query may name an alias's entity, as far as designators go.

    A designator in the query must be the alias's or fit the entity's type
    ("Homs province" → a governorate).  A designator in the alias must be in
    the query: the bare name is usually the town, not the facility named
    after it ("Hamadan" is not "Hamadan air base").
    """
    if query.designators:
        return query.designators == entry.key.designators or _compatible(query.designators, entry.entity)
    return not entry.key.designators


# Adjectival endings that turn a place name into a demonym ("Syrian",
# "Iraqi", "Iranian"); the fuzzy tier never bridges them.
_DEMONYM_ENDINGS = frozenset({"n", "an", "ian", "i", "ni", "is", "ans", "ians", "ais", "iya"})


def _demonym_of(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.startswith(short) and long_[len(short) :] in _DEMONYM_ENDINGS


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz  # noqa: PLC0415 - see _covered

    return float(fuzz.ratio(a, b))


def _covered(token: str, tokens: tuple[str, ...], joined: str) -> bool:
    """Whether ``token`` has a counterpart in the other name."""
    from rapidfuzz import fuzz  # noqa: PLC0415 - rapidfuzz loads on first fuzzy use: `import borderlex` stays light

    if is_org_generic(token):
        # The same form word, or a typo of it ("Brigdae"); never another one
        # ("Army" is not "Forces").
        return token in tokens or (len(token) >= 4 and fuzz.partial_ratio(token, joined) >= 80)
    if len(token) <= 3:
        return token in joined
    need = 75.0 if len(token) >= 7 else 80.0
    return fuzz.partial_ratio(token, joined) >= need


def words_agree(a: NameKey, b: NameKey) -> bool:
    """Every word of ``a`` has a counterpart in ``b`` and vice versa.

    Organisation-form words ("force", "liwa", "army") must be present on both
    sides as such; other words may differ in spelling.  Two-letter words are
    left out (they are often split-off particles: "bu" in "Albu Kamal").
    """
    aj, bj = a.joined, b.joined
    return all(_covered(t, b.tokens, bj) for t in a.tokens if len(t) > 2) and all(
        _covered(t, a.tokens, aj) for t in b.tokens if len(t) > 2
    )


@functools.cache
def _designator_words() -> tuple[str, ...]:
    return tuple(sorted({w for phrase in designator_table() for w in phrase if len(w) >= 5 and w.isascii()}))


def _repair_designators(norm: str) -> str:
    """Replace each word that is one typo away from a designator word
    ("provinec", "crkossing") with that word; other words stay."""
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - see _covered

    words = norm.split()
    for i, w in enumerate(words):
        if len(w) < 5 or w in _designator_words():
            continue
        hit = process.extractOne(w, _designator_words(), scorer=fuzz.ratio, score_cutoff=85)
        if hit is not None:
            words[i] = hit[0]
    return " ".join(words)


@functools.cache
def _leading() -> frozenset[str]:
    # Titles, "تنظيم" and qualifiers ("the so-called Islamic State").
    words = vocabulary()
    return words.titles | leading_descriptors() | words.qualifiers


def _core(words: list[str]) -> tuple[int, int]:
    """The span of normalized ``words`` left when leading titles ("Col.",
    "the", "تنظيم") and trailing descriptors ("group", "militia") are dropped."""
    start, end = 0, len(words)
    leading = _leading()
    descriptors = vocabulary().org_descriptors
    while start < end - 1 and words[start] in leading:
        start += 1
    while end - 1 > start and words[end - 1] in descriptors:
        end -= 1
    return start, end


def _trim_words(text: str) -> str:
    """``text`` without leading titles and trailing descriptors, as written:
    "the IS group" → "IS", "Col. Garver" → "Garver"."""
    words = text.split()
    start, end = _core([normalize(w) for w in words])
    return " ".join(words[start:end])


def _query_variants(norm: str) -> list[tuple[NameKey, str]]:
    """The query's key, then the key of its core (see ``_core()``)."""
    words = norm.split()
    variants = [(name_key(norm), "")]
    start, end = _core(words)
    if (start, end) != (0, len(words)):
        dropped = " ".join(words[:start] + words[end:])
        variants.append((name_key(" ".join(words[start:end])), f"ignored {dropped!r}"))
    return variants


class Resolver:
    """Resolves names against a catalog of alias tables.

    A resolver is immutable once built and safe to share between threads.
    It pickles as a reference to its tables (the bundled ones and the user
    paths), not as its index, so sending one to worker processes is cheap.
    """

    __slots__ = (
        "__weakref__",
        "_catalog",
        "_exact_memo",
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
        self._memo: dict[tuple[str, str | None, Period | None], Match | None] = {}
        self._exact_memo: dict[str, Match] = {}

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
        """The entity with this id.  Raises [`UnknownEntityError`][borderlex.UnknownEntityError] (a
        ``LookupError``) when there is none, unless ``default`` is given."""
        entity = self._catalog.entities.get(entity_id)
        if entity is None:
            if default is _MISSING:
                raise UnknownEntityError(entity_id)
            return default
        return entity

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
        return self.lineages().lineage(entity_id)

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
        return self.lineages().current(entity_id, period)

    def ancestors(self, entity_id: str) -> list[Entity]:
        """What contains the entity, nearest first, up to its country
        (a facility → its town → governorate → country); see
        ``borderlex.hierarchy``."""
        return self.hierarchy().ancestors(entity_id)

    def within(self, entity_id: str, ancestor_id: str) -> bool:
        """Whether ``ancestor_id`` is one of the entity's [`ancestors`][borderlex.Resolver.ancestors]."""
        return self.hierarchy().within(entity_id, ancestor_id)

    def children(self, entity_id: str) -> list[Entity]:
        """The entities whose nearest ancestor is this one, in table order."""
        return self.hierarchy().children(entity_id)

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
            # Fast path: an alias as written, naming one entity (the common
            # case); its Match is made once (it is immutable) and reused.
            known = self._exact_memo.get(query)
            if known is not None:
                return known
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
                if len(self._exact_memo) >= _MEMO_SIZE:
                    self._exact_memo.clear()
                self._exact_memo[query] = made
                return made
        if type(query) is not str or len(query) > MAX_FUZZY_CHARS:
            ranked = self._rank(query, kind, None, period=period)
            return ranked[0] if ranked else None
        # Every other answer is remembered too, misses included: a column or
        # a stream repeats its spellings, found or not.
        key = (query, kind, period)
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
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()  # simple and bounded; a column's spellings soon come back
            self._memo[key] = found
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
        if len(joined) >= _MIN_FUZZY_KEY:
            raw_cutoff = min(100.0, max(0.0, score_cutoff) * 100.0 / _FUZZY_CEILING)
            for cand_key, entries in self._index.fuzzy_candidates(joined, score_cutoff=raw_cutoff):
                score = _ratio(joined, cand_key) * _FUZZY_CEILING / 100.0
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
            else _reason(match, ranked, key, steps) + _date_reason(match, rivals, period),
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
            self._exact_memo.clear()

    def resolve_many(self, values: Iterable[str], *, kind: Kind | None = None, as_of: Any = None) -> list[Match | None]:
        """``resolve`` for each value, in order; repeated values are resolved
        once, and answers are remembered across calls (a bounded cache), so a
        worker that resolves partition after partition of one column looks
        each spelling up once.  ``as_of`` is one date for all values."""
        check_values(values)
        check_kind(kind)
        period = parse_as_of(as_of)
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
        scored = self._search(query, kind, steps, everything, period)
        return _to_matches(query, scored, period)

    def _search(
        self, query: str, kind: str | None, steps: list[Step] | None, everything: bool, period: Period | None
    ) -> list[_Scored]:
        def keep(entries: Iterable[AliasEntry]) -> list[AliasEntry]:
            return [e for e in entries if kind is None or e.entity.kind == kind]

        def log(tier: str, looked_up: str, found: Iterable[_Scored], note: str = "") -> None:
            if steps is not None:
                best: dict[str, _Scored] = {}  # the best alias of each entity, best first
                for sc in sorted(found, key=lambda sc: -sc.score):
                    best.setdefault(sc.entry.entity.id, sc)
                shown = tuple(
                    f"{i} ({sc.entry.alias!r}, {sc.score:.1f})" for i, sc in list(best.items())[:_EXPLAIN_MAX]
                )
                steps.append(Step(tier, looked_up, shown, note))

        found: list[_Scored] = []
        stripped = query.strip()
        if not stripped:
            log("exact", stripped, (), "empty query")
            return found
        exact = [_Scored(e, 100.0, Method.EXACT, "") for e in keep(self._index.exact(stripped))]
        trimmed = _trim_words(stripped)
        if not exact and trimmed != stripped:
            exact = [
                _Scored(e, _KEY_SCORE, Method.EXACT, f"ignored words around {trimmed!r}")
                for e in keep(self._index.exact(trimmed))
            ]
        log("exact", stripped, exact)
        found += exact
        # Weak hits alone do not end the search: "Akra" as written is a weak
        # name of one town but, diacritics folded, the strong name of another.
        # With a date, a spelling as written whose entities all did not exist
        # then does not end it either: the same spelling folded may name one
        # that did ("Syrian interim government").
        if _has_strong(exact) and not everything and (period is None or _any_valid(exact, period)):
            return found
        norm = normalize(stripped)
        if not norm:
            log("normalized", norm, (), "nothing left after normalization")
            return found
        normal = [_Scored(e, 100.0, Method.NORMALIZED, "") for e in keep(self._index.normalized(norm))]
        log("normalized", norm, normal)
        found += normal
        if (normal or exact) and not everything:
            return found
        variants = _query_variants(norm)
        keyed: list[_Scored] = []
        for key, note in variants:
            if not key.tokens:
                log("name_key", "", (), "only generic words; they never match on their own")
                continue
            for e in keep(self._index.by_key(key.joined)):
                if _designator_fit(key, e):
                    keyed.append(_Scored(e, _KEY_SCORE, Method.NAME_KEY, note))
            log("name_key", " ".join(key.tokens) + "".join(f" <{d}>" for d in sorted(key.designators)), keyed, note)
            if keyed:
                break
        found += keyed
        if keyed and not everything:
            return found
        fuzzy = self._fuzzy(variants[0][0], norm, keep, stripped)
        note = "" if fuzzy or len(norm) <= MAX_FUZZY_CHARS else "query too long"
        if not fuzzy and len(norm) <= MAX_FUZZY_CHARS:
            # "Homs Provinec": a designator with a typo is read as the designator.
            repaired = _repair_designators(norm)
            if repaired != norm:
                rkey = name_key(repaired)
                # Scored by how far the typo is from the repaired query.
                score = _ratio(norm, repaired) * _FUZZY_CEILING / 100.0
                fuzzy = [
                    _Scored(e, score, Method.FUZZY, "")
                    for e in keep(self._index.by_key(rkey.joined))
                    if rkey.tokens and _designator_fit(rkey, e)
                ] or self._fuzzy(rkey, repaired, keep, stripped)
                note = f"read as {repaired!r}" if fuzzy else note
        log("fuzzy", variants[0][0].joined, fuzzy, note)
        return found + fuzzy

    def _fuzzy(self, key: NameKey, norm: str, keep: Any, raw: str) -> list[_Scored]:
        threshold = fuzzy_threshold(len(key.joined), self._index.key_count)
        if threshold is None or len(norm) > MAX_FUZZY_CHARS:
            return []
        # One word is little evidence: on real articles, one-word fuzzy matches
        # at 80-90 named the wrong thing 8 times in 8 (Geneva → Qanawat,
        # Mohamed → al-Mahmudiya): a single word needs a near-exact spelling,
        # and never matches across scripts (docs/accuracy.md).
        single = len(key.tokens) == 1
        if single:
            threshold = max(threshold, _SINGLE_WORD_FUZZY)
        # Cross-script queries are scored on skeletons below, so they take every candidate.
        cutoff = 0.0 if has_arabic_script(raw) else threshold
        cands = self._index.fuzzy_candidates(key.joined, score_cutoff=cutoff)
        if not cands:
            return []
        arabic_query = has_arabic_script(raw)
        qskel = skeleton(key.joined)
        out: list[_Scored] = []
        for cand_key, entries in cands:
            if len(cand_key) < _MIN_FUZZY_KEY:
                continue  # as for queries: one edit is a different short name ("Shafa" is not "Hafa")
            base = _ratio(key.joined, cand_key)
            for e in keep(entries):
                score = base
                cross = arabic_query != e.arabic
                if cross and single:
                    continue
                if cross and len(qskel) >= 4 and skeleton(cand_key) == qskel:
                    score = max(score, _CROSS_SCRIPT_SCORE / _FUZZY_CEILING * 100)
                if score < threshold or score >= 100.0:
                    continue
                if not cross and (not words_agree(key, e.key) or _demonym_of(key.joined, cand_key)):
                    continue
                if not _designator_fit(key, e):
                    continue
                final = score * _FUZZY_CEILING / 100.0
                out.append(_Scored(e, final, Method.FUZZY, "cross-script skeleton" if cross else ""))
        return out

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


_RANK_STRENGTH = {Strength.STRONG: 2, Strength.ACRONYM: 2, Strength.WEAK: 0}


def _any_valid(found: list[_Scored], period: Period) -> bool:
    return any(valid_during(sc.entry.entity, period) for sc in found)


def _to_matches(query: str, scored: list[_Scored], period: Period | None = None) -> list[Match]:
    best: dict[str, tuple[float, _Scored]] = {}
    for s in scored:
        score = s.score - (_WEAK_PENALTY if s.entry.strength is Strength.WEAK else 0.0)
        score = max(score, 0.0)
        old = best.get(s.entry.entity.id)
        if old is None or score > old[0]:
            best[s.entry.entity.id] = (score, s)
    if not best:
        return []

    def valid(e: Entity) -> bool:
        return period is None or valid_during(e, period)

    def order(item: tuple[float, _Scored]) -> tuple[float, bool, int, int, str]:
        score, s = item
        e = s.entry.entity
        # Among equal scores, an entity that existed at the date comes first.
        return (-round(score, 6), not valid(e), -_RANK_STRENGTH[s.entry.strength], -e.priority, e.id)

    ranked = sorted(best.values(), key=order)
    top = round(ranked[0][0], 6)
    top_valid = valid(ranked[0][1].entry.entity)
    # The date settles a tie: those that did not exist then are no alternatives.
    tied = tuple(
        s.entry.entity.id for sc, s in ranked[1:] if round(sc, 6) == top and valid(s.entry.entity) == top_valid
    )
    out = []
    for i, (score, s) in enumerate(ranked):
        e = s.entry
        first = i == 0
        out.append(
            Match(
                id=e.entity.id,
                entity=e.entity,
                alias=e.alias,
                query=query,
                score=score,
                method=s.method,
                weak=e.strength is Strength.WEAK,
                ambiguous=first and bool(tied),
                alternatives=tied if first else (),
            )
        )
    return out


def _date_reason(match: Match | None, rivals: list[Entity], period: Period | None) -> str:
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


def _reason(match: Match | None, ranked: list[Match], key: NameKey, steps: list[Step]) -> str:
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
    }[match.method]
    why = f"{tier}: {match.alias!r} of {match.id}"
    if match.ambiguous:
        why += (
            f"; tied with {', '.join(match.alternatives)}, won by the table rule "
            "(higher priority, then strong before weak, then id)"
        )
    return why
