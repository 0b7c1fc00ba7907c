"""The command line under hostile conditions: broken output channels, odd
encodings, undecodable and over-long input, endless streams.  Each case ends
in one clear line on stderr (or the right output), never a traceback or a hang,
and ``lookup -`` gives exactly one output row per input line."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
from pathlib import Path

import pytest

from test_cli import run_script, script

# Every test here starts the command line as a process: slow.
pytestmark = [pytest.mark.skipif(os.name != "posix", reason="POSIX descriptors and devices"), pytest.mark.slow]


def one_clear_line(stderr: bytes) -> str:
    assert b"Traceback" not in stderr
    lines = stderr.decode("utf-8", "replace").splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def shell(command: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run ``command`` with ``$BL`` standing for the console script."""
    env = {**os.environ, "BL": script()[0]}
    return subprocess.run(["sh", "-c", command], input=stdin, capture_output=True, timeout=120, env=env)


# -- output channels ------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "command",
    [
        '"$BL" lookup "Albu Kamal" > /dev/full',
        '"$BL" --help > /dev/full',
        '"$BL" > /dev/full',
        'echo Daesh | "$BL" scan - > /dev/full',
        'printf "place\\nHoms\\n" | "$BL" lookup --column place - > /dev/full',
        '"$BL" lookup --format csv Homs > /dev/full',
    ],
)
def test_a_full_disk_is_one_line(command: str) -> None:
    proc = shell(command)
    assert proc.returncode == 1
    assert one_clear_line(proc.stderr) == "borderlex: cannot write output: No space left on device"


@pytest.mark.parametrize(
    "command", ['"$BL" lookup "Albu Kamal" >&-', 'printf "place\\nHoms\\n" | "$BL" lookup --column place - >&-']
)
def test_a_closed_stdout_is_one_line(command: str) -> None:
    proc = shell(command)
    assert proc.returncode == 1
    assert one_clear_line(proc.stderr) == "borderlex: cannot write output: standard output is closed"


def test_a_closed_stdin_is_one_line() -> None:
    proc = shell('"$BL" lookup - <&-')
    assert proc.returncode == 1 and one_clear_line(proc.stderr) == "borderlex: stdin is closed"
    proc = shell('"$BL" scan - <&-')
    assert proc.returncode == 1 and one_clear_line(proc.stderr) == "borderlex: -: stdin is closed"
    proc = shell('"$BL" lookup --column place - <&-')
    assert proc.returncode == 1 and one_clear_line(proc.stderr) == "borderlex: stdin is closed"


def test_an_output_encoding_without_arabic_escapes_and_says_so() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    proc = run_script("lookup", "البوكمال", env=env)
    assert proc.returncode == 0
    assert proc.stdout.startswith(b"\\u0627\\u0644\\u0628\\u0648\\u0643\\u0645\\u0627\\u0644\tplace:al-bukamal\t")
    assert "cannot show some characters" in one_clear_line(proc.stderr)


def test_json_lines_are_valid_utf8_even_for_undecodable_arguments() -> None:
    name = b"Albu\xff Kamal".decode("utf-8", "surrogateescape")
    proc = subprocess.run([*script(), "lookup", "--json", name], capture_output=True, timeout=120)
    record = json.loads(proc.stdout.decode("utf-8"))  # strict: raises on invalid UTF-8
    assert record["query"] == "Albu\ufffd Kamal" and record["id"] == "place:al-bukamal"
    assert "U+FFFD" in one_clear_line(proc.stderr)


# -- lookup -: one row per line --------------------------------------------------------

FIVE_LINES = b"Albu Kamal\n\n\xff\xfe bad\nISIS\n   \n"


def test_lookup_stdin_keeps_every_line_in_place() -> None:
    proc = run_script("lookup", "-", stdin=FIVE_LINES)
    assert proc.returncode == 1
    rows = proc.stdout.split(b"\n")[:-1]
    assert [r.split(b"\t")[1] for r in rows] == [
        b"place:al-bukamal",
        b"no match",
        b"error: invalid UTF-8 at byte 0 of the line",
        b"org:islamic-state",
        b"no match",
    ]
    assert rows[2].split(b"\t")[0] == b"\xff\xfe bad"  # the line as it came, so it can be found
    assert one_clear_line(proc.stderr) == "borderlex: stdin line 3: invalid UTF-8 at byte 0 of the line"


def test_lookup_stdin_json_has_one_valid_record_per_line() -> None:
    proc = run_script("lookup", "--json", "-", stdin=FIVE_LINES)
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == ["place:al-bukamal", None, None, "org:islamic-state", None]
    assert records[2]["error"] == "invalid UTF-8 at byte 0 of the line"
    assert records[2]["query"] == "\ufffd\ufffd bad"


def test_lookup_stdin_tsv_gives_the_error_its_own_column() -> None:
    proc = run_script("lookup", "--format", "tsv", "-", stdin=FIVE_LINES)
    rows = [r.split(b"\t") for r in proc.stdout.split(b"\n")[:-1]]
    assert len(rows) == 6 and all(len(r) == 12 for r in rows)  # a header, then one row per line
    assert rows[0][1] == b"id" and rows[0][-1] == b"error"
    assert rows[3][0] == b"\xff\xfe bad" and rows[3][1] == b"" and rows[3][-1] == b"invalid UTF-8 at byte 0 of the line"
    assert [r[1] for r in rows[1:]] == [b"place:al-bukamal", b"", b"", b"org:islamic-state", b""]
    assert all(r[-1] == b"" for i, r in enumerate(rows[1:]) if i != 2)


def test_lookup_stdin_replace_decodes_instead() -> None:
    proc = run_script("lookup", "--encoding-errors", "replace", "-", stdin=b"Albu Kamal\xff\n")
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.split(b"\t")[1] == b"place:al-bukamal"


def test_lookup_stdin_over_long_line_is_an_error_row_in_bounded_memory() -> None:
    lines = b"Daesh\n" + b"x" * (3 << 20) + b"\nHoms\n"
    proc = run_script("lookup", "-", stdin=lines)
    rows = proc.stdout.split(b"\n")[:-1]
    assert len(rows) == 3
    assert rows[1].endswith(b"error: line longer than 1048576 bytes, not looked up")
    assert rows[2].split(b"\t")[1] == b"place:homs"
    assert "stdin line 2" in one_clear_line(proc.stderr)


def test_lookup_stdin_lines_without_final_newline_and_crlf() -> None:
    proc = run_script("lookup", "-", stdin=b"Daesh\r\nHoms")
    assert [r.split(b"\t")[:2] for r in proc.stdout.splitlines()] == [
        [b"Daesh", b"org:islamic-state"],
        [b"Homs", b"place:homs"],
    ]


# -- scan -: streaming ---------------------------------------------------------------------

PARAGRAPH = (
    "ISIS fighters fled Albu Kamal towards the Qaim border crossing, the monitor said. "
    "The SDF held Hajin.\n\n"
)


def test_scan_stdin_streams_output_before_the_input_ends() -> None:
    proc = subprocess.Popen([*script(), "scan", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin and proc.stdout
    # Just over one chunk (64k characters), so that its output (~20 kB) fits
    # in the pipe while this side is still writing.
    block = (PARAGRAPH * 700).encode()
    proc.stdin.write(block)
    proc.stdin.flush()
    first = proc.stdout.readline()  # arrives while stdin is still open
    assert first.split(b"\t")[3:] == [b"ISIS", b"org:islamic-state\n"]
    proc.stdin.close()
    rest = proc.stdout.read()
    assert proc.wait(timeout=120) == 0
    assert (first + rest).count(b"\n") == 700 * 5


def test_scan_offsets_are_in_the_whole_stream() -> None:
    text = PARAGRAPH * 1500 + "x " * 100_000 + "Daesh"  # the last mention sits past several cuts
    proc = run_script("scan", "-", stdin=text.encode())
    rows = [r.split("\t") for r in proc.stdout.decode().splitlines()]
    for _, start, end, surface, _ in rows:
        assert text[int(start) : int(end)] == surface
    assert rows[-1][3:] == ["Daesh", "org:islamic-state"]


def test_scan_annotated_stream_reproduces_the_input() -> None:
    text = PARAGRAPH * 1500
    proc = run_script("scan", "--format", "annotated", "-", stdin=text.encode())
    out = proc.stdout.decode()
    assert out.count("[[Albu Kamal|place:al-bukamal]]") == 1500
    assert re.sub(r"\[\[([^|\]]*)\|[a-z]+:[a-z0-9-]+\]\]", r"\1", out) == text


def _limit_memory() -> None:
    limit = 250 << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.slow
def test_scan_stdin_memory_stays_bounded() -> None:
    # 3 MB of text scanned whole needs some 300 MB; in chunks it fits in 250 MB of address space.
    text = (PARAGRAPH * (3 * 1024 * 1024 // len(PARAGRAPH))).encode()
    proc = subprocess.run(
        [*script(), "scan", "-"], input=text, capture_output=True, timeout=600, preexec_fn=_limit_memory
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.count(b"\n") == 5 * (3 * 1024 * 1024 // len(PARAGRAPH))


def test_scan_a_fifo_input_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.Popen([*script(), "scan", str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with fifo.open("w", encoding="utf-8") as w:
        w.write("Daesh left Homs.\n")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and err == b""
    assert [r.split(b"\t")[4] for r in out.splitlines()] == [b"org:islamic-state", b"place:homs"]
