"""Time and place: as_of, lineages and the place hierarchy (issue 18).

Expected values were checked against the tables: data/aliases/orgs.toml
(dates and successors with their sources) and the parents in places.toml,
places-geonames.toml and facilities.toml.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import RESOLVER, as_of_values, dates, entity_ids

import borderlex
from borderlex import Resolver, UnknownEntityError
from borderlex.dates import date_range, first_day, parse_as_of
from borderlex.index import AliasEntry, Strength
from borderlex.tables import check

COUNTRIES = [e for e in RESOLVER.entities("place") if e.type == "country"]
SIG, CARETAKER = "org:syrian-interim-government", "org:syrian-caretaker-government"


def ids(entities: list[borderlex.Entity]) -> list[str]:
    return [e.id for e in entities]


# -- as_of -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2018-06", SIG),  # the opposition body, 2013-03-18 to 2025-01-30
        ("2025-02", CARETAKER),  # al-Bashir's government, 2024-12-08 to 2025-03-29
        (datetime.date(2018, 6, 15), SIG),
        (datetime.date(2025, 2, 1), CARETAKER),
        ("2025-03-01", CARETAKER),
    ],
)
def test_syrian_interim_government_by_date(as_of: object, expected: str) -> None:
    m = borderlex.resolve("Syrian interim government", as_of=as_of)
    assert m is not None and m.id == expected and not m.ambiguous


def test_without_a_date_the_shared_spelling_is_ambiguous_and_priority_decides() -> None:
    m = borderlex.resolve("Syrian interim government")
    assert m is not None and m.id == SIG and m.ambiguous and m.alternatives == (CARETAKER,)


def test_a_date_both_existed_leaves_the_tie_to_priority() -> None:
    m = borderlex.resolve("Syrian Interim Government", as_of="2024")  # both existed in December 2024
    assert m is not None and m.id == SIG and m.ambiguous


def test_explain_says_when_the_date_decided() -> None:
    reason = borderlex.explain("Syrian interim government", as_of="2025-02").reason
    assert "the date decided" in reason and SIG in reason and "2025-01-30" in reason
    assert "the date decided" not in borderlex.explain("Syrian interim government", as_of="2024").reason
    assert "the date decided" not in borderlex.explain("Albu Kamal", as_of="2018").reason


def test_a_name_still_denotes_its_entity_at_any_date() -> None:
    for when in ("2014", "2018-06", "2025-02-01"):
        m = borderlex.resolve("Jabhat Fateh al-Sham", as_of=when)
        assert m is not None and m.id == "org:jabhat-fatah-al-sham"


def test_candidates_put_the_entity_of_the_date_first() -> None:
    assert ids([m.entity for m in borderlex.candidates("Syrian Interim Government", as_of="2025-02")])[:2] == [
        CARETAKER,
        SIG,
    ]


def test_resolve_many_remembers_each_date_apart() -> None:
    r = Resolver.from_tables(Path(__file__).parent / "data" / "example_table.toml")
    for when, expected in (("2018-06", SIG), ("2025-02", CARETAKER), ("2018-06", SIG)):
        found = r.resolve_many(["Syrian interim government"] * 3, as_of=when)
        assert [m.id if m else None for m in found] == [expected] * 3


def test_scan_and_resolve_column_take_a_date() -> None:
    text = "The Syrian Interim Government met in Azaz."
    assert [m.id for m in borderlex.scan(text, as_of="2018-06", kinds=["org"])] == [SIG]
    assert [m.id for m in borderlex.scan(text, as_of="2025-02", kinds=["org"])] == [CARETAKER]
    frame = pd.DataFrame({"actor": ["Syrian interim government", "Nusra Front", None]})
    out = borderlex.resolve_column(frame, "actor", as_of="2025-02")
    assert out["actor_id"].tolist()[:2] == [CARETAKER, "org:jabhat-al-nusra"]


@pytest.mark.parametrize("bad", [2018, 2018.5, b"2018", ["2018"]])
def test_as_of_of_another_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="as_of"):
        borderlex.resolve("Daesh", as_of=bad)


@pytest.mark.parametrize("bad", ["", "June 2018", "2018/06", "2018-13", "2018-02-30", "18-06", "2018-6"])
def test_as_of_of_another_form_is_a_value_error(bad: str) -> None:
    with pytest.raises(ValueError, match="as_of"):
        borderlex.resolve_many(["Daesh"], as_of=bad)
    with pytest.raises(ValueError, match="as_of"):
        borderlex.current("org:islamic-state", as_of=bad)


def test_partial_dates_are_ranges() -> None:
    assert date_range("2016") == (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
    assert date_range("2024-02") == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    assert parse_as_of(datetime.datetime(2020, 5, 6, 7, 8)) == parse_as_of("2020-05-06")
    assert parse_as_of("2020-05") != parse_as_of("2020-05-01")


# -- lineage and current ---------------------------------------------------------


def test_lineage_of_the_nusra_line() -> None:
    expected = ["org:jabhat-al-nusra", "org:jabhat-fatah-al-sham", "org:hayat-tahrir-al-sham"]
    for member in expected:
        assert ids(borderlex.lineage(member)) == expected


def test_lineage_of_the_islamic_state() -> None:
    # Tawhid wal-Jihad → al-Qaeda in Iraq; AQI and the Mujahideen Shura Council merge into the ISI (2006).
    assert ids(borderlex.lineage("org:islamic-state-of-iraq")) == [
        "org:jamaat-al-tawhid-wal-jihad",
        "org:al-qaeda-in-iraq",
        "org:mujahideen-shura-council-iraq",
        "org:islamic-state-of-iraq",
        "org:islamic-state",
    ]


def test_a_merge_lists_every_predecessor_by_date() -> None:
    # The Interim (2013) and Salvation (2017) governments both became the caretaker government.
    assert ids(borderlex.lineage("org:syrian-transitional-government")) == [
        SIG,
        "org:syrian-salvation-government",
        CARETAKER,
        "org:syrian-transitional-government",
    ]
    # A branch of a merge does not hold the other branch.
    assert ids(borderlex.lineage(SIG)) == [SIG, CARETAKER, "org:syrian-transitional-government"]


def test_an_entity_without_links_is_its_own_lineage() -> None:
    assert ids(borderlex.lineage("place:al-bukamal")) == ["place:al-bukamal"]


@pytest.mark.parametrize(
    ("entity_id", "as_of", "expected"),
    [
        ("org:jabhat-al-nusra", "2018-06", "org:hayat-tahrir-al-sham"),
        ("org:jabhat-al-nusra", "2016-01", "org:jabhat-al-nusra"),  # JFS from 2016-07
        ("org:jabhat-al-nusra", "2016", "org:jabhat-fatah-al-sham"),  # by the end of 2016
        ("org:jabhat-al-nusra", None, "org:hayat-tahrir-al-sham"),
        ("org:al-qaeda-in-iraq", "2010", "org:islamic-state-of-iraq"),
        ("org:al-qaeda-in-iraq", "2015", "org:islamic-state"),
        ("org:is-wilayat-al-khayr", "2017", "org:is-wilayat-al-khayr"),
        ("org:is-wilayat-al-khayr", "2019", "org:is-wilayat-al-sham"),
        ("org:mahdi-army", "2005", "org:mahdi-army"),  # to 2008; Saraya al-Salam from 2014
        ("org:mahdi-army", "2010", "org:mahdi-army"),
        ("org:mahdi-army", "2015", "org:saraya-al-salam"),
        (SIG, "2025-02", CARETAKER),
        (SIG, "2025-06", "org:syrian-transitional-government"),
    ],
)
def test_current(entity_id: str, as_of: str | None, expected: str) -> None:
    assert borderlex.current(entity_id, as_of=as_of).id == expected


def test_current_never_goes_back() -> None:
    assert borderlex.current("org:hayat-tahrir-al-sham", as_of="2012").id == "org:hayat-tahrir-al-sham"


# -- the hierarchy -----------------------------------------------------------------


def test_ancestors_of_a_facility_end_with_its_country() -> None:
    assert ids(borderlex.ancestors("facility:al-qaim-border-crossing")) == [
        "place:al-qaim",
        "place:anbar-governorate",
        "place:iraq",
    ]


def test_ancestors_add_the_country_when_the_chain_stops_short() -> None:
    # Tower 22 is in Jordan, whose governorates the tables do not hold.
    assert ids(borderlex.ancestors("facility:tower-22")) == ["place:jordan"]
    assert borderlex.ancestors("place:syria") == []
    assert borderlex.ancestors("place:euphrates") == []  # a river of three countries


def test_within_and_children() -> None:
    assert borderlex.within("place:al-bukamal", "place:deir-ez-zor-governorate")
    assert borderlex.within("place:al-bukamal", "place:syria")
    assert not borderlex.within("place:al-bukamal", "place:iraq")
    assert not borderlex.within("place:syria", "place:syria")
    assert "place:al-bukamal" in ids(borderlex.children("place:deir-ez-zor-governorate"))
    assert "place:deir-ez-zor-governorate" in ids(borderlex.children("place:syria"))
    # the facilities whose parent is the town, in table order
    assert ids(borderlex.children("place:al-bukamal")) == ["facility:imam-ali-military-base", "facility:hamdan-air-base"]
    assert ids(borderlex.children("place:al-qaim")) == ["facility:al-qaim-border-crossing"]


@pytest.mark.parametrize("call", ["lineage", "current", "ancestors", "children"])
def test_unknown_ids_raise(call: str) -> None:
    with pytest.raises(UnknownEntityError):
        getattr(borderlex, call)("org:nope")
    with pytest.raises(LookupError):
        getattr(Resolver.default(), call)("place:atlantis")


def test_within_checks_both_ids() -> None:
    with pytest.raises(UnknownEntityError):
        borderlex.within("place:al-bukamal", "place:atlantis")
    with pytest.raises(UnknownEntityError):
        borderlex.within("place:atlantis", "place:syria")


# -- check ---------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "t.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_check_refuses_a_successor_dated_before_its_predecessor(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        '[[entity]]\nid = "org:x-old"\nkind = "org"\nname = "Xold Brigade"\nvalid_from = "2015-06"\n'
        'successor = "org:x-new"\n[[entity]]\nid = "org:x-mid"\nkind = "org"\nname = "Xmid Brigade"\n'
        'successor = "org:x-new"\nvalid_from = "2014"\n[[entity]]\nid = "org:x-new"\nkind = "org"\n'
        'name = "Xnew Brigade"\nvalid_from = "2015-03"\n',
    )
    problems = [str(e) for e in check([p])]
    # Partial dates are compared as far as both go: "2015" would not be before "2015-06".
    assert len(problems) == 1 and "org:x-old" in problems[0] and "begins (2015-03) before" in problems[0]


def test_check_passes_over_undated_successors(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        '[[entity]]\nid = "org:y-a"\nkind = "org"\nname = "Ya Brigade"\nvalid_from = "2016"\nsuccessor = "org:y-b"\n'
        '[[entity]]\nid = "org:y-b"\nkind = "org"\nname = "Yb Brigade"\nsuccessor = "org:y-c"\n'
        '[[entity]]\nid = "org:y-c"\nkind = "org"\nname = "Yc Brigade"\nvalid_from = "2012"\n',
    )
    assert ["org:y-a" in str(e) for e in check([p])] == [True]


def test_check_refuses_a_dangling_successor(tmp_path: Path) -> None:
    p = write(tmp_path, '[[entity]]\nid = "org:z"\nkind = "org"\nname = "Zed Brigade"\nsuccessor = "org:gone"\n')
    assert any("successor 'org:gone' is not a known id" in str(e) for e in check([p]))


def test_the_bundled_tables_pass() -> None:
    assert check() == []


# -- properties --------------------------------------------------------------------


@given(entity_ids)
def test_an_entity_is_never_its_own_ancestor(entity_id: str) -> None:
    up = ids(borderlex.ancestors(entity_id))
    assert entity_id not in up and len(set(up)) == len(up)
    assert not borderlex.within(entity_id, entity_id)


@given(entity_ids)
def test_the_nearest_ancestor_lists_the_entity_as_a_child(entity_id: str) -> None:
    up = borderlex.ancestors(entity_id)
    if up:
        assert entity_id in ids(borderlex.children(up[0].id))


@given(entity_ids, st.sampled_from(COUNTRIES))
def test_within_a_country_agrees_with_the_country_code(entity_id: str, country: borderlex.Entity) -> None:
    if entity_id != country.id:
        assert borderlex.within(entity_id, country.id) == (borderlex.get(entity_id).country == country.country)


@given(entity_ids)
def test_ancestors_end_with_the_country(entity_id: str) -> None:
    entity = borderlex.get(entity_id)
    up = borderlex.ancestors(entity_id)
    if entity.country is not None and entity.type != "country":
        assert up[-1].type == "country" and up[-1].country == entity.country


@given(entity_ids, as_of_values | st.none())
def test_current_is_idempotent(entity_id: str, as_of: object) -> None:
    now = borderlex.current(entity_id, as_of=as_of)
    assert borderlex.current(now.id, as_of=as_of) == now
    assert now in borderlex.lineage(entity_id)


@given(entity_ids)
def test_every_lineage_is_ordered_by_valid_from(entity_id: str) -> None:
    line = borderlex.lineage(entity_id)
    assert borderlex.get(entity_id) in line and len(set(ids(line))) == len(line)
    starts = [d for d in map(first_day, line) if d is not None]
    assert starts == sorted(starts)
    position = {e.id: i for i, e in enumerate(line)}
    for e in line:
        if e.successor in position:
            assert position[e.id] < position[e.successor]


# A weak spelling names nothing on its own (another entity may own it once
# folded: "Al-Alam" the channel and al-'Alam the town), so strong ones only.
ONLY_NAMES = [
    e
    for e in RESOLVER.index.entries
    if (hit := RESOLVER.index.exact_single(e.alias)) is not None and hit.strength is not Strength.WEAK
]


@given(st.sampled_from(ONLY_NAMES), dates)
def test_a_date_never_replaces_the_only_entity_a_spelling_names(entry: AliasEntry, when: datetime.date) -> None:
    undated = borderlex.resolve(entry.alias)
    dated = borderlex.resolve(entry.alias, as_of=when)
    assert undated is not None and dated is not None and dated.id == undated.id


# -- resolve_column(levels=...) -------------------------------------------------------

PLACES = ["Albu Kamal", "Hamdan airbase", None, "Atlantis", "Mosul", "Syria", "Euphrates", "Deir Ezzor province"]
# Checked against the parents in the tables: Hamdan air base → al-Bukamal →
# Deir ez-Zor Governorate → Syria; Mosul → Nineveh Governorate; the Euphrates has none.
LEVELS = [
    ("place:deir-ez-zor-governorate", "place:syria"),
    ("place:deir-ez-zor-governorate", "place:syria"),
    (None, None),
    (None, None),
    ("place:nineveh-governorate", "place:iraq"),
    (None, "place:syria"),
    (None, None),
    ("place:deir-ez-zor-governorate", "place:syria"),
]


def _pairs(governorates: list[object], countries: list[object]) -> list[tuple[object, object]]:
    """The two level columns as pairs, pandas' NaN read as a null."""
    return [tuple(None if pd.isna(v) else v for v in pair) for pair in zip(governorates, countries, strict=True)]


def test_levels_on_pandas_and_dask() -> None:
    import dask.dataframe as dd  # noqa: PLC0415 - only this test needs Dask

    frame = pd.DataFrame({"place": PLACES})
    out = borderlex.resolve_column(frame, "place", levels=("governorate", "country"))
    assert _pairs(out["place_governorate"].tolist(), out["place_country"].tolist()) == LEVELS
    lazy = borderlex.resolve_column(dd.from_pandas(frame, npartitions=3), "place", levels=["governorate", "country"])
    done = lazy.compute()
    assert _pairs(done["place_governorate"].tolist(), done["place_country"].tolist()) == LEVELS


def test_levels_on_polars() -> None:
    import polars as pl  # noqa: PLC0415

    out = borderlex.resolve_column(pl.DataFrame({"place": PLACES}), "place", levels=("governorate", "country"))
    assert _pairs(out["place_governorate"].to_list(), out["place_country"].to_list()) == LEVELS


def test_an_unknown_level_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="level 'province'"):
        borderlex.resolve_column(pd.DataFrame({"place": PLACES}), "place", levels=["province"])
