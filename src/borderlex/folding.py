"""Character folding: text to lowercase ASCII words, with offsets.

One pipeline serves both the alias tables and the queries, so a spelling that
normalizes equal on one side normalizes equal on the other:

* :func:`normalize` folds text to lowercase ASCII words separated by single
  spaces (NFKC, casefold, diacritics stripped, apostrophe-like marks removed,
  hyphens and punctuation turned into spaces, Arabic and other scripts
  transliterated, the Arabic article and the proclitics before it set apart).
  It is idempotent.
* :func:`normalize_with_offsets` does the same and also returns, for every
  output character, the index of the input character it came from; the
  scanner uses it to report spans in the original text.
* :func:`word_spans` gives the same words with their offsets, faster.

Name keys (:mod:`borderlex.name_keys`) start from this normalized form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from unidecode import unidecode

from .arabic_script import has_arabic_script, is_arabic_letter, is_arabic_mark, orthographic_form
from .vocabulary import vocabulary

__all__ = [
    "HYPHENS",
    "MAX_EXPANSION",
    "MAX_FOLDED",
    "chunk_words",
    "iter_word_spans",
    "normalize",
    "normalize_with_offsets",
    "remembered",
    "spelling",
    "word_chunks",
    "word_spans",
]

#: The hyphen and the Unicode hyphens that join a name's parts ("ez-Zor", "a‐Hol").
HYPHENS = frozenset("-\u2010\u2011")

# Marks that stand for ʿayn, hamza or an apostrophe.  They are dropped, so
# "Kata'ib", "Kata’ib" and "Kataib" normalize alike.
_APOSTROPHES = frozenset("'’‘ʿʾ`´ʻʼ′ʹ")

# Arabic letters folded before transliteration.  unidecode drops alif and
# turns hamza and ʿayn into punctuation, so the letters that carry vowels or
# are romanized inconsistently get an explicit Latin form here.
_ARABIC_MAP: dict[str, str] = {
    "ا": "a",
    "أ": "a",
    "إ": "a",
    "آ": "a",
    "ٱ": "a",  # NFD splits these into alif + mark
    "ى": "y",  # written ي as often as ى at a word's end (نينوي, ديالي)
    "ة": "a",
    "ء": "",
    "ئ": "y",
    "ؤ": "w",
    "ع": "",
    "غ": "gh",
    "ـ": "",
    # Persian and Kurdish letters that unidecode gets wrong or leaves out.
    "ی": "y",
    "ک": "k",
    "گ": "g",
    "پ": "p",
    "چ": "ch",
    "ژ": "j",  # as Kurdish is romanized and Arabic writes it: ڕۆژ, روج, Roj
    "ھ": "h",
    "ە": "a",
    # Sorani letters the Arabic press writes with their Arabic counterparts (مخيم ڕۆژ, مخيم روج).
    "ڕ": "r",
    "ۆ": "w",
    "ێ": "y",
    "ڵ": "l",
}

_WS = " "


def spelling(name: str) -> tuple[bool, str]:
    """A name's identity as a spelling: its script and its form.

    "الباب" and "Al Bāb" normalize alike but are two spellings: text in
    Arabic script is matched by the Arabic one, so each can be weak or strong
    on its own.  An Arabic name's form is its letters, orthographic variants
    folded (:func:`~borderlex.arabic_script.orthographic_form`) word by word, as the
    scanner compares Arabic: "طرطوس" and the misspelling "ترطوس" romanize
    alike but are two spellings.
    """
    if has_arabic_script(name):
        return True, " ".join(orthographic_form(w) for w in name.split())  # "تلعفر" and "تل عفر" both
    return False, normalize(name)


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """Fold one already NFKC-expanded character to lowercase ASCII (or a space)."""
    if ch in _APOSTROPHES:
        return ""
    if ch in _ARABIC_MAP:
        return _ARABIC_MAP[ch]
    if ch.isascii():
        if ch.isalnum():
            return ch.lower()
        return _WS
    out = []
    for c in unicodedata.normalize("NFD", ch.casefold()):
        cat = unicodedata.category(c)
        if cat.startswith("M") or cat == "Cf":
            continue  # combining marks (diacritics, harakat) and format controls
        if c.isascii():
            out.append(c.lower() if c.isalnum() else _WS)
        elif c.isalnum():
            latin = unidecode(c).lower()
            out.append("".join(x if x.isalnum() and x.isascii() else _WS for x in latin))
        else:
            out.append(_WS)
    return "".join(out)


#: A character whose compatibility form is longer than this, or folds to more
#: than MAX_FOLDED letters, is not a letter of a name (phrase ligatures such
#: as U+FDFA, 18 letters; squared words such as U+337F): it is read as a word
#: break, so that no input can multiply its size.
MAX_EXPANSION = 4
MAX_FOLDED = 8


@lru_cache(maxsize=8192)
def _expansion(ch: str) -> str:
    """The compatibility form of one non-ASCII character, without harakat."""
    expanded = "".join(c for c in unicodedata.normalize("NFKC", ch) if not is_arabic_mark(c))
    if len(expanded) > MAX_EXPANSION or sum(len(_fold_char(c)) for c in expanded) > MAX_FOLDED:
        return _WS
    return expanded


def _expand(text: str) -> tuple[list[str], list[int]]:
    """NFKC-expand ``text`` character by character, keeping each origin."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            chars.append(ch)
            origin.append(i)
            continue
        for c in _expansion(ch):
            chars.append(c)
            origin.append(i)
    return chars, origin


def _arabic_article_at(chars: list[str], i: int) -> int:
    """If an Arabic word starts at ``i`` with (proclitics +) article, return the
    number of leading characters that are proclitics (0, 1 or 2: "وبالقائم" is
    wa- + bi- + al-), else -1.

    The article is only recognised when at least two letters follow it, so
    short words like "إلى" or "الا" are left alone.
    """
    n = len(chars)
    proclitics = vocabulary().proclitics

    def letters_from(j: int) -> int:
        k = j
        while k < n and is_arabic_letter(chars[k]):
            k += 1
        return k - j

    if _allah_at(chars, i, proclitics):
        return -1  # "الله" is one word, not article + "له"
    for clitics in (0, 1, 2):
        j = i + clitics
        if j + 1 >= n or any(c not in proclitics for c in chars[i:j]):
            break
        if clitics == 2 and chars[i] not in "وف":
            break  # only wa-/fa- stand before another proclitic
        if chars[j] in "اٱ" and chars[j + 1] == "ل" and letters_from(j + 2) >= 2:
            return clitics
        # li- + article loses its alif: لل + word
        if clitics >= 1 and chars[j - 1] == "ل" and chars[j] == "ل" and letters_from(j + 1) >= 3:
            return clitics
    return -1


def _back(chars: list[str], i: int) -> int:
    """Index of the character before ``i``, skipping combining marks (so NFD
    and NFC text read alike); -1 at the start."""
    j = i - 1
    while j >= 0 and unicodedata.combining(chars[j]):
        j -= 1
    return j


def _lone_letter_before(chars: list[str], i: int) -> bool:
    """Whether a single letter (not part of a longer word) stands before ``i``."""
    j = _back(chars, i)
    if j < 0 or not _is_letter(chars[j]) or len(_fold_char(chars[j])) != 1:
        return False  # "ß" is two letters, as its capital "SS" shows
    k = _back(chars, j)
    return k < 0 or not _is_letter(chars[k])


def _allah_at(chars: list[str], i: int, proclitics: frozenset[str]) -> bool:
    """Whether the word at ``i`` is الله, alone or after one proclitic."""
    for start in (i, i + 1):
        word = "".join(chars[start : start + 4])
        end = start + 4
        if word in ("الله", "ٱلله") and (end >= len(chars) or not is_arabic_letter(chars[end])):
            return start == i or chars[i] in proclitics
    return False


def _initialism_dot(chars: list[str], i: int) -> bool:
    """A full stop after a single letter ("U.S.", "N.S.A.") joins the letters."""
    return _lone_letter_before(chars, i)


def _elision(chars: list[str], i: int) -> bool:
    """An apostrophe after a lone letter, or after the "qu" of French "que",
    "lorsque", "jusque" …, is an elision ("l'État", "qu'Ankara"): a word break."""
    if not (i + 1 < len(chars) and _is_letter(chars[i + 1])):
        return False
    j = _back(chars, i)
    k = _back(chars, j) if j >= 0 else -1
    return _lone_letter_before(chars, i) or (k >= 0 and chars[j] in "uU" and chars[k] in "qQ")


def _joined_article(chars: list[str], i: int) -> bool:
    """An article inside a word at ``i``, three letters or more on each side
    ("ديرالزور"); proclitics before an article are one or two letters
    ("وبالتالي"), "عبدالله" keeps its two-letter "له", and a stem ending in
    "ال" takes endings that begin with ي or ات ("الشماليين", "ميداليات")."""
    if not (
        i >= 3
        and i + 4 < len(chars)
        and chars[i + 1] == "ل"
        and chars[i + 2] != "ي"
        and chars[i + 2 : i + 4] != ["ا", "ت"]
        and all(is_arabic_letter(c) for c in chars[i - 3 : i])
        and all(is_arabic_letter(c) for c in chars[i + 2 : i + 5])
    ):
        return False
    # The three letters before are the stem's, not the word's own article: "الطالباني" is
    # al- + Talabani, not "الط" + al- + "باني".
    start = i
    while start > 0 and is_arabic_letter(chars[start - 1]):
        start -= 1
    clitics = _arabic_article_at(chars, start)
    if clitics >= 0:
        start += clitics + (1 if chars[start + clitics] == "ل" else 2)
    return i - start >= 3


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalize ``text`` and map every output character to its input index.

    Spaces that separate words map to the input character they replace (or
    to the following character when they were inserted).
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    chars, origin = _expand(text)
    out: list[str] = []
    out_origin: list[int] = []
    n = len(chars)
    pending_space = False
    i = 0

    def emit(s: str, o: int) -> None:
        nonlocal pending_space
        for c in s:
            if c == _WS:
                pending_space = bool(out)
                continue
            if pending_space:
                out.append(_WS)
                out_origin.append(o)
                pending_space = False
            out.append(c)
            out_origin.append(o)

    while i < n:
        ch = chars[i]
        if is_arabic_letter(ch) and (i == 0 or not is_arabic_letter(chars[i - 1])):
            clitic = _arabic_article_at(chars, i)
            if clitic >= 0:
                emit(_WS, origin[i])
                if chars[i + clitic] == "ل":  # لل: the article lost its alif
                    emit("al ", origin[i + clitic])
                    i += clitic + 1
                else:
                    emit("a", origin[i + clitic])
                    emit("l ", origin[i + clitic + 1])
                    i += clitic + 2
                continue
        if ch == "ا" and _joined_article(chars, i):
            # "ديرالزور" is "دير الزور" written without its space.
            emit(_WS, origin[i])
            emit("a", origin[i])
            emit("l ", origin[i + 1])
            i += 2
            continue
        if (
            ch == "ه"
            and (i + 1 == n or not is_arabic_letter(chars[i + 1]) or _joined_article(chars, i + 1))
            and i > 0
            and is_arabic_letter(chars[i - 1])
            and chars[i - 1] != "ا"
        ):
            # Word-final hāʾ is written for tāʾ marbūṭa in names ("فلوجه"),
            # but after alif it is a real h (Persian "سپاه", sepah).
            emit("a", origin[i])
            i += 1
            continue
        if ch == "." and _initialism_dot(chars, i):
            i += 1
            continue
        if ch in _APOSTROPHES and _elision(chars, i):
            emit(_WS, origin[i])
            i += 1
            continue
        emit(_fold_char(ch), origin[i])
        i += 1
    return "".join(out), out_origin


def normalize(text: str) -> str:
    """Fold ``text`` to lowercase ASCII words separated by single spaces.

    Examples:
        >>> normalize("Al-Bukamal")
        'al bukamal'
        >>> normalize("Kata’ib al-Imam ʿAli")
        'kataib al imam ali'
        >>> normalize("U.S.-led Coalition")
        'us led coalition'
    """
    memo = _memo
    if memo is not None and type(text) is str:
        found = memo.get(text)
        if found is None:
            found = memo[text] = _normalize(text)
        return found
    return _normalize(text)


def _normalize(text: str) -> str:
    if isinstance(text, str) and text.isascii():
        return _normalize_ascii(text)
    return normalize_with_offsets(text)[0]


_memo: dict[str, str] | None = None


@contextmanager
def remembered() -> Iterator[None]:
    """Remember normalized forms for the duration of the block: loading a
    table normalizes each alias several times (checks, collisions, index).
    Results are the same; only work is saved."""
    global _memo  # noqa: PLW0603 - a scoped memo, reset on exit
    outer = _memo
    if outer is None:
        _memo = {}
    try:
        yield
    finally:
        if outer is None:
            _memo = None


def _spans_from(norm: str, origin: list[int], shift: int, out: list[tuple[str, int, int, int]]) -> None:
    pos = 0
    for w in norm.split(" "):
        if w:
            last = origin[pos + len(w) - 1]
            before = origin[pos + len(w) - 2] if len(w) > 1 else -1
            out.append((w, origin[pos] + shift, last + shift, before + shift if before >= 0 else -1))
        pos += len(w) + 1


@lru_cache(maxsize=1)
def _word_patterns() -> re.Pattern[str]:
    """One pattern over the whole text: a chunk (a run without ASCII
    whitespace) that is one plain ASCII word with plain punctuation around
    it — the common case in news text, its word in group 1 — or any other
    chunk.  Compiled on first use, not at `import borderlex`."""
    lead = r"[\x00-\x08\x0e-\x1f!-&(-\-/:-@\[-_{-\x7f]"  # ASCII but not whitespace, a letter, a digit, ' ` or .
    trail = r"[\x00-\x08\x0e-\x1f!-&(-/:-@\[-_{-\x7f]"  # the same, with the full stop
    return re.compile(rf"(?<![^ \t\n\r\f\v]){lead}*([A-Za-z0-9]+){trail}*(?![^ \t\n\r\f\v])|[^ \t\n\r\f\v]+")


# The words of a chunk that is not a plain ASCII word (Arabic, accents,
# apostrophes, initials), with offsets from the chunk's start: text repeats
# its words, so each is normalized once (bounded; emptied when full).
_CHUNK_WORDS: dict[str, list[tuple[str, int, int, int]]] = {}
_CHUNK_WORDS_MAX = 50_000
_CHUNK_MAX = 64  # longer chunks (a URL, a run of text without spaces) are not kept


def word_spans(text: str) -> list[tuple[str, int, int, int]]:
    """The words of ``normalize(text)`` with where they come from: for each,
    ``(word, start, last, before_last)`` — the input index of its first
    character, of its last character, and of the one before the last (-1 for
    a one-letter word).

    Equal to splitting :func:`normalize_with_offsets`, but faster: the rules
    never look across ASCII whitespace, so the text is taken chunk by chunk
    (one regular expression finds them all), a plain ASCII word needs no
    character-by-character work, and any other chunk is normalized once
    however often the text repeats it.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return list(iter_word_spans(text))


def iter_word_spans(text: str) -> Iterator[tuple[str, int, int, int]]:
    """:func:`word_spans` one word at a time: a scan of a long text never
    holds all its words at once."""
    for m in word_chunks(text):
        start = m.start(1)
        if start >= 0:  # a plain ASCII word
            end = m.end(1)
            yield m.group(1).lower(), start, end - 1, end - 2 if end - start > 1 else -1
            continue
        base = m.start()
        for w, first, last, before in chunk_words(m.group()):
            yield w, first + base, last + base, before + base if before >= 0 else -1


def word_chunks(text: str) -> Iterator[re.Match[str]]:
    """The chunks of ``text`` (runs without ASCII whitespace): group 1 is the
    word of a plain ASCII one, ``None`` for any other (see :func:`chunk_words`)."""
    return _word_patterns().finditer(text)


def chunk_words(piece: str) -> list[tuple[str, int, int, int]]:
    """The words of a chunk that is not a plain ASCII word, as
    :func:`word_spans` gives them, offsets from the chunk's start."""
    known = _CHUNK_WORDS
    words = known.get(piece)
    if words is None:
        words = []
        norm, origin = normalize_with_offsets(piece)
        _spans_from(norm, origin, 0, words)
        if len(piece) <= _CHUNK_MAX:
            if len(known) >= _CHUNK_WORDS_MAX:
                known.clear()
            known[piece] = words
    return words


# The same rules for ASCII text, with regular expressions: most names and most
# news text are ASCII, and this is many times faster than the general path.
_ASCII_ELISION = re.compile(r"((?<![A-Za-z])[A-Za-z]|[Qq][Uu])['`](?=[A-Za-z])")
_ASCII_INITIAL = re.compile(r"(?<![A-Za-z])([A-Za-z])\.")
_ASCII_BREAK = re.compile(r"[^a-z0-9]+")


def _normalize_ascii(text: str) -> str:
    text = _ASCII_ELISION.sub(r"\1 ", text)
    text = _ASCII_INITIAL.sub(r"\1", text)
    text = text.replace("'", "").replace("`", "").lower()
    return _ASCII_BREAK.sub(" ", text).strip()
