"""Classes of errors the thirty-second fresh-text audit and the corpus showed (session 25).

Each case stands for a class seen on real text nobody tuned for; the positive
cases failed on the code at the start of the session, the negative ones guard
the rule that mends them (docs/accuracy.md, "thirty-second round").
"""

from __future__ import annotations

import pytest
from scanned import ids, resolved


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weak one-word Arabic name that reads as "و" and a particle is "and that" ...
        (
            "سيطرت على المعبر الذي يربط راس العين بتركيا، وان عددًا كبيرًا من المقاتلين انسحبوا",
            [("راس العين", "place:ras-al-ayn"), ("تركيا", "place:turkey")],
        ),
        # ... unless a designator names it.
        ("زار مدينة وان التركية", [("وان", "place:van")]),
        # A place inside a quoted Arabic operation's name is part of it ...
        ('انطلقت عملية "غضب الفرات" لاستعادة الرقة', [("الرقة", "place:raqqa")]),
        # ... but a quotation that is the place's name alone stays a mention.
        ("بدأت معركة “الرقة” أمس", [("الرقة", "place:raqqa")]),
        # A three-letter family name after a verb of saying, once the full name is written ...
        (
            "الناطق باسم قوات سوريا الديمقراطية طلال سلو.\nوأكد سلو أنه تم النصر",
            [
                ("قوات سوريا الديمقراطية", "org:syrian-democratic-forces"),
                ("طلال سلو", "person:talal-silo"),
                ("سلو", "person:talal-silo"),
            ],
        ),
        # ... and not without one.
        ("قال طلال سلو. ومن سلو الحرب", [("طلال سلو", "person:talal-silo")]),
        # A place after "باب" names a gate or quarter ...
        ("الأحياء المحاصرة وهي باب هود وباب تدمر", []),
        # ... whose tabled names stay whole ...
        ("عبر معبر باب الهوى", [("معبر باب الهوى", "facility:bab-al-hawa-crossing")]),
        # ... and a dash in a quoted road's name parts its two ends.
        ("في افتتاح طريق “باب الهوى- حلب” الذي تشرف عليه", [("حلب", "place:aleppo")]),
        # Another side of the compass is another region: Western Ghouta is not Eastern Ghouta ...
        (
            "إلى بلدة حرجلة في الغوطة الغربية بريف دمشق",
            [("حرجلة", "place:harjaleh"), ("ريف دمشق", "place:rif-dimashq-governorate")],
        ),
        # ... while its own side is it.
        ("قصف على الغوطة الشرقية", [("الغوطة الشرقية", "place:eastern-ghouta")]),
        # A name's acronym right after it, in capitals, is its own mention ...
        (
            "This image provided by Shaam News Network SNN, taken on Tuesday",
            [("Shaam News Network", "org:shaam-news-network"), ("SNN", "org:shaam-news-network")],
        ),
        # ... and an acronym defined in brackets before a gloss names the same.
        (
            "Les frappes contre les Kataeb Hezbollah (KH, Brigades du Hezbollah). Les KH ont riposté",
            [
                ("Kataeb Hezbollah", "org:kataib-hezbollah"),
                ("KH", "org:kataib-hezbollah"),
                ("Brigades du Hezbollah", "org:kataib-hezbollah"),
                ("KH", "org:kataib-hezbollah"),
            ],
        ),
        # A longer organisation name with capitals stays whole.
        ("the UN Human Rights Council said", [("UN Human Rights Council", "org:un-human-rights-council")]),
        # "Mis à jour" after a byline, "ONG"/"NGO" before a name: words of the page, not of the name.
        (
            "Alep : les premières sorties\n    Par Georges Malbrunot Mis à jour le 15/12/2016",
            [("Alep", "place:aleppo"), ("Georges Malbrunot", "person:georges-malbrunot")],
        ),
        (
            "Le 3 juin, l'ONG Human Rights Watch accuse Damas",
            [("Human Rights Watch", "org:human-rights-watch"), ("Damas", "place:damascus")],
        ),
        # A quoted party name after the word for "party" (an adjective between) is the party ...
        (
            "le parti sunnite « Progrès », dirigé par Mohammed al-Halbousi",
            [("Progrès", "org:taqaddum"), ("Mohammed al-Halbousi", "person:mohammed-al-halbousi")],
        ),
        # ... and the quoted word alone is a word.
        ("le « Progrès » économique du pays", []),
        # Nubl's twin town, not the Aleppo quarter of the name ...
        (
            "les villes chiites de Nubl et Zahraa, assiégées par la rébellion",
            [("Nubl", "place:nubl"), ("Zahraa", "place:al-zahraa-nubl")],
        ),
        # ... which the quarter's designator still names.
        ("the Zahraa neighbourhood of Aleppo", [("Zahraa", "place:zahraa-aleppo"), ("Aleppo", "place:aleppo")]),
    ],
)
def test_scan_classes_of_the_thirty_second_round(text: str, expected: list[tuple[str, str]]) -> None:
    assert ids(text) == expected


def test_quote_marks_inside_a_query_are_not_part_of_the_name() -> None:
    assert resolved("قاعدة “التنف” العسكرية") == "facility:al-tanf-garrison"
    assert resolved("معبر “نصيب” الحدودي") == "facility:nasib-crossing"
    # A nickname keeps its quote marks' meaning.
    assert resolved("Michael “Erik” Kurilla") == "person:michael-kurilla"
    assert resolved("“”") is None


def test_abbreviated_words_of_a_name_are_read_in_full() -> None:
    assert resolved("British Broadcasting Corp.") == "org:bbc"
    assert resolved("Salvation Govt") == "org:syrian-salvation-government"
    # "Gov." is also "Governor", "Co-" a prefix: not read.
    assert resolved("Gov. Smith") is None
    assert resolved("UN Office for the Co-ordination of Humanitarian Affairs") == "org:ocha"
