"""DataFrame helpers: add canonical ids to a column of names.

One call, [`resolve_column`][borderlex.resolve_column], works on pandas,
polars and Dask data frames, on a pandas or polars ``Series`` and on a polars
``LazyFrame`` (each library imported only when such an object is passed).
It resolves each distinct value of the column once, so a column of millions
of rows with tens of thousands of spellings costs tens of thousands of
lookups, and adds four columns: ``<column>_id``, ``<column>_name``,
``<column>_score`` and ``<column>_method``, and with
``levels=("governorate", "country")`` the ids of the governorate and country
each value lies in (``<column>_governorate``, ``<column>_country``), so a
column of place names aggregates in one call.  Rows are kept in place (the
index of a pandas frame is untouched); a null name gives nulls; a value that
is not a string is a ``TypeError`` naming the column.

On Dask the work runs partition by partition on the workers.  The resolver
travels as a reference to its tables (see ``Resolver.__reduce__``), and each
worker process builds its index once.  A polars ``LazyFrame`` stays lazy: the
names are resolved batch by batch when the query is collected.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, overload

import attrs

from .arguments import check_kind
from .dates import Period, parse_as_of
from .model import TYPES, Kind
from .resolver import Resolver

if TYPE_CHECKING:  # the frame libraries are optional; pandas and Dask have no type information
    import dask.dataframe as dd
    import pandas as pd
    import polars as pl

__all__ = ["OUTPUT_FIELDS", "resolve_column"]

#: The columns added, after the prefix.
OUTPUT_FIELDS = ("id", "name", "score", "method")


@attrs.frozen(slots=True)
class _Job:
    """What to add to each frame (or partition): sent to Dask workers as it is."""

    column: str
    kind: Kind | None
    resolver: Resolver
    prefix: str
    period: Period | None
    levels: tuple[str, ...] = ()


# polars first: pandas and Dask types are Any to a type checker, and would match everything.
@overload
def resolve_column(
    frame: pl.DataFrame,
    column: str,
    *,
    kind: Kind | None = None,
    resolver: Resolver | None = None,
    prefix: str | None = None,
    as_of: Any = None,
    levels: Iterable[str] = (),
) -> pl.DataFrame: ...
@overload
def resolve_column(
    frame: pl.LazyFrame,
    column: str,
    *,
    kind: Kind | None = None,
    resolver: Resolver | None = None,
    prefix: str | None = None,
    as_of: Any = None,
    levels: Iterable[str] = (),
) -> pl.LazyFrame: ...
@overload
def resolve_column(
    frame: pl.Series,
    *,
    kind: Kind | None = None,
    resolver: Resolver | None = None,
    prefix: str | None = None,
    as_of: Any = None,
    levels: Iterable[str] = (),
) -> pl.DataFrame: ...
@overload
def resolve_column(
    frame: pd.DataFrame | pd.Series | dd.DataFrame,
    column: str | None = None,
    *,
    kind: Kind | None = None,
    resolver: Resolver | None = None,
    prefix: str | None = None,
    as_of: Any = None,
    levels: Iterable[str] = (),
) -> Any: ...


def resolve_column(
    frame: Any,
    column: str | None = None,
    *,
    kind: Kind | None = None,
    resolver: Resolver | None = None,
    prefix: str | None = None,
    as_of: Any = None,
    levels: Iterable[str] = (),
) -> Any:
    """The id, canonical name, score and method of the entity each value of
    ``column`` names (nulls where it names none), added to a copy of ``frame``.

    ``frame`` is a pandas, polars or Dask ``DataFrame`` (the result is a frame
    of the same type, all columns kept) or a polars ``LazyFrame`` (the result
    is a ``LazyFrame``: nothing is computed until it is collected).  It may
    also be a pandas or polars ``Series``, without ``column``: the result is a
    new ``DataFrame`` of the added columns only, row for row (with the
    series' index, in pandas), ready to join or concatenate.

    ``prefix`` defaults to ``f"{column}_"`` (for a series: its name and
    ``_``, or nothing for a series without a name); ``resolver`` to the
    bundled tables; ``as_of`` is one date for the whole column (see
    [`Resolver.resolve`][borderlex.Resolver.resolve]).  ``levels`` are place
    types ("governorate", "district", "country" …): for each, a column
    ``<prefix><level>`` with the id of the entity of that type that the value
    is or lies in (see [`Resolver.ancestors`][borderlex.Resolver.ancestors]),
    null when there is none.

    Raises ``TypeError`` for any other object, and for a column of values
    that are not strings; ``KeyError`` for a missing column.
    """
    check_kind(kind)
    levels = tuple(levels) if not isinstance(levels, str) else (levels,)
    for level in levels:
        if level not in TYPES["place"]:
            raise ValueError(f"unknown level {level!r} (expected place types such as 'governorate', 'country')")
    shape = _shape(frame)
    if shape == "series":
        if column is not None:
            raise TypeError("resolve_column takes no column with a Series: the series is the column")
        name = frame.name
        column = "" if name is None else str(name)
        if prefix is None:
            prefix = f"{column}_" if column else ""
    elif column is None:
        raise TypeError(f"resolve_column needs the name of the column to resolve in a {type(frame).__name__}")
    elif not isinstance(column, str):
        raise TypeError(f"column must be a str, not {type(column).__name__}")
    job = _Job(
        column=column,
        kind=kind,
        resolver=resolver if resolver is not None else Resolver.default(),
        prefix=f"{column}_" if prefix is None else prefix,
        period=parse_as_of(as_of),
        levels=levels,
    )
    library = type(frame).__module__.split(".")[0]
    if library == "pandas":
        return _pandas_series(frame, job) if shape == "series" else _pandas(frame, job)
    if library == "polars":
        if shape == "series":
            return _polars_added(frame, job)
        return _polars_lazy(frame, job) if shape == "lazy" else _polars(frame, job)
    return _dask(frame, job)


def _shape(frame: object) -> str:
    """``"frame"``, ``"series"`` or ``"lazy"``; a ``TypeError`` for anything else."""
    library = type(frame).__module__.split(".")[0]
    if library == "pandas":
        import pandas as pd  # noqa: PLC0415 - imported only for pandas objects

        if isinstance(frame, pd.DataFrame):
            return "frame"
        if isinstance(frame, pd.Series):
            return "series"
    elif library == "polars":
        import polars as pl  # noqa: PLC0415 - imported only for polars objects

        if isinstance(frame, pl.DataFrame):
            return "frame"
        if isinstance(frame, pl.Series):
            return "series"
        if isinstance(frame, pl.LazyFrame):
            return "lazy"
    elif library in ("dask", "dask_expr"):
        import dask.dataframe as dd  # noqa: PLC0415 - imported only for Dask objects

        if isinstance(frame, dd.DataFrame):
            return "frame"
    raise TypeError(
        "resolve_column takes a pandas, polars or Dask DataFrame, a pandas or polars Series or a polars LazyFrame,"
        f" not {type(frame).__module__.split('.')[0]}.{type(frame).__name__}"
    )


def _check_strings(values: Any, column: str) -> None:
    for v in values:
        if not isinstance(v, str):
            raise TypeError(
                f"column {column!r} holds a {type(v).__name__} value ({v!r}); it must hold strings or nulls"
            )


def _fields(job: _Job, uniques: list[str]) -> tuple[list[Any], ...]:
    matches = job.resolver.resolve_many(uniques, kind=job.kind, as_of=job.period)
    return (
        [m.id if m else None for m in matches],
        [m.entity.name if m else None for m in matches],
        [m.score if m else None for m in matches],
        [m.method.value if m else None for m in matches],
        *([_level(job.resolver, m.id, level) if m else None for m in matches] for level in job.levels),
    )


def _level(resolver: Resolver, entity_id: str, level: str) -> str | None:
    """The id of the entity of type ``level`` that ``entity_id`` is or lies in."""
    for e in (resolver.get(entity_id), *resolver.ancestors(entity_id)):
        if e.type == level:
            return e.id
    return None


def _pandas(df: Any, job: _Job) -> Any:
    if job.column not in df.columns:
        raise KeyError(f"no column {job.column!r}")
    return df.assign(**_pandas_added(df[job.column], job))


def _pandas_series(series: Any, job: _Job) -> Any:
    import pandas as pd  # noqa: PLC0415 - imported only for pandas objects

    return pd.DataFrame(_pandas_added(series, job), index=series.index)


def _pandas_added(values: Any, job: _Job) -> dict[str, Any]:
    """The added columns of a pandas series, by name."""
    import numpy as np  # noqa: PLC0415 - pandas brings numpy; imported only for pandas objects
    import pandas as pd  # noqa: PLC0415

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    uniques = list(uniques)
    _check_strings(uniques, job.column)
    ids, names, scores, methods, *levels = _fields(job, uniques)
    out = {}
    # One extra slot at the end, which the null sentinel (-1) indexes.  A miss is NaN, not
    # None: pandas 3 makes NaN of None in its string columns, and pandas 2 keeps what it gets.
    for field, found, dtype in (
        ("id", ids, object),
        ("name", names, object),
        ("score", scores, float),
        ("method", methods, object),
        *((level, found, object) for level, found in zip(job.levels, levels, strict=True)),
    ):
        table = np.array([*(np.nan if v is None else v for v in found), np.nan], dtype=dtype)
        out[job.prefix + field] = pd.Series(table[codes], index=values.index)
    return out


def _polars(df: pl.DataFrame, job: _Job) -> pl.DataFrame:
    if job.column not in df.columns:
        raise KeyError(f"no column {job.column!r}")
    return df.with_columns(_polars_added(df.get_column(job.column), job))


def _polars_lazy(lf: pl.LazyFrame, job: _Job) -> pl.LazyFrame:
    import polars as pl  # noqa: PLC0415 - imported only for polars objects

    schema = lf.collect_schema()  # the schema only: no data is read
    if job.column not in schema:
        raise KeyError(f"no column {job.column!r}")
    _check_polars_dtype(schema[job.column], job.column)
    added = pl.Struct(_polars_schema(job))
    # Element-wise, so polars may push filters before it and stream it batch by batch.
    return lf.with_columns(
        pl.col(job.column)
        .map_batches(lambda batch: _polars_added(batch, job).to_struct(), return_dtype=added, is_elementwise=True)
        .struct.unnest()
    )


def _polars_schema(job: _Job) -> dict[str, Any]:
    import polars as pl  # noqa: PLC0415 - imported only for polars objects

    dtypes = {"id": pl.String, "name": pl.String, "score": pl.Float64, "method": pl.String}
    return {job.prefix + f: dtypes.get(f, pl.String) for f in (*OUTPUT_FIELDS, *job.levels)}


def _check_polars_dtype(dtype: Any, column: str) -> None:
    import polars as pl  # noqa: PLC0415 - imported only for polars objects

    if dtype not in (pl.String, pl.Null, pl.Categorical):
        raise TypeError(f"column {column!r} holds {dtype} values; it must hold strings or nulls")


def _polars_added(series: pl.Series, job: _Job) -> pl.DataFrame:
    """The added columns of a polars series, as a frame of the same length."""
    import polars as pl  # noqa: PLC0415 - imported only for polars objects

    _check_polars_dtype(series.dtype, job.column)
    uniques = series.drop_nulls().unique(maintain_order=True).cast(pl.String).to_list()
    fields = _fields(job, uniques)
    source = pl.col("value")
    return (
        series.cast(pl.String)
        .to_frame("value")
        .select(
            source.replace_strict(uniques, values, default=None, return_dtype=dtype).alias(name)
            for (name, dtype), values in zip(_polars_schema(job).items(), fields, strict=True)
        )
    )


def _dask(ddf: Any, job: _Job) -> Any:
    meta = _pandas(ddf._meta, job)
    return ddf.map_partitions(_pandas, job, meta=meta, align_dataframes=False)
