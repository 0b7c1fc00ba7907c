"""Finding and reading user table files, safely.

Only regular files are read: a path is looked at (following symlinks) before
it is opened, so a FIFO, a device or a socket is refused without blocking or
reading endlessly, and a file is read to at most ``limit + 1`` bytes whatever
its size claims.  A symlink loop or a dangling symlink is named as such.

A path given directly that cannot be read is a problem.  In a directory,
every name ending in ``.toml`` (in any case) is a table; one that is not a
regular file (a sub-directory, a FIFO, a dangling link...) or is hidden (its
name starts with a dot, as macOS ``._x.toml`` files do) is *skipped*, and the
skip is reported with its reason.  Other names are not tables and are passed
over without a word.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import TableError

if TYPE_CHECKING:
    from pathlib import Path  # annotations only: a compiled index loads without pathlib

__all__ = ["read_table_file", "table_files"]

_SUFFIX = ".toml"
_CHUNK = 1 << 20
# Opening never waits for a writer (a FIFO swapped in after the type check).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _failure(path: str, error: OSError | ValueError) -> str:
    """Why looking at or opening ``path`` failed, in words."""
    if isinstance(error, ValueError):  # an embedded NUL character
        return f"invalid path: {error}"
    if error.errno == errno.ELOOP:
        return "symlink loop: the path cannot be resolved"
    if isinstance(error, FileNotFoundError):
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                return "dangling symlink: its target does not exist"
            return f"dangling symlink: its target {target!r} does not exist"
        return "no such file or directory"
    return f"cannot read: {error.strerror or error}"


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read as a table, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not a table file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _refusal(path: str) -> str | None:
    """Why ``path`` is not a regular file one could read (``None`` if it is)."""
    try:
        return _not_regular(os.stat(path).st_mode)
    except (OSError, ValueError) as e:
        return _failure(path, e)


def read_table_file(path: str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; raises [`TableError`][borderlex.TableError]
    (entity ``None``) for anything else, or for a file over ``limit`` bytes."""
    reason = _refusal(path)
    if reason is not None:
        raise TableError(path, None, reason)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as e:
        raise TableError(path, None, _failure(path, e)) from None
    try:
        reason = _not_regular(os.fstat(fd).st_mode)  # it may have been replaced since
        if reason is not None:
            raise TableError(path, None, reason)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise TableError(path, None, f"file is larger than {limit} bytes")
        return b"".join(chunks)
    except OSError as e:
        raise TableError(path, None, f"cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)


def table_files(
    path: str | Path, limit: int, problems: list[TableError], skipped: list[TableError]
) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of the table at ``path``, or of each table in the
    directory at ``path`` in name order.  Faults are appended to ``problems``;
    what a directory holds but cannot load, to ``skipped``."""
    name = os.fspath(path)
    try:
        is_dir = stat.S_ISDIR(os.stat(name).st_mode)
    except (OSError, ValueError) as e:
        problems.append(TableError(name, None, _failure(name, e)))
        return
    if not is_dir:
        try:
            yield name, read_table_file(name, limit)
        except TableError as e:
            problems.append(e)
        return
    try:
        entries = sorted(os.listdir(name))
    except OSError as e:
        problems.append(TableError(name, None, f"cannot list the directory: {e.strerror or e}"))
        return
    loaded = failed = skips = 0
    for entry in entries:
        if not entry.lower().endswith(_SUFFIX):
            continue
        full = os.path.join(name, entry)
        reason = "hidden file (the name starts with '.')" if entry.startswith(".") else _refusal(full)
        if reason is not None:
            skipped.append(TableError(full, None, reason))
            skips += 1
            continue
        try:
            data = read_table_file(full, limit)
        except TableError as e:
            problems.append(e)
            failed += 1
            continue
        loaded += 1
        yield full, data
    if not (loaded or failed):
        why = f" ({skips} skipped)" if skips else ""
        problems.append(TableError(name, None, f"directory holds no .toml tables that can be loaded{why}"))
