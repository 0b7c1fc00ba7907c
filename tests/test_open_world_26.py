"""Classes of errors the development corpus and the fifty-third and later fresh-text audits
showed (docs/accuracy.md, "Session 32").

The positive cases fail without the rules (with the code of the start of session 32); the
negative ones and those marked as guards hold them.
"""

from __future__ import annotations

import pytest
from scanned import ids, resolved


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname two people of the text share goes to the one the tables give it bare: "Assad"
        # is Bashar's, though Maher was named last.
        (
            "Le régime de Bachar Al-Assad et son frère Maher Al-Assad ont assiégé la ville. "
            "Les forces d’Assad sont toujours en place.",
            [
                ("Bachar Al-Assad", "person:bashar-al-assad"),
                ("Maher Al-Assad", "person:maher-al-assad"),
                ("Assad", "person:bashar-al-assad"),
            ],
        ),
        # Guard: a surname no one holds bare still goes to the one named last.
        (
            "Nechirvan Barzani met Masrour Barzani. Barzani said the talks went well.",
            [
                ("Nechirvan Barzani", "person:nechirvan-barzani"),
                ("Masrour Barzani", "person:masrour-barzani"),
                ("Barzani", "person:masrour-barzani"),
            ],
        ),
        # Arabic words for "authority", "army" and "wife" stand with a person's bare surname as
        # "regime" does.
        ("محذّراً سلطة الأسد وأجهزتها الأمنية من أي تصعيد", [("الأسد", "person:bashar-al-assad")]),
        ("ضباطاً خدموا في جيش الأسد", [("الأسد", "person:bashar-al-assad")]),
        ("وتطال عقيلة الأسد وأقاربها", [("الأسد", "person:bashar-al-assad")]),
        # Guard: the word alone is still *the lion*.
        ("شاهد الأسد في حديقة الحيوان", []),
        # Two of the commonest given names are too many men's to be one whose family name takes
        # the article: "Mohamed Hassan" is not UNAMI's Mohamed Al Hassan, "Ali Omar" not Ali al-Omar.
        ("Le président du conseil, Mohamed Hassan, a déclaré", []),
        ("the rescuer Ali Omar said", []),
        # Guards: a rarer given name keeps the key ("Souheil Hassan" is Suheil al-Hassan) ...
        ("Le général Souheil Hassan a dirigé l'offensive", [("Souheil Hassan", "person:suheil-al-hassan")]),
        # ... and the name with its article is the man.
        ("the envoy Mohamed Al Hassan said", [("Mohamed Al Hassan", "person:mohamed-al-hassan")]),
        # A weak place followed by "in the middle of" (وسط), "in central" and the place it lies in.
        (
            "بنيران القوات الحكومية في ساحة التحرير وسط العاصمة بغداد.",
            [("ساحة التحرير", "place:tahrir-square-baghdad"), ("بغداد", "place:baghdad")],
        ),
        (
            "forces block access to Tahrir Square in central Baghdad",
            [("Tahrir Square", "place:tahrir-square-baghdad"), ("Baghdad", "place:baghdad")],
        ),
        # Guard: without its city, the square is still no one's (Cairo has one).
        ("forces block access to Tahrir Square on Friday", []),
        # An Arabic place with a number ending the line names something else: an outlet ("الرقة 24",
        # as "Syria 24", "Daraa 24"), a camp.
        (
            "واشنطن - الرقة 24\nأعلنت الأمم المتحدة",
            [("واشنطن", "place:washington"), ("الأمم المتحدة", "org:united-nations")],
        ),
        ("واشنطن - سورية 24\nأعلنت", [("واشنطن", "place:washington"), ("سورية 24", "org:syria-24")]),
        # Guard: a date after it leaves the place.
        ("وصل إلى دمشق 12 آب", [("دمشق", "place:damascus")]),
        # A city inside its namesake governorate is placed by what places the governorate: the
        # Kurdistan Region named in the text does not make "Souleimaniyeh" the province.
        (
            "Le Kurdistan irakien. Au nord de Souleimaniyeh, frontalière de l’Iran",
            [
                ("Kurdistan irakien", "place:kurdistan-region"),
                ("Souleimaniyeh", "place:sulaymaniyah"),
                ("Iran", "place:iran"),
            ],
        ),
        # Two spans that overlap and name the same one entity are one name: "قناة السومرية" and
        # "السومرية نيوز" make "قناة السومرية نيوز".
        ("في تصريح لـ”قناة السومرية نيوز” العراقية", [("قناة السومرية نيوز", "org:alsumaria")]),
        # A word for "tribe" before an Arabic place's name makes it the tribe's (the quarter Albu
        # Alwan is new in this session's tables: the start code found nothing here either) ...
        ("إضافة لسقوط 14 من أبناء عشيرة البوعلوان بين شهيد وجريح", []),
        # ... (guard) and a word for "family" after a Latin one leaves the place: a Mosul family.
        ("a Mosul family fled the city", [("Mosul", "place:mosul")]),
        # A lone tatweel between two towns is a dash: one crossing.
        (
            "إعادة فتح معبر القائم ـ البوكمال الحدودي بين العراق وسوريا",
            [
                ("معبر القائم ـ البوكمال الحدودي", "facility:al-qaim-border-crossing"),
                ("العراق", "place:iraq"),
                ("سوريا", "place:syria"),
            ],
        ),
        # "القائم بالأعمال" is the chargé d'affaires, not al-Qaim ...
        ("استدعى اليوم القائم بالأعمال التركي في بغداد", [("بغداد", "place:baghdad")]),
        # ... (guard) and al-Qaim is still al-Qaim.
        ("سيطرت القوات على القائم بالكامل", [("القائم", "place:al-qaim")]),
        # "Sarin", the nerve agent, is no village by a key of "Serrin" (now weak).
        (
            "the regime carried out the Sarin attack on Khan Sheikhoun",
            [("Khan Sheikhoun", "place:khan-shaykhun")],
        ),
        # Another country's adjective after an institution makes it that country's: the Italian
        # foreign ministry is not Iraq's, though the text is about Iraq.
        (
            "قالت الحكومة العراقية في بغداد. وأكدت وزارة الخارجية الإيطالية العقد",
            [("الحكومة العراقية", "org:iraqi-government"), ("بغداد", "place:baghdad")],
        ),
        # Guard: Iraq's own adjective.
        (
            "قالت الحكومة العراقية في بغداد. وأكدت وزارة الخارجية العراقية العقد",
            [
                ("الحكومة العراقية", "org:iraqi-government"),
                ("بغداد", "place:baghdad"),
                ("وزارة الخارجية العراقية", "org:iraqi-ministry-of-foreign-affairs"),
            ],
        ),
        # A weak place of more than one word whose city the text names anywhere is that city's:
        # "المنطقة الخضراء" (*the green area*) in a text about Baghdad is its Green Zone ...
        (
            "اقتحم المتظاهرون المنطقة الخضراء اليوم. وقالت مصادر في بغداد إن الوضع هادئ",
            [("المنطقة الخضراء", "place:green-zone"), ("بغداد", "place:baghdad")],
        ),
        # ... (guard) and without its city, no one's.
        ("اقتحم المتظاهرون المنطقة الخضراء اليوم.", []),
        # "PM", "FM", "MP" are offices before a name, and so vouch for a bare surname.
        ("the former PM al Maliki, as vox populi says", [("al Maliki", "person:nouri-al-maliki")]),
        ("FM Lavrov said on Monday", [("Lavrov", "person:sergei-lavrov")]),
        # Guards for this session's tables (the start code had no al-Qaa and no The National, so these
        # held without the rules): two letters name by spelling only, "Ce" (French *this*) is not
        # al-Qaa by the key "ka" ...
        ("Un nouveau fief perdu pour Daech. Ce mardi 17 octobre, le groupe", [("Daech", "org:islamic-state")]),
        # ... (guard) as spelled, they still do.
        ("Les US et l'UE ont salué", [("US", "place:united-states"), ("UE", "org:european-union")]),
        # Capitals before a name that name something only weakly ("National", of The National) are
        # the start of a longer name: "the National Salvation Government" is not the Salvation
        # Government by its last words.
        (
            "protested against Hayat Tahrir al-Sham and the National Salvation Government.",
            [("Hayat Tahrir al-Sham", "org:hayat-tahrir-al-sham")],
        ),
        # "a raconté à", "a annoncé à" attribute a quote to an outlet.
        ("a raconté à Sputnik.", [("Sputnik", "org:sputnik")]),
    ],
)
def test_session_32_classes(text: str, expected: list[tuple[str, str]]) -> None:
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Mohamed Hassan", None),
        ("Mohammad Hassan", None),
        ("Ali Omar", None),
        ("Souheil Hassan", "person:suheil-al-hassan"),
        ("Ammar Hakim", "person:ammar-al-hakim"),
        ("Mohamed Al Hassan", "person:mohamed-al-hassan"),
        ("Ce", None),
        ("US", "place:united-states"),
        ("محمد الحسان", "person:mohamed-al-hassan"),
    ],
)
def test_session_32_resolve(query: str, expected: str | None) -> None:
    assert resolved(query) == expected
