"""resolve_column on pandas, polars and Dask equals resolve() row by row."""

from __future__ import annotations

import random

import pandas as pd
import polars as pl
import pytest

import borderlex
from borderlex import resolve_column
from conftest import read_tsv

NAMES = [row[0] for row in read_tsv("variants.tsv")] + [row[0] for row in read_tsv("near_misses.tsv")]


def expected(values: list[object]) -> list[tuple[object, ...]]:
    out = []
    for v in values:
        m = borderlex.resolve(v) if isinstance(v, str) else None
        out.append((m.id, m.entity.name, m.score, m.method.value) if m else (None, None, None, None))
    return out


def column_values(rows: int, seed: int = 7) -> list[object]:
    rng = random.Random(seed)
    return [None if rng.random() < 0.05 else rng.choice(NAMES) for _ in range(rows)]


def rows_of(df: pd.DataFrame) -> list[tuple[object, ...]]:
    out = []
    for t in df[["place_id", "place_name", "place_score", "place_method"]].itertuples(index=False):
        out.append(tuple(None if (x is None or (isinstance(x, float) and x != x) or x is pd.NA) else x for x in t))
    return out


def test_pandas_equals_resolve_and_keeps_the_index() -> None:
    values = column_values(3000)
    df = pd.DataFrame({"place": values, "n": range(len(values))}, index=[f"r{i}" for i in range(len(values))])
    df = df.iloc[::-1]  # a shuffled, non-default index
    out = resolve_column(df, "place")
    assert list(out.index) == list(df.index)
    assert list(out["n"]) == list(df["n"])
    assert rows_of(out) == expected(list(df["place"]))
    assert "place_id" not in df.columns  # the input is not changed
    assert out.loc["r0", "place_id"] == (borderlex.resolve(values[0]).id if values[0] and borderlex.resolve(values[0]) else out.loc["r0", "place_id"])


def test_pandas_nulls_stay_null_and_bad_values_name_the_column() -> None:
    df = pd.DataFrame({"place": ["Albu Kamal", None, "Atlantis"]})
    out = resolve_column(df, "place", prefix="p_")
    assert out["p_id"].tolist()[0] == "place:al-bukamal"
    assert out["p_id"].isna().tolist() == [False, True, True]
    assert out["p_score"].isna().tolist() == [False, True, True]
    with pytest.raises(TypeError, match="column 'place'"):
        resolve_column(pd.DataFrame({"place": ["Homs", 3]}), "place")
    with pytest.raises(KeyError):
        resolve_column(df, "nope")
    assert resolve_column(pd.DataFrame({"place": ["Al-Qaim"]}), "place", kind="facility")["place_id"].isna().all()


def test_polars_equals_resolve() -> None:
    values = column_values(3000, seed=8)
    df = pl.DataFrame({"place": values, "n": list(range(len(values)))})
    out = resolve_column(df, "place")
    assert out["n"].to_list() == list(range(len(values)))
    got = list(zip(*(out[f"place_{f}"].to_list() for f in ("id", "name", "score", "method")), strict=True))
    assert got == expected(values)
    with pytest.raises(TypeError, match="column 'n'"):
        resolve_column(df, "n")


def test_other_objects_are_refused() -> None:
    with pytest.raises(TypeError, match="pandas, polars or Dask"):
        resolve_column({"place": ["Homs"]}, "place")


@pytest.mark.slow
def test_dask_on_a_two_process_cluster_equals_one_process(tmp_path) -> None:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    values = column_values(300_000, seed=9)
    pdf = pd.DataFrame({"place": values, "n": range(len(values))})
    single = resolve_column(pdf, "place")
    table = tmp_path / "extra.toml"
    table.write_text('[[entity]]\nid = "place:dask-town"\nkind = "place"\nname = "Dask Town"\nsources = ["test"]\n')
    custom = borderlex.Resolver.from_tables(table)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        ddf = dd.from_pandas(pdf, npartitions=8)
        distributed = resolve_column(ddf, "place").compute()
        # Dask may give the input column another string dtype; the results must be equal.
        assert list(distributed.index) == list(single.index)
        assert rows_of(distributed) == rows_of(single)
        towns = dd.from_pandas(pd.DataFrame({"place": ["Dask Town", "Homs", None] * 100}), npartitions=4)
        got = resolve_column(towns, "place", resolver=custom).compute()
        assert got["place_id"].tolist()[:2] == ["place:dask-town", "place:homs"]
        assert got["place_id"].isna().tolist()[:3] == [False, False, True]
