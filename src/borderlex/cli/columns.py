"""``lookup --column NAME``: a CSV or TSV file with the ids of one column's
names appended as five columns, every row and column kept as read.

Rows are read and written a batch at a time, and each batch is resolved
with one ``resolve_many`` call (per date, with ``--date-column``), so memory
stays flat and a spelling repeated in the column is looked up once.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..dates import Period, parse_as_of
from ..errors import BorderlexError
from ..model import Kind, Match
from ..resolver import Resolver
from .inputs import InputError, open_binary
from .output import Out, err

__all__ = ["SUFFIXES", "ColumnError", "lookup_column"]

#: The columns appended for column NAME: NAME_id, NAME_name and so on.
SUFFIXES = ("id", "name", "kind", "score", "method")
TSV_EXTENSIONS = (".tsv", ".tab")
BATCH_ROWS = 1000
PROGRESS_MIN_BYTES = 16 << 20  # a file this large shows its progress on a terminal
MAX_NOTES = 20  # problems told one by one; the rest are counted


class ColumnError(BorderlexError, ValueError):
    """The file cannot take the id columns: the column is missing, or the
    columns to add are there already (a usage error: exit status 2)."""


class _Problems:
    """Row problems, told on stderr (the first :data:`MAX_NOTES`) and counted."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.count = 0

    def note(self, line: int, text: str) -> None:
        self.count += 1
        if self.count <= MAX_NOTES:
            err(f"{self.source}: line {line}: {text}")

    def summary(self) -> None:
        if self.count > MAX_NOTES:
            err(f"{self.source}: {self.count} rows had problems ({MAX_NOTES} shown)")


def lookup_column(args: argparse.Namespace, resolver: Resolver, out: Out, stdin: IO[str] | None) -> int:
    """Copy the CSV (or TSV) input to ``out`` with the id columns of
    ``args.column`` appended; 0 when every row was whole, 1 when some row
    had a problem (told on stderr, the row still written)."""
    source = args.names[0] if args.names else "-"
    shown = "stdin" if source == "-" else source
    delimiter = args.delimiter or ("\t" if Path(source).suffix.lower() in TSV_EXTENSIONS else ",")
    # Undecodable bytes are kept (as surrogates, written back as the same
    # bytes) unless --encoding-errors replace asks for U+FFFD.
    errors = "replace" if args.encoding_errors == "replace" else "surrogateescape"
    binary: IO[bytes] | None = None
    wrapper: io.TextIOWrapper | None = None
    if source == "-":
        if stdin is None:
            raise InputError("stdin is closed")
        buffer = getattr(stdin, "buffer", None)
        if buffer is not None:
            wrapper = io.TextIOWrapper(buffer, "utf-8", errors, newline="")
    else:
        try:
            binary = open_binary(Path(source))
        except InputError as e:
            raise InputError(f"{source}: {e}") from None
        wrapper = io.TextIOWrapper(binary, "utf-8", errors, newline="")
    size = Path(source).stat().st_size if binary is not None else 0
    progress = size >= PROGRESS_MIN_BYTES and sys.stderr is not None and sys.stderr.isatty()
    text: IO[str] = wrapper if wrapper is not None else stdin  # type: ignore[assignment]
    try:
        return _copy(
            args,
            resolver,
            out,
            text,
            delimiter=delimiter,
            problems=_Problems(shown),
            progress=binary if progress else None,
            size=size,
        )
    finally:
        if wrapper is not None:
            if binary is None:
                wrapper.detach()  # stdin's own buffer stays open
            else:
                wrapper.close()


def _copy(
    args: argparse.Namespace,
    resolver: Resolver,
    out: Out,
    text: IO[str],
    *,
    delimiter: str,
    problems: _Problems,
    progress: IO[bytes] | None,
    size: int,
) -> int:
    lines = iter(text)
    first = next(lines, None)
    if first is None:
        raise InputError(f"{problems.source}: empty input, no header line")
    bom = first.startswith("\ufeff")  # not part of the first column's name; written back in the output
    terminator = "\r\n" if first.endswith("\r\n") else "\n"
    reader = csv.reader(itertools.chain([first.removeprefix("\ufeff")], lines), delimiter=delimiter)
    try:
        header = next(reader)
        column = _index(header, args.column, problems.source)
        dates = None if args.date_column is None else _index(header, args.date_column, problems.source)
        added = [f"{args.column}_{s}" for s in SUFFIXES]
        if clash := [c for c in added if c in header]:
            raise ColumnError(
                f"{problems.source}: the header has {', '.join(map(repr, clash))} already "
                "(drop or rename those columns first)"
            )
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator)
        writer.writerow(header + added)
        out.write(("\ufeff" if bom else "") + buffer.getvalue())
        job = _Job(args, resolver, width=len(header), column=column, dates=dates, problems=problems)
        rows = 0
        for batch in _batches(reader):
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator)
            writer.writerows(job.run(batch))
            out.write(buffer.getvalue())
            rows += len(batch)
            if progress is not None:
                sys.stderr.write(f"\rlookup: {rows:,} rows, {100 * progress.tell() // max(size, 1)}%")
                sys.stderr.flush()
    except csv.Error as e:
        raise InputError(f"{problems.source}: line {reader.line_num}: {e}") from None
    finally:
        if progress is not None:
            sys.stderr.write("\n")
    problems.summary()
    return 1 if problems.count else 0


def _index(header: list[str], name: str, source: str) -> int:
    try:
        return header.index(name)
    except ValueError:
        raise ColumnError(f"{source}: no column {name!r} in the header ({', '.join(map(repr, header))})") from None


def _batches(reader: Iterator[list[str]]) -> Iterator[list[tuple[int, list[str]]]]:
    """Rows with the line each starts on, :data:`BATCH_ROWS` at a time."""
    line = 2  # the header is line 1 (a quoted line break would shift this: csv tells where a row ends)
    batch: list[tuple[int, list[str]]] = []
    for row in reader:
        batch.append((line, row))
        line = reader.line_num + 1  # type: ignore[attr-defined]
        if len(batch) >= BATCH_ROWS:
            yield batch
            batch = []
    if batch:
        yield batch


class _Job:
    """One column of one file: what to look up in each row, and how."""

    def __init__(
        self,
        args: argparse.Namespace,
        resolver: Resolver,
        *,
        width: int,
        column: int,
        dates: int | None,
        problems: _Problems,
    ) -> None:
        self.resolver = resolver
        self.kind: Kind | None = args.kind  # argparse's choices are the kinds
        self.as_of: Period | None = args.as_of
        self.strict = args.encoding_errors == "strict"
        self.width = width
        self.column = column
        self.dates = dates
        self.problems = problems
        self.periods: dict[str, Period | None] = {}

    def run(self, batch: list[tuple[int, list[str]]]) -> list[list[str]]:
        """The output rows of ``batch``: each row, padded to the header's
        width if short, with the five id columns after the header's columns
        (the extra fields of a long row follow them)."""
        wanted: dict[Period | None, list[int]] = {}  # rows to look up, by date
        for i, (line, row) in enumerate(batch):
            if not row:
                continue  # a blank line stays blank
            if len(row) != self.width:
                what = "padded with empty fields" if len(row) < self.width else "extra fields kept after the id columns"
                self.problems.note(line, f"{len(row)} fields, the header has {self.width} ({what})")
            cell = row[self.column] if self.column < len(row) else ""
            if not cell.strip():
                continue
            if self.strict and _undecodable(cell):
                self.problems.note(line, "the cell is not valid UTF-8, not looked up (see --encoding-errors)")
                continue
            wanted.setdefault(self._period(line, row), []).append(i)
        found: dict[int, Match | None] = {}
        for period, indexes in wanted.items():
            cells = [batch[i][1][self.column] for i in indexes]
            found.update(zip(indexes, self.resolver.resolve_many(cells, kind=self.kind, as_of=period), strict=True))
        rows: list[list[str]] = []
        for i, (_, row) in enumerate(batch):
            if not row:
                rows.append(row)
                continue
            match = found.get(i)
            added = ["", "", "", "", ""] if match is None else _cells(match)
            head = row[: self.width] + [""] * (self.width - len(row))
            rows.append(head + added + row[self.width :])
        return rows

    def _period(self, line: int, row: list[str]) -> Period | None:
        if self.dates is None:
            return self.as_of
        text = row[self.dates].strip() if self.dates < len(row) else ""
        if not text:
            return self.as_of
        if text not in self.periods:
            if len(self.periods) >= 10_000:
                self.periods.clear()  # bounded; an event file has few distinct dates
            try:
                self.periods[text] = parse_as_of(text, "the date")
            except ValueError:
                self.problems.note(line, f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD), looked up without it")
                return self.as_of
        return self.periods[text]


def _cells(match: Match) -> list[str]:
    return [match.id, match.entity.name, match.entity.kind, f"{match.score:.1f}", match.method.value]


_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes kept by surrogateescape


def _undecodable(text: str) -> bool:
    return _UNDECODABLE.search(text) is not None
