"""Lookup structures over the aliases of a catalog.

* exact and normalized dictionaries for the first two tiers;
* name keys (joined folded tokens) for the third;
* a character-trigram inverted index and a consonant-skeleton dictionary
  that find fuzzy candidates without comparing the query to every alias.

The index only *finds* candidates; the resolver scores them.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any, Protocol

import attrs

from .arabic_script import has_arabic_script, is_given_opening, orthographic_form
from .bloc_names import agency_names, bloc_names
from .folding import normalize
from .middle_names import without_middle_names
from .model import Entity
from .name_keys import NameKey, name_key, skeleton
from .qualified_names import adjective_moved
from .seat_names import seat_names
from .unit_names import unit_cores
from .vocabulary import vocabulary

__all__ = [
    "SECTIONS",
    "AliasEntry",
    "AliasIndex",
    "Lookup",
    "Strength",
    "acronym_form",
    "in_short_capitals",
    "key_skeleton",
    "other_forms",
]


class Strength(enum.IntEnum):
    """How an alias may be used.  Higher is stronger."""

    WEAK = 0
    ACRONYM = 1
    STRONG = 2


@attrs.frozen(slots=True)
class AliasEntry:
    """One name of one entity, with its normalized forms."""

    entity: Entity
    alias: str
    strength: Strength
    normalized: str
    key: NameKey
    arabic: bool = False  # written in Arabic script


# Prefixes the press writes short or in full: "UN Security Council" is also
# the "United Nations Security Council", "US Air Force" the "United States Air Force".
_SPELLED_OUT = (
    ("UN ", "United Nations "),
    ("U.N. ", "United Nations "),
    ("US ", "United States "),
    ("U.S. ", "United States "),
)


def other_forms(entity: Entity, alias: str) -> list[str]:
    """Other ways the press writes ``alias``: with its "UN" or "US" prefix in
    full; for an Arabic facility's name that ends in an adjective saying what
    it is, without it ("مطار الموصل الدولي" is also "مطار الموصل"; vocabulary
    ``facility_adjectives``); an Arabic alias in the other spelling of a
    loanword (vocabulary ``arabic_alternations``: "الأميركية", "الأمريكية");
    an Arabic organisation's name with the shorter opening words running text
    puts (vocabulary ``arabic_short_heads``: "عمليات الأنبار"); a French
    institution's name with its country's adjective in its other place
    ("ministère syrien de la Défense", "ministère de la Défense syrien")."""
    forms = [full + alias[len(short) :] for short, full in _SPELLED_OUT if alias.startswith(short)]
    for one, other in vocabulary().arabic_alternations:
        if len(one) == 1 and " " not in alias.strip():
            continue  # one letter is little to go by in one word: "الحضر" (Hatra), "الحظر" (*the ban*)
        for a, b in ((one, other), (other, one)):
            if a in alias:
                forms.append(alias.replace(a, b))
    if entity.kind == "org":
        forms += [
            short + alias[len(long) :]
            for long, short in vocabulary().arabic_short_heads
            if alias.startswith(long + " ")
        ]
    if entity.kind == "org" and entity.country is not None:
        moved = adjective_moved(alias, entity.country)
        forms += [moved] if moved else []
    words = alias.split()
    if entity.kind == "facility" and len(words) >= 3 and words[-1] in vocabulary().facility_adjectives:
        forms.append(" ".join(words[:-1]))
    return [f for f in forms if f.strip() and f != alias]


_CAPITALS = re.compile(r"[A-Z]{2,5}")


def in_short_capitals(text: str) -> bool:
    """Whether ``text`` is a word in capitals of five letters or fewer ("CIA",
    "CERS"): letters, not sounds, named by spelling only, with no key or fuzzy match."""
    return _CAPITALS.fullmatch(text) is not None


def acronym_form(text: str) -> str:
    """An acronym as compared: dots and surrounding space removed, case kept,
    and accents off Latin letters (French capitals keep them: "ÉI" is "EI")."""
    form = text.strip().replace(".", "").replace(" ", "")
    if form.isascii():
        return form
    bare = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
    return bare if bare.isascii() else form


# How many postings may be read per query, beyond the rarest few trigrams,
# which are always read.
_COUNT_BUDGET = 2000
_MIN_COUNTED = 3


#: The consonant skeleton of a name key of the index, remembered: the fuzzy
#: tier asks it of the same candidate keys query after query.
key_skeleton = functools.lru_cache(maxsize=1 << 16)(skeleton)


def trigrams(key: str) -> set[str]:
    """Padded character trigrams of a joined key."""
    padded = f"^{key}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


#: The lookup tables of an index, by name: each maps a string to entry
#: numbers (``exact_one`` to one number; the others to lists, in entry order).
SECTIONS = ("exact_one", "exact_many", "acronyms", "normalized", "by_key", "given")


class Lookup(Protocol):
    """Where an index's entries and lookup tables come from (see
    :meth:`AliasIndex.lazy`)."""

    def entry(self, number: int) -> AliasEntry:
        """Entry ``number``."""

    def get(self, section: str, key: str) -> Any:
        """What lookup table ``section`` holds for ``key``, or ``None``."""

    def table(self, section: str) -> dict[str, Any]:
        """The whole lookup table, keys in the order of their first entry."""

    def size(self, section: str) -> int:
        """How many keys the lookup table has."""


def _given_name(entry: AliasEntry) -> str | None:
    """The given name an entry shows, if it is a personal name of two words
    or more whose first word is no particle, article or title: normalized in
    Latin script, in its orthographic form in Arabic."""
    if entry.entity.kind != "person" or len(parts := entry.normalized.split()) < 2:
        return None
    if entry.arabic:
        first = entry.alias.split()[0]
        return orthographic_form(first) if " " in entry.alias.strip() and is_given_opening(first) else None
    words = vocabulary()
    first = parts[0]
    if len(first) <= 2 or first in words.name_particles or first in words.articles:
        return None
    return None if first in words.titles or first in words.offices else first


class _Built:
    """The lookup tables of an index built in memory."""

    __slots__ = ("entries", "tables")

    def __init__(self, entries: list[AliasEntry], tables: dict[str, dict[str, Any]]) -> None:
        self.entries = entries
        self.tables = tables

    def entry(self, number: int) -> AliasEntry:
        return self.entries[number]

    def get(self, section: str, key: str) -> Any:
        return self.tables[section].get(key)

    def table(self, section: str) -> dict[str, Any]:
        return self.tables[section]

    def size(self, section: str) -> int:
        return len(self.tables[section])


class AliasIndex:
    """All lookup structures of one catalog; immutable once built.

    Entries are referred to by number.  An index built from entities holds
    them all; one read from a compiled file (:meth:`lazy`) makes an entry
    when a lookup first finds it, and the fuzzy tier's trigram postings are
    built on first fuzzy use.
    """

    __slots__ = ("_count", "_fuzzy", "_given", "_lookup", "_made", "_whole")

    def __init__(self, entities: Iterable[Entity]) -> None:
        made: list[AliasEntry] = []
        exact: dict[str, list[int]] = {}
        acronyms: dict[str, list[int]] = {}
        normalized: dict[str, list[int]] = {}
        by_key: dict[str, list[int]] = {}
        given: dict[str, list[int]] = {}
        entities = list(entities)
        shorter = without_middle_names(entities)
        cores = unit_cores(entities)
        seats = seat_names(entities)
        for entity in entities:
            more = (*shorter.get(entity.id, ()), *seats.get(entity.id, ()), *bloc_names(entity), *agency_names(entity))
            for entry in self._entries_of(entity, more, cores.get(entity.id, ())):
                i = len(made)
                made.append(entry)
                if (first := _given_name(entry)) is not None:
                    given.setdefault(first, []).append(i)
                if entry.strength is Strength.ACRONYM:
                    acronyms.setdefault(acronym_form(entry.alias), []).append(i)
                    continue
                exact.setdefault(entry.alias, []).append(i)
                normalized.setdefault(entry.normalized, []).append(i)
                # "CIA" is letters, not sounds: a name in short capitals has no
                # key or fuzzy match ("Kia" is not the CIA), as a query in them has none.
                if entry.key.tokens and not in_short_capitals(entry.alias):
                    by_key.setdefault(entry.key.joined, []).append(i)
        # Most spellings belong to one alias: keep those without a list each
        # (less memory, and the fast path of resolve is one dictionary lookup).
        exact_one: dict[str, int] = {}
        exact_many: dict[str, list[int]] = {}
        for alias, found in exact.items():
            if len(found) == 1 and acronym_form(alias) not in acronyms:
                exact_one[alias] = found[0]
            else:
                exact_many[alias] = found
        tables: dict[str, dict[str, Any]] = {
            "exact_one": exact_one,
            "exact_many": exact_many,
            "acronyms": acronyms,
            "normalized": normalized,
            "by_key": by_key,
            "given": given,
        }
        self._count = len(made)
        self._made: list[AliasEntry | None] = list(made)
        self._lookup: Lookup = _Built(made, tables)
        self._whole: dict[str, dict[str, Any]] = tables
        self._fuzzy: _Fuzzy | None = None
        self._given: frozenset[str] | None = None

    @classmethod
    def lazy(cls, count: int, lookup: Lookup) -> AliasIndex:
        """An index of ``count`` entries whose entries and lookup tables
        ``lookup`` gives (each entry is asked for once, when first found)."""
        self = cls.__new__(cls)
        self._count = count
        self._made = [None] * count
        self._lookup = lookup
        self._whole = {}
        self._fuzzy = None
        self._given = None
        return self

    def section(self, name: str) -> dict[str, Any]:
        """The whole lookup table ``name`` (one of :data:`SECTIONS`), read-only;
        read once, then lookups in it cost a dictionary lookup each."""
        whole = self._whole.get(name)
        if whole is None:
            whole = self._whole[name] = self._lookup.table(name)
        return whole

    def entry(self, number: int) -> AliasEntry:
        """Entry ``number`` (0 ≤ number < ``len(self)``)."""
        found = self._made[number]
        if found is None:
            # Two threads may both make it: equal values, and the last one stays.
            found = self._made[number] = self._lookup.entry(number)
        return found

    def _get(self, section: str, key: str) -> Any:
        whole = self._whole.get(section)
        return whole.get(key) if whole is not None else self._lookup.get(section, key)

    def _found(self, section: str, key: str) -> list[AliasEntry]:
        return [self.entry(i) for i in self._get(section, key) or ()]

    @property
    def entries(self) -> list[AliasEntry]:
        """Every entry, in table order (all made: for the scanner and tools)."""
        return [self.entry(i) for i in range(self._count)]

    @staticmethod
    def _entries_of(entity: Entity, more: Sequence[str], weaker: Sequence[str]) -> Iterator[AliasEntry]:
        """The entity's aliases, ``more`` (``borderlex.middle_names``, ``seat_names``, ``bloc_names``) as
        strong ones and ``weaker`` (``borderlex.unit_names``) as weak ones."""
        seen: set[tuple[str, Strength]] = set()
        for names, strength in (
            ((*entity.strong_names, *more), Strength.STRONG),
            (entity.acronyms, Strength.ACRONYM),
            ((*entity.weak, *weaker), Strength.WEAK),
        ):
            for written in names:
                for alias in (written, *other_forms(entity, written)):
                    if (alias, strength) in seen:
                        continue
                    seen.add((alias, strength))
                    norm = normalize(alias)
                    yield AliasEntry(entity, alias, strength, norm, name_key(norm), has_arabic_script(alias))

    # -- the exact tiers --------------------------------------------------

    def exact(self, text: str) -> list[AliasEntry]:
        """Aliases written exactly as ``text``, and acronyms in its case."""
        text = text.strip()
        one = self._get("exact_one", text)
        found = [self.entry(one)] if one is not None else self._found("exact_many", text)
        acr = acronym_form(text)
        if acr:
            found.extend(self._found("acronyms", acr))
        return found

    def exact_single(self, text: str) -> AliasEntry | None:
        """The entry for ``text`` as written when exactly one alias (and no
        acronym) has that spelling; otherwise ``None`` (ask ``exact()``)."""
        one: int | None = self._get("exact_one", text)
        return None if one is None else self.entry(one)

    def normalized(self, norm: str) -> list[AliasEntry]:
        """Aliases (not acronyms) whose normalized form is ``norm``."""
        return self._found("normalized", norm)

    def by_key(self, joined: str) -> list[AliasEntry]:
        """Aliases (not acronyms) whose joined name key is ``joined``."""
        return self._found("by_key", joined)

    # -- fuzzy candidates -------------------------------------------------

    def fuzzy_candidates(
        self, joined: str, *, limit: int = 64, score_cutoff: float = 0.0
    ) -> list[tuple[str, list[AliasEntry]]]:
        """The keys of :meth:`fuzzy_keys`, each with its aliases."""
        return [(key, self.by_key(key)) for key in self.fuzzy_keys(joined, limit=limit, score_cutoff=score_cutoff)]

    def fuzzy_keys(self, joined: str, *, limit: int = 64, score_cutoff: float = 0.0) -> list[str]:
        """Keys close to ``joined`` by rapidfuzz's Indel ratio (at least
        ``score_cutoff``), best first, plus keys with the same consonant
        skeleton.  Candidates only: the caller scores them (and reads the
        aliases of those it keeps, :meth:`by_key`).

        Keys are gathered from the postings of the query's rarest trigrams,
        within a budget: a close key shares most trigrams, so it shares one of
        the rare ones, and the cost stays flat however large the table grows.
        """
        from rapidfuzz import fuzz, process  # noqa: PLC0415 - loaded on first fuzzy use, keeping `import borderlex` light

        fuzzy = self._fuzzy_tables()
        grams = fuzzy.grams
        postings = sorted((p for g in trigrams(joined) if (p := grams.get(g)) is not None), key=len)
        lists = []
        budget = 0
        for i, p in enumerate(postings):
            if i >= _MIN_COUNTED and budget + len(p) > _COUNT_BUDGET:
                break
            lists.append(p)
            budget += len(p)
        keys = fuzzy.keys
        ids = list(set().union(*lists))
        ranked: list[int] = []
        if ids:
            # itemgetter picks the candidate keys in C; extract scores them in C.
            picked = itemgetter(*ids)(keys) if len(ids) > 1 else (keys[ids[0]],)
            best = process.extract(joined, picked, scorer=fuzz.ratio, score_cutoff=score_cutoff, limit=limit)
            ranked = [ids[j] for _, _, j in best]
        sk = skeleton(joined)
        if len(sk) >= 3:
            chosen = set(ranked)
            ranked.extend(i for i in fuzzy.skeletons.get(sk, ()) if i not in chosen)
        return [keys[i] for i in ranked]

    def _fuzzy_tables(self) -> _Fuzzy:
        if self._fuzzy is None:
            self._fuzzy = _Fuzzy(list(self.section("by_key")))
        return self._fuzzy

    def given_names(self) -> frozenset[str]:
        """The first words (normalized) of the Latin-script personal names of
        two words or more, particles and titles aside: the given names the
        tables know ("talal", "mohamed"); a lookup table of the index, so a
        compiled index answers without making every entry."""
        if self._given is None:
            self._given = frozenset(self.section("given"))
        return self._given

    def skeleton_keys(self, sk: str) -> list[str]:
        """Every name key whose consonant skeleton is ``sk`` (of any length):
        a one-word fuzzy match needs one (see ``tiers``), so a word is often
        settled by scoring these few instead of the trigram candidates."""
        fuzzy = self._fuzzy_tables()
        keys = fuzzy.keys
        return [keys[i] for i in (fuzzy.skeletons if len(sk) >= 3 else fuzzy.short).get(sk, ())]

    @property
    def key_count(self) -> int:
        """How many distinct name keys the fuzzy tier searches."""
        return self._lookup.size("by_key")

    def __len__(self) -> int:
        return self._count


class _Fuzzy:
    """The trigram postings and consonant skeletons of the name keys."""

    __slots__ = ("grams", "keys", "short", "skeletons")

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        postings: defaultdict[str, list[int]] = defaultdict(list)
        skeletons: defaultdict[str, list[int]] = defaultdict(list)
        short: defaultdict[str, list[int]] = defaultdict(list)  # skeletons too short to find candidates by
        for i, key in enumerate(keys):
            for g in trigrams(key):
                postings[g].append(i)
        # Built on a fresh resolver's first fuzzy query: the skeletons of all
        # keys in two regular-expression passes, not two per key (a key has
        # no NUL, and a skeleton never joins letters across one).
        joined = "\0".join(keys)
        every = skeleton(joined).split("\0") if joined.count("\0") == len(keys) - 1 else map(skeleton, keys)
        for i, sk in enumerate(every):
            (skeletons if len(sk) >= 3 else short)[sk].append(i)
        # Compact arrays: a million aliases' postings fit in tens of megabytes.
        self.grams: dict[str, array[int]] = {g: array("I", p) for g, p in postings.items()}
        self.skeletons: dict[str, array[int]] = {s: array("I", p) for s, p in skeletons.items()}
        self.short: dict[str, array[int]] = {s: array("I", p) for s, p in short.items()}
