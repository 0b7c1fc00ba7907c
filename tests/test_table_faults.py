"""Hostile table input (issue #16): every fault ends as one TableError naming
file, entity and reason, or as a reported skip -- never a traceback, a hang or
a silent skip.  Each hostile file is built here, in tmp_path."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import borderlex
from borderlex import Resolver, TableError, TableWarning
from borderlex.cli import cli
from borderlex.table_files import read_table_file
from borderlex.tables import BUNDLED, TableReport, check, load_catalog, review

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


# -- 6: extensions are blamed on their own file --------------------------------------------


def test_an_extension_fault_names_the_extending_file(tmp_path: Path) -> None:
    p = write(
        tmp_path / "ext.toml",
        """
        [[entity]]
        id = "place:al-bukamal"
        extend = true
        aliases = ["Daesh"]
        """,
    )
    err = only_error([p], include_default=True)
    assert (err.path, err.entity) == (str(p), "place:al-bukamal")
    assert "'Daesh' is also a name of org:islamic-state" in err.reason


def test_a_name_an_extension_added_is_blamed_on_it_when_another_table_collides(tmp_path: Path) -> None:
    ext = write(tmp_path / "a.toml", '[[entity]]\nid = "place:al-bukamal"\nextend = true\naliases = ["Zorblat Qx"]\n')
    mine = write(tmp_path / "b.toml", entity("org:zorblat", "Zorblat Qx"))
    err = only_error([ext, mine], include_default=True)
    assert (err.path, err.entity) == (str(mine), "org:zorblat")
    assert f"is also a name of place:al-bukamal ({ext})" in err.reason
    # The extended entity keeps its own table.
    catalog = load_catalog([ext])
    assert catalog.entities["place:al-bukamal"].table == f"{BUNDLED}/places.toml"
    assert "Zorblat Qx" in catalog.entities["place:al-bukamal"].aliases


def test_an_extension_may_not_make_a_strong_alias_weak(tmp_path: Path) -> None:
    p = write(tmp_path / "ext.toml", '[[entity]]\nid = "place:al-bukamal"\nextend = true\nweak = ["Albu Kamal"]\n')
    err = only_error([p], include_default=True)
    assert (err.path, err.entity) == (str(p), "place:al-bukamal")
    assert "'Albu Kamal' is already a strong alias" in err.reason


# -- 7, 8: names, dates, layers, cycles ----------------------------------------------------


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


def test_a_later_user_file_may_override_an_earlier_one(tmp_path: Path) -> None:
    d = tmp_path / "tables"
    d.mkdir()
    first = write(d / "a.toml", entity("place:mine", "Mine Qx", type="town"))
    second = write(d / "b.toml", entity("place:mine", "Mine Replaced Qx", override=True))
    r = Resolver.from_tables(d, include_default=False)
    assert r.get("place:mine").name == "Mine Replaced Qx"
    assert r.get("place:mine").table == str(second)
    assert r.resolve("Mine Qx") is None
    # The same files in the other order: the override comes first and names nothing earlier.
    problems = check([second, first], include_default=False)
    assert [(p.path, p.entity) for p in problems] == [(str(second), "place:mine"), (str(first), "place:mine")]
    assert "no earlier table defines" in problems[0].reason
    assert f"already defined in {second}" in problems[1].reason


def test_without_override_a_later_user_file_is_told_how(tmp_path: Path) -> None:
    first = write(tmp_path / "a.toml", entity("place:mine", "Mine Qx"))
    second = write(tmp_path / "b.toml", entity("place:mine", "Mine Again Qx"))
    err = only_error([first, second])
    assert (err.path, err.entity) == (str(second), "place:mine")
    assert f"id already defined in {first}; say 'override = true'" in err.reason


def test_override_within_one_file_is_still_a_duplicate(tmp_path: Path) -> None:
    p = write(tmp_path / "t.toml", entity("place:mine", "Mine Qx") + entity("place:mine", "Mine 2 Qx", override=True))
    err = only_error([p])
    assert (err.path, err.entity) == (str(p), "place:mine")
    assert "duplicate id" in err.reason


def test_a_parent_cycle_is_refused_naming_it(tmp_path: Path) -> None:
    p = write(
        tmp_path / "t.toml",
        entity("org:c1", "Cee One Qx", parent="org:c2")
        + entity("org:c2", "Cee Two Qx", parent="org:c3")
        + entity("org:c3", "Cee Three Qx", parent="org:c1")
        + entity("org:outside", "Outside Qx", parent="org:c1"),
    )
    err = only_error([p])
    # Named at the entity read last, following its parent round the cycle.
    assert (err.path, err.entity) == (str(p), "org:c3")
    assert err.reason == "parent cycle: org:c3 -> org:c1 -> org:c2 -> org:c3"


def test_a_successor_cycle_through_a_bundled_entity_names_the_user_file(tmp_path: Path) -> None:
    p = write(
        tmp_path / "t.toml",
        entity("org:jabhat-fatah-al-sham", "Jabhat Fatah al-Sham", override=True, successor="org:jabhat-al-nusra"),
    )
    problems = check([p])
    cycles = [x for x in problems if "cycle" in x.reason]
    assert [(x.path, x.entity, x.reason) for x in cycles] == [
        (
            str(p),
            "org:jabhat-fatah-al-sham",
            "successor cycle: org:jabhat-fatah-al-sham -> org:jabhat-al-nusra -> org:jabhat-fatah-al-sham",
        )
    ]


def test_a_successor_may_not_begin_before_its_predecessor(tmp_path: Path) -> None:
    p = write(
        tmp_path / "t.toml",
        entity("org:old-front", "Old Front Qx", successor="org:new-front", valid_from="2015")
        + entity("org:new-front", "New Front Qx", valid_from="2014-06"),
    )
    err = only_error([p])
    assert (err.path, err.entity) == (str(p), "org:old-front")
    assert "successor org:new-front begins (2014-06) before this entity does (2015)" in err.reason
    # Partial dates are compared as far as both go: 2015 and 2015-03 may be in order.
    q = write(
        tmp_path / "q.toml",
        entity("org:old-front", "Old Front Qx", successor="org:new-front", valid_from="2015-03")
        + entity("org:new-front", "New Front Qx", valid_from="2015"),
    )
    assert check([q], include_default=False) == []


def test_shadowed_and_taking_over_user_aliases_are_notes(tmp_path: Path) -> None:
    p = write(
        tmp_path / "t.toml",
        entity("org:fan-club", "Fan Club Qx", aliases=["Daesh"], priority=-1)
        + entity("org:homs-club", "Homs Club Qx", aliases=["Homs"], priority=5),
    )
    report = review([p])
    assert report.problems == () and report.skipped == ()
    notes = sorted((n.path, n.entity, n.reason) for n in report.notes)
    assert [(path, eid) for path, eid, _ in notes] == [(str(p), "org:fan-club"), (str(p), "org:homs-club")]
    assert notes[0][2].startswith("strong alias 'Daesh' resolves to org:islamic-state")
    assert notes[1][2].startswith("strong alias 'Homs' takes over place:homs")
    # They are notes, not faults: the table loads and the priorities decide.
    r = Resolver.from_tables(p)
    assert r.resolve("Daesh").id == "org:islamic-state"
    assert r.resolve("Homs").id == "org:homs-club"


def test_a_user_alias_shadowed_by_another_user_table_is_a_note(tmp_path: Path) -> None:
    low = write(tmp_path / "a.toml", entity("org:low", "Low Qx", acronyms=["LQX"], priority=-2))
    high = write(tmp_path / "b.toml", entity("org:high", "High Qx", acronyms=["L.Q.X."]))
    report = review([low, high], include_default=False)
    assert [(n.path, n.entity) for n in report.notes] == [(str(low), "org:low")]
    assert report.notes[0].reason.startswith("acronym 'LQX' resolves to org:high")
    # Within one file its author set both priorities: no note.
    both = write(tmp_path / "c.toml", low.read_text(encoding="utf-8") + high.read_text(encoding="utf-8"))
    assert review([both], include_default=False) == TableReport()


def test_the_bundled_tables_have_no_notes_or_skips() -> None:
    report = review()
    assert report.problems == () and report.skipped == () and report.notes == ()


# -- the command line --------------------------------------------------------------------


def run_check(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    out = io.StringIO()
    code = cli("check", *args, stdout=out, stdin=io.StringIO(""))
    return code, out.getvalue().splitlines(), capsys.readouterr().err


def test_check_lists_each_skip_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], no_hang: None) -> None:
    d, expected = hostile_directory(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # check reports skips itself, without a warning
        code, lines, err = run_check("--only", str(d), capsys=capsys)
    assert code == 0
    assert len(lines) == len(expected)
    for line in lines:
        path, rest = line.split(": -: skipped: ", 1)
        assert expected[path] in rest, line
    assert f"{len(expected)} paths skipped" in err and "Traceback" not in err


def test_check_names_a_loop_or_dangling_link_given_directly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.toml"
    os.symlink(loop, loop)
    dangling = tmp_path / "dangling.toml"
    os.symlink(tmp_path / "nowhere.toml", dangling)
    code, lines, err = run_check("--only", str(loop), str(dangling), capsys=capsys)
    assert code == 1
    assert len(lines) == 2
    assert lines[0].startswith(f"{loop}: -: symlink loop")
    assert lines[1].startswith(f"{dangling}: -: dangling symlink")
    assert "no such file" not in err and "2 problems" in err


def test_check_prints_notes_and_still_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path / "t.toml", entity("org:fan-club", "Fan Club Qx", aliases=["Daesh"], priority=-1))
    code, lines, err = run_check(str(p), capsys=capsys)
    assert code == 0
    assert len(lines) == 1 and lines[0].startswith(f"{p}: org:fan-club: note: strong alias 'Daesh' resolves to")
    assert "ok: no problems" in err and "1 note" in err


@needs_fifo
@pytest.mark.slow
def test_check_command_on_a_fifo_and_deep_nesting_exits_without_a_traceback(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    deep = write(tmp_path / "deep.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")
    proc = subprocess.run(
        [sys.executable, "-m", "borderlex", "check", "--only", str(fifo), str(deep)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"{fifo}: -: is a FIFO (named pipe), not a regular file",
        f"{deep}: -: invalid TOML: nested too deeply",
    ]
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
