"""The compiled index and its cache (issue #17): the same answers as the
tables themselves, never a stale, foreign or damaged file used, and table
checks whenever the tables change.  Every cache here lives in tmp_path."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import platformdirs  # a test dependency: borderlex computes the same place without importing it
import pytest
from hypothesis import given
from hypothesis import strategies as st

import borderlex
from borderlex import Resolver, TableError, TableWarning
from borderlex.cache import (
    CACHE_DIR_ENV,
    NO_CACHE_ENV,
    CacheWarning,
    cache_dir,
    load_tables,
    user_cache_dir,
)
from borderlex.compiled import CompiledError, decode, encode
from borderlex.index import SECTIONS, AliasIndex
from borderlex.tables import load_catalog

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    return folder


def compiled_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.blx")) if folder.is_dir() else []


def table(path: Path, *entities: tuple[str, str, list[str]]) -> Path:
    lines = []
    for eid, name, aliases in entities:
        lines += [
            "[[entity]]",
            f"id = {json.dumps(eid)}",
            f"kind = {json.dumps(eid.split(':')[0])}",
            f"name = {json.dumps(name)}",
            f"aliases = {json.dumps(aliases, ensure_ascii=False)}",
            'sources = ["unit test"]',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def is_compiled(r: Resolver) -> bool:
    """Whether the resolver's catalog was read from a compiled file (decoded
    on demand) rather than built from the tables (a dict)."""
    return type(r.catalog.entities) is not dict


# -- the same tables, the same index --------------------------------------------------


@pytest.fixture(scope="module")
def bundled_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AliasIndex, AliasIndex, Resolver]]:
    """The bundled tables' index as built from the tables, and as read back
    from a freshly written compiled file; and a resolver over the latter."""
    folder = tmp_path_factory.mktemp("bundled-cache")
    old = os.environ.get(CACHE_DIR_ENV)
    os.environ[CACHE_DIR_ENV] = str(folder)
    try:
        load_tables()  # compiles
        catalog, index = load_tables()  # reads it back
    finally:
        if old is None:
            del os.environ[CACHE_DIR_ENV]
        else:
            os.environ[CACHE_DIR_ENV] = old
    built = AliasIndex(load_catalog())
    assert type(catalog.entities) is not dict
    yield built, index, Resolver(catalog, _index=index)


def test_compiled_entities_equal_the_tables(bundled_pair: tuple[AliasIndex, AliasIndex, Resolver]) -> None:
    reference = load_catalog()
    compiled = bundled_pair[2].catalog
    assert list(compiled.entities) == list(reference.entities)
    assert len(compiled) == len(reference) > 2000
    for eid, e in reference.entities.items():
        got = compiled.entities[eid]
        assert got == e and got.table == e.table and got.to_dict() == e.to_dict()


def test_compiled_index_equals_the_built_one(bundled_pair: tuple[AliasIndex, AliasIndex, Resolver]) -> None:
    built, compiled, _ = bundled_pair
    assert len(compiled) == len(built) > 10_000
    # Order matters: ties are broken by the order entries are found in.
    assert compiled.entries == built.entries
    for name in SECTIONS:
        assert list(compiled.section(name).items()) == list(built.section(name).items()), name
    assert compiled.key_count == built.key_count


def test_compiled_resolver_answers_as_the_tables_do(bundled_pair: tuple[AliasIndex, AliasIndex, Resolver]) -> None:
    _, _, compiled = bundled_pair
    reference = Resolver(load_catalog())
    queries = [n for e in reference.entities() for n in e.all_names]
    for path in sorted((ROOT / "tests" / "corpus").glob("**/*.jsonl")):
        queries += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    # Variants that reach the later tiers: case, article and a typo.
    queries += [q.lower() for q in queries[::7]] + [q[:-1] + q[-1] * 2 for q in queries[::11] if len(q) > 6]
    for q in dict.fromkeys(queries):
        assert repr(compiled.resolve(q)) == repr(reference.resolve(q)), q
    for q in queries[::40]:
        assert compiled.candidates(q, limit=10) == reference.candidates(q, limit=10), q
        assert str(compiled.explain(q, as_of="2016")) == str(reference.explain(q, as_of="2016")), q
    text = (ROOT / "tests" / "corpus" / "en" / sorted(os.listdir(ROOT / "tests" / "corpus" / "en"))[0]).read_text(
        encoding="utf-8"
    )
    assert compiled.scan(text, fuzzy=True) == reference.scan(text, fuzzy=True)
    for eid in ("org:jabhat-al-nusra", "place:al-bukamal", "place:syria"):
        assert compiled.lineage(eid) == reference.lineage(eid)
        assert compiled.ancestors(eid) == reference.ancestors(eid)
        assert compiled.children(eid) == reference.children(eid)


def test_compiled_entities_behave_as_a_dict(bundled_pair: tuple[AliasIndex, AliasIndex, Resolver]) -> None:
    r = bundled_pair[2]
    assert r.get("place:nowhere", None) is None
    with pytest.raises(LookupError):
        r.get("place:nowhere")
    assert r.get(42, "default") == "default"  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        r.get(["place:syria"])  # type: ignore[call-overload]
    assert "place:syria" in r.catalog.entities and "place:nowhere" not in r.catalog.entities


# -- the cache ----------------------------------------------------------------------


def test_user_tables_compile_once_then_load_compiled(cache: Path, tmp_path: Path) -> None:
    t = table(tmp_path / "mine.toml", ("place:qx-town", "Qx Town", ["Qxtown"]))
    first = Resolver.from_tables(t, include_default=False)
    assert not is_compiled(first)
    files = compiled_files(cache)
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    again = Resolver.from_tables(t, include_default=False)
    assert is_compiled(again)
    assert compiled_files(cache) == files and files[0].stat().st_mtime_ns == stamp
    assert again.resolve("Qxtown") == first.resolve("Qxtown") is not None
    assert again.get("place:qx-town").table == os.path.abspath(t)


def test_a_changed_table_is_checked_and_compiled_again(cache: Path, tmp_path: Path) -> None:
    t = table(tmp_path / "mine.toml", ("place:qx-town", "Qx Town", ["Qxtown"]))
    Resolver.from_tables(t, include_default=False)
    old = compiled_files(cache)
    table(t, ("place:qx-town", "Qx Town", ["Qxville"]))
    r = Resolver.from_tables(t, include_default=False)
    assert not is_compiled(r) and r.resolve("Qxtown") is None and r.resolve("Qxville") is not None
    new = compiled_files(cache)
    assert len(new) == 1 and new != old  # the stale file is gone
    # A fault introduced later is found: checks run whenever the tables change.
    t.write_text(t.read_text(encoding="utf-8") + '\n[[entity]]\nid = "place:qx-town"\n', encoding="utf-8")
    with pytest.raises(TableError) as cached_err:
        Resolver.from_tables(t, include_default=False)
    with pytest.raises(TableError) as plain_err:
        load_catalog([t], include_default=False)
    assert str(cached_err.value) == str(plain_err.value)


def test_a_broken_table_is_reported_as_without_a_cache(cache: Path, tmp_path: Path) -> None:
    good = table(tmp_path / "a.toml", ("place:qx-town", "Qx Town", ["Qxtown"]))
    bad = tmp_path / "b.toml"
    bad.write_text("[[entity]\n", encoding="utf-8")
    missing = tmp_path / "c.toml"
    for paths in ([good, bad], [missing, bad], [bad, missing]):
        with pytest.raises(TableError) as cached_err:
            Resolver.from_tables(*paths, include_default=False)
        with pytest.raises(TableError) as plain_err:
            load_catalog(paths, include_default=False)
        assert str(cached_err.value) == str(plain_err.value)
    assert compiled_files(cache) == []


def test_skipped_paths_are_warned_about_on_a_cached_load_too(cache: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    table(folder / "a.toml", ("place:qx-town", "Qx Town", ["Qxtown"]))
    (folder / "sub.toml").mkdir()
    for compiled in (False, True):
        with pytest.warns(TableWarning, match="sub.toml") as caught:
            r = Resolver.from_tables(folder, include_default=False)
        assert is_compiled(r) is compiled
        # Where it pointed before the cache: the call in Resolver.from_tables.
        assert [os.path.basename(w.filename) for w in caught] == ["resolver.py"]


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage", "other-version", "other-tables"])
def test_a_damaged_or_foreign_file_is_rebuilt_with_a_warning(cache: Path, tmp_path: Path, damage: str) -> None:
    t = table(tmp_path / "mine.toml", ("place:qx-town", "Qx Town", ["Qxtown"]), ("org:qx-front", "Qx Front", []))
    expected = repr(Resolver.from_tables(t, include_default=False).resolve("Qxtown"))
    (path,) = compiled_files(cache)
    data = path.read_bytes()
    if damage == "flip":
        i = data.index(b"Qxtown")
        data = data[:i] + b"Q" + data[i + 1 :].replace(b"xtown", b"ytown", 1)
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = b""
    elif damage == "garbage":
        data = b"\x00\xff not json\n" * 10
    else:
        catalog = load_catalog([t], include_default=False)
        header = json.loads(data[: data.index(b"\n")])
        version = "0.0.0-other" if damage == "other-version" else header["borderlex"]
        sources = header["sources"] if damage == "other-version" else "0" * 64
        data = encode(catalog, AliasIndex(catalog), sources=sources, version=version)
    path.write_bytes(data)
    with pytest.warns(CacheWarning, match="rebuilding"):
        r = Resolver.from_tables(t, include_default=False)
    assert not is_compiled(r) and repr(r.resolve("Qxtown")) == expected
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # rebuilt: the next load reads it without a word
        again = Resolver.from_tables(t, include_default=False)
    assert is_compiled(again) and repr(again.resolve("Qxtown")) == expected


def test_no_cache_reads_and_writes_nothing(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    t = table(tmp_path / "mine.toml", ("place:qx-town", "Qx Town", ["Qxtown"]))
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    r = Resolver.from_tables(t, include_default=False)
    assert not is_compiled(r) and compiled_files(cache) == []
    monkeypatch.setenv(NO_CACHE_ENV, "0")  # "0" means on
    Resolver.from_tables(t, include_default=False)
    assert len(compiled_files(cache)) == 1
    monkeypatch.setenv(NO_CACHE_ENV, "yes")
    assert not is_compiled(Resolver.from_tables(t, include_default=False))


def test_an_unwritable_cache_loads_the_tables_silently(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory would be", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))
    t = table(tmp_path / "mine.toml", ("place:qx-town", "Qx Town", ["Qxtown"]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = Resolver.from_tables(t, include_default=False)
    assert r.resolve("Qxtown") is not None
    assert list(tmp_path.glob("**/*.blx")) == []


def test_the_cache_survives_a_new_process(cache: Path, tmp_path: Path) -> None:
    """The file one process writes, another reads (no state beyond the file)."""
    t = table(tmp_path / "mine.toml", ("place:qx-town", "Qx Town", ["Qxtown", "كيوكس"]))
    code = (
        "import sys, borderlex; r = borderlex.Resolver.from_tables(sys.argv[1], include_default=False);"
        "print(type(r.catalog.entities) is not dict, r.resolve('كيوكس').id)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    outs = [
        subprocess.run([sys.executable, "-c", code, str(t)], env=env, capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    ]
    assert outs == ["False place:qx-town\n", "True place:qx-town\n"]


def test_a_change_to_borderlex_itself_compiles_again(cache: Path, tmp_path: Path) -> None:
    """The version number does not change with every commit: the code is part of the key."""
    t = table(tmp_path / "mine.toml", ("place:qx-town", "Qx Town", ["Qxtown"]))
    copy = tmp_path / "src" / "borderlex"
    shutil.copytree(ROOT / "src" / "borderlex", copy, ignore=shutil.ignore_patterns("__pycache__"))
    code = (
        "import sys, borderlex; r = borderlex.Resolver.from_tables(sys.argv[1], include_default=False);"
        "print(type(r.catalog.entities) is not dict)"
    )
    env = {**os.environ, "PYTHONPATH": str(copy.parent)}

    def compiled() -> str:
        run = [sys.executable, "-c", code, str(t)]
        return subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout

    assert [compiled(), compiled()] == ["False\n", "True\n"]
    with (copy / "normalization.py").open("a", encoding="utf-8") as f:
        f.write("\n# a change\n")
    assert [compiled(), compiled()] == ["False\n", "True\n"]
    assert len(compiled_files(cache)) == 1


class _Copy:
    """borderlex copied under tmp_path with one small bundled table (compiled
    in a moment), run in fresh processes that share one cache."""

    def __init__(self, tmp_path: Path) -> None:
        self.package = tmp_path / "src" / "borderlex"
        shutil.copytree(ROOT / "src" / "borderlex", self.package, ignore=shutil.ignore_patterns("__pycache__"))
        aliases = self.package / "data" / "aliases"
        shutil.rmtree(aliases)
        aliases.mkdir()
        self.table = table(aliases / "small.toml", ("place:qx-town", "Qx Town", ["Qxtown"]))

    def run(self) -> str:
        """Whether the bundled tables came from a compiled file, and what two names resolve to."""
        code = (
            "import borderlex; r = borderlex.Resolver.default();"
            "print(type(r.catalog.entities) is not dict, r.resolve('Qxtown'), r.resolve('Qytown'))"
        )
        env = {**os.environ, "PYTHONPATH": str(self.package.parent)}
        run = [sys.executable, "-W", "error", "-c", code]
        return subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout.strip()


QX = "Match('place:qx-town', alias='Qxtown', query='Qxtown', score=100.0, method='exact')"
QY = "Match('place:qy-town', alias='Qytown', query='Qytown', score=100.0, method='exact')"


def test_the_bundled_tables_are_known_by_their_stamp(cache: Path, tmp_path: Path) -> None:
    """A new process finds the bundled tables' compiled file by the stamp of
    their sizes and dates, and any change to a table (even one of the same
    size) is seen: the tables are read, checked and compiled again."""
    copy = _Copy(tmp_path)
    assert [copy.run(), copy.run()] == [f"False {QX} None", f"True {QX} None"]
    assert len(list(cache.glob("*.stamp"))) == 1
    table(copy.table, ("place:qx-town", "Qx Town", ["Qxtown"]), ("place:qy-town", "Qy Town", ["Qytown"]))
    assert [copy.run(), copy.run()] == [f"False {QX} {QY}", f"True {QX} {QY}"]
    # The same size, another date: "Qx" becomes "Qz" in one byte.
    text = copy.table.read_text(encoding="utf-8").replace("Qxtown", "Qztown")
    copy.table.write_text(text, encoding="utf-8")
    st = copy.table.stat()
    os.utime(copy.table, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert copy.run() == f"False None {QY}"
    assert len(compiled_files(cache)) == 1


@pytest.mark.parametrize(
    "stamp",
    [b"", b"\xff\xfe garbage", b"one line", b"../../elsewhere.blx\nabc\nwhatever", "lies"],
)
def test_a_wrong_stamp_costs_only_time(cache: Path, tmp_path: Path, stamp: bytes | str) -> None:
    """A stamp that is garbage, names another file or records a wrong hash
    for the right tables: the tables are hashed, their compiled file found
    (or made) and the stamp written again."""
    copy = _Copy(tmp_path)
    assert copy.run() == f"False {QX} None"
    (found,) = cache.glob("*.stamp")
    if stamp == "lies":  # the right description of the files, another content hash
        name, content, described = found.read_text(encoding="utf-8").split("\n", 2)
        stamp = f"{name}\n{'0' * len(content)}\n{described}".encode()
    assert isinstance(stamp, bytes)
    found.write_bytes(stamp)
    assert copy.run() == f"True {QX} None"
    assert found.read_bytes() != stamp
    assert copy.run() == f"True {QX} None"


def test_another_vocabulary_compiles_again(cache: Path, tmp_path: Path) -> None:
    """Name keys depend on the vocabularies: a copy named by BORDERLEX_VOCABULARY is part of the key."""
    t = table(tmp_path / "mine.toml", ("place:qx-town", "Qx Town", ["Qxtown"]))
    vocabulary = tmp_path / "vocabulary.toml"
    shutil.copy(ROOT / "data" / "vocabulary.toml", vocabulary)
    code = (
        "import sys, borderlex; r = borderlex.Resolver.from_tables(sys.argv[1], include_default=False);"
        "print(type(r.catalog.entities) is not dict)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "BORDERLEX_VOCABULARY": str(vocabulary)}

    def compiled() -> str:
        run = [sys.executable, "-c", code, str(t)]
        return subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout

    assert [compiled(), compiled()] == ["False\n", "True\n"]
    with vocabulary.open("a", encoding="utf-8") as f:
        f.write("\n# a change\n")
    assert [compiled(), compiled()] == ["False\n", "True\n"]


@pytest.mark.parametrize("xdg", [None, "", "  ", "/somewhere/cache"])
def test_the_user_cache_is_where_platformdirs_puts_it(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert user_cache_dir() == platformdirs.user_cache_dir("borderlex", appauthor=False)
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    assert cache_dir() == user_cache_dir()
    monkeypatch.setenv(CACHE_DIR_ENV, "/chosen")
    assert cache_dir() == "/chosen"
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    assert cache_dir() is None


# -- the file format -------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    t = table(
        tmp_path_factory.mktemp("small") / "t.toml",
        ("place:qx-town", "Qx Town", ["Qxtown", "كيوكس"]),
        ("org:qx-front", "Qx Front", ["Front of Qx"]),
    )
    catalog = load_catalog([t], include_default=False)
    return encode(catalog, AliasIndex(catalog), sources="s" * 64, version=borderlex.__version__), "s" * 64


@given(st.data())
def test_any_changed_byte_is_detected(small_file: tuple[bytes, str], data: st.DataObject) -> None:
    """CRC-32 detects every error burst up to 32 bits, so any one byte changed
    anywhere (header or body) makes the file unusable, never a wrong answer."""
    blob, sources = small_file
    i = data.draw(st.integers(0, len(blob) - 1))
    delta = data.draw(st.integers(1, 255))
    damaged = blob[:i] + bytes([blob[i] ^ delta]) + blob[i + 1 :]
    try:
        catalog, index = decode(damaged, sources=sources, version=borderlex.__version__)
    except CompiledError:
        return
    # Only the header's JSON can change without changing meaning (e.g. a space
    # for another space is impossible; a digit of an unused field is not).
    r = Resolver(catalog, _index=index)
    assert r.resolve("Qxtown") is not None and r.resolve("Qxtown").id == "place:qx-town"  # type: ignore[union-attr]


@given(st.integers(0, 10_000))
def test_any_truncation_is_detected(small_file: tuple[bytes, str], cut: int) -> None:
    blob, sources = small_file
    with pytest.raises(CompiledError):
        decode(blob[: cut % len(blob)], sources=sources, version=borderlex.__version__)


def test_the_file_is_json_lines_then_offsets(small_file: tuple[bytes, str]) -> None:
    """Readable by any supported Python: JSON records, never pickle."""
    blob, _ = small_file
    header = json.loads(blob[: blob.index(b"\n")])
    assert header["format"] == "borderlex-compiled" and header["entities"] == 2
    body = blob[blob.index(b"\n") + 1 :]
    records = body[: len(body) - 8 * (header["records"] + 1)].split(b"\n")[:-1]
    assert len(records) == header["records"]
    decoded = [json.loads(r) for r in records]
    assert decoded[0][:3] == ["place:qx-town", "place", "Qx Town"]
    assert b"pickle" not in blob and all(not r.startswith(b"\x80") for r in records)
