"""Streams through the command line: memory stays flat, repeated lines are cheap.

    python bench/streams.py --quick      # 4 MB and 100k lines (CI smoke run)
    python bench/streams.py              # 200 MB and 1M lines

``scan -``: a generated stream (news-like paragraphs, several mentions each)
is written into ``borderlex scan -`` while the child's resident memory is
sampled from /proc; the figures are RSS after 5%, 50% and 100% of the input
and the peak, so a flat line means memory does not grow with the input.

``lookup -``: a stream of names in which a few thousand distinct spellings
(most of them names the tables lack) repeat, as a column of event data does;
lines per second, against ``cat`` of the same stream through the same pipe.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20161128

PARAGRAPHS = [
    "ISIS fighters fled Albu Kamal towards the Qaim border crossing, the Syrian Observatory said on {n}.",
    "The SDF and the US-led coalition pressed on Hajin in Deir ez-Zor province while Russian jets struck Idlib.",
    "قالت قوات سوريا الديمقراطية إن تنظيم داعش شن هجوما على بلدة هجين في ريف دير الزور الشرقي يوم {n}.",
    "Les Forces démocratiques syriennes ont repris Raqqa à l'État islamique, selon l'OSDH, le {n}.",
    "Kata'ib Hezbollah claimed a drone attack on Ain al-Asad air base in Anbar; nobody else was named on {n}.",
    "Farmers near the river said the price of bread rose again this week, and schools stayed closed on {n}.",
]


def _script() -> str:
    exe = Path(sys.executable).parent / "borderlex"
    return str(exe) if exe.exists() else "borderlex"


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def scan_stream(megabytes: int) -> dict[str, float]:
    """Feed ``megabytes`` of text to ``borderlex scan -``; RSS as it goes."""
    rng = random.Random(SEED)
    proc = subprocess.Popen([_script(), "scan", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin and proc.stdout
    out_lines = 0

    def drain() -> None:
        nonlocal out_lines
        assert proc.stdout
        for _ in proc.stdout:
            out_lines += 1

    reader = threading.Thread(target=drain)
    reader.start()
    total = megabytes << 20
    sent = 0
    marks = {int(total * f): f for f in (0.05, 0.5)}
    samples: dict[str, float] = {}
    peak = 0
    start = time.perf_counter()
    block: list[str] = []
    while sent < total:
        block = [rng.choice(PARAGRAPHS).format(n=rng.randint(1, 28)) + "\n\n" for _ in range(2000)]
        data = "".join(block).encode()
        proc.stdin.write(data)
        sent += len(data)
        rss = _rss_kb(proc.pid)
        peak = max(peak, rss)
        for mark, fraction in list(marks.items()):
            if sent >= mark:
                samples[f"rss_mb_at_{int(fraction * 100)}pct"] = rss / 1024
                del marks[mark]
    proc.stdin.close()
    samples["rss_mb_at_100pct"] = _rss_kb(proc.pid) / 1024
    proc.wait()
    reader.join()
    elapsed = time.perf_counter() - start
    samples["rss_mb_peak"] = max(peak, int(samples["rss_mb_at_100pct"] * 1024)) / 1024
    samples["mb"] = sent / (1 << 20)
    samples["mb_per_s"] = sent / (1 << 20) / elapsed
    samples["mentions"] = out_lines
    return samples


def lookup_stream(lines: int) -> dict[str, float]:
    """``lines`` names, a few thousand distinct, mostly misses, through ``lookup -``."""
    rng = random.Random(SEED)
    misses = [f"Unknown Place {i}" for i in range(3000)] + [f"Sheikh Ahmad al-{i:x}" for i in range(1000)]
    hits = ["Albu Kamal", "Deir ez-Zor", "ISIS", "Hayat Tahrir al-Sham", "البوكمال", "Raqqa", "SDF"]
    pool = misses + hits * 100
    data = "".join(rng.choice(pool) + "\n" for _ in range(lines)).encode()
    figures: dict[str, float] = {}
    for name, cmd in (("cat", ["cat"]), ("borderlex", [_script(), "lookup", "-"])):
        start = time.perf_counter()
        proc = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        rows = proc.stdout.count(b"\n")
        assert rows == lines, f"{name}: {rows} rows for {lines} lines"
        figures[f"{name}_lines_per_s"] = lines / elapsed
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="4 MB and 100k lines")
    parser.add_argument("--megabytes", type=int, help="size of the scan stream (default 200, quick 4)")
    parser.add_argument("--lines", type=int, help="lines of the lookup stream (default 1M, quick 100k)")
    args = parser.parse_args(argv)
    megabytes = args.megabytes or (4 if args.quick else 200)
    lines = args.lines or (100_000 if args.quick else 1_000_000)
    if os.name != "posix":
        print("streams: /proc is needed to sample memory; skipped")
        return 0
    s = scan_stream(megabytes)
    print(
        f"scan -   {s['mb']:.0f} MB in, {s['mb_per_s']:.2f} MB/s, {s['mentions']:.0f} mentions; RSS "
        f"{s['rss_mb_at_5pct']:.0f} MB at 5%, {s['rss_mb_at_50pct']:.0f} MB at 50%, "
        f"{s['rss_mb_at_100pct']:.0f} MB at the end, peak {s['rss_mb_peak']:.0f} MB"
    )
    lk = lookup_stream(lines)
    print(
        f"lookup - {lines:,} lines (4,700 distinct, mostly misses): "
        f"{lk['borderlex_lines_per_s']:,.0f} lines/s (cat through the same pipe: {lk['cat_lines_per_s']:,.0f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
