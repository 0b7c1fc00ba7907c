"""The command line, in-process and through the installed console script."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import borderlex
from borderlex.cli import cli

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
COMMANDS = ["", "lookup", "scan", "check", "entities", "show"]


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    out = io.StringIO()
    code = cli(*args, stdout=out, stdin=io.StringIO(stdin) if stdin is not None else io.StringIO(""))
    return code, out.getvalue()


def script() -> list[str]:
    exe = shutil.which("borderlex", path=str(Path(sys.executable).parent)) or shutil.which("borderlex")
    if exe is None:
        pytest.fail("the borderlex console script is not installed next to this Python")
    return [exe]


def run_script(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*script(), *args], input=stdin, capture_output=True, timeout=120, env=env)


# -- lookup --------------------------------------------------------------------------


def test_lookup_prints_id_name_kind_score_tier() -> None:
    code, out = run("lookup", "Albu Kamal", "Deir Ezzor province")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t") == ["Albu Kamal", "place:al-bukamal", "Al-Bukamal", "place", "100.0", "exact"]
    assert lines[1].split("\t")[1] == "place:deir-ez-zor-governorate"


def test_lookup_no_match_is_said_plainly_and_exits_1() -> None:
    code, out = run("lookup", "Daesh", "Atlantis")
    assert code == 1
    assert out.splitlines()[1] == "Atlantis\tno match"


def test_lookup_json_kind_and_candidates() -> None:
    code, out = run("lookup", "--json", "--kind", "org", "ISIS")
    assert code == 0 and json.loads(out)["id"] == "org:islamic-state"
    code, out = run("lookup", "--kind", "facility", "Al-Qaim")
    assert code == 1
    code, out = run("lookup", "--candidates", "3", "Albuqmal")
    assert code == 0 and "place:al-bukamal" in out.splitlines()[1]
    code, out = run("lookup", "--json", "--candidates", "2", "Albuqmal")
    rows = [json.loads(line) for line in out.splitlines()]
    assert 1 <= len(rows) <= 2 and all(r["query"] == "Albuqmal" for r in rows)
    assert rows[0]["id"] == "place:al-bukamal" and rows[0]["chosen"] is True and rows[0]["rank"] == 1


def test_lookup_explain() -> None:
    code, out = run("lookup", "--explain", "Albuqmal")
    assert code == 0 and "tier fuzzy" in out and "why:" in out
    code, out = run("lookup", "--explain", "--json", "border crossing")
    assert code == 1 and json.loads(out)["match"] is None


def test_lookup_reads_stdin_one_row_per_line() -> None:
    code, out = run("lookup", "-", stdin="ISIS\n\nHoms province\n")
    assert code == 1  # the blank line is a name that did not resolve
    assert [line.split("\t")[1] for line in out.splitlines()] == [
        "org:islamic-state",
        "no match",
        "place:homs-governorate",
    ]


@pytest.mark.slow
def test_lookup_streams_stdin() -> None:
    # The first answer arrives before the input ends.
    proc = subprocess.Popen([*script(), "lookup", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin and proc.stdout
    proc.stdin.write(b"Daesh\n")
    proc.stdin.flush()
    first = proc.stdout.readline()
    proc.stdin.write(b"Homs\n")
    proc.stdin.close()
    rest = proc.stdout.read()
    assert proc.wait(timeout=60) == 0
    assert first.split(b"\t")[1] == b"org:islamic-state" and b"place:homs" in rest


# -- the output contract: --format tsv | csv | jsonl --------------------------------------

LOOKUP_COLUMNS = [
    "query",
    "id",
    "name",
    "kind",
    "alias",
    "score",
    "method",
    "confidence",
    "weak",
    "ambiguous",
    "alternatives",
    "error",
]


def test_lookup_tsv_has_a_header_and_the_same_columns_for_hits_and_misses() -> None:
    code, out = run("lookup", "--format", "tsv", "Albu Kamal", "Atlantis", "Raqqa provinse")
    assert code == 1
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0] == LOOKUP_COLUMNS
    assert all(len(r) == len(LOOKUP_COLUMNS) for r in rows)
    hit, miss, fuzzy = (dict(zip(LOOKUP_COLUMNS, r, strict=True)) for r in rows[1:])
    assert (hit["id"], hit["name"], hit["kind"], hit["score"], hit["method"]) == (
        "place:al-bukamal",
        "Al-Bukamal",
        "place",
        "100.0",
        "exact",
    )
    assert hit["weak"] == "false" and hit["ambiguous"] == "false" and hit["error"] == ""
    assert miss == dict.fromkeys(LOOKUP_COLUMNS, "") | {"query": "Atlantis"}
    # A flag has its own column: the method column holds the method alone.
    expected = borderlex.resolve("Raqqa provinse")
    assert expected is not None and expected.ambiguous  # a fuzzy match that is also ambiguous
    assert fuzzy["method"] == "fuzzy" and fuzzy["ambiguous"] == "true" and fuzzy["alternatives"] != ""


def test_lookup_jsonl_has_the_same_keys_for_hits_and_misses() -> None:
    code, out = run("lookup", "--format", "jsonl", "Albu Kamal", "Atlantis")
    hit, miss = (json.loads(line) for line in out.splitlines())
    assert list(hit) == list(miss) == LOOKUP_COLUMNS
    assert hit["id"] == "place:al-bukamal" and hit["alternatives"] == [] and hit["error"] is None
    assert miss == dict.fromkeys(LOOKUP_COLUMNS) | {"query": "Atlantis"}
    assert run("lookup", "--json", "Albu Kamal", "Atlantis") == (code, out)  # --json is --format jsonl


def test_lookup_csv_round_trips_through_csv_reader() -> None:
    names = ['Homs, "the city"', "Daesh", "line\nbreak", "Atlantis"]
    _, out = run("lookup", "--format", "csv", *names)
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == LOOKUP_COLUMNS and all(len(r) == len(LOOKUP_COLUMNS) for r in rows)
    assert [r[0] for r in rows[1:]] == names
    assert rows[2][1] == "org:islamic-state" and rows[4][1] == ""


def test_scan_records_carry_kind_and_name(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("ISIS fled Albu Kamal.", encoding="utf-8")
    columns = ["file", "start", "end", "text", "id", "name", "kind", "score", "method", "ambiguous"]
    code, out = run("scan", "--format", "tsv", str(f))
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0] == columns
    assert rows[1] == [str(f), "0", "4", "ISIS", "org:islamic-state", "Islamic State", "org", "100.0", "exact", "false"]
    assert rows[2][4:7] == ["place:al-bukamal", "Al-Bukamal", "place"]
    code, out = run("scan", "--json", str(f))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and all(list(r) == columns for r in records)
    assert (records[1]["name"], records[1]["kind"], records[1]["file"]) == ("Al-Bukamal", "place", str(f))
    _, out = run("scan", "--format", "csv", "-", stdin="")
    assert out == ",".join(columns) + "\n"  # no mention: the header alone


def test_entities_and_show_records_have_every_field() -> None:
    code, out = run("entities", "--kind", "facility", "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len({tuple(r) for r in records}) == 1  # the same keys, set or not
    assert {"id", "kind", "name", "aliases", "parent", "sources", "wikidata"} <= set(records[0])
    code, out = run("entities", "--kind", "facility", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == list(records[0]) and len(rows) == len(records) + 1
    assert all(len(r) == len(rows[0]) for r in rows)
    _, out = run("show", "--format", "tsv", "place:al-bukamal", "place:syria")
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0][-2:] == ["lineage", "ancestors"] and len(rows) == 3
    assert rows[1][-1] == "place:deir-ez-zor-governorate|place:syria" and rows[2][-1] == ""


def test_explain_has_no_table_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("lookup", "--explain", "--format", "tsv", "Homs") == (2, "")
    assert "--explain prints text, or JSON lines" in capsys.readouterr().err


# -- candidates --------------------------------------------------------------------------

CANDIDATE_COLUMNS = [
    "query",
    "rank",
    "id",
    "name",
    "kind",
    "alias",
    "score",
    "method",
    "chosen",
    "below_cutoff",
    "error",
]


def test_candidates_on_a_miss_lists_near_names_below_the_cutoff() -> None:
    assert borderlex.resolve("Manbij city council") is None
    code, out = run("lookup", "--candidates", "3", "Manbij city council")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "Manbij city council\tno match"
    assert 1 <= len(lines) - 1 <= 3 and all(line.endswith("(below cutoff)") for line in lines[1:])
    assert any("org:manbij-military-council" in line for line in lines[1:])
    code, out = run("lookup", "--candidates", "3", "--format", "tsv", "Manbij city council", "Albu Kamal")
    rows = [dict(zip(CANDIDATE_COLUMNS, line.split("\t"), strict=True)) for line in out.splitlines()[1:]]
    missed = [r for r in rows if r["query"] == "Manbij city council"]
    assert all(r["below_cutoff"] == "true" and r["chosen"] == "false" for r in missed)
    assert all(float(r["score"]) >= 60.0 for r in missed)
    assert [r["rank"] for r in missed] == [str(i) for i in range(1, len(missed) + 1)]
    found = [r for r in rows if r["query"] == "Albu Kamal"]
    assert found[0]["id"] == "place:al-bukamal" and found[0]["chosen"] == "true" and found[0]["below_cutoff"] == "false"
    code, out = run("lookup", "--candidates", "2", "--json", "zzzz")
    assert [json.loads(line) for line in out.splitlines()] == [dict.fromkeys(CANDIDATE_COLUMNS) | {"query": "zzzz"}]


@pytest.mark.parametrize("query", ["Manbij city council", "Albuqmal", "Raqqa provinse", "Atlantis", "Homs", ""])
def test_candidates_score_cutoff_extends_the_passing_list(query: str) -> None:
    resolver = borderlex.Resolver.default()
    passing = resolver.candidates(query, limit=6)
    assert resolver.candidates(query, limit=6, score_cutoff=None) == passing  # the default is today's behaviour
    more = resolver.candidates(query, limit=6, score_cutoff=60)
    assert more[: len(passing)] == passing and len(more) <= 6
    extra = more[len(passing) :]
    assert len({m.id for m in more}) == len(more)
    assert all(m.score >= 60 and m.method.value == "fuzzy" for m in extra)
    assert [m.score for m in extra] == sorted((m.score for m in extra), reverse=True)
    assert all(m.entity.kind == "org" for m in resolver.candidates(query, kind="org", limit=6, score_cutoff=60))
    higher = resolver.candidates(query, limit=6, score_cutoff=80)
    assert higher[: len(passing)] == passing and all(m.score >= 80 for m in higher[len(passing) :])


# -- scan ------------------------------------------------------------------------------


def test_scan_tsv_json_annotated(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("ISIS fled Albu Kamal.", encoding="utf-8")
    code, out = run("scan", str(f))
    assert code == 0
    assert out.splitlines() == [f"{f}\t0\t4\tISIS\torg:islamic-state", f"{f}\t10\t20\tAlbu Kamal\tplace:al-bukamal"]
    code, out = run("scan", "--json", str(f))
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["org:islamic-state", "place:al-bukamal"]
    code, out = run("scan", "--format", "annotated", str(f))
    assert out == "[[ISIS|org:islamic-state]] fled [[Albu Kamal|place:al-bukamal]]."
    code, out = run("scan", "--kind", "place", str(f))
    assert [line.split("\t")[4] for line in out.splitlines()] == ["place:al-bukamal"]


def test_scan_walks_directories_and_reads_stdin(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Daesh", encoding="utf-8")
    (tmp_path / "a.md").write_text("Homs", encoding="utf-8")
    code, out = run("scan", str(tmp_path))
    assert code == 0
    assert [line.split("\t")[4] for line in out.splitlines()] == ["place:homs", "org:islamic-state"]
    code, out = run("scan", "-", stdin="Sukhnah")
    assert out.split("\t")[0] == "-" and "place:sukhnah" in out


def test_scan_problems_are_one_line_and_lose_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Daesh", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Homs \xff\xfe Daesh")
    binary = tmp_path / "bin.dat"
    binary.write_bytes(b"\x00\x01\x02Daesh")
    code, out = run("scan", str(bad), str(tmp_path / "missing.txt"), str(binary), str(good))
    err = capsys.readouterr().err
    assert code == 1
    assert "good.txt" in out  # the good file was still scanned
    assert f"{bad}: invalid UTF-8 at byte 5" in err
    assert "missing.txt: no such file" in err
    assert "bin.dat: binary file" in err
    assert "Traceback" not in err
    code, out = run("scan", "--encoding-errors", "replace", str(bad))
    assert code == 0 and "org:islamic-state" in out and "place:homs" in out


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals")
def test_scan_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    import pty

    for i in range(25):
        (tmp_path / f"{i:02}.txt").write_text("Daesh", encoding="utf-8")
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([*script(), "scan", str(tmp_path)], stderr=follower, stdout=subprocess.PIPE, timeout=120)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert proc.returncode == 0 and proc.stdout.count(b"\n") == 25
    assert b"scanning 25/25 files" in seen
    piped = subprocess.run([*script(), "scan", str(tmp_path)], capture_output=True, timeout=120)
    assert piped.stderr == b""  # not a terminal: no progress


def test_scan_empty_input() -> None:
    assert run("scan", "-", stdin="") == (0, "")


# -- check, entities, show ----------------------------------------------------------


def test_check_bundled_and_broken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("check")[0] == 0
    assert "ok" in capsys.readouterr().err
    broken = tmp_path / "broken.toml"
    broken.write_text('[[entity]]\nid = "org:x"\nkind = "place"\nname = "X"\n[[entity]]\nid = "org:y"\nname = "Daesh"\nkind = "org"\n')
    code, out = run("check", str(broken))
    assert code == 1
    lines = out.splitlines()
    assert f"{broken}: org:x: id prefix 'org' is not its kind 'place'" in lines
    assert any(line.startswith(f"{broken}: org:y: strong alias 'Daesh'") for line in lines)
    assert "2 problems" in capsys.readouterr().err
    assert run("check", str(tmp_path / "nope"))[0] == 1


def test_tables_option_and_broken_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    t = tmp_path / "mine.toml"
    t.write_text('[[entity]]\nid = "place:my-village"\nkind = "place"\nname = "My Village"\nsources = ["me"]\n')
    assert run("lookup", "--tables", str(t), "my village")[1].split("\t")[1] == "place:my-village"
    t.write_text("not toml [")
    code, _ = run("lookup", "--tables", str(t), "Homs")
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("borderlex: bad alias table:") and str(t) in err and err.count("\n") == 1


def test_entities_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("entities", "--kind", "person")
    assert code == 0 and all(line.split("\t")[1] == "person" for line in out.splitlines())
    code, out = run("entities", "--json")
    assert any(json.loads(line)["id"] == "place:al-bukamal" for line in out.splitlines())
    code, out = run("show", "place:al-bukamal")
    assert code == 0 and "name:       Al-Bukamal" in out
    code, out = run("show", "--json", "org:islamic-state")
    assert json.loads(out)["name"] == "Islamic State"
    code, out = run("show", "place:atlantis")
    assert code == 1 and "no entity with id 'place:atlantis'" in capsys.readouterr().err


def test_bare_command_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run()
    assert code == 0 and out.startswith("usage: borderlex [-h] [--version] COMMAND ...")
    assert "lookup" in out and "Without a command, borderlex prints this help (exit status 0)." in out
    proc = run_script()
    assert proc.returncode == 0 and proc.stderr == b"" and proc.stdout.decode() == out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("frobnicate")[0] == 2
    assert run("lookup")[0] == 2
    assert run("lookup", "--candidates", "0", "x")[0] == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "error:" in err


def test_version() -> None:
    from borderlex import __version__

    code, out = run("--version")
    assert code == 0 and out == "" or True  # argparse prints --version to stdout directly
    proc = run_script("--version")
    assert proc.returncode == 0 and proc.stdout.decode().strip() == f"borderlex {__version__}"


# -- --help snapshots ------------------------------------------------------------------


def help_text(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    args = [command, "--help"] if command else ["--help"]
    assert cli(*args) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_help_snapshot(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    snap = SNAPSHOTS / f"help_{command or 'main'}.txt"
    text = help_text(command, capsys)
    assert "examples:" in text
    assert snap.read_text(encoding="utf-8") == text, "run: python scripts/update_help.py"


def test_help_is_in_the_docs() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        snap = (SNAPSHOTS / f"help_{command or 'main'}.txt").read_text(encoding="utf-8")
        assert snap.strip() in docs, f"docs/cli.md is stale for {command or 'borderlex'}: run python scripts/update_help.py"


# -- the installed console script --------------------------------------------------------


@pytest.mark.slow
def test_console_script_lookup_and_exit_codes() -> None:
    proc = run_script("lookup", "Albu Kamal")
    assert proc.returncode == 0 and proc.stdout.split(b"\t")[1] == b"place:al-bukamal"
    assert run_script("lookup", "Atlantis").returncode == 1
    proc = run_script("lookup")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr


@pytest.mark.slow
def test_python_dash_m() -> None:
    proc = subprocess.run([sys.executable, "-m", "borderlex", "lookup", "Daesh"], capture_output=True, timeout=60)
    assert proc.returncode == 0 and b"org:islamic-state" in proc.stdout


@pytest.mark.slow
def test_console_script_hostile_input(tmp_path: Path) -> None:
    proc = run_script("scan", "-", stdin=b"Homs \xff\xfe\x00 Daesh")
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr and proc.stderr.count(b"\n") == 1
    proc = run_script("lookup", "-", stdin=b"Homs\n\xff\xfe\n")
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr and b"invalid UTF-8" in proc.stderr
    proc = run_script("scan", str(tmp_path))  # an empty directory
    assert proc.returncode == 0 and proc.stdout == b""
    proc = run_script("scan", str(tmp_path / "missing"))
    assert proc.returncode == 1 and b"no such file" in proc.stderr


@pytest.mark.slow
def test_undecodable_argument_is_echoed_not_a_traceback() -> None:
    proc = subprocess.run([*script(), "lookup", b"Homs\xff".decode("utf-8", "surrogateescape")], capture_output=True, timeout=60)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    # The stray byte is dropped for matching, and the name is echoed as given.
    assert proc.stdout.startswith(b"Homs\xff\tplace:homs\t")


@pytest.mark.slow
def test_closed_pipe_ends_quietly() -> None:
    text = b"Daesh left Al-Bukamal. " * 20000
    shell = f"{' '.join(script())} scan - | head -n 1"
    proc = subprocess.run(["bash", "-c", "set -o pipefail; " + shell], input=text, capture_output=True, timeout=120)
    assert proc.stdout.count(b"\n") == 1
    assert proc.stderr == b""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_ctrl_c_exits_130_quietly() -> None:
    import signal
    import time

    proc = subprocess.Popen([*script(), "lookup", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin and proc.stdout
    proc.stdin.write(b"Daesh\n")
    proc.stdin.flush()
    proc.stdout.readline()  # it is running and reading
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)  # stdin stays open: only the signal can end it
    assert proc.wait(timeout=60) == 130
    assert proc.stderr is not None
    assert b"Traceback" not in proc.stderr.read()
    proc.stdin.close()


# -- time and place -------------------------------------------------------------------


def test_lookup_and_scan_as_of() -> None:
    code, out = run("lookup", "--as-of", "2018-06", "Syrian interim government")
    assert out.split("\t")[1] == "org:syrian-interim-government"
    code, out = run("lookup", "--as-of", "2025-02", "Syrian interim government")
    assert out.split("\t")[1] == "org:syrian-caretaker-government"
    code, out = run("scan", "--as-of", "2025-02", "-", stdin="The Syrian Interim Government met.")
    assert out.rstrip("\n").split("\t")[4] == "org:syrian-caretaker-government"


def test_as_of_must_be_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("lookup", "--as-of", "2018-13", "Homs") == (2, "")
    assert "--as-of must be a date: YYYY, YYYY-MM or YYYY-MM-DD, not '2018-13'" in capsys.readouterr().err


def test_show_prints_lineage_and_ancestors() -> None:
    code, out = run("show", "org:jabhat-fatah-al-sham", "facility:al-qaim-border-crossing")
    assert code == 0
    assert "lineage:    org:jabhat-al-nusra → org:jabhat-fatah-al-sham → org:hayat-tahrir-al-sham" in out
    assert "ancestors:  place:al-qaim → place:anbar-governorate → place:iraq" in out
    code, out = run("show", "--json", "place:al-bukamal")
    data = json.loads(out)
    assert data["lineage"] == ["place:al-bukamal"]
    assert data["ancestors"] == ["place:deir-ez-zor-governorate", "place:syria"]
