"""``borderlex lookup --column``: a CSV or TSV file comes back whole, every
row and column as read, with five id columns appended."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run, run_script, script

import borderlex

DATA = Path(__file__).resolve().parent / "data"
EVENTS = DATA / "events_quoted.csv"
ADDED = ["place_id", "place_name", "place_kind", "place_score", "place_method"]


def table(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def stderr_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


# -- CSV and TSV ---------------------------------------------------------------------


def test_csv_keeps_every_row_and_cell_and_appends_ids() -> None:
    code, out = run("lookup", "--column", "place", str(EVENTS))
    assert code == 0  # a name that matches nothing is data, not a problem
    source = EVENTS.read_text(encoding="utf-8")
    rows, original = table(out), table(source)
    assert rows[0] == original[0] + ADDED
    assert len(rows) == len(original) == 6
    assert [r[:5] for r in rows] == original  # quoted commas, the quoted line break: all kept
    assert original[2][3] == "Hasakah, Syria" and "\n" in original[3][4]
    assert rows[1][5:] == ["place:al-bukamal", "Al-Bukamal", "place", "100.0", "exact"]
    assert rows[3][5] == "place:al-qaim" and rows[5][5] == "place:mosul"
    assert rows[4][3] == "" and rows[4][5:] == ["", "", "", "", ""]  # an empty cell is not looked up
    # The quoted cell is looked up whole, as the library would.
    hasakah = borderlex.resolve("Hasakah, Syria")
    assert rows[2][5] == (hasakah.id if hasakah else "")
    # Written in the dialect read: a cell with the delimiter or a line break is quoted again.
    assert '"Hasakah, Syria"' in out and '"two reports:\none says' in out


def test_tsv_by_extension_with_quoted_cells(tmp_path: Path) -> None:
    f = tmp_path / "events.tsv"
    f.write_text('id\tplace\n1\t"Homs\tcity"\n2\tDaesh\n3\tAtlantis\n', encoding="utf-8")
    code, out = run("lookup", "--column", "place", str(f))
    assert code == 0
    rows = table(out, "\t")
    assert rows[0] == ["id", "place", *ADDED]
    assert rows[1][:2] == ["1", "Homs\tcity"] and out.splitlines()[1].startswith('1\t"Homs\tcity"\t')
    assert rows[2][2] == "org:islamic-state" and rows[2][4] == "org"
    assert rows[3] == ["3", "Atlantis", "", "", "", "", ""]
    # .tab too; --delimiter for any other name
    g = tmp_path / "events.txt"
    g.write_text("id;place\n1;Homs\n", encoding="utf-8")
    code, out = run("lookup", "--column", "place", "--delimiter", ";", str(g))
    assert table(out, ";")[1][:3] == ["1", "Homs", "place:homs"]
    code, out = run("lookup", "--column", "place", "--delimiter", "\\t", str(f))
    assert table(out, "\t")[2][2] == "org:islamic-state"


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    f = tmp_path / "excel.csv"
    f.write_bytes("\ufeffplace,n\r\nHoms,1\r\nRaqqa,2\r\n".encode())
    proc = run_script("lookup", "--column", "place", str(f))
    assert proc.returncode == 0 and proc.stderr == b""
    # The BOM is not part of the first column's name, and comes back in front.
    assert proc.stdout.startswith(b"\xef\xbb\xbfplace,n,place_id,")
    lines = proc.stdout.split(b"\r\n")
    assert lines[1].startswith(b"Homs,1,place:homs,") and lines[2].startswith(b"Raqqa,2,place:raqqa,")
    assert lines[3] == b""  # every line ends as it did: CRLF


def test_stdin_dash_in_process_and_through_the_script() -> None:
    code, out = run("lookup", "--column", "actor", "-", stdin="actor\nISIS\n\nDaesh\n")
    assert code == 0
    assert out.splitlines() == [
        "actor,actor_id,actor_name,actor_kind,actor_score,actor_method",
        "ISIS,org:islamic-state,Islamic State,org,100.0,exact",
        "",  # a blank line stays a blank line
        "Daesh,org:islamic-state,Islamic State,org,100.0,exact",
    ]
    assert run("lookup", "--column", "actor", stdin="actor\nISIS\n")[1] == out.split("\n\n")[0] + "\n"
    proc = run_script("lookup", "--column", "actor", "-", stdin=b"actor,x\r\nISIS,1\r\n")
    assert proc.stdout == b"actor,x,actor_id,actor_name,actor_kind,actor_score,actor_method\r\n" + (
        b"ISIS,1,org:islamic-state,Islamic State,org,100.0,exact\r\n"
    )


def test_kind_as_of_and_tables_apply(tmp_path: Path) -> None:
    f = tmp_path / "mixed.csv"
    f.write_text("name\nISIS\nHoms\nSyrian interim government\nAl-Marashidah\n", encoding="utf-8")
    _, out = run("lookup", "--column", "name", "--kind", "org", str(f))
    assert [r[1] for r in table(out)[1:3]] == ["org:islamic-state", ""]
    _, out = run("lookup", "--column", "name", "--as-of", "2025-02", str(f))
    assert table(out)[3][1] == "org:syrian-caretaker-government"
    _, out = run("lookup", "--column", "name", "--tables", str(DATA / "example_table.toml"), str(f))
    assert table(out)[4][1] == "place:marashidah"


def test_date_column_is_each_rows_as_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "dated.csv"
    f.write_text(
        "date,actor\n2018-06,Syrian interim government\n2025-02-10,Syrian interim government\n"
        ",Syrian interim government\nJune 2018,Daesh\n",
        encoding="utf-8",
    )
    code, out = run("lookup", "--column", "actor", "--date-column", "date", str(f))
    rows = table(out)
    assert rows[1][2] == "org:syrian-interim-government"
    assert rows[2][2] == "org:syrian-caretaker-government"
    undated = borderlex.resolve("Syrian interim government")
    assert undated is not None and rows[3][2] == undated.id  # no date in the row: none used
    assert rows[4][2] == "org:islamic-state"  # a bad date: looked up without it, and said
    assert code == 1
    assert stderr_lines(capsys) == [
        f"borderlex: {f}: line 5: 'June 2018' is not a date (YYYY, YYYY-MM or YYYY-MM-DD), looked up without it"
    ]
    code, out = run("lookup", "--column", "actor", "--date-column", "when", str(f))
    assert code == 2 and out == ""


# -- hostile files ---------------------------------------------------------------------


def test_ragged_rows_are_kept_and_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "ragged.csv"
    f.write_text("id,place,note\n1,Homs\n2\n3,Raqqa,a,b\n4,Daesh,ok\n", encoding="utf-8")
    code, out = run("lookup", "--column", "place", str(f))
    assert code == 1
    rows = table(out)
    assert len(rows) == 5  # one output row per input row
    assert rows[1] == ["1", "Homs", "", *rows[1][3:]] and rows[1][3] == "place:homs"  # padded
    assert rows[2] == ["2", "", "", "", "", "", "", ""]  # no place at all: padded, not looked up
    assert rows[3][:3] == ["3", "Raqqa", "a"] and rows[3][3] == "place:raqqa" and rows[3][-1] == "b"
    assert len(rows[3]) == 9  # the extra field follows the id columns
    assert rows[4][3] == "org:islamic-state"
    assert stderr_lines(capsys) == [
        f"borderlex: {f}: line 2: 2 fields, the header has 3 (padded with empty fields)",
        f"borderlex: {f}: line 3: 1 fields, the header has 3 (padded with empty fields)",
        f"borderlex: {f}: line 4: 4 fields, the header has 3 (extra fields kept after the id columns)",
    ]


def test_lines_are_counted_across_quoted_line_breaks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "multi.csv"
    f.write_text('place,note\nHoms,"a\nb\nc"\nRaqqa\n', encoding="utf-8")
    assert run("lookup", "--column", "place", str(f))[0] == 1
    assert stderr_lines(capsys) == [f"borderlex: {f}: line 5: 1 fields, the header has 2 (padded with empty fields)"]


def test_missing_column_and_header_collision_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("lookup", "--column", "town", str(EVENTS)) == (2, "")
    assert stderr_lines(capsys) == [
        f"borderlex: {EVENTS}: no column 'town' in the header ('event_id', 'event_date', 'actor', 'place', 'notes')"
    ]
    f = tmp_path / "twice.csv"
    f.write_text("place,place_id,place_kind\nHoms,x,y\n", encoding="utf-8")
    assert run("lookup", "--column", "place", str(f)) == (2, "")
    assert stderr_lines(capsys) == [
        f"borderlex: {f}: the header has 'place_id', 'place_kind' already (drop or rename those columns first)"
    ]


def test_empty_and_unreadable_inputs_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("lookup", "--column", "place", "-", stdin="") == (1, "")
    assert stderr_lines(capsys) == ["borderlex: stdin: empty input, no header line"]
    assert run("lookup", "--column", "place", str(tmp_path / "nope.csv")) == (1, "")
    assert stderr_lines(capsys) == [f"borderlex: {tmp_path / 'nope.csv'}: no such file"]
    assert run("lookup", "--column", "place", str(tmp_path))[0] == 1
    assert stderr_lines(capsys) == [f"borderlex: {tmp_path}: is a directory"]


@pytest.mark.parametrize(
    "args",
    [
        ["--column", "place", "--json", "x.csv"],
        ["--column", "place", "--format", "tsv", "x.csv"],
        ["--column", "place", "--candidates", "2", "x.csv"],
        ["--column", "place", "--explain", "x.csv"],
        ["--column", "place", "a.csv", "b.csv"],
        ["--date-column", "date", "Homs"],
        ["--delimiter", ";", "Homs"],
        ["--delimiter", ";;", "--column", "place", "x.csv"],
    ],
)
def test_options_that_do_not_go_together(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run("lookup", *args) == (2, "")
    err = capsys.readouterr().err
    assert err.startswith("borderlex lookup: error: ") and "Traceback" not in err


def test_undecodable_bytes_follow_encoding_errors(tmp_path: Path) -> None:
    f = tmp_path / "latin1.csv"
    f.write_bytes(b"place,n\nHoms\xe9,1\nRaqqa,2\n")
    proc = run_script("lookup", "--column", "place", str(f))
    assert proc.returncode == 1
    lines = proc.stdout.split(b"\n")
    assert lines[1] == b"Homs\xe9,1,,,,,"  # the bytes come back as they were, not looked up
    assert lines[2].startswith(b"Raqqa,2,place:raqqa,")
    assert proc.stderr.decode() == (
        f"borderlex: {f}: line 2: the cell is not valid UTF-8, not looked up (see --encoding-errors)\n"
    )
    proc = run_script("lookup", "--column", "place", "--encoding-errors", "replace", str(f))
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.split(b"\n")[1].startswith("Homs\ufffd,1,place:homs,".encode())


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    f = tmp_path / "long.csv"
    f.write_text("place\n" + "Homs\n" * 20_000, encoding="utf-8")
    env = {**os.environ, "BL": script()[0]}
    proc = subprocess.run(
        ["bash", "-c", f'set -o pipefail; "$BL" lookup --column place {f} | head -n 2'],
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert proc.stdout.count(b"\n") == 2 and proc.stderr == b""


def test_ten_thousand_rows_stream_in_batches() -> None:
    # The first rows come back while the input is still open; all 10,000 in order.
    names = ["Homs", "Daesh", "Atlantis", "Albu Kamal", "", "Raqqa, Syria"]
    rows = [[str(i), names[i % len(names)]] for i in range(10_000)]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([["n", "place"], *rows])
    data = buffer.getvalue().encode()
    first = data.index(b"\n", data.index(b"1000,")) + 1  # the header and 1,000 rows: one batch
    proc = subprocess.Popen(
        [*script(), "lookup", "--column", "place", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert proc.stdin and proc.stdout
    proc.stdin.write(data[:first])
    proc.stdin.flush()
    early = [proc.stdout.readline() for _ in range(1001)]  # the header and the first batch
    assert early[0].startswith(b"n,place,place_id") and early[-1].startswith(b"999,")
    rest = threading.Thread(target=lambda: (proc.stdin.write(data[first:]), proc.stdin.close()))  # type: ignore[union-attr]
    rest.start()
    out = b"".join(early) + proc.stdout.read()
    rest.join()
    assert proc.wait(timeout=120) == 0
    got = table(out.decode())
    assert len(got) == 10_001 and [r[:2] for r in got[1:]] == rows
    expected = {n: (m.id if (m := borderlex.resolve(n)) else "") for n in names if n}
    assert all(r[2] == (expected[r[1]] if r[1] else "") for r in got[1:])


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals")
def test_a_large_file_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    import pty  # noqa: PLC0415 - POSIX only

    f = tmp_path / "large.csv"
    note = "x" * 1040
    with f.open("w", encoding="utf-8") as w:  # over 16 MiB; the place cells are empty, so it is quick
        w.write("n,place,note\n")
        for i in range(16_200):
            w.write(f"{i},,{note}\n")
    assert f.stat().st_size >= 16 << 20
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [*script(), "lookup", "--column", "place", str(f)],
            stderr=follower,
            stdout=subprocess.PIPE,
            timeout=120,
            check=False,
        )
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
    assert proc.returncode == 0 and proc.stdout.count(b"\n") == 16_201
    assert b"\rlookup: 1,000 rows, " in seen and b"\rlookup: 16,200 rows, 100%" in seen
    piped = run_script("lookup", "--column", "place", str(f))
    assert piped.returncode == 0 and piped.stderr == b""  # not a terminal: no progress


# -- invariants ------------------------------------------------------------------------

PIECES = ["a", "Homs", " ", ",", '"', "\n", "\r\n", "\t", ";", "ب", "Daesh"]
cells = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


@given(
    header=st.lists(st.sampled_from(["a", "b", "c,d", 'e"f', "g h"]), min_size=1, max_size=4, unique=True),
    body=st.lists(st.lists(cells, min_size=1, max_size=5), max_size=8),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
def test_any_table_comes_back_whole(header: list[str], body: list[list[str]], delimiter: str) -> None:
    """Whatever the cells hold, the output read back is the input read back,
    with five columns after the header's; one row per row."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows([header, *body])
    source = buffer.getvalue()
    original = table(source, delimiter)
    code, out = run("lookup", "--column", header[0], "--delimiter", delimiter, "-", stdin=source)
    rows = table(out, delimiter)
    assert len(rows) == len(original)
    assert rows[0] == header + [f"{header[0]}_{s}" for s in ("id", "name", "kind", "score", "method")]
    width = len(header)
    for got, row in zip(rows[1:], original[1:], strict=True):
        if not row:
            assert got == []
            continue
        kept = got[:width] + got[width + 5 :]
        assert kept == row + [""] * (width - len(row))
        match = borderlex.resolve(row[0]) if row[0].strip() else None
        assert got[width] == (match.id if match else "")
    ragged = sum(1 for r in original[1:] if r and len(r) != width)
    assert code == (1 if ragged else 0)
