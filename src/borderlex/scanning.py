"""Finding entity mentions in running text.

The text is normalized once (keeping a map back to the original offsets)
and cut into word *units*: each word reduced as in a name key (articles and
stop words become skippable, designator phrases become one marker unit).
Alias keys are the concatenation of their units, kept in one sorted list;
from each word the scanner extends the concatenation unit by unit and asks
the sorted list (a binary search) whether some key still starts with it.
That is one pass over the text whose cost per word does not depend on how
many aliases there are beyond a logarithm, and concatenating units lets
"Albu Kamal" meet "Al-Bukamal".

Then, for each candidate span:

* case: acronyms only in their written case; other Latin names keep the
  capitals of the alias ("Iraqi army" is not "Iraqi Army"; "BEIRUT" is
  Beirut); Arabic script has no case;
* weak aliases count only when the entity is also named by a strong alias
  somewhere in the same text;
* designators next to a name choose the entity ("Deir Ezzor province" → the
  governorate, "Al-Tanf camp" → the garrison); a name followed by a
  province or facility word that names nothing known is part of a longer,
  unknown name ("Tanf oil field") and is dropped;
* shared spellings are decided by the other entities the text names
  (country, parent), else marked ambiguous.

Spans never overlap; longer spans win.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import attrs

from .arabic_script import arabic_letters, has_arabic_script, is_arabic_script, is_arabic_word_char
from .arguments import check_kinds
from .dates import valid_during
from .folding import normalize, word_spans
from .index import AliasEntry, AliasIndex, Strength, acronym_form
from .model import DESIGNATES, Entity, Kind, Match, Mention, Method
from .name_keys import designator_table, is_skippable, key_parts, leading_descriptors, match_designator
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from .dates import Period

__all__ = ["CASE_FREE_DESIGNATORS", "ResolveFunction", "Scanner"]


class ResolveFunction(Protocol):
    """What the scanner asks about a span of text: :meth:`Resolver.resolve
    <borderlex.resolver.Resolver.resolve>`, or anything that answers alike."""

    def __call__(self, query: str, *, kind: Kind | None = None, as_of: Any = None) -> Match | None: ...


# The vocabularies (data/vocabulary.toml) this module reads, bound when it is
# first imported: on the first scan, not at `import borderlex`.
_WORDS = vocabulary()
ARABIC_PROCLITICS, ARTICLES, NAME_PARTICLES = _WORDS.proclitics, _WORDS.articles, _WORDS.name_particles
TITLES, OFFICES, DEMONYMS, TIME_WORDS = _WORDS.titles, _WORDS.offices, _WORDS.demonyms, _WORDS.time_words

#: Designator classes whose words belong to a name in any case ("Anbar
#: province", "Al-Tanf camp").  Others ("river", "desert") must be
#: capitalised to count as part of the name.
CASE_FREE_DESIGNATORS = frozenset(
    {"governorate", "district", "air-base", "border-crossing", "base", "oil-field", "dam", "prison"}
)

# Words that head Arabic organisation names; a known name right after one
# of them is part of an unknown organisation ("Kata'ib Hezbollah").
_ORG_HEADS = frozenset("".join(key_parts(w)) for w in _WORDS.org_heads)  # the units these words become in a text
_MAX_UNITS = 16
_MAX_GAP = 3  # function words in a row inside a name: "of the", "and the"
# The fuzzy pass: at most this many words per span; a single word needs this
# many letters and must not open a sentence (capitals there prove nothing).
_FUZZY_MAX_WORDS = 4
_FUZZY_MIN_LETTERS = 6
_FUZZY_MIN_SCORE = 75.0
_MARK_BASE = 0xE000


def _marker(cls: str) -> str:
    return chr(_MARK_BASE + sorted(DESIGNATES).index(cls))


_MARKERS = {cls: _marker(cls) for cls in DESIGNATES}
_DESIGNATOR_FIRST = frozenset(words[0] for words in designator_table())


@attrs.frozen(slots=True)
class _Unit:
    """One word (or designator phrase) of a text, reduced for matching."""

    unit: str  # "" for skippable words
    start: int  # offsets into the original text
    end: int
    skip: bool
    marker: str | None  # designator class
    arabic: bool
    upper_initial: bool
    all_upper: bool
    latin: bool
    attached: bool  # no space between this unit and the previous one
    article: bool
    proclitic: bool = False  # Arabic word that may start with و ف ب ك ل
    possessive: bool = False  # ended by "'s", which ends a name


def _word_unit(word: str) -> str:
    return _word_unit_cached(word) if len(word) <= 64 else "".join(key_parts(word))


@lru_cache(maxsize=65536)
def _word_unit_cached(word: str) -> str:
    return "".join(key_parts(word))


def units_of(text: str) -> list[_Unit]:
    """Cut ``text`` into units with their original offsets."""
    words = word_spans(text)
    raw = [w for w, _, _, _ in words]
    units: list[_Unit] = []
    # Words repeat: what a plain ASCII word reduces to is worked out once per text.
    plain: dict[str, tuple[str, bool, bool, bool, bool, bool]] = {}
    i = 0
    prev_end = -1
    n = len(words)
    while i < n:
        w, start, last, _ = words[i]
        if w not in _DESIGNATOR_FIRST:
            span = text[start : last + 1]
            if span.isascii() and span.isalnum():  # no apostrophe, no proclitic, one word
                shape = plain.get(span)
                if shape is None:
                    shape = plain[span] = _plain_shape(span, w)
                unit, skip, article, latin, upper_initial, all_upper = shape
                units.append(
                    _Unit(
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
                    )
                )
                prev_end = last + 1
                i += 1
                continue
        found = match_designator(raw, i) if w in _DESIGNATOR_FIRST else None
        if found is None and text[start] in ARABIC_PROCLITICS and w[1:] in _DESIGNATOR_FIRST:
            # "بمعبر القائم": a proclitic before an Arabic designator stays out of it.
            found = match_designator([w[1:], *raw[i + 1 : i + 3]], 0)
            if found is not None:
                start += 1
        size = found[0] if found else 1
        _, _, last, before = words[i + size - 1]
        word = " ".join(raw[i : i + size])
        # A possessive "'s" ends the name: "Daesh’s", "Iraq's".
        possessive = False
        if size == 1 and len(w) > 2 and w.endswith("s") and last >= 1 and text[last - 1] in "'’" and last - 1 > before:
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
                _Unit(_MARKERS[cls], start, end, False, cls, arabic, upper_initial, all_upper, latin, attached, False)
            )
        elif is_skippable(word):
            units.append(
                _Unit("", start, end, True, None, arabic, upper_initial, all_upper, latin, attached, word in ARTICLES)
            )
        else:
            units.append(
                _Unit(
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
                    arabic and span[:1] in ARABIC_PROCLITICS,
                    possessive,
                )
            )
        prev_end = end
        i += size
    return _arabic_edges(text, units) if any(u.arabic for u in units) else units


def _arabic_edges(text: str, units: list[_Unit]) -> list[_Unit]:
    """Arabic units span whole written words.

    Letters that fold to nothing (ʿayn, hamza) leave a unit short of its
    word: "العراق" would start at ر and "الشرع" end before ع.  Each Arabic
    unit is widened to the letters around it up to its neighbours, so a
    mention never starts or ends inside a word.  A proclitic is read off
    only at a word's start: after an article (الفرقة) a ف is the name's.
    """
    out = list(units)
    n = len(out)
    for i, u in enumerate(out):
        if not u.arabic:
            continue
        lo = out[i - 1].end if i else 0
        hi = units[i + 1].start if i + 1 < n else len(text)
        start, end = u.start, u.end
        if not u.skip and u.marker is None:  # an article or designator keeps its start: a proclitic is not the name's
            while start > lo and is_arabic_word_char(text[start - 1]):
                start -= 1
        while end < hi and is_arabic_word_char(text[end]):
            end += 1
        prev = out[i - 1] if i else None
        attached = prev is not None and start <= prev.end
        proclitic = (
            not u.skip
            and u.marker is None
            and text[start] in ARABIC_PROCLITICS
            and not (attached and prev is not None and prev.article)
        )
        if (start, end, attached, proclitic) != (u.start, u.end, u.attached, u.proclitic):
            out[i] = attrs.evolve(u, start=start, end=end, attached=attached, proclitic=proclitic)
    return out


def _case_flags(span: str) -> tuple[bool, bool, bool, bool]:
    """(Arabic script, Latin script, capital initial, all capitals) of a word."""
    if span.isascii() and span[:1].isalpha():
        # The common case, without looking at each letter.
        return False, True, span[0].isupper(), span.isupper() and sum(c.isalpha() for c in span) >= 2
    letters = [c for c in span if c.isalpha()]
    arabic = bool(letters) and is_arabic_script(letters[0])
    return arabic, bool(letters) and not arabic, _upper_initial(span), _all_upper(letters)


def _plain_shape(span: str, word: str) -> tuple[str, bool, bool, bool, bool, bool]:
    """(unit, skip, article, Latin, capital initial, all capitals) of a plain ASCII word."""
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


@attrs.frozen(slots=True)
class _Pattern:
    """One way to write one entity's name, as units."""

    entry: AliasEntry
    flags: tuple[bool, ...]  # capital initial of each Latin content unit of the alias
    generated: str | None  # designator class added to a bare alias, if any
    letters: str | None = None  # an Arabic alias's letters (see _letters)
    stops: tuple[str, ...] = ()  # the function words inside the alias ("of", "and"), in order


class _Span(NamedTuple):
    """A candidate mention: offsets, first and last unit, the patterns that fit, the text."""

    start: int
    end: int
    first: int
    last: int
    patterns: list[_Pattern]
    text: str


@attrs.frozen(slots=True)
class _Hit:
    first: int  # unit indexes, inclusive
    last: int
    patterns: tuple[_Pattern, ...]


class Scanner:
    """Scans texts against an alias index.  Build once, scan often.

    ``resolve`` looks up what the alias index alone cannot settle (a whole
    name run, a quoted name, a name and a designator together, the fuzzy
    pass); :meth:`Resolver.scanner <borderlex.resolver.Resolver.scanner>`
    gives its own ``resolve``, over the same tables.
    """

    __slots__ = ("_keys", "_patterns", "_resolve")

    def __init__(self, index: AliasIndex, resolve: ResolveFunction) -> None:
        self._resolve = resolve
        patterns: dict[str, list[_Pattern]] = {}
        for entry in index.entries:
            units = units_of(entry.alias)
            content = [u for u in units if not u.skip]
            if not content:
                continue
            # A leading designator is a marker only in Arabic ("محافظة حمص");
            # in English "base in al-Tanf" is not a name.
            if content[0].marker is not None and not content[0].arabic:
                content[0] = attrs.evolve(content[0], unit=_word_unit(normalize(entry.alias).split()[0]), marker=None)
            key = "".join(u.unit for u in content)
            if not key.strip("".join(_MARKERS.values())):
                continue
            flags = tuple(u.upper_initial for u in content if u.latin and not _case_free(u))
            letters = _letters(entry.alias, content) if entry.arabic else None
            stops = _stops(entry.alias, units)
            patterns.setdefault(key, []).append(_Pattern(entry, flags, None, letters, stops))
            # "Anbar province", "Homs city", "Euphrates River": a bare name of a
            # governorate, city, river … followed by a designator of its type.
            if entry.strength is Strength.STRONG and all(u.marker is None for u in content) and entry.entity.type:
                for cls, types in DESIGNATES.items():
                    if entry.entity.type in types:
                        gflags = flags if cls in CASE_FREE_DESIGNATORS else (*flags, True)
                        patterns.setdefault(key + _MARKERS[cls], []).append(
                            _Pattern(entry, gflags, cls, letters, stops)
                        )
        self._patterns = patterns
        self._keys = sorted(patterns)

    # -- matching ---------------------------------------------------------

    def _has_prefix(self, s: str) -> bool:
        i = bisect.bisect_left(self._keys, s)
        return i < len(self._keys) and self._keys[i].startswith(s)

    def _hits(self, units: list[_Unit]) -> list[_Hit]:
        hits: list[_Hit] = []
        n = len(units)
        for i in range(n):
            u = units[i]
            if u.skip:
                continue
            if u.marker is not None and not u.arabic:
                continue
            starts = [u.unit]
            if u.proclitic and u.marker is None and len(u.unit) > 2:
                starts.append(u.unit[1:])
            for s0 in starts:
                s = s0
                j = i
                count = 0
                while True:
                    if not self._has_prefix(s):
                        break
                    pats = self._patterns.get(s)
                    if pats:
                        hits.append(_Hit(i, j, tuple(pats)) if s0 == u.unit else _Hit(-i - 1, j, tuple(pats)))
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
                        break  # "Deir Ezzor and la province": a designator never follows "and", "of" …
                    s += units[j].unit
        return hits

    # -- the public entry point ------------------------------------------

    def scan(
        self, text: str, *, kinds: Iterable[Kind] | None = None, fuzzy: bool = False, as_of: Period | None = None
    ) -> list[Mention]:
        """Mentions in ``text``, sorted by start, never overlapping.

        With ``fuzzy=True``, capitalised Latin-script word runs that no alias
        matched are also looked up with the resolver's fuzzy tier, to catch
        misspellings ("Albuqmal").  It is off by default: see
        ``docs/performance.md`` for its precision and recall.  With
        ``as_of``, a spelling several entities share goes to those that
        existed then, before the text's context decides.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        wanted = check_kinds(kinds)
        units = units_of(text)
        spans = self._supported(self._candidates(text, units, wanted))
        # Longest spans first, then leftmost; no two overlap.
        spans.sort(key=lambda c: (c.start - c.end, c.start))
        taken = bytearray(len(text))
        chosen: list[_Span] = []
        for c in spans:
            if 1 not in taken[c.start : c.end]:
                taken[c.start : c.end] = b"\x01" * (c.end - c.start)
                chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        context = self._context([c.patterns for c in chosen])
        mentions: list[Mention] = []
        runs = _NameRuns(text, units)
        for c in chosen:
            run = runs.around(c)
            if run is not None:
                # Whole name or nothing: "Hassan al-Obeidi" is not the town al-Ubaydi.
                whole = None
                if not (mentions and mentions[-1].end > run[0]):
                    whole = self._whole(text, run, wanted, as_of)
                if whole is not None:
                    mentions.append(whole)
                    continue
                # A full name of several words with only more capitals before it is
                # itself ("du Pentagone Chuck Hagel", "l'ONU Ban Ki-moon").
                if run[1] > c.end or runs.words(c) < 2 or (mentions and mentions[-1].end > c.start):
                    continue
            match = self._decide(c.text, c.patterns, context, units, c.first, as_of=as_of)
            mention = Mention(c.start, c.end, c.text, match.id, match.entity, match)
            mentions.append(self._quoted(text, mention, as_of) or mention)
        mentions = [_with_final_dot(text, m) for m in mentions]
        if fuzzy:
            mentions.extend(self._fuzzy_mentions(text, units, taken, wanted, as_of))
            mentions.sort(key=lambda m: m.start)
        return mentions

    def _whole(
        self, text: str, run: tuple[int, int], wanted: frozenset[str] | None, as_of: Period | None
    ) -> Mention | None:
        """The mention of a whole name run, if the tables know it as written
        (up to the name key): never a guess from its parts."""
        start, end = run
        whole = text[start:end]
        match = self._resolve(whole, as_of=as_of)
        if match is None or match.method is Method.FUZZY or match.weak:
            return None
        if wanted is not None and match.entity.kind not in wanted:
            return None
        return Mention(start, end, whole, match.id, match.entity, match)

    def _quoted(self, text: str, m: Mention, as_of: Period | None) -> Mention | None:
        """ائتلاف «دولة القانون»: a head word before a quoted name is not part of
        it, when the quoted words alone name the same entity."""
        q = _OPEN_QUOTE.search(m.text)
        if q is None or q.start() == 0 or text[m.end : m.end + 1] not in _CLOSE_QUOTES:
            return None
        start = m.start + q.end()
        inner = text[start : m.end]
        match = self._resolve(inner, as_of=as_of)
        if match is None or match.id != m.id or match.method is Method.FUZZY:
            return None
        return Mention(start, m.end, inner, m.id, m.entity, attrs.evolve(m.match, query=inner))

    def _candidates(self, text: str, units: list[_Unit], wanted: frozenset[str] | None) -> list[_Span]:
        """Every span some alias matches, with the patterns its case allows."""
        found: list[_Span] = []
        for hit in self._hits(units):
            proclitic = hit.first < 0
            first = -hit.first - 1 if proclitic else hit.first
            start = units[first].start + (1 if proclitic else 0)
            end = units[hit.last].end
            span_units = [x for x in units[first : hit.last + 1] if not x.skip]
            ok = [
                p
                for p in hit.patterns
                if (wanted is None or p.entry.entity.kind in wanted) and self._case_ok(text, start, end, span_units, p)
            ]
            if ok and _in_capitals(units, first, hit.last):
                # "WHAT IS NEXT": in a line of capitals a two-letter acronym is just a word.
                ok = [
                    p
                    for p in ok
                    if not (p.entry.strength is Strength.ACRONYM and len(acronym_form(p.entry.alias)) <= 2)
                ]
            if _BREAK.search(text, start, end):
                # A name holds no comma, bracket or sentence end, unless its alias does ("Hit, Iraq").
                ok = [p for p in ok if _BREAK.search(p.entry.alias)]
            stops = _stops(text, units[first : hit.last + 1])
            ok = [p for p in ok if p.stops == stops]  # "Deir and Ezzor" is not Deir ez-Zor
            if ok and units[first].arabic:
                # Arabic names match letter for letter: the Latin key drops ʿayn
                # and merges ص/س, ح/ه, so عمار would otherwise be "Mar".
                letters = _letters(text, units[first : hit.last + 1], skip_first=int(proclitic))
                same = [p for p in ok if p.letters is None or p.letters == letters]
                if not same and units[first].proclitic and not proclitic:
                    # "وولاية": the key folded the doubled و away; the letters show the proclitic.
                    letters = _letters(text, units[first : hit.last + 1], skip_first=1)
                    same = [p for p in ok if p.letters == letters]
                    if same and start == units[first].start:
                        start += 1
                ok = same
            if not ok or self._inside_unknown_name(units, first, hit.last, ok):
                continue
            # The article in "al-Tanf", "Al Bukamal", "البوكمال" belongs to the name.
            if first > 0 and not proclitic:
                prev = units[first - 1]
                if prev.article and (
                    units[first].attached
                    or text[prev.start : prev.end].lower() in ("al", "el")
                    # "At Tanf", "As Sukhnah": capitalised inside a sentence, it is the article
                    or (prev.upper_initial and not _sentence_start(text, prev))
                ):
                    start = prev.start
            if units[first].arabic and first < hit.last and normalize(text[start : units[first].end]) in _GENERIC_HEADS:
                # "تنظيم الدولة الإسلامية": the word for "organisation" heads the
                # name without being part of it (nor the quote mark after it).
                first += 1
                start = units[first].start
            if units[first].arabic and units[first].marker is None:
                ok = _article_agrees(ok, start < units[first].start, text[units[hit.last].start : end])
                if not ok:
                    continue
            found.append(_Span(start, end, first, hit.last, ok, text[start:end]))
        return found

    @staticmethod
    def _same_script(c: _Span) -> _Span:
        """Only aliases written in the span's own script match it: the Latin
        key of "الفاو" is not the English word "few", and "الباب" in Arabic
        text is weak (it is also "the door") though "El Bab" is strong."""
        arabic = has_arabic_script(c.text)
        keep = [p for p in c.patterns if p.entry.arabic == arabic]
        return c._replace(patterns=keep) if len(keep) != len(c.patterns) else c

    @classmethod
    def _supported(cls, spans: list[_Span]) -> list[_Span]:
        """Weak aliases count only when a strong alias names the same entity in the text."""
        spans = [c for c in map(cls._same_script, spans) if c.patterns]
        strong = {p.entry.entity.id for c in spans for p in c.patterns if p.entry.strength is not Strength.WEAK}
        out = []
        for c in spans:
            keep = [p for p in c.patterns if p.entry.strength is not Strength.WEAK or p.entry.entity.id in strong]
            if keep:
                out.append(c._replace(patterns=keep))
        return out

    # -- the fuzzy pass ---------------------------------------------------

    def _name_like(self, text: str, units: list[_Unit], i: int, taken: bytearray) -> bool:
        u = units[i]
        if u.skip or u.marker is not None or not u.latin or not u.upper_initial or 1 in taken[u.start : u.end]:
            return False
        # Acronyms are matched in their written case only, never fuzzily.
        return not (u.all_upper and u.end - u.start <= 4)

    def _fuzzy_mentions(
        self, text: str, units: list[_Unit], taken: bytearray, wanted: frozenset[str] | None, as_of: Period | None
    ) -> list[Mention]:
        out: list[Mention] = []
        n = len(units)
        i = 0
        while i < n:
            if not self._name_like(text, units, i, taken):
                i += 1
                continue
            run = [i]
            j = i + 1
            while j < n and len(run) < _FUZZY_MAX_WORDS:
                if self._name_like(text, units, j, taken):
                    run.append(j)
                elif units[j].article and j + 1 < n and self._name_like(text, units, j + 1, taken):
                    pass  # "Deir al-Zoor": the article joins the run
                else:
                    break
                j += 1
            found = self._fuzzy_in_run(text, units, run, wanted, as_of)
            if found is None:
                i = run[0] + 1
                continue
            out.append(found)
            taken[found.start : found.end] = b"\x01" * (found.end - found.start)
            i = run[-1] + 1
        return out

    def _fuzzy_in_run(
        self, text: str, units: list[_Unit], run: list[int], wanted: frozenset[str] | None, as_of: Period | None
    ) -> Mention | None:
        for size in range(len(run), 0, -1):
            for k in range(len(run) - size + 1):
                first, last = run[k], run[k + size - 1]
                start, end = units[first].start, units[last].end
                span = text[start:end]
                if size == 1 and (
                    sum(c.isalpha() for c in span) < _FUZZY_MIN_LETTERS or _sentence_start(text, units[first])
                ):
                    continue
                match = self._resolve(span, as_of=as_of)
                if match is None or match.method is not Method.FUZZY or match.score < _FUZZY_MIN_SCORE:
                    continue
                if wanted is not None and match.entity.kind not in wanted:
                    continue
                if first > 0 and units[first - 1].article and units[first].attached:
                    start = units[first - 1].start
                    span = text[start:end]
                return Mention(start, end, span, match.id, match.entity, match)
        return None

    # -- rules ------------------------------------------------------------

    @staticmethod
    def _case_ok(text: str, start: int, end: int, span_units: list[_Unit], p: _Pattern) -> bool:
        entry = p.entry
        if entry.strength is Strength.ACRONYM:
            return acronym_form(text[start:end]) == acronym_form(entry.alias)
        latin = [u for u in span_units if u.latin and not _case_free(u)]
        if not latin:
            return True
        if all(u.all_upper for u in latin) and sum(c.isalpha() for c in text[start:end]) >= 4:
            return True  # a headline or dateline in capitals: "BEIRUT"
        flags = [u.upper_initial for u in latin]
        want = p.flags
        if not want:
            return True
        if len(flags) == len(want):
            return all(f or not w for f, w in zip(flags, want, strict=True))
        if all(want):
            return all(flags)
        return flags[0] or not want[0]

    def _inside_unknown_name(self, units: list[_Unit], first: int, last: int, pats: list[_Pattern]) -> bool:
        # "Tanf oil field": a province or facility word (or a capitalised
        # designator) right after the name, that no pattern took in.
        # For a person's or group's name only a capitalised designator counts
        # ("Sadr City" is a district, not Muqtada al-Sadr).
        nxt = last + 1
        places = any(p.entry.entity.kind in ("place", "facility") for p in pats)
        if nxt < len(units) and not units[last].possessive and not units[last].marker:
            u = units[nxt]
            if (
                u.marker is not None
                and (u.upper_initial or (places and u.marker in CASE_FREE_DESIGNATORS))
                and u.marker not in {p.generated for p in pats}
            ):
                return True
        # "Kata'ib Hezbollah": a capitalised Arabic organisation head word before it.
        prev = first - 1
        while prev >= 0 and units[prev].skip and units[prev].article:
            prev -= 1
        if prev >= 0:
            u = units[prev]
            if u.latin and u.upper_initial and u.unit in _ORG_HEADS:
                return True
        return False

    def _context(self, chosen: list[list[_Pattern]]) -> dict[str, int]:
        """How often each entity id, country and parent is named unambiguously."""
        counts: dict[str, int] = {}
        for pats in chosen:
            ids = {p.entry.entity.id for p in pats}
            if len(ids) != 1:
                continue
            e = pats[0].entry.entity
            for k in (e.id, f"country:{e.country}" if e.country else None, e.parent):
                if k:
                    counts[k] = counts.get(k, 0) + 1
        return counts

    def _decide(
        self,
        span: str,
        pats: list[_Pattern],
        context: dict[str, int],
        units: list[_Unit],
        first: int,
        *,
        as_of: Period | None = None,
    ) -> Match:
        norm = normalize(span)

        def rank(p: _Pattern) -> int:
            # The spelling as written (article included) beats a key-only match.
            return 2 * _pattern_rank(p) + (1 if p.entry.normalized == norm else 0)

        by_entity: dict[str, _Pattern] = {}
        for p in pats:
            old = by_entity.get(p.entry.entity.id)
            if old is None or rank(p) > rank(old):
                by_entity[p.entry.entity.id] = p
        ordered = sorted(
            by_entity.values(),
            key=lambda p: (-rank(p), -p.entry.entity.priority, p.entry.entity.id),
        )
        alternatives: tuple[str, ...] = ()
        ambiguous = False
        if len(ordered) > 1:
            top = rank(ordered[0])
            tied = [p for p in ordered if rank(p) == top]
            if as_of is not None:
                tied = [p for p in tied if valid_during(p.entry.entity, as_of)] or tied
            if len(tied) > 1 or tied[0] is not ordered[0]:
                support = [(_support(p.entry.entity, context), p) for p in tied]
                best = max(s for s, _ in support)
                leaders = [p for s, p in support if s == best]
                ordered = [leaders[0], *[p for p in ordered if p is not leaders[0]]]
                ambiguous = len(leaders) > 1
                alternatives = tuple(p.entry.entity.id for p in tied if p is not leaders[0])
        p = ordered[0]
        entity = p.entry.entity
        entity = self._steer(entity, span, units, first, as_of)
        method, score = _method(span, norm, p)
        return Match(
            id=entity.id,
            entity=entity,
            alias=p.entry.alias,
            query=span,
            score=score,
            method=method,
            weak=p.entry.strength is Strength.WEAK,
            ambiguous=ambiguous,
            alternatives=alternatives if ambiguous else (),
        )

    def _steer(self, entity: Entity, span: str, units: list[_Unit], first: int, as_of: Period | None) -> Entity:
        # "the province of Deir Ezzor": a designator before the name, joined
        # by "of", asks for the entity of that type with the same name.
        j = first - 1
        while j >= 0 and units[j].skip and units[j].article:
            j -= 1
        cls = units[j - 1].marker if j >= 1 else None
        if cls is not None and units[j].skip and not units[j].article and not units[j - 1].arabic:
            if entity.type in DESIGNATES[cls]:
                return entity
            # The resolver's own designator rule picks it: "Deir Ezzor governorate".
            steered = self._resolve(f"{span} {cls.replace('-', ' ')}", kind=entity.kind, as_of=as_of)
            if steered is not None and steered.entity.type in DESIGNATES[cls]:
                return steered.entity
        return entity


# What never sits inside a name: commas, brackets, colons, sentence ends, line breaks.
_BREAK = re.compile(r"[,،;؛:!?()\[\]{}\n]|\.\s")


def _stops(text: str, units: Iterable[_Unit]) -> tuple[str, ...]:
    """The function words among ``units`` (not articles), normalized."""
    return tuple(normalize(text[u.start : u.end]) for u in units if u.skip and not u.article)


# An abbreviation written with periods ("U.S", "U.N" as the words end).
_DOTTED = re.compile(r"(?<![A-Za-z.])(?:[A-Za-z]\.)+[A-Za-z]$")


def _with_final_dot(text: str, m: Mention) -> Mention:
    """ "U.S." and "U.N." keep their last period: it belongs to the
    abbreviation (at a sentence's end it serves both)."""
    if text[m.end : m.end + 1] != "." or _DOTTED.search(m.text) is None:
        return m
    return attrs.evolve(m, end=m.end + 1, text=text[m.start : m.end + 1])


_OPEN_QUOTE = re.compile('[«“"„‹]\\s*')
_CLOSE_QUOTES = frozenset('»”"“›')
_GENERIC_HEADS = leading_descriptors() - {normalize("قوات")}  # "forces" is part of names (قوات سوريا الديمقراطية)
_NISBA = ("ي", "ية", "يه", "يين", "يون")


def _article_agrees(pats: list[_Pattern], article: bool, last_word: str) -> list[_Pattern]:
    """In Arabic the article is part of a name as written: "قرية" is "a
    village", not al-Qurayya (القرية).  And an article on a name written
    without one, ending like a nisba, makes an adjective: "السورية" is
    "Syrian", "التركية" "Turkish", not the country."""
    keep = []
    for p in pats:
        if not p.entry.arabic:
            keep.append(p)
            continue
        has = p.entry.alias.startswith("ال")
        if has and not article:
            continue
        if article and not has and last_word.endswith(_NISBA):
            continue
        keep.append(p)
    return keep


def _letters(text: str, units: Iterable[_Unit], skip_first: int = 0) -> str:
    """The Arabic letters of the content words among ``units`` (designators
    and skipped words left out; ``skip_first`` characters of the first unit,
    a proclitic, too)."""
    parts = []
    for u in units:
        if not u.skip and u.marker is None:
            parts.append(text[u.start + skip_first : u.end])
        skip_first = 0
    return arabic_letters(" ".join(parts))


class _NameRuns:
    """Capitalised word runs around Latin-script spans.

    A run is the longest stretch of capitalised words (with the articles and
    particles that sit inside names: al-, bin, abu) around a span, on one
    line, without punctuation; titles, offices, demonyms, days and months,
    designators and a sentence's first word end it.  When the run is longer
    than the span, the span is part of a longer name.  Lines in title case
    (headlines) have no runs: their capitals prove nothing.
    """

    def __init__(self, text: str, units: list[_Unit]) -> None:
        self.text = text
        self.units = units
        self.title_lines: dict[int, bool] = {}

    def around(self, c: _Span) -> tuple[int, int] | None:
        units, text = self.units, self.text
        first, last = c.first, c.last
        if not units[first].latin or self._title_case(c.start):
            return None
        lo = first
        i = first - 1
        while i >= 0 and self._joined(units[i], units[i + 1]):
            kind = self._kind(units[i])
            if kind == "stop" or (kind == "name" and (_sentence_start(text, units[i]) or self._compound(i))):
                break
            if kind == "name":
                lo = i
            i -= 1
        hi = last
        j = last + 1
        if not units[last].possessive:
            while j < len(units) and self._joined(units[j - 1], units[j]):
                kind = self._kind(units[j])
                if kind == "stop" or (kind == "name" and self._compound(j - 1)):
                    break
                if kind == "name":
                    hi = j
                    if units[j].possessive:
                        break
                j += 1
        if lo == first and hi == last:
            return None
        start = min(units[lo].start, c.start)
        end = max(units[hi].end, c.end)
        if units[hi].possessive:
            end = units[hi].end
        return start, end

    def words(self, c: _Span) -> int:
        """How many content words the span has."""
        return sum(1 for u in self.units[c.first : c.last + 1] if not u.skip and u.marker is None)

    def _compound(self, i: int) -> bool:
        """Two names joined by a hyphen are two names: "Iran-Iraq war"."""
        a, b = self.units[i], self.units[i + 1]
        return "-" in self.text[a.end : b.start] and self._kind(a) == self._kind(b) == "name"

    def _joined(self, a: _Unit, b: _Unit) -> bool:
        """Only spaces or a hyphen between two units of one line."""
        gap = self.text[a.end : b.start]
        return len(gap) <= 2 and all(ch in " -\u2010\u2011" for ch in gap)

    def _kind(self, u: _Unit) -> str:
        """ "name" (a capitalised word), "inside" (an article or particle), "stop"."""
        word = normalize(self.text[u.start : u.end])
        if u.skip:
            # An article inside a name is "al"/"el" or hyphened ("ez-Zor");
            # French "en", "et" alone are words of the sentence.
            attached = self.text[u.end : u.end + 1] in ("-", "\u2010", "\u2011")
            return "inside" if u.article and (attached or word in ("al", "el")) else "stop"
        if word in NAME_PARTICLES:
            return "inside"
        if u.marker is not None or not u.latin or not (u.upper_initial or u.all_upper):
            return "stop"
        if word in TITLES or word in OFFICES or word in DEMONYMS or word in TIME_WORDS:
            return "stop"
        return "name"

    def _title_case(self, at: int) -> bool:
        line_start = self.text.rfind("\n", 0, at) + 1
        known = self.title_lines.get(line_start)
        if known is None:
            line_end = self.text.find("\n", at)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            # The first word is capitalised in any case.
            words = [w for w in re.findall(r"[^\W\d_]{2,}", line)[1:] if w.isascii() and w.lower() not in _SMALL_WORDS]
            caps = sum(w[0].isupper() for w in words)
            known = self.title_lines[line_start] = len(words) >= 3 and caps >= 0.85 * len(words)
        return known


# Words a title-case headline leaves in lower case.
_SMALL_WORDS = _WORDS.headline_small_words


def _sentence_start(text: str, u: _Unit) -> bool:
    before = text[max(0, u.start - 3) : u.start].rstrip(" \t\"“'‘(")
    return not before or before[-1] in ".!?\n:;—–"


def _in_capitals(units: list[_Unit], first: int, last: int) -> bool:
    """Whether a neighbouring word is also written in capitals (a headline)."""
    return any(0 <= j < len(units) and units[j].latin and units[j].all_upper for j in (first - 1, last + 1))


def _case_free(u: _Unit) -> bool:
    return u.marker is not None and u.marker in CASE_FREE_DESIGNATORS


def _pattern_rank(p: _Pattern) -> int:
    """Strong before weak; an alias as written before one completed by a designator."""
    return (2 if p.entry.strength is not Strength.WEAK else 0) + (0 if p.generated else 1)


def _support(entity: Entity, context: dict[str, int]) -> int:
    score = 0
    if entity.country:
        score += context.get(f"country:{entity.country}", 0)
    if entity.parent:
        score += 2 * context.get(entity.parent, 0)
    score += context.get(entity.id, 0)
    return score


def _method(span: str, norm: str, p: _Pattern) -> tuple[Method, float]:
    """The tier a scanned span matched at; ``norm`` is ``normalize(span)``."""
    if span == p.entry.alias:
        return Method.EXACT, 100.0
    if norm == p.entry.normalized:
        return Method.NORMALIZED, 100.0
    return Method.NAME_KEY, 95.0
