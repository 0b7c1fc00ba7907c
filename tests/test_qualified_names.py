"""A name written with a qualifier: a country's adjective or name ("US
CENTCOM", "الحشد الشعبي العراقي") or an Arabic facility's adjective ("سجن
صيدنايا العسكري"); the qualifier must agree with what the rest names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import RESOLVER

import borderlex
from borderlex.qualified_names import STATE_INSTITUTIONS, country_named_after, qualifier_of
from borderlex.vocabulary import vocabulary

# Spellings from real text (the open-world corpus and the press), with what they name.
AGREEING = [
    ("U.S. CENTCOM", "org:us-centcom"),  # corpus en/030, a CENTCOM release
    ("US Department of Defense", "org:pentagon"),  # corpus en/026
    ("Turkish MIT", "org:mit"),
    ("Iraqi PMF", "org:popular-mobilization-forces"),
    ("الحشد الشعبي العراقي", "org:popular-mobilization-forces"),
    ("Syrian SDF", "org:syrian-democratic-forces"),
    ("سجن صيدنايا العسكري", "facility:sednaya-prison"),  # corpus ar, "the military prison"
    ("معبر القائم الحدودي", "facility:al-qaim-border-crossing"),  # "the border crossing"
    # A nationality after a facility says whose it is, not where: not checked.
    ("قاعدة حميميم الروسية", "facility:hmeimim-air-base"),
    # A nickname in quote marks inside a person's name (a CENTCOM release, 2022).
    ("Michael “Erik” Kurilla", "person:michael-kurilla"),
    # A state's institution with "of" and its own country's name.
    ("Counter Terrorism Service of Iraq", "org:counter-terrorism-service"),
]


@pytest.mark.parametrize(("query", "expected"), AGREEING)
def test_a_qualifier_that_agrees_finds_the_name(query: str, expected: str) -> None:
    match = borderlex.resolve(query)
    assert match is not None and match.id == expected
    assert match.score < 100  # not an alias as written
    assert "qualifier" in borderlex.explain(query).reason


@pytest.mark.parametrize(
    "query",
    [
        "Syrian Hezbollah",  # Hezbollah is Lebanese
        "Syrian Mosul",
        "Iraqi MIT",  # Turkey's intelligence service
        "الحشد الشعبي السوري",
        "Iran CENTCOM",
    ],
)
def test_a_qualifier_that_disagrees_names_nothing(query: str) -> None:
    assert borderlex.resolve(query) is None
    assert "disagrees" in str(borderlex.explain(query))


def test_which_words_qualify() -> None:
    # Only after a facility's designator is an Arabic adjective a facility's.
    assert qualifier_of("سجن صيدنايا العسكري") is not None
    assert qualifier_of("مجلس منبج العسكري") is None
    # An adjective of nationality, with the article and the feminine ending read off.
    found = qualifier_of("وزارة الدفاع السورية")
    assert found is not None and (found.rest, found.country) == ("وزارة الدفاع", "SY")
    # Before the name in English, after it in French.
    assert qualifier_of("Iraqi Army") == ("Army", "Iraqi", "IQ", False, False, False, False)
    assert qualifier_of("armée syrienne") == ("armée", "syrienne", "SY", False, False, False, False)
    # A nickname in quote marks inside a person's name.
    assert qualifier_of("Michael “Erik” Kurilla") == ("Michael Kurilla", "Erik", None, False, True, False, False)
    # Any other capitalised first word may be a country's name; the tiers look it up.
    assert qualifier_of("US CENTCOM") == ("CENTCOM", "US", None, False, False, False, False)
    # An Arabic organisation's head word ("movement", "channel") before its name.
    assert qualifier_of("حركة أحرار الشام") == ("أحرار الشام", "حركة", None, False, False, True, False)
    assert qualifier_of("حركة") is None
    assert qualifier_of("hezbollah") is None
    assert qualifier_of("Hezbollah") is None
    # A name with "of", "d'" … and a capitalised name that may be its country's (asked second).
    assert country_named_after("Counter Terrorism Service of Iraq") == (
        "Counter Terrorism Service",
        "Iraq",
        None,
        False,
        False,
        False,
        True,
    )
    assert country_named_after("Haute Commission électorale indépendante de l'Irak")[:2] == (
        "Haute Commission électorale indépendante",
        "Irak",
    )
    assert country_named_after("service of the state") is None


ADJECTIVES = sorted((word, code.upper()) for word, code in vocabulary().country_adjectives.items())
NAMED = sorted(
    {(a, e.id) for e in RESOLVER.entities() for a in e.aliases if e.kind in ("org", "facility") and e.country},
)


@given(st.sampled_from(ADJECTIVES), st.sampled_from(NAMED), st.booleans())
def test_a_name_found_through_a_qualifier_is_of_its_country(
    adjective: tuple[str, str], named: tuple[str, str], before: bool
) -> None:
    word, code = adjective
    alias, _ = named
    query = f"{word} {alias}" if before else f"{alias} {word}"
    explanation = RESOLVER.explain(query)
    through = [s for s in explanation.steps if s.tier == "qualified" and s.found]
    match = explanation.match
    if (
        through
        and match is not None
        and not any(s.found for s in explanation.steps if s.tier in ("exact", "normalized", "name_key"))
    ):
        assert match.entity.kind == "facility" or match.entity.country == code


COUNTRIES = sorted((e.name, e.country) for e in RESOLVER.entities() if e.type == "country" and e.country)
COUNTRY_NAME = {code: name for name, code in COUNTRIES}


@given(
    st.sampled_from(COUNTRIES),
    st.sampled_from(NAMED),
    st.booleans(),
    st.sampled_from(["of", "of the", "d'", "de"]),
)
def test_a_name_found_with_its_owner_is_that_countrys_institution(
    country: tuple[str, str], named: tuple[str, str], own: bool, link: str
) -> None:
    alias, eid = named
    name, code = country
    mine = RESOLVER.get(eid).country
    if own and mine in COUNTRY_NAME:  # half the time, the named entity's own country
        name, code = COUNTRY_NAME[mine], mine
    query = f"{alias} {link}{'' if link.endswith(chr(39)) else ' '}{name}"
    explanation = RESOLVER.explain(query)
    match = explanation.match
    if match is not None and "an institution of" in explanation.reason:
        assert match.entity.type in STATE_INSTITUTIONS and match.entity.country == code
