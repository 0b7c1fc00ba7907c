"""Classes of errors the twenty-fifth and twenty-sixth fresh-text audits showed (session 22).

Each case stands for a class seen on real text nobody tuned for; the positive
cases failed on the code at the start of the session, the negative ones guard
the rule that mends them (docs/accuracy.md, "twenty-fifth and twenty-sixth rounds").
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scanned import ids
from strategies import STRONG

import borderlex
from borderlex.index import AliasEntry
from borderlex.vocabulary import vocabulary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hard-wrapped text: one bare line break inside a name is a space ...
        ("said Nouri\nal-Maliki on Monday", [("Nouri\nal-Maliki", "person:nouri-al-maliki")]),
        ("قال نوري\nالمالكي إن الحكومة", [("نوري\nالمالكي", "person:nouri-al-maliki")]),
        ("حكومة إقليم\nكردستان العراق", [("حكومة إقليم\nكردستان العراق", "org:krg")]),
        # ... a blank line, or a line break beside a space (a heading's end), is not.
        ("Syria\n\nDamascus", [("Syria", "place:syria"), ("Damascus", "place:damascus")]),
        # After an indefinite article a designator is a part of the place, not the unit of that name.
        ("Rebels left a shattered district of Homs today.", [("Homs", "place:homs")]),
        ("dans un quartier d'Alep", [("Alep", "place:aleppo")]),
        ("in the district of Homs", [("Homs", "place:homs-district")]),
        # An institution's head, its link and an article before a place: the place is a word of
        # the institution's name, which the tables lack (whole name or nothing).
        ("the Central Bank of the Kurdistan Region said", []),
        ("forces of the Kurdistan Region", [("Kurdistan Region", "place:kurdistan-region")]),
        # A tribe's name as a bare surname: a title or a verb beside it does not say who ...
        ("Brig. Gen. Al-Dulaimi said there were no Syrian forces.", []),
        ("وقال اللواء الجبوري إن", []),
        # ... nor does a given name and the tribe's name without the middle name.
        ("حذر النائب عن محافظة الأنبار، محمد الكربولي، الحكومة", [("محافظة الأنبار", "place:anbar-governorate")]),
        # The full name earlier in the text does.
        (
            "Saadoun al-Dulaimi arrived. Later Dulaimi said",
            [("Saadoun al-Dulaimi", "person:saadoun-al-dulaimi"), ("Dulaimi", "person:saadoun-al-dulaimi")],
        ),
        ("وقال الحلبوسي إن", [("الحلبوسي", "person:mohammed-al-halbousi")]),
        # A given name of the tables by its key ("Kareem" is "Karim"): the bare surname after it
        # is the stranger's, not the tables' Jabbar al-Luaibi.
        (
            "The minister, Kareem Luaibi, said Baghdad would act. Later, Luaibi said it was time.",
            [("Baghdad", "place:baghdad")],
        ),
        # A byline's role word ends a run of capitals: the agency before it is named.
        (
            "Associated Press Writers Sameer N. Yacoub contributed.",
            [("Associated Press", "org:associated-press")],
        ),
        # An organisation's one-word name before a person's full name is its own mention.
        (
            "he told Reuters Mazloum Abdi was there",
            [("Reuters", "org:reuters"), ("Mazloum Abdi", "person:mazloum-abdi")],
        ),
        # "الكردستاني" is a nisba of belonging, as a nationality is: the name without it, after the
        # full name, is its short form (and alone, nobody's).
        (
            "أعلن الحزب الديمقراطي الكردستاني عودته إلى كركوك، وقال الحزب الديمقراطي إن",
            [
                ("الحزب الديمقراطي الكردستاني", "org:kdp"),
                ("كركوك", "place:kirkuk"),
                ("الحزب الديمقراطي", "org:kdp"),
            ],
        ),
        ("وقال الحزب الديمقراطي إن", []),
        # "سيول" is *floods* far more often than Seoul.
        ("وقد تسببت سيول الأمطار في قطع الطرق", []),
        ("Seoul and Tokyo", [("Seoul", "place:seoul"), ("Tokyo", "place:tokyo")]),
    ],
)
def test_scan_classes_of_the_twenty_fifth_round(text: str, expected: list[tuple[str, str]]) -> None:
    assert ids(text) == expected


_TRIBES = sorted(w for w in vocabulary().tribal_surnames if w.isascii())
_TITLES = sorted(
    w
    for w in ("gen", "general", "colonel", "minister", "sheikh", "mr", "president")
    if w in vocabulary().titles | vocabulary().offices
)


@given(st.sampled_from(_TITLES), st.sampled_from(_TRIBES), st.sampled_from(["al-", "Al-", ""]))
def test_a_title_before_a_tribes_name_names_nobody(title: str, tribe: str, article: str) -> None:
    """Thousands bear a tribe's name: a title and a verb of saying beside it
    alone never make it one person of the tables."""
    text = f"The {title.title()} {article}{tribe.title()} said the road was open."
    assert [m for m in borderlex.scan(text) if m.entity.kind == "person"] == []


# Latin names of people of two or three words, none a title or a lone initial.
_WRAPPED = [
    e
    for e in STRONG
    if e.entity.kind == "person"
    and e.alias.isascii()
    and 2 <= len(words := e.alias.split()) <= 3
    and all(len(w) > 2 and w[:1].isupper() for w in words)
]


@given(st.sampled_from(_WRAPPED), st.data())
def test_a_name_wrapped_at_any_space_is_found_whole(entry: AliasEntry, data: st.DataObject) -> None:
    """Hard-wrapped text: a person's name broken at any of its spaces by one
    line break is found as when it stands on one line."""
    text = f"Reporters said that {entry.alias} arrived on Monday."
    spaces = [
        i
        for i, ch in enumerate(text)
        if ch == " " and text.index(entry.alias) < i < text.index(entry.alias) + len(entry.alias)
    ]
    at = data.draw(st.sampled_from(spaces))
    wrapped = text[:at] + "\n" + text[at + 1 :]
    one_line = [(m.start, m.end, m.id) for m in borderlex.scan(text)]
    assert [(m.start, m.end, m.id) for m in borderlex.scan(wrapped)] == one_line
