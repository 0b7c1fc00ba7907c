"""Hostile table input (issue #16): every fault ends as one TableError naming
file, entity and reason, or as a reported skip -- never a traceback, a hang or
a silent skip.  Each hostile file is built here, in tmp_path."""

from __future__ import annotations

import json
import os
import signal
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import borderlex
from borderlex import Resolver, TableError, TableWarning
from borderlex.table_files import read_table_file
from borderlex.tables import check, load_catalog, review

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


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


class Blocked(Exception):
    """Not an OSError, so no ``except OSError`` in the code under test swallows it."""


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail (rather than hang) if the test blocks, as reading a FIFO would."""
    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers on this platform")

    def expire(signum: int, frame: object) -> None:
        raise Blocked("a table read waited on a FIFO or device")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, 20)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


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


# -- 3: FIFOs and devices ----------------------------------------------------------------


@needs_fifo
def test_a_fifo_given_as_a_table_is_refused_without_blocking(tmp_path: Path, no_hang: None) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    err = only_error([fifo])
    assert (err.path, err.entity) == (str(fifo), None)
    assert "FIFO" in err.reason and "not a regular file" in err.reason
    with pytest.raises(TableError, match="FIFO"):
        Resolver.from_tables(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_before_reading(no_hang: None) -> None:
    err = only_error([Path("/dev/zero")])
    assert (err.path, err.entity) == ("/dev/zero", None)
    assert "device" in err.reason and "not a regular file" in err.reason


def test_the_size_cap_counts_bytes_read(tmp_path: Path) -> None:
    p = tmp_path / "t.toml"
    p.write_bytes(b"#" * 100)
    assert read_table_file(str(p), 100) == b"#" * 100
    with pytest.raises(TableError, match="larger than 99 bytes") as exc:
        read_table_file(str(p), 99)
    assert (exc.value.path, exc.value.entity) == (str(p), None)


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="no /proc")
def test_the_size_cap_does_not_trust_st_size() -> None:
    # A /proc file says it is empty (st_size 0) and yet has content.
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(TableError, match="larger than 10 bytes"):
        read_table_file("/proc/self/maps", 10)


# -- 4: symlinks given directly -----------------------------------------------------------


def test_a_symlink_loop_is_named(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    os.symlink(loop, loop)
    err = only_error([loop])
    assert (err.path, err.entity) == (str(loop), None)
    assert "symlink loop" in err.reason
    two = tmp_path / "a.toml"
    os.symlink(tmp_path / "b.toml", two)
    os.symlink(two, tmp_path / "b.toml")
    assert "symlink loop" in only_error([two]).reason


def test_a_dangling_symlink_says_so(tmp_path: Path) -> None:
    link = tmp_path / "gone.toml"
    os.symlink(tmp_path / "moved.toml", link)
    err = only_error([link])
    assert (err.path, err.entity) == (str(link), None)
    assert err.reason.startswith("dangling symlink") and "moved.toml" in err.reason
    assert only_error([tmp_path / "nope.toml"]).reason == "no such file or directory"


@pytest.mark.xfail(
    raises=RuntimeError,
    strict=True,
    reason="Resolver.from_tables calls Path.resolve() (resolver.py, outside this change) before the tables load",
)
def test_resolver_from_tables_names_a_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    os.symlink(loop, loop)
    with pytest.raises(TableError, match="symlink loop"):
        Resolver.from_tables(loop)


# -- 5: what a table directory holds -------------------------------------------------------


def hostile_directory(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A directory of one good table, one in upper case, and things named like
    tables that cannot be loaded: each path and a word its skip reason must have."""
    d = tmp_path / "tables"
    d.mkdir()
    write(d / "good.toml", entity("place:good-town", "Good Town Qx"))
    write(d / "UPPER.TOML", entity("place:upper-town", "Upper Town Qx"))
    write(d / "._good.toml", entity("place:apple-double", "Apple Double Qx"))
    write(d / "notes.txt", "not a table")
    expected = {"._good.toml": "hidden"}
    os.symlink(d / "loop.toml", d / "loop.toml")
    expected["loop.toml"] = "symlink loop"
    os.symlink(d / "nowhere.toml", d / "dangling.toml")
    expected["dangling.toml"] = "dangling symlink"
    (d / "sub.toml").mkdir()
    write(d / "sub.toml" / "inner.toml", entity("place:inner-town", "Inner Town Qx"))
    expected["sub.toml"] = "directory"
    if hasattr(os, "mkfifo"):
        os.mkfifo(d / "pipe.toml")
        expected["pipe.toml"] = "FIFO"
    return d, {str(d / name): word for name, word in expected.items()}


def test_a_directory_loads_its_tables_and_reports_every_skip(tmp_path: Path, no_hang: None) -> None:
    d, expected = hostile_directory(tmp_path)
    report = review([d], include_default=False)
    assert report.problems == ()
    assert sorted(s.path for s in report.skipped) == sorted(expected)
    for s in report.skipped:
        assert s.entity is None and expected[s.path] in s.reason, s
    with pytest.warns(TableWarning) as caught:
        catalog = load_catalog([d], include_default=False)
    assert {e.id for e in catalog} == {"place:good-town", "place:upper-town"}
    tables = [w.message for w in caught if isinstance(w.message, TableWarning)]
    assert len(tables) == 1  # once per load, listing every skip
    assert [(s.path, s.reason) for s in tables[0].skipped] == [(s.path, s.reason) for s in report.skipped]
    assert all(path in str(tables[0]) for path in expected)
    assert isinstance(tables[0], borderlex.BorderlexError) and isinstance(tables[0], UserWarning)


def test_check_warns_about_skips_too(tmp_path: Path, no_hang: None) -> None:
    d, _ = hostile_directory(tmp_path)
    with pytest.warns(TableWarning, match="skipped"):
        assert check([d], include_default=False) == []


def test_a_directory_without_loadable_tables_is_a_problem(tmp_path: Path) -> None:
    d = tmp_path / "tables"
    d.mkdir()
    (d / "only.toml").mkdir()
    with pytest.warns(TableWarning):
        err = only_error([d])
    assert (err.path, err.entity) == (str(d), None)
    assert "no .toml tables that can be loaded (1 skipped)" in err.reason


def test_a_dot_file_given_by_name_is_loaded(tmp_path: Path) -> None:
    p = write(tmp_path / ".mine.toml", entity("place:hidden-town", "Hidden Town Qx"))
    assert [e.id for e in load_catalog([p], include_default=False)] == ["place:hidden-town"]


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
