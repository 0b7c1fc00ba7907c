"""The linguistic vocabularies, read from ``data/vocabulary.toml``.

Articles, proclitics, stop words, designators, organisation-form words,
titles, offices, demonyms, time words, name particles … are data, kept in one
file with one table per vocabulary and one list (or table) per language, so
a curator adds a word in one line.  This module only reads and checks that
file; :mod:`borderlex.folding`, :mod:`borderlex.name_keys`, the resolver and
the scanner say what each vocabulary does.

The file is read once, on first use (not at ``import borderlex``), under a
lock.  The environment variable ``BORDERLEX_VOCABULARY``, when set, names a
file to read instead of the bundled one: it is read as the process first
needs a vocabulary, so set it before that (before starting Python).
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from .arabic_script import is_arabic_script
from .bundled import bundled_bytes
from .errors import TableError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "BUNDLED_VOCABULARY",
    "ENVIRONMENT_VARIABLE",
    "Vocabulary",
    "load_vocabulary",
    "vocabulary",
    "vocabulary_digest",
]

#: The environment variable naming a vocabulary file to read instead of the bundled one.
ENVIRONMENT_VARIABLE = "BORDERLEX_VOCABULARY"
#: How the bundled file is named in messages.
BUNDLED_VOCABULARY = "borderlex:data/vocabulary.toml"

# Latin-script entries are written normalized: lowercase ASCII words, one
# space apart.  (Patterns as strings: compiled on first load, not at import.)
_NORMALIZED = r"[a-z0-9]+(?: [a-z0-9]+)*"
_WORD = r"[a-z0-9]+"
_LANGUAGE = r"[a-z]{2,3}"


def _is_arabic_text(text: str) -> bool:
    """Arabic-script words one space apart, as a vocabulary writes them."""
    words = text.split(" ")
    return all(words) and all(is_arabic_script(c) for w in words for c in w)


class Vocabulary(NamedTuple):
    """Every vocabulary, the languages of each read together.

    Latin-script words are in normalized form; Arabic-script entries
    (``proclitics``, ``leading_descriptors``, ``quoted_name_heads``,
    ``place_heads``, ``plural_heads`` and Arabic designators) are as
    written.  ``designators``, ``org_words`` and ``abbreviations`` map a phrase or
    word to its class or folded form.  ``source`` names the file they were read from
    and ``digest`` is the SHA-256 of its bytes: name keys depend on the
    vocabulary, so anything that keeps them (a compiled index) is keyed by it.
    """

    source: str
    digest: str
    articles: frozenset[str]
    proclitics: frozenset[str]
    stop_words: frozenset[str]
    stop_words_by_language: Mapping[str, tuple[str, ...]]  # a French one marks a French name
    designators: Mapping[str, str]
    org_words: Mapping[str, str]
    abbreviations: Mapping[str, str]
    din_compounds: frozenset[str]
    org_heads: frozenset[str]
    leading_descriptors: frozenset[str]
    org_descriptors: frozenset[str]
    qualifiers: frozenset[str]
    titles: frozenset[str]
    offices: frozenset[str]
    demonyms: frozenset[str]
    time_words: frozenset[str]
    measure_words: frozenset[str]
    name_particles: frozenset[str]
    headline_small_words: frozenset[str]
    run_breaks: frozenset[str]
    opening_breaks: frozenset[str]
    romanized_from: frozenset[str]
    quoted_name_heads: frozenset[str]
    place_heads: frozenset[str]
    plural_heads: frozenset[str]
    institution_heads: Mapping[str, tuple[str, ...]]  # by language: their shapes differ
    body_heads: Mapping[str, tuple[str, ...]]
    feature_heads: Mapping[str, tuple[str, ...]]
    government_seats: frozenset[str]
    locatives: frozenset[str]
    person_heads: frozenset[str]
    arabic_titles: frozenset[str]
    arabic_months: frozenset[str]
    speech_verbs: frozenset[str]
    bloc_heads: Mapping[str, tuple[str, ...]]
    agency_heads: frozenset[str]
    arabic_unit_heads: frozenset[str]
    family_words: frozenset[str]
    tribal_surnames: frozenset[str]
    back_references: frozenset[str]
    media_words: frozenset[str]
    media_words_after: frozenset[str]
    plural_designators: Mapping[str, str]
    heads_after_subject: frozenset[str]
    country_adjectives: Mapping[str, str]
    facility_adjectives: frozenset[str]
    state_adjectives: frozenset[str]
    formal_name_words: frozenset[str]
    operation_heads: frozenset[str]
    quoted_operation_heads: frozenset[str]
    operation_words: frozenset[str]
    lowercase_heads: frozenset[str]
    arabic_alternations: tuple[tuple[str, str], ...]
    quarter_words_after: frozenset[str]
    arabic_short_heads: tuple[tuple[str, str], ...]
    directions: frozenset[str]
    compass_adjectives: Mapping[str, str]
    travel_words: frozenset[str]
    destination_words: frozenset[str]
    arabic_reordered_heads: frozenset[str]
    prepositions: frozenset[str]
    arabic_particles: frozenset[str]
    arabic_idioms: frozenset[str]
    purpose_heads: frozenset[str]
    kunya_words: frozenset[str]
    ordinals: Mapping[str, str]
    named_after_heads: frozenset[str]
    party_heads: frozenset[str]
    statement_words: frozenset[str]
    attributions: frozenset[str]
    country_heads: frozenset[str]
    edition_words: frozenset[str]
    common_given_names: frozenset[str]


_VOCABULARIES = frozenset(Vocabulary._fields) - {"source", "digest"}


class _Reader:
    """Checks one vocabulary file's tables, naming the file and the place of each fault."""

    def __init__(self, path: str, digest: str, raw: dict[str, object]) -> None:
        self.path = path
        self.digest = digest
        self.raw = raw

    def fail(self, where: str, reason: str) -> TableError:
        return TableError(self.path, None, f"[{where}]: {reason}")

    def languages(self, name: str) -> dict[str, object]:
        table = self.raw.get(name)
        if not isinstance(table, dict):
            raise self.fail(name, "missing" if table is None else "must be a table of languages")
        for lang in table:
            if not re.fullmatch(_LANGUAGE, lang):
                raise self.fail(f"{name}.{lang}", "a language must be a two- or three-letter code")
        return table

    def entry(self, where: str, text: object, shape: str) -> str:
        """``text``, checked to be of ``shape``: "word" (one normalized Latin
        word), "phrase" (normalized Latin words, or Arabic script), "letter"
        (one Arabic letter), "arabic" (Arabic script) or "country" (an ISO
        3166-1 alpha-2 code)."""
        if not isinstance(text, str):
            raise self.fail(where, f"{text!r} is not a string")
        if shape == "letter":
            ok = len(text) == 1 and _is_arabic_text(text)
            want = "one Arabic letter"
        elif shape == "country":
            ok = bool(re.fullmatch("[A-Z]{2}", text))
            want = "an ISO 3166-1 alpha-2 code"
        elif shape == "arabic":
            ok = _is_arabic_text(text)
            want = "Arabic script"
        else:
            ok = bool(re.fullmatch(_WORD if shape == "word" else _NORMALIZED, text)) or (
                shape == "phrase" and _is_arabic_text(text)
            )
            want = "one word" if shape == "word" else "words"
            want += " as borderlex.normalize() writes them (lowercase, no accents, no punctuation)"
            if shape == "phrase":
                want += ", or Arabic script"
        if not ok:
            raise self.fail(where, f"{text!r} is not {want}")
        return text

    def words(self, name: str, shape: str) -> frozenset[str]:
        out: set[str] = set()
        for lang, items in self.languages(name).items():
            if not isinstance(items, list):
                raise self.fail(f"{name}.{lang}", "must be a list of strings")
            out.update(self.entry(f"{name}.{lang}", item, shape) for item in items)
        return frozenset(out)

    def by_language(self, name: str, shape: str) -> Mapping[str, tuple[str, ...]]:
        """A table of lists kept apart by language, each in its order."""
        out: dict[str, tuple[str, ...]] = {}
        for lang, items in self.languages(name).items():
            if not isinstance(items, list):
                raise self.fail(f"{name}.{lang}", "must be a list of strings")
            out[lang] = tuple(self.entry(f"{name}.{lang}", item, shape) for item in items)
        return MappingProxyType(out)

    def pairs(self, name: str) -> tuple[tuple[str, str], ...]:
        """A table of lists of two Arabic spellings each."""
        out: list[tuple[str, str]] = []
        for lang, items in self.languages(name).items():
            where = f"{name}.{lang}"
            if not isinstance(items, list):
                raise self.fail(where, "must be a list of pairs")
            for item in items:
                if not isinstance(item, list) or len(item) != 2 or item[0] == item[1]:
                    raise self.fail(where, f"{item!r} is not a pair of two different spellings")
                out.append((self.entry(where, item[0], "arabic"), self.entry(where, item[1], "arabic")))
        return tuple(out)

    def mapping(self, name: str, shape: str) -> Mapping[str, str]:
        out: dict[str, str] = {}
        for lang, items in self.languages(name).items():
            where = f"{name}.{lang}"
            if not isinstance(items, dict):
                raise self.fail(where, 'must be a table of "word" = "value" lines')
            for key, value in items.items():
                self.entry(where, key, shape)
                if not isinstance(value, str) or not re.fullmatch(_NORMALIZED, value.replace("-", " ")):
                    raise self.fail(where, f"{key!r}: {value!r} is not a lowercase class or word")
                if out.get(key, value) != value:
                    raise self.fail(where, f"{key!r} is {value!r} here but {out[key]!r} in another language")
                out[key] = value
        return MappingProxyType(out)

    def vocabulary(self) -> Vocabulary:
        unknown = sorted(set(self.raw) - _VOCABULARIES)
        if unknown:
            raise self.fail(unknown[0], f"unknown vocabulary; known: {', '.join(sorted(_VOCABULARIES))}")
        return Vocabulary(
            source=self.path,
            digest=self.digest,
            articles=self.words("articles", "word"),
            proclitics=self.words("proclitics", "letter"),
            stop_words=self.words("stop_words", "word"),
            stop_words_by_language=self.by_language("stop_words", "word"),
            designators=self.mapping("designators", "phrase"),
            org_words=self.mapping("org_words", "word"),
            abbreviations=self.mapping("abbreviations", "word"),
            din_compounds=self.words("din_compounds", "word"),
            org_heads=self.words("org_heads", "word"),
            leading_descriptors=self.words("leading_descriptors", "arabic"),
            org_descriptors=self.words("org_descriptors", "word"),
            qualifiers=self.words("qualifiers", "word"),
            titles=self.words("titles", "word"),
            offices=self.words("offices", "word"),
            demonyms=self.words("demonyms", "phrase"),
            time_words=self.words("time_words", "word"),
            measure_words=self.words("measure_words", "word"),
            name_particles=self.words("name_particles", "word"),
            headline_small_words=self.words("headline_small_words", "word"),
            run_breaks=self.words("run_breaks", "word"),
            opening_breaks=self.words("opening_breaks", "word"),
            romanized_from=self.words("romanized_from", "country"),
            quoted_name_heads=self.words("quoted_name_heads", "phrase"),
            place_heads=self.words("place_heads", "arabic"),
            plural_heads=self.words("plural_heads", "arabic"),
            institution_heads=self.by_language("institution_heads", "phrase"),
            body_heads=self.by_language("body_heads", "phrase"),
            feature_heads=self.by_language("feature_heads", "phrase"),
            government_seats=self.words("government_seats", "phrase"),
            locatives=self.words("locatives", "phrase"),
            person_heads=self.words("person_heads", "phrase"),
            arabic_titles=self.words("arabic_titles", "arabic"),
            arabic_months=self.words("arabic_months", "arabic"),
            speech_verbs=self.words("speech_verbs", "phrase"),
            bloc_heads=self.by_language("bloc_heads", "phrase"),
            agency_heads=self.words("agency_heads", "arabic"),
            arabic_unit_heads=self.words("arabic_unit_heads", "arabic"),
            family_words=self.words("family_words", "phrase"),
            tribal_surnames=self.words("tribal_surnames", "phrase"),
            back_references=self.words("back_references", "phrase"),
            media_words=self.words("media_words", "phrase"),
            media_words_after=self.words("media_words_after", "phrase"),
            plural_designators=self.mapping("plural_designators", "phrase"),
            heads_after_subject=self.words("heads_after_subject", "word"),
            country_adjectives=self.mapping("country_adjectives", "phrase"),
            facility_adjectives=self.words("facility_adjectives", "arabic"),
            state_adjectives=self.words("state_adjectives", "arabic"),
            formal_name_words=self.words("formal_name_words", "phrase"),
            operation_heads=self.words("operation_heads", "phrase"),
            quoted_operation_heads=self.words("quoted_operation_heads", "phrase"),
            operation_words=self.words("operation_words", "phrase"),
            lowercase_heads=self.words("lowercase_heads", "word"),
            arabic_alternations=self.pairs("arabic_alternations"),
            quarter_words_after=self.words("quarter_words_after", "arabic"),
            arabic_short_heads=self.pairs("arabic_short_heads"),
            directions=self.words("directions", "phrase"),
            compass_adjectives=self.mapping("compass_adjectives", "phrase"),
            travel_words=self.words("travel_words", "phrase"),
            destination_words=self.words("destination_words", "phrase"),
            arabic_reordered_heads=self.words("arabic_reordered_heads", "arabic"),
            prepositions=self.words("prepositions", "arabic"),
            arabic_particles=self.words("arabic_particles", "arabic"),
            arabic_idioms=self.words("arabic_idioms", "arabic"),
            purpose_heads=self.words("purpose_heads", "arabic"),
            kunya_words=self.words("kunya_words", "phrase"),
            ordinals=self.mapping("ordinals", "phrase"),
            named_after_heads=self.words("named_after_heads", "arabic"),
            party_heads=self.words("party_heads", "arabic"),
            statement_words=self.words("statement_words", "arabic"),
            attributions=self.words("attributions", "phrase"),
            country_heads=self.words("country_heads", "arabic"),
            edition_words=self.words("edition_words", "phrase"),
            common_given_names=self.words("common_given_names", "word"),
        )


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Read and check a vocabulary file: ``path``, or the bundled one.

    Raises :class:`~borderlex.errors.TableError` (a ``ValueError``) naming
    the file and the vocabulary at fault.
    """
    # tomllib, pathlib and importlib.resources on first use only: a lighter `import borderlex`.
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib  # noqa: PLC0415
    where, data = _read(path)
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TableError(where, None, f"not a TOML vocabulary: {exc}") from None
    return _Reader(where, _sha256(data), raw).vocabulary()


def vocabulary_digest() -> str:
    """The ``digest`` of the vocabularies in use, without reading their words
    when they are not read yet: a cache of name keys needs only the bytes."""
    found = _loaded
    if found is not None:
        return found.digest
    return _sha256(_read(os.environ.get(ENVIRONMENT_VARIABLE) or None)[1])


def _sha256(data: bytes) -> str:
    import hashlib  # noqa: PLC0415 - on first use only, a lighter `import borderlex`

    return hashlib.sha256(data).hexdigest()


def _read(path: str | Path | None) -> tuple[str, bytes]:
    """How a vocabulary file is named in messages, and its bytes."""
    if path is None:
        return BUNDLED_VOCABULARY, bundled_bytes("vocabulary.toml")
    try:
        with open(path, "rb") as f:
            return str(path), f.read()
    except OSError as exc:
        raise TableError(str(path), None, f"cannot read the vocabulary: {exc.strerror or exc}") from None


_loaded: Vocabulary | None = None
_lock = threading.Lock()


def vocabulary() -> Vocabulary:
    """The vocabularies in use: the file named by ``BORDERLEX_VOCABULARY``,
    else the bundled one, read once on first use."""
    found = _loaded
    if found is None:
        found = _load_once()
    return found


def _load_once() -> Vocabulary:
    global _loaded  # noqa: PLW0603 - read once per process, like the bundled tables
    with _lock:
        if _loaded is None:
            _loaded = load_vocabulary(os.environ.get(ENVIRONMENT_VARIABLE) or None)
        return _loaded
