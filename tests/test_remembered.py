"""Remembered answers (issue 17): a resolver remembers every answer it gave
for a query — exact, normalized, name-key, shared-spelling and fuzzy hits
and misses — and the answer remembered is the answer it would give afresh."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import RESOLVER, hostile_text

import borderlex.resolver as resolver_module
from borderlex import Resolver
from borderlex.model import Match

ROOT = Path(__file__).resolve().parents[1]


def _surfaces() -> list[str]:
    """Every mention's text in the corpus gold."""
    out = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*/*.jsonl")):
        out.extend(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line)
    return out


def _queries() -> list[str]:
    """Aliases as written, and as columns write them: other case, spaces,
    hyphens, articles; corpus surfaces; names in no table; repeats."""
    rng = random.Random(17)
    aliases = [e.alias for e in RESOLVER.index.entries]
    out = list(aliases) + _surfaces()
    for a in rng.sample(aliases, 1500):
        out += [a.upper(), a.lower(), f"  {a} ", a.replace(" ", "-"), "al-" + a, a.replace("-", "")]
    out += ["Albuqmal", "Deir Ezzor", "nothing here", "Zzyzx Qwerty", "", "   ", "QSD: Syrian Democratic Forces"]
    rng.shuffle(out)
    return out + out[:2000]  # some asked twice in one pass


QUERIES = _queries()


def _same(a: Match | None, b: Match | None) -> bool:
    return a == b and (
        a is None or (a.id, a.method, a.score, a.alias, a.query) == (b.id, b.method, b.score, b.alias, b.query)
    )  # type: ignore[union-attr]


def test_answers_from_a_warm_memo_equal_cold_answers() -> None:
    warm = Resolver.from_tables()
    first = [warm.resolve(q) for q in QUERIES]  # cold: each asked for the first time (but repeats)
    again = [warm.resolve(q) for q in QUERIES]  # warm: every answer remembered
    other = Resolver.from_tables()  # another order: a memo must not carry one query's answer to another
    backwards = [other.resolve(q) for q in reversed(QUERIES)][::-1]
    warm.clear_cache()
    cleared = [warm.resolve(q) for q in QUERIES]
    for q, a, b, c, d in zip(QUERIES, first, again, backwards, cleared, strict=True):
        assert _same(a, b) and _same(a, c) and _same(a, d), q


def test_every_tier_is_remembered() -> None:
    # A remembered answer is the same object, whatever tier found it;
    # clear_cache() forgets them all (an equal answer, made anew).
    r = Resolver.from_tables()
    queries = {
        "exact": "Albu Kamal",
        "normalized": "ALBU KAMAL",
        "name_key": "Bu Kamal",
        "fuzzy": "Albuqmal",
        "shared spelling": "BBC",  # several entities write it so: not the exact tier's fast path
        "weak": "Akra",  # weak as written: the full path once
        "miss": "Zzyzx Qwerty",
    }
    methods = {k: (m.method.value if (m := r.resolve(q)) else None) for k, q in queries.items()}
    assert methods["exact"] == "exact" and methods["normalized"] == "normalized"
    assert methods["name_key"] == "name_key" and methods["fuzzy"] == "fuzzy" and methods["miss"] is None
    firsts = {k: r.resolve(q) for k, q in queries.items()}
    for k, q in queries.items():
        assert r.resolve(q) is firsts[k], k
    r.clear_cache()
    for k, q in queries.items():
        fresh = r.resolve(q)
        assert _same(fresh, firsts[k]), k
        if fresh is not None:
            assert fresh is not firsts[k], k


def test_kind_and_date_are_remembered_apart() -> None:
    r = Resolver.from_tables()
    # An answer with a kind or a date is not the plain answer, and asking one
    # first does not change the other.
    assert r.resolve("Raqqa", kind="org") is None
    place = r.resolve("Raqqa")
    assert place is not None and place.entity.kind == "place"
    assert r.resolve("Raqqa", kind="org") is None
    dated = r.resolve("Syrian interim government", as_of="2018")
    plain = r.resolve("Syrian interim government")
    fresh = Resolver.from_tables()
    assert _same(plain, fresh.resolve("Syrian interim government"))
    assert _same(dated, fresh.resolve("Syrian interim government", as_of="2018"))
    assert _same(r.resolve("Raqqa"), place)


def test_resolve_many_equals_resolve_with_repeats() -> None:
    rng = random.Random(5)
    values = [rng.choice(QUERIES[:3000]) for _ in range(20_000)]
    r = Resolver.from_tables()
    got = r.resolve_many(values)
    fresh = Resolver.from_tables()
    want = [fresh.resolve(v) for v in values]
    assert all(_same(a, b) for a, b in zip(got, want, strict=True))
    assert len(got) == len(values)
    # A generator is read once; answers follow it in order.
    assert [m.id if m else None for m in r.resolve_many(v for v in values[:50])] == [
        m.id if m else None for m in want[:50]
    ]


def test_resolve_many_with_a_non_string_fails_like_resolve() -> None:
    r = Resolver.from_tables()
    with pytest.raises(TypeError):
        r.resolve_many(["Raqqa", None, "Homs"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        r.resolve(None)  # type: ignore[arg-type]


def test_memory_of_answers_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resolver_module, "_MEMO_SIZE", 50)
    r = Resolver.from_tables()
    for i in range(500):
        r.resolve(f"Nowhere {i}")
        r.resolve(QUERIES[i])
    assert len(r._memo) <= 50 and len(r._answers) <= 50
    assert _same(r.resolve("Albu Kamal"), RESOLVER.resolve("Albu Kamal"))


@given(st.lists(hostile_text | st.sampled_from(QUERIES[:500]), max_size=30))
def test_remembered_answers_hold_for_any_text(values: list[str]) -> None:
    r = Resolver.from_tables()
    cold = [r.resolve(v) for v in values]
    assert all(_same(a, b) for a, b in zip(cold, r.resolve_many(values), strict=True))
    assert all(_same(a, r.resolve(v)) for a, v in zip(cold, values, strict=True))
