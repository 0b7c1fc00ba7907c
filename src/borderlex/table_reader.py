"""Reading one alias table: TOML text to entries, every fault reported.

A table is a TOML file with an array of ``[[entity]]`` tables (see
``docs/tables.md``).  It is parsed with ``tomllib`` (never executed), and
each entry is checked on its own: fields, types, ids, dates.  A fault is a
[`TableError`][borderlex.TableError] naming the file, the entity and the
reason, appended to a list rather than raised, so that all are found.
Merging the tables and checking them against each other is
``borderlex.tables``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import sys
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import TableError
from .folding import normalize, spelling
from .model import DESIGNATES, KINDS, TYPES, Entity

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["MAX_TABLE_BYTES", "Entry", "problem", "read_table"]


#: Larger table files are refused rather than read into memory.
MAX_TABLE_BYTES = 256 * 1024 * 1024
#: Larger texts are parsed each time rather than kept as a memo's key.
_REMEMBERED_BYTES = 16 * 1024 * 1024


_ID = re.compile(r"^([a-z]+):[a-z0-9]+(?:-[a-z0-9]+)*$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_STR_FIELDS = ("name", "kind", "type", "parent", "country", "successor", "note", "wikidata")
_LIST_FIELDS = ("aliases", "weak", "acronyms", "sources")
_DATE_FIELDS = ("valid_from", "valid_to")
_KNOWN = frozenset(("id", "geonames", "priority", "override", "extend", *_STR_FIELDS, *_LIST_FIELDS, *_DATE_FIELDS))
_ALL_TYPES = frozenset().union(*TYPES.values())
assert all(t <= _ALL_TYPES for t in DESIGNATES.values())


class Entry(NamedTuple):
    """One ``[[entity]]`` as read, before layers are merged."""

    entity: Entity
    override: bool
    extend: bool


def problem(problems: list[TableError], path: str, entity: str | None, reason: str) -> None:
    problems.append(TableError(path, entity, reason))


def _iso_date(value: object) -> str | None:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.isoformat()
    # Partial dates are common for armed groups ("2014", "2014-06").
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        try:
            parts = [int(p) for p in value.split("-")] + [1, 1]
            _dt.date(parts[0], parts[1], parts[2])
        except ValueError:
            return None
        return value
    return None


def _parse_entry(raw: object, path: str, index: int, problems: list[TableError]) -> Entry | None:
    if not isinstance(raw, dict):
        problem(problems, path, f"entity #{index + 1}", "is not a table")
        return None
    eid = raw.get("id")
    if not isinstance(eid, str) or not eid:
        problem(problems, path, f"entity #{index + 1}", "missing 'id' (a string like 'place:homs')")
        return None
    before = len(problems)

    def bad(reason: str) -> None:
        problem(problems, path, eid, reason)

    for key in sorted(set(raw) - _KNOWN):
        bad(f"unknown field {key!r}")
    m = _ID.match(eid)
    if not m:
        bad("id must be 'kind:slug' in lowercase ASCII letters, digits and hyphens")
    extend = raw.get("extend", False)
    override = raw.get("override", False)
    for flag, value in (("extend", extend), ("override", override)):
        if not isinstance(value, bool):
            bad(f"{flag!r} must be true or false")
    if extend is True and override is True:
        bad("'extend' and 'override' exclude each other")
    fields: dict[str, Any] = {}
    for key in _STR_FIELDS:
        if key in raw:
            value = raw[key]
            if not isinstance(value, str) or not value.strip():
                bad(f"{key!r} must be a non-empty string")
            elif key == "name" and not normalize(value):
                bad(f"name {value!r} normalizes to nothing: it could never be found")
            else:
                fields[key] = value
    for key in _LIST_FIELDS:
        if key in raw:
            value = raw[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                bad(f"{key!r} must be a list of strings")
                continue
            for v in value:
                if key != "sources" and not normalize(v):
                    bad(f"{key[:-1] if key.endswith('s') else key} {v!r} normalizes to nothing")
                elif not v.strip():
                    bad(f"empty string in {key!r}")
            fields[key] = tuple(dict.fromkeys(v.strip() for v in value if v.strip()))
    for key in _DATE_FIELDS:
        if key in raw:
            value = _iso_date(raw[key])
            if isinstance(raw[key], _dt.datetime):
                bad(f"{key!r} must be a date, not a date-time")
            elif value is None:
                bad(f"{key!r} must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
            else:
                fields[key] = value
    if "geonames" in raw:
        g = raw["geonames"]
        if isinstance(g, bool) or not isinstance(g, int) or g <= 0:
            bad("'geonames' must be a positive integer")
        else:
            fields["geonames"] = g
    if "priority" in raw:
        p = raw["priority"]
        if isinstance(p, bool) or not isinstance(p, int):
            bad("'priority' must be an integer")
        else:
            fields["priority"] = p
    if extend is True:
        # An extension only adds names and sources to an entity defined elsewhere.
        extra = set(fields) - {"aliases", "weak", "acronyms", "sources"}
        if extra:
            bad(f"an 'extend' entry may only add aliases, weak, acronyms and sources, not {sorted(extra)}")
        if m and m.group(1) not in KINDS:
            bad(f"id prefix {m.group(1)!r} is not a kind (expected one of {', '.join(KINDS)})")
        if len(problems) > before:
            return None
        kind = m.group(1) if m else ""
        return Entry(Entity(id=eid, kind=kind, name=eid, table=path, **fields), override=False, extend=True)
    kind = fields.get("kind")
    if kind is None:
        bad("missing 'kind'")
    elif kind not in KINDS:
        bad(f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    elif m and m.group(1) != kind:
        bad(f"id prefix {m.group(1)!r} is not its kind {kind!r}")
    if "name" not in fields and "name" not in raw:
        bad("missing 'name'")
    etype = fields.get("type")
    if etype is not None and kind in TYPES and etype not in TYPES[kind]:
        allowed = ", ".join(sorted(TYPES[kind])) or "none"
        bad(f"type {etype!r} is not a type of {kind} (allowed: {allowed})")
    if "wikidata" in fields and not _WIKIDATA.match(fields["wikidata"]):
        bad(f"wikidata id {fields['wikidata']!r} must look like 'Q123'")
    if ("wikidata" in fields or "geonames" in fields) and not fields.get("sources"):
        bad("external ids need 'sources' naming where they were verified")
    for acr in fields.get("acronyms", ()):
        if acr.isascii() and acr == acr.lower():
            bad(f"acronym {acr!r} has no capital letter; acronyms match only in their written case")
    strong = {spelling(a) for a in fields.get("aliases", ())}  # the name may be weak: Entity.strong_names
    for w in fields.get("weak", ()):
        if spelling(w) in strong:
            bad(f"{w!r} is listed both as a strong and as a weak alias")
    vf, vt = fields.get("valid_from"), fields.get("valid_to")
    if vf and vt and vf > vt:
        bad(f"valid_from {vf} is after valid_to {vt}")
    if len(problems) > before:
        return None
    return Entry(Entity(id=eid, table=path, **fields), override=override is True, extend=False)


def _tomllib() -> ModuleType:
    """The TOML parser, imported when a table is parsed: a compiled index
    loads without it (``import borderlex`` stays light)."""
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415

        return tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli  # noqa: PLC0415

        return tomli


def _parse_failure(e: Exception) -> str:
    """What the parser's exception says, for hostile input too."""
    if isinstance(e, RecursionError):
        return "nested too deeply"
    if isinstance(e, MemoryError):
        return "too large to parse in memory"
    if not isinstance(e, _tomllib().TOMLDecodeError) and "integer string conversion" in str(e):
        return f"an integer has more than {sys.get_int_max_str_digits()} digits"
    return str(e)


def read_table(text: str | bytes, path: str, problems: list[TableError]) -> list[Entry]:
    """Parse one table's text; faults are appended to ``problems``.

    A text read before under the same path is parsed once per process
    (entries are frozen; faults are made afresh, so none carries an old
    traceback): a process that loads the bundled tables with several user
    tables, or checks them and then loads them, pays the parsing once.
    """
    if len(text) > _REMEMBERED_BYTES:
        return _read(text, path, problems)
    entries, faults = _parsed(text, path)
    problems.extend(TableError(*fault) for fault in faults)
    return list(entries)


@functools.lru_cache(maxsize=256)
def _parsed(text: str | bytes, path: str) -> tuple[tuple[Entry, ...], tuple[tuple[str, str | None, str], ...]]:
    problems: list[TableError] = []
    entries = _read(text, path, problems)
    return tuple(entries), tuple((p.path, p.entity, p.reason) for p in problems)


def _read(text: str | bytes, path: str, problems: list[TableError]) -> list[Entry]:
    if isinstance(text, bytes):
        if len(text) > MAX_TABLE_BYTES:
            problem(problems, path, None, f"file is larger than {MAX_TABLE_BYTES} bytes")
            return []
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as e:
            problem(problems, path, None, f"not UTF-8 (byte {e.start}: {e.reason})")
            return []
    try:
        data: dict[str, Any] = _tomllib().loads(text)
    except (ValueError, RecursionError, MemoryError) as e:  # TOMLDecodeError is a ValueError
        problem(problems, path, None, f"invalid TOML: {_parse_failure(e)}")
        return []
    unknown = sorted(set(data) - {"entity", "schema"})
    if unknown:
        problem(problems, path, None, f"unknown top-level keys {unknown}; entities go in [[entity]] tables")
    raw = data.get("entity", [])
    if not isinstance(raw, list):
        problem(problems, path, None, "'entity' must be an array of tables ([[entity]])")
        return []
    entries = []
    for i, item in enumerate(raw):
        entry = _parse_entry(item, path, i, problems)
        if entry is not None:
            entries.append(entry)
    return entries
