"""Text normalization and name keys.

One pipeline serves both the alias tables and the queries, so a spelling that
normalizes equal on one side normalizes equal on the other:

* [`normalize`][borderlex.normalize] folds text to lowercase ASCII words separated by single
  spaces (NFKC, casefold, diacritics stripped, apostrophe-like marks removed,
  hyphens and punctuation turned into spaces, Arabic and other scripts
  transliterated).  It is idempotent.
* ``normalize_with_offsets()`` does the same and also returns, for every
  output character, the index of the input character it came from; the
  scanner uses it to report spans in the original text.
* ``name_key()`` goes further, for matching names: Arabic articles dropped
  (also when glued or assimilated), romanization alternations folded, generic
  designators ("province", "air base", "border crossing" …) taken out of the
  name and returned separately so they can steer the kind.
* ``skeleton()`` is a consonant skeleton used only to find fuzzy candidates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import attrs
from unidecode import unidecode

__all__ = [
    "ARABIC_PROCLITICS",
    "ARTICLES",
    "DEMONYMS",
    "NAME_PARTICLES",
    "OFFICES",
    "ORG_DESCRIPTORS",
    "TIME_WORDS",
    "TITLES",
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
    "skeleton",
    "spelling",
    "split_glued_article",
    "word_spans",
]

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
    "ژ": "zh",
    "ھ": "h",
    "ە": "a",
}

# Word-initial Arabic proclitics that may stand before the article:
# wa- "and", fa- "so", bi- "in", ka- "like", li- "for".
ARABIC_PROCLITICS = frozenset("وفبكل")

_WS = " "


def _is_arabic_letter(ch: str) -> bool:
    return "\u0620" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3" or ch in "\u06d5\u06fa\u06fb\u06fc"


def is_arabic_word_char(ch: str) -> bool:
    """An Arabic letter or vowel mark: what an Arabic word is made of."""
    return _is_arabic_letter(ch) or _is_arabic_mark(ch)


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
        "ھ": "ه",
        "ء": None,
        "ـ": None,
    }
)


def arabic_letters(text: str) -> str:
    """The Arabic letters of ``text`` as they are spelled, variants folded
    (hamza seats, ى/ي, ة/ه, Persian forms), without marks, spaces or the
    article: "الدولة الإسلامية" and "دولة اسلاميه" give the same.  Unlike
    [`normalize`][borderlex.normalize], ʿayn and the emphatic letters stay distinct."""
    words = ("".join(c for c in w if _is_arabic_letter(c)).translate(_ARABIC_LETTER_FOLD) for w in text.split())
    # A final alif is written for tāʾ marbūṭa as often as not: سوريا, سورية.
    return "".join(w[:-1] + "ه" if w.endswith("ا") else w for w in words).replace("ال", "")


def is_arabic_script(ch: str) -> bool:
    """Whether a character is in the Arabic blocks (Arabic, Arabic Supplement)."""
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"


def has_arabic_script(text: str) -> bool:
    """Whether any character of ``text`` is Arabic script."""
    return any(is_arabic_script(c) for c in text)


def spelling(name: str) -> tuple[bool, str]:
    """A name's identity as a spelling: its script and its normalized form.

    "الباب" and "Al Bāb" normalize alike but are two spellings: text in
    Arabic script is matched by the Arabic one, so each can be weak or strong
    on its own.
    """
    return has_arabic_script(name), normalize(name)


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
    expanded = "".join(c for c in unicodedata.normalize("NFKC", ch) if not _is_arabic_mark(c))
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


def _is_arabic_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640" or "\u06d6" <= ch <= "\u06ed"


def _arabic_article_at(chars: list[str], i: int) -> int:
    """If an Arabic word starts at ``i`` with (proclitics +) article, return the
    number of leading characters that are proclitics (0, 1 or 2: "وبالقائم" is
    wa- + bi- + al-), else -1.

    The article is only recognised when at least two letters follow it, so
    short words like "إلى" or "الا" are left alone.
    """
    n = len(chars)

    def letters_from(j: int) -> int:
        k = j
        while k < n and _is_arabic_letter(chars[k]):
            k += 1
        return k - j

    if _allah_at(chars, i):
        return -1  # "الله" is one word, not article + "له"
    for clitics in (0, 1, 2):
        j = i + clitics
        if j + 1 >= n or any(c not in ARABIC_PROCLITICS for c in chars[i:j]):
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


def _allah_at(chars: list[str], i: int) -> bool:
    """Whether the word at ``i`` is الله, alone or after one proclitic."""
    for start in (i, i + 1):
        word = "".join(chars[start : start + 4])
        end = start + 4
        if word in ("الله", "ٱلله") and (end >= len(chars) or not _is_arabic_letter(chars[end])):
            return start == i or chars[i] in ARABIC_PROCLITICS
    return False


def _initialism_dot(chars: list[str], i: int) -> bool:
    """A full stop after a single letter ("U.S.", "N.S.A.") joins the letters."""
    return _lone_letter_before(chars, i)


def _elision(chars: list[str], i: int) -> bool:
    """An apostrophe after a lone letter is an elision ("l'État"): a word break."""
    return _lone_letter_before(chars, i) and i + 1 < len(chars) and _is_letter(chars[i + 1])


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
        if _is_arabic_letter(ch) and (i == 0 or not _is_arabic_letter(chars[i - 1])):
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
        if (
            ch == "ه"
            and (i + 1 == n or not _is_arabic_letter(chars[i + 1]))
            and i > 0
            and _is_arabic_letter(chars[i - 1])
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


_CHUNK = re.compile(r"[^ \t\n\r\f\v]+")
# An ASCII word with plain punctuation around it: the common case in news text.
_PLAIN = re.compile(r"[^A-Za-z0-9'`.]*([A-Za-z0-9]+)[^A-Za-z0-9'`]*")


def word_spans(text: str) -> list[tuple[str, int, int, int]]:
    """The words of ``normalize(text)`` with where they come from: for each,
    ``(word, start, last, before_last)`` — the input index of its first
    character, of its last character, and of the one before the last (-1 for
    a one-letter word).

    Equal to splitting ``normalize_with_offsets()``, but faster: the rules
    never look across ASCII whitespace, so the text is taken chunk by chunk,
    and a plain ASCII word needs no character-by-character work.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    out: list[tuple[str, int, int, int]] = []
    plain = _PLAIN.fullmatch
    for chunk in _CHUNK.finditer(text):
        piece = chunk.group()
        if piece.isascii():
            m = plain(piece)
            if m is not None:
                start = chunk.start() + m.start(1)
                end = chunk.start() + m.end(1)
                out.append((m.group(1).lower(), start, end - 1, end - 2 if end - start > 1 else -1))
                continue
        norm, origin = normalize_with_offsets(piece)
        _spans_from(norm, origin, chunk.start(), out)
    return out


# The same rules for ASCII text, with regular expressions: most names and most
# news text are ASCII, and this is many times faster than the general path.
_ASCII_ELISION = re.compile(r"(?<![A-Za-z])([A-Za-z])['`](?=[A-Za-z])")
_ASCII_INITIAL = re.compile(r"(?<![A-Za-z])([A-Za-z])\.")
_ASCII_BREAK = re.compile(r"[^a-z0-9]+")


def _normalize_ascii(text: str) -> str:
    text = _ASCII_ELISION.sub(r"\1 ", text)
    text = _ASCII_INITIAL.sub(r"\1", text)
    text = text.replace("'", "").replace("`", "").lower()
    return _ASCII_BREAK.sub(" ", text).strip()


# --------------------------------------------------------------------------
# Name keys

#: Romanized forms of the Arabic article, with sun-letter assimilation.
ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ul",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "ath",
        "ad",
        "adh",
        "az",
        "ez",
        "es",
        "esh",
        "ed",
        "et",
        "er",
        "en",
        "ul",
    ]
)

# Function words that never distinguish one name from another.
_STOPWORDS = frozenset(
    ["the", "of", "for", "and", "in", "on", "de", "du", "des", "la", "le", "les", "l", "d", "wa", "w"]
)

# Designators: words that say what kind of thing a name is.  Each phrase maps
# to a class; classes are matched against an entity's ``type``.  Phrases are
# written here in normalized form; Arabic ones are normalized at import.
_DESIGNATOR_PHRASES: dict[str, str] = {
    "province": "governorate",
    "provinces": "governorate",
    "governorate": "governorate",
    "governorates": "governorate",
    "governate": "governorate",
    "governates": "governorate",
    "muhafazat": "governorate",
    "muhafaza": "governorate",
    "muhafazah": "governorate",
    "wilayat": "governorate",
    "gouvernorat": "governorate",
    "district": "district",
    "city": "city",
    "town": "city",
    "village": "city",
    "air base": "air-base",
    "airbase": "air-base",
    "air field": "air-base",
    "airfield": "air-base",
    "airport": "air-base",
    "military airport": "air-base",
    "air force base": "air-base",
    "base aerienne": "air-base",
    "aeroport": "air-base",
    "border crossing": "border-crossing",
    "crossing": "border-crossing",
    "border crossing point": "border-crossing",
    "crossing point": "border-crossing",
    "border post": "border-crossing",
    "border gate": "border-crossing",
    "camp": "base",
    "base": "base",
    "garrison": "base",
    "military base": "base",
    "outpost": "base",
    "river": "river",
    "desert": "desert",
    "mountains": "mountains",
    "mountain": "mountains",
    "mountain range": "mountains",
    "range": "mountains",
    "oil field": "oil-field",
    "oilfield": "oil-field",
    "gas field": "oil-field",
    "dam": "dam",
    "prison": "prison",
    # Arabic, normalized below: محافظة governorate, مدينة city, مطار airport,
    # معبر crossing, قاعدة base, مخيم camp, نهر river, بادية desert,
    # جبال / جبل mountains, حقل field, سد dam, سجن prison.
}
_ARABIC_DESIGNATORS = {
    "محافظة": "governorate",
    "مدينة": "city",
    "مطار": "air-base",
    "معبر": "border-crossing",
    "قاعدة": "base",
    "مخيم": "base",
    "نهر": "river",
    "جبال": "mountains",
    "جبل": "mountains",
    "حقل": "oil-field",
    "سد": "dam",
    "سجن": "prison",
}

# Words that describe an organisation's form.  They stay in the key (they are
# part of names like "Quds Force"), count for less when scoring, and steer the
# kind towards organisations.  Plurals fold to one form.
_ORG_GENERIC: dict[str, str] = {
    "force": "force",
    "forces": "force",
    "army": "army",
    "armies": "army",
    "brigade": "brigade",
    "brigades": "brigade",
    "battalion": "battalion",
    "battalions": "battalion",
    "unit": "unit",
    "units": "unit",
    "regiment": "regiment",
    "division": "division",
    "corps": "corps",
    "guard": "guard",
    "guards": "guard",
    "militia": "militia",
    "militias": "militia",
    "group": "group",
    "groups": "group",
    "movement": "movement",
    "front": "front",
    "party": "party",
    "council": "council",
    "committee": "committee",
    "commission": "commission",
    "organization": "organization",
    "organisation": "organization",
    "agency": "agency",
    "news": "news",
    "network": "network",
    "coalition": "coalition",
    "alliance": "alliance",
    "institute": "institute",
    "liwa": "liwa",
    "kataib": "kataib",
    "katiba": "kataib",
    "jaysh": "jaysh",
    "jaish": "jaysh",
    "harakat": "harakat",
    "haraka": "harakat",
    "saraya": "saraya",
    "jabhat": "jabhat",
    "faylaq": "faylaq",
    "failaq": "faylaq",
    "hizb": "hizb",
    "quwat": "quwat",
    "quwwat": "quwat",
    "tajamu": "tajamu",
    "firqat": "firqat",
}


@lru_cache(maxsize=1)
def leading_descriptors() -> frozenset[str]:
    """Arabic words for "organisation", "group", "militia", "faction" that lead
    a name without being part of it ("تنظيم داعش"), normalized."""
    return frozenset(normalize(w) for w in ("تنظيم", "جماعة", "ميليشيا", "ميليشيات", "مليشيا", "فصيل", "قوات"))


#: Titles and ranks that may precede a person's name ("Col. Christopher Garver").
TITLES = frozenset(
    [
        "col",
        "colonel",
        "gen",
        "general",
        "lt",
        "lieutenant",
        "maj",
        "major",
        "brig",
        "brigadier",
        "capt",
        "captain",
        "sgt",
        "sheikh",
        "shaykh",
        "sheik",
        "dr",
        "mr",
        "mrs",
        "ms",
        "president",
        "commander",
        "spokesman",
        "spokesperson",
    ]
)

#: Words for offices that stand before a name in running text ("Foreign
#: Minister Asaad al-Shaibani"): with TITLES, they end a name on its left.
OFFICES = frozenset(
    [
        "minister",
        "governor",
        "secretary",
        "ambassador",
        "envoy",
        "emir",
        "king",
        "prince",
        "ayatollah",
        "imam",
        "mullah",
        "deputy",
        "chief",
        "leader",
        "premier",
        "senator",
        "admiral",
        "marshal",
        "prof",
        "professor",
    ]
)

#: Words for peoples and adjectives of place: capitalised, yet not part of
#: a name that follows them ("Kurdish YPG", "Iraqi Prime Minister").
DEMONYMS = frozenset(
    [
        "syrian",
        "syrians",
        "iraqi",
        "iraqis",
        "kurdish",
        "kurd",
        "kurds",
        "turkish",
        "turk",
        "turks",
        "iranian",
        "iranians",
        "russian",
        "russians",
        "american",
        "americans",
        "lebanese",
        "jordanian",
        "israeli",
        "israelis",
        "saudi",
        "qatari",
        "emirati",
        "egyptian",
        "british",
        "french",
        "german",
        "european",
        "arab",
        "arabs",
        "sunni",
        "shiite",
        "shia",
        "shii",
        "yazidi",
        "christian",
        "alawite",
        "druze",
        "assyrian",
        "turkmen",
        "palestinian",
        "afghan",
        "pakistani",
        "chechen",
        "western",
        "syrien",
        "syrienne",
        "irakien",
        "irakienne",
        "kurde",
        "kurdes",
        "turc",
        "turque",
        "iranien",
        "iranienne",
        "russe",
        "americain",
        "americaine",
        "libanais",
        "israelien",
        "israelienne",
        # adjectives of creed and movement that stand before names the same way
        "islamist",
        "islamists",
        "jihadist",
        "jihadists",
        "salafist",
        "salafi",
        "baathist",
        "rebel",
    ]
)

#: Capitalised words that name a time, not a thing: "attacked Idlib Monday".
TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

#: Lowercase words that sit inside personal names ("Abu Bakr al-Baghdadi", "Osama bin Laden").
NAME_PARTICLES = frozenset(["bin", "ibn", "bint", "abu", "abou", "umm", "ben", "de", "di", "van", "von", "du"])

#: Descriptive words after an organisation's name that are not part of it
#: ("the Islamic State group"); a query may drop them to find the name.
ORG_DESCRIPTORS = frozenset(
    [
        "group",
        "militia",
        "militias",
        "fighters",
        "rebels",
        "faction",
        "organization",
        "organisation",
        "coalition",
        "alliance",
        "party",
        "movement",
    ]
)


def _build_designators() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for phrase, cls in _DESIGNATOR_PHRASES.items():
        table[tuple(phrase.split())] = cls
    for word, cls in _ARABIC_DESIGNATORS.items():
        table[tuple(normalize(word).split())] = cls
    return table


_DESIGNATORS: dict[tuple[str, ...], str] = {}
_MAX_DESIGNATOR = 3


def designator_table() -> dict[tuple[str, ...], str]:
    """The designator phrases (as normalized token tuples) and their classes."""
    if not _DESIGNATORS:
        _DESIGNATORS.update(_build_designators())
    return _DESIGNATORS


def designator_classes() -> frozenset[str]:
    """All designator classes."""
    return frozenset(designator_table().values())


def match_designator(tokens: list[str] | tuple[str, ...], i: int) -> tuple[int, str] | None:
    """Longest designator phrase starting at token ``i``: (length, class)."""
    table = designator_table()
    for size in range(min(_MAX_DESIGNATOR, len(tokens) - i), 0, -1):
        cls = table.get(tuple(tokens[i : i + size]))
        if cls is not None:
            return size, cls
    return None


_GLUED_AL = re.compile(r"^(?:al|el)([b-df-hj-np-tv-z][a-z]+)$")
_GLUED_SUN = re.compile(r"^e([tdrzsnl])\1([a-z]{2,})$")
_ABD = re.compile(r"^abd(?:el|ul|al|ol|il|ur|ar|us|es|un|en|an)?([a-z]*)$")


def split_glued_article(token: str) -> str:
    """Drop an article glued to a word: "albu" → "bu", "alhashd" → "hashd",
    "ezzor" → "zor".  Other tokens come back unchanged.

    Only a consonant may follow a glued "al"/"el" (so "aleppo" and "ali" stay),
    and only a doubled sun letter after "e" counts as assimilation.
    """
    m = _GLUED_AL.match(token)
    if m:
        return m.group(1)
    m = _GLUED_SUN.match(token)
    if m:
        return m.group(1) + m.group(2)
    return token


# Alternations of Arabic romanization, applied in order to each token.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"kh", "h"),
        (r"dj", "j"),
        (r"(?:dh|th)", "z"),
        (r"gh", "g"),
        (r"ch", "sh"),
        (r"ph", "f"),
        (r"[qgc]", "k"),
        (r"v", "w"),
        (r"(?:ou|oo|o)", "u"),
        (r"(?:ee|ie)", "i"),
        (r"(?:ei|ey|ay|ai|ae)", "ai"),  # Kataeb/Kataib, al-Qaem/al-Qaim
        (r"e", "a"),
        (r"(?<=[a-z])ah$", "a"),
        (r"([a-z])\1+", r"\1"),
    )
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
    for pattern, repl in _FOLDS:
        token = pattern.sub(repl, token)
    return token


_fold_token_cached = lru_cache(maxsize=65536)(_fold_token)


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


def _abd(token: str) -> list[str]:
    m = _ABD.match(token)
    if m and m.group(1):
        return ["abd", m.group(1)]
    if m:
        return ["abd"]
    return [token]


def key_parts(word: str) -> list[str]:
    """One normalized word reduced to its name-key part(s): a glued article
    dropped, "Abdel…" split, organisation-form plurals folded, romanization
    alternations folded.  Shared by ``name_key()`` and the scanner.

    Examples:
        >>> key_parts("abdulrahman"), key_parts("forces"), key_parts("albu")
        (['abd', 'rahman'], ['furka'], ['bu'])
    """
    return [fold_token(_ORG_GENERIC.get(p, p)) for p in _abd(split_glued_article(word))]


def is_skippable(word: str, last: bool = False) -> bool:
    """Whether a normalized word is a stop word, or an article before another word."""
    return word in _STOPWORDS or (word in ARTICLES and not last)


def name_key(normalized: str) -> NameKey:
    """Reduce a normalized string (see [`normalize`][borderlex.normalize]) to a ``NameKey``.

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
    tokens: list[str] = []
    for j, word in enumerate(words):
        if not is_skippable(word, last=j + 1 == len(words)):
            tokens.extend(key_parts(word))
    org_words = sum(1 for t in tokens if t in _ORG_GENERIC_FOLDED)
    return NameKey(tuple(tokens), frozenset(classes), org_words)


_name_key_cached = lru_cache(maxsize=65536)(_name_key)


def is_org_generic(token: str) -> bool:
    """Whether a folded key token is an organisation-form word ("force", "liwa")."""
    return token in _ORG_GENERIC_FOLDED


_ORG_GENERIC_FOLDED = frozenset(fold_token(v) for v in _ORG_GENERIC.values())

_SKELETON_DROP = re.compile(r"[aeiouyw]")


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
    s = _SKELETON_DROP.sub("", key)
    return re.sub(r"([a-z])\1+", r"\1", s)
