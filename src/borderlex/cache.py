"""Loading tables through the user cache of compiled indexes.

The tables are read (their bytes only) and hashed; a compiled file with that
content hash and this borderlex version in the cache directory is used
instead of parsing, checking and indexing them.  Otherwise the tables are
loaded and checked as always, and the result is compiled into the cache
(written to a temporary file, then renamed: a reader never sees half a
file).  A cached file that is damaged, or was compiled from other tables or
by another version, is rebuilt with a :class:`CacheWarning`; a cache that
cannot be read or written is passed over in silence (loading just stays slow).

The directory is the platform's user cache (``~/.cache/borderlex`` or
``$XDG_CACHE_HOME/borderlex``, ``~/Library/Caches/borderlex``,
``%LOCALAPPDATA%\\borderlex\\Cache``: where ``platformdirs`` puts it), or
``$BORDERLEX_CACHE_DIR``; ``BORDERLEX_NO_CACHE=1`` turns the cache off
(nothing is read or written).

For the bundled tables alone (every ``resolve()`` of a new process), a small
stamp file beside the compiled one records the size and modification time of
every file the content hash was made from: while they are unchanged, the
recorded hash is used and nothing is read or hashed but the compiled file
(Python's own bytecode cache trusts the same two figures).
"""

from __future__ import annotations

import contextlib
import os
import sys
import unicodedata
import warnings
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .compiled import CompiledError, decode, encode
from .errors import BorderlexError
from .index import AliasIndex
from .tables import Catalog, TableSources, checked_catalog, read_sources, warn_skipped

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["CACHE_DIR_ENV", "NO_CACHE_ENV", "CacheWarning", "cache_dir", "load_tables", "user_cache_dir"]

#: The directory of compiled indexes, instead of the platform's user cache.
CACHE_DIR_ENV = "BORDERLEX_CACHE_DIR"
#: Set to anything but "" or "0" to neither read nor write compiled indexes.
NO_CACHE_ENV = "BORDERLEX_NO_CACHE"

_SUFFIX = ".blx"


class CacheWarning(BorderlexError, UserWarning):
    """A compiled index in the cache could not be used and was rebuilt."""


def cache_dir() -> str | None:
    """Where compiled indexes are kept, or ``None`` when the cache is off."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    chosen = os.environ.get(CACHE_DIR_ENV)
    if chosen:
        return chosen
    return user_cache_dir()


def user_cache_dir() -> str:
    """The user cache directory of borderlex, as ``platformdirs.user_cache_dir("borderlex",
    appauthor=False)`` gives it; not imported, since it brings pathlib and
    tempfile into every process that loads tables."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "borderlex", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/borderlex")
    base = os.environ.get("XDG_CACHE_HOME", "")
    return os.path.join(base if base.strip() else os.path.expanduser("~/.cache"), "borderlex")


def _version() -> str:
    from . import __version__  # noqa: PLC0415 - the package is imported by now

    return __version__


def _code(content: Any) -> None:
    """Feed ``content`` (a hash) what decides a compiled file besides the
    tables and the version: borderlex's own code (a development checkout
    changes without a new version number), the Unicode database and the
    installed unidecode (by its file's size and date), all of which
    normalization depends on."""
    import unidecode  # noqa: PLC0415 - imported by normalization already

    from .vocabulary import vocabulary_digest  # noqa: PLC0415 - read on first use, like the tables

    content.update(f"unicode {unicodedata.unidata_version}\n".encode())
    # Name keys depend on the vocabularies (data/vocabulary.toml or BORDERLEX_VOCABULARY's copy).
    content.update(f"vocabulary {vocabulary_digest()}\n".encode())
    try:
        here = os.path.dirname(__file__)
        for name in sorted(os.listdir(here)):
            if name.endswith(".py"):
                with open(os.path.join(here, name), "rb") as f:
                    content.update(f"{name}\0".encode() + f.read())
        st = os.stat(unidecode.__file__ or "")
        content.update(f"unidecode {st.st_size} {st.st_mtime_ns}\n".encode())
    except OSError:
        content.update(b"no sources")  # a zipped install: its version says enough


def _hashes(sources: TableSources, version: str) -> tuple[str, str]:
    """The content hash of the tables and of what else decides the compiled
    file, and a hash of which files the tables are (the name under which a
    table set's compiled file is kept)."""
    # hashlib's SHA-256 (OpenSSL) is the fastest at hashing the tables' megabytes,
    # import included; the builtin _sha256 module was 3x slower on them.
    import hashlib  # noqa: PLC0415 - not needed when the stamp holds

    content = hashlib.sha256(f"borderlex {version}\n".encode())
    _code(content)
    # Pythons with different Unicode databases keep a file each (rather than
    # replacing each other's, when one user runs both).
    names = hashlib.sha256(unicodedata.unidata_version.encode())
    for item in sources.items:
        assert not isinstance(item, BaseException)  # only readable tables are cached
        layer, name, data = item
        label = f"{layer}\0{name}\0".encode("utf-8", "surrogateescape")
        names.update(label)
        content.update(label + len(data).to_bytes(8, "big"))
        content.update(data)
    return content.hexdigest(), names.hexdigest()


def _read(path: str) -> bytes | None:
    """The file's bytes, or ``None`` when there is none or it cannot be read
    (treated like a cache that cannot be written: loading goes on without)."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def _stamp(version: str) -> str | None:
    """The bundled tables, borderlex's code and data, the vocabulary file in
    use and unidecode, each by path, size and modification time (with the
    version and the Unicode database), or ``None`` for a zipped install."""
    import unidecode  # noqa: PLC0415 - imported by normalization already

    from .vocabulary import ENVIRONMENT_VARIABLE  # noqa: PLC0415 - a constant; vocabulary is imported by now

    lines = [f"borderlex {version} unicode {unicodedata.unidata_version}"]
    here = os.path.dirname(__file__)
    try:
        for top, folders, files in os.walk(here, followlinks=True):  # a checkout links data/
            folders[:] = sorted(d for d in folders if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".toml", ".tsv", ".json")):
                    lines.append(_stat_line(os.path.join(top, name)))
        for extra in (os.environ.get(ENVIRONMENT_VARIABLE), unidecode.__file__):
            if extra:
                lines.append(_stat_line(extra))
    except OSError:
        return None
    return "\n".join(lines) if len(lines) > 1 else None


def _stat_line(path: str) -> str:
    st = os.stat(path)
    return f"{st.st_size} {st.st_mtime_ns} {path}"


def _stamp_path(folder: str) -> str:
    """The stamp of this installation's bundled tables (one per install,
    so that two environments sharing a cache do not undo each other's)."""
    where = os.path.dirname(__file__).encode("utf-8", "surrogateescape")
    return os.path.join(folder, f"bundled-{zlib.crc32(where):08x}.stamp")


def _by_stamp(folder: str, stamp: str, version: str) -> tuple[Catalog, AliasIndex] | None:
    """The compiled bundled tables the stamp names, if it still describes
    them and the file is whole; else ``None`` (then they are hashed)."""
    raw = _read(_stamp_path(folder))
    try:
        name, content, described = (raw or b"").decode("utf-8", "surrogateescape").split("\n", 2)
    except ValueError:
        return None
    if described != stamp or os.path.basename(name) != name or not name.endswith(_SUFFIX):
        return None
    data = _read(os.path.join(folder, name))
    if data is None:
        return None
    try:
        return decode(data, sources=content, version=version)
    except CompiledError:
        return None  # hashed, then rebuilt with a warning


def _write(folder: str, path: str, data: bytes, family: str | None = None) -> None:
    """Write ``data`` to ``path`` atomically and remove the older files of
    the same table set (``family``); any failure leaves the cache as it was."""
    import tempfile  # noqa: PLC0415 - only when compiling

    tmp = None
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        tmp = None
        if family is not None:
            for name in os.listdir(folder):
                old = os.path.join(folder, name)
                if name.startswith(family) and name.endswith(_SUFFIX) and old != path:
                    os.remove(old)
    except OSError:
        pass  # a read-only or full cache: the tables were loaded all the same
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.remove(tmp)


def load_tables(paths: Iterable[str | Path] = (), *, include_default: bool = True) -> tuple[Catalog, AliasIndex]:
    """The catalog and alias index of the bundled tables (unless
    ``include_default`` is false) and the tables at ``paths``, from the
    cache when it holds them; errors and warnings as
    :func:`~borderlex.tables.load_catalog` gives them."""
    paths = tuple(paths)
    folder = cache_dir()
    version = _version()
    # Taken before the tables are read: a file changed meanwhile is hashed again next time.
    stamp = _stamp(version) if folder is not None and include_default and not paths else None
    if stamp is not None and folder is not None:
        found = _by_stamp(folder, stamp, version)
        if found is not None:
            return found
    sources = read_sources(paths, include_default)
    if folder is None or not sources.readable:
        # The warnings point where they did before the cache: at the
        # resolver's from_tables() or default(), two calls up.
        catalog = checked_catalog(sources, stacklevel=5)
        return catalog, AliasIndex(catalog)
    content, names = _hashes(sources, version)
    family = f"tables-{names[:16]}-"
    path = os.path.join(folder, f"{family}{content[:32]}{_SUFFIX}")
    data = _read(path)
    if data is not None:
        try:
            found = decode(data, sources=content, version=version)
        except CompiledError as e:
            warnings.warn(CacheWarning(f"compiled index {path} not used ({e}); rebuilding it"), stacklevel=3)
        else:
            warn_skipped(sources.skipped, 4)
            _write_stamp(folder, stamp, path, content)
            return found
    catalog = checked_catalog(sources, stacklevel=5)
    index = AliasIndex(catalog)
    try:
        compiled = encode(catalog, index, sources=content, version=version)
    except UnicodeEncodeError:
        return catalog, index  # a lone surrogate cannot be written as UTF-8: not cached
    _write(folder, path, compiled, family)
    _write_stamp(folder, stamp, path, content)
    return catalog, index


def _write_stamp(folder: str, stamp: str | None, path: str, content: str) -> None:
    if stamp is not None and os.path.isfile(path):
        text = f"{os.path.basename(path)}\n{content}\n{stamp}"
        _write(folder, _stamp_path(folder), text.encode("utf-8", "surrogateescape"))
