"""Resolution: real variants, near misses, invariants, ambiguity, explanations."""

from __future__ import annotations

import pickle
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import read_tsv
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import (
    ENTRIES,
    RESOLVER,
    apostrophes,
    articles,
    case_changed,
    compat_forms,
    diacritics,
    entries,
    hostile_text,
    latin_entries,
    non_acronym_entries,
    spaced,
)

import borderlex
from borderlex import Method, Resolver
from borderlex.article_forms import never_takes_article, opens_with_article
from borderlex.common_words import is_common_word
from borderlex.index import Strength, acronym_form
from borderlex.normalization import name_key, normalize
from borderlex.query_rules import romanized_place, words_agree
from borderlex.tiers import MAX_FUZZY_CHARS, in_region
from borderlex.vocabulary import vocabulary

VARIANTS = read_tsv("variants.tsv")
# A near miss whose real entity the tables now hold names it in a fourth column.
NEAR_MISSES = [(*row[:3], row[3] if len(row) > 3 else "") for row in read_tsv("near_misses.tsv")]


def test_variant_table_is_large_and_sourced() -> None:
    sourced = [v for v in VARIANTS if v[2] and not v[2].startswith("constructed")]
    assert len(sourced) >= 200
    assert all(len(v) == 3 and v[2] for v in VARIANTS)


@pytest.mark.parametrize(("variant", "entity_id", "source"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_real_variant_resolves(variant: str, entity_id: str, source: str) -> None:
    match = borderlex.resolve(variant)
    assert match is not None, f"{variant!r} ({source}) did not resolve"
    assert match.id == entity_id, f"{variant!r} ({source}) resolved to {match.id}"


def test_near_miss_table_is_large() -> None:
    assert len(NEAR_MISSES) >= 40


@pytest.mark.parametrize(("query", "not_this", "why", "real_id"), NEAR_MISSES, ids=[n[0] for n in NEAR_MISSES])
def test_near_miss_does_not_match(query: str, not_this: str, why: str, real_id: str) -> None:
    match = borderlex.resolve(query)
    if real_id:  # now in the tables: it must be found as itself, never as the look-alike
        assert match is not None, f"{query!r} ({why}) should resolve to {real_id}"
        assert match.id == real_id != not_this
    else:
        assert match is None, f"{query!r} ({why}) matched {match.id} via {match.alias!r} [{match.method}]"


def test_near_misses_now_covered_are_real_entities() -> None:
    ids = {e.id for e in borderlex.entities()}
    assert all(real_id in ids for *_, real_id in NEAR_MISSES if real_id)


# -- invariants over every alias of the bundled tables -----------------------------


def _other_entity_spells(text: str, entity_id: str) -> bool:
    """Whether ``text`` is, as written or normalized, a name of another entity:
    then the tables themselves say the variant means something else."""
    norm = normalize(text)
    for e in ENTRIES:
        if e.entity.id == entity_id:
            continue
        if e.strength is Strength.ACRONYM and acronym_form(e.alias) == acronym_form(text):
            return True
        if e.strength is not Strength.ACRONYM and (e.normalized == norm or e.key.joined == name_key(norm).joined):
            return True
    return False


def test_every_alias_resolves_to_its_entity() -> None:
    for e in ENTRIES:
        match = RESOLVER.resolve(e.alias)
        assert match is not None, e
        if match.id == e.entity.id or (match.ambiguous and e.entity.id in match.alternatives):
            continue
        # Otherwise only a weak alias may lose, to a strong owner of the same spelling.
        assert e.strength is Strength.WEAK and not match.weak and normalize(match.alias) == e.normalized, e
        assert e.entity.id in {c.id for c in RESOLVER.candidates(e.alias, limit=10)}, e


def _assert_same(entry: borderlex.index.AliasEntry, variant: str) -> None:
    assume(not _other_entity_spells(variant, entry.entity.id))
    match = RESOLVER.resolve(variant)
    assert match is not None, (entry.alias, variant)
    assert match.id == entry.entity.id, (entry.alias, variant, match.id)


@given(non_acronym_entries.flatmap(lambda e: st.tuples(st.just(e), case_changed(e.alias))))
def test_invariant_under_case(pair: tuple) -> None:
    _assert_same(*pair)


@given(entries.flatmap(lambda e: st.tuples(st.just(e), spaced(e.alias))))
def test_invariant_under_whitespace_and_hyphens(pair: tuple) -> None:
    entry, variant = pair
    if entry.strength is Strength.ACRONYM:
        assume("-" not in entry.alias)  # "IRGC-QF" is written with its hyphen
    _assert_same(entry, variant)


@given(non_acronym_entries.flatmap(lambda e: st.tuples(st.just(e), compat_forms(e.alias))))
def test_invariant_under_compatibility_forms(pair: tuple) -> None:
    _assert_same(*pair)


@given(latin_entries.flatmap(lambda e: st.tuples(st.just(e), diacritics(e.alias))))
def test_invariant_under_diacritics(pair: tuple) -> None:
    _assert_same(*pair)


@given(non_acronym_entries.flatmap(lambda e: st.tuples(st.just(e), apostrophes(e.alias))))
def test_invariant_under_apostrophe_variants(pair: tuple) -> None:
    _assert_same(*pair)


@given(non_acronym_entries.flatmap(lambda e: st.tuples(st.just(e), articles(e.alias))))
def test_invariant_under_arabic_articles(pair: tuple) -> None:
    entry, variant = pair
    assume(normalize(variant).split() != ["al"] and len(name_key(normalize(variant)).tokens) > 0)
    # A far place's Latin names take no romanization folds: nobody writes "al-Cuba";
    # and a place abroad takes no Arabic article its name lacks ("المشهد" is not Mashhad).
    assume(romanized_place(entry))
    assume(in_region(entry) or not variant.startswith("ال"))
    # Without its article an alias may be a common word, which names nothing
    # unless written as an alias ("تركستان", the region, is not التركستان, the party).
    assume(not is_common_word(variant))
    # A given name with an article is a family's name, no place by its key ("al-Mazloum", "Al-Ahmed").
    assume(entry.entity.kind != "place" or normalize(variant).split()[-1] not in RESOLVER.index.given_names())
    # An article added to a name none of whose spellings takes it, the Arabic ones among them,
    # names something else ("al-Rawad" is not Arwad, أرواد; borderlex.article_forms).
    assume(not (opens_with_article(normalize(variant)) and never_takes_article(entry.entity)))
    _assert_same(entry, variant)


@given(st.one_of(hostile_text, entries.map(lambda e: e.alias)))
def test_score_100_implies_equal_keys(query: str) -> None:
    for m in RESOLVER.candidates(query, limit=10):
        assert 0 <= m.score <= 100
        if m.score == 100:
            assert m.method in (Method.EXACT, Method.NORMALIZED)
            same_key = name_key(normalize(query)).joined == name_key(normalize(m.alias)).joined
            assert same_key or acronym_form(query) == acronym_form(m.alias)


@given(hostile_text)
def test_hostile_queries_never_raise(query: str) -> None:
    RESOLVER.resolve(query)
    RESOLVER.candidates(query)
    RESOLVER.explain(query)


@given(hostile_text)
def test_results_are_deterministic(query: str) -> None:
    first = [(m.id, m.score) for m in RESOLVER.candidates(query, limit=10)]
    assert first == [(m.id, m.score) for m in RESOLVER.candidates(query, limit=10)]


# -- tiers, kinds, designators, ambiguity -----------------------------------------


@pytest.mark.parametrize(
    ("query", "method"),
    [
        ("Albu Kamal", Method.EXACT),
        ("ALBU KAMAL", Method.NORMALIZED),
        ("Albukamaal", Method.NAME_KEY),
        ("Albuqmal", Method.FUZZY),
    ],
)
def test_tiers(query: str, method: Method) -> None:
    m = borderlex.resolve(query)
    assert m is not None and m.id == "place:al-bukamal" and m.method is method


def test_tier_scores_are_ordered() -> None:
    scores = [borderlex.resolve(q).score for q in ("Albu Kamal", "ALBU KAMAL", "Albukamaal", "Albuqmal")]
    assert scores[0] == scores[1] == 100 > scores[2] > scores[3]


@pytest.mark.parametrize(
    ("query", "entity_id"),
    [
        ("Homs province", "place:homs-governorate"),
        ("Homs", "place:homs"),
        ("Al-Qaim border crossing", "facility:al-qaim-border-crossing"),
        ("Al-Qaim", "place:al-qaim"),
        ("Deir ez-Zor governorate", "place:deir-ez-zor-governorate"),
        ("Deir ez-Zor", "place:deir-ez-zor"),
        ("Damascus city", "place:damascus"),
        ("Anbar province", "place:anbar-governorate"),
        ("Hamdan airport", "facility:hamdan-air-base"),
        ("محافظة حمص", "place:homs-governorate"),
    ],
)
def test_designators_steer(query: str, entity_id: str) -> None:
    assert borderlex.resolve(query).id == entity_id


@pytest.mark.parametrize(
    ("query", "entity_id"),
    [
        ("Homs Provinec", "place:homs-governorate"),
        ("Al-Qaim bordr crossing", "facility:al-qaim-border-crossing"),
        ("Deir ez-Zor Govermorate", "place:deir-ez-zor-governorate"),
        ("Hemrin Moountains", "place:hamrin-mountains"),
        ("Al-Tafuf Brigdae", "org:liwa-al-tafuf"),
        ("Popular Mobilisation Forcse", "org:popular-mobilization-forces"),
    ],
)
def test_typos_in_designators_and_form_words(query: str, entity_id: str) -> None:
    m = borderlex.resolve(query)
    assert m is not None and m.id == entity_id and m.method is Method.FUZZY


@pytest.mark.parametrize(
    ("query", "entity_id"),
    [
        ("the so-called Islamic State", "org:islamic-state"),
        ("self-styled Islamic State", "org:islamic-state"),
        ("Col. Christopher Garver", "person:christopher-garver"),
        ("the Islamic State group", "org:islamic-state"),
        ("تنظيم داعش", "org:islamic-state"),
    ],
)
def test_qualifiers_titles_and_descriptors_are_set_aside(query: str, entity_id: str) -> None:
    assert borderlex.resolve(query).id == entity_id


def test_kind_filter() -> None:
    assert borderlex.resolve("Al-Qaim", kind="facility") is None
    assert borderlex.resolve("Al-Qaim", kind="place").id == "place:al-qaim"
    assert borderlex.resolve("Al-Qaim crossing", kind="facility").id == "facility:al-qaim-border-crossing"
    with pytest.raises(ValueError, match="unknown kind"):
        borderlex.resolve("x", kind="planet")


def test_acronyms_keep_their_case() -> None:
    assert borderlex.resolve("IS").id == "org:islamic-state"
    assert borderlex.resolve("is") is None
    assert borderlex.resolve("N.S.A.").id == "org:new-syrian-army"


def test_weak_alias_resolves_but_says_so() -> None:
    m = borderlex.resolve("Saloum")
    assert m.id == "person:muzahem-al-saloum" and m.weak and m.score < 100


def test_candidates_lists_entities_best_first() -> None:
    found = borderlex.candidates("Albuqmal", limit=5)
    assert found[0].id == "place:al-bukamal"
    assert len({m.id for m in found}) == len(found)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert borderlex.candidates("Albuqmal", limit=1) == found[:1]


def test_explain_says_why() -> None:
    exp = borderlex.explain("Albuqmal")
    assert exp.match is not None and exp.match.id == "place:al-bukamal"
    assert [s.tier for s in exp.steps] == ["exact", "normalized", "name_key", "fuzzy"]
    assert "edit distance" in exp.reason
    text = str(exp)
    assert "albuqmal" in text and "place:al-bukamal" in text
    none = borderlex.explain("border crossing")
    assert none.match is None and "no name words" in none.reason
    assert borderlex.explain("Daesh").to_dict()["match"]["id"] == "org:islamic-state"


def test_long_queries_skip_the_fuzzy_tier() -> None:
    long_query = "Albuqmal " * (MAX_FUZZY_CHARS // 4)
    assert borderlex.resolve(long_query) is None
    assert borderlex.explain(long_query).steps[-1].note == "query too long"


def test_non_string_query_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        borderlex.resolve(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        borderlex.scan(b"Daesh")  # type: ignore[arg-type]


def test_remembered_answers_equal_fresh_ones() -> None:
    r = Resolver.from_tables()
    first = [r.resolve(v[0]) for v in VARIANTS]
    again = [r.resolve(v[0]) for v in VARIANTS]
    r.clear_cache()
    fresh = [r.resolve(v[0]) for v in VARIANTS]
    assert first == again == fresh


def test_resolve_many_equals_resolve() -> None:
    values = ["Albu Kamal", "nothing here", "Daesh", "Albu Kamal", "Homs province", ""]
    got = borderlex.resolve_many(iter(values))
    assert [m.id if m else None for m in got] == [
        (borderlex.resolve(v).id if borderlex.resolve(v) else None) for v in values
    ]


# -- sharing and pickling ----------------------------------------------------------


def test_resolver_pickles_as_a_small_reference(tmp_path) -> None:
    data = pickle.dumps(Resolver.default())
    assert len(data) < 200
    assert pickle.loads(data) is Resolver.default()
    table = tmp_path / "t.toml"
    table.write_text('[[entity]]\nid = "place:pickle-town"\nkind = "place"\nname = "Pickle Town"\nsources = ["t"]\n')
    r = Resolver.from_tables(table)
    data = pickle.dumps(r)
    assert len(data) < 500
    assert pickle.loads(data).resolve("Pickle Town").id == "place:pickle-town"


def test_shared_resolver_across_threads_gives_sequential_answers() -> None:
    queries = [v[0] for v in VARIANTS] + [n[0] for n in NEAR_MISSES]
    sequential = [(m.id, m.score) if (m := RESOLVER.resolve(q)) else None for q in queries]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda q: (m.id, m.score) if (m := RESOLVER.resolve(q)) else None, queries * 4))
    assert results == sequential * 4


def test_default_resolver_is_built_once_under_contention() -> None:
    saved = Resolver._default
    Resolver._default = None
    try:
        barrier = threading.Barrier(8)
        seen: list[Resolver] = []

        def get() -> None:
            barrier.wait()
            seen.append(Resolver.default())

        threads = [threading.Thread(target=get) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(seen) == 8 and all(r is seen[0] for r in seen)
    finally:
        Resolver._default = saved


def test_a_name_read_as_proclitic_and_article_takes_an_article() -> None:
    # "بالس" (Balis, Maskanah) starts like ب + ال; with an article before it, the
    # name after the article is read the same way (hypothesis found it, on Valletta).
    assert RESOLVER.resolve("بالس").id == "place:maskanah"
    assert RESOLVER.resolve("البالس").id == "place:maskanah"
    # A place abroad takes no article it lacks ("المشهد" is *the scene*, not Mashhad).
    assert RESOLVER.resolve("فاليتا").id == "place:valletta"
    assert RESOLVER.resolve("الفاليتا") is None


def test_a_given_name_never_fuzzily_names_a_place() -> None:
    # "Talal Amer" (a person) came within fuzzy reach of Tal Ammar (تل عمار);
    # a short name opening with a given name the tables know is a person's.
    assert RESOLVER.resolve("Talal Amer") is None
    # A designator makes it a place's name even so: the base is named after a person.
    assert RESOLVER.resolve("Muwaffaq Salti Air Base").id == "facility:muwaffaq-salti-air-base"


def test_cross_script_skeletons_agree_word_by_word() -> None:
    # "هيثم العلي" (Haitham al-Ali, hzm + l) joins to the skeleton of "Haitham
    # al-Maleh" (hzm + ml, the doubled m folded across the words): a different man.
    found = RESOLVER.resolve("هيثم العلي")
    assert found is None or found.id != "person:haitham-al-maleh", found
    # Words that agree letter for letter still meet across scripts.
    assert RESOLVER.resolve("هيثم المالح").id == "person:haitham-al-maleh"
    assert RESOLVER.resolve("ابو كمال").id == "place:al-bukamal"


def test_a_two_letter_arabic_word_is_not_a_particle() -> None:
    # A Latin two-letter word with a vowel is a split-off particle ("bu" of
    # "Albu Kamal"); an Arabic name's key has none ("ly", علي) and must agree.
    assert words_agree(name_key(normalize("عمر علي")), name_key(normalize("عمر علي"))) is True
    assert words_agree(name_key(normalize("هيثم العلي")), name_key(normalize("هيثم المالح"))) is False
    assert words_agree(name_key(normalize("Albu Kamal")), name_key(normalize("Kamal"))) is True


@pytest.mark.parametrize("query", ["Ministry of Defence", "Ministry of Defense", "Department of State"])
def test_a_country_acronym_is_a_word_not_a_typo(query: str) -> None:
    # "UK Ministry of Defence" has a word more, an acronym: a fuzzy match of the
    # bare "Ministry of Defence" would silently pick one country's ministry.
    found = borderlex.resolve(query)
    assert found is None or found.method is not Method.FUZZY, found


def test_a_prefix_or_an_arabic_facility_adjective_is_read_either_way() -> None:
    # "UN Security Council" is also the "United Nations Security Council"; "مطار
    # الموصل الدولي" (the international airport of Mosul) is also "مطار الموصل".
    adjectives = vocabulary().facility_adjectives
    prefixes = (("UN ", "United Nations "), ("US ", "United States "))
    checked = 0
    for e in RESOLVER.entities():
        for a in e.aliases:
            forms = [full + a[len(short) :] for short, full in prefixes if a.startswith(short)]
            words = a.split()
            if e.kind == "facility" and len(words) >= 3 and words[-1] in adjectives:
                forms.append(" ".join(words[:-1]))
            for form in forms:
                m = RESOLVER.resolve(form)
                assert m is not None and (m.id == e.id or e.id in m.alternatives), (a, form, m)
                checked += 1
    assert checked >= 20


def test_a_long_vowel_written_or_left_out_is_one_word() -> None:
    # Arabic spellings of foreign and Kurdish names write a long vowel or not
    # ("ترمب", "ترامب"): the words agree; a different vowel is a different word.
    assert words_agree(name_key(normalize("دونالد ترمب")), name_key(normalize("دونالد ترامب")))
    assert not words_agree(name_key(normalize("Hassan Kamil")), name_key(normalize("Hussein Kamil")))
    # The tables list "دونالد ترمب" itself now; "سيرغي لفروف" is not listed, "سيرغي لافروف" is.
    assert words_agree(name_key(normalize("سيرغي لفروف")), name_key(normalize("سيرغي لافروف")))
    match = borderlex.resolve("سيرغي لفروف")
    assert match is not None and match.id == "person:sergei-lavrov" and match.method is Method.FUZZY
