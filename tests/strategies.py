"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime
import re
import unicodedata

from hypothesis import strategies as st

import borderlex
from borderlex.index import Strength

RESOLVER = borderlex.Resolver.default()
ENTRIES = [e for e in RESOLVER.index.entries]
STRONG = [e for e in ENTRIES if e.strength is Strength.STRONG]
NON_ACRONYM = [e for e in ENTRIES if e.strength is not Strength.ACRONYM]
LATIN = [e for e in NON_ACRONYM if e.alias.isascii()]
ARABIC_ARTICLE = "ال"

entries = st.sampled_from(ENTRIES)
non_acronym_entries = st.sampled_from(NON_ACRONYM)
latin_entries = st.sampled_from(LATIN)
arabic_entries = st.sampled_from([e for e in NON_ACRONYM if e.arabic])

APOSTROPHES = "'’‘ʿʾ`"
COMBINING = ["\u0301", "\u0300", "\u0308", "\u0304", "\u0323", "\u0327"]

# Text with every kind of hostile character: controls, RTL marks, zero-width
# joiners, combining stacks, surrogates are excluded by Python str itself.
hostile_text = st.text(alphabet=st.characters(), max_size=200) | st.builds(
    "".join,
    st.lists(
        st.sampled_from(
            [
                "al-",
                "\u200f",
                "\u200d",
                "\u0301" * 5,
                "\x00",
                "\x1b",
                "😀",
                "ﷲ",
                "ـ",
                " ",
                "-",
                "'",
                "داعش",
                "ISIS",
                "\ud800",
            ]
        ),
        max_size=60,
    ),
)


@st.composite
def case_changed(draw: st.DrawFn, text: str) -> str:
    mode = draw(st.sampled_from(["upper", "lower", "title", "swap", "random"]))
    if mode == "upper":
        return text.upper()
    if mode == "lower":
        return text.lower()
    if mode == "title":
        return text.title()
    if mode == "swap":
        return text.swapcase()
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if f else c.lower() for c, f in zip(text, flips))


@st.composite
def spaced(draw: st.DrawFn, text: str) -> str:
    """Extra, missing or swapped whitespace and hyphens."""
    words = re.split(r"[\s\-]+", text.strip())
    seps = draw(
        st.lists(st.sampled_from([" ", "  ", "-", " - ", "\t", "\u00a0"]), min_size=len(words), max_size=len(words))
    )
    lead = draw(st.sampled_from(["", " ", "\n"]))
    trail = draw(st.sampled_from(["", " ", "  \n"]))
    out = words[0]
    for w, sep in zip(words[1:], seps):
        out += sep + w
    return lead + out + trail


@st.composite
def compat_forms(draw: st.DrawFn, text: str) -> str:
    """Unicode compatibility forms: fullwidth Latin letters, NFD decomposition."""
    mode = draw(st.sampled_from(["fullwidth", "nfd", "nfc"]))
    if mode == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    return unicodedata.normalize(mode.upper(), text)


@st.composite
def diacritics(draw: st.DrawFn, text: str) -> str:
    """Diacritics added to some Latin letters, or removed from all."""
    if draw(st.booleans()):
        return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    marks = draw(st.lists(st.sampled_from(COMBINING + [""] * 4), min_size=len(text), max_size=len(text)))
    return "".join(c + (m if c.isascii() and c.isalpha() else "") for c, m in zip(text, marks))


@st.composite
def apostrophes(draw: st.DrawFn, text: str) -> str:
    """ʿayn/hamza/apostrophe marks swapped for one another (or dropped).

    A French elision ("l'armée", "d'Alep") keeps a mark: French never writes
    it without one ("larmée" is no spelling), so there the mark is only swapped.
    """
    repl = draw(st.sampled_from(list(APOSTROPHES) + [""]))
    out = []
    for i, c in enumerate(text):
        if c not in APOSTROPHES:
            out.append(c)
            continue
        elision = i > 0 and text[i - 1] in "lLdD" and (i == 1 or not text[i - 2].isalpha())
        out.append(repl or ("’" if elision else ""))
    return "".join(out)


@st.composite
def articles(draw: st.DrawFn, text: str) -> str:
    """An Arabic article added to or removed from the first word."""
    if any("\u0600" <= c <= "\u06ff" for c in text):
        if text.startswith(ARABIC_ARTICLE) and len(text.split()[0]) > 4:
            return text[2:]
        return ARABIC_ARTICLE + text
    m = re.match(r"^(?:al|el|ad|ar|as|at|az|an|ash|ez)[- ](.+)$", text, flags=re.IGNORECASE)
    if m:
        return m.group(1)
    form = draw(st.sampled_from(["al-", "Al ", "el-", "al "]))
    return form + text


# Time and place: any entity id, and an ``as_of`` in each accepted form.
ENTITY_IDS = [e.id for e in RESOLVER.entities()]
entity_ids = st.sampled_from(ENTITY_IDS)
dates = st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2030, 12, 31))
as_of_values = (
    dates
    | dates.map(lambda d: d.isoformat())
    | dates.map(lambda d: d.isoformat()[:7])
    | dates.map(lambda d: str(d.year))
)


ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى"


@st.composite
def arabic_misspelt(draw: st.DrawFn, text: str) -> str:
    """``text`` with one Arabic letter replaced by another: often a different word."""
    spots = [i for i, c in enumerate(text) if c in ARABIC_LETTERS]
    if not spots:
        return text
    i = draw(st.sampled_from(spots))
    return text[:i] + draw(st.sampled_from(ARABIC_LETTERS)) + text[i + 1 :]


# Arabic words of three letters or more that an article inside a word may
# join ("دير" + "الزور"): no ا or ل, so none holds an article of its own, and
# the second not opening with ي (a nisba or plural ending: "الشماليين").
_PLAIN_ARABIC = "بتثجحخدذرزسشصضطظعغفقكمنهو"
arabic_stems = st.text(alphabet=_PLAIN_ARABIC, min_size=3, max_size=6)
