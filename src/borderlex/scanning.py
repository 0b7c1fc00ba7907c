"""Finding entity mentions in running text.

The text is cut into word *units* (each word reduced as in a name key:
articles and stop words skippable, designator phrases one marker unit);
from each word the scanner extends the concatenation of units and asks the
sorted alias keys whether some key still starts with it, so "Albu Kamal"
meets "Al-Bukamal" in one pass whose cost per word hardly depends on how
many aliases there are.  Then, for each candidate span: case (acronyms in
their written case, other Latin names with the alias's capitals), weak
aliases only beside a strong name of the entity, designators choosing the
entity ("Deir Ezzor province"), shared spellings decided by the text's
other names.  Spans never overlap; longer spans win.

The word units are ``borderlex.scan_units``; the rules that make a hit a
candidate span, ``borderlex.scan_candidates``; alias patterns and the tests a
span must pass, ``borderlex.scan_patterns``; which weak names the text
vouches for, ``borderlex.scan_support``; capitalised name runs (a name
is found whole or not at all), ``borderlex.name_runs``; what the words around
a span say of it, ``borderlex.surroundings``; what the text itself defines
(surnames, acronyms), ``borderlex.surnames`` and ``borderlex.text_acronyms``.
Decisions are remembered by what they read: texts repeat their names in the
same contexts.

The module is over 600 lines because it is one class, the scanner,
whose pipeline calls each of those modules in turn and keeps the memos they
share; the rules themselves live in them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import attrs

from .arabic_names import given_name_start, given_names, son_named_before
from .arabic_script import arabic_spelling, orthographic_form
from .arguments import check_kinds
from .bracketed_names import bracketed_names
from .crossing_pairs import crossing_pairs
from .dates import valid_during
from .designated_lists import Lists, arabic_lists, designated_lists, latin_lists
from .folding import normalize, remembered
from .fuzzy_scan import fuzzy_mentions
from .index import AliasEntry, AliasIndex, Strength
from .located_places import located_elsewhere, parents
from .lowercase_twins import without_lowercase_twins
from .mention_edges import (
    after_a_title,
    after_kunya_word,
    family_beside,
    whole_mention,
    with_and_tail,
    with_arabic_head,
    with_institution_before,
    with_lowercase_head,
    without_demonym,
    without_title,
)
from .middle_names import latin_given_names, read_names_before
from .model import DESIGNATES, Entity, Kind, Match, Mention, Method
from .name_runs import NameRuns, in_institution_name
from .namesakes import by_the_adjective_after, of_another_country, on_another_side, with_namesakes
from .numbered_names import outside_numbered_names
from .operation_names import outside_operation_names
from .possessed_names import after_possessive_country
from .qualified_names import country_of_adjective
from .quarter_names import old_city_mentions, outside_quarter_names
from .query_rules import governorates_behind
from .quoted_names import outside_quoted_names
from .scan_candidates import candidate, window
from .scan_patterns import (
    QUOTED_WORD,
    Pattern,
    Span,
    alias_patterns,
    designator_beside,
    pattern_rank,
    span_method,
)
from .scan_support import quoted_whole, supported
from .scan_units import (
    Units,
    lam_before_article,
    opening_word,
    units_of,
    word_unit,
)
from .short_forms import short_form_mentions
from .surnames import surname_mentions
from .surroundings import read_around
from .text_acronyms import defined_acronyms, initials_of_named, spelled_out_acronyms, with_country_prefix
from .vocabulary import vocabulary
from .web_addresses import outside_web_addresses

if TYPE_CHECKING:
    from .dates import Period
    from .scan_units import Shape

__all__ = ["ResolveFunction", "Scanner"]


class ResolveFunction(Protocol):
    """What the scanner asks about a span of text: :meth:`Resolver.resolve
    <borderlex.resolver.Resolver.resolve>`, or anything that answers alike."""

    def __call__(self, query: str, *, kind: Kind | None = None, as_of: Any = None) -> Match | None: ...


_MAX_UNITS = 16
_MAX_GAP = 3  # function words in a row inside a name: "of the", "and the"
_PREFIXES_MAX = 200_000  # answers Scanner._has_prefix remembers
_PREFIX_MAX_CHARS = 64  # for strings this long at most
_SPANS_MAX = 100_000  # hit decisions Scanner._candidates remembers
_MATCHES_MAX = 50_000  # matches Scanner._decide remembers
_UNKNOWN: Any = object()  # not yet in a memo

# A hit's span as _candidate decided it, relative to its first unit's start
# and index: (start, end, first, patterns).
_Decided = tuple[int, int, int, tuple[Pattern, ...]]


class _Hit(NamedTuple):
    """A run of units an alias key matches (a tuple: the walk makes one per hit)."""

    first: int  # unit indexes, inclusive; -i - 1 when a proclitic was read off unit i
    last: int
    patterns: tuple[Pattern, ...]


class Scanner:
    """Scans texts against an alias index.  Build once, scan often.

    ``resolve`` looks up what the alias index alone cannot settle (a whole
    name run, a quoted name, a name and a designator together, the fuzzy
    pass); :meth:`Resolver.scanner <borderlex.resolver.Resolver.scanner>`
    gives its own ``resolve``, over the same tables.
    """

    __slots__ = (
        "_by_id",
        "_given",
        "_keys",
        "_known_given",
        "_latin_given",
        "_matches",
        "_namesakes",
        "_patterns",
        "_prefixes",
        "_quoted_words",
        "_resolve",
        "_spans",
        "_spelled",
    )

    def __init__(self, index: AliasIndex, resolve: ResolveFunction) -> None:
        self._resolve = resolve
        self._known_given = index.given_names  # a table of the index, read on first use
        self._patterns = alias_patterns(index.entries)
        self._keys = sorted(self._patterns)
        # The designator words that are an Arabic name alone (see scan_patterns.QUOTED_WORD), by their unit.
        self._quoted_words = frozenset(
            u.unit
            for key, pats in self._patterns.items()
            if key.startswith(QUOTED_WORD)
            for p in pats
            for u in units_of(p.entry.alias)
            if not u.skip
        )
        self._given: frozenset[str] | None = None  # see borderlex.arabic_names
        self._latin_given: frozenset[str] | None = None  # see borderlex.middle_names
        self._spelled: frozenset[str] | None = None
        self._by_id: dict[str, Entity] | None = None
        self._namesakes: dict[str, list[Entity]] | None = None
        # What _has_prefix found for a string: a text repeats its words, so
        # most questions were asked before (bounded; emptied when full).
        self._prefixes: dict[str, bool] = {}
        # What _candidate decided for a hit, by what its rules read (bounded; emptied when full).
        self._spans: dict[tuple[object, ...], _Decided | None] = {}
        # What _decide chose for a span, when the text's context did not choose (bounded).
        self._matches: dict[tuple[object, ...], Match] = {}

    # -- matching ---------------------------------------------------------

    def _units(self, text: str) -> Units:
        """The text's word units (one method, so that a test can run the
        scanner's decisions over another tokenizer: tests/test_scan_differential.py)."""
        return units_of(text)

    def _has_prefix(self, s: str) -> bool:
        known = self._prefixes.get(s)
        if known is None:
            i = bisect.bisect_left(self._keys, s)
            known = i < len(self._keys) and self._keys[i].startswith(s)
            if len(s) <= _PREFIX_MAX_CHARS:
                if len(self._prefixes) >= _PREFIXES_MAX:
                    self._prefixes.clear()
                self._prefixes[s] = known
        return known

    def _hits(self, text: str, units: Units) -> Iterator[_Hit]:
        """Each run of units whose keys, concatenated, are an alias key (read
        off the units' shapes: no unit is made but an Arabic word's whose
        rest could start a key, to see whether it starts with a proclitic,
        or a capitalised Latin designator's)."""
        shapes = units.shapes
        has_prefix = self._has_prefix
        n = len(shapes)
        for i in range(n):
            shape = shapes[i]
            if shape[2]:  # skipped
                # An Arabic article unit (the shape's flags first: most skipped units are not one).
                if (
                    shape[8]
                    and shape[4]
                    and i + 1 < n
                    and units.start_of(i + 1) == (at := units.start_of(i)) + 1
                    and lam_before_article(text, at)
                ):
                    # "للبنان": ل then the name "لبنان", not ل, the article and "بنان" (the walk
                    # from the next unit reads that one).
                    yield from self._walk(word_unit("l" + shapes[i + 1][1]), i, i + 1, i, shapes)
                continue
            unit = shape[1]
            if shape[3] is not None and not shape[4]:  # a designator, not Arabic
                if not shape[5]:
                    continue
                unit = opening_word(text, units[i])  # "Camp Speicher", "Wilayat Raqqa"
            elif shape[3] is not None and shape[1] in self._quoted_words:
                named = self._quoted_word(text, units, i)
                if named:
                    yield _Hit(i, i, named)
            yield from self._walk(unit, i, i, i, shapes)
            # The unit is made (to read its proclitic) only when the rest could start a key.
            if shape[4] and shape[3] is None and len(unit) > 2:
                rest = unit[1:]
                # "وألمانيا", "وإلهام": after the proclitic, an alif with hamza and a lam read as
                # the article, as the word alone is read ("ألمانيا" is "manya"); and so is what
                # a key reads at a word's start ("لكوردستان": "kwrd" is "krd").
                rests = [r for r in dict.fromkeys((rest, word_unit(rest))) if r and has_prefix(r)]
                if rests and units[i].proclitic:
                    for r in rests:
                        yield from self._walk(r, i, i, -i - 1, shapes)

    def _walk(self, s: str, i: int, j: int, first: int, shapes: list[Shape]) -> Iterator[_Hit]:
        """The hits of the units from ``j`` on whose keys, after ``s`` (the key
        read up to unit ``j``, included), make an alias key; each hit starts at
        ``first`` (``-i - 1`` when a proclitic was read off unit ``i``)."""
        has_prefix, patterns = self._has_prefix, self._patterns
        n = len(shapes)
        count = 0
        while True:
            if not has_prefix(s):
                return
            pats = patterns.get(s)
            if pats:
                yield _Hit(first, j, pats)
            j += 1
            skipped_words = False
            gap = 0
            while j < n and shapes[j][2] and gap <= _MAX_GAP:
                skipped_words = skipped_words or not shapes[j][8]
                j += 1
                gap += 1
            count += 1
            if j >= n or count >= _MAX_UNITS or gap > _MAX_GAP:
                return
            if skipped_words and shapes[j][3] is not None:
                return  # "Deir Ezzor and la province": a designator never follows "and", "of" …
            s += shapes[j][1]

    def _quoted_word(self, text: str, units: Units, i: int) -> tuple[Pattern, ...]:
        """«القاعدة», al-Qaeda: a designator word alone in quote marks names
        what an Arabic alias of that one word names; without them it is the
        word (*the base*)."""
        u = units[i]
        start = units[i - 1].start if i and u.attached and units[i - 1].article else u.start
        if not quoted_whole(text, start, u.end):
            return ()
        return self._patterns.get(QUOTED_WORD + orthographic_form(text[start : u.end]), ())

    # -- the public entry point ------------------------------------------

    # Candidate spans repeat ("Raqqa", "Islamic State"): each is normalized
    # once per scan (borderlex.folding.remembered).
    @remembered()
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
        units = self._units(text)
        candidates = self._candidates(text, units, wanted)
        # The lists a plural designator heads (or, in Latin script, ends), read once for the spans
        # and the mentions; an Arabic list is read over the spans any alias matches, weak ones too
        # ("حقول بابا كركر وجمبور وخباز").
        found = latin_lists(text) if any(c.text[:1].isascii() for c in candidates) else []
        found += arabic_lists(text, [(c.start, c.end) for c in candidates if not c.text[:1].isascii()])
        lists = Lists(found)
        spans = supported(candidates, text, units, lists, self._entity)
        # Longest spans first, then leftmost; no two overlap.
        spans.sort(key=lambda c: (c.start - c.end, c.start))
        taken = bytearray(len(text))
        chosen: list[Span] = []
        for c in spans:
            if 1 not in taken[c.start : c.end]:
                taken[c.start : c.end] = b"\x01" * (c.end - c.start)
                chosen.append(c)
        chosen = _joined(chosen, spans, taken, text, self._resolve)
        chosen.sort(key=lambda c: c.start)
        context = self._context([c.patterns for c in chosen])
        mentions: list[Mention] = []
        runs = NameRuns(text, units)
        for c in chosen:
            run = runs.around(c)
            opens = c.start  # where a person's name begins: before it, a given name of theirs
            if (
                run is None
                and units[c.first].latin
                and (first := _FIRST_WORD.search(text, max(0, c.start - 30), c.start))
            ):
                # A sentence's first word is no run's ("Michael Erik Kurilla visited"), but may be theirs.
                if self._names_before(c, first.group(1), as_of):
                    opens = first.start(1)
                elif self._by_key_after_a_given_name(c, first.group(1)):
                    continue  # "Ahmad Kassim, a senior official": a man, not the town Jasim by its key
            elif run is not None:
                # Whole name or nothing: "Hassan al-Obeidi" is not the town al-Ubaydi.
                whole = None
                if not (mentions and mentions[-1].end > run[0]):
                    whole = self._whole(text, run, wanted, as_of)
                if whole is not None:
                    mentions.append(whole)
                    continue
                # A person's full name with only more capitals before it is itself ("du
                # Pentagone Chuck Hagel", "l'ONU Ban Ki-moon"), and so is a name with a
                # person's after it ("the United Nations António Guterres"); another name is
                # so after another name only: after capitals that name nothing, it is part of
                # a longer name ("the National Salvation Government").
                after = text[c.end : run[1]].strip()
                before = text[run[0] : c.start].strip()
                reading = self._names_before(c, before, as_of)
                if reading is False:
                    continue  # "Ahmed Mohammed al-Sudani": another man than Mohammed al-Sudani
                if reading:
                    opens, before = run[0], ""  # "Michael Erik Kurilla" is Erik Kurilla
                # Two places side by side are two names ("bases in Syria US troops").
                person_after = bool(after) and self._kind_named(after, as_of) == "person"
                # A place's one word before one more is a given name ("Rania Khalek", "Harem Majed").
                before_a_person = ("org", "place") if " " in after else ("org",)
                if not self._places_side_by_side(c, before, after, as_of) and (
                    (after and not person_after)
                    # One word is too little to stand before other capitals, but for an
                    # organisation's or a place's before a person's full name ("told Reuters
                    # Mazloum Abdi", "l'émissaire pour la Syrie Tom Barrack").
                    or (
                        runs.words(c) < 2
                        and not (person_after and all(p.entry.entity.kind in before_a_person for p in c.patterns))
                    )
                    or (mentions and mentions[-1].end > c.start)
                    or (
                        before
                        and not any(p.entry.entity.kind == "person" for p in c.patterns)
                        # capitals that name nothing, or only by a weak name ("National" of The National)
                        and ((named := self._known(before, as_of)) is None or named.weak)
                    )
                ):
                    continue
            if units[c.first].latin and in_institution_name(
                text, units, c.first, place=all(p.entry.entity.kind == "place" for p in c.patterns)
            ):
                continue  # "Central Bank of Iraq": part of a name the tables lack
            if self._given_name_only(text, c, units, lists):
                continue  # "explique Hamza": a given name, not the village al-Hamzah by its key
            read = read_around(
                text,
                c.start,
                c.end,
                self._decide(c.text, c.patterns, context, designator_beside(text, units, c.first, c.last), as_of=as_of),
                arabic=units[c.first].arabic,
                given=self._given_spelled,
                entity=self._entity,
            )
            if read is None:
                continue
            match = read
            mention = Mention(opens, c.end, text[opens : c.end], match.id, match.entity, match)
            if match.entity.kind == "person" and units[c.first].arabic:
                # Arabic has no capitals to show a name's run: whole name or nothing, by given names.
                start = given_name_start(text, c.start, match.entity, self._given_names())
                son = None if start is not None else son_named_before(text, c.start, c.end, self._resolve)
                if son is not None:  # "بافل جلال طالباني": Bafel Talabani, his father's name between
                    start, match = son
                if start is None or (mentions and mentions[-1].end > start):
                    continue
                mention = Mention(start, c.end, text[start : c.end], match.id, match.entity, match)
            mentions.append(self._quoted(text, mention, as_of) or mention)
        mentions = crossing_pairs(text, mentions)
        mentions = with_country_prefix(text, [whole_mention(text, m) for m in mentions], self._resolve, self._entity)
        mentions = after_possessive_country(text, mentions, self._resolve)
        mentions = with_arabic_head(text, with_lowercase_head(text, mentions, self._resolve))
        mentions = with_and_tail(text, mentions, self._resolve)
        mentions = with_institution_before(text, mentions, self._resolve)
        mentions = without_title(without_demonym(text, mentions, self._resolve), self._resolve)
        covered = bytearray(len(text))  # what the mentions cover, to look up in C
        for m in mentions:
            covered[m.start : m.end] = b"\x01" * (m.end - m.start)
        defined = defined_acronyms(text, mentions, lambda s, e: 1 in covered[s:e])
        defined += bracketed_names(text, mentions, self._resolve, lambda s, e: 1 in covered[s:e])
        for m in defined:
            covered[m.start : m.end] = b"\x01" * (m.end - m.start)
        defined += initials_of_named(text, mentions + defined, lambda s, e: 1 in covered[s:e], self._resolve)
        if defined:
            mentions = sorted(mentions + defined, key=lambda m: m.start)
        mentions = spelled_out_acronyms(text, mentions, self._resolve)
        mentions = short_form_mentions(
            text, surname_mentions(text, mentions, self._given_spelled(), self._latin_given_names())
        )
        # "the Assad family", "عائلة الأسد": the family, not a person of it; "عشيرة البوعلوان", the tribe.
        mentions = [m for m in mentions if m.entity.kind not in ("person", "place") or not family_beside(text, m)]
        # "أبو عمر الإدلبي", Abu Omar al-Idlibi: a kunya the tables lack, not Omar Idlibi.
        mentions = [m for m in mentions if not after_kunya_word(text, m) and not after_a_title(text, m)]
        # An Arabic list steers all its names, though some are no mention ("بنواحي العباسي والرياض").
        mentions = designated_lists(text, mentions, lambda e, span, cls: self._steer(e, span, cls, as_of), lists)
        mentions = located_elsewhere(text, mentions, self._entity, self._place)
        mentions = with_namesakes(mentions, self._named, lambda e: parents(e, self._entity))
        mentions = on_another_side(text, by_the_adjective_after(text, mentions, self._named))
        mentions = of_another_country(text, mentions, self._named)
        mentions = outside_quarter_names(text, outside_operation_names(text, mentions))
        mentions = old_city_mentions(text, mentions, self._resolve)
        mentions = outside_quoted_names(text, outside_numbered_names(text, mentions))
        mentions = without_lowercase_twins(text, mentions)
        if fuzzy:
            mentions.extend(fuzzy_mentions(self._resolve, text, units, taken, wanted=wanted, as_of=as_of))
            mentions.sort(key=lambda m: m.start)
        return outside_web_addresses(text, mentions)

    def _given_name_only(self, text: str, c: Span, units: Units, lists: Lists) -> bool:
        """Whether ``c`` is one Latin word that is a given name of the tables'
        people and names places only by their key or folded spelling (as in
        ``resolve``: a given name names a place as written only), with no
        designator beside it nor in a designator's list ("des provinces de
        Salaheddine, Diyala et Kirkouk" names places)."""
        return (
            c.first == c.last
            and units[c.first].latin
            and _places_by_key_only(c)
            and normalize(c.text) in self._known_given()
            and designator_beside(text, units, c.first, c.last) is None
            and not lists.holding(c.start, c.end)
        )

    def _by_key_after_a_given_name(self, c: Span, word: str) -> bool:
        """Whether ``c`` is one word naming places only by their key or folded
        spelling, after ``word``, a given name of the tables' people that
        opens the sentence (so no run holds both)."""
        return (
            c.last == c.first
            and _places_by_key_only(c)
            and (given := normalize(word)) in self._known_given()
            # "The U.S. strikes", "The Qayara operation": some name of the tables opens with "The".
            and given not in vocabulary().headline_small_words
            and given not in vocabulary().stop_words
        )

    def _given_names(self) -> frozenset[str]:
        """The given names of the tables' Arabic personal names, found on first use."""
        if self._given is None:
            self._given = given_names(self._entries())
        return self._given

    def _latin_given_names(self) -> frozenset[str]:
        """The first words of the tables' Latin personal names (see ``borderlex.middle_names``)."""
        if self._latin_given is None:
            self._latin_given = latin_given_names(e.entity for e in self._entries())
        return self._latin_given

    def _given_spelled(self) -> frozenset[str]:
        """The same given names, as spelled (see ``in_personal_name``)."""
        if self._spelled is None:
            self._spelled = given_names(self._entries(), arabic_spelling)
        return self._spelled

    def _place(self, name: str) -> Entity | None:
        found = self._resolve(name)
        return found.entity if found is not None and found.entity.kind == "place" else None

    def _entity(self, entity_id: str | None) -> Entity | None:
        """An entity of the tables by id, the map made on first use."""
        if self._by_id is None:
            self._by_id = {e.entity.id: e.entity for e in self._entries()}
        return self._by_id.get(entity_id) if entity_id is not None else None

    def _named(self, norm: str) -> list[Entity]:
        """The places and organisations that bear a name (normalized), the map made on first use."""
        if self._namesakes is None:
            named: dict[str, dict[str, Entity]] = {}
            for e in self._entries():
                if e.entity.kind in ("place", "org"):
                    named.setdefault(e.normalized, {})[e.entity.id] = e.entity
            self._namesakes = {name: list(found.values()) for name, found in named.items()}
        return self._namesakes.get(norm, [])

    def _entries(self) -> Iterator[AliasEntry]:
        return (p.entry for pats in self._patterns.values() for p in pats)

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

    def _known(self, words: str, as_of: Period | None) -> Match | None:
        """What ``words`` name, not by a guess (fuzzy), if anything."""
        match = self._resolve(words, as_of=as_of)
        return match if match is not None and match.method is not Method.FUZZY else None

    def _kind_named(self, words: str, as_of: Period | None) -> Kind | None:
        """The kind of what ``words`` name, not by a guess (fuzzy), if anything."""
        match = self._known(words, as_of)
        return match.entity.kind if match is not None else None

    def _names_before(self, c: Span, before: str, as_of: Period | None) -> bool | None:
        """What the capitals ``before`` a person's name in its run say (see
        :func:`~borderlex.middle_names.read_names_before`), when they name
        nothing themselves: ``True`` when they open a name of every person
        the span may be, ``False`` when they open another's."""
        people = [p.entry.entity for p in c.patterns if p.entry.entity.kind == "person"]
        if not before or not people or len(people) < len(c.patterns) or self._kind_named(before, as_of) is not None:
            return None
        readings = {read_names_before(before, e, self._latin_given_names()) for e in people}
        return readings.pop() if len(readings) == 1 else None

    def _places_side_by_side(self, c: Span, before: str, after: str, as_of: Period | None) -> bool:
        """Whether a name run is the place of ``c`` and one other place beside
        it, one of the two a country: a country's name ends or opens no longer
        name of a place."""
        if bool(before) == bool(after) or not all(p.entry.entity.kind == "place" for p in c.patterns):
            return False
        other = self._known(before or after, as_of)
        if other is None or other.weak or other.entity.kind != "place":
            return False
        return other.entity.type == "country" or all(p.entry.entity.type == "country" for p in c.patterns)

    def _quoted(self, text: str, m: Mention, as_of: Period | None) -> Mention | None:
        """ائتلاف «دولة القانون»: a head word before a quoted name is not part of
        it, when the quoted words alone name the same entity, or nothing after
        a word for "alliance", "movement" … (vocabulary ``quoted_name_heads``:
        تحالف «قوى الدولة») or for "channel", "newspaper" … (``media_words``:
        قناة «السومرية»; ``agency_heads``: وكالة أنباء «فارس»)."""
        q = _OPEN_QUOTE.search(m.text)
        if q is None or q.start() == 0:
            return None
        # The quote closes right after the name, or further on: وكالة “الأناضول التركية”; or
        # inside the mention before one word that describes an outlet or says whose it is
        # (صحيفة “الأخبار” اللبنانية, شبكة "رووداو" الإعلامية): that word is not the name's either.
        start = m.start + q.end()
        head, words = text[m.start : m.start + q.start()].strip(), vocabulary()
        close = next((i for i, ch in enumerate(m.text[q.end() :], m.start + q.end()) if ch in _CLOSE_QUOTES), None)
        if close is not None:
            tail = text[close + 1 : m.end].split()
            if len(tail) != 1 or not (head in words.media_words or country_of_adjective(tail[0])):
                return None
        end = m.end if close is None else close
        inner = text[start:end]
        match = self._resolve(inner, as_of=as_of)
        if match is None or match.weak:  # a short form ("سوريا الديمقراطية") needs the head word's say
            if head not in words.quoted_name_heads and head not in words.media_words and head not in words.agency_heads:
                return None
        elif match.id != m.id or match.method is Method.FUZZY:
            return None
        return Mention(start, end, inner, m.id, m.entity, attrs.evolve(m.match, query=inner))

    def _candidates(self, text: str, units: Units, wanted: frozenset[str] | None) -> list[Span]:
        """Every span some alias matches, with the patterns its case allows.

        Each hit's decision is remembered by what its rules read (see
        :func:`~borderlex.scan_candidates.window`): a text repeats its names in the same kinds of
        context, and so do the texts a scanner sees one after another."""
        found: list[Span] = []
        memo = self._spans
        n = len(units)
        for hit in self._hits(text, units):
            first = -hit.first - 1 if hit.first < 0 else hit.first
            key, base = window(text, units, n, first, hit.last)
            key = (key, hit.first < 0, wanted)
            known = memo.get(key, _UNKNOWN)
            if known is _UNKNOWN:
                span = candidate(text, units, hit, wanted)
                known = (
                    None
                    if span is None
                    else (span.start - base, span.end - base, span.first - first, tuple(span.patterns))
                )
                if len(memo) >= _SPANS_MAX:
                    memo.clear()
                memo[key] = known
            if known is not None:
                ds, de, df, ok = known
                start, end = base + ds, base + de
                found.append(Span(start, end, first + df, hit.last, list(ok), text[start:end]))
        return found

    # -- rules ------------------------------------------------------------

    def _context(self, chosen: list[list[Pattern]]) -> dict[str, int]:
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
        pats: list[Pattern],
        context: dict[str, int],
        designator: str | None,
        *,
        as_of: Period | None = None,
    ) -> Match:
        """The match of a chosen span, remembered by all it depends on (the
        span as written, its patterns, the ``designator`` beside it, ``as_of``)
        unless the text's other mentions (``context``) chose among entities."""
        key = (span, tuple(map(id, pats)), designator, as_of)  # patterns live as long as the scanner
        memo = self._matches
        match = memo.get(key)
        if match is None:
            match, by_context = self._decided(span, pats, context, designator, as_of)
            if not by_context:
                if len(memo) >= _MATCHES_MAX:
                    memo.clear()
                memo[key] = match
        return match

    def _decided(
        self, span: str, pats: list[Pattern], context: dict[str, int], designator: str | None, as_of: Period | None
    ) -> tuple[Match, bool]:
        """The match of a chosen span, and whether ``context`` chose it."""
        norm = normalize(span)

        def rank(p: Pattern) -> int:
            # The spelling as written (article included) beats a key-only match.
            base = pattern_rank(p)
            if p.entry.strength is Strength.WEAK and context.get(p.entry.entity.id, 0):
                # Named in full elsewhere in the text, the entity's weak alias (a
                # surname: "al-Sharaa") counts as strong: not the village Sharra.
                base += 2
            return 2 * base + (1 if p.entry.normalized == norm else 0)

        by_entity: dict[str, Pattern] = {}
        for p in pats:
            old = by_entity.get(p.entry.entity.id)
            if old is None or rank(p) > rank(old):
                by_entity[p.entry.entity.id] = p
        behind = governorates_behind(p.entry.entity for p in by_entity.values())
        ordered = sorted(
            by_entity.values(),
            key=lambda p: (-rank(p), p.entry.entity.id in behind, -p.entry.entity.priority, p.entry.entity.id),
        )
        alternatives: tuple[str, ...] = ()
        ambiguous = False
        by_context = any(p.entry.strength is Strength.WEAK for p in pats)  # rank read the context
        if len(ordered) > 1:
            top = rank(ordered[0])
            tied = [p for p in ordered if rank(p) == top]
            if as_of is not None:
                tied = [p for p in tied if valid_during(p.entry.entity, as_of)] or tied
            if len(tied) > 1 or tied[0] is not ordered[0]:
                by_context = True
                own = {p.entry.entity.id: _support(p.entry.entity, context) for p in tied}
                # A city inside its namesake governorate is placed by what places the governorate
                # ("Kurdistan" does not make "Souleimaniyeh" the province).
                support = [(max(own[p.entry.entity.id], own.get(p.entry.entity.parent or "", 0)), p) for p in tied]
                best = max(s for s, _ in support)
                leaders = [p for s, p in support if s == best]
                ordered = [leaders[0], *[p for p in ordered if p is not leaders[0]]]
                ambiguous = len(leaders) > 1
                alternatives = tuple(p.entry.entity.id for p in tied if p is not leaders[0])
        p = ordered[0]
        entity = p.entry.entity
        if designator is not None:
            entity = self._steer(entity, span, designator, as_of)
        method, score = span_method(span, norm, p)
        match = Match(
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
        return match, by_context

    def _steer(self, entity: Entity, span: str, cls: str, as_of: Period | None) -> Entity:
        """The entity of designator class ``cls`` with the name ``span`` (or
        ``entity``'s own: "la province d'Alep"), of any kind ("the prison of
        Ghwayran"), if ``entity`` is not of that class and the resolver's
        designator rule finds one ("Deir Ezzor governorate")."""
        if entity.type in DESIGNATES[cls]:
            return entity
        for name in (span, entity.name):
            steered = self._resolve(f"{name} {cls.replace('-', ' ')}", as_of=as_of)
            if steered is not None and steered.entity.type in DESIGNATES[cls]:
                return steered.entity
        return entity


def _places_by_key_only(c: Span) -> bool:
    """Whether every pattern of ``c`` names a place, none as written (by its key or folded)."""
    return all(p.entry.entity.kind == "place" and p.entry.alias.casefold() != c.text.casefold() for p in c.patterns)


_FIRST_WORD = re.compile(r"(?:(?<![^\n])|(?<=[.!?:] ))([A-Z][^\W\d_]+) \Z")
_OPEN_QUOTE = re.compile('[«“"„‹]\\s*')
_CLOSE_QUOTES = frozenset('»”"“›')


def _joined(chosen: list[Span], spans: list[Span], taken: bytearray, text: str, resolve: ResolveFunction) -> list[Span]:
    """``chosen`` with each span joined to a span left out that overlaps it and
    names the same one entity, where nothing else was chosen and the two
    together resolve to it: "قناة السومرية" and "السومرية نيوز" are one name,
    "قناة السومرية نيوز" ("IS IS" and "IS" are not "IS IS IS")."""
    by_start = sorted(spans, key=lambda c: c.start)
    starts = [c.start for c in by_start]
    longest = max((c.end - c.start for c in spans), default=0)
    out: list[Span] = []
    for span in chosen:
        d = span
        own = _one_entity(d)
        # Only the spans that may overlap it: those starting less than the longest span's length before it.
        near = by_start[bisect.bisect_left(starts, d.start - longest) : bisect.bisect_left(starts, d.end)]
        for c in near if own is not None else ():
            if c.start < d.end and d.start < c.end and (c.start < d.start or c.end > d.end) and _one_entity(c) == own:
                start, end = min(c.start, d.start), max(c.end, d.end)
                if 1 in taken[start : d.start] or 1 in taken[d.end : end]:
                    continue
                if (whole := resolve(text[start:end])) is None or whole.id != own:
                    continue
                taken[start:end] = b"\x01" * (end - start)
                d = d._replace(
                    start=start, end=end, first=min(c.first, d.first), last=max(c.last, d.last), text=text[start:end]
                )
        out.append(d)
    return out


def _one_entity(c: Span) -> str | None:
    ids = {p.entry.entity.id for p in c.patterns}
    return ids.pop() if len(ids) == 1 else None


def _support(entity: Entity, context: dict[str, int]) -> int:
    score = 0
    if entity.country:
        score += context.get(f"country:{entity.country}", 0)
    if entity.parent:
        score += 2 * context.get(entity.parent, 0)
    score += context.get(entity.id, 0)
    return score
