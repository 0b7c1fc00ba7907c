"""Writing: stdout flushed per write, stderr messages, and the tabular
formats (tsv, csv, jsonl) every command shares."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Mapping, Sequence
from typing import IO

__all__ = ["ESCAPED", "FORMATS", "Out", "OutputError", "Table", "err"]

#: The machine-readable formats: one header and fixed columns (tsv, csv),
#: or one JSON object per line with fixed keys (jsonl).
FORMATS = ("tsv", "csv", "jsonl")

LIST_SEPARATOR = "|"  # a list field (aliases, alternatives) in one tsv or csv cell


class OutputError(Exception):
    """Standard output cannot be written (a full disk, a closed descriptor)."""


class Out:
    """stdout that is flushed per write (so pipes stream), with JSON lines."""

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream
        self.replaced = False

    def write(self, text: str) -> None:
        if self.stream is None:
            raise OutputError("standard output is closed")
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(e.strerror or str(e)) from None

    def line(self, text: str = "") -> None:
        self.write(text + "\n")

    def json(self, obj: object) -> None:
        text = json.dumps(obj, ensure_ascii=False)
        if _SURROGATE.search(text):
            # Undecodable input bytes (kept as lone surrogates) would make
            # the line invalid UTF-8: show them as U+FFFD, and say so once.
            text = _SURROGATE.sub("\ufffd", text)
            if not self.replaced:
                self.replaced = True
                err("undecodable bytes in the input are shown as U+FFFD in the JSON output")
        self.line(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


class Table:
    """Records with fixed fields, written as ``fmt``: tsv and csv start with
    a header line and give every record every column (empty for ``None``);
    jsonl gives every record every key (``null`` for ``None``)."""

    def __init__(self, out: Out, fmt: str, columns: Sequence[str]) -> None:
        self.out = out
        self.fmt = fmt
        self.columns = tuple(columns)
        if fmt != "jsonl":
            self.out.write(self._cells(self.columns))

    def row(self, record: Mapping[str, object]) -> None:
        if self.fmt == "jsonl":
            self.out.json({c: record.get(c) for c in self.columns})
        else:
            self.out.write(self._cells([_cell(record.get(c)) for c in self.columns]))

    def _cells(self, cells: Sequence[str]) -> str:
        if self.fmt == "tsv":
            # One line per record: a tab or line break inside a value becomes a space.
            return "\t".join(_FLAT.sub(" ", c) for c in cells) + "\n"
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(cells)
        return buffer.getvalue()


_FLAT = re.compile(r"[\t\r\n]")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(map(str, value))
    return str(value)


def _escape_unencodable(exc: UnicodeError) -> tuple[str | bytes, int]:
    """Encoding error handler for stdout and stderr: bytes that came in
    undecodable go out as the same bytes; a character the output encoding
    lacks is written as a \\uXXXX escape (and reported once)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    if all("\udc80" <= c <= "\udcff" for c in bad):
        return bytes(ord(c) - 0xDC00 for c in bad), exc.end
    ESCAPED.add(exc.encoding)
    return "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in bad), exc.end


#: The output encodings that lacked a character during this run.
ESCAPED: set[str] = set()
codecs.register_error("borderlex.escape", _escape_unencodable)


def err(message: str) -> None:
    """One line on stderr, prefixed ``borderlex:``; silent if stderr is closed."""
    if sys.stderr is None:  # closed: nowhere to say it
        return
    try:
        sys.stderr.write(f"borderlex: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
