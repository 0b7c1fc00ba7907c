"""Hostile table input (issue #16): every fault ends as one TableError naming
file, entity and reason, or as a reported skip -- never a traceback, a hang or
a silent skip.  Each hostile file is built here, in tmp_path."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from borderlex import TableError
from borderlex.tables import check, load_catalog


def entity(eid: str, name: str, **fields: object) -> str:
    """One [[entity]] table with sources (JSON strings, lists, integers and booleans are TOML too)."""
    fields = {"id": eid, "kind": eid.split(":", maxsplit=1)[0], "name": name, "sources": ["unit test"], **fields}
    return "[[entity]]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in fields.items())


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def only_error(paths: list[Path], *, include_default: bool = False) -> TableError:
    """The one problem loading ``paths`` raises; check() must list it too."""
    with pytest.raises(TableError) as exc:
        load_catalog(paths, include_default=include_default)
    problems = check(paths, include_default=include_default)
    assert len(problems) == 1, problems
    assert (problems[0].path, problems[0].entity, problems[0].reason) == (
        exc.value.path,
        exc.value.entity,
        exc.value.reason,
    )
    return exc.value


# -- 1, 2: the parser on hostile input -------------------------------------------------


def test_deeply_nested_toml_is_a_table_error(tmp_path: Path) -> None:
    p = write(tmp_path / "deep.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")
    err = only_error([p])
    assert (err.path, err.entity) == (str(p), None)
    assert err.reason == "invalid TOML: nested too deeply"


def test_an_integer_of_5000_digits_is_a_table_error(tmp_path: Path) -> None:
    p = write(tmp_path / "big.toml", entity("place:big", "Big Town Qx") + "priority = " + "9" * 5000 + "\n")
    err = only_error([p])
    assert (err.path, err.entity) == (str(p), None)
    assert err.reason.startswith("invalid TOML: an integer has more than")
    assert "set_int_max_str_digits" not in err.reason  # advice for programmers, not table authors


# -- 7, 8: names and dates -----------------------------------------------------------------


def test_a_name_that_normalizes_to_nothing_is_refused(tmp_path: Path) -> None:
    p = write(tmp_path / "t.toml", entity("org:dashes", "---"))
    err = only_error([p])
    assert (err.path, err.entity) == (str(p), "org:dashes")
    assert "name '---' normalizes to nothing" in err.reason


@pytest.mark.parametrize("value", ["2020-01-01T00:00:00", "2020-01-01T00:00:00Z", "2020-01-01 08:00:00+03:00"])
def test_a_date_time_is_not_a_date(tmp_path: Path, value: str) -> None:
    p = write(tmp_path / "t.toml", entity("org:dated", "Dated Org Qx") + f"valid_from = {value}\n")
    err = only_error([p])
    assert (err.path, err.entity) == (str(p), "org:dated")
    assert err.reason == "'valid_from' must be a date, not a date-time"


def test_a_toml_local_date_is_still_a_date(tmp_path: Path) -> None:
    p = write(tmp_path / "t.toml", entity("org:dated", "Dated Org Qx") + "valid_from = 2020-01-01\n")
    assert load_catalog([p], include_default=False).entities["org:dated"].valid_from == "2020-01-01"
