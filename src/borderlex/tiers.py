"""The tiers of a lookup: from a query string to scored aliases, tier by tier.

Tiers, in order, each tried only when the ones before found nothing:

1. ``exact`` — the query is an alias as written (acronyms: in their case);
2. ``normalized`` — equal after [`normalize`][borderlex.normalize];
3. ``name_key`` — equal name keys (articles, romanization alternations and
   designators folded); designators in the query steer the entity type;
4. ``fuzzy`` — candidates from the trigram/skeleton index, scored with
   rapidfuzz's Indel ratio on name keys, accepted above a threshold that
   grows for short names, and only when every word of each side has a
   counterpart in the other (so "Harakat Hezbollah al-Nujaba" is not
   "Hezbollah").

Ties between entities are broken by the tables' ``priority`` (then strong
before weak, then id) and the match is marked ``ambiguous``.

The module is a little over 600 lines because the fuzzy tier's checks (each a
few lines, each named for the mistake it prevents) sit with the tier that
runs them; the query rules they share live in ``borderlex.query_rules``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from .arabic_script import has_arabic_script, has_tanween, orthographic_form
from .article_forms import common_given_pair, family_takes_article, never_takes_article, opens_with_article
from .common_words import is_common_word
from .dates import valid_during
from .explanation import Step
from .folding import normalize
from .index import AliasEntry, Strength, in_short_capitals, key_skeleton
from .model import Entity, Match, Method
from .name_keys import NameKey, leading_descriptors, name_key, skeleton
from .qualified_names import STATE_INSTITUTIONS, Qualified, country_named_after, country_of_adjective, qualifier_of
from .query_rules import (
    MIN_FUZZY_KEY,
    arabic_letters_agree,
    demonym_of,
    designator_fit,
    fuzzy_threshold,
    governorates_behind,
    numbers_differ,
    query_variants,
    ratio,
    reordered_institution,
    repair_designators,
    romanized_place,
    same_letters,
    script_fits,
    trim_words,
    words_agree,
)
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from .dates import Period
    from .index import AliasIndex
    from .model import Entity

__all__ = ["FUZZY_CEILING", "MAX_FUZZY_CHARS", "search", "to_matches"]


# How many entities an explanation lists per tier.
_EXPLAIN_MAX = 8


#: Queries longer than this (normalized) skip the fuzzy tier: no real name is
#: that long, and it bounds the cost of a hostile input.
MAX_FUZZY_CHARS = 200


# Fixed scores of the key tier; fuzzy scores are scaled below them.
_KEY_SCORE = 95.0
FUZZY_CEILING = 94.0
_WEAK_PENALTY = 10.0
_CROSS_SCRIPT_SCORE = 85.0
_SINGLE_WORD_FUZZY = 92.0
# Several words of a query against an alias of one: only as closely as spellings of one name.
_JOINED_WORDS = 90.0
# The lowest fuzzy score given: below it, on the corpus's development part, fuzzy
# answers were right 3 times in 7 ("The Syrian Observer" is not the Syrian
# Observatory, "Abou Hamza" not Abu Hamam): a guess, not a match (data/calibration.json).
_FUZZY_FLOOR = 85.0 * 100.0 / FUZZY_CEILING
# How many keys of a one-word query's skeleton are scored before its candidates are read.
_FEW = 64


class _Scored(NamedTuple):
    """A candidate alias with its score (internal; a tuple is cheap to make)."""

    entry: AliasEntry
    score: float
    method: Method
    note: str


def _has_strong(found: list[_Scored]) -> bool:
    return any(sc.entry.strength is not Strength.WEAK for sc in found)


def search(
    index: AliasIndex,
    query: str,
    kind: str | None,
    steps: list[Step] | None,
    *,
    everything: bool,
    period: Period | None,
    fuzzy: bool = True,
) -> list[_Scored]:
    """The aliases the tiers find for ``query`` in ``index``, in tier order: a
    tier is tried only when the ones before settled nothing (every tier with
    ``everything``).  Each tier tried is added to ``steps``, when given.
    Without ``fuzzy``, the search ends after the key tier and the qualifiers."""

    def keep(entries: Iterable[AliasEntry]) -> list[AliasEntry]:
        return [e for e in entries if kind is None or e.entity.kind == kind]

    def log(tier: str, looked_up: str, found: Iterable[_Scored], note: str = "") -> None:
        if steps is not None:
            best: dict[str, _Scored] = {}  # the best alias of each entity, best first
            for sc in sorted(found, key=lambda sc: -sc.score):
                best.setdefault(sc.entry.entity.id, sc)
            shown = tuple(f"{i} ({sc.entry.alias!r}, {sc.score:.1f})" for i, sc in list(best.items())[:_EXPLAIN_MAX])
            steps.append(Step(tier, looked_up, shown, note))

    found: list[_Scored] = []
    stripped = " ".join(query.split())  # runs of spaces are one: "US  coalition" is "US coalition"
    if not stripped:
        log("exact", stripped, (), "empty query")
        return found
    exact = [_Scored(e, 100.0, Method.EXACT, "") for e in keep(index.exact(stripped))]
    as_written = stripped
    if not exact and _QUOTE_MARKS.search(stripped):
        # "قاعدة “التنف” العسكرية": quote marks around a word of a name are not part of it.
        stripped = " ".join(_QUOTE_MARKS.sub(" ", stripped).split())
        exact = [_Scored(e, 100.0, Method.EXACT, "read without its quote marks") for e in keep(index.exact(stripped))]
        if not stripped:
            log("exact", stripped, (), "only quote marks")
            return found
    trimmed = trim_words(stripped)
    # A title read off the front leaves a person's name ("Sheikh Nasr" is not the Nasr coalition),
    # a word for "forces" or "militia" a group's ("قوات البادية" is no desert).
    lead = {normalize(w) for w in stripped[: stripped.find(trimmed)].split()}
    titled = bool(lead & vocabulary().titles)
    grouped = bool(lead & leading_descriptors())
    if not exact and trimmed != stripped:
        # A descriptor read off the end ("Soufan Group") leaves an organisation's name.
        org_only = not stripped.endswith(trimmed)
        exact = [
            _Scored(e, _KEY_SCORE, Method.EXACT, f"ignored words around {trimmed!r}")
            for e in keep(index.exact(trimmed))
            if (not org_only or e.entity.kind == "org")
            and (not titled or e.entity.kind == "person")
            and (not grouped or e.entity.kind not in ("place", "facility"))
        ]
    if not exact and (capitals := _ARTICLE_CAPITALS.fullmatch(stripped)) is not None:
        # "al-CIA": capitals after an article are the name in capitals, which no key finds.
        exact = [
            _Scored(e, _KEY_SCORE, Method.EXACT, "ignored the article before capitals")
            for e in keep(index.exact(capitals.group(1)))
        ]
    if (
        not exact
        and (outlet := _without_media_word(stripped)) is not None
        and not keep(index.normalized(normalize(stripped)))
    ):
        # "Rudaw TV", "BBC News", "Kurdistan 24 English", "Radio Monte Carlo Doualiya": a media
        # word beside an outlet's name, as the scanner reads it; not when the whole query, folded,
        # is a name ("ŔT Arabic" is RT Arabic, not RT).
        exact = [
            _Scored(e, _KEY_SCORE, Method.EXACT, f"ignored the media word beside {outlet!r}")
            for e in keep(index.exact(outlet))
            if e.entity.type == "media"
        ]
    alif = _with_alif(stripped)
    if not exact and alif is not None:
        # "لسعودية", as the scanner reads "للسعودية": after the proclitic ل the article's alif is dropped.
        exact = [
            _Scored(e, _KEY_SCORE, Method.EXACT, "the article's alif dropped after ل") for e in keep(index.exact(alif))
        ]
    log("exact", stripped, exact)
    found += exact
    # Weak hits alone do not end the search: "Akra" as written is a weak
    # name of one town but, diacritics folded, the strong name of another.
    # With a date, a spelling as written whose entities all did not exist
    # then does not end it either: the same spelling folded may name one
    # that did ("Syrian interim government").
    if _has_strong(exact) and not everything and (period is None or _any_valid(exact, period)):
        return found
    norm = normalize(stripped)
    if not norm:
        log("normalized", norm, (), "nothing left after normalization")
        return found
    if has_tanween(stripped):
        log("normalized", norm, (), "written with tanween: an indefinite word or adverb, not a name")
        return found
    if is_common_word(stripped):
        log("normalized", norm, (), "a common word as written, not a name (data/common-words.tsv)")
        return found
    arabic_query = has_arabic_script(stripped)
    # Arabic meets Arabic letter for letter, as in the scanner: "الشهر" (*the
    # month*) and "الشرع" (al-Sharaa) have one romanized key, not one spelling.
    written = [stripped, trimmed]

    def folded(entries: Iterable[AliasEntry], romanized: bool = False, variant: int | None = 0) -> list[AliasEntry]:
        return [
            e
            for e in keep(entries)
            if script_fits(e, arabic_query)
            and (not romanized or romanized_place(e))
            and (variant is None or not (arabic_query and e.arabic) or same_letters(written[variant], e.alias))
        ]

    # "A. Al-Charaa": an initial and a name are a person's, never a town's by the letters' key.
    initialled = _INITIAL.match(stripped) is not None

    def fuzzy_keep(entries: Iterable[AliasEntry]) -> list[AliasEntry]:
        # The fuzzy tier crosses scripts on its own terms (several words, equal skeletons).
        return [e for e in keep(entries) if romanized_place(e) and not (initialled and e.entity.kind != "person")]

    normal = [
        _Scored(e, 100.0, Method.NORMALIZED, "")
        for e in folded(index.normalized(norm))
        # A weak acronym is too often something else to be read out of capitals: "Smo" (a
        # surname) is not "SMO", the Syrian National Army's Turkish initials.
        if not (e.strength is Strength.WEAK and in_short_capitals(e.alias) and not stripped.isupper())
    ]
    if not normal and not exact and alif is not None:
        # "لانبار" (of "للانبار"): the same, with the spelling folded.
        normal = [
            _Scored(e, _KEY_SCORE, Method.NORMALIZED, "the article's alif dropped after ل")
            for e in keep(index.normalized(normalize(alif)))
            if script_fits(e, True) and (not e.arabic or same_letters(alif, e.alias))
        ]
    log("normalized", norm, normal)
    found += normal
    if (normal or exact) and not everything:
        return found
    if in_short_capitals(stripped):
        # "CERS" is an acronym, not Kars by its key: capitals name by spelling only.
        log("name_key", norm, (), "a word in capitals of five letters or fewer: no key or fuzzy match")
        return found
    if not arabic_query and len(norm.replace(" ", "")) <= 2:
        # "Ce" (French *this*) is not al-Qaa by the key "ka": two letters name by spelling only.
        log("name_key", norm, (), "two letters or fewer: no key or fuzzy match")
        return found
    variants = query_variants(norm, arabic=arabic_query)
    if arabic_query and stripped.startswith("ال"):
        # "الفاليتا": a name whose first letters read as proclitic + article
        # (فاليتا, Valletta) is keyed on that reading; with an article before
        # it, the name after the article is read the same way.
        bare = name_key(normalize(stripped[2:]))
        if bare.tokens and bare != variants[0][0]:
            variants.append((bare, "read without its article"))
            written.append(stripped)
    keyed: list[_Scored] = []
    # One Latin word that is a given name the tables know names a place as written only, and
    # so does one with an article: a family's name ("Al-Ahmed" is not al-Ahmadi by its key).
    *article, last = norm.split() or [""]
    given = (
        not arabic_query
        and (not article or (len(article) == 1 and article[0] in vocabulary().articles))
        and last in index.given_names()
    )
    with_article = not arabic_query and opens_with_article(norm)
    common_pair = not arabic_query and common_given_pair(norm)
    for i, (key, note) in enumerate(variants):
        if not key.tokens:
            log("name_key", "", (), "only generic words; they never match on their own")
            continue
        # An organisation's word read off ("Kar Group") leaves an organisation's name, not Alger's.
        org_only = key.org_words < variants[0][0].org_words
        # A designator ("محافظة حمص") is read off the key, not the letters.
        for e in folded(index.by_key(key.joined), True, None if key.designators else i):
            if arabic_query and stripped.startswith("ال") and not in_region(e) and not e.alias.startswith("ال"):
                continue  # "المشهد" is *the scene*: a foreign place's name takes no article it lacks
            if org_only and e.entity.kind != "org":
                continue
            if i > 0 and (
                (titled and e.entity.kind != "person") or (grouped and e.entity.kind in ("place", "facility"))
            ):
                continue  # the key of what is left after a title is a person's, after "forces" a group's
            if given and e.entity.kind == "place":
                continue  # "Qassem" is a given name, not Ghasam by its key
            if with_article and never_takes_article(e.entity):
                continue  # "Alwan", "al-Rawad": the article names none of Van's or Arwad's spellings
            if common_pair and e.entity.kind == "person" and family_takes_article(e.alias):
                continue  # "Mohamed Hassan" is too many men's to be Mohamed Al Hassan
            if initialled and e.entity.kind != "person":
                continue
            if designator_fit(key, e):
                keyed.append(_Scored(e, _KEY_SCORE, Method.NAME_KEY, note))
        log("name_key", " ".join(key.tokens) + "".join(f" <{d}>" for d in sorted(key.designators)), keyed, note)
        if keyed:
            break
    found += keyed
    if keyed and not everything:
        return found
    reordered = reordered_institution(stripped) if arabic_query else None
    if reordered is not None:
        # "المجلس العسكري لمنبج" is "مجلس منبج العسكري": an organisation's, or nothing.
        inner = search(index, reordered, kind, None, everything=False, period=period, fuzzy=False)
        agree = [
            _Scored(sc.entry, min(sc.score, _KEY_SCORE), sc.method, "") for sc in inner if sc.entry.entity.kind == "org"
        ]
        log("reordered", reordered, agree)
        if agree:
            return found + agree
    qualified = _by_qualifier(index, as_written, kind, period)
    if qualified is None and as_written != stripped:
        # A nickname needs its quote marks ("Michael “Erik” Kurilla"); a qualifier after a quoted name not.
        qualified = _by_qualifier(index, stripped, kind, period)
    if qualified is not None:
        log("qualified", stripped, qualified[0], qualified[1])
        found += qualified[0]
        if not everything:
            return found
    if not fuzzy:
        return found
    guessed = _fuzzy(index, variants[0][0], norm, fuzzy_keep, stripped)
    note = "" if guessed or len(norm) <= MAX_FUZZY_CHARS else "query too long"
    if not guessed and len(norm) <= MAX_FUZZY_CHARS:
        # "Homs Provinec": a designator with a typo is read as the designator.
        repaired = repair_designators(norm)
        if repaired != norm:
            rkey = name_key(repaired)
            # Scored by how far the typo is from the repaired query.
            score = ratio(norm, repaired) * FUZZY_CEILING / 100.0
            guessed = [
                _Scored(e, score, Method.FUZZY, "")
                for e in folded(index.by_key(rkey.joined), True, None)
                if rkey.tokens and designator_fit(rkey, e)
            ] or _fuzzy(index, rkey, repaired, fuzzy_keep, stripped)
            note = f"read as {repaired!r}" if guessed else note
    log("fuzzy", variants[0][0].joined, guessed, note)
    return found + guessed


# Double quote marks (not apostrophes, which write the ayn: "Kata'ib", "‘Amaq").
_QUOTE_MARKS = re.compile('["“”„‟«»‹›]')


def _with_alif(query: str) -> str | None:
    """``query`` with the article's alif put back after a proclitic ل
    ("لسعودية" → "السعودية"), or ``None`` when it does not open so."""
    return "ا" + query if query.startswith("ل") and not query.startswith("ال") else None


# A capital initial and its full stop opening a name ("A. Al-Charaa", "O. Omsen").
_INITIAL = re.compile(r"[A-Z]\.\s")


# An Arabic article, romanized, before a word in capitals ("al-CIA").
_ARTICLE_CAPITALS = re.compile(r"(?:[Aa]l|[Ee]l|AL|EL)[-\u2010 ]([A-Z]{2,5})")


def _without_media_word(query: str) -> str | None:
    """The query without a last word of ``media_words_after`` ("TV", "News") or
    ``edition_words`` ("English"), or a first word of either media list
    ("Radio Monte Carlo Doualiya"), if it has one."""
    words = query.split()
    if len(words) < 2:
        return None
    vocab = vocabulary()
    last, first = normalize(words[-1]), normalize(words[0])
    if last in vocab.media_words_after or last in vocab.edition_words:
        return " ".join(words[:-1])
    if first in vocab.media_words or first in vocab.media_words_after:
        return " ".join(words[1:])
    return None


def _by_qualifier(
    index: AliasIndex, query: str, kind: str | None, period: Period | None
) -> tuple[list[_Scored], str] | None:
    """``query`` read as a name and a word qualifying it (``borderlex.qualified_names``):
    what the name finds that the word agrees with, and why; ``None`` when the
    query has no qualifier or the name alone finds nothing."""
    for q in (qualifier_of(query), country_named_after(query)):
        if q is not None and (found := _agreeing(index, q, kind, period)) is not None:
            return found
    return None


def _agreeing(
    index: AliasIndex, q: Qualified, kind: str | None, period: Period | None
) -> tuple[list[_Scored], str] | None:
    """What ``q``'s name finds that its word agrees with (see :func:`_by_qualifier`)."""
    country = q.country
    if country is None and not (q.facility or q.nickname or q.head):
        written = index.exact(q.word)
        named = {e.entity.country for e in written if e.entity.type == "country"}
        if len(named) != 1 or any(e.strength is Strength.WEAK for e in written):
            return None
        country = named.pop()
    inner = search(index, q.rest, kind, None, everything=False, period=period, fuzzy=False)
    if not inner:
        return None
    if q.facility:
        agree = [sc for sc in inner if sc.entry.entity.kind == "facility"]
        why = f"{q.word!r} says it is a facility"
    elif q.nickname:
        agree = [sc for sc in inner if sc.entry.entity.kind == "person"]
        why = f"{q.word!r} is a nickname"
    elif q.head:
        agree = [sc for sc in inner if sc.entry.entity.kind == "org"]
        why = f"{q.word!r} heads an organisation's name"
    elif q.owner:
        # Only a state's institution: "al-Qaïda d'Irak" and "État islamique d'Irak" are other groups.
        agree = [
            sc for sc in inner if sc.entry.entity.type in STATE_INSTITUTIONS and sc.entry.entity.country == country
        ]
        why = f"{q.word!r} agrees: an institution of {country}"
    else:
        # A country's adjective with a facility says whose it is, not where
        # ("قاعدة حميميم الروسية"): it is not checked.
        agree = [sc for sc in inner if sc.entry.entity.kind == "facility" or sc.entry.entity.country == country]
        why = f"{q.word!r} agrees: of {country}"
    if not agree:
        return [], f"{q.word!r} disagrees with what {q.rest!r} names"
    return [_Scored(sc.entry, min(sc.score, _KEY_SCORE), sc.method, why) for sc in agree], why


def _nationalities(raw: str, index: AliasIndex) -> set[str]:
    """The countries a query names by an adjective or by a country's own name:
    "وزارة الخارجية العراقية" is not "وزارة الخارجية الأميركية", nor "وزارة خارجية
    سوريا" Saudi Arabia's ministry; a nationality the query names is the entity's."""
    return {c for w in raw.split() if (c := country_of_adjective(w) or _country_named(index, w)) is not None}


def _country_named(index: AliasIndex, word: str) -> str | None:
    """The country ``word`` is a strong name of, if one: "سوريا" is SY."""
    named = {
        e.entity.country for e in index.exact(word) if e.entity.type == "country" and e.strength is Strength.STRONG
    }
    return named.pop() if len(named) == 1 else None


def _fuzzy(index: AliasIndex, key: NameKey, norm: str, keep: Any, raw: str) -> list[_Scored]:
    threshold = fuzzy_threshold(len(key.joined), index.key_count)
    if threshold is None or len(norm) > MAX_FUZZY_CHARS:
        return []
    threshold = max(threshold, _FUZZY_FLOOR)
    # One word is little evidence: on real articles, one-word fuzzy matches
    # at 80-90 named the wrong thing 8 times in 8 (Geneva → Qanawat,
    # Mohamed → al-Mahmudiya): a single word needs a near-exact spelling,
    # and never matches across scripts (docs/accuracy.md).
    single = len(key.tokens) == 1
    qskel = skeleton(key.joined)
    if single:
        threshold = max(threshold, _SINGLE_WORD_FUZZY)
        # Every alias kept below has a key of this skeleton scoring at least
        # the threshold: when none of a few does, the trigram candidates need not be read.
        alike = index.skeleton_keys(qskel)
        if len(alike) <= _FEW and not any(
            len(k) >= MIN_FUZZY_KEY and threshold <= ratio(key.joined, k) < 100.0 for k in alike
        ):
            return []
    # Cross-script queries are scored on skeletons below, so they take every candidate.
    arabic_query = has_arabic_script(raw)
    # A short name that opens with a given name, with no designator, is a
    # person's: it never fuzzily names a place ("Talal Amer" is not Tal Ammar).
    personal = (
        not arabic_query
        and not key.designators
        and len(key.tokens) <= 3
        and norm.split(maxsplit=1)[0] in index.given_names()
    )
    # "Mohamed Hassan" is too many men's to be one whose family name takes the article (as above).
    common_pair = not arabic_query and common_given_pair(norm)
    cutoff = 0.0 if arabic_query else threshold
    cands = index.fuzzy_keys(key.joined, score_cutoff=cutoff)
    if not cands:
        return []
    # A cross-script alias scores at least this on an equal skeleton (below),
    # word by word: "هيثم العلي" (hzm-l) is not "Haitham al-Maleh" (hzm-ml),
    # though both join to "hzml".
    lifted = _CROSS_SCRIPT_SCORE / FUZZY_CEILING * 100
    qwords = _word_skeletons(key.tokens)
    countries: set[str] | None = None  # read once something scores high enough
    out: list[_Scored] = []
    for cand_key in cands:
        if len(cand_key) < MIN_FUZZY_KEY:
            continue  # as for queries: one edit is a different short name ("Shafa" is not "Hafa")
        cskel = key_skeleton(cand_key)
        # One word may differ in its vowels and doubled letters, where
        # romanizations differ, but not in its consonants ("Geneva" is
        # not "Qanawat"; "Albuqmal" is "Al-Bukamal").
        if single and cskel != qskel:
            continue
        base = ratio(key.joined, cand_key)
        may_lift = not single and len(qskel) >= 4 and cskel == qskel
        # What every alias of the key would fail below, settled before its aliases are read.
        if base >= 100.0 or (base < threshold and not (may_lift and lifted >= threshold)):
            continue
        for e in keep(index.by_key(cand_key)):
            if personal and e.entity.kind in ("place", "facility"):
                continue
            score = base
            cross = arabic_query != e.arabic
            if e.strength is Strength.WEAK and (cross or single or len(e.key.tokens) != len(key.tokens)):
                # A weak alias is too often something else as written to be guessed at: across
                # scripts ("عبدالرحمن", a given name, is not "Abdel Rahman", Rami Abdel Rahman's
                # surname), as one word ("Al Hamdani" is not Hamadani, Hossein Hamadani's), or
                # from another number of words ("Mohammed Al-Ani" is not Hamadani either).
                continue
            if cross and (single or not in_region(e)):
                # A far place's name is not guessed across scripts ("شيخ هروز" is not Shiraz).
                continue
            if cross and may_lift and _word_skeletons(e.key.tokens) == qwords:
                score = max(score, lifted)
            if score < threshold or score >= 100.0:
                continue
            if not cross and len(e.key.tokens) == 1 < len(key.tokens) and score < _JOINED_WORDS:
                continue  # words joined into one only as spelled together ("Albu Kamal"): "Hamed Steer" is no Khamassir
            # The dearer checks, only for what scores high enough.
            if countries is None:
                countries = _nationalities(raw, index)
            if countries and e.entity.country is not None and e.entity.country not in countries:
                continue
            if e.entity.kind == "person" and _another_name_word(raw, arabic_query, e, index.given_names()):
                continue
            if common_pair and e.entity.kind == "person" and family_takes_article(e.alias):
                continue  # "Mohamed Hassan" is no "محمد الحسان" either
            if cross and not _own_script_agrees(key, raw, arabic_query, e.entity):
                # Arabic writes no vowels and its ع leaves no trace in a key: "Tal al-Jumou" and
                # "تل جمعة" share a skeleton, but the entity's own "Tel Jemaa" says otherwise;
                # "بهاء المقداد" is not "Baghdad", whose Arabic name is "بغداد".
                continue
            if not cross and (not words_agree(key, e.key) or demonym_of(key.joined, cand_key)):
                continue
            if not cross and not (_one_name_word_agrees(norm, e.normalized) and _kunya_agrees(norm, e.normalized)):
                continue
            if arabic_query and not cross and not arabic_letters_agree(raw, e.alias):
                continue
            if not cross and _qualified(index, key.tokens, e.key.tokens):
                continue
            if not designator_fit(key, e) or numbers_differ(key, e.key):
                continue
            final = score * FUZZY_CEILING / 100.0
            out.append(_Scored(e, final, Method.FUZZY, "cross-script skeleton" if cross else ""))
    return out


def _one_name_word_agrees(a: str, b: str) -> bool:
    """Whether two normalized names that are each one word and words for
    "alliance", "force" … agree on that word's consonants, as one-word names
    must: "Qiyada Alliance" is not the "Siyada Alliance"."""
    wa, wb = _name_words(a), _name_words(b)
    if len(wa) != 1 or len(wb) != 1:
        return True
    return skeleton(name_key(wa[0]).joined) == skeleton(name_key(wb[0]).joined)


def _kunya_agrees(a: str, b: str) -> bool:
    """Whether two normalized Latin names both open with a kunya's "Abu"
    (or a tribe's "Albu") or neither does: a given name is no kunya ("Abood
    Hamam", a photographer, is not the town Abu Hamam)."""
    return _opens_kunya(a) == _opens_kunya(b)


def _opens_kunya(norm: str) -> bool:
    first = norm.split(maxsplit=1)[:1]
    return bool(first) and (first[0] in vocabulary().kunya_words or first[0] in _TRIBE_WORDS)


# "Albu Kamal" is "Abu Kamal": a tribe's "Al Bu" opens names as a kunya does.
_TRIBE_WORDS = frozenset({"albu", "albou", "bu", "bou"})


def _name_words(norm: str) -> list[str]:
    skipped = _not_name_words()
    return [w for w in norm.split() if w not in skipped]


@functools.cache
def _not_name_words() -> frozenset[str]:
    """Organisation-form words, words for "alliance", articles and stop words (normalized)."""
    words = vocabulary()
    heads = {h for language in words.bloc_heads.values() for h in language}
    return frozenset(words.org_words.keys() | heads | words.articles | words.stop_words)


#: How close a Latin query must come to an entity's own Latin name for a cross-script
#: match through its Arabic name to count: "Tal al-Jumou" and "Tel Jemaa" score 57, "Ahmed
#: Husni" and Ahmad Hassoun 80, "Muhammed Zin" and Mohammed Ali Zaini 80. On the corpus's
#: surfaces, 85 (rather than 75) linked 5 names the tables lack fewer and lost 2 right ones.
_OWN_SCRIPT_AGREE = 85.0


def _own_script_agrees(key: NameKey, raw: str, arabic: bool, entity: Entity) -> bool:
    """Whether some name of ``entity`` in the query's own script agrees with
    it (by ``ratio`` of their keys, or ``arabic_letters_agree`` for Arabic); true when
    the entity has no name in that script to compare."""
    own = [n for n in entity.strong_names if has_arabic_script(n) == arabic]
    if arabic:
        return not own or any(arabic_letters_agree(raw, n) for n in own)
    # Loosely: romanizations differ in vowels ("Ryan", "Rayan"), not in most letters.
    return not own or any(ratio(key.joined, name_key(normalize(n)).joined) >= _OWN_SCRIPT_AGREE for n in own)


def _another_name_word(raw: str, arabic: bool, e: AliasEntry, given: frozenset[str]) -> bool:
    """Whether the query puts another name where each of the person's names in
    its script, word for word, has one: a given name ("كويستان أحمد" is not
    Kwestan Mohammed, "كوستان محمد") or a family name ("Mohammed Al-Ani" is not
    Mohammed al-Sudani; "Khalid al-Taie" is not Khalid al-Attiyah, whose Latin
    name the cross-script match must also agree with). One name's spellings
    agree (Yousef and Yusuf, Sudani and Soudani: close keys, or one consonant
    skeleton, unless both are given names of the tables: "Ahmed" is not
    "Hamid"); a fuzzy match of a person is a spelling, not a relative.
    ``given``: the tables' Latin given names, normalized."""
    names = [e.alias] if e.arabic == arabic else [n for n in e.entity.strong_names if has_arabic_script(n) == arabic]
    query = _given_words(raw, arabic)

    from rapidfuzz.distance import Levenshtein  # noqa: PLC0415 - as query_rules._fuzz: a light import

    def clash(words: list[str]) -> bool:
        other = [(a, b) for a, b in zip(query, words, strict=True) if a != b and not _one_name(a, b, arabic, given)]
        # In a name of three words or more, the two that agree carry one slip of the pen
        # in the third ("رائد شاكل جودت" is Raed Shaker Jawdat, "رائد شاكر جودت").
        return bool(other) and not (len(query) >= 3 and len(other) == 1 and Levenshtein.distance(*other[0]) == 1)

    found = [clash(words) for n in names if len(words := _given_words(n, arabic)) == len(query)]
    return bool(found) and all(found)


def _given_words(name: str, arabic: bool) -> list[str]:
    """A name's words as the index keeps given names, articles left out."""
    if arabic:
        return [orthographic_form(w) for w in name.split()]
    articles = vocabulary().articles
    return [w for w in normalize(name).split() if w not in articles]


def _one_name(a: str, b: str, arabic: bool, given: frozenset[str]) -> bool:
    if arabic:
        return ratio(a, b) >= _SAME_GIVEN_NAME
    if {_last_sound(a), _last_sound(b)} == {"a", "consonant"}:
        return False  # a feminine ending makes another name: "Samer" is not "Samira", nor "Nabil" "Nabila"
    ka, kb = name_key(a).joined, name_key(b).joined
    if a in given and b in given:
        # Two given names of the tables are one name in two spellings only with the same
        # consonants, and close keys ("Yousef", "Yusuf") or one key the other with letters
        # added ("Ryan", "Rayan"): not "Mohammed" and "Muhannad", "Ahmed" and "Hamid".
        inside = _letters_added(ka, kb) or _letters_added(a, b)
        return skeleton(ka) == skeleton(kb) and (inside or ratio(ka, kb) >= _SAME_GIVEN_NAME)
    if ratio(ka, kb) >= _SAME_GIVEN_NAME:
        return True
    # One consonant is little to go by: "Iyad" is "Eyad", "Taie" is not "Attiyah".
    skel = skeleton(ka)
    return skel == skeleton(kb) and (len(skel) > 1 or abs(len(ka) - len(kb)) <= 1)


def _last_sound(word: str) -> str:
    """How a normalized Latin word ends: "a", another vowel or h (romanizations
    differ there: "Hamza", "Hamzah"), or a consonant."""
    if len(word) < 3 or not word[-1].isalpha():
        return ""
    if word[-1] == "a":
        return "a"
    return "" if word[-1] in "eiouyh" else "consonant"


def _letters_added(a: str, b: str) -> bool:
    """Whether the longer of two words is the shorter with letters added."""
    short, long = sorted((a, b), key=len)
    letters = iter(long)
    return all(ch in letters for ch in short)


#: Two spellings of one given name compare at least this (romanized, by their keys).
_SAME_GIVEN_NAME = 80.0


def _word_skeletons(tokens: tuple[str, ...]) -> str:
    # Doubled letters fold within a word, not across two.
    return "".join(skeleton(t) for t in tokens)


def _qualified(index: AliasIndex, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one side has a two-letter word the other lacks that is an
    acronym the tables know: "UK Ministry of Defence" is not a spelling of
    the "Ministry of Defence" (words_agree leaves two-letter words out, as
    particles: "bu" of "Albu Kamal")."""
    acronyms = index.section("acronyms")
    return any(len(t) == 2 and t not in other and t.upper() in acronyms for x, other in ((a, b), (b, a)) for t in x)


def in_region(e: AliasEntry) -> bool:
    """Whether an alias's entity is not a place abroad: only Syrian and Iraqi
    places (and entities of no country) are read by loose rules."""
    return e.entity.kind != "place" or e.entity.country in (None, "SY", "IQ")


_RANK_STRENGTH = {Strength.STRONG: 2, Strength.ACRONYM: 2, Strength.WEAK: 0}


def _any_valid(found: list[_Scored], period: Period) -> bool:
    return any(valid_during(sc.entry.entity, period) for sc in found)


def to_matches(query: str, scored: list[_Scored], period: Period | None = None) -> list[Match]:
    best: dict[str, tuple[float, _Scored]] = {}
    for s in scored:
        score = s.score - (_WEAK_PENALTY if s.entry.strength is Strength.WEAK else 0.0)
        score = max(score, 0.0)
        old = best.get(s.entry.entity.id)
        if old is None or score > old[0]:
            best[s.entry.entity.id] = (score, s)
    if not best:
        return []

    def valid(e: Entity) -> bool:
        return period is None or valid_during(e, period)

    behind = governorates_behind(s.entry.entity for _, s in best.values())

    def order(item: tuple[float, _Scored]) -> tuple[float, bool, int, bool, int, str]:
        score, s = item
        e = s.entry.entity
        # Among equal scores, an entity that existed at the date comes first.
        return (-round(score, 6), not valid(e), -_RANK_STRENGTH[s.entry.strength], e.id in behind, -e.priority, e.id)

    ranked = sorted(best.values(), key=order)
    top = round(ranked[0][0], 6)
    top_valid = valid(ranked[0][1].entry.entity)
    # The date settles a tie: those that did not exist then are no alternatives.
    tied = tuple(
        s.entry.entity.id for sc, s in ranked[1:] if round(sc, 6) == top and valid(s.entry.entity) == top_valid
    )
    out = []
    for i, (score, s) in enumerate(ranked):
        e = s.entry
        first = i == 0
        out.append(
            Match(
                id=e.entity.id,
                entity=e.entity,
                alias=e.alias,
                query=query,
                score=score,
                method=s.method,
                weak=e.strength is Strength.WEAK,
                ambiguous=first and bool(tied),
                alternatives=tied if first else (),
            )
        )
    return out
