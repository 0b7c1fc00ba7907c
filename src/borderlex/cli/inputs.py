"""Reading: names from stdin line by line, and files, directories and stdin
piece by piece, each problem told once without losing the rest."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, NamedTuple

from .output import err

__all__ = ["BadLine", "InputError", "decoded", "open_binary", "pieces", "stdin_lines", "walk"]

BINARY_SNIFF = 8192
MAX_LINE_BYTES = 1 << 20  # a lookup line longer than this is no name
PIECE_BYTES = 1 << 16  # scan reads at most this much at a time


class InputError(Exception):
    """An input cannot be read at all (stdin closed, no such file)."""


class BadLine(NamedTuple):
    """A stdin line that cannot be looked up; it still gets its output row."""

    text: str  # as read, undecodable bytes kept (as surrogates)
    problem: str


def stdin_lines(stdin: IO[str] | None, errors: str) -> Iterator[str | BadLine]:
    """Lines of stdin as they arrive, one item per line, always: a line that
    is not UTF-8, or is too long to be a name, becomes a :class:`BadLine`
    (and is reported on stderr), so the output stays aligned with the input."""
    if stdin is None:
        raise InputError("stdin is closed")
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:
        yield from stdin
        return
    for number, raw in enumerate(iter(lambda: buffer.readline(MAX_LINE_BYTES), b""), 1):
        if len(raw) == MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := buffer.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass  # the rest of an over-long line: skipped, in bounded memory
            problem = f"line longer than {MAX_LINE_BYTES} bytes, not looked up"
            err(f"stdin line {number}: {problem}")
            yield BadLine(raw[:40].decode("utf-8", "replace") + "…", problem)
            continue
        try:
            yield raw.decode("utf-8", errors=errors)
        except UnicodeDecodeError as e:
            problem = f"invalid UTF-8 at byte {e.start} of the line"
            err(f"stdin line {number}: {problem}")
            yield BadLine(raw.decode("utf-8", "surrogateescape").rstrip("\r\n"), problem)


def walk(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """(display name, path) for each input; ``None`` path means stdin."""
    for p in paths:
        if p == "-":
            yield "-", None
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for f in sorted(files):
                    if not f.startswith("."):
                        full = Path(root) / f
                        yield str(full), full
        else:
            yield p, path


def open_binary(path: Path) -> IO[bytes]:
    """``path`` opened for reading, or :class:`InputError` saying why not."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None


def pieces(path: Path | None, stdin: IO[str] | None, errors: str) -> Iterator[str]:
    """The text of a file, or of stdin when ``path`` is None, piece by piece
    as it is read (lines, or bounded parts of very long lines).  Raises
    :class:`InputError` for an input that cannot be read or decoded."""
    if path is None:
        if stdin is None:
            raise InputError("stdin is closed")
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:
            yield from stdin
            return
        yield from decoded(buffer, errors)
        return
    with open_binary(path) as stream:
        yield from decoded(stream, errors)


def decoded(stream: IO[bytes], errors: str) -> Iterator[str]:
    """``stream`` decoded as UTF-8, a bounded piece at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors)
    read = 0
    try:
        while raw := stream.readline(PIECE_BYTES):
            if read < BINARY_SNIFF and b"\x00" in raw[: BINARY_SNIFF - read]:
                raise InputError("binary file (NUL bytes), skipped")
            try:
                text = decoder.decode(raw)
            except UnicodeDecodeError as e:
                at = max(read + e.start - len(decoder.getstate()[0]), 0)
                raise InputError(
                    f"invalid UTF-8 at byte {at} (use --encoding-errors replace to decode anyway)"
                ) from None
            read += len(raw)
            if text:
                yield text
        if tail := decoder.decode(b"", final=True):
            yield tail
    except UnicodeDecodeError:
        raise InputError(f"invalid UTF-8: the input ends inside a character (byte {read})") from None
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None
