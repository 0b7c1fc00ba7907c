"""Multi-pattern matchers for scan(), compared on the same work.

    pip install pyahocorasick ahocorasick-rs   # only for this comparison
    python bench/automata.py

All matchers look for the normalized form of every alias in the normalized
text of the seed articles (repeated), and keep matches that start and end on
word boundaries.  borderlex's own matcher walks word units against a sorted
list of keys (see ``src/borderlex/scanning.py``); it also does the name-key
folding the others cannot (glued articles, alternations), so it does more per
match.  Normalizing the text, which every approach needs, is timed apart.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import news_text  # noqa: E402

import borderlex  # noqa: E402
from borderlex.index import Strength  # noqa: E402
from borderlex.normalization import normalize, normalize_with_offsets  # noqa: E402


class PurePythonAC:
    """A textbook Aho-Corasick automaton in pure Python (dict transitions)."""

    def __init__(self, patterns: list[str]) -> None:
        self.goto: list[dict[str, int]] = [{}]
        self.out: list[list[int]] = [[]]
        self.fail: list[int] = [0]
        for pid, p in enumerate(patterns):
            node = 0
            for ch in p:
                nxt = self.goto[node].get(ch)
                if nxt is None:
                    nxt = len(self.goto)
                    self.goto[node][ch] = nxt
                    self.goto.append({})
                    self.out.append([])
                    self.fail.append(0)
                node = nxt
            self.out[node].append(pid)
        queue = list(self.goto[0].values())
        while queue:
            node = queue.pop(0)
            for ch, nxt in self.goto[node].items():
                queue.append(nxt)
                f = self.fail[node]
                while f and ch not in self.goto[f]:
                    f = self.fail[f]
                self.fail[nxt] = self.goto[f].get(ch, 0) if self.goto[f].get(ch, 0) != nxt else 0
                self.out[nxt] = self.out[nxt] + self.out[self.fail[nxt]]

    def iter(self, text: str) -> list[tuple[int, int]]:
        node = 0
        found = []
        goto, fail, out = self.goto, self.fail, self.out
        for i, ch in enumerate(text):
            while node and ch not in goto[node]:
                node = fail[node]
            node = goto[node].get(ch, 0)
            for pid in out[node]:
                found.append((i, pid))
        return found


def bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] == " ") and (end == len(text) or text[end] == " ")


def main() -> None:
    resolver = borderlex.Resolver.default()
    patterns = sorted({normalize(e.alias) for e in resolver.index.entries if e.strength is not Strength.WEAK} - {""})
    text, source = news_text()
    big = text * 20
    mb = len(big.encode()) / 1e6
    print(f"{len(patterns)} patterns; {source} x20 = {mb:.2f} MB")

    t0 = time.perf_counter()
    norm, _ = normalize_with_offsets(big)
    t_norm = time.perf_counter() - t0
    print(f"  normalize_with_offsets (shared by all):  {mb / t_norm:8.2f} MB/s")

    rows = []
    try:
        import ahocorasick

        t0 = time.perf_counter()
        a = ahocorasick.Automaton()
        for i, p in enumerate(patterns):
            a.add_word(p, i)
        a.make_automaton()
        build = time.perf_counter() - t0
        t0 = time.perf_counter()
        n = sum(1 for end, pid in a.iter(norm) if bounded(norm, end - len(patterns[pid]) + 1, end + 1))
        rows.append(("pyahocorasick", build, time.perf_counter() - t0, n))
    except ImportError:
        print("  (pyahocorasick not installed)")
    try:
        import ahocorasick_rs

        t0 = time.perf_counter()
        ac = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        build = time.perf_counter() - t0
        t0 = time.perf_counter()
        n = sum(1 for pid, s, e in ac.find_matches_as_indexes(norm) if bounded(norm, s, e))
        rows.append(("ahocorasick-rs (leftmost-longest)", build, time.perf_counter() - t0, n))
    except ImportError:
        print("  (ahocorasick-rs not installed)")
    t0 = time.perf_counter()
    pure = PurePythonAC(patterns)
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(1 for end, pid in pure.iter(norm) if bounded(norm, end - len(patterns[pid]) + 1, end + 1))
    rows.append(("pure-Python Aho-Corasick", build, time.perf_counter() - t0, n))

    scanner = resolver.scanner()
    from borderlex.scan_units import units_of

    t0 = time.perf_counter()
    units = units_of(big)
    t_units = time.perf_counter() - t0
    t0 = time.perf_counter()
    hits = scanner._hits(units)  # the matching step alone
    rows.append(("borderlex unit walk + bisect", 0.0, time.perf_counter() - t0, len(hits)))
    print(f"  borderlex units_of (normalize + units):  {mb / t_units:8.2f} MB/s")
    print(f"  {'matcher':<36}{'build s':>9}{'match MB/s':>12}{'matches':>9}")
    for name, b, t, n in rows:
        print(f"  {name:<36}{b:>9.3f}{mb / t:>12.2f}{n:>9}")
    t0 = time.perf_counter()
    resolver.scan(big)
    print(f"  borderlex.scan() end to end:             {mb / (time.perf_counter() - t0):8.2f} MB/s")


if __name__ == "__main__":
    main()
