"""Cells: the structure of a value taken from an event-data column.

Event datasets (ACLED, UCDP, GDELT, GTD, OCHA, Airwars) write names with a
structure around them: ``QSD: Syrian Democratic Forces``, ``Military Forces
of Iran (1989-) Islamic Revolutionary Guard Corps``, ``Abu Kamal, Dayr az
Zawr, Syria``.  :func:`read_cell` reads that structure, resolves the parts
and checks that they agree; it refuses (``match=None``) whenever they do not.
The rules, tried in order (see docs/cookbook/datasets.md):

``generic``
    a generic actor (``Protesters (Iraq)``, ``Unidentified Armed Group
    (Syria)``, ``Militia (Pro-Iran)``) never names an entity;
``two-actors``
    ``A and/or B``, ``A & B``, a UCDP dyad ``Government of Iraq - IS``, or two
    names that are not one inside the other: never one id;
``forces``
    ``Military|Police Forces of <Country> (<from>-<to>) [<unit>]``: the unit
    when it is bundled and of that country, else the country's forces; the
    years are the date (as ``as_of``) unless the caller gave one;
``acronym``
    ``ACR: Name``: the name's entity; the acronym must name it too, or
    nothing;
``unit``
    ``Name - Unit``: the unit when it is bundled and inside the named
    entity, else the named entity;
``qualifier``
    ``Name (Q)``: Q may be years, a country or place containing the entity,
    an acronym or another name of the same entity, or ``pro-``/``anti-``;
``place-path``
    ``Town, Province, Country`` (any script, any number of parts): the first
    part, with every other part naming it or something containing it;
``near`` / ``led`` / ``designator``
    ``Near X``; ``X-led``, ``X-backed``; ``X Gov.``, ``X Dist.``.

Parts are resolved with the resolver itself (so they may have structure of
their own) and every answer goes through the resolver's memo.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

import attrs

from .dates import Period, date_range, valid_during
from .model import Entity, Match, Method
from .normalization import has_arabic_script, name_key, normalize

__all__ = ["CellLookups", "CellPart", "CellReading", "read_cell"]


@attrs.frozen(slots=True)
class CellLookups:
    """What reading a cell needs from a resolver (given as functions, so this
    module does not import the resolver): ``resolve`` a part, with the rules
    and the memo; ``rank`` a text without the rules; ``get`` and ``ancestors``
    of an entity."""

    resolve: Callable[[str, str | None, Period | None], Match | None]
    rank: Callable[[str, str | None, Period | None], list[Match]]
    get: Callable[[str], Entity]
    ancestors: Callable[[str], list[Entity]]


@attrs.frozen(slots=True)
class CellPart:
    """One part of a cell, what it resolved to, and its role."""

    text: str
    role: str
    id: str | None

    def __str__(self) -> str:
        return f"{self.role} {self.text!r} -> {self.id or 'nothing'}"


@attrs.frozen(slots=True)
class CellReading:
    """How a cell was read: the rule, its parts, the answer and why."""

    rule: str
    parts: tuple[CellPart, ...]
    match: Match | None
    reason: str

    def to_dict(self) -> dict[str, object]:
        """A plain dict (JSON-ready)."""
        return {
            "rule": self.rule,
            "parts": [attrs.asdict(p) for p in self.parts],
            "match": self.match.id if self.match else None,
            "reason": self.reason,
        }


# Words of ACLED's and GTD's generic actor names: a name made only of them
# (a qualifier aside) names a kind of actor, not an entity.
_GENERIC = frozenset(
    re.findall(
        r"\S+",
        """unidentified unknown armed group groups gang gangs militia militias islamist tribal communal ethnic clan
    protesters protestors rioters civilians civilian opposition rebels rebel insurgents insurgent mutiny
    of military police forces force private security prisoners refugees idps displaced journalists health
    workers students teachers labour labor women children government pro anti sectarian local political
    party supporters gunmen jihadists jihadist assailants attackers individuals persons fighters smugglers
    the and or militants militant soldiers troops""",
    )
)

_YEARS = re.compile(r"\(?\s*(\d{4})\s*[-–]\s*(\d{4})?\s*\)?")
_FORCES = re.compile(
    r"(?P<what>Military|Police) Forces of (?:the )?(?P<country>[^()]+?)\s*"
    r"\((?P<start>\d{4})\s*[-–]\s*(?P<end>\d{4})?\)\s*(?P<unit>.*)",
    re.IGNORECASE,
)
# An acronym before a colon: letters and digits, perhaps with '-' or '/', no spaces.
_ACRONYM = re.compile(r"(?P<acr>[^\s:,()]{2,12}):\s+(?P<name>\S.*)")
_QUALIFIED = re.compile(r"(?P<name>.+?)\s*\((?P<q>[^()]+)\)")
_NEAR = re.compile(r"(?:near|outskirts of|vicinity of)\s+(?P<x>\S.*)", re.IGNORECASE)
_LED = re.compile(r"(?P<x>.+?)[-\s](?:led|backed|affiliated|aligned|linked|controlled|held)", re.IGNORECASE)
_DESIGNATOR_ABBREVIATIONS = {
    "gov.": "Governorate",
    "gov": "Governorate",
    "dist.": "District",
    "prov.": "Province",
    "subdist.": "Sub-district",
    "sub-dist.": "Sub-district",
}
_TWO = re.compile(r"\s+(?:and/or|&|and|vs\.?|versus)\s+|\s*/\s*", re.IGNORECASE)
_DASH = re.compile(r"\s+[-–—]\s+")
# What marks a cell as having structure at all; a value without any is a plain name.
_MARKERS = re.compile(
    r"[,:()/&]|\s[-–—]\s|^(?:near|outskirts of|vicinity of)\s"
    r"|\w-(?:led|backed|affiliated|aligned|linked|controlled|held)$"
    r"|\s(?:gov|gov\.|dist\.|prov\.|subdist\.|sub-dist\.)$|forces of|\sand/or\s",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", normalize(text).replace("-", " "))


def _same_name(place: Entity, governorate: Entity) -> bool:
    """Whether the governorate is named after the place ("Latakia" and "Latakia Governorate")."""
    return name_key(normalize(place.name)).joined == name_key(normalize(governorate.name)).joined


def _generic(text: str) -> bool:
    words = _words(text)
    return bool(words) and all(w in _GENERIC for w in words)


class _Reader:
    """Reads one cell with a resolver; the resolver memoizes every part."""

    def __init__(self, lookups: CellLookups, kind: str | None, period: Period | None) -> None:
        self.r = lookups
        self.kind = kind
        self.period = period
        self.cell = ""

    # -- helpers -----------------------------------------------------------

    def one(self, text: str, kind: str | None = None, period: Period | None = None) -> Match | None:
        return self.r.resolve(text.strip(), kind, period if period is not None else self.period)

    def plain(self, text: str) -> Match | None:
        """``text`` resolved without the cell rules (for the whole cell itself)."""
        ranked = self.r.rank(text, self.kind, self.period)
        return ranked[0] if ranked else None

    def names(self, text: str, kind: str | None = None) -> set[str]:
        """Every entity ``text`` may name (the winner and the rivals it tied
        with), and what it names read as a governorate or a district."""
        out: set[str] = set()
        for form in (text, f"{text} Governorate", f"{text} District"):
            m = self.one(form, kind)
            if m is not None and (form == text or m.method is not Method.FUZZY):
                out.add(m.id)
                out.update(m.alternatives)
        # A governorate named after its capital ("Al Ladhiqiyah" in "Jableh,
        # Al Ladhiqiyah, Syria"): the capital's name names the governorate too.
        for found in list(out):
            entity = self.r.get(found)
            parent = self.r.get(entity.parent) if entity.parent else None
            if parent is not None and parent.type == "governorate" and _same_name(entity, parent):
                out.add(parent.id)
        return out

    def up(self, entity_id: str) -> set[str]:
        return {entity_id, *(e.id for e in self.r.ancestors(entity_id))}

    def country_of(self, text: str) -> Entity | None:
        m = self.one(text, "place")
        if m is not None and m.entity.type == "country":
            return m.entity
        return None

    def done(self, rule: str, parts: Iterable[CellPart], match: Match | None, reason: str) -> CellReading:
        if match is not None and self.kind is not None and match.entity.kind != self.kind:
            match, reason = None, f"{reason}; but it is not a {self.kind}"
        if match is not None:
            match = attrs.evolve(match, query=self.cell)  # the answer is the cell's, as for any query
        return CellReading(rule, tuple(parts), match, reason)

    # -- rules -------------------------------------------------------------

    def read(self, cell: str) -> CellReading | None:
        self.cell = cell
        text = " ".join(cell.split())
        if not _MARKERS.search(text):
            return None
        for rule in (
            self.generic,
            self.forces,
            self.two_actors,
            self.acronym,
            self.unit,
            self.qualifier,
            self.place_path,
            self.near,
            self.led,
            self.designator,
        ):
            found = rule(text)
            if found is not None:
                return found
        return None

    def generic(self, text: str) -> CellReading | None:
        m = _QUALIFIED.fullmatch(text)
        head = m.group("name") if m else text
        if _FORCES.fullmatch(text) or not _generic(head):
            return None
        return self.done("generic", [CellPart(head, "generic actor", None)], None, "a generic actor names no entity")

    def forces(self, text: str) -> CellReading | None:
        m = _FORCES.fullmatch(text)
        if m is None:
            return None
        what = m.group("what").capitalize()
        country = self.country_of(m.group("country"))
        parts = [CellPart(m.group("country"), "country", country.id if country else None)]
        if country is None:
            return self.done("forces", parts, None, f"{m.group('country')!r} is not a bundled country")
        period = self.period or _years(m.group("start"), m.group("end"))
        base = self.one(f"{what} Forces of {m.group('country')}", "org", period)
        if base is not None and (
            base.method is Method.FUZZY
            or base.entity.country != country.country
            or not valid_during(base.entity, period)
        ):
            base = None  # not these forces, or not at that date ("Military Forces of Syria (2024-)")
        parts.append(CellPart(f"{what} Forces of {m.group('country')}", "forces", base.id if base else None))
        unit_text = m.group("unit").strip()
        if unit_text:
            unit = next(filter(None, (self.one(t, "org", period) for t in _unit_forms(unit_text, country))), None)
            parts.append(CellPart(unit_text, "unit", unit.id if unit else None))
            if unit is not None:
                ok = unit.entity.country in (None, country.country) or (
                    base is not None and base.id in self.up(unit.id)
                )
                if not ok:
                    return self.done("forces", parts, None, f"the unit {unit.id} is not of {country.name}")
                return self.done("forces", parts, unit, f"the unit, of {country.name}'s forces")
        if base is None:
            return self.done("forces", parts, None, f"no bundled {what.lower()} forces of {country.name}")
        why = f"{country.name}'s {what.lower()} forces as of {period}"
        return self.done("forces", parts, base, why + ("; the unit is not bundled" if unit_text else ""))

    def two_actors(self, text: str) -> CellReading | None:
        pieces = _TWO.split(text)
        if len(pieces) < 2 or any(not p.strip() for p in pieces):
            return None
        if "and/or" not in text.lower():
            # A name with "and" in it ("… of Iraq and the Levant (ISIL)") is one actor.
            m = _QUALIFIED.fullmatch(text)
            whole = self.one(m.group("name")) if m else self.plain(text)
            if whole is not None and whole.method is not Method.FUZZY:
                return None
        found = [self.one(p) for p in pieces]
        parts = [CellPart(p, "actor", f.id if f else None) for p, f in zip(pieces, found, strict=True)]
        if "and/or" in text.lower() or len({f.id for f in found if f is not None}) >= 2:
            return self.done("two-actors", parts, None, "the cell names two actors: never one id")
        return None

    def acronym(self, text: str) -> CellReading | None:
        m = _ACRONYM.fullmatch(text)
        if m is None or not any(c.isupper() for c in m.group("acr")):
            return None
        acr, name = m.group("acr"), m.group("name")
        named = self.one(name)
        by_acr = self.one(acr)
        parts = [
            CellPart(acr, "acronym", by_acr.id if by_acr else None),
            CellPart(name, "name", named.id if named else None),
        ]
        if named is None:
            return self.done("acronym", parts, None, "the name after the acronym is not bundled")
        if by_acr is not None and by_acr.id != named.id and named.id not in by_acr.alternatives:
            return self.done("acronym", parts, None, f"the acronym names {by_acr.id}, the name {named.id}")
        agree = "the acronym names it too" if by_acr is not None else "the acronym is not in the tables"
        return self.done("acronym", parts, named, f"the name after {acr!r}; {agree}")

    def unit(self, text: str) -> CellReading | None:
        pieces = _DASH.split(text)
        if len(pieces) != 2:
            return None
        head, tail = pieces
        if re.match(r"government of\b", head, re.IGNORECASE):
            return self.done(
                "two-actors",
                [CellPart(head, "side A", None), CellPart(tail, "side B", None)],
                None,
                "a dyad (government - opponent) names two actors: never one id",
            )
        parent = self.one(head)
        sub = self.one(tail)
        parts = [CellPart(head, "name", parent.id if parent else None), CellPart(tail, "unit", sub.id if sub else None)]
        if parent is None:
            return self.done("unit", parts, None, "the name before the dash is not bundled")
        if sub is None or (sub.method is Method.FUZZY and parent.id not in self.up(sub.id)):
            return self.done("unit", parts, parent, "the unit is not bundled: the name before the dash")
        if sub.id == parent.id or parent.id in self.up(sub.id):
            return self.done("unit", parts, sub, f"the unit, inside {parent.id}")
        return self.done("two-actors", parts, None, f"{sub.id} is not inside {parent.id}: two actors, never one id")

    def qualifier(self, text: str) -> CellReading | None:
        m = _QUALIFIED.fullmatch(text)
        if m is None:
            return None
        name, q = m.group("name"), m.group("q").strip()
        years = _YEARS.fullmatch(q)
        period = self.period or (_years(years.group(1), years.group(2)) if years else None)
        named = self.one(name, None, period)
        parts = [CellPart(name, "name", named.id if named else None)]
        if named is None:
            return self.done("qualifier", parts, None, "the name before the brackets is not bundled")
        if years:
            parts.append(CellPart(q, "years", None))
            return self.done("qualifier", parts, named, f"the name, as of {period}")
        if re.match(r"(pro|anti)[-\s]", q, re.IGNORECASE):
            parts.append(CellPart(q, "allegiance", None))
            return self.done("qualifier", parts, named, "the name; the allegiance in brackets is not checked")
        country = self.country_of(q)
        if country is not None:
            parts.append(CellPart(q, "country", country.id))
            inside = named.id == country.id or country.id in self.up(named.id)
            if named.entity.kind == "place" and not inside:
                return self.done("qualifier", parts, None, f"{named.id} is not in {country.name}")
            if named.entity.kind != "place" and named.entity.country not in (None, country.country):
                return self.done("qualifier", parts, None, f"{named.id} is not of {country.name}")
            return self.done("qualifier", parts, named, f"the name, of {country.name}")
        other = self.names(q)
        parts.append(CellPart(q, "qualifier", ", ".join(sorted(other)) or None))
        if named.id in other or other & self.up(named.id):
            return self.done("qualifier", parts, named, "the qualifier names the same entity or what contains it")
        if not other and q.replace("-", "").replace(".", "").isupper():
            return self.done("qualifier", parts, named, "the name; its acronym in brackets is not in the tables")
        return self.done("qualifier", parts, None, "the qualifier does not agree with the name")

    def place_path(self, text: str) -> CellReading | None:
        pieces = [p.strip() for p in text.split(",")]
        if len(pieces) < 2:
            return None
        if any(not p for p in pieces):
            return self.done("place-path", [], None, "an empty part")
        first = pieces[0]
        near = _NEAR.fullmatch(first)
        if near is not None:
            first = near.group("x")
        head = self.one(first)
        # "الشدادي, Al Shaddadi, …" (Airwars): one name in two scripts; either may be the bundled spelling.
        two_scripts = len(pieces) > 2 and has_arabic_script(pieces[0]) and not has_arabic_script(pieces[1])
        if head is None and two_scripts and near is None:
            first, head = pieces[1], self.one(pieces[1])
        parts = [CellPart(first, "most specific", head.id if head else None)]
        if head is None or head.entity.kind not in ("place", "facility"):
            rest = [CellPart(p, "part", None) for p in pieces[1:]]
            why = "the most specific part is not a bundled place"
            return self.done("place-path", parts + rest, None, why)
        up = self.up(head.id)
        for i, piece in enumerate(pieces[1:], start=1):
            named = self.names(piece)
            parts.append(CellPart(piece, "part", ", ".join(sorted(named)) or None))
            if named & up:
                continue
            # "معرة مصرين, Ma'arat Misreen, …": the same name in two scripts.
            if i == 1 and two_scripts and (not named or head.id in named):
                continue
            if named and any(self._same_governorate(n, up) for n in named):
                continue  # a district: the tables place towns in governorates, not districts
            return self.done("place-path", parts, None, f"{piece!r} does not contain {head.id}")
        return self.done("place-path", parts, head, "the most specific part; every other part contains it")

    def _same_governorate(self, other_id: str, up: set[str]) -> bool:
        other = self.r.get(other_id)
        if other.type not in ("district", "subdistrict"):
            return False
        return bool({a.id for a in self.r.ancestors(other_id) if a.type == "governorate"} & up)

    def near(self, text: str) -> CellReading | None:
        m = _NEAR.fullmatch(text)
        if m is None:
            return None
        found = self.one(m.group("x"))
        return self.done(
            "near", [CellPart(m.group("x"), "place", found.id if found else None)], found, "the place it is near"
        )

    def led(self, text: str) -> CellReading | None:
        m = _LED.fullmatch(text)
        if m is None:
            return None
        found = self.one(m.group("x"))
        return self.done(
            "led",
            [CellPart(m.group("x"), "leader", found.id if found else None)],
            found,
            "the actor that leads or backs",
        )

    def designator(self, text: str) -> CellReading | None:
        words = text.split()
        if len(words) < 2:
            return None
        full = _DESIGNATOR_ABBREVIATIONS.get(words[-1].lower())
        if full is None:
            return None
        form = " ".join([*words[:-1], full])
        found = self.one(form)
        if found is not None and found.entity.kind != "place":
            found = None
        return self.done(
            "designator", [CellPart(form, "place", found.id if found else None)], found, f"read as {form!r}"
        )


def _years(start: str, end: str | None) -> Period:
    """The day ``(start-end)`` stands for: the middle of the range (an open
    end runs to today), so the forces of that period win over those that
    came before or after and only touch its ends ("(2000-2024)" is 2012,
    "(2024-)" is some day after the turn of 2024 and 2025)."""
    first = date_range(start)[0]
    last = date_range(end)[1] if end else dt.date.today()
    middle = first + (max(last, first) - first) / 2
    return Period(middle, middle, f"{start}-{end or ''}")


#: The adjective a country's units are named with ("Military Intelligence" of
#: Syria is "Syrian Military Intelligence"), for the countries whose forces
#: event data names.
_ADJECTIVES = {
    "SY": "Syrian",
    "IQ": "Iraqi",
    "IR": "Iranian",
    "TR": "Turkish",
    "RU": "Russian",
    "IL": "Israeli",
    "US": "US",
    "JO": "Jordanian",
    "LB": "Lebanese",
}
_FORM_WORD = re.compile(r"\s+(?:force|forces|command|unit)$", re.IGNORECASE)


def _unit_forms(unit: str, country: Entity) -> list[str]:
    """A unit as the cell writes it, then with its country's adjective, then
    without a trailing form word ("Basij Force" is the Basij)."""
    forms = [unit]
    adjective = _ADJECTIVES.get(country.country or "")
    if adjective and not unit.lower().startswith(adjective.lower()):
        forms.append(f"{adjective} {unit}")
    bare = _FORM_WORD.sub("", unit)
    if bare != unit and bare:
        forms.append(bare)
    return forms


def read_cell(
    lookups: Callable[[], CellLookups], cell: str, kind: str | None, period: Period | None, plain: Match | None
) -> CellReading | None:
    """How ``cell`` reads as a dataset cell, or ``None`` when it is a plain
    name: one without structure, or one that is an alias as written or
    normalized, or whole by name key (``plain``, the resolver's answer, then
    stands: "كونغو - كينشاسا" is one name, not a name and a unit).  ``lookups``
    is called only when the rules run: most queries end before."""
    if plain is not None and plain.method in (Method.EXACT, Method.NORMALIZED):
        return None
    # By name key only when the alias has the cell's punctuation too: "Islamic
    # State (Iraq)" is not the alias "Islamic State of Iraq" but IS, of Iraq.
    if plain is not None and plain.method is Method.NAME_KEY:
        alias = " ".join(plain.alias.split()).lower()
        if all(mark.lower() in alias for mark in _MARKERS.findall(" ".join(cell.split()))):
            return None
    if not _MARKERS.search(" ".join(cell.split())):
        return None  # a plain name (as in _Reader.read): the lookups are not made
    return _Reader(lookups(), kind, period).read(cell)
