"""Scanning a text of any size in bounded memory.

A stream (a file object, the lines of stdin, any iterable of strings) is
cut into chunks at paragraph breaks, or line breaks, near a chunk size; each
chunk is scanned on its own and its mentions are shifted to offsets in the
whole stream.  Memory is bounded by the chunk size, whatever the stream's.

What a chunk cannot see: a weak alias is supported only by a full name in
its own chunk, and a name is never found across a cut.  Cuts fall between
lines, so only a name broken over a line break at a cut is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import attrs

from .model import Mention

__all__ = ["CHUNK_CHARS", "chunks", "scan_chunks"]

#: The chunk size aimed at, in characters.  A chunk is cut at the first blank
#: line past this size, else at the first line break past twice it, else (in
#: one very long line) at the last space before three times it, else (no
#: space at all) at three times it: no chunk is longer.
CHUNK_CHARS = 64 * 1024


def chunks(pieces: str | Iterable[str], size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` for consecutive chunks of the concatenated ``pieces``
    (a string is taken line by line)."""
    if isinstance(pieces, str):
        pieces = (m.group() for m in _LINE.finditer(pieces))
    buf: list[str] = []
    held = 0
    offset = 0
    for piece in pieces:
        if not isinstance(piece, str):
            raise TypeError(f"pieces must be strings, not {type(piece).__name__}")
        buf.append(piece)
        held += len(piece)
        # A cut may leave more than a chunk behind (one very long line): cut again.
        while held >= size:
            ends_line = buf[-1].endswith("\n")
            if not ((ends_line and (held >= 2 * size or not buf[-1].strip())) or held >= 3 * size):
                break
            text = "".join(buf)
            cut = len(text)
            if not ends_line:  # inside one very long line: cut after its last space
                space = max(text.rfind(" ", 0, 3 * size), text.rfind("\t", 0, 3 * size), text.rfind("\n", 0, 3 * size))
                cut = space + 1 if space >= size else min(cut, 3 * size)
            yield offset, text[:cut]
            offset += cut
            rest = text[cut:]
            buf = [rest] if rest else []
            held = len(rest)
    if buf:
        yield offset, "".join(buf)


_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def scan_chunks(
    pieces: Iterable[str], scan: Callable[[str], list[Mention]], size: int = CHUNK_CHARS
) -> Iterator[tuple[int, str, list[Mention]]]:
    """``(offset, chunk, mentions)`` for each chunk, the mentions' offsets in
    the whole stream (``chunk[m.start - offset:m.end - offset] == m.text``)."""
    for offset, text in chunks(pieces, size):
        found = scan(text)
        if offset:
            found = [attrs.evolve(m, start=m.start + offset, end=m.end + offset) for m in found]
        yield offset, text, found
