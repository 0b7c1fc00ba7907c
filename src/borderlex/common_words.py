"""Common words that fold into a name.

Folding hamza seats, ى/ي and a final ة/ه/ا lets "حلفايا" and "حلفايه" meet;
it also makes the common word "حلفائه" (*his allies*) the village Halfaya
and "جبة" (*a robe*) the village Jaba; romanization folds make the English
word "Back" the Iraqi town Ba'ac.  ``data/common-words.tsv``, generated from
word frequencies by ``scripts/generate_common_words.py``, lists the Arabic,
English and French words that are at least three times more frequent, as
written, than the alias they fold to (Latin words normalized).  Such a word
names nothing unless it is an alias as written: the resolver stops after its
exact tier, the scanner passes it by.
"""

from __future__ import annotations

import functools
import os
import re
import threading

from .arabic_script import arabic_spelling, is_arabic_letter, is_arabic_word_char
from .bundled import bundled_bytes
from .errors import TableError
from .folding import normalize
from .vocabulary import vocabulary

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "common_word_around",
    "common_words",
    "in_an_arabic_date",
    "is_common_word",
    "opens_an_idiom",
]

#: The environment variable naming a word list to read instead of the bundled
#: one (the generator points it at an empty file, so the list does not
#: decide what it is made from).
ENVIRONMENT_VARIABLE = "BORDERLEX_COMMON_WORDS"

_LATIN_WORD = re.compile(r"[a-z]+")
_loaded: frozenset[str] | None = None
_lock = threading.Lock()


def is_common_word(text: str) -> bool:
    """Whether ``text`` is one word of the list: Arabic (vowel marks
    ignored), or Latin as :func:`~borderlex.folding.normalize` writes it."""
    text = text.strip()
    if not text:
        return False
    if all(is_arabic_word_char(c) for c in text):
        return arabic_spelling(text) in common_words()
    if len(text) > 40 or not text.replace("'", "").replace("’", "").isalpha():
        return False
    norm = normalize(text)
    return norm.isalpha() and norm in common_words()


def common_word_around(text: str, start: int, end: int) -> bool:
    """Whether the written Arabic word around ``text[start:end]`` (with its
    article, with or without a proclitic) is in the list."""
    while start > 0 and is_arabic_word_char(text[start - 1]):
        start -= 1
    word = text[start:end]
    return is_common_word(word) or (word[:1] in vocabulary().proclitics and is_common_word(word[1:]))


def opens_an_idiom(text: str, start: int, end: int) -> bool:
    """Whether the Arabic word ``text[start:end]`` opens a phrase of vocabulary
    ``arabic_idioms`` written after it ("القائم بالأعمال")."""
    word = arabic_spelling(text[start:end]).removeprefix("ال")  # the article may stand apart, as a unit
    return any(text.startswith(rest, end) for rest in _idioms().get(word, ()))


@functools.cache
def _idioms() -> dict[str, tuple[str, ...]]:
    """The rest of each idiom (a space before it) by its first word as spelled, article off."""
    out: dict[str, list[str]] = {}
    for idiom in vocabulary().arabic_idioms:
        head, _, rest = idiom.partition(" ")
        out.setdefault(arabic_spelling(head).removeprefix("ال"), []).append(" " + rest)
    return {head: tuple(rests) for head, rests in out.items()}


# A day's number before the month ("20 من تشرين", "19 تشرين"); الأول/الثاني or a year after it.
_DAY_BEFORE = re.compile(r"\d[ \u00a0]*(?:من[ \u00a0]+)?\Z")
_DATE_AFTER = re.compile(r"[ \u00a0]+(?:ال[أا]ول|الثاني|\d{4})")


def in_an_arabic_date(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a month's name (vocabulary ``arabic_months``)
    in a date: after a day's number, or before الأول/الثاني or a year."""
    if arabic_spelling(text[start:end]) not in _months():
        return False
    return bool(_DAY_BEFORE.search(text, max(0, start - 8), start) or _DATE_AFTER.match(text, end))


@functools.cache
def _months() -> frozenset[str]:
    return frozenset(arabic_spelling(m) for m in vocabulary().arabic_months)


def common_words() -> frozenset[str]:
    """The words of the list in use, read once on first use."""
    global _loaded  # noqa: PLW0603 - read once per process, like the vocabularies
    found = _loaded
    if found is None:
        with _lock:
            if _loaded is None:
                _loaded = _read(os.environ.get(ENVIRONMENT_VARIABLE) or None)
            found = _loaded
    return found


def _read(path: str | None) -> frozenset[str]:
    if path is None:
        name, data = "data/common-words.tsv", bundled_bytes("common-words.tsv")
    else:
        try:
            with open(path, "rb") as f:
                name, data = path, f.read()
        except OSError as exc:
            raise TableError(path, None, f"cannot read the word list: {exc.strerror or exc}") from None
    words: set[str] = set()
    for number, line in enumerate(data.decode("utf-8").splitlines(), 1):
        word = line.split("\t", 1)[0].strip()
        if not word or word.startswith("#"):
            continue
        if not all(is_arabic_letter(c) for c in word) and _LATIN_WORD.fullmatch(word) is None:
            raise TableError(
                name, None, f"line {number}: {word!r} is not one Arabic word without marks or one normalized Latin word"
            )
        words.add(word)
    return frozenset(words)
