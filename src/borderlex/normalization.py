"""Text normalization and name keys: one place to import them from.

The work is done by :mod:`borderlex.folding` (character folding with
offsets), :mod:`borderlex.name_keys` (name keys and skeletons) and
:mod:`borderlex.arabic_script`; the words they know are the vocabularies of
``data/vocabulary.toml`` (:mod:`borderlex.vocabulary`).  The vocabulary
constants this module used to define (``TITLES``, ``OFFICES``,
``DEMONYMS``, ``TIME_WORDS``, ``NAME_PARTICLES``, ``ORG_DESCRIPTORS``,
``ARTICLES``, ``ARABIC_PROCLITICS``) are still offered here, read from that
file on first access; new code reads :func:`borderlex.vocabulary.vocabulary`.
"""

from __future__ import annotations

from .arabic_script import arabic_letters, has_arabic_script, is_arabic_script, is_arabic_word_char
from .folding import MAX_EXPANSION, MAX_FOLDED, normalize, normalize_with_offsets, remembered, spelling, word_spans
from .name_keys import (
    NameKey,
    designator_classes,
    designator_table,
    fold_token,
    is_org_generic,
    is_skippable,
    key_parts,
    leading_descriptors,
    match_designator,
    name_key,
    skeleton,
    split_glued_article,
)
from .vocabulary import vocabulary

__all__ = [
    "MAX_EXPANSION",
    "MAX_FOLDED",
    "NameKey",
    "arabic_letters",
    "designator_classes",
    "designator_table",
    "fold_token",
    "has_arabic_script",
    "is_arabic_script",
    "is_arabic_word_char",
    "is_org_generic",
    "is_skippable",
    "key_parts",
    "leading_descriptors",
    "match_designator",
    "name_key",
    "normalize",
    "normalize_with_offsets",
    "remembered",
    "skeleton",
    "spelling",
    "split_glued_article",
    "word_spans",
]

# The vocabulary constants this module used to define, by the field of
# borderlex.vocabulary.Vocabulary that now holds each.
_VOCABULARY_CONSTANTS = {
    "ARABIC_PROCLITICS": "proclitics",
    "ARTICLES": "articles",
    "DEMONYMS": "demonyms",
    "NAME_PARTICLES": "name_particles",
    "OFFICES": "offices",
    "ORG_DESCRIPTORS": "org_descriptors",
    "TIME_WORDS": "time_words",
    "TITLES": "titles",
}


def __getattr__(name: str) -> frozenset[str]:
    # Read on first access, so that importing this module does not read the file.
    field = _VOCABULARY_CONSTANTS.get(name)
    if field is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    words: frozenset[str] = getattr(vocabulary(), field)
    return words
