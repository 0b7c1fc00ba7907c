"""What a type checker sees of the public API: mypy (its Python API, in this
process) checks small programs written to a temporary directory.

Each snippet marks the lines mypy must flag with ``# error`` and what it must
reveal with ``# reveals <type>``; every other line must pass.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from mypy import api as mypy_api

import borderlex

SNIPPETS = {
    "kinds.py": """
import borderlex
from borderlex import Kind, Resolver

borderlex.resolve("x", kind="plase")  # error
borderlex.resolve("x", kind="place")
borderlex.candidates("x", kind="persons")  # error
borderlex.explain("x", kind="org")
borderlex.resolve_many(["x"], kind="facilities")  # error
list(borderlex.entities("person"))
list(borderlex.entities("people"))  # error
borderlex.scan("x", kinds=["org", "place"])
borderlex.scan("x", kinds=["org", "plase"])  # error
borderlex.scan_iter(["x"], kinds=("organisation",))  # error
Resolver.default().resolve("x", kind="plase")  # error
Resolver.default().scanner().scan("x", kinds={"orgs"})  # error
kind: Kind = "facility"
wrong: Kind = "facilities"  # error
reveal_type(borderlex.get("org:islamic-state").kind)  # reveals Literal['org', 'person', 'place', 'facility']
""",
    "get.py": """
import borderlex
from borderlex import Resolver

reveal_type(borderlex.get("place:al-bukamal"))  # reveals borderlex.model.Entity
reveal_type(borderlex.get("place:al-bukamal", None))  # reveals borderlex.model.Entity | None
reveal_type(borderlex.get("place:al-bukamal", 0))  # reveals borderlex.model.Entity | int
reveal_type(Resolver.default().get("place:al-bukamal"))  # reveals borderlex.model.Entity
reveal_type(Resolver.default().get("place:al-bukamal", "none"))  # reveals borderlex.model.Entity | str
borderlex.get("place:al-bukamal").name.upper()
borderlex.get("place:al-bukamal", None).name  # error
reveal_type(borderlex.resolve("x"))  # reveals borderlex.model.Match | None
""",
    "frames.py": """
import polars as pl
import borderlex

frame = pl.DataFrame({"place": ["Homs"]})
reveal_type(borderlex.resolve_column(frame, "place"))  # reveals polars.dataframe.frame.DataFrame
reveal_type(borderlex.resolve_column(frame.lazy(), "place"))  # reveals polars.lazyframe.frame.LazyFrame
reveal_type(borderlex.resolve_column(frame.get_column("place")))  # reveals polars.dataframe.frame.DataFrame
borderlex.resolve_column(frame, "place", kind="plase")  # error
""",
}

LITERALS = re.compile(r"Literal\[([^\]]*)\]")


def spelled_out(revealed: str) -> str:
    """``Literal['a', 'b']`` as ``Literal['a'] | Literal['b']`` (mypy versions print either)."""
    return LITERALS.sub(lambda m: " | ".join(f"Literal[{v.strip()}]" for v in m.group(1).split(",")), revealed)


LINE = re.compile(r"^(?P<file>[^:]+\.py):(?P<line>\d+): (?P<severity>error|note): (?P<message>.*)$")


def expectations(source: str) -> tuple[set[int], dict[int, str]]:
    errors, reveals = set(), {}
    for number, text in enumerate(source.splitlines(), start=1):
        if text.endswith("# error"):
            errors.add(number)
        elif "# reveals " in text:
            reveals[number] = spelled_out(text.split("# reveals ", 1)[1])
    return errors, reveals


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[int, str, str]]]:
    """mypy --strict over all snippets at once (one run: it checks borderlex too)."""
    tmp = tmp_path_factory.mktemp("typing")
    for name, source in SNIPPETS.items():
        (tmp / name).write_text(source, encoding="utf-8")
    # A checkout (src/ on sys.path) is not installed for mypy: point it there.
    package_root = Path(borderlex.__file__).resolve().parents[1]
    old = os.environ.get("MYPYPATH")
    if package_root.name != "site-packages":
        os.environ["MYPYPATH"] = str(package_root)
    try:
        stdout, stderr, _ = mypy_api.run(
            [
                "--strict",
                "--no-error-summary",
                "--show-absolute-path",
                "--hide-error-context",
                "--no-pretty",
                "--cache-dir",
                str(tmp / ".mypy_cache"),
                *(str(tmp / name) for name in SNIPPETS),
            ]
        )
    finally:
        if old is None:
            os.environ.pop("MYPYPATH", None)
        else:
            os.environ["MYPYPATH"] = old
    assert not stderr, stderr
    found: dict[str, list[tuple[int, str, str]]] = {name: [] for name in SNIPPETS}
    for text in stdout.splitlines():
        m = LINE.match(text)
        assert m, f"unexpected mypy output: {text}"
        path = Path(m.group("file"))
        assert path.parent == tmp, f"mypy flags borderlex itself: {text}"
        found[path.name].append((int(m.group("line")), m.group("severity"), m.group("message")))
    return found


# mypy checks borderlex, pandas and polars from a cold cache: 30 s of CPU or more.
@pytest.mark.slow
@pytest.mark.parametrize("name", list(SNIPPETS))
def test_mypy_flags_exactly_the_marked_lines(name: str, mypy_output: dict[str, list[tuple[int, str, str]]]) -> None:
    errors, reveals = expectations(SNIPPETS[name])
    flagged = {line for line, severity, _ in mypy_output[name] if severity == "error"}
    assert flagged == errors, mypy_output[name]
    revealed = {
        line: spelled_out(message.removeprefix("Revealed type is ").strip('"'))
        for line, severity, message in mypy_output[name]
        if severity == "note" and message.startswith("Revealed type is ")
    }
    assert revealed == reveals


@pytest.mark.slow
def test_a_misspelt_kind_is_named_by_mypy(mypy_output: dict[str, list[tuple[int, str, str]]]) -> None:
    (message,) = (msg for line, _, msg in mypy_output["kinds.py"] if line == 5)
    assert 'Argument "kind" to "resolve" has incompatible type "Literal[\'plase\']"' in message


@pytest.mark.parametrize("kind", ["plase", "Place", "", "orgs"])
def test_the_same_mistake_at_run_time_is_a_typed_error(kind: str) -> None:
    # as read from a file or a command line: a str, not a Kind
    with pytest.raises(borderlex.UnknownKindError, match=f"^unknown kind {kind!r} \\(expected one of ") as caught:
        borderlex.resolve("x", kind=kind)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, borderlex.BorderlexError)
    assert caught.value.kind == kind and caught.value.expected == ("org", "person", "place", "facility")
    with pytest.raises(borderlex.UnknownKindError, match=f"^kinds: unknown kind {kind!r}"):
        borderlex.scan("Homs", kinds=[kind])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="kind must be a str or None, not int"):
        borderlex.entities(3)  # type: ignore[arg-type]


def test_an_entity_of_an_unknown_kind_cannot_be_made() -> None:
    assert borderlex.Entity(id="place:x", kind="place", name="X").kind == "place"
    with pytest.raises(borderlex.UnknownKindError, match="unknown kind 'planet'"):
        borderlex.Entity(id="planet:x", kind="planet", name="X")


def test_an_extension_of_an_unknown_kind_is_a_table_error(tmp_path: Path) -> None:
    table = tmp_path / "extend.toml"
    table.write_text('[[entity]]\nid = "planet:x"\nextend = true\naliases = ["X"]\n', encoding="utf-8")
    with pytest.raises(borderlex.TableError, match="planet:x: id prefix 'planet' is not a kind"):
        borderlex.Resolver.from_tables(table)
