"""Name keys: names reduced for matching.

* :func:`name_key` reduces a normalized name (see
  :func:`borderlex.folding.normalize`): Arabic articles dropped (also when
  glued or assimilated), stop words dropped, romanization alternations
  folded, and designators ("province", "air base", "border crossing" …)
  taken out of the name and returned separately so they can steer the kind.
* :func:`skeleton` is a consonant skeleton used only to find fuzzy candidates.

The words each step knows (articles, stop words, designators,
organisation-form words) are the vocabularies of ``data/vocabulary.toml``
(:mod:`borderlex.vocabulary`).
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache

import attrs

from .errors import TableError
from .folding import normalize
from .model import DESIGNATES
from .vocabulary import vocabulary

__all__ = [
    "NameKey",
    "designator_classes",
    "designator_table",
    "fold_token",
    "is_org_generic",
    "is_skippable",
    "key_parts",
    "leading_descriptors",
    "match_designator",
    "name_key",
    "skeleton",
    "split_glued_article",
]


@functools.cache
def _designators() -> tuple[dict[tuple[str, ...], str], int]:
    """The designator phrases as normalized token tuples with their classes,
    and the length of the longest, in words."""
    words = vocabulary()
    # The plural designators name the same classes: checked here too, once.
    for name, phrases in (("plural_designators", words.plural_designators), ("designators", words.designators)):
        for phrase, cls in phrases.items():
            if cls not in DESIGNATES:
                known = ", ".join(sorted(DESIGNATES))
                raise TableError(words.source, None, f"[{name}]: {phrase!r}: unknown class {cls!r}; known: {known}")
    table = {tuple(normalize(phrase).split()): cls for phrase, cls in words.designators.items()}
    return table, max(map(len, table), default=0)


def designator_table() -> dict[tuple[str, ...], str]:
    """The designator phrases (as normalized token tuples) and their classes."""
    return _designators()[0]


def designator_classes() -> frozenset[str]:
    """All designator classes."""
    return frozenset(designator_table().values())


def match_designator(tokens: list[str] | tuple[str, ...], i: int) -> tuple[int, str] | None:
    """Longest designator phrase starting at token ``i``: (length, class)."""
    table, longest = _designators()
    for size in range(min(longest, len(tokens) - i), 0, -1):
        cls = table.get(tuple(tokens[i : i + size]))
        if cls is not None:
            return size, cls
    return None


@lru_cache(maxsize=1)
def leading_descriptors() -> frozenset[str]:
    """Arabic words for "organisation", "group", "militia", "faction" that lead
    a name without being part of it ("تنظيم داعش"), normalized."""
    return frozenset(normalize(w) for w in vocabulary().leading_descriptors)


@functools.cache
def _regex(pattern: str) -> re.Pattern[str]:
    # This module's patterns are compiled on first use, not at `import borderlex`.
    return re.compile(pattern)


_GLUED_AL = r"^(?:al|el)([b-df-hj-np-tv-z][a-z]+)$"
_GLUED_SUN = r"^e([tdrzsnl])\1([a-z]{2,})$"
_ABD = r"^abd(?:el|ul|al|ol|il|ur|ar|us|es|un|en|an)?([a-z]*)$"
# A name joined to "Allah" (الله): "Nasrallah" is "Nasr Allah", "يارالله" is "يار الله";
# not "Mahalla", "Mehalla" (محلة), a word of its own.
_ALLAH = r"^([a-z]{3,}?)(?<![ae]h)(?:allah?|ullah?|ollah?|ellah)$"


def split_glued_article(token: str) -> str:
    """Drop an article glued to a word: "albu" → "bu", "alhashd" → "hashd",
    "ezzor" → "zor".  Other tokens come back unchanged.

    Only a consonant may follow a glued "al"/"el" (so "aleppo" and "ali" stay),
    and only a doubled sun letter after "e" counts as assimilation.
    """
    m = _regex(_GLUED_AL).match(token)
    if m:
        return m.group(1)
    m = _regex(_GLUED_SUN).match(token)
    if m:
        return m.group(1) + m.group(2)
    return token


# Alternations of Arabic romanization, applied in order to each token.
_FOLD_RULES: tuple[tuple[str, str], ...] = (
    # A final -ah, -eh is the feminine ending (Raqqah, Souleimaniyeh); read before "kh"
    # becomes "h", so that "Kazakh" keeps its last letter (it is not "Gaza").
    (r"(?<=[a-z])[ae]h$", "a"),
    (r"kh", "h"),
    (r"dj", "j"),
    (r"(?:dh|th)", "z"),
    (r"gh", "g"),
    (r"ch", "sh"),
    (r"ph", "f"),
    (r"(?<=[aeiou])nse$", "nce"),  # English and American: Defence/Defense
    (r"[qgc]", "k"),
    (r"dymwk", "dymk"),  # Arabic writes "democratic" ديمقراطي and ديموقراطي
    (r"^kwrd", "krd"),  # and "Kurd" كرد and كورد (كوردستان, the Kurdish spelling)
    (r"v", "w"),
    (r"(?:(?<=[aeiu])|^)ou(?=[aeiy])", "w"),  # French writes w "ou" between vowels: Haoua/Hawa, Ouadi
    (r"(?:ou|oo|o)", "u"),
    (r"(?:ee|ie)", "i"),
    (r"(?:ei|ey|ay|ai|ae)", "ai"),  # Kataeb/Kataib, al-Qaem/al-Qaim
    (r"(?<=[aiu][nm])e$", ""),  # French writes a final -an, -in with an e: Rahmane, Yassine, Othmane
    (r"e", "a"),
    (r"([a-z])\1+", r"\1"),
)


def fold_token(token: str) -> str:
    """Fold common romanization alternations in one normalized token.

    Examples:
        >>> fold_token("boukamal"), fold_token("bukamal")
        ('bukamal', 'bukamal')
        >>> fold_token("qassem"), fold_token("kasem")
        ('kasam', 'kasam')
    """
    # Cached for name-sized tokens only, so a hostile megabyte-long word is
    # folded but never kept.
    return _fold_token_cached(token) if len(token) <= _CACHE_MAX else _fold_token(token)


_CACHE_MAX = 128


def _fold_token(token: str) -> str:
    for pattern, repl in _folds():
        token = pattern.sub(repl, token)
    return token


_fold_token_cached = lru_cache(maxsize=65536)(_fold_token)


@functools.cache
def _folds() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((_regex(p), r) for p, r in _FOLD_RULES)


@attrs.frozen(slots=True)
class NameKey:
    """A name reduced for matching.

    ``tokens`` are the folded name words without articles, stop words or
    designators; ``designators`` are the classes of the designators removed;
    ``org_words`` counts the organisation-form words among ``tokens``.
    """

    tokens: tuple[str, ...]
    designators: frozenset[str]
    org_words: int = 0

    @property
    def joined(self) -> str:
        """The tokens without spaces: "Albu Kamal" and "Al-Bukamal" agree here."""
        return "".join(self.tokens)


def _compound_parts(token: str) -> list[str]:
    """A name written as one word with "Abdel…", "…allah" or "…eddine" in it, as two parts."""
    m = _regex(_ABD).match(token)
    if m and m.group(1):
        return ["abd", m.group(1)]
    if m:
        return ["abd"]
    m = _regex(_ALLAH).match(token)
    if m:
        return [m.group(1), "lah"]  # as "allah" alone keys: its article dropped
    m = _din_compound().match(token)
    if m:
        return [m.group(1), "din"]  # as "al-Din", "Eddine" key: the article dropped
    return [token]


@functools.cache
def _din_compound() -> re.Pattern[str]:
    """A first word of vocabulary ``din_compounds`` joined to "Din" by the
    article in any shape ("Najmaldin", "Noureddine", "Ezzedine")."""
    heads = "|".join(sorted(map(re.escape, vocabulary().din_compounds), key=len, reverse=True))
    return re.compile(rf"^({heads})(?:ou|[aeiou])?[ld]?d?dine?$")


def key_parts(word: str) -> list[str]:
    """One normalized word reduced to its name-key part(s): a glued article
    dropped, "Abdel…", "…allah" and "…eddine" split, abbreviations read in full ("corp"),
    organisation-form plurals folded, romanization
    alternations folded.  Shared by :func:`name_key` and the scanner.

    Examples:
        >>> key_parts("abdulrahman"), key_parts("forces"), key_parts("albu")
        (['abd', 'rahman'], ['furka'], ['bu'])
    """
    words = vocabulary()
    org_words, abbreviations = words.org_words, words.abbreviations
    # "Ezzedine" is Izz al-Din before it is a glued "ez-" article.
    din = _din_compound().match(word)
    parts = [din.group(1), "din"] if din else _compound_parts(split_glued_article(word))
    return [fold_token(org_words.get(w := abbreviations.get(p, p), w)) for p in parts]


def is_skippable(word: str, last: bool = False) -> bool:
    """Whether a normalized word is a stop word, or an article before another word."""
    words = vocabulary()
    return word in words.stop_words or (word in words.articles and not last)


def name_key(normalized: str) -> NameKey:
    """Reduce a normalized string (see :func:`normalize`) to a :class:`NameKey`.

    Examples:
        >>> name_key(normalize("Albu Kamal")).joined == name_key(normalize("Al-Boukamal")).joined
        True
        >>> sorted(name_key(normalize("Homs province")).designators)
        ['governorate']
    """
    if not isinstance(normalized, str):
        raise TypeError(f"name_key takes a normalized str, not {type(normalized).__name__}")
    return _name_key_cached(normalized) if len(normalized) <= 4 * _CACHE_MAX else _name_key(normalized)


def _name_key(normalized: str) -> NameKey:
    raw = normalized.split()
    # Designators come off first, so "base" in "air base" is not read alone.
    words: list[str] = []
    classes: set[str] = set()
    i = 0
    while i < len(raw):
        found = match_designator(raw, i)
        if found is not None:
            size, cls = found
            classes.add(cls)
            i += size
            continue
        words.append(raw[i])
        i += 1
    if len(words) > 2 and words[-1] in vocabulary().heads_after_subject:
        # "Iraqi Defence Ministry" is the "Iraqi Ministry of Defence": the
        # head word goes before a one-word subject, where "of" puts it.
        words[-2:] = [words[-1], words[-2]]
    tokens: list[str] = []
    for j, word in enumerate(words):
        if not is_skippable(word, last=j + 1 == len(words)):
            tokens.extend(key_parts(word))
    org_words = sum(1 for t in tokens if is_org_generic(t))
    return NameKey(tuple(tokens), frozenset(classes), org_words)


_name_key_cached = lru_cache(maxsize=65536)(_name_key)


def is_org_generic(token: str) -> bool:
    """Whether a folded key token is an organisation-form word ("force", "liwa")."""
    return token in _org_generic_folded()


@functools.cache
def _org_generic_folded() -> frozenset[str]:
    return frozenset(fold_token(v) for v in vocabulary().org_words.values())


_SKELETON_DROP = r"[aeiouyw]"


def skeleton(key: str) -> str:
    """Consonant skeleton of a joined name key, for candidate lookup only.

    Vowels and the letters Arabic uses as long vowels (w, y) are dropped, so
    a Latin spelling and a transliterated Arabic spelling can meet.

    Examples:
        >>> skeleton(name_key(normalize("Al-Bukamal")).joined)
        'bkml'
        >>> skeleton(name_key(normalize("البوكمال")).joined)
        'bkml'
    """
    s = _regex(_SKELETON_DROP).sub("", key)
    return re.sub(r"([a-z])\1+", r"\1", s)
