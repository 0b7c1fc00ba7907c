"""The speed figures of issue 17, each against a baseline measured in the same run.

    python bench/speed.py                 # all of them, full size
    python bench/speed.py --quick         # smaller inputs (CI's smoke run)

``bench/run.py`` prints the same figures (it imports this module); each
memory figure is taken in a child process of its own, so one measure's
garbage is not another's resident memory:

- ``scan`` MB/s on the corpus (``tests/corpus/*/*.txt`` repeated to ~4 MB)
  against a pyahocorasick automaton over the same aliases on the same text:
  the "C alternative" a user would write by hand (see :class:`Automaton`);
- resident memory per MB of scanned text: ``scan`` of the whole text, and
  ``scan_iter`` over a generator of paragraphs;
- ``resolve_many`` on a column of 1M rows (``bench/batch.py``'s generator:
  a long tail of about 29k distinct strings) with a fresh resolver;
- repeated exact, normalized and name-key hits on a GeoNames table of 100k
  aliases (``bench/geonames_tables.py``), against a dict lookup of the same
  strings.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

SEED = 20161128
CORPUS = ROOT / "tests" / "corpus"


# -- the text ------------------------------------------------------------------------


def corpus_paragraphs() -> list[str]:
    """The corpus articles (English, French, Arabic), cut into paragraphs."""
    out: list[str] = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        out.extend(p + "\n\n" for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return out


def corpus_text(mb: float) -> str:
    """The corpus repeated to about ``mb`` MB of UTF-8."""
    once = "".join(corpus_paragraphs())
    size = len(once.encode("utf-8"))
    return once * max(1, round(mb * 1e6 / size))


def paragraph_stream(mb: float) -> Iterator[str]:
    """The corpus paragraphs, over and over, until about ``mb`` MB went by;
    made one at a time, so the whole text never exists in memory."""
    paragraphs = corpus_paragraphs()
    budget = mb * 1e6
    sent = 0
    while True:
        for p in paragraphs:
            yield p
            sent += len(p.encode("utf-8"))
            if sent >= budget:
                return


def mb_of(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


# -- the C alternative -----------------------------------------------------------------


class Automaton:
    """What a user would wire by hand for scanning: pyahocorasick over the
    normalized form of every alias, a ``str.translate`` table that folds the
    text the same way character by character (case, accents, Arabic letter
    variants, punctuation to spaces), and a word-boundary check at each hit.

    It finds the aliases as normalized, nothing more: no name keys (glued
    articles, romanization alternations), no case rules, no designators, no
    choice among entities sharing a spelling, no whole-name check.  Its
    figure is the speed of C doing the matching with Python at each hit.
    """

    def __init__(self, resolver: Any) -> None:
        import ahocorasick

        from borderlex.normalization import normalize

        self._normalize = normalize
        self.automaton = ahocorasick.Automaton()
        keys: dict[str, str] = {}
        for e in resolver.index.entries:
            key = normalize(e.alias)
            if key:
                keys.setdefault(key, e.entity.id)
        for key, entity_id in keys.items():
            self.automaton.add_word(key, (len(key), entity_id))
        self.automaton.make_automaton()
        self.patterns = len(keys)
        self._fold: dict[int, str] = {}

    def _table(self, text: str) -> dict[int, str]:
        # The fold of each character borderlex's normalize gives it inside a
        # word, worked out once per distinct character (``set`` runs in C).
        for c in set(text):
            if ord(c) not in self._fold:
                folded = self._normalize(f"x{c}x")
                self._fold[ord(c)] = folded[1:-1] if folded.startswith("x") and folded.endswith("x") else " "
        return self._fold

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of each alias found on word boundaries, in
        the folded text."""
        folded = text.translate(self._table(text))
        n = len(folded)
        found = []
        for end, (size, entity_id) in self.automaton.iter(folded):
            start = end - size + 1
            if (start == 0 or not folded[start - 1].isalnum()) and (end + 1 == n or not folded[end + 1].isalnum()):
                found.append((start, end + 1, entity_id))
        return found


def measure_scan_vs_automaton(resolver: Any, mb: float) -> dict[str, Any]:
    """``scan`` and the automaton on the same text, MB/s, in this process."""
    text = corpus_text(mb)
    size = mb_of(text)
    resolver.scan("Daesh in Raqqa")  # the scanner is built on first use: not timed
    gc.collect()
    # Wall and CPU time: on a shared machine the CPU time of this process
    # varies less (the ratio is the figure that counts).
    t0, c0 = time.perf_counter(), time.process_time()
    mentions = resolver.scan(text)
    ours, ours_cpu = size / (time.perf_counter() - t0), size / (time.process_time() - c0)
    t0 = time.perf_counter()
    automaton = Automaton(resolver)
    build = time.perf_counter() - t0
    best = best_cpu = float("inf")
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        hits = automaton.find(text)
        best, best_cpu = min(best, time.perf_counter() - t0), min(best_cpu, time.process_time() - c0)
    return {
        "mb": size,
        "scan_mb_s": ours,
        "scan_cpu_mb_s": ours_cpu,
        "scan_mentions": len(mentions),
        "automaton_mb_s": size / best,
        "automaton_cpu_mb_s": size / best_cpu,
        "automaton_build_s": build,
        "automaton_hits": len(hits),
        "automaton_patterns": automaton.patterns,
        "ratio": ours / (size / best),
        "ratio_cpu": ours_cpu / (size / best_cpu),
    }


# -- memory ----------------------------------------------------------------------------


def rss_mb() -> float:
    """This process's resident memory now (from /proc), in MB."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM) since the last
    :func:`reset_peak`, in MB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def reset_peak() -> None:
    """Start the peak over from the memory resident now (Linux: writing 5 to
    /proc/self/clear_refs), so loading the tables does not count as the scan's."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
    except OSError:
        pass


def _rss_child(mb: float, streaming: bool) -> dict[str, Any]:
    """In a fresh process: resident memory a scan adds, per MB of text."""
    import borderlex

    resolver = borderlex.Resolver.default()
    resolver.scan("Daesh in Raqqa, الرقة")  # build the scanner and decode the index first
    half: list[float] = []
    sent = [0]  # bytes streamed so far
    if streaming:

        def paragraphs() -> Iterator[str]:
            # The RSS half-way through the stream and at its end show whether
            # memory stays flat.
            for p in paragraph_stream(mb):
                yield p
                sent[0] += len(p.encode("utf-8"))
                if not half and sent[0] >= mb * 1e6 / 2:
                    half.append(rss_mb())

        gc.collect()
        reset_peak()
        before, peak_before = rss_mb(), peak_rss_mb()
        count = sum(1 for _ in resolver.scan_iter(paragraphs()))
        size = sent[0] / 1e6
    else:
        text = corpus_text(mb)
        size = mb_of(text)
        gc.collect()
        reset_peak()
        before, peak_before = rss_mb(), peak_rss_mb()
        mentions = resolver.scan(text)
        count = len(mentions)
    after = rss_mb()
    peak = peak_rss_mb()
    return {
        "mb": size,
        "mentions": count,
        "before_mb": before,
        "half_mb": half[0] if half else None,
        "after_mb": after,
        "peak_mb": peak,
        "peak_before_mb": peak_before,
        "retained_per_mb": (after - before) / size,
        # The peak is known only when the scan raised it above any earlier one.
        "peak_per_mb": (peak - before) / size if peak > peak_before else None,
    }


def measure_rss(mb: float) -> dict[str, Any]:
    out = {}
    for label, streaming in (("scan", False), ("scan_iter", True)):
        proc = subprocess.run(
            [sys.executable, str(Path(__file__)), "--rss-child", str(mb)] + (["--streaming"] if streaming else []),
            capture_output=True,
            text=True,
            check=True,
        )
        out[label] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


# -- resolve_many on a column ------------------------------------------------------------


def measure_resolve_many(rows: int) -> dict[str, Any]:
    """``resolve_many`` with a fresh resolver (nothing remembered), then again."""
    import borderlex
    from batch import column

    col, _ = column(rows, tiers=False)
    distinct = len(set(col))
    fresh = borderlex.Resolver.from_tables()
    gc.collect()
    t0 = time.perf_counter()
    fresh.resolve_many(col)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    fresh.resolve_many(col)
    again = time.perf_counter() - t0
    return {"rows": rows, "distinct": distinct, "fresh_rows_s": rows / first, "warm_rows_s": rows / again}


# -- repeated hits at a table size ---------------------------------------------------------


def hit_queries(resolver: Any, n: int) -> dict[str, list[str]]:
    """Queries that hit by each method: aliases as written; re-cased or
    re-spaced (normalized hits); articles or spaces changed (name-key hits).
    Each query's method is checked, not assumed."""
    from borderlex.model import Method

    rng = random.Random(SEED)
    entries = list(resolver.index.entries)
    rng.shuffle(entries)
    out: dict[str, list[str]] = {"exact": [], "normalized": [], "name_key": []}
    want = {"exact": Method.EXACT, "normalized": Method.NORMALIZED, "name_key": Method.NAME_KEY}

    def variants(alias: str) -> dict[str, list[str]]:
        words = alias.split()
        keyed = [alias.replace("-", ""), "al-" + alias, "Al " + alias]
        if len(words) > 1:
            keyed.append("".join(words))
        if alias.lower().startswith(("al-", "al ", "el-", "el ")):
            keyed.append(alias[3:])
        return {"exact": [alias], "normalized": [alias.upper(), alias.lower(), f" {alias} "], "name_key": keyed}

    for e in entries:
        if all(len(v) >= n for v in out.values()):
            break
        for method, qs in variants(e.alias).items():
            if len(out[method]) >= n:
                continue
            for q in qs:
                m = resolver.resolve(q)
                if m is not None and m.method is want[method]:
                    out[method].append(q)
                    break
    resolver.clear_cache()
    return out


def _rate(fn: Any, queries: list[str], seconds: float) -> float:
    """Calls per second of ``fn`` cycling over ``queries`` (already warm)."""
    done = 0
    t0 = time.perf_counter()
    while True:
        for q in queries:
            fn(q)
        done += len(queries)
        elapsed = time.perf_counter() - t0
        if elapsed > seconds:
            return done / elapsed


def _hits_child(size: int, seconds: float) -> dict[str, Any]:
    import borderlex

    path = HERE / "out" / f"geonames-{size}.toml"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "geonames_tables.py"), str(size)], check=True, capture_output=True)
    resolver = borderlex.Resolver.from_tables(path, include_default=False)
    queries = hit_queries(resolver, 3000 if seconds >= 1 else 1000)  # fewer in a quick run
    out: dict[str, Any] = {"aliases": len(resolver.index)}
    floor: dict[str, Any] = {}
    for method, qs in queries.items():
        if not qs:
            continue
        for q in qs:  # the first time is another figure ("exact, first time" in run.py)
            resolver.resolve(q)
        lookup = dict.fromkeys(qs, 0)
        # The floor: a Python function that looks the string up in a dict.
        floor[method] = _rate(lambda q: lookup.get(q), qs, seconds / 2)  # noqa: B023
        out[method] = {"queries": len(qs), "per_s": _rate(resolver.resolve, qs, seconds), "dict_per_s": floor[method]}
    return out


def measure_hits(size: int, seconds: float) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, str(Path(__file__)), "--hits-child", str(size), "--seconds", str(seconds)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# -- all of it ---------------------------------------------------------------------------------


def measure_all(resolver: Any, quick: bool) -> dict[str, Any]:
    return {
        # Quick (CI's smoke run): a quarter of a MB, 20k rows and the 10k table, a few seconds in all.
        "scan": measure_scan_vs_automaton(resolver, 0.25 if quick else 4.0),
        "rss": measure_rss(0.25 if quick else 4.0),
        "resolve_many": measure_resolve_many(20_000 if quick else 1_000_000),
        "hits": measure_hits(10_000 if quick else 100_000, 0.2 if quick else 2.0),
    }


def report(s: dict[str, Any]) -> None:
    sc = s["scan"]
    print(
        f"\n== scan, the corpus repeated ({sc['mb']:.2f} MB): borderlex {sc['scan_mb_s']:.2f} MB/s"
        f" ({sc['scan_mentions']:,} mentions) = {sc['ratio']:.3f}x the C automaton"
        f" ({sc['automaton_mb_s']:.2f} MB/s, {sc['automaton_hits']:,} hits;"
        f" {sc['automaton_patterns']:,} patterns, built in {sc['automaton_build_s']:.2f} s);"
        f" CPU time: {sc['scan_cpu_mb_s']:.2f} against {sc['automaton_cpu_mb_s']:.2f} MB/s = {sc['ratio_cpu']:.3f}x"
    )
    for label, r in s["rss"].items():
        peak = f"{r['peak_per_mb']:.1f}" if r["peak_per_mb"] is not None else "n/a"
        print(
            f"   RSS, {label} of {r['mb']:.1f} MB: +{r['retained_per_mb']:.1f} MB per MB of text after,"
            f" peak +{peak} MB per MB ({r['before_mb']:.0f} MB before,"
            + (f" {r['half_mb']:.0f} MB half-way," if r["half_mb"] is not None else "")
            + f" {r['after_mb']:.0f} MB after,"
            f" {r['mentions']:,} mentions)"
        )
    rm = s["resolve_many"]
    print(
        f"\n== resolve_many, {rm['rows']:,} rows ({rm['distinct']:,} distinct): fresh resolver"
        f" {rm['fresh_rows_s']:,.0f} rows/s; again (answers remembered) {rm['warm_rows_s']:,.0f} rows/s"
    )
    h = s["hits"]
    print(f"\n== repeated hits, {h['aliases']:,} aliases (against a dict lookup of the same strings):")
    for method in ("exact", "normalized", "name_key"):
        if method in h:
            r = h[method]
            print(
                f"   {method:<11}{r['per_s']:>12,.0f}/s  dict {r['dict_per_s']:>12,.0f}/s"
                f"  = {r['per_s'] / r['dict_per_s']:.2f}x  ({r['queries']:,} queries)"
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rss-child", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--streaming", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--hits-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--seconds", type=float, default=2.0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rss_child:
        print(json.dumps(_rss_child(args.rss_child, args.streaming)))
        return 0
    if args.hits_child:
        print(json.dumps(_hits_child(args.hits_child, args.seconds)))
        return 0
    import borderlex

    report(measure_all(borderlex.Resolver.default(), args.quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
