"""Lookup structures over the aliases of a catalog.

* exact and normalized dictionaries for the first two tiers;
* name keys (joined folded tokens) for the third;
* a character-trigram inverted index and a consonant-skeleton dictionary
  that find fuzzy candidates without comparing the query to every alias.

The index only *finds* candidates; the resolver scores them.
"""

from __future__ import annotations

import enum
from array import array
from collections.abc import Iterable, Iterator
from operator import itemgetter

import attrs

from .model import Entity
from .normalization import NameKey, has_arabic_script, name_key, normalize, skeleton

__all__ = ["AliasEntry", "AliasIndex", "Strength", "acronym_form"]


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


def acronym_form(text: str) -> str:
    """An acronym as compared: dots and surrounding space removed, case kept."""
    return text.strip().replace(".", "").replace(" ", "")


# How many postings may be read per query, beyond the rarest few trigrams,
# which are always read.
_COUNT_BUDGET = 2000
_MIN_COUNTED = 3


def trigrams(key: str) -> set[str]:
    """Padded character trigrams of a joined key."""
    padded = f"^{key}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class AliasIndex:
    """All lookup structures of one catalog; immutable once built."""

    __slots__ = (
        "_acronyms",
        "_by_key",
        "_exact_many",
        "_exact_one",
        "_grams",
        "_key_entries",
        "_keys",
        "_normalized",
        "_skeletons",
        "entries",
    )

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entries: list[AliasEntry] = []
        exact: dict[str, list[AliasEntry]] = {}
        self._acronyms: dict[str, list[AliasEntry]] = {}
        self._normalized: dict[str, list[AliasEntry]] = {}
        self._by_key: dict[str, list[AliasEntry]] = {}
        for entity in entities:
            for entry in self._entries_of(entity):
                self.entries.append(entry)
                if entry.strength is Strength.ACRONYM:
                    self._acronyms.setdefault(acronym_form(entry.alias), []).append(entry)
                    continue
                exact.setdefault(entry.alias, []).append(entry)
                self._normalized.setdefault(entry.normalized, []).append(entry)
                if entry.key.tokens:
                    self._by_key.setdefault(entry.key.joined, []).append(entry)
        # Most spellings belong to one alias: keep those without a list each
        # (less memory, and the fast path of resolve is one dictionary lookup).
        self._exact_one: dict[str, AliasEntry] = {}
        self._exact_many: dict[str, list[AliasEntry]] = {}
        for alias, found in exact.items():
            if len(found) == 1 and acronym_form(alias) not in self._acronyms:
                self._exact_one[alias] = found[0]
            else:
                self._exact_many[alias] = found
        self._keys: list[str] = list(self._by_key)
        self._key_entries: list[list[AliasEntry]] = [self._by_key[k] for k in self._keys]
        postings: dict[str, list[int]] = {}
        skeletons: dict[str, list[int]] = {}
        for i, key in enumerate(self._keys):
            for g in trigrams(key):
                postings.setdefault(g, []).append(i)
            sk = skeleton(key)
            if len(sk) >= 3:
                skeletons.setdefault(sk, []).append(i)
        # Compact arrays: a million aliases' postings fit in tens of megabytes.
        self._grams: dict[str, array[int]] = {g: array("I", p) for g, p in postings.items()}
        self._skeletons: dict[str, array[int]] = {s: array("I", p) for s, p in skeletons.items()}

    @staticmethod
    def _entries_of(entity: Entity) -> Iterator[AliasEntry]:
        seen: set[tuple[str, Strength]] = set()
        for names, strength in (
            (entity.strong_names, Strength.STRONG),
            (entity.acronyms, Strength.ACRONYM),
            (entity.weak, Strength.WEAK),
        ):
            for alias in names:
                if (alias, strength) in seen:
                    continue
                seen.add((alias, strength))
                norm = normalize(alias)
                yield AliasEntry(entity, alias, strength, norm, name_key(norm), has_arabic_script(alias))

    # -- the exact tiers --------------------------------------------------

    def exact(self, text: str) -> list[AliasEntry]:
        """Aliases written exactly as ``text``, and acronyms in its case."""
        text = text.strip()
        one = self._exact_one.get(text)
        found = [one] if one is not None else list(self._exact_many.get(text, ()))
        acr = acronym_form(text)
        if acr:
            found.extend(self._acronyms.get(acr, ()))
        return found

    def exact_single(self, text: str) -> AliasEntry | None:
        """The entry for ``text`` as written when exactly one alias (and no
        acronym) has that spelling; otherwise ``None`` (ask ``exact()``)."""
        return self._exact_one.get(text)

    def normalized(self, norm: str) -> list[AliasEntry]:
        """Aliases (not acronyms) whose normalized form is ``norm``."""
        return list(self._normalized.get(norm, ()))

    def by_key(self, joined: str) -> list[AliasEntry]:
        """Aliases (not acronyms) whose joined name key is ``joined``."""
        return list(self._by_key.get(joined, ()))

    # -- fuzzy candidates -------------------------------------------------

    def fuzzy_candidates(
        self, joined: str, *, limit: int = 64, score_cutoff: float = 0.0
    ) -> list[tuple[str, list[AliasEntry]]]:
        """Keys close to ``joined`` by rapidfuzz's Indel ratio (at least
        ``score_cutoff``), best first, plus keys with the same consonant
        skeleton.  Candidates only: the caller scores them.

        Keys are gathered from the postings of the query's rarest trigrams,
        within a budget: a close key shares most trigrams, so it shares one of
        the rare ones, and the cost stays flat however large the table grows.
        """
        from rapidfuzz import fuzz, process  # noqa: PLC0415 - loaded on first fuzzy use, keeping `import borderlex` light

        postings = sorted((p for g in trigrams(joined) if (p := self._grams.get(g)) is not None), key=len)
        lists = []
        budget = 0
        for i, p in enumerate(postings):
            if i >= _MIN_COUNTED and budget + len(p) > _COUNT_BUDGET:
                break
            lists.append(p)
            budget += len(p)
        keys = self._keys
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
            ranked.extend(i for i in self._skeletons.get(sk, ()) if i not in chosen)
        return [(keys[i], self._key_entries[i]) for i in ranked]

    @property
    def key_count(self) -> int:
        """How many distinct name keys the fuzzy tier searches."""
        return len(self._keys)

    def __len__(self) -> int:
        return len(self.entries)
