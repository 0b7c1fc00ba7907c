"""A column of a million mentions: rows per second for resolve_column in one
process (pandas, polars) and on a two-worker Dask cluster, beside calling
resolve() on every row.

    python bench/batch.py            # 1M rows
    python bench/batch.py --rows 200000

The column mimics event data: about 30,000 distinct strings drawn from the
bundled aliases with real-world noise (case, hyphens, articles, and a few
percent with a typo that needs the fuzzy tier) plus names in no table, with a
long-tailed frequency (a few spellings make most rows).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import nonsense, perturb  # noqa: E402

import borderlex  # noqa: E402
from borderlex.index import Strength  # noqa: E402
from borderlex.model import Method  # noqa: E402


def noisy(alias: str, rng: random.Random) -> str:
    """An alias as event data writes it: mostly as listed, often re-cased,
    re-hyphenated or with the article changed, sometimes mistyped."""
    roll = rng.random()
    if roll < 0.55:
        return alias
    if roll < 0.95:
        kind = rng.choice(["upper", "lower", "hyphen", "article", "space"])
        if kind == "upper":
            return alias.upper()
        if kind == "lower":
            return alias.lower()
        if kind == "hyphen":
            return alias.replace(" ", "-") if " " in alias else alias.replace("-", " ")
        if kind == "space":
            return f"  {alias} "
        return perturb(alias, random.Random(rng.random())) if alias[:3].lower() in ("al-", "al ") else "al-" + alias
    return perturb(alias, rng)  # a typo, or another edit the fuzzy tier must catch


def column(
    rows: int, distinct: int = 30_000, seed: int = 11, *, tiers: bool = True
) -> tuple[list[str], dict[str, float]]:
    """The column, and (with ``tiers``) the share of rows each tier answers,
    from the first 100k rows."""
    rng = random.Random(seed)
    r = borderlex.Resolver.default()
    aliases = sorted({e.alias for e in r.index.entries if e.strength is not Strength.WEAK})
    known: set[str] = set(aliases)
    for a in aliases:  # the same names re-cased, re-hyphenated, with articles changed
        for _ in range(4):
            known.add(noisy(a, rng) if rng.random() < 0.9 else a)
    typos = {perturb(rng.choice(aliases), rng) for _ in range(distinct * 3 // 100)}
    others = set(nonsense(rng, distinct - len(known) - len(typos)))  # names in no table
    head = sorted(known)
    rng.shuffle(head)
    tail = sorted(typos | others)
    rng.shuffle(tail)
    values = head + tail  # known spellings are the frequent ones
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(values))]
    col = rng.choices(values, weights=weights, k=rows)
    methods: dict[str, float] = {}
    for v in col[:100_000] if tiers else ():
        m = r.resolve(v)
        key = m.method.value if m else "none"
        methods[key] = methods.get(key, 0) + 1
    share = {k: n / min(rows, 100_000) for k, n in methods.items()} if tiers else {}
    return col, share


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()
    import pandas as pd
    import polars as pl

    col, share = column(args.rows)
    distinct = len(set(col))
    print(
        f"{args.rows:,} rows, {distinct:,} distinct strings; rows by tier: "
        + ", ".join(f"{k} {v:.1%}" for k, v in sorted(share.items()))
    )
    fuzzy = share.get(Method.FUZZY.value, 0)
    print(f"  ({fuzzy:.1%} of the rows need the fuzzy tier)")

    df = pd.DataFrame({"mention": col})
    fresh = borderlex.Resolver.from_tables()  # bundled tables, nothing remembered yet
    t0 = time.perf_counter()
    borderlex.resolve_column(df, "mention", resolver=fresh)
    t = time.perf_counter() - t0
    print(f"  pandas resolve_column, one process:   {args.rows / t:>12,.0f} rows/s  ({t:.2f} s)")

    pdf = pl.DataFrame({"mention": col})
    fresh = borderlex.Resolver.from_tables()
    t0 = time.perf_counter()
    borderlex.resolve_column(pdf, "mention", resolver=fresh)
    t = time.perf_counter() - t0
    print(f"  polars resolve_column, one process:   {args.rows / t:>12,.0f} rows/s  ({t:.2f} s)")

    sample = col[:50_000]
    r = borderlex.Resolver.from_tables()
    t0 = time.perf_counter()
    for v in sample:
        r.resolve(v)
    t = time.perf_counter() - t0
    print(f"  resolve() on every row (50k sample):  {len(sample) / t:>12,.0f} rows/s")

    if not args.no_dask:
        import dask.dataframe as dd
        from dask.distributed import Client, LocalCluster

        with (
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            ddf = dd.from_pandas(df, npartitions=8).persist()
            client.run(lambda: borderlex.Resolver.default() and None)  # workers load the tables first
            t0 = time.perf_counter()
            borderlex.resolve_column(ddf, "mention").compute()
            t = time.perf_counter() - t0
            print(f"  Dask, 2 worker processes:             {args.rows / t:>12,.0f} rows/s  ({t:.2f} s)")


if __name__ == "__main__":
    main()
