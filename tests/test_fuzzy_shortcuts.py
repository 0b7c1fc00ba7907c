"""The shortcuts that make a batch's misses cheap (issue 17) change no answer.

The fuzzy tier settles some queries before reading trigram candidates (a
one-word query none of whose skeleton's keys scores enough) and reads a key's
aliases only when its score could pass; ``trim_words`` folds only the words it
looks at; ``by_key`` reads the whole table once the fuzzy tier has it.  Each is
compared here with the straightforward computation it replaced, kept in this
file: every candidate the index offers, every alias of it, every check in turn.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from loader import load_script
from strategies import RESOLVER, articles, case_changed, latin_entries, non_acronym_entries

from borderlex import Resolver
from borderlex.arabic_script import has_arabic_script
from borderlex.folding import normalize
from borderlex.index import AliasEntry, AliasIndex, Strength, trigrams
from borderlex.model import Match, Method
from borderlex.name_keys import NameKey, name_key, skeleton
from borderlex.article_forms import common_given_pair, family_takes_article
from borderlex.qualified_names import country_of_adjective
from borderlex.query_rules import (
    MIN_FUZZY_KEY,
    _core,
    arabic_letters_agree,
    demonym_of,
    designator_fit,
    fuzzy_threshold,
    numbers_differ,
    query_variants,
    ratio,
    repair_designators,
    romanized_place,
    trim_words,
    words_agree,
)
from borderlex.tiers import (
    _CROSS_SCRIPT_SCORE,
    _JOINED_WORDS,
    _FUZZY_FLOOR,
    _SINGLE_WORD_FUZZY,
    FUZZY_CEILING,
    MAX_FUZZY_CHARS,
    _country_named,
    _fuzzy,
    _kunya_agrees,
    _one_name_word_agrees,
    _another_name_word,
    _own_script_agrees,
    _qualified,
    in_region,
)

ROOT = Path(__file__).resolve().parents[1]


def reference_fuzzy(index: AliasIndex, key: NameKey, norm: str, raw: str) -> list[tuple[str, str, float, str]]:
    """The fuzzy tier without shortcuts: every candidate the index offers,
    each of its aliases checked in turn (as before issue 17's batch work)."""
    threshold = fuzzy_threshold(len(key.joined), index.key_count)
    if threshold is None or len(norm) > MAX_FUZZY_CHARS:
        return []
    threshold = max(threshold, _FUZZY_FLOOR)
    single = len(key.tokens) == 1
    if single:
        threshold = max(threshold, _SINGLE_WORD_FUZZY)
    arabic_query = has_arabic_script(raw)
    cutoff = 0.0 if arabic_query else threshold
    qskel = skeleton(key.joined)
    personal = (
        not arabic_query and not key.designators and len(key.tokens) <= 3 and norm.split()[0] in index.given_names()
    )
    # Session 34: a country's own name is a nationality too ("وزارة خارجية سوريا").
    countries = {c for w in raw.split() if (c := country_of_adjective(w) or _country_named(index, w)) is not None}
    out = []
    for cand_key, entries in index.fuzzy_candidates(key.joined, score_cutoff=cutoff):
        if len(cand_key) < MIN_FUZZY_KEY:
            continue
        base = ratio(key.joined, cand_key)
        for e in entries:
            if not romanized_place(e) or (personal and e.entity.kind in ("place", "facility")):
                continue
            score = base
            cross = arabic_query != e.arabic
            if cross and (single or not in_region(e) or e.strength is Strength.WEAK):
                continue
            # Session 14: a weak alias is never guessed as one word either ("Al Hamdani").
            if single and e.strength is Strength.WEAK:
                continue
            # Session 15: nor from another number of words ("Mohammed Al-Ani" is not Hamadani).
            if e.strength is Strength.WEAK and len(e.key.tokens) != len(key.tokens):
                continue
            if single and skeleton(cand_key) != qskel:
                continue
            # Across scripts, the skeletons agree word by word (doubled letters fold within a word).
            words_alike = "".join(map(skeleton, key.tokens)) == "".join(map(skeleton, e.key.tokens))
            # Session 13: a nationality the query names is the entity's ("وزارة الخارجية العراقية").
            if countries and e.entity.country is not None and e.entity.country not in countries:
                continue
            if e.entity.kind == "person" and _another_name_word(raw, arabic_query, e, index.given_names()):
                continue
            # Session 32: two of the commonest given names are no person whose family name takes the article.
            if (
                e.entity.kind == "person"
                and not arabic_query
                and common_given_pair(norm)
                and family_takes_article(e.alias)
            ):
                continue
            if cross and not _own_script_agrees(key, raw, arabic_query, e.entity):
                continue
            if cross and len(qskel) >= 4 and skeleton(cand_key) == qskel and words_alike:
                score = max(score, _CROSS_SCRIPT_SCORE / FUZZY_CEILING * 100)
            if score < threshold or score >= 100.0:
                continue
            # Session 17: several words against one only as closely as one name's spellings ("Hamed Steer").
            if not cross and len(e.key.tokens) == 1 < len(key.tokens) and score < _JOINED_WORDS:
                continue
            if not cross and (not words_agree(key, e.key) or demonym_of(key.joined, cand_key)):
                continue
            # Session 13: one name word and generic ones agree as one-word names do ("Qiyada Alliance").
            if not cross and not (_one_name_word_agrees(norm, e.normalized) and _kunya_agrees(norm, e.normalized)):
                continue
            if arabic_query and not cross and not arabic_letters_agree(raw, e.alias):
                continue
            if not cross and _qualified(index, key.tokens, e.key.tokens):
                continue
            if not designator_fit(key, e):
                continue
            # Session 17: different numbers are different names ("الفرقة السابعة" is not the 4th).
            if numbers_differ(key, e.key):
                continue
            out.append((e.entity.id, e.alias, score * FUZZY_CEILING / 100.0, "cross-script skeleton" if cross else ""))
    return out


def _keep(entries: Any) -> list[AliasEntry]:
    return [e for e in entries if romanized_place(e)]  # the tiers' fuzzy_keep, no kind asked


def fuzzy_now(index: AliasIndex, key: NameKey, norm: str, raw: str) -> list[tuple[str, str, float, str]]:
    found = _fuzzy(index, key, norm, _keep, raw)
    assert all(sc.method is Method.FUZZY for sc in found)
    return [(sc.entry.entity.id, sc.entry.alias, sc.score, sc.note) for sc in found]


def fuzzy_inputs(query: str) -> list[tuple[NameKey, str, str]]:
    """What the tiers hand the fuzzy tier for ``query``: its key, and the key
    of the query with its designator typos repaired."""
    stripped = query.strip()
    norm = normalize(stripped)
    if not norm:
        return []
    out = [(query_variants(norm)[0][0], norm, stripped)]
    repaired = repair_designators(norm)
    if repaired != norm:
        out.append((name_key(repaired), repaired, stripped))
    return out


def _generator_queries() -> list[str]:
    """Every distinct string of the benchmark's column (bench/batch.py),
    and the texts of the corpus gold."""
    batch = load_script("bench/batch.py")
    col, _ = batch.column(1_000_000, tiers=False)
    out = list(dict.fromkeys(col))
    for path in sorted((ROOT / "tests" / "corpus").glob("*/*.jsonl")):
        out.extend(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line)
    return list(dict.fromkeys(out))


QUERIES = _generator_queries()


@pytest.mark.slow  # thousands of queries or texts through both implementations
def test_the_fuzzy_tier_equals_the_reference_on_the_benchmark_column() -> None:
    index = Resolver.from_tables().index
    compared = found = 0
    for q in QUERIES:
        hit = index.exact_single(q.strip())
        if hit is not None and hit.strength is not Strength.WEAK:
            continue  # an alias as written: the tiers end there
        for key, norm, raw in fuzzy_inputs(q):
            want = reference_fuzzy(index, key, norm, raw)
            assert fuzzy_now(index, key, norm, raw) == want, q
            compared += 1
            found += bool(want)
    # The column tries the tier both ways: many misses, and typos it finds.
    assert compared > 10_000 and found > 300


def test_trim_words_equals_folding_every_word() -> None:
    extra = ["the IS group", "Col. Garver", "the so-called Islamic State militia", "تنظيم داعش", "group", "the the"]
    extra += ["عمر السامرائي"]  # an Arabic word folding to a Latin title ("mr") is no title
    for q in [*QUERIES, *extra]:
        words = q.split()
        start, end = _core([normalize(w) for w in words], arabic=has_arabic_script(q))
        assert trim_words(q) == " ".join(words[start:end]), q
    assert trim_words("the IS group") == "IS" and trim_words("Col. Garver") == "Garver"


def test_by_key_reads_the_same_aliases_before_and_after_the_fuzzy_tier() -> None:
    before = Resolver.from_tables().index  # lookups through the compiled file's buckets
    after = Resolver.from_tables().index
    after.fuzzy_keys("bukamal")  # the fuzzy tier reads the whole table
    keys = list(before.section("by_key"))
    assert len(keys) == after.key_count
    for k in [*keys, "nosuchkey", ""]:
        assert before.by_key(k) == after.by_key(k), k


def test_the_fuzzy_tables_hold_each_keys_trigrams_and_skeleton() -> None:
    # Built in bulk (all skeletons in one pass); compared with one key at a time.
    index = Resolver.from_tables().index
    index.fuzzy_keys("bukamal")
    tables = index._fuzzy_tables()
    grams: dict[str, list[int]] = {}
    skeletons: dict[str, list[int]] = {}
    for i, key in enumerate(tables.keys):
        for g in trigrams(key):
            grams.setdefault(g, []).append(i)
        skeletons.setdefault(skeleton(key), []).append(i)
    assert {g: list(p) for g, p in tables.grams.items()} == grams
    assert {s: list(p) for s, p in [*tables.skeletons.items(), *tables.short.items()]} == skeletons
    assert all(len(s) >= 3 for s in tables.skeletons) and all(len(s) < 3 for s in tables.short)
    assert list(tables.keys) == list(index.section("by_key"))


VOWELS = "aeiou"


@st.composite
def near_miss(draw: st.DrawFn) -> str:
    """An alias one or two edits away: a letter dropped, doubled, swapped,
    replaced (often a vowel, where romanizations differ), a word glued; some
    in another case or with the article changed."""
    entry = draw(non_acronym_entries | latin_entries)
    text = entry.alias
    for _ in range(draw(st.integers(1, 2))):
        if len(text) < 3:
            break
        i = draw(st.integers(1, len(text) - 2))
        op = draw(st.sampled_from(["drop", "double", "swap", "vowel", "letter", "glue"]))
        if op == "drop":
            text = text[:i] + text[i + 1 :]
        elif op == "double":
            text = text[:i] + text[i] + text[i:]
        elif op == "swap":
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        elif op == "vowel":
            text = text[:i] + draw(st.sampled_from(VOWELS)) + text[i + 1 :]
        elif op == "letter":
            text = text[:i] + draw(st.sampled_from("bdhklmnqrstz")) + text[i + 1 :]
        else:
            text = text.replace(" ", "", 1)
    return draw(st.just(text) | case_changed(text) | articles(text))


@given(near_miss())
def test_the_fuzzy_tier_equals_the_reference_on_near_misses(query: str) -> None:
    index = RESOLVER.index
    for key, norm, raw in fuzzy_inputs(query):
        assert fuzzy_now(index, key, norm, raw) == reference_fuzzy(index, key, norm, raw)


def _same(a: Match | None, b: Match | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.id, a.alias, a.query, a.score, a.method, a.weak, a.ambiguous, a.alternatives) == (
        b.id,
        b.alias,
        b.query,
        b.score,
        b.method,
        b.weak,
        b.ambiguous,
        b.alternatives,
    )


# Two resolvers, each with nothing remembered at the start of an example (and
# the index, with its fuzzy tables, built once).
BATCH, ONE_BY_ONE = Resolver.from_tables(), Resolver.from_tables()


@given(st.lists(near_miss() | st.sampled_from(QUERIES[:3000]), min_size=1, max_size=20), st.randoms())
def test_a_batch_answers_each_row_as_resolve_does(values: list[str], rng: random.Random) -> None:
    # Repeats in any order: one answer per row, in the rows' order.
    rows = [rng.choice(values) for _ in range(3 * len(values))]
    BATCH.clear_cache()
    ONE_BY_ONE.clear_cache()
    got = BATCH.resolve_many(rows)
    assert len(got) == len(rows)
    assert all(_same(a, ONE_BY_ONE.resolve(v)) for a, v in zip(got, rows, strict=True))
