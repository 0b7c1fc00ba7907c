"""Dataset cells: borderlex on the columns event-data users pass as they are.

    python bench/cells.py                 # dev and test halves
    python bench/cells.py --split dev     # one half (tune on dev only)
    python bench/cells.py --fails         # and every miss

The table is ``tests/cells/cells.tsv`` (see its README): cells in the formats
of ACLED, UCDP, GDELT, GTD, OCHA/HDX, Airwars and analyst spreadsheets, each
with the bundled id it names or ``-`` for a generic or unbundled cell, the
expected ids read from the alias tables before borderlex was run on them.
Rows alternate between the halves within each format: the first row of a
format is dev, the second test, and so on.

Per format: of the cells naming a bundled entity, how many ``resolve()``
links right, wrong or to nothing; of the generic or unbundled cells, how
many it links to anything.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "cells" / "cells.tsv"
SPLITS = ("dev", "test")


class Row(NamedTuple):
    format: str
    cell: str
    expected: str | None
    source: str
    note: str
    split: str


class Score(NamedTuple):
    right: int
    wrong: int
    none: int
    others: int  # generic or unbundled cells
    linked: int  # of those, linked to something

    @property
    def recall(self) -> float:
        named = self.right + self.wrong + self.none
        return self.right / named if named else 1.0

    @property
    def linked_share(self) -> float:
        return self.linked / self.others if self.others else 0.0


def load(split: str = "all", table: Path = TABLE) -> list[Row]:
    """The rows of the table, of one half or all."""
    lines = table.read_text(encoding="utf-8").splitlines()
    seen: dict[str, int] = defaultdict(int)
    rows = []
    for line in lines[1:]:
        fmt, cell, expected, source, note = line.split("\t")
        half = SPLITS[seen[fmt] % 2]
        seen[fmt] += 1
        if split in ("all", half):
            rows.append(Row(fmt, cell, None if expected == "-" else expected, source, note, half))
    return rows


def score(rows: list[Row]) -> tuple[dict[str, Score], list[tuple[Row, str | None]]]:
    """Scores per format (and "all"), and the misses with what was linked."""
    import borderlex  # noqa: PLC0415 - the script's --help works without the package

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    misses = []
    for row in rows:
        found = borderlex.resolve(row.cell)
        got = found.id if found else None
        for key in (row.format, "all"):
            c = counts[key]
            if row.expected is None:
                c[3] += 1
                c[4] += got is not None
            else:
                c[0 if got == row.expected else 1 if got else 2] += 1
        if got != row.expected:
            misses.append((row, got))
    return {k: Score(*v) for k, v in counts.items()}, misses


def report(split: str, fails: bool) -> str:
    rows = load(split)
    scores, misses = score(rows)
    out = [
        f"### {split}: {len(rows)} cells",
        "",
        "| format | right | wrong | none | share right | generic/unbundled | linked |",
        "|---|---|---|---|---|---|---|",
    ]
    for fmt in sorted(scores, key=lambda f: (f == "all", f)):
        s = scores[fmt]
        linked = f"{s.linked} ({s.linked_share:.3f})"
        out.append(f"| {fmt} | {s.right} | {s.wrong} | {s.none} | {s.recall:.3f} | {s.others} | {linked} |")
    if fails:
        out += ["", *(f"{r.format}\t{r.cell!r}\texpected {r.expected or '-'}\tgot {got or '-'}" for r, got in misses)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default=None)
    parser.add_argument("--fails", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    for split in (args.split,) if args.split else SPLITS:
        print(report(split, args.fails), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
