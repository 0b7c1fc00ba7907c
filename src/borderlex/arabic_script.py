"""Arabic script: which characters are letters, marks or script at all, the
letters of a name as spelled (for telling Arabic spellings apart), and the
whole words around a place in a text."""

from __future__ import annotations

import re

__all__ = [
    "CLOSING_QUOTES",
    "NOT_GIVEN",
    "OPENING_QUOTES",
    "arabic_letters",
    "arabic_spelling",
    "bare_words",
    "final_alif_as_ta",
    "has_arabic_script",
    "has_tanween",
    "is_arabic_letter",
    "is_arabic_mark",
    "is_arabic_script",
    "is_arabic_word_char",
    "is_given_opening",
    "orthographic_form",
    "words_after",
    "words_before",
]

# The quote marks that open and close a name in Arabic text, which writes “ and ” either way round.
OPENING_QUOTES = '“«"'
CLOSING_QUOTES = '”“»"'


def is_arabic_letter(ch: str) -> bool:
    """An Arabic letter (with the Persian and Kurdish ones), not a mark or digit."""
    # U+0640, the tatweel, lies among the letters but only stretches a word.
    return (
        ("\u0620" <= ch <= "\u064a" and ch != "\u0640")
        or "\u066e" <= ch <= "\u06d3"
        or ch in "\u06d5\u06fa\u06fb\u06fc"
    )


def is_arabic_mark(ch: str) -> bool:
    """A haraka, the superscript alif, the tatweel or a Quranic mark."""
    return "\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640" or "\u06d6" <= ch <= "\u06ed"


def is_arabic_word_char(ch: str) -> bool:
    """An Arabic letter or vowel mark: what an Arabic word is made of."""
    return is_arabic_letter(ch) or is_arabic_mark(ch)


def is_arabic_script(ch: str) -> bool:
    """Whether a character is in the Arabic blocks (Arabic, Arabic Supplement)."""
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"


def has_arabic_script(text: str) -> bool:
    """Whether any character of ``text`` is Arabic script."""
    return _ANY_ARABIC.search(text) is not None


def arabic_spelling(text: str) -> str:
    """The Arabic letters of ``text`` exactly as spelled: without vowel marks,
    tatweel, spaces or anything else, and nothing folded."""
    return "".join(c for c in text if is_arabic_letter(c))


# Hamza seats on alif, ى/ي, ة/ه; and the Sorani letters the Arabic press writes
# with their Arabic counterparts: ڕ, ۆ, ێ, ڵ; ژ as ج (مخيم ڕۆژ, مخيم روج).
_ORTHOGRAPHY = str.maketrans("أإآٱىةڕۆێڵژ", "اااايهرويلج")


def bare_words(text: str) -> list[str]:
    """The Arabic words of ``text`` in :func:`orthographic_form`, each without
    the article when enough is left to be a word ("الخضراء" → "خضراء")."""
    words = (orthographic_form(w) for w in text.split())
    return [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words if w]


def orthographic_form(word: str) -> str:
    """A word's letters (see :func:`arabic_spelling`) with only its
    orthographic variants folded — hamza seats on alif, ى/ي, ة/ه — and the
    article kept: one word in two orthographies gives one form."""
    return arabic_spelling(word).translate(_ORTHOGRAPHY)


_ARABIC_LETTER_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ی": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ە": "ه",
        "ک": "ك",
        "گ": "ك",  # Arabic text writes Kurdish and Persian gaf as kaf: شنكال for شنگال (Sinjar)
        "ڕ": "ر",  # and the other Sorani letters as their Arabic counterparts: مخيم ڕۆژ, مخيم روج
        "ۆ": "و",
        "ێ": "ي",
        "ڵ": "ل",
        "ژ": "ج",
        "ھ": "ه",
        "ء": None,
        "ـ": None,
    }
)


def final_alif_as_ta(word: str) -> str:
    """A word ending in "يا" as written with tāʾ marbūṭa (folded to ه), as
    the press writes either: سوريا, سورية; other words as they are."""
    return word[:-1] + "ه" if word.endswith("يا") else word


def arabic_letters(text: str) -> str:
    """The Arabic letters of ``text`` as they are spelled, variants folded
    (hamza seats, ى/ي, ة/ه, Persian forms), without marks, spaces or the
    article: "الدولة الإسلامية" and "دولة اسلاميه" give the same.  Unlike
    :func:`~borderlex.folding.normalize`, ʿayn and the emphatic letters stay distinct."""
    words = ("".join(c for c in w if is_arabic_letter(c)).translate(_ARABIC_LETTER_FOLD) for w in text.split())
    # A final alif is written for tāʾ marbūṭa as often as not after ي: سوريا, سورية; رانيا,
    # رانية.  After another letter it is an adverb's ending: حديثا (*recently*) is not حديثة.
    folded = "".join(map(final_alif_as_ta, words)).replace("ال", "")
    # "Democratic" and "Kurd" are written both ways: ديمقراطي, ديموقراطي; كردستان,
    # كوردستان (so are their name keys).
    return folded.replace("ديموقراط", "ديمقراط").replace("كورد", "كرد")


def words_before(text: str, start: int, count: int) -> list[tuple[int, str]]:
    """Up to ``count`` Arabic words right before ``start``, nearest first, each
    with its offset; they stop at anything but a space and Arabic letters."""
    out: list[tuple[int, str]] = []
    i = start
    while len(out) < count:
        j = i
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if j == i:  # no space: the mention or the word before is not a whole word
            break
        k = j
        while k > 0 and is_arabic_word_char(text[k - 1]):
            k -= 1
        if k == j:
            break
        out.append((k, text[k:j]))
        i = k
    return out


def words_after(text: str, end: int, count: int) -> list[tuple[int, str]]:
    """Up to ``count`` Arabic words right after ``end``, nearest first, as
    :func:`words_before` reads them."""
    out: list[tuple[int, str]] = []
    i = end
    while len(out) < count:
        j = i
        while j < len(text) and text[j] == " ":
            j += 1
        if j == i:
            break
        k = j
        while k < len(text) and is_arabic_word_char(text[k]):
            k += 1
        if k == j:
            break
        out.append((j, text[j:k]))
        i = k
    return out


_TANWEEN = frozenset("\u064b\u064c\u064d")
_ANY_TANWEEN = re.compile("[\u064b-\u064d]")
_ANY_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def has_tanween(text: str) -> bool:
    """Whether the last Arabic word of ``text`` is written with tanween
    ("حديثاً", *recently*; "أيضاً"): the press marks indefinite words and
    adverbs so, never a name it writes unvowelled."""
    if _ANY_TANWEEN.search(text) is None:  # most text: one search in C
        return False
    word = text.rstrip()
    while word and not is_arabic_letter(word[-1]) and word[-1] not in _TANWEEN:
        word = word[:-1]
    if word.endswith("ا"):  # the alif of "اً" written after the mark: "حديثًا"
        word = word[:-1]
    return bool(word) and word[-1] in _TANWEEN


# Words that open Arabic personal names without being given names: kunya
# ("أبو خولة"), "son of", and the first half of compounds ("عبد الله"); and "باسم"
# (Basim), which running text writes far more often as "in the name of" ("المتحدث
# باسم", "المعروف باسم أبو خولة"), where a given name would open a name run.
NOT_GIVEN = frozenset(orthographic_form(w) for w in ("أبو", "أم", "بن", "ابن", "عبد", "باسم"))


def is_given_opening(word: str) -> bool:
    """Whether the first word of an Arabic personal name is a given name: not
    a kunya's "أبو", "son of", "عبد" of a compound, nor a word with the article."""
    return orthographic_form(word) not in NOT_GIVEN and not word.startswith("ال")
