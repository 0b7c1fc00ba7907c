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
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain

import attrs

from .model import Entity
from .normalization import NameKey, name_key, normalize, skeleton

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


def acronym_form(text: str) -> str:
    """An acronym as compared: dots and surrounding space removed, case kept."""
    return text.strip().replace(".", "").replace(" ", "")


# Postings longer than this are skipped when counting shared trigrams: such
# a trigram is in so many keys that it barely separates them, and the rarer
# trigrams of the query still find every close key.
_MAX_POSTING_SHARE = 0.05
_MIN_POSTING_CAP = 2000


def trigrams(key: str) -> set[str]:
    """Padded character trigrams of a joined key."""
    padded = f"^{key}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class AliasIndex:
    """All lookup structures of one catalog; immutable once built."""

    __slots__ = (
        "_acronyms",
        "_by_key",
        "_exact",
        "_grams",
        "_key_entries",
        "_keys",
        "_normalized",
        "_posting_cap",
        "_skeletons",
        "entries",
    )

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entries: list[AliasEntry] = []
        self._exact: dict[str, list[AliasEntry]] = {}
        self._acronyms: dict[str, list[AliasEntry]] = {}
        self._normalized: dict[str, list[AliasEntry]] = {}
        self._by_key: dict[str, list[AliasEntry]] = {}
        for entity in entities:
            for entry in self._entries_of(entity):
                self.entries.append(entry)
                if entry.strength is Strength.ACRONYM:
                    self._acronyms.setdefault(acronym_form(entry.alias), []).append(entry)
                    continue
                self._exact.setdefault(entry.alias, []).append(entry)
                self._normalized.setdefault(entry.normalized, []).append(entry)
                if entry.key.tokens:
                    self._by_key.setdefault(entry.key.joined, []).append(entry)
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
        self._posting_cap = max(_MIN_POSTING_CAP, int(len(self._keys) * _MAX_POSTING_SHARE))

    @staticmethod
    def _entries_of(entity: Entity) -> Iterator[AliasEntry]:
        seen: set[tuple[str, Strength]] = set()
        for names, strength in (
            ((entity.name, *entity.aliases), Strength.STRONG),
            (entity.acronyms, Strength.ACRONYM),
            (entity.weak, Strength.WEAK),
        ):
            for alias in names:
                if (alias, strength) in seen:
                    continue
                seen.add((alias, strength))
                norm = normalize(alias)
                yield AliasEntry(entity, alias, strength, norm, name_key(norm))

    # -- the exact tiers --------------------------------------------------

    def exact(self, text: str) -> list[AliasEntry]:
        """Aliases written exactly as ``text``, and acronyms in its case."""
        found = list(self._exact.get(text.strip(), ()))
        acr = acronym_form(text)
        if acr:
            found.extend(self._acronyms.get(acr, ()))
        return found

    def normalized(self, norm: str) -> list[AliasEntry]:
        """Aliases (not acronyms) whose normalized form is ``norm``."""
        return list(self._normalized.get(norm, ()))

    def by_key(self, joined: str) -> list[AliasEntry]:
        """Aliases (not acronyms) whose joined name key is ``joined``."""
        return list(self._by_key.get(joined, ()))

    # -- fuzzy candidates -------------------------------------------------

    def fuzzy_candidates(self, joined: str, *, limit: int = 64) -> list[tuple[str, list[AliasEntry]]]:
        """Keys that share the most trigrams with ``joined``, plus keys with the
        same consonant skeleton.  Candidates only: the caller scores them."""
        grams = trigrams(joined)
        lists = []
        for g in grams:
            p = self._grams.get(g)
            if p is not None and len(p) <= self._posting_cap:
                lists.append(p)
        counts = Counter(chain.from_iterable(lists))
        # A close key shares a fair part of the query's trigrams.
        need = max(1, len(grams) // 3)
        ranked = [k for k, c in counts.most_common(limit) if c >= need]
        sk = skeleton(joined)
        if len(sk) >= 3:
            chosen = set(ranked)
            ranked.extend(i for i in self._skeletons.get(sk, ()) if i not in chosen)
        return [(self._keys[i], self._key_entries[i]) for i in ranked]

    def __len__(self) -> int:
        return len(self.entries)
