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


@pytest.mark.parametrize(
    ("obj", "named"),
    [
        (pd.Index(["Homs"]), "pandas.Index"),
        (["Homs"], "builtins.list"),
        ("Homs", "builtins.str"),
        (pl.col("place"), "polars.Expr"),
    ],
)
def test_objects_that_are_not_frames_are_a_type_error_naming_them(obj: object, named: str) -> None:
    with pytest.raises(TypeError, match=f"not {named}$"):
        resolve_column(obj, "place")


def test_a_series_takes_no_column_and_a_frame_needs_one() -> None:
    with pytest.raises(TypeError, match="no column with a Series"):
        resolve_column(pd.Series(["Homs"]), "place")
    with pytest.raises(TypeError, match="needs the name of the column"):
        resolve_column(pl.DataFrame({"place": ["Homs"]}))
    with pytest.raises(TypeError, match="holds List"):
        resolve_column(pl.Series("place", [["Homs"]]))


def test_pandas_series_gives_the_added_columns_with_its_index() -> None:
    values = column_values(2000, seed=10)
    series = pd.Series(values, index=[f"r{i}" for i in range(len(values))], name="place")
    out = resolve_column(series)
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == ["place_id", "place_name", "place_score", "place_method"]
    assert list(out.index) == list(series.index)
    assert rows_of(out) == expected(values)
    unnamed = resolve_column(pd.Series(["Albu Kamal", None]), prefix="p_")
    assert unnamed["p_id"].tolist()[0] == "place:al-bukamal" and unnamed["p_id"].isna().tolist() == [False, True]
    assert list(resolve_column(pd.Series(["Homs"])).columns) == ["id", "name", "score", "method"]


def test_polars_series_gives_the_added_columns() -> None:
    values = column_values(2000, seed=11)
    out = resolve_column(pl.Series("place", values), levels=("country",))
    assert isinstance(out, pl.DataFrame)
    assert out.columns == ["place_id", "place_name", "place_score", "place_method", "place_country"]
    got = list(zip(*(out[f"place_{f}"].to_list() for f in ("id", "name", "score", "method")), strict=True))
    assert got == expected(values)
    # the country of each place, from its ancestors (a country is its own)
    for value, country in zip(values, out["place_country"].to_list(), strict=True):
        m = borderlex.resolve(value) if value is not None else None
        chain = [m.entity, *borderlex.ancestors(m.id)] if m else []
        assert country == next((e.id for e in chain if e.type == "country"), None)


def test_polars_lazyframe_stays_lazy_and_equals_the_eager_result(tmp_path) -> None:
    values = column_values(2000, seed=12)
    eager = resolve_column(pl.DataFrame({"place": values, "n": list(range(len(values)))}), "place")
    source = tmp_path / "places.csv"
    pl.DataFrame({"place": ["Atlantis"], "n": [0]}).write_csv(source)
    lazy = resolve_column(pl.scan_csv(source, schema={"place": pl.String, "n": pl.Int64}), "place")
    assert isinstance(lazy, pl.LazyFrame)
    assert lazy.collect_schema().names() == eager.columns
    # Nothing was read yet: the file written now is the one resolved.
    pl.DataFrame({"place": values, "n": list(range(len(values)))}).write_csv(source)
    assert lazy.collect().equals(eager)
    # A filter is pushed before the lookup and the result is the same rows.
    filtered = lazy.filter(pl.col("n") % 7 == 0).collect()
    assert filtered.equals(eager.filter(pl.col("n") % 7 == 0))
    with pytest.raises(KeyError):
        resolve_column(pl.LazyFrame({"place": ["Homs"]}), "nope")
    with pytest.raises(TypeError, match="column 'n'"):
        resolve_column(pl.LazyFrame({"n": [1]}), "n")


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
