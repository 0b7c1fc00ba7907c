"""Classes of errors the forty-fifth fresh-text audit showed (docs/accuracy.md, "Session 30").

The positive cases fail without the rules (with the code of the start of session 30); the
negative ones and those marked as guards hold them.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scanned import ids, resolved

import borderlex
from borderlex.folding import normalize
from borderlex.model import Method
from borderlex.name_keys import name_key
from borderlex.vocabulary import vocabulary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A construct's head takes no article: "the district, before the entry of …" is not the
        # subdistrict ناحية الإمام ...
        ("غادرت الناحية أمام دخول القوات الاتحادية", []),
        # ... and "the city", or a word for a town before "and", is no designator of the name after
        # it: the Euphrates Dam and the Tabqa air base, not facilities ruled out after a town's word.
        ("سيطرت على المدينة وسد الفرات بعد اشتباكات", [("سد الفرات", "facility:tabqa-dam")]),
        (
            "سيطرت على المدينة ومطار الطبقة العسكري",
            [("مطار الطبقة العسكري", "facility:tabqa-air-base")],
        ),
        # Guard: right after a word for "town", a name is no facility's ("near the town of Hmeimim").
        ("قرب بلدة حميميم", []),
        # "حركة" before an umbrella of militias is *the movement of*, not part of a name.
        ("يحاول تقييد حركة الحشد وربطه برئاسة الوزراء", [("الحشد", "org:popular-mobilization-forces")]),
        # Guard: before a movement's own name it is the name's.
        ("قاتلت حركة أحرار الشام", [("حركة أحرار الشام", "org:ahrar-al-sham")]),
        # Told an outlet "that": "للجزيرة إن", though no verb of saying is among the four words before.
        (
            "وقال المتحدث باسم الهيئة العامة للثورة السورية هادي العبد الله للجزيرة إن عناصر حزب الله فشلوا",
            [
                ("الهيئة العامة للثورة السورية", "org:syrian-revolution-general-commission"),
                ("هادي العبد الله", "person:hadi-al-abdullah"),  # in the tables since session 31
                ("لجزيرة", "org:al-jazeera"),
                ("حزب الله", "org:hezbollah"),
            ],
        ),
        # Guard: the bare word elsewhere is no channel (*the island*, the Jazira region).
        ("وصلت القوات إلى الجزيرة", []),
        # A word that opens an operation's name, then "of": "Wrath of Khabur" is the campaign's ...
        ("launched on February 16, 2016 as “the wrath of Khabur”.", []),
        # ... (guards) not Arabic "غضب", *anger*: the referendum "angers Baghdad"; and the river
        # with its own word.
        ("استفتاء يثير غضب بغداد", [("بغداد", "place:baghdad")]),
        ("عبرت نهر الفرات", [("نهر الفرات", "place:euphrates")]),
        # A state's institution after its country's possessive is that country's, named as the
        # tables write it with the country's adjective ...
        (
            "Iraq's Ministry of Water Resources said",
            [("Iraq", "place:iraq"), ("Ministry of Water Resources", "org:iraqi-ministry-of-water-resources")],
        ),
        (
            "Turkey’s Defense Ministry said",
            [("Turkey", "place:turkey"), ("Defense Ministry", "org:turkish-ministry-of-national-defence")],
        ),
        (
            "Iraq’s Federal Court ruled",
            [("Iraq", "place:iraq"), ("Federal Court", "org:iraqi-federal-supreme-court")],
        ),
        # ... a title is no institution, and another country's possessive names none of Iraq's.
        (
            "Iraq's Prime Minister Mohammed Shia al-Sudani said",
            [("Iraq", "place:iraq"), ("Mohammed Shia al-Sudani", "person:mohammed-shia-al-sudani")],
        ),
        ("Jordan's Ministry of Oil said", [("Jordan", "place:jordan")]),
        # A dateline is a town's, but not a town's by a weak name against the province's own:
        # "Salah al-Din (Iraq)" is the province, not Pirmam (a resort that shares Saladin's name) ...
        (
            "صلاح الدين (العراق)- قال قيادي في قوات الحشد الشعبي",
            [
                ("صلاح الدين", "place:saladin-governorate"),
                ("العراق", "place:iraq"),
                ("قوات الحشد الشعبي", "org:popular-mobilization-forces"),
            ],
        ),
        # ... while a city's name keeps its dateline (guard).
        (
            "SULAIMANIYAH, Kurdistan region — In a major escalation",
            [("SULAIMANIYAH", "place:sulaymaniyah"), ("Kurdistan region", "place:kurdistan-region")],
        ),
    ],
)
def test_scan_classes_of_session_30(text: str, expected: list[tuple[str, str]]) -> None:
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # A name joined to "al-Din" as one word keys as the two words (the fuzzy tier found these
        # before: see the test below) ...
        ("Najm Eddine Karim", "person:najmaldin-karim"),
        ("Najmouddine Karim", "person:najmaldin-karim"),
        # ... and the three "Salah al-Din"s keep their own spellings (guards).
        ("Salaheddine", "place:salaheddine-aleppo"),
        ("Salahaddin", "place:saladin-governorate"),
    ],
)
def test_resolve_classes_of_session_30(query: str, expected: str | None) -> None:
    assert resolved(query) == expected


def test_a_name_joined_to_al_din_is_no_guess() -> None:
    found = borderlex.resolve("Najmeddine Karim")
    assert found is not None and found.id == "person:najmaldin-karim" and found.method is not Method.FUZZY


@given(
    # "Ez", "Iz" alone are also articles ("Ez al-Din" would be "ez-" and "al-Din"): joined only.
    head=st.sampled_from(sorted(vocabulary().din_compounds - vocabulary().articles)),
    join=st.sampled_from(["aldin", "eldin", "addin", "eddin", "eddine", "uddin", "iddin", "oudine", "edine", "din"]),
)
def test_a_din_compound_keys_as_its_two_words(head: str, join: str) -> None:
    assert name_key(normalize(head + join)).tokens == name_key(normalize(f"{head} al-Din")).tokens


@pytest.mark.parametrize("word", ["Baradin", "Sardine", "Mayadin", "Saladin"])
def test_words_that_only_end_like_din_are_not_split(word: str) -> None:
    assert len(name_key(normalize(word)).tokens) == 1
