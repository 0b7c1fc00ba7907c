"""Classes of errors the twenty-eighth fresh-text audit and the corpus showed (session 23).

Each case stands for a class seen on real text nobody tuned for; the positive
cases failed on the code at the start of the session, the negative ones guard
the rule that mends them (docs/accuracy.md, "twenty-eighth round").
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scanned import ids, resolved
from strategies import arabic_stems

import borderlex
from borderlex.vocabulary import vocabulary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bare "Assad" in running text is Bashar al-Assad (every one of 119 in the corpus) ...
        ("The fall of Assad in December changed everything.", [("Assad", "person:bashar-al-assad")]),
        (
            "Pour Londres, Assad est responsable de l'attaque.",
            [("Londres", "place:london"), ("Assad", "person:bashar-al-assad")],
        ),
        # ... but not a word of a facility's name, nor the family.
        ("He was taken to the Assad Hospital in the capital on Monday.", []),
        ("the water level of Lake Assad has dropped sharply this year.", [("Lake Assad", "place:lake-assad")]),
        ("the Assad family fled to Moscow last year.", [("Moscow", "place:moscow")]),
        # A place's one word before a person's full name is its own mention ...
        (
            "a annoncé l'émissaire américain pour la Syrie Tom Barrack, deux jours après",
            [("Syrie", "place:syria"), ("Tom Barrack", "person:tom-barrack")],
        ),
        # ... but not before one more word: that is a given name ("Rania Khalek", a person of the
        # tables since session 37).
        (
            "Yazidi PMF fighters in Iraq (Photo: Rania Khalek)",
            [
                ("PMF", "org:popular-mobilization-forces"),
                ("Iraq", "place:iraq"),
                ("Rania Khalek", "person:rania-khalek"),
            ],
        ),
        # After an Arabic media word a quoted name is an outlet, not a place or a facility ...
        ("لصحيفة “تشرين” الحكومية", []),
        # (Al-Watan, the Syrian daily, is the outlet since its weak Arabic name was curated.)
        ("نقلت صحيفة الوطن", [("الوطن", "org:al-watan-syria")]),
        # ... while a name in brackets after a prison's is still the prison.
        (
            "في سجن الناصرية المركزي (الحوت)، يوم الأربعاء",
            [
                ("سجن الناصرية المركزي", "facility:nasiriyah-central-prison"),
                ("الحوت", "facility:nasiriyah-central-prison"),
            ],
        ),
        # Arabic puts a country after its institution, not before: "Iraq declared victory".
        ("وأعلن العراق النصر على تنظيم داعش في 2017", [("العراق", "place:iraq"), ("داعش", "org:islamic-state")]),
        ("the US Treasury said", [("US Treasury", "org:us-treasury")]),
        # A month's name in a date is no name, though the text names the Tishrin Dam (تشرين).
        (
            "أعيد تشغيل سد تشرين بعد توقفه في 20 من تشرين الأول الماضي",
            [("سد تشرين", "facility:tishrin-dam")],
        ),
        ("في تموز 2014 سيطر التنظيم", []),
        ("سد تشرين على نهر الفرات", [("سد تشرين", "facility:tishrin-dam"), ("نهر الفرات", "place:euphrates")]),
        # A leader's possessive vouches for the weak name of their party or bloc.
        (
            "Former prime minister Nouri al-Maliki’s State of Law won 33 seats",
            [("Nouri al-Maliki", "person:nouri-al-maliki"), ("State of Law", "org:state-of-law-coalition")],
        ),
        # A picture credit in square brackets, as in round ones, is the agency's ...
        (
            "Makeshift camp Rukban houses some 50,000 displaced Syrians [Getty] Officials said",
            [("Rukban", "facility:rukban-camp"), ("Getty", "org:getty-images")],
        ),
        # ... and "Getty" alone is anybody's surname.
        ("Getty said he would sell the painting", []),
        # A byline with the outlet after a slash credits the outlet.
        (
            "Syria\nليث الجنيدي / الأناضول\nأجرى وزير الدفاع",
            [("Syria", "place:syria"), ("الأناضول", "org:anadolu-agency")],
        ),
        # An Arabic family name with its article is the name without it.
        (
            "التقى جلال الطالباني وبافل الطالباني",
            [("جلال الطالباني", "person:jalal-talabani"), ("بافل الطالباني", "person:bafel-talabani")],
        ),
        # A country's adjective after the closing quote mark re-reads the name as that country's.
        (
            "ويعمل “كتائب حزب الله” في العراق، بينما تنتشر قوات “حزب الله” اللبناني في سوريا",
            [
                ("كتائب حزب الله", "org:kataib-hezbollah"),
                ("العراق", "place:iraq"),
                ("حزب الله", "org:hezbollah"),
                ("سوريا", "place:syria"),
            ],
        ),
        # A quote that closes inside an Arabic span set the name apart before the span's end ...
        (
            "عقدت “الإدارة الذاتية” لشمال شرقي سوريا اجتماعا",
            [("الإدارة الذاتية", "org:aanes"), ("سوريا", "place:syria")],
        ),
        # ... one that opens inside is a part of it.
        ("سيطرت القوات على سد “تشرين” قرب منبج", [("سد “تشرين", "facility:tishrin-dam"), ("منبج", "place:manbij")]),
        # "Old City" after a town's possessive, or before "of" and its name, is the town's old
        # quarter when the tables hold it ("Old Mosul"); alone, it is the one the text named so.
        (
            "Nineveh suggests turning Old City into a site. The minaret in Mosul’s Old City fell.",
            [
                ("Nineveh", "place:nineveh-governorate"),
                ("Old City", "place:old-mosul"),
                ("Mosul", "place:mosul"),
                ("Old City", "place:old-mosul"),
            ],
        ),
        ("fighting in the Old City of Mosul went on", [("Old City", "place:old-mosul"), ("Mosul", "place:mosul")]),
        ("the Old City of Jerusalem", [("Jerusalem", "place:jerusalem")]),
        ("They walked through the Old City at night.", []),
        # An organisation's weak name counts where the text names its parent organisation ...
        (
            "The United Nations said the Security Council would meet on Monday.",
            [("United Nations", "org:united-nations"), ("Security Council", "org:un-security-council")],
        ),
        # ... and not elsewhere: a country has its own security council too.
        ("The Security Council would meet on Monday.", []),
        # A quoted name between a facility's word and its adjectives: the adjectives are the name's.
        ("تفقد القائد قاعدة “التنف” العسكرية الواقعة", [("قاعدة “التنف” العسكرية", "facility:al-tanf-garrison")]),
    ],
)
def test_scan_classes_of_the_twenty_eighth_round(text: str, expected: list[tuple[str, str]]) -> None:
    assert ids(text) == expected


def test_a_subdistricts_name_is_not_its_towns() -> None:
    # GeoNames gives towns the names of their subdistricts ("ناحية القيارة", "Nahiyat al
    # Qayyarah"); the generator leaves them to the subdistrict (scripts/generate_places.py).
    assert resolved("ناحية القيارة") == "place:al-qayarra-subdistrict"
    assert resolved("القيارة") == "place:qayyarah"


_MONTHS = sorted(vocabulary().arabic_months)


@given(
    st.sampled_from(_MONTHS),
    st.integers(1, 31),
    st.sampled_from(["", "من "]),
    st.sampled_from(["الأول", "الثاني", "2019"]),
)
def test_a_month_in_a_date_names_nothing(month: str, day: int, of: str, after: str) -> None:
    """A month's name after a day's number, or before الأول/الثاني or a year,
    is a date, whatever place or facility shares the word."""
    for text in (f"وصل الوفد في {day} {of}{month} {after} إلى المدينة", f"في {month} {after} وصل الوفد"):
        found = borderlex.scan(text)
        assert not [m for m in found if month in m.text], (text, found)


@given(st.sampled_from("تثجحخدذرزسشصضطظعغقمنه"), arabic_stems, st.integers(1, 5))
def test_an_arabic_word_with_its_article_keeps_its_letters(first: str, stem: str, cut: int) -> None:
    """The article before a word is read off the word, never a second article
    from inside it: "الطالباني" is al- + "طالباني", however its letters fall
    (a first letter that is no proclitic, the rest from ``arabic_stems``, with
    "ال" inside the word at any place)."""
    rest = first + stem
    word = f"{rest[:cut]}ال{rest[cut:]}"
    assert borderlex.normalize(f"ال{word}") == "al " + borderlex.normalize(word)
