"""DataFrame helpers: add canonical ids to a column of names.

One call, :func:`resolve_column`, works on pandas, polars and Dask data
frames (each imported only when such a frame is passed).  It resolves each
distinct value of the column once, so a column of millions of rows with tens
of thousands of spellings costs tens of thousands of lookups, and adds four
columns: ``<column>_id``, ``<column>_name``, ``<column>_score`` and
``<column>_method``, and with ``levels=("governorate", "country")`` the ids
of the governorate and country each value lies in (``<column>_governorate``,
``<column>_country``), so a column of place names aggregates in one call.
Rows are kept in place (the index of a pandas frame is untouched); a null
name gives nulls; a value that is not a string is a ``TypeError`` naming the
column.

On Dask the work runs partition by partition on the workers.  The resolver
travels as a reference to its tables (see :meth:`Resolver.__reduce__`), and
each worker process builds its index once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from .dates import Period, parse_as_of
from .model import TYPES
from .resolver import Resolver

__all__ = ["OUTPUT_FIELDS", "resolve_column"]

#: The columns added, after the prefix.
OUTPUT_FIELDS = ("id", "name", "score", "method")


@attrs.frozen(slots=True)
class _Job:
    """What to add to each frame (or partition): sent to Dask workers as it is."""

    column: str
    kind: str | None
    resolver: Resolver
    prefix: str
    period: Period | None
    levels: tuple[str, ...] = ()


def resolve_column(
    frame: Any,
    column: str,
    *,
    kind: str | None = None,
    resolver: Resolver | None = None,
    prefix: str | None = None,
    as_of: Any = None,
    levels: Iterable[str] = (),
) -> Any:
    """A copy of ``frame`` with the id, canonical name, score and method of
    the entity each value of ``column`` names (nulls where it names none).

    ``prefix`` defaults to ``f"{column}_"``; ``resolver`` to the bundled
    tables; ``as_of`` is one date for the whole column (see
    :meth:`Resolver.resolve`).  ``levels`` are place types ("governorate",
    "district", "country" …): for each, a column ``<prefix><level>`` with
    the id of the entity of that type that the value is or lies in (see
    :meth:`Resolver.ancestors`), null when there is none.
    """
    levels = tuple(levels) if not isinstance(levels, str) else (levels,)
    for level in levels:
        if level not in TYPES["place"]:
            raise ValueError(f"unknown level {level!r} (expected place types such as 'governorate', 'country')")
    job = _Job(
        column=column,
        kind=kind,
        resolver=resolver if resolver is not None else Resolver.default(),
        prefix=f"{column}_" if prefix is None else prefix,
        period=parse_as_of(as_of),
        levels=levels,
    )
    module = type(frame).__module__.split(".")[0]
    if module == "pandas":
        return _pandas(frame, job)
    if module == "polars":
        return _polars(frame, job)
    if module in ("dask", "dask_expr"):
        return _dask(frame, job)
    raise TypeError(f"resolve_column takes a pandas, polars or Dask DataFrame, not {type(frame).__name__}")


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
    import numpy as np  # noqa: PLC0415 - pandas brings numpy; imported only for pandas frames
    import pandas as pd  # noqa: PLC0415

    column, prefix = job.column, job.prefix
    if column not in df.columns:
        raise KeyError(f"no column {column!r}")
    codes, uniques = pd.factorize(df[column], use_na_sentinel=True)
    uniques = list(uniques)
    _check_strings(uniques, column)
    ids, names, scores, methods, *levels = _fields(job, uniques)
    out = {}
    # One extra slot at the end, which the null sentinel (-1) indexes.
    for field, values, dtype in (
        ("id", ids, object),
        ("name", names, object),
        ("score", [np.nan if s is None else s for s in scores], float),
        ("method", methods, object),
        *((level, values, object) for level, values in zip(job.levels, levels, strict=True)),
    ):
        table = np.array([*values, None if dtype is object else np.nan], dtype=dtype)
        out[prefix + field] = pd.Series(table[codes], index=df.index)
    return df.assign(**out)


def _polars(df: Any, job: _Job) -> Any:
    import polars as pl  # noqa: PLC0415 - imported only for polars frames

    column, prefix = job.column, job.prefix
    if column not in df.columns:
        raise KeyError(f"no column {column!r}")
    series = df.get_column(column)
    if series.dtype not in (pl.String, pl.Null, pl.Categorical):
        raise TypeError(f"column {column!r} holds {series.dtype} values; it must hold strings or nulls")
    uniques = series.drop_nulls().unique(maintain_order=True).cast(pl.String).to_list()
    ids, names, scores, methods, *levels = _fields(job, uniques)
    source = pl.col(column).cast(pl.String)
    return df.with_columns(
        source.replace_strict(uniques, ids, default=None, return_dtype=pl.String).alias(prefix + "id"),
        source.replace_strict(uniques, names, default=None, return_dtype=pl.String).alias(prefix + "name"),
        source.replace_strict(uniques, scores, default=None, return_dtype=pl.Float64).alias(prefix + "score"),
        source.replace_strict(uniques, methods, default=None, return_dtype=pl.String).alias(prefix + "method"),
        *(
            source.replace_strict(uniques, values, default=None, return_dtype=pl.String).alias(prefix + level)
            for level, values in zip(job.levels, levels, strict=True)
        ),
    )


def _dask(ddf: Any, job: _Job) -> Any:
    meta = _pandas(ddf._meta, job)
    return ddf.map_partitions(_pandas, job, meta=meta, align_dataframes=False)
