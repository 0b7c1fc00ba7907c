"""The scanner's tokenizer and hit walk as they were before issue 17's speed
work, kept verbatim as the reference of tests/test_scan_differential.py.

Only the way the text is cut into word units and the way hits are walked
changed; the rules are the same.  What is here is the code of main at
21a1fb0, after the split of the scanner into modules (``folding.word_spans``,
``scan_units.units_of`` and ``Scanner._hits``; unchanged since 1a7c0ec),
with the helpers it used imported from borderlex where they did not change.
Do not "improve" this file: its worth is that it is the old code.  Three rules
changed since, in both tokenizers alike (marked where they are): an Arabic
designator counts only as spelled, orthography aside — its romanized key made
"هي" (*she*) the word for a quarter, "حي" (session 11); a capitalised Latin
designator opens a name, read as its first word, as the alias patterns read
it: "Camp Speicher" was never found (session 12); a Latin "a" joined by a
hyphen to a name is the article, as "al-" is: "Ahrar a-Sham" (session 13).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import attrs

from borderlex.arabic_script import is_arabic_script, is_arabic_word_char, orthographic_form
from borderlex.folding import _spans_from, normalize, normalize_with_offsets
from borderlex.name_keys import is_skippable, key_parts, match_designator
from borderlex.scan_units import (
    _DESIGNATOR_FIRST,
    ARABIC_PROCLITICS,
    ARTICLES,
    MARKERS,
    lam_before_article,
    reads_proclitic,
)
from borderlex.scanning import _MAX_GAP, _MAX_UNITS, Scanner
from borderlex.vocabulary import vocabulary

# -- folding.word_spans ------------------------------------------------------------


@lru_cache(maxsize=1)
def _word_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(r"[^ \t\n\r\f\v]+"), re.compile(r"[^A-Za-z0-9'`.]*([A-Za-z0-9]+)[^A-Za-z0-9'`]*")


def word_spans(text: str) -> list[tuple[str, int, int, int]]:
    out: list[tuple[str, int, int, int]] = []
    chunks, plain_word = _word_patterns()
    plain = plain_word.fullmatch
    for chunk in chunks.finditer(text):
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


# -- scan_units.units_of -----------------------------------------------------------


@attrs.frozen(slots=True)
class Unit:
    unit: str
    start: int
    end: int
    skip: bool
    marker: str | None
    arabic: bool
    upper_initial: bool
    all_upper: bool
    latin: bool
    attached: bool
    article: bool
    proclitic: bool = False
    possessive: bool = False
    linking: bool = False  # session 20, in both tokenizers: "of", "de" … join a designator to its name


# Session 20, in both tokenizers: the function words that join a designator to its name.
_LINKING = frozenset({"of", "de", "du", "des", "d"})


def _word_unit(word: str) -> str:
    return "".join(key_parts(word))


def units_of(text: str) -> list[Unit]:
    words = word_spans(text)
    raw = [w for w, _, _, _ in words]
    units: list[Unit] = []
    plain: dict[str, tuple[str, bool, bool, bool, bool, bool]] = {}
    i = 0
    prev_end = -1
    n = len(words)
    while i < n:
        w, start, last, _ = words[i]
        if w not in _DESIGNATOR_FIRST:
            span = text[start : last + 1]
            if span.isascii() and span.isalnum():
                shape = plain.get(span)
                if shape is None:
                    shape = plain[span] = _plain_shape(span, w)
                unit, skip, article, latin, upper_initial, all_upper = shape
                units.append(
                    Unit(
                        unit,
                        start,
                        last + 1,
                        skip,
                        None,
                        False,
                        upper_initial,
                        all_upper,
                        latin,
                        start <= prev_end,
                        article,
                        linking=skip and w in _LINKING,
                    )
                )
                prev_end = last + 1
                i += 1
                continue
        found = match_designator(raw, i) if w in _DESIGNATOR_FIRST else None
        if found is None and text[start] in ARABIC_PROCLITICS and w[1:] in _DESIGNATOR_FIRST:
            found = match_designator([w[1:], *raw[i + 1 : i + 3]], 0)
            if found is not None:
                start += 1
        if found is not None and is_arabic_script(text[start]):
            # Session 11, in both tokenizers: an Arabic designator counts as spelled ("هي" is no "حي").
            written = orthographic_form(text[start : words[i + found[0] - 1][2] + 1])
            if written not in {orthographic_form(p) for p in vocabulary().designators if is_arabic_script(p[0])}:
                if start > words[i][1]:
                    start -= 1
                found = None
        size = found[0] if found else 1
        _, _, last, before = words[i + size - 1]
        word = " ".join(raw[i : i + size])
        possessive = False
        if size == 1 and len(w) > 2 and w.endswith("s") and last >= 1 and text[last - 1] in "'’‘" and last - 1 > before:
            last = before
            word = w[:-1]
            possessive = True
        end = last + 1
        span = text[start:end]
        arabic, latin, upper_initial, all_upper = _case_flags(span)
        attached = prev_end >= 0 and start <= prev_end
        if found:
            cls = found[1]
            units.append(
                Unit(MARKERS[cls], start, end, False, cls, arabic, upper_initial, all_upper, latin, attached, False)
            )
        elif is_skippable(word):
            units.append(
                Unit(
                    "",
                    start,
                    end,
                    True,
                    None,
                    arabic,
                    upper_initial,
                    all_upper,
                    latin,
                    attached,
                    word in ARTICLES,
                    linking=word in _LINKING,
                )
            )
        else:
            units.append(
                Unit(
                    _word_unit(word),
                    start,
                    end,
                    False,
                    None,
                    arabic,
                    upper_initial,
                    all_upper,
                    latin,
                    attached,
                    False,
                    arabic and reads_proclitic(span),  # session 31, in both tokenizers: not "فاطمة"
                    possessive,
                )
            )
        prev_end = end
        i += size
    # Session 13, in both tokenizers: "a-" before a name is the article ("Ahrar a-Sham").
    for m in re.finditer(r"(?<![^\W\d_])[aA][-\u2010\u2011](?=[^\W\d_]{2})", text):
        for k, u in enumerate(units):
            if u.start == m.start() and u.unit == "a":
                units[k] = attrs.evolve(u, unit="", skip=True, article=True, proclitic=False, possessive=False)
    return _arabic_edges(text, units) if any(u.arabic for u in units) else units


def _arabic_edges(text: str, units: list[Unit]) -> list[Unit]:
    out = list(units)
    n = len(out)
    for i, u in enumerate(out):
        if not u.arabic:
            continue
        lo = out[i - 1].end if i else 0
        hi = units[i + 1].start if i + 1 < n else len(text)
        start, end = u.start, u.end
        if not u.skip and u.marker is None:
            while start > lo and is_arabic_word_char(text[start - 1]):
                start -= 1
        while end < hi and is_arabic_word_char(text[end]):
            end += 1
        prev = out[i - 1] if i else None
        attached = prev is not None and start <= prev.end
        proclitic = (
            not u.skip
            and u.marker is None
            and reads_proclitic(text[start:end])
            and not (attached and prev is not None and prev.article)
        )
        if (start, end, attached, proclitic) != (u.start, u.end, u.attached, u.proclitic):
            out[i] = attrs.evolve(u, start=start, end=end, attached=attached, proclitic=proclitic)
    return out


def _case_flags(span: str) -> tuple[bool, bool, bool, bool]:
    if span.isascii() and span[:1].isalpha():
        return False, True, span[0].isupper(), span.isupper() and sum(c.isalpha() for c in span) >= 2
    letters = [c for c in span if c.isalpha()]
    arabic = bool(letters) and is_arabic_script(letters[0])
    return arabic, bool(letters) and not arabic, _upper_initial(span), _all_upper(letters)


def _plain_shape(span: str, word: str) -> tuple[str, bool, bool, bool, bool, bool]:
    _, latin, upper_initial, all_upper = _case_flags(span)
    if is_skippable(word):
        return "", True, word in ARTICLES, latin, upper_initial, all_upper
    return _word_unit(word), False, False, latin, upper_initial, all_upper


def _upper_initial(span: str) -> bool:
    for c in span:
        if c.isalpha():
            return c.isupper()
    return False


def _all_upper(letters: list[str]) -> bool:
    return len(letters) >= 2 and all(c.isupper() for c in letters if c.isascii())


# -- Scanner._hits ---------------------------------------------------------------------


def hits(scanner: Scanner, units: list[Unit], text: str) -> list[tuple[int, int, tuple[object, ...]]]:
    """The hit walk over ``units``: (first, last, patterns) of each hit, as the
    old ``Scanner._hits`` made them (``first`` is ``-i - 1`` for a hit that
    starts after an Arabic proclitic)."""
    keys: list[str] = scanner._keys
    patterns = scanner._patterns

    def has_prefix(s: str) -> bool:
        i = bisect.bisect_left(keys, s)
        return i < len(keys) and keys[i].startswith(s)

    out: list[tuple[int, int, tuple[object, ...]]] = []
    n = len(units)

    def walk(s: str, j: int, first: int) -> None:
        count = 0
        while True:
            if not has_prefix(s):
                break
            pats = patterns.get(s)
            if pats:
                out.append((first, j, tuple(pats)))
            j += 1
            skipped_words = False
            gap = 0
            while j < n and units[j].skip and gap <= _MAX_GAP:
                skipped_words = skipped_words or not units[j].article
                j += 1
                gap += 1
            count += 1
            if j >= n or count >= _MAX_UNITS or gap > _MAX_GAP:
                break
            if skipped_words and units[j].marker is not None:
                break
            s += units[j].unit

    for i in range(n):
        u = units[i]
        if u.skip:
            # Session 33: "للبنان" is also ل and the name "لبنان", read from the article unit's lam
            # (as the walk does since).
            adjacent = i + 1 < n and units[i + 1].start == u.start + 1
            if u.article and u.arabic and adjacent and lam_before_article(text, u.start):
                walk(_word_unit("l" + units[i + 1].unit), i + 1, i)
            continue
        first = u.unit
        if u.marker is not None and not u.arabic:
            # Session 12: a capitalised Latin designator opens a name as its first word ("Camp Speicher").
            if not u.upper_initial:
                continue
            first = _word_unit(normalize(text[u.start : u.end]).split()[0])
        elif u.marker is not None and u.unit in scanner._quoted_words:
            # Session 18: an Arabic designator word alone in quote marks names what an alias of
            # that one word names («القاعدة»), as the walk does since.
            named = scanner._quoted_word(text, units, i)  # type: ignore[arg-type]
            if named:
                out.append((i, i, tuple(named)))
        starts = [first]
        if u.proclitic and u.marker is None and len(u.unit) > 2:
            starts.append(u.unit[1:])
            # Session 15: after the proclitic, an alif with hamza and a lam read as the article
            # ("وألمانيا" is "manya", as "ألمانيا" alone), as the walk does since.
            # Session 28: and so is what a key reads at a word's start ("لكوردستان": "kwrd" is
            # "krd"), as the walk does since.
            if _word_unit(u.unit[1:]) != u.unit[1:]:
                starts.append(_word_unit(u.unit[1:]))
        for s0 in starts:
            walk(s0, i, i if s0 is first else -i - 1)
    return out
