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

from collections.abc import Callable, Iterable, Iterator

import attrs

from .model import Mention

__all__ = ["CHUNK_CHARS", "chunks", "scan_chunks"]

#: The chunk size aimed at, in characters.  A chunk is cut at the first blank
#: line past this size, else at the first line break past twice it, else (in
#: one very long line) at the last space before three times it.
CHUNK_CHARS = 64 * 1024


def chunks(pieces: Iterable[str], size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` for consecutive chunks of the concatenated ``pieces``."""
    if isinstance(pieces, str):
        pieces = (pieces,)
    buf: list[str] = []
    held = 0
    offset = 0
    for piece in pieces:
        if not isinstance(piece, str):
            raise TypeError(f"pieces must be strings, not {type(piece).__name__}")
        buf.append(piece)
        held += len(piece)
        if held < size:
            continue
        ends_line = piece.endswith("\n")
        if not ((ends_line and (held >= 2 * size or not piece.strip())) or held >= 3 * size):
            continue
        text = "".join(buf)
        cut = len(text)
        if not ends_line:  # inside one very long line: cut after its last space
            space = max(text.rfind(" "), text.rfind("\t"), text.rfind("\n"))
            if space >= size:
                cut = space + 1
        yield offset, text[:cut]
        offset += cut
        rest = text[cut:]
        buf = [rest] if rest else []
        held = len(rest)
    if buf:
        yield offset, "".join(buf)


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
