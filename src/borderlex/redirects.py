"""Renamed ids: an old id keeps working.

Ids are the contract with stored data, so an id is never simply renamed:
``data/redirects.toml`` maps each old id to its new one, and
``get(old)`` (with ``lineage``, ``current``, ``ancestors``, ``within``,
``children`` and ``borderlex show``) returns the entity under its new id.
The file is read on the first id that is not an entity, never at start-up.
A chain of renames is followed; the new id must be an entity, an old id
must not be one again, and a cycle is a table error (``check()``).
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Container, Mapping
from typing import TYPE_CHECKING

from .errors import TableError

if TYPE_CHECKING:
    from .model import Entity

__all__ = ["FILE", "bundled_redirects", "read_redirects", "redirect_problems", "renamed"]

#: Where the redirects are reported from.
FILE = "borderlex:data/redirects.toml"

_ID = re.compile(r"^[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*$")
_lock = threading.Lock()
_bundled: dict[str, str] | None = None


def read_redirects(text: bytes, path: str, problems: list[TableError]) -> dict[str, str]:
    """The ``[redirect]`` table of a redirects file (old id → new id);
    faults are appended to ``problems``."""
    # tomllib on first use only, as borderlex.vocabulary does: a lighter `import borderlex`.
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib  # noqa: PLC0415
    try:
        data = tomllib.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:  # TOMLDecodeError is a ValueError
        problems.append(TableError(path, None, f"not a redirects file: {e}"))
        return {}
    unknown = sorted(set(data) - {"schema", "redirect"})
    if unknown:
        problems.append(TableError(path, None, f"unknown top-level keys {unknown}; redirects go in [redirect]"))
    table = data.get("redirect", {})
    if not isinstance(table, dict):
        problems.append(TableError(path, None, '\'redirect\' must be a table of "old id" = "new id"'))
        return {}
    out: dict[str, str] = {}
    for old, new in table.items():
        if not isinstance(new, str) or not _ID.match(new) or not _ID.match(old):
            problems.append(TableError(path, old, f'{old!r} = {new!r} is not "old id" = "new id" (kind:slug)'))
            continue
        out[old] = new
    return out


def bundled_redirects() -> Mapping[str, str]:
    """The bundled redirects, read once, on first use."""
    global _bundled  # noqa: PLW0603 - a lazily read constant
    if _bundled is None:
        with _lock:
            if _bundled is None:
                problems: list[TableError] = []
                redirects = read_redirects(_bundled_bytes(), FILE, problems)
                if problems:  # the bundled file is checked by the tests: never in a release
                    raise problems[0]
                _bundled = redirects
    return _bundled


def _bundled_bytes() -> bytes:
    here = os.path.join(os.path.dirname(__file__), "data", "redirects.toml")
    if os.path.isfile(here):
        with open(here, "rb") as f:
            return f.read()
    from importlib import resources  # noqa: PLC0415 - a zipped package

    item = resources.files("borderlex").joinpath("data").joinpath("redirects.toml")
    return item.read_bytes() if item.is_file() else b""


def _chain(old: str, redirects: Mapping[str, str]) -> list[str]:
    """``old`` and the ids it was renamed to in turn; a cycle ends where it repeats."""
    chain = [old]
    while chain[-1] in redirects:
        chain.append(redirects[chain[-1]])
        if chain[-1] in chain[:-1]:
            break
    return chain


def renamed(entity_id: str, entities: Container[str], redirects: Mapping[str, str] | None = None) -> str | None:
    """The id ``entity_id`` was renamed to, if it names one of ``entities``
    (renames followed to the end), else ``None``."""
    if redirects is None:
        redirects = bundled_redirects()
    if entity_id not in redirects:
        return None
    end = _chain(entity_id, redirects)[-1]
    return end if end != entity_id and end in entities else None


def redirect_problems(entities: Mapping[str, Entity], redirects: Mapping[str, str] | None = None) -> list[TableError]:
    """What is wrong with the redirects over these entities: a new id that is
    no entity, an old id that is an entity again (named in the entity's
    table), a cycle."""
    if redirects is None:
        try:
            redirects = bundled_redirects()
        except TableError as e:
            return [e]
    problems = []
    for old in redirects:
        chain = _chain(old, redirects)
        path = FILE
        if old in entities:
            path = entities[old].table or FILE
            reason = f"{old} is a renamed id (now {redirects[old]}, see {FILE}): give this entity another id"
        elif chain[-1] in chain[:-1]:
            reason = "a cycle: " + " -> ".join(chain)
        elif chain[-1] not in entities:
            via = f" (via {' -> '.join(chain[1:-1])})" if len(chain) > 2 else ""
            reason = f"redirects to {chain[-1]}{via}, which is not an entity"
        else:
            continue
        problems.append(TableError(path, old, reason))
    return problems
